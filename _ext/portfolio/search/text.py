"""A page's main text as a reader sees it, from its HTML: what search shows
as the excerpt under each result. Pure: no Sphinx here."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


# Where the main element opens: nothing before it (the head, the sidebar's
# navigation, most of a page) is read.
_MAIN = re.compile(r"<article\b[^>]*\brole=\"main\"")


def main_text(html: str) -> str:
    parser = _MainText()
    start = _MAIN.search(html)
    parser.feed(html[start.start():] if start else html)
    parser.close()
    return parser.text()
