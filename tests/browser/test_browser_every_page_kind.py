"""Every page kind, at a phone's width (390×844) and a desktop's (1440×900),
measured in Chromium as a reader sees it: nothing scrolls sideways, the text
of a figure is at least 11 CSS px, nothing in the article is squeezed below 60%
of its width on the phone, each page has its heading, and the list of PEPs is
a column of full-width cards whose labels show.

The page kinds are those `./run shots` photographs (tools/shots.py).
"""

from __future__ import annotations

import pytest

from tools.shots import KINDS, VIEWPORTS

MIN_FIGURE_TEXT = 11  # CSS px
STACKED = 0.6  # of the article's width, on the phone
CARD = 0.9

SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push("the page scrolls");
    for (const el of document.querySelectorAll(".content, .content *")) {
        const box = el.getBoundingClientRect();
        if (box.width && box.right > width + 1)
            found.push(el.tagName.toLowerCase() + " ends at " + Math.round(box.right));
    }
    return found;
}"""

# Each shown text of an SVG in the article, at the size it is drawn: its
# font size in the drawing's units times the drawing's scale on screen.
FIGURE_TEXT = """() => [...document.querySelectorAll("article svg text")]
    .filter(t => t.getBoundingClientRect().width > 0)
    .map(t => [t.textContent,
               parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])"""

# Paragraphs, list items and cards narrower than a share of the article:
# outside figures, and in a table only when its rows are stacked as cards
# (a table laid out as one lays out its own cells).
SQUEEZED = """(share) => {
    const article = document.querySelector("article");
    const width = article.getBoundingClientRect().width;
    const stacked = el => getComputedStyle(el.closest("tr")).display !== "table-row";
    return [...article.querySelectorAll("p, li, .sd-card, .citation, tr")]
        .filter(el => !el.closest("figure, nav, thead"))
        .filter(el => !el.closest("table") || stacked(el))
        .filter(el => el.getBoundingClientRect().width > 0)
        .filter(el => el.getBoundingClientRect().width < share * width)
        .map(el => el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 40)
             + " (" + Math.round(el.getBoundingClientRect().width) + " of "
             + Math.round(width) + " px)");
}"""

# Each PEP in the list: its width against the article's, and whether its
# Status and Created labels are shown.
PEP_CARDS = """() => {
    const width = document.querySelector("article").getBoundingClientRect().width;
    const shown = el => el && el.getBoundingClientRect().width > 0
        && getComputedStyle(el).visibility !== "hidden";
    return [...document.querySelectorAll("article .citation")].map(card => {
        const labels = [...card.querySelectorAll("strong")].filter(shown)
            .map(s => s.textContent);
        return {pep: card.querySelector(".label").textContent.replace(/[\\[\\]]/g, ""),
                share: card.getBoundingClientRect().width / width, labels};
    });
}"""


@pytest.fixture(scope="module", params=list(VIEWPORTS), ids=list(VIEWPORTS))
def view(request, browser):
    size = request.param
    phone = size == "phone"
    context = browser.new_context(viewport=VIEWPORTS[size], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    yield size, page
    context.close()


def _open(page, http_server, path: str) -> None:
    """The page loaded (images, styles, scripts) with its fonts in use: what
    layout is measured on. (Waiting for the network to be idle would add
    half a second a page and wait for nothing more.)"""
    page.goto(http_server.page(path), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_page_fits_its_width_and_has_its_heading(view, http_server, kind):
    size, page = view
    _open(page, http_server, KINDS[kind])
    assert page.evaluate(SIDEWAYS) == []
    assert page.locator("article h1").count() == 1
    assert page.locator("article h1").inner_text().strip()
    if size == "phone":
        assert page.evaluate(SQUEEZED, STACKED) == []


@pytest.mark.parametrize("kind", ["experience", "landing"])
def test_figure_text_is_at_least_11_px(view, http_server, kind):
    _, page = view
    _open(page, http_server, KINDS[kind])
    sizes = page.evaluate(FIGURE_TEXT)
    if kind == "experience":
        assert sizes, "the career figure shows no text"
    assert [(text, round(px, 1)) for text, px in sizes if px < MIN_FIGURE_TEXT] == []


def test_each_pep_is_listed_once_as_a_card_with_its_labels(view, http_server, peps):
    size, page = view
    _open(page, http_server, KINDS["standards"])
    cards = page.evaluate(PEP_CARDS)
    assert sorted(int(card["pep"].split()[1]) for card in cards) == sorted(
        pep["pep"] for pep in peps)
    text = page.locator("article").inner_text()
    assert {pep["title"]: text.count(pep["title"]) for pep in peps} == {
        pep["title"]: 1 for pep in peps}
    for card in cards:
        assert {"Status", "Type", "Created"} <= set(card["labels"]), card
        if size == "phone":
            assert card["share"] >= CARD, card


def test_the_checks_see_a_squeezed_card(view, http_server):
    """Proves the measurement: a PEP card held to 135 px, as the stacked
    table's column widths held each PEP on the old page, is found."""
    _, page = view
    _open(page, http_server, KINDS["standards"])
    page.evaluate("document.querySelector('article .citation').style.width = '135px'")
    assert page.evaluate(SQUEEZED, STACKED)
    assert min(card["share"] for card in page.evaluate(PEP_CARDS)) < CARD
