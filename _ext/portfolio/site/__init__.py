"""How the website is delivered: quiet logs, incremental builds that equal
clean ones, head metadata, lean assets, robots.txt and a sorted sitemap,
reproducible outputs, accessible markup.

- ``quiet.py``: the build log shows progress and warnings, not notices;
- ``incremental.py``: a changed structure rewrites every page;
- ``searchentries.py``: the search index keeps every page's index entries;
- ``stableconfig.py``: the configuration holds still during a build;
- ``head.py``: each page's description; the landing page's JSON-LD;
- ``assets.py`` and ``cssprune.py``: each page loads only the CSS and JS it uses;
- ``minify.py``: Sphinx's scripts and ours, minified;
- ``robots.py``: robots.txt pointing at the sitemap;
- ``reproducible.py``: byte-identical ePub, sitemap and PDF from one commit;
- ``a11y.py``: bibliography entries as list items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    a11y,
    assets,
    head,
    incremental,
    minify,
    quiet,
    reproducible,
    robots,
    searchentries,
    stableconfig,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    quiet.setup(app)  # progress and warnings only: no other tool's notices
    stableconfig.setup(app)  # no configuration value changes after config-inited
    incremental.setup(app)  # a change of structure rewrites every page's navigation
    searchentries.setup(app)  # the search index keeps every page's index entries
    a11y.setup(app)  # bibliography entries as list items (no deprecated ARIA role)
    head.setup(app)  # each page's description; the person as JSON-LD
    robots.setup(app)  # robots.txt pointing at the sitemap, for the web site
    reproducible.setup(app)  # byte-identical ePub and sitemap from one commit
    app.connect("builder-inited", minify.minify_scripts)
    # After every other handler (default priority 500) has added its assets.
    app.connect("html-page-context", assets.trim_assets, priority=900)
