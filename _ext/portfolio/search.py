"""Search that answers: each page once, with the words that matched in context,
the role and contribution pages before the pages that list them.

Sphinx's searchtools.js finds the pages; this module gives it what it lacks:

- **A text per page, in the search index.** Sphinx shows an excerpt only by
  downloading every matching page. Once the site is written, each page's
  main text as the reader sees it (its title left out: the result's link
  shows it) is added to ``searchindex.js`` under ``portfolio``, with the
  pages that are roles or contributions and the site's reading order. The
  index is read on the search page only, so no other page pays for it.
- **A scorer** (``html_search_scorer``, Sphinx's hook for ranking, inlined
  into language_data.js): ``static/search-scorer.js``.
- **The results list** (``static/search.js``, on the search page): merges the
  results of one page into one, shows the excerpt with the query's words
  marked, counts pages, and says what to do when nothing matched.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.search import js_index

from .builders import WEBSITE_BUILDERS
from .model import CONTRIBUTIONS_DIR, ROLES_DIR, page_kind, reading_order

STATIC = Path(__file__).parent / "static"
SCORER = STATIC / "search-scorer.js"
SCRIPT = "search.js"
# Inline in the search page's head: the excerpt under each result's title,
# in the theme's secondary text colour (7:1 contrast, conf.py); and room for
# the results from the first paint, so that the footer is already below the
# fold when they arrive: the list appears at once, and pushing the footer
# off a phone's screen counted as layout shift (0.11, Chromium's entries).
RESULTS_CSS = (
    "#search-results{min-height:100vh}"
    "#search-results .context{margin:.25rem 0 0;color:var(--color-foreground-secondary)}"
)
# Where a reader with no result can go instead: every role, every contribution.
BROWSE = (f"{ROLES_DIR}/index", f"{CONTRIBUTIONS_DIR}/index")

# Elements that end a run of words: text on either side is not one word.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})


class _MainText(HTMLParser):
    """The text of a page's ``role="main"`` element, as Sphinx's own excerpt
    takes it (searchtools.js, htmlToText): without the heading links'
    symbols, scripts and styles; here also without the page's title (its
    first <h1>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._articles = 0  # open <article>s, from the main one in
        self._skipped: str | None = None  # the element whose text is left out
        self._depth = 0  # open elements of its name, itself included
        self._title_done = False

    def _leave_out(self, tag: str, classes: list[str]) -> bool:
        if tag == "h1" and not self._title_done:
            self._title_done = True
            return True
        return tag in ("script", "style") or "headerlink" in classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if not self._articles:
            self._articles = int(tag == "article" and a.get("role") == "main")
            return
        self._articles += tag == "article"
        if self._skipped:
            self._depth += tag == self._skipped
        elif self._leave_out(tag, (a.get("class") or "").split()):
            self._skipped, self._depth = tag, 1
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self._articles:
            return
        self._articles -= tag == "article"
        if tag == self._skipped:
            self._depth -= 1
            self._skipped = self._skipped if self._depth else None
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._articles and not self._skipped:
            self.parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def main_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.text()


def set_scorer(app: Sphinx, config: Any) -> None:
    # A project's own scorer wins; Sphinx opens the path as given, so absolute.
    if not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if templatename == "search.html":
        # Deferred: it runs once searchtools.js (later in the page) has
        # defined Search, and before Search.init, which waits for the DOM.
        app.add_js_file(SCRIPT, loading_method="defer")
        # metatags is the raw HTML every theme writes into <head>.
        context["metatags"] = context.get("metatags", "") + f"<style>{RESULTS_CSS}</style>\n"


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


def setup(app: Sphinx) -> None:
    app.connect("config-inited", set_scorer)
    app.connect("html-page-context", add_script)
    app.connect("build-finished", add_texts_to_index)
