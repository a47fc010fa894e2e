"""How the website is delivered: quiet logs, incremental builds that equal
clean ones, head metadata, lean assets, robots.txt and a sorted sitemap,
reproducible outputs, accessible markup.

- ``quiet.py``: the build log shows progress and warnings, not notices;
- ``incremental.py``: every build writes every page and a whole search index;
- ``head.py``: each page's description; the landing page's JSON-LD;
- ``assets.py`` and ``cssprune.py``: each page loads only the CSS and JS it uses;
- ``minify.py``: Sphinx's scripts and ours, minified in the output;
- ``robots.py``: robots.txt pointing at the sitemap;
- ``reproducible.py``: byte-identical ePub, sitemap and PDF from one commit;
- ``a11y.py``: bibliography entries as list items;
- ``notes.py``: what a test would find (a stale social image, a summary's
  figure the model does not give), said as notes at the end of each build;
  ``ogimage.py``: when the social image is stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    a11y,
    assets,
    head,
    incremental,
    minify,
    notes,
    quiet,
    reproducible,
    robots,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    quiet.setup(app)  # progress and warnings only: no other tool's notices
    incremental.setup(app)  # every build writes every page, and the search index anew
    a11y.setup(app)  # bibliography entries as list items (no deprecated ARIA role)
    head.setup(app)  # each page's description; the person as JSON-LD
    robots.setup(app)  # robots.txt pointing at the sitemap, for the web site
    reproducible.setup(app)  # byte-identical ePub and sitemap from one commit
    notes.setup(app)  # what a test would find, as notes (not warnings) at the end
    app.connect("build-finished", minify.minify_scripts)
    # After every other handler (default priority 500) has added its assets.
    app.connect("html-page-context", assets.trim_assets, priority=900)
