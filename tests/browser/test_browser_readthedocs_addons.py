"""Read the Docs injects its Addons script into every page it serves (the real
script, ../shared/vendor/readthedocs-addons/). Loaded, with every addon off as
the README's dashboard settings leave them, it changes nothing a reader sees:
no element moves or restyles, on a phone or a desktop, light or dark, and
search still finds pages."""

from __future__ import annotations

import pytest

from support.scripts import COMPUTED_STYLES
from tools import readthedocs
from tools.serve import serve

pytestmark = pytest.mark.skipif(readthedocs.addons_missing() is not None,
                                reason=readthedocs.addons_missing() or "")

VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 900}}
PAGES = ["index.html", "search.html?q=pypi"]
SCHEMES = ("light", "dark")

# Where every element is drawn, and how tall the document is.
BOXES = """() => [document.documentElement.scrollHeight].concat(Array.from(
  document.querySelectorAll("body *:not(script)"), (el) => {
    const r = el.getBoundingClientRect();
    return [el.tagName, r.x, r.y, r.width, r.height];
  }))"""

# Set before any script runs: true once the Addons script has read its
# configuration and told the page (its documented integration event).
LISTEN = """document.addEventListener("readthedocs-addons-data-ready",
  () => { window.addonsReady = true; })"""


@pytest.fixture(scope="module")
def servers(site, tmp_path_factory):
    """The site as we build it and as Read the Docs serves it, each at a host's root."""
    served = readthedocs.served_copy(site.html, tmp_path_factory.mktemp("served") / "root")
    with serve(site.html) as plain, serve(served) as with_addons:
        yield plain, with_addons


def _tab(browser, viewport: dict):
    """A tab for one device, and the errors its pages report."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(LISTEN)
    # Read the Docs' answer for this project, offline: no addon enabled.
    context.route(f"**{readthedocs.ADDONS_API_URL}**", lambda route: route.fulfill(
        status=200, content_type="application/json", body=readthedocs.ADDONS_CONFIG))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return page, errors


def _looks(page, errors: list[str], url: str, addons: bool) -> dict[str, tuple[list, list]]:
    """The page's styles and boxes in the light scheme, then in the dark one,
    switched on the loaded page (furo's colours are media queries)."""
    errors.clear()
    page.emulate_media(color_scheme="light")
    page.goto(url, wait_until="load")
    if addons:
        page.wait_for_function("window.addonsReady === true", timeout=10_000)
    if "search.html" in url:  # the summary says how many pages match once all are listed
        page.wait_for_function("""() => {
            const summary = document.querySelector("#search-results .search-summary");
            return summary && !summary.textContent.startsWith("Searching");
        }""", timeout=10_000)
    looks = {}
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        looks[scheme] = page.evaluate(COMPUTED_STYLES), page.evaluate(BOXES)
    assert not errors, f"{url}: {errors}"
    return looks


def test_the_script_changes_nothing_a_reader_sees(servers, browser):
    plain, with_addons = servers
    different = []
    # One tab for each device, both sites loaded in it in turn (a context
    # per page load cost Chromium more than the page did), each look taken
    # in both schemes.
    for device, viewport in VIEWPORTS.items():
        page, errors = _tab(browser, viewport)
        for name in PAGES:
            ours = _looks(page, errors, plain.page(name), addons=False)
            served = _looks(page, errors, with_addons.page(name), addons=True)
            assert ours["light"][0] != ours["dark"][0], f"{name}: the dark scheme restyled nothing"
            for scheme in SCHEMES:
                for what, mine, theirs in zip(("styles", "boxes"), ours[scheme], served[scheme],
                                              strict=True):
                    if mine != theirs:
                        pairs = zip(mine, theirs, strict=False)
                        first = next((m for m, t in pairs if m != t), "the number of elements")
                        different.append(f"{name} ({device}, {scheme}): {what}, {first!s:.200}")
        page.context.close()
    assert not different, f"the Addons script changed: {different}"


def test_the_served_pages_load_the_script(servers, browser):
    """Proves the comparison above compares something: the script ran there."""
    _, with_addons = servers
    context = browser.new_context()
    page = context.new_page()
    page.goto(with_addons.page("index.html"), wait_until="load")
    page.wait_for_function("document.documentElement.dataset.readthedocsTool === 'sphinx'",
                           timeout=10_000)
    assert page.evaluate("document.documentElement.dataset.readthedocsToolTheme") == "furo"
    context.close()
