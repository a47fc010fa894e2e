"""The portfolio extension: the career model read from front matter, and the
views, exports and LaTeX résumé generated from it. ``setup()`` is the table
of contents, and the one place its configuration values are declared.

Two parts, one extension: the product (the model and everything generated
from it) and its delivery (how the website is served: fast, reproducible,
accessible, crawlable). The delivery modules were considered as a second
local extension, so that conf.py would list the two apart, and were kept
here, listed apart in ``setup()``, because they are not independent of the
product: ``description`` skips the product's project-date lines,
``minify`` minifies the product's search scorer, ``stableconfig`` settles
minify's paths before Sphinx compares configurations, and ``reproducible``
dates outputs by the model's "now". A second extension would import the
first and share its configuration values (``portfolio_speedups``), so the
split would be in name only, with the values declared in two places again.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    a11y,
    assets,
    bibstyle,
    collect,
    description,
    download,
    exports,
    figure,
    latex,
    minify,
    model,
    quiet,
    reproducible,
    resumebuilder,
    robots,
    search,
    searchentries,
    searchpage,
    stableconfig,
    structure,
    variants,
    views,
)


def setup(app: Sphinx) -> dict:
    # -- Configuration: conf.py decides every value, from the environment ----
    # "present" is the month of SOURCE_DATE_EPOCH, never the clock: two builds
    # of one commit agree. Not an "env" value: it changes no page as read.
    app.add_config_value("portfolio_source_date_epoch", None, "", types=(int, type(None)))
    # The standalone résumé with the phone number (latex.py) ...
    app.add_config_value("portfolio_private", False, "", types=frozenset({bool}))
    # ... which a Read the Docs build refuses: it publishes what it builds.
    app.add_config_value("portfolio_readthedocs", False, "", types=frozenset({bool}))
    # Where typeset résumé variants are kept by hash (default: the doctree
    # directory); the tests share one between their builds of the site's copies.
    app.add_config_value("portfolio_resume_cache", "", "", types=frozenset({str}))
    # `sphinx-build -b resume` (./run resume): one variant made up on the
    # spot, its focus (skills, languages or projects) and page limit.
    app.add_config_value("portfolio_resume_focus", [], "", types=frozenset({list}))
    app.add_config_value("portfolio_resume_pages", 0, "", types=frozenset({int}))
    # The website's speed (benchmarks/RESULTS.md): each page loads only the
    # CSS and JS it uses, Sphinx's scripts minified, a search page that holds
    # still. Off: pages as furo and the extensions ship them.
    app.add_config_value("portfolio_speedups", True, "html", types=frozenset({bool}))

    # -- The build: quiet, and right when incremental -----------------------
    quiet.setup(app)  # progress and warnings only: no other tool's notices
    stableconfig.setup(app)  # no configuration value changes after config-inited
    collect.setup(app)  # what each page contributes, kept across builds
    structure.setup(app)  # a change of structure rewrites every page's navigation
    searchentries.setup(app)  # the search index keeps every page's index entries

    # -- The product: the career model and what is generated from it ---------
    bibstyle.register()  # citations read "PEP 440"
    model.setup(app)  # the career model, validated once all pages are read
    views.setup(app)  # timeline, skills map, fact lines, backlinks ... every format
    figure.setup(app)  # the career drawn: SVG in HTML and ePub, TikZ in the PDF
    exports.setup(app)  # resume.json and JSON-LD, for the web site
    latex.setup(app)  # the résumé: pages 1-2 of the PDF, and resume.pdf
    variants.setup(app)  # the résumé variants index.md declares, checked in every build
    download.setup(app)  # the résumé variants, typeset for the website's download area
    resumebuilder.setup(app)  # sphinx-build -b resume: the variants alone, on demand
    search.setup(app)  # search: each page once, with an excerpt, the work first

    # -- Its delivery: how the website is served ------------------------------
    a11y.setup(app)  # bibliography entries as list items (no deprecated ARIA role)
    description.setup(app)  # each page's description for link previews
    robots.setup(app)  # robots.txt pointing at the sitemap, for the web site
    reproducible.setup(app)  # byte-identical ePub and sitemap from one commit
    app.connect("builder-inited", minify.minify_scripts)
    app.connect("html-page-context", searchpage.add_search_css)
    # After every other handler (default priority 500) has added its assets.
    app.connect("html-page-context", assets.trim_assets, priority=900)
    return {
        "version": "1",
        "env_version": 6,  # bump when what the extension keeps on the env changes
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
