"""Search that answers: each page once, with the words that matched in
context, the role and contribution pages before the pages that list them.

Sphinx's searchtools.js finds the pages; this package gives it what it lacks:

- ``index.py``: each page's text in the search index, for excerpts;
- ``text.py``: that text, read from the page's HTML (pure);
- ``page.py``: the search page's scorer, results list and layout;
- ``static/search.js``: the results list; ``scorer.js``: the ranking (Sphinx inlines it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import index, page

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.connect("config-inited", page.add_static)
    app.connect("html-page-context", page.add_script)
    app.connect("build-finished", index.add_texts_to_index)
