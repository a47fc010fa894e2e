"""The website offers the two-page résumé as a download; the ePub and the
PDF (which opens with the résumé) do not link a file they lack."""

from __future__ import annotations

import zipfile

from bs4 import BeautifulSoup
from pypdf import PdfReader

TEXT = "Download the résumé"


def test_the_home_page_links_the_two_page_resume(site):
    soup = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(p.get_text() == f"{TEXT}:" for p in soup.find_all("p"))
    link = next(a for a in soup.find_all("a") if a.get_text() == "Two-page résumé")
    target = site.html / link["href"]
    assert target.name == "resume.pdf"
    assert len(PdfReader(target).pages) == 2


def test_the_epub_has_no_such_link(site):
    with zipfile.ZipFile(site.epub) as epub:
        texts = [epub.read(name).decode("utf-8") for name in epub.namelist()
                 if name.endswith((".xhtml", ".html"))]
    assert texts
    assert not any(TEXT in text or "resume.pdf" in text for text in texts)


def test_the_latex_has_no_such_link(site):
    assert TEXT not in (site.latex / site.pdf.with_suffix(".tex").name).read_text(encoding="utf-8")
