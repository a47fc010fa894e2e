"""On a 375 px wide phone no page scrolls sideways: text, cards and tables reflow.

furo lets its content column scroll on its own on narrow screens (overflow-x:
auto), so the page's own width is not enough to look at: every element of the
content must fit in the viewport, and nothing in it may scroll sideways.
"""

from __future__ import annotations

import pytest

PHONE = {"width": 375, "height": 812}

TOO_WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const name = el => el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push("the page scrolls");
    const content = document.querySelector(".content");
    for (const el of [content, ...content.querySelectorAll("*")]) {
        const style = getComputedStyle(el);
        if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
            found.push(name(el) + " scrolls");
        const box = el.getBoundingClientRect();
        if (box.width && box.right > width + 1) found.push(name(el) + " ends at " + box.right);
    }
    return found;
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_at_375_px(phone, http_server, html_pages):
    wider = {}
    for path in html_pages:
        phone.goto(http_server.page(path))
        assert phone.evaluate("document.documentElement.clientWidth") == PHONE["width"]
        if found := phone.evaluate(TOO_WIDE):
            wider[path] = found
    assert wider == {}


def test_the_check_sees_content_that_is_too_wide(phone, http_server):
    """Proves the measurement: a 600 px wide element in the article is found."""
    phone.goto(http_server.page("index.html"))
    assert phone.evaluate(TOO_WIDE) == []
    phone.evaluate("document.querySelector('article').insertAdjacentHTML("
                   "'beforeend', '<div class=\"wide\" style=\"width: 600px\">wide</div>')")
    assert "div.wide ends at 616" in phone.evaluate(TOO_WIDE)
