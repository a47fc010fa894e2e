"""The portfolio extension: the career model read from front matter, and the
views, exports and LaTeX résumé generated from it. ``setup()`` is the table
of contents."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from . import a11y, bibstyle, reproducible, robots


def setup(app: Sphinx) -> dict:
    bibstyle.register()
    # Bibliography entries as list items, not the deprecated doc-biblioentry.
    app.add_node(nodes.citation, override=True, html=(a11y.visit_citation, None))
    # robots.txt next to the sitemap, from html_baseurl.
    app.connect("build-finished", robots.write_robots_txt)
    # Byte-identical builds: the ePub's zip entries dated SOURCE_DATE_EPOCH,
    # the sitemap in a fixed order (after sphinx-sitemap has written it).
    app.connect("build-finished", reproducible.normalize_epub)
    app.connect("build-finished", reproducible.sort_sitemap, priority=900)
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
