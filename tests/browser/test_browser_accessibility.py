"""Every page is accessible: axe-core finds nothing, with every rule it has
switched on, in light and dark colours; the keyboard alone reaches it all.

axe-core comes from npm (package-lock.json pins it; `npm ci` installs it).
No rule is disabled or filtered: markup that failed one was fixed at its
source (_ext/portfolio/site/a11y.py, _templates/, the colours in conf.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.scripts import AXE, RUN_ALL_RULES, add_axe


def test_axe_finds_no_violation_on_any_page(browser, http_server, html_pages):
    """Each page in the light scheme, then in the dark one: the system's
    scheme switched on the loaded page (furo's colours are media queries,
    so the page repaints as a reader's does when the system changes)."""
    assert AXE.exists(), "run `npm ci` (./run tests does) to install axe-core"
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    failures = {}
    for path in html_pages:
        page.emulate_media(color_scheme="light")
        page.goto(http_server.page(path))
        # furo's theme follows the system scheme unless the reader picked one.
        assert page.evaluate("document.body.dataset.theme") == "auto"
        add_axe(page)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
            result = page.evaluate(RUN_ALL_RULES)
            assert result["rules"] > 90  # every rule, not a tagged subset
            if result["violations"]:
                failures[f"{path} ({scheme})"] = result["violations"]
    context.close()
    assert not failures, failures


@pytest.mark.parametrize(("system", "chosen"), [("light", "dark"), ("dark", "light")])
def test_axe_finds_no_violation_in_the_scheme_a_reader_chose(browser, http_server, system, chosen):
    """furo's theme button overrides the system scheme (body[data-theme])."""
    context = browser.new_context(color_scheme=system)
    context.add_init_script(f"localStorage.setItem('theme', '{chosen}')")
    page = context.new_page()
    failures = {}
    for path in ["index.html", "experience/rackspace.html", "standards.html"]:
        page.goto(http_server.page(path))
        assert page.evaluate("document.body.dataset.theme") == chosen
        add_axe(page)
        if violations := page.evaluate(RUN_ALL_RULES)["violations"]:
            failures[path] = violations
    context.close()
    assert not failures


def test_axe_runs_every_rule_including_disabled_ones(browser, http_server):
    page = browser.new_page()
    page.goto(http_server.page("index.html"))
    add_axe(page)
    counts = page.evaluate("""() => ({
        all: axe.getRules().length,
        off_by_default: axe._audit.rules.filter(rule => !rule.enabled).length,
    })""")
    page.close()
    # Some rules (experimental ones) are off unless asked for: we ask for all.
    assert counts["off_by_default"] > 0
    assert counts["all"] > 90


def test_skip_link_is_the_first_tab_stop_and_visible(browser, http_server):
    page = browser.new_page()
    page.goto(http_server.page("index.html"))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("href") == "#furo-main-content"
    # furo slides the link into view when it takes focus.
    expect(focused).to_be_in_viewport(ratio=1)
    page.keyboard.press("Enter")
    # The hash changes within the page: Playwright reports it a moment later.
    expect(page).to_have_url(re.compile(r"#furo-main-content$"))
    page.close()


def test_every_tab_stop_shows_where_focus_is(browser, http_server):
    """Tab through a whole role page: each focused element draws a focus ring."""
    page = browser.new_page()
    page.goto(http_server.page("experience/index.html"))
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return {
                element: el.outerHTML.slice(0, 120),
                visible: ring || style.boxShadow !== "none",
                focusVisible: el.matches(":focus-visible"),
            };
        }""")
        if stop is None or (seen and stop["element"] == seen[0]["element"]):
            break  # focus left the page or came round again
        seen.append(stop)
    page.close()
    assert len(seen) > 5  # the skip link, navigation, the page's own links
    assert all(stop["focusVisible"] for stop in seen)
    assert [stop["element"] for stop in seen if not stop["visible"]] == []
