"""A mistyped address at any depth shows the site's 404 page, styled and
with working navigation (sphinx-notfound-page writes its links absolute)."""

from __future__ import annotations

import pytest

MISSING = ["nope.html", "experience/nope.html", "no/such/deep/page/at/all.html"]

FURO_CSS_APPLIED = """() => [...document.styleSheets].some(
    sheet => sheet.href && sheet.href.includes("furo.css") && sheet.cssRules.length > 100)"""


@pytest.fixture(scope="module")
def context(browser):
    """One browser window for the module's pages, each in a tab of its own."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.mark.parametrize("path", MISSING)
def test_missing_page_shows_the_styled_404_page(context, http_server, path):
    page = context.new_page()
    failed = []
    page.on("requestfinished", lambda request: request.response().status >= 400
            and request.resource_type != "document" and failed.append(request.url))
    response = page.goto(http_server.page(path))
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert page.locator("h1").inner_text().startswith("Page not found")
    assert failed == []  # its stylesheets, scripts and icon all load from this depth
    assert page.evaluate(FURO_CSS_APPLIED)
    links = page.eval_on_selector_all(
        ".sidebar-brand[href], .sidebar-tree a[href]", "links => links.map(a => a.href)")
    assert len(links) > 1
    broken = [link for link in links if context.request.get(link).status != 200]
    page.close()
    assert broken == []


# What the page offers a reader who followed a bad link: link text -> the
# page it must reach, under the site's root.
WAYS_ON = {"Donald Stufft": "", "Experience": "experience/index.html",
           "Open source": "open-source/index.html", "Résumé (PDF)": "resume.pdf",
           "Search the portfolio": "search.html"}


@pytest.mark.parametrize("path", MISSING)
def test_the_404_page_links_the_main_pages_from_any_depth(context, http_server, path):
    page = context.new_page()
    page.goto(http_server.page(path))
    links = dict(page.eval_on_selector_all(
        "article a[href]", "links => links.map(a => [a.textContent.trim(), a.href])"))
    assert {text: links.get(text) for text in WAYS_ON} == {
        text: http_server.page(target) for text, target in WAYS_ON.items()}
    statuses = {text: context.request.get(links[text]).status for text in WAYS_ON}
    page.close()
    assert statuses == dict.fromkeys(WAYS_ON, 200)
