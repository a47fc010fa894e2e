"""The headline and the summary are written once, in index.md's front
matter: after editing each there, and nowhere else, every output shows the
new words (the landing page, the PDF's first page, resume.json, the Open
Graph tags and the ePub's metadata) and none shows the old summary."""

from __future__ import annotations

import json
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from support.sources import copy_sources
from tools.build import JOBNAME, run_latexmk, run_sphinx

HEADLINE = "Principal Test Engineer"
SUMMARY = "Edited once for this test, and shown in every format."
DC = "{http://purl.org/dc/elements/1.1/}"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The site's sources with a new headline and summary, built in every format."""
    root = tmp_path_factory.mktemp("edited")
    src = copy_sources(root / "src")
    index = src / "index.md"
    text = index.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    lines, out, skipping = front.splitlines(), [], False
    for line in lines:  # replace the two fields, the summary's folded lines too
        if skipping and line.startswith("  "):
            continue
        skipping = False
        if line.startswith("headline:"):
            line = f"headline: {HEADLINE}"
        elif line.startswith("summary:"):
            line, skipping = f"summary: {SUMMARY}", True
        out.append(line)
    index.write_text("\n".join(out) + "\n---\n" + body, encoding="utf-8")
    old_summary = flat(" ".join(
        line.strip() for line in front.split("summary:", 1)[1].splitlines()[1:]
        if line.startswith("  ")))
    for builder in ("html", "epub", "latex"):
        result = run_sphinx(builder, root / builder, root / "doctrees" / builder, src)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    result = run_latexmk(root / "latex")
    assert result.returncode == 0, result.stdout[-3000:]
    return root, old_summary


def test_the_landing_page_shows_them(edited):
    root, old_summary = edited
    page = BeautifulSoup((root / "html" / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = flat(page.select_one("article").get_text(" "))
    assert HEADLINE in body
    assert SUMMARY in body
    assert old_summary[:40] not in body


def test_the_pdfs_first_page_shows_them(edited):
    root, _ = edited
    text = subprocess.run(
        ["pdftotext", "-raw", "-f", "1", "-l", "1", "-enc", "UTF-8",
         str(root / "latex" / f"{JOBNAME}.pdf"), "-"],
        capture_output=True, text=True, check=True).stdout
    assert HEADLINE in flat(text)
    assert SUMMARY in flat(text)


def test_resume_json_has_them(edited):
    root, _ = edited
    basics = json.loads((root / "html" / "resume.json").read_text(encoding="utf-8"))["basics"]
    assert (basics["label"], basics["summary"]) == (HEADLINE, SUMMARY)


def test_open_graph_tags_have_them(edited):
    root, _ = edited
    page = BeautifulSoup((root / "html" / "index.html").read_text(encoding="utf-8"), "html.parser")

    def meta(prop):
        return page.find("meta", property=prop)["content"]

    assert HEADLINE in meta("og:image:alt")
    assert meta("og:description").startswith(SUMMARY)  # the page's opening text


def test_the_epub_metadata_has_them(edited):
    root, _ = edited
    epub = next((root / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        package = ElementTree.fromstring(archive.read("content.opf"))
    description = package.find(f".//{DC}description").text
    assert HEADLINE in description
    assert SUMMARY in description
