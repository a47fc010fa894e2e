"""The portfolio extension: the career model read from front matter, and the
views, exports and LaTeX résumé generated from it. ``setup()`` is the table
of contents."""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    a11y, assets, bibstyle, collect, description, download, exports, figure, latex, minify, model,
    quiet, reproducible, resumebuilder, robots, search, searchentries, searchpage, stableconfig,
    structure, typeset, variants, views,
)


def setup(app: Sphinx) -> dict:
    bibstyle.register()
    quiet.setup(app)  # progress and warnings only: no other tool's notices
    stableconfig.setup(app)  # no configuration value changes after config-inited
    collect.setup(app)  # what each page contributes, kept across builds
    structure.setup(app)  # a change of structure rewrites every page's navigation
    searchentries.setup(app)  # the search index keeps every page's index entries
    model.setup(app)  # the career model, validated once all pages are read
    views.setup(app)  # timeline, skills map, fact lines, backlinks ... every format
    figure.setup(app)  # the career drawn: SVG in HTML and ePub, TikZ in the PDF
    exports.setup(app)  # resume.json and JSON-LD, for the web site
    a11y.setup(app)  # bibliography entries as list items (no deprecated ARIA role)
    description.setup(app)  # each page's description for link previews
    robots.setup(app)  # robots.txt pointing at the sitemap, for the web site
    reproducible.setup(app)  # byte-identical ePub and sitemap from one commit
    latex.setup(app)  # the résumé: pages 1-2 of the PDF, and resume.pdf
    variants.setup(app)  # the résumé variants index.md declares, checked in every build
    typeset.setup(app)  # résumé variants typeset and fitted to their page limits
    download.setup(app)  # the résumé variants, typeset for the website's download area
    resumebuilder.setup(app)  # sphinx-build -b resume: the variants alone, on demand
    search.setup(app)  # search: each page once, with an excerpt, the work first
    # The website's speed (benchmarks/RESULTS.md): each page loads only the
    # CSS and JS it uses, Sphinx's scripts minified, a search page that holds
    # still. Off: pages as furo and the extensions ship them.
    app.add_config_value("portfolio_speedups", True, "html", types=frozenset({bool}))
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
