"""Loading a page asks nothing of anyone but the site itself: no fonts,
scripts, images or analytics from elsewhere, search included."""

from __future__ import annotations

from urllib.parse import urlsplit


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _requests_loading(page, url: str) -> list[str]:
    """Every URL the page requests while it loads."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return seen


def test_no_page_requests_anything_from_elsewhere(browser, http_server, html_pages):
    site = _origin(http_server.url)
    foreign = {}
    requested = 0
    # Every page opened in a tab of its own, then each waited for until its
    # network is idle: the half-second quiet each needs passes for all at once.
    # The tabs share one context (a reader's one browser window): a context
    # each costs Chromium several times the work.
    context = browser.new_context()
    tabs = []
    for path in html_pages:
        page, seen = context.new_page(), []
        page.on("request", lambda request, seen=seen: seen.append(request.url))
        page.goto(http_server.page(path))
        tabs.append((path, page, seen))
    for path, page, urls in tabs:
        page.wait_for_load_state("networkidle")
        page.close()
        requested += len(urls)
        # data: URIs are inline in the stylesheet; everything else is fetched.
        others = [url for url in urls if _origin(url) != site and not url.startswith("data:")]
        if others:
            foreign[path] = others
    context.close()
    assert requested > 5 * len(html_pages)  # each page loads its styles and scripts
    assert foreign == {}


def test_search_loads_only_the_sites_own_scripts(browser, http_server):
    page = browser.new_page()
    urls = _requests_loading(page, http_server.page("search.html?q=PyPI"))
    page.wait_for_selector("#search-results .search-summary")
    page.close()
    site = _origin(http_server.url)
    assert any(url.endswith(".js") or ".js?" in url for url in urls)
    assert any("searchindex.js" in url for url in urls)
    assert [url for url in urls if _origin(url) != site] == []
