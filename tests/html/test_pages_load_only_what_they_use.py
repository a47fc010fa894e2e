"""Each page of the website links only the component CSS and JS its content
uses (_ext/portfolio/site/assets.py), pruned copies lose no rule the page needs,
and Sphinx's scripts are served minified (_ext/portfolio/site/minify.py)."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sphinx

from tools.build import ROOT

COMPONENT_ASSETS = {  # as the theme and extensions ship them
    "sphinx-design.min.css": "sd-",
    "design-tabs.js": "sd-tab",
    "pygments.css": "highlight",
}

class _Page(HTMLParser):
    """A built page's linked assets, and the classes in its article."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.classes: set[str] = set()
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.assets.append(a["href"].split("?")[0])
        elif tag == "script" and a.get("src"):
            self.assets.append(a["src"].split("?")[0])
        if tag == "article":
            self._in_article += 1
        if self._in_article:
            self.classes.update((a.get("class") or "").split())

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1

def _read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed

@pytest.fixture(scope="module")
def pages(site) -> dict[Path, _Page]:
    return {page: _read(page) for page in site.html.rglob("*.html")}

def test_no_page_links_a_component_asset_it_does_not_use(pages):
    for page, parsed in pages.items():
        for asset, prefix in COMPONENT_ASSETS.items():
            used = any(name.startswith(prefix) for name in parsed.classes)
            linked = any(Path(a).name == asset for a in parsed.assets)
            assert not linked or used, f"{page.name} links {asset} but uses no {prefix}*"

def test_pages_link_pruned_copies_that_keep_every_rule_they_need(site, pages):
    original = (site.html / "_static" / "sphinx-design.min.css").read_text()
    styled = set(re.findall(r"\.(sd-[\w-]+)", original))
    for page, parsed in pages.items():
        assert not any(Path(a).name == "sphinx-design.min.css" for a in parsed.assets), (
            f"{page.name} links all of sphinx-design's CSS"
        )
        copies = [a for a in parsed.assets if "/portfolio/sphinx-design" in a]
        needed = parsed.classes & styled
        if not needed:
            assert not copies, f"{page.name} uses no design component but links {copies}"
            continue
        (copy,) = copies
        css = (page.parent / copy).read_text()
        assert len(css) < len(original) / 2, f"{copy} is hardly pruned"
        for name in needed:
            assert re.search(rf"\.{name}(?![\w-])", css), f"{copy} lost the rules of {name}"

def test_sphinx_scripts_are_served_minified(site):
    basic = Path(sphinx.__file__).parent / "themes" / "basic" / "static"
    for name in ("doctools.js", "sphinx_highlight.js", "searchtools.js"):
        served = (site.html / "_static" / name).read_text()
        shipped = (basic / name).read_text()
        assert len(served) < 0.8 * len(shipped), f"{name} is not minified"
        assert "\n  " not in served  # no indentation left

def test_the_epub_keeps_every_asset(site):
    with zipfile.ZipFile(site.epub) as epub:
        names = epub.namelist()
        page = next(n for n in names if n.endswith("index.xhtml"))
        assert "sphinx-design.min.css" in epub.read(page).decode()


def test_our_search_scripts_are_served_minified(site):
    static = ROOT / "_ext" / "portfolio" / "search" / "static"
    served = (site.html / "_static" / "search.js").read_text()
    assert len(served) < 0.8 * len((static / "search.js").read_text()), "search.js is not minified"
    # The scorer, inlined by Sphinx into language_data.js, without its comments.
    language_data = (site.html / "_static" / "language_data.js").read_text()
    assert "Scorer" in language_data
    assert "A reader who types a topic" not in language_data
