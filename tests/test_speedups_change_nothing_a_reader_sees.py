"""The speed-ups (portfolio_speedups) change bytes, not what a reader sees:
pages render pixel for pixel as with every asset furo and sphinx-design ship,
and search, with Sphinx's scripts minified, still finds pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.build import ROOT, run_sphinx

CHROMIUM = "/usr/bin/chromium"  # Debian's: Playwright downloads no browser
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def stock_html(tmp_path_factory) -> Path:
    """The same sources built with the speed-ups off."""
    root = tmp_path_factory.mktemp("stock")
    result = run_sphinx("html", root / "html", root / "doctrees", ROOT,
                        "-D", "portfolio_speedups=0")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "html"


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


def _pages_to_compare(html: Path) -> list[str]:
    """The landing page, every page given pruned copies, and one plain page."""
    chosen = {"index.html"}
    plain = None
    for page in sorted(html.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(html).as_posix()
        if "_static/portfolio/" in text:
            chosen.add(name)
        elif plain is None and name.startswith("experience/"):
            plain = name
    return sorted(chosen | {plain} - {None})


def _screenshot(browser, url: str, viewport: dict, scheme: str) -> bytes:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(url, wait_until="load")
    shot = page.screenshot(full_page=True)
    context.close()
    return shot


def _same(browser, ours: Path, stock: Path, viewport: dict, scheme: str) -> bool:
    # Chromium now and then paints one pixel differently between two loads of
    # the very same page; a rule lost differs every time.
    return any(
        _screenshot(browser, ours.as_uri(), viewport, scheme)
        == _screenshot(browser, stock.as_uri(), viewport, scheme)
        for _ in range(3)
    )


def test_pages_look_the_same_as_with_every_asset(site, stock_html, browser):
    pages = _pages_to_compare(site.html)
    assert len(pages) >= 2
    different = [
        f"{name} ({device}, {scheme})"
        for name in pages
        for device, viewport in VIEWPORTS.items()
        for scheme in ("light", "dark")
        if not _same(browser, site.html / name, stock_html / name, viewport, scheme)
    ]
    assert not different, f"rendered differently: {different}"


def test_search_finds_pages_with_minified_scripts(site, browser):
    # A word every page's title holds: the site's name, in the landing page's title.
    index = (site.html / "index.html").read_text(encoding="utf-8")
    word = index.split("<title>")[1].split()[0]
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site.html / "search.html").as_uri() + f"?q={word}")
    page.locator("ul.search li").first.wait_for(state="visible", timeout=10_000)
    assert page.locator("ul.search li").count() >= 1
    assert not errors
    context.close()
