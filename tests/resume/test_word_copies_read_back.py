"""Every variant has a Word copy (.docx) beside its PDF and text, with the
same words, in Word's own styles (Title, Heading 1-3, List Bullet), its
links, and its title, author and language set; read back with python-docx
and, as another tool reads it, with pandoc."""

from __future__ import annotations

import json
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn

from support.pdftext import display
from support.sources import PERSON

NAMES = [v["name"] for v in PERSON["resume"]["variants"]]
SECTIONS = ["Summary", "Experience", "Projects", "Skills", "Languages"]
LAYOUT = {"·", "-"}  # the contact line's separator; pandoc's list marks


@pytest.fixture(params=NAMES)
def name(request) -> str:
    return request.param


def lines(site, name) -> list[str]:
    return (site.html / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def bullets(career, text: list[str]) -> list[str]:
    """The variant's bullets, in its order: the lines of its text that are bullets."""
    every = {*(b for r in career.roles for b in r.bullets),
             *(c.bullet for c in career.contributions)}
    return [line for line in text if line in every]


def test_the_same_words_as_the_pdf_and_text(site, name):
    document = Document(site.html / f"{name}.docx")
    words = [w for p in document.paragraphs for w in p.text.split() if w not in LAYOUT]
    assert words == " ".join(lines(site, name)).split()


def test_words_styles_and_headings(site, name, career):
    document = Document(site.html / f"{name}.docx")
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    person = career.person
    assert styled[:2] == [("Title", person.name), ("Subtitle", person.headline)]
    assert [t for s, t in styled if s == "Heading 1"] == [
        s for s in SECTIONS if s in lines(site, name)]
    positions = [t.split("\t")[0] for s, t in styled if s == "Heading 3"]
    assert positions == [r.position for r in career.roles]
    assert [t for s, t in styled if s == "List Bullet"] == bullets(career, lines(site, name))


def test_title_author_and_language(site, name, career):
    document = Document(site.html / f"{name}.docx")
    properties = document.core_properties
    assert properties.title.startswith(f"{career.person.name} — Résumé")
    assert properties.author == career.person.name
    assert properties.language == "en-US"
    # The text's own language, which Word's proofing and screen readers use.
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    assert defaults.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-US"


def test_links_as_in_the_pdf(site, name, career):
    document = Document(site.html / f"{name}.docx")
    links = {link.text: link.url for p in document.paragraphs for link in p.hyperlinks}
    person = career.person
    assert links[person.email] == f"mailto:{person.email}"
    for profile in person.profiles:
        assert links[display(profile.url)] == profile.url
    peps = {text: url for text, url in links.items() if text.startswith("PEP ")}
    assert all(url == career.peps[f"pep{text[4:]}"].url for text, url in peps.items())
    assert all(url.endswith(f"{r.docname}.html") for r in career.roles
               for text, url in links.items() if text == r.position)


def pandoc(path, to: str) -> str:
    return subprocess.run(["pandoc", "-f", "docx", "-t", to, str(path)],
                          capture_output=True, text=True, check=True).stdout


def test_pandoc_reads_headings_lists_and_words(site, name, career):
    path = site.html / f"{name}.docx"
    tree = json.loads(pandoc(path, "json"))
    headers = [(b["c"][0], b["c"][2]) for b in tree["blocks"] if b["t"] == "Header"]
    assert [level for level, _ in headers if level == 1] == [1] * len(
        [s for s in SECTIONS if s in lines(site, name)])
    items = [item for b in tree["blocks"] if b["t"] == "BulletList" for item in b["c"]]
    assert len(items) == len(bullets(career, lines(site, name)))
    # Word's Title and Subtitle are the document's title and subtitle to pandoc.
    plain = pandoc(path, "plain").split()
    assert [w for w in plain if w not in LAYOUT] == " ".join(lines(site, name)[2:]).split()
