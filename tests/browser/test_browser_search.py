"""Search, as a reader uses it: a query typed into the search box furo shows
on every page lists each page once, the right page first, each result with
an excerpt that shows the query's words marked; the count counts pages; a
misspelled query is corrected; a query with no match says so and offers
the pages that list everything. Keyboard alone is enough, and axe finds
nothing on a page of results. Everything but the site itself is blocked, so
search works with the site's own scripts and index alone (no page is
downloaded for its excerpt)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pytest
from sphinx.search.en import SearchEnglish

from support.scripts import RUN_ALL_RULES, add_axe

# Queries a recruiter would type, and the page that answers each. Expected
# pages are decided by titles, bullet text and the page's own facts (its
# employer, its PEP), not by skill tags, which may change.
QUERIES = [
    ("PEP 691", "open-source/pypi/pep-691.html"),  # a PEP number
    ("PEP 440", "open-source/packaging/pep-440.html"),
    ("pyproject.toml", "open-source/packaging/pep-518.html"),  # a technology
    ("CDN", "open-source/pypi/cdn-caching.html"),
    ("macaroon", "open-source/pypi/api-tokens.html"),
    ("Rackspace", "experience/rackspace.html"),  # an employer
    ("Hewlett Packard Enterprise", "experience/hpe.html"),
    ("Datadog", "experience/datadog-staff.html"),  # two roles: the latest first
    ("security", "experience/datadog-staff.html"),  # a skill: the work, not the skills page
    ("Warehouse", "open-source/pypi/warehouse.html"),
    ("pip", "open-source/packaging/pep-453.html"),
    ("billions of requests", "open-source/pypi/cdn-caching.html"),  # a bullet's phrase
    ("breached passwords", "open-source/pypi/breached-passwords.html"),
]
AGGREGATE = {"index.html", "skills.html", "standards.html", "genindex.html",
             "experience/index.html", "open-source/index.html"}


@dataclass
class Result:
    href: str
    title: str
    excerpt: str
    marked: list[str]  # the words marked in the excerpt

    @property
    def page(self) -> str:
        return self.href.split("#")[0]


@dataclass
class Answer:
    summary: str
    results: list[Result]
    help_links: list[str]  # where the page sends a reader when nothing matched

    @property
    def pages(self) -> list[str]:
        return [r.page for r in self.results]


READ_RESULTS = """() => ({
    summary: document.querySelector("#search-results .search-summary").textContent,
    results: [...document.querySelectorAll("#search-results ul.search > li")].map(li => ({
        href: li.querySelector(":scope > a").getAttribute("href"),
        title: li.querySelector(":scope > a").textContent,
        excerpt: li.querySelector(".context")?.textContent ?? "",
        marked: [...li.querySelectorAll(".context mark")].map(m => m.textContent),
    })),
    help_links: [...document.querySelectorAll("#search-results .search-help a")]
        .map(a => a.getAttribute("href")),
})"""


def _answered(page) -> Answer:
    page.wait_for_function("""() => {
        const summary = document.querySelector("#search-results .search-summary");
        return summary && !summary.textContent.startsWith("Searching");
    }""")
    data = page.evaluate(READ_RESULTS)
    return Answer(data["summary"], [Result(**r) for r in data["results"]], data["help_links"])


@pytest.fixture(scope="module")
def context(browser, http_server):
    context = browser.new_context()
    site = urlsplit(http_server.url).netloc
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).netloc == site else route.abort())
    yield context
    context.close()


@pytest.fixture(scope="module")
def search(context, http_server):
    """Type a query into the sidebar's search box of a content page, press
    Enter, and read the answer."""
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def run(query: str) -> Answer:
        page.goto(http_server.page("experience/aws.html"))
        page.locator(".sidebar-search").fill(query)
        requests.clear()
        page.locator(".sidebar-search").press("Enter")
        answer = _answered(page)
        assert not errors, errors
        # The excerpts come from the index: no page but the search page is fetched.
        fetched = [p for p in requests if p.endswith(".html") and not p.endswith("/search.html")]
        assert not fetched, f"pages downloaded for excerpts: {fetched}"
        return answer

    yield run
    page.close()


def _stems(query: str) -> list[str]:
    """The query's words as Sphinx searches them: stemmed, stop words left out."""
    english = SearchEnglish({})
    return [english.stem(w) for w in re.findall(r"\w+", query.lower())
            if w not in english.stopwords]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_query_lists_each_page_once_the_right_one_first_with_an_excerpt(search, query, expected):
    answer = search(query)
    assert answer.pages[:1] == [expected], answer.pages
    assert len(answer.pages) == len(set(answer.pages)), f"a page listed twice: {answer.pages}"
    # The count counts pages.
    n = len(answer.pages)
    counted = "One page matches" if n == 1 else f"{n} pages match"
    assert answer.summary.startswith(counted), answer.summary
    for result in answer.results:
        assert result.excerpt.strip(), f"{result.page} has no excerpt"
    # The first result's excerpt shows every word of the query (as Sphinx
    # matches it: "breached" finds "breaches"), marked.
    first = answer.results[0]
    for stem in _stems(query):
        assert stem in first.excerpt.lower(), (stem, first.excerpt)
        assert any(stem in word.lower() for word in first.marked), (stem, first.marked)


@pytest.mark.parametrize("query", ["security", "Python", "API design"])
def test_work_pages_rank_above_the_pages_that_gather_them(search, query):
    pages = search(query).pages
    aggregate = [n for n, page in enumerate(pages) if page in AGGREGATE]
    work = [n for n, page in enumerate(pages) if page not in AGGREGATE]
    assert work, pages
    assert aggregate, pages
    assert max(work) < min(aggregate), pages


def test_a_page_the_query_names_ranks_first(search):
    # A page that gathers others leads only when the query names it whole.
    pages = search("Python Enhancement Proposals").pages
    assert pages[:1] == ["standards.html"], pages


def test_a_title_match_ranks_first(search):
    # "Bootstrapping pip": many pages say "pip"; the one named for it leads.
    assert search("bootstrapping pip").pages[:1] == ["open-source/packaging/pep-453.html"]


def test_a_pep_number_alone_finds_its_page(search):
    answer = search("691")
    assert answer.pages[:1] == ["open-source/pypi/pep-691.html"], answer.summary
    assert "PEP 691" in answer.summary


def test_a_pep_without_a_page_lists_only_pages_that_name_it(search):
    # Sphinx's index has no numbers: without care, "PEP 8001" lists every
    # page that says "PEP".
    answer = search("PEP 8001")
    assert "standards.html" in answer.pages
    for result in answer.results:
        assert "8001" in result.excerpt, result


@pytest.mark.parametrize(("typo", "word", "expected"), [
    ("macaron", "macaroon", "open-source/pypi/api-tokens.html"),
    ("secuirty", "security", "experience/datadog-staff.html"),
    ("Rackspce", "rackspace", "experience/rackspace.html"),
])
def test_misspelled_query_shows_the_corrected_results_and_says_so(search, typo, word, expected):
    answer = search(typo)
    assert answer.pages[:1] == [expected], answer.summary
    assert f"No page matches \u201c{typo}\u201d" in answer.summary
    assert f"\u201c{word}\u201d" in answer.summary
    assert word in " ".join(answer.results[0].marked).lower()


def test_query_without_match_says_so_and_offers_the_lists(search):
    answer = search("xylophone")
    assert answer.results == []
    assert answer.summary == "No page matches \u201cxylophone\u201d."
    assert answer.help_links == ["experience/index.html", "open-source/index.html"]


def test_search_box_and_results_work_with_the_keyboard_alone(context, http_server):
    page = context.new_page()
    page.goto(http_server.page("index.html"))

    def tab_to(selector: str) -> None:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
                return
        pytest.fail(f"Tab never reaches {selector}")

    tab_to("input.sidebar-search")
    page.keyboard.type("CDN")
    page.keyboard.press("Enter")
    _answered(page)
    tab_to("#search-results ul.search > li:first-child > a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/open-source/pypi/cdn-caching.html")
    page.close()


@pytest.mark.parametrize("query", ["security", "macaron", "xylophone"])
def test_axe_finds_nothing_on_an_answer(browser, http_server, query):
    """In the light scheme, then the dark one, switched on the answered page."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(http_server.page(f"search.html?q={quote(query)}"))
    _answered(page)
    add_axe(page)
    violations = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        violations[scheme] = page.evaluate(RUN_ALL_RULES)["violations"]
    context.close()
    assert violations == {"light": [], "dark": []}


def test_search_page_has_one_heading(context, http_server):
    page = context.new_page()
    page.goto(http_server.page("search.html?q=security"))
    _answered(page)
    headings = page.eval_on_selector_all(
        "article h1, article h2, article h3", "hs => hs.map(h => h.textContent)")
    page.close()
    assert headings == ["Search"]
