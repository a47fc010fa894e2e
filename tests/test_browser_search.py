"""Search, as a reader uses it: a query typed into the sidebar's search box
lists the right page first, for an employer, a PEP number, a technology and
a skill; a query with no match says so. Everything but the site itself is
blocked, so search works with the site's own scripts alone."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

NO_MATCH = "Your search did not match any documents"


@pytest.fixture(scope="module")
def search(browser, http_server):
    context = browser.new_context()
    site = urlsplit(http_server.url).netloc
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).netloc == site else route.abort())
    page = context.new_page()

    def run(query: str) -> tuple[list[str], str]:
        """The pages listed for a query, best first, and the summary line."""
        page.goto(http_server.page("index.html"))
        page.locator(".sidebar-search").fill(query)
        page.locator(".sidebar-search").press("Enter")
        summary = page.locator("#search-results .search-summary")
        summary.wait_for()
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))")
        return [href.split("#")[0] for href in hrefs], summary.inner_text()

    yield run
    context.close()


def _index_entries(site) -> dict:
    text = (site.html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])["indexentries"]


@pytest.mark.parametrize(("query", "page"), [
    ("Rackspace", "experience/rackspace.html"),  # an employer
    ("Hewlett Packard Enterprise", "experience/hpe.html"),
    ("pyproject.toml", "open-source/packaging/pep-518.html"),  # a technology
    ("CDN", "open-source/pypi/cdn-caching.html"),
])
def test_query_lists_the_right_page_first(search, query, page):
    pages, summary = search(query)
    assert pages[:1] == [page], summary


def test_pep_number_lists_its_contribution_first(search, site):
    # Sphinx's search ignores numbers ("691"): PEPs are found through the
    # index entries the model's views give each contribution page.
    if "pep 691" not in _index_entries(site):
        pytest.skip("PEP index entries come with the model's views")
    pages, summary = search("PEP 691")
    assert pages[:1] == ["open-source/pypi/pep-691.html"], summary


def test_skill_lists_the_skills_map_first(search, site):
    if not (site.html / "skills.html").exists():
        pytest.skip("the skills map comes with the model's views")
    pages, summary = search("Threat Modeling")
    assert pages[:1] == ["skills.html"], summary


def test_query_without_match_says_so(search):
    pages, summary = search("xylophone")
    assert pages == []
    assert NO_MATCH in summary
