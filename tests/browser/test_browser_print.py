"""Printing a role page from the browser gives the page alone: Chromium's
print-to-PDF shows the role and none of the site's navigation chrome."""

from __future__ import annotations

import subprocess

import pytest

ROLE = "experience/rackspace.html"
CHROME = [  # what furo draws around the page
    ".sidebar-drawer",  # site navigation
    ".toc-drawer",  # the page's table of contents
    ".mobile-header",
    ".related-pages",  # previous / next
    ".back-to-top",
    ".skip-to-content",
    ".bottom-of-page",  # footer: copyright, "Made with"
]


@pytest.fixture(scope="module")
def role_page(browser, http_server):
    page = browser.new_page()
    page.goto(http_server.page(ROLE))
    yield page
    page.close()


def test_print_hides_the_navigation_chrome(role_page):
    # On screen the navigation is there ...
    assert role_page.locator(".sidebar-drawer").is_visible()
    role_page.emulate_media(media="print")
    try:
        shown = [selector for selector in CHROME if role_page.locator(selector).first.is_visible()]
        assert shown == []
        assert role_page.locator("article h1").is_visible()
    finally:
        role_page.emulate_media(media="null")  # back to no emulation


def test_print_to_pdf_holds_the_role_and_no_navigation(role_page, tmp_path):
    title = role_page.locator("article h1").inner_text().strip("¶ \n")
    nav = role_page.locator(".sidebar-tree").inner_text().split("\n")
    first_bullet = role_page.locator("article li").first.inner_text()
    pdf = tmp_path / "role.pdf"
    role_page.pdf(path=pdf, format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert title in flat
    assert " ".join(first_bullet.split()) in flat
    assert "Skip to content" not in flat
    assert "Made with" not in flat
    # No blank sheet (screen-height minimums would push one out).
    assert all(sheet.strip() for sheet in text.split("\f")[:-1])
    # Page titles listed only in the sidebar navigation are not printed.
    elsewhere = [item for item in nav if item and item != title and item in flat]
    assert len(elsewhere) < len([item for item in nav if item]) / 2
