"""The speed-ups (portfolio_speedups) change bytes, not what a reader sees:
every element is styled as with every asset furo and sphinx-design ship, on
a phone and a desktop, light and dark; and search, with Sphinx's scripts
minified, still finds pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.scripts import COMPUTED_STYLES
from tools.build import ROOT, run_sphinx

VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def stock_html(tmp_path_factory) -> Path:
    """The same sources built with the speed-ups off."""
    root = tmp_path_factory.mktemp("stock")
    result = run_sphinx("html", root / "html", root / "doctrees", ROOT,
                        "-D", "portfolio_speedups=0")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "html"


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


def _styles(tab, page: Path) -> dict[str, list]:
    """The page's computed styles in the light scheme and in the dark one,
    switched on the loaded page (furo's colours are media queries)."""
    tab.goto(page.as_uri(), wait_until="load")
    styles = {}
    for scheme in ("light", "dark"):
        tab.emulate_media(color_scheme=scheme)
        styles[scheme] = tab.evaluate(COMPUTED_STYLES)
    return styles


def test_pages_render_the_same_as_with_every_asset(site, stock_html, browser):
    # Computed styles rather than screenshots: Chromium paints furo's
    # next-page chevron one shade differently from one load to the next.
    pages = _pages_to_compare(site.html)
    assert len(pages) >= 2
    different = []
    # One tab for each device, both builds loaded in it in turn (a context
    # per page load cost Chromium more than the page did).
    for device, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        for name in pages:
            ours, stock = _styles(tab, site.html / name), _styles(tab, stock_html / name)
            for scheme in ("light", "dark"):
                if ours[scheme] != stock[scheme]:
                    pairs = zip(ours[scheme], stock[scheme], strict=False)
                    first = next((o[:2] for o, s in pairs if o != s), "elements")
                    different.append(f"{name} ({device}, {scheme}): {first}")
        context.close()
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
