"""The portfolio extension: the career model read from front matter, and the
views, exports and LaTeX résumé generated from it. ``setup()`` is the table
of contents."""

from __future__ import annotations

from sphinx.application import Sphinx

from . import a11y, bibstyle, description, reproducible, robots


def setup(app: Sphinx) -> dict:
    bibstyle.register()
    a11y.setup(app)  # bibliography entries as list items (no deprecated ARIA role)
    description.setup(app)  # each page's description for link previews
    robots.setup(app)  # robots.txt pointing at the sitemap, for the web site
    reproducible.setup(app)  # byte-identical ePub and sitemap from one commit
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
