"""The portfolio extension: the career model read from front matter, and the
views, exports and LaTeX résumé generated from it. ``setup()`` is the table
of contents."""

from __future__ import annotations

from sphinx.application import Sphinx

from . import assets, bibstyle, minify, searchpage


def setup(app: Sphinx) -> dict:
    bibstyle.register()
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
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
