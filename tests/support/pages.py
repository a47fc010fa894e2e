"""Reading the built HTML: a page's main content, its text and its links."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from .seed import normalise


@cache
def _soup(path: Path) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for mark in soup.select("a.headerlink"):  # the "¶" after every heading
        mark.decompose()
    return soup


def main(path: Path) -> Tag:
    """The page's own content, without the theme's navigation."""
    article = _soup(path).select_one('article[role="main"]')
    assert article is not None, f"{path} has no main content"
    return article


def text(tag: Tag) -> str:
    return normalise(tag.get_text())


def title(path: Path) -> str:
    return text(main(path).find("h1"))


def target(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link of ``page`` leads to; None if external."""
    url = urlsplit(href)
    if url.scheme or url.netloc:
        return None
    file = (page.parent / unquote(url.path)).resolve() if url.path else page.resolve()
    return file, url.fragment


def links(page: Path) -> set[Path]:
    """The files the page's main content links to."""
    found = (target(page, a["href"]) for a in main(page).find_all("a", href=True))
    return {file for file, _ in filter(None, found)}


def pages(directory: Path, pattern: str = "**/*.html") -> list[Path]:
    return sorted(path.resolve() for path in directory.glob(pattern))

