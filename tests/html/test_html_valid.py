"""The Nu Html Checker (the current one, from npm's vnu-jar) finds no error
and no warning in any page or in our stylesheets, but for the messages below,
each caused by an upstream component we do not write.

Info-level messages (such as "Trailing slash on void elements has no
effect", from Sphinx's and furo's templates) are advice, not findings.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from support.java import QUICK_JVM
from tools.build import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OURS = ["_static", "_ext"]  # where the CSS and SVG we write live (not the theme's)

# Remaining messages, each with the upstream component responsible.
ALLOWED = {
    # furo (page.html) wraps every page's body in <article role="main">; the
    # page's heading is inside docutils' <section> within it, which the
    # checker does not count as the article's own heading.
    "Article lacks heading. Consider using “h2”-“h6” elements to add identifying "
    "headings to all articles.",
    # docutils writes each page's title as <h1> inside <section>, itself in
    # furo's <article>: a nested h1, which the checker advises against.
    "Consider using the “h1” element as a top-level heading only — or else use the "
    "“headingoffset” attribute (otherwise, all “h1” elements are treated as top-level "
    "headings by many screen readers and other tools).",
}


def _check(*args: str) -> list[dict]:
    assert VNU.exists(), "run `npm ci` (./run tests does) to install vnu-jar"
    result = subprocess.run(
        ["java", *QUICK_JVM, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *args],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def _findings(messages: list[dict]) -> list[str]:
    """Errors and warnings, not info, as 'file:line: message'."""
    return [
        f"{m.get('url', '').rsplit('/html/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] != "info" or m.get("subType") == "warning"
    ]


@pytest.fixture(scope="module")
def page_messages(site, html_pages) -> list[dict]:
    return _check(*(str(site.html / path) for path in html_pages))


def test_every_page_is_valid_html(page_messages):
    findings = _findings([m for m in page_messages if m["message"] not in ALLOWED])
    assert findings == []


def test_every_allowed_message_still_occurs(page_messages):
    """An allow-list entry that no longer matches anything must go."""
    assert {m["message"] for m in page_messages} >= ALLOWED


def _ours(pattern: str) -> list[str]:
    """Our own files: the site's static files and the extension's."""
    return sorted(str(path) for folder in OURS for path in (ROOT / folder).rglob(pattern))


def test_our_stylesheets_are_valid_css():
    stylesheets = _ours("*.css")
    assert stylesheets
    assert _findings(_check("--css", *stylesheets)) == []


def test_our_svg_is_valid():
    images = _ours("*.svg")
    assert images
    assert _findings(_check("--svg", *images)) == []


def test_the_checker_reports_errors(tmp_path):
    """Proves the check: a page with a stray end tag is reported."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
                    "<body><p>text</span></p></body></html>")
    assert any("Stray end tag" in finding for finding in _findings(_check(str(page))))
