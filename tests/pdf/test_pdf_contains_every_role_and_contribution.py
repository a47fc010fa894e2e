"""The PDF holds the whole résumé: every employer, every position's title and
every contribution's title."""

import subprocess

import pytest

from support import pages


@pytest.fixture(scope="module")
def pdf_text(site) -> str:
    # poppler-utils' pdftotext: the text a reader copies or a search engine indexes.
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site.pdf), "-"],
                            capture_output=True, text=True, check=True)
    return pages.normalise(result.stdout)


def test_every_employer_and_title(pdf_text, resume):
    missing = [text for p in resume.positions for text in (p.employer, p.title)
               if text not in pdf_text]
    assert not missing


def test_every_contribution_title(pdf_text, site, resume):
    titles = [pages.title(site.html / c.page) for c in resume.contributions
              if (site.html / c.page).is_file()]
    assert len(titles) == len(resume.contributions), "contribution pages are missing"
    missing = [title for title in titles if title not in pdf_text]
    assert not missing
