"""The résumé reads right as text, as applicant-tracking systems read it.

Pages 1-2 of the PDF and the standalone résumé, extracted three ways, hold
the whole résumé in reading order, every bullet verbatim, and the contact
details as readable text. pdftotext orders text by its position on the page
but silently rejoins words hyphenated at a line end; ``pdftotext -raw`` and
pypdf keep the content stream's order and show such hyphens, so they prove
that no word is split.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from support.pdftext import flat, pdftotext, reading_order

EXTRACTORS = {
    "pdftotext": pdftotext,
    "pdftotext-raw": lambda pdf: pdftotext(pdf, "-raw"),
    "pypdf": lambda pdf: "\n".join(page.extract_text() for page in PdfReader(pdf).pages[:2]),
}


@pytest.fixture(params=["portfolio", "standalone"])
def resume_pdf(request, site):
    """The portfolio PDF (its pages 1-2 are read), or the standalone résumé."""
    return site.pdf if request.param == "portfolio" else site.standalone_resume


@pytest.fixture(params=EXTRACTORS)
def resume_text(request, resume_pdf) -> str:
    return EXTRACTORS[request.param](resume_pdf)


@pytest.fixture(params=["pdftotext-raw", "pypdf"])
def resume_lines(request, resume_pdf) -> list[str]:
    """The résumé's lines as typeset, hyphens at line ends included."""
    return EXTRACTORS[request.param](resume_pdf).splitlines()


def test_the_resume_starts_with_the_name(resume_text, career):
    assert resume_text.splitlines()[0] == career.person.name


def test_everything_is_there_verbatim_and_in_reading_order(resume_text, resume_career):
    text = flat(resume_text)
    assert resume_career.roles
    assert resume_career.contributions
    position = 0
    for item in reading_order(resume_career):
        found = text.find(flat(item), position)
        after = text[position:position + 200]
        assert found >= 0, f"missing or out of order: {item!r}\nafter: {after!r}"
        position = found + len(flat(item))


def test_a_heading_line_gives_its_dates_at_its_end(resume_pdf, career):
    # "Staff Software Engineer | Jan 2024 – Apr 2025", and "PyPI | 2013 –
    # Current" (Projects follow Experience, on the second page): one line
    # each, the title (or project) first, as parsers pair them.
    lines = {flat(line) for line in pdftotext(resume_pdf).splitlines()}
    dated = [p for p in career.projects if p.dates]
    assert dated
    expected = [f"{r.position} | {r.dates}" for r in career.roles]
    expected += [f"{p.name} | {p.dates}" for p in dated]
    assert [line for line in expected if line not in lines] == []


def test_no_line_ends_in_a_hyphen(resume_lines):
    # Neither a hyphen TeX inserts nor a break after an explicit one (aws-cli).
    hyphens = ("-", "\u00ad", "\u2010")  # hyphen-minus, soft hyphen, hyphen
    assert [line for line in resume_lines if line.rstrip().endswith(hyphens)] == []


def test_no_soft_hyphens_or_icon_glyphs(resume_text):
    # Soft hyphens split words for extraction; icon fonts extract as
    # private-use characters (U+E000-U+F8FF) instead of the contact details.
    assert not re.search("[\u00ad\ue000-\uf8ff]", resume_text)


def test_the_standalone_resume_is_the_same_text(site):
    # Apart from the page footers, one résumé: the download is what the PDF opens with.
    assert flat(pdftotext(site.standalone_resume)) == flat(pdftotext(site.pdf))
