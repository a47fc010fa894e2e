"""Sphinx's search finds the right page for an employer, a technology and a
PEP number: in searchindex.js, and in a real browser on search.html. The
index also holds what the search page shows beyond Sphinx's own: each page's
text, for excerpts, and which pages are roles and contributions, for ranking
(_ext/portfolio/search/)."""

import json

import pytest
from sphinx.search.en import SearchEnglish

from support.seed import normalise


@pytest.fixture(scope="module")
def index(site) -> dict:
    text = (site.html / "searchindex.js").read_text(encoding="utf-8")
    assert text.startswith("Search.setIndex(")
    return json.loads(text[len("Search.setIndex("):text.rindex(")")])


def _docnames(index, files) -> set[str]:
    return {index["docnames"][file] for file in files}


def full_text(index, word: str) -> set[str]:
    """The pages searchtools.js finds for one word: its stem among the words
    of their text or titles."""
    stem = SearchEnglish({}).stem(word.lower())
    found = set()
    for table in ("terms", "titleterms"):
        hits = index[table].get(stem, [])
        found |= _docnames(index, [hits] if isinstance(hits, int) else hits)
    return found


def titles_and_entries(index, query: str) -> set[str]:
    """The pages searchtools.js finds for a query by title or index entry: one
    holding the whole query and at most twice as long. Numbers are found only
    this way: Sphinx leaves digit-only words out of the full-text index, and
    searchtools.js drops them from queries."""
    query = query.lower().strip()
    found = set()
    for title, hits in index["alltitles"].items():
        if query in title.lower().strip() and len(query) >= len(title) / 2:
            found |= _docnames(index, [file for file, _ in hits])
    for entry, hits in index["indexentries"].items():
        if query in entry and len(query) >= len(entry) / 2:
            found |= _docnames(index, [file for file, *_ in hits])
    return found


def _docname(site, page) -> str:
    return page.resolve().relative_to(site.html.resolve()).with_suffix("").as_posix()


def test_employer(index, site, role_pages):
    rackspace = [page for position, page in role_pages.items()
                 if position.employer == "Rackspace"]
    assert rackspace, "no Rackspace page"
    assert _docname(site, rackspace[0]) in full_text(index, "Rackspace")


@pytest.mark.parametrize(("word", "page"), [
    ("macaroon", "open-source/pypi/api-tokens"),
    ("CDN", "open-source/pypi/cdn-caching"),
])
def test_technology(index, word, page):
    assert page in full_text(index, word)


def test_pep_number(index):
    assert "open-source/packaging/pep-440" in titles_and_entries(index, "PEP 440")


def test_search_page_in_chromium(browser, http_server):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(http_server.page("search.html?q=macaroon"))
    result = page.locator('#search-results a[href^="open-source/pypi/api-tokens.html"]')
    result.first.wait_for(timeout=20_000)  # searchtools.js loads the index, then lists
    page.close()
    assert not errors


def test_index_holds_each_pages_text_for_its_excerpt(index, site, role_pages):
    """Excerpts come from the index: each role page's text there holds every
    bullet of its position, as the page shows it, and not the page's title
    (the result's link shows that)."""
    texts = dict(zip(index["docnames"], index["portfolio"]["texts"], strict=True))
    assert role_pages, "no role page found"
    for position, page in role_pages.items():
        text = texts[_docname(site, page)]
        for bullet in position.bullets:
            assert normalise(bullet) in normalise(text), (page, bullet)
        assert not text.startswith(str(position)), text[:80]


def test_index_marks_the_role_and_contribution_pages(index):
    work = {index["docnames"][n] for n in index["portfolio"]["work"]}
    assert "experience/rackspace" in work
    assert "open-source/pypi/api-tokens" in work
    assert not work & {"index", "skills", "standards", "experience/index", "open-source/index"}
