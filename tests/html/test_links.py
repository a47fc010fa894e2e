"""Every internal link and anchor of the HTML site resolves, checked by
LinkChecker crawling the site on localhost; every external link is https.

LinkChecker checks only the site's own URLs (no network): external ones are
checked for their syntax, and for their scheme below.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tools.serve import serve

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""
# A server that answers with this header may be checked faster than 10
# requests a second (linkcheckerrc(5): maxrequestspersecond).
LINKCHECKER_HEADERS = {"LinkChecker": "local test server"}


def linkcheck(tmp_path: Path, *urls: str) -> list[dict]:
    """LinkChecker's verdict on every URL reached from these, as CSV rows."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG)
    # As root, LinkChecker drops to the user nobody after reading its
    # configuration: it only needs to reach the local server.
    result = subprocess.run(
        [str(LINKCHECKER), "-f", str(config), "--no-status", "--verbose", "-o", "csv", *urls],
        capture_output=True, text=True,
    )
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert rows, result.stderr
    return rows


def problems(rows: list[dict], site_url: str) -> list[str]:
    """Broken links to the site, with broken anchors, and links to its host
    that leave the site's path (LinkChecker leaves those unchecked)."""
    host = site_url[:site_url.index("/", len("http://"))]
    found = []
    for row in rows:
        if not row["url"].startswith(host):
            continue  # external: not fetched
        inside = row["url"].startswith(site_url)
        if not inside or row["valid"] != "True" or row["warningstring"]:
            verdict = row["result"] if inside else "outside the site"
            found.append(f"{row['parentname']}: {row['urlname']}: {verdict} {row['warningstring']}")
    return found


@pytest.fixture(scope="module")
def link_server(site, site_prefix):
    """The site on localhost, as http_server serves it, with LinkChecker's
    header: the server lets it check at full speed (linkcheckerrc(5),
    maxrequestspersecond), not at the few requests a second it allows a
    host it does not know."""
    with serve(site.html, site_prefix, headers=LINKCHECKER_HEADERS) as server:
        yield server


@pytest.fixture(scope="module")
def checked(link_server, html_pages, tmp_path_factory) -> list[dict]:
    # Every page is a starting point, so pages no link reaches (404.html) count too.
    return linkcheck(tmp_path_factory.mktemp("linkcheck"),
                     *(link_server.page(path) for path in html_pages))


def test_every_internal_link_and_anchor_resolves(checked, link_server, html_pages):
    internal = [row for row in checked if row["url"].startswith(link_server.url)]
    assert {row["url"] for row in internal} >= {link_server.page(p) for p in html_pages}
    assert any("#" in row["urlname"] for row in internal)  # anchors were among them
    assert problems(checked, link_server.url) == []


def test_linkchecker_reports_broken_links_and_anchors(tmp_path):
    """Proves the check on a two-page site: a missing page, a missing anchor,
    and a link out of the site's path."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text('<!DOCTYPE html><title>a</title><a href="b.html#here">b</a>'
                                 '<a href="b.html#nowhere">b</a><a href="gone.html">c</a>'
                                 '<a href="/elsewhere/b.html">d</a>')
    (site / "b.html").write_text('<!DOCTYPE html><title>b</title><p id="here">b</p>')
    with serve(site, "/en/latest/", headers=LINKCHECKER_HEADERS) as server:
        found = problems(linkcheck(tmp_path, server.page("a.html")), server.url)
        with urllib.request.urlopen(server.page("b.html")) as response:
            assert response.headers["LinkChecker"] == LINKCHECKER_HEADERS["LinkChecker"]
    assert len(found) == 3, found
    assert any("gone.html" in problem and "404" in problem for problem in found)
    assert any("b.html#nowhere" in problem and "nowhere" in problem for problem in found)
    assert any("/elsewhere/b.html: outside the site" in problem for problem in found)


def test_every_external_link_is_https(site, html_pages):
    insecure = []
    for path in html_pages:
        soup = BeautifulSoup((site.html / path).read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img", "iframe", "source", "form"]):
            for attribute in ("href", "src", "action"):
                scheme = urlsplit(tag.get(attribute, "")).scheme
                if scheme and scheme not in {"https", "mailto"}:
                    insecure.append(f"{path}: {tag[attribute]}")
    assert insecure == []
