"""No blank pages: every page of the PDF carries text beyond its running
head and page number (one-sided, chapters start on any page)."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader


def test_every_page_has_content(site):
    pages = len(PdfReader(site.pdf).pages)
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(site.pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        assert len(text.split()) > 12, f"page {number} is (nearly) blank: {text!r}"
