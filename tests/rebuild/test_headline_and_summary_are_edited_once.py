"""The headline and the summary are written once, in index.md's front
matter: after editing each there, and nowhere else, every output shows the
new words (the landing page, the PDF's first page, resume.json, the Open
Graph tags and the ePub's metadata) and none shows the old summary.
(The edited copy, built once for the run, also has the README's new role
and contribution: support/owner_edits.py.)"""

from __future__ import annotations

import json
import subprocess
import zipfile
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from support.owner_edits import HEADLINE, OLD_SUMMARY, SUMMARY

DC = "{http://purl.org/dc/elements/1.1/}"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_landing_page_shows_them(edited_site):
    page = BeautifulSoup((edited_site.html / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    body = flat(page.select_one("article").get_text(" "))
    assert HEADLINE in body
    assert SUMMARY in body
    assert OLD_SUMMARY[:40] not in body


def test_the_pdfs_first_page_shows_them(edited_site):
    text = subprocess.run(
        ["pdftotext", "-raw", "-f", "1", "-l", "1", "-enc", "UTF-8",
         str(edited_site.pdf), "-"],
        capture_output=True, text=True, check=True).stdout
    assert HEADLINE in flat(text)
    assert SUMMARY in flat(text)


def test_resume_json_has_them(edited_site):
    basics = json.loads((edited_site.html / "resume.json").read_text(encoding="utf-8"))["basics"]
    assert (basics["label"], basics["summary"]) == (HEADLINE, SUMMARY)


def test_open_graph_tags_have_them(edited_site):
    page = BeautifulSoup((edited_site.html / "index.html").read_text(encoding="utf-8"),
                         "html.parser")

    def meta(prop):
        return page.find("meta", property=prop)["content"]

    assert HEADLINE in meta("og:image:alt")
    assert meta("og:description").startswith(SUMMARY)  # the page's opening text


def test_the_epub_metadata_has_them(edited_site):
    with zipfile.ZipFile(edited_site.epub) as archive:
        package = ElementTree.fromstring(archive.read("content.opf"))
    description = package.find(f".//{DC}description").text
    assert HEADLINE in description
    assert SUMMARY in description
