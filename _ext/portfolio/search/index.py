"""The search index holds what the results page shows: each page's text.

Sphinx shows an excerpt only by downloading every matching page. Once the
site is written, each page's main text as the reader sees it (its title left
out: the result's link shows it) is added to ``searchindex.js`` under
``portfolio``, with the pages that are roles or contributions, the site's
reading order, and the pages to browse when nothing matched. The index is
read on the search page only, so no other page pays for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import js_index

from ..model import CONTRIBUTIONS_DIR, ROLES_DIR, page_kind, reading_order
from ..shared import WEBSITE_BUILDERS
from .text import main_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Where a reader with no result can go instead: every role, every contribution.
BROWSE = (f"{ROLES_DIR}/index", f"{CONTRIBUTIONS_DIR}/index")


def add_texts_to_index(app: Sphinx, exception: Exception | None) -> None:
    """Add each page's text, the work pages and the reading order to searchindex.js."""
    builder = app.builder
    if exception or builder.name not in WEBSITE_BUILDERS or not builder.search:
        return
    path = Path(app.outdir) / builder.searchindex_filename
    with path.open(encoding="utf-8") as f:
        index = js_index.load(f)
    docnames = index["docnames"]
    order = {docname: n for n, docname in enumerate(reading_order(app.env))}
    index["portfolio"] = {
        "texts": [main_text(Path(builder.get_outfilename(d)).read_text(encoding="utf-8"))
                  for d in docnames],
        # Roles and contributions: the pages a topical query is looking for.
        "work": [n for n, d in enumerate(docnames)
                 if page_kind(d, app.config.root_doc) in {"role", "contribution"}],
        "order": [order.get(d, len(order)) for d in docnames],
        "browse": [[d, app.env.titles[d].astext()] for d in BROWSE if d in app.env.titles],
    }
    with path.open("w", encoding="utf-8") as f:
        js_index.dump(index, f)
