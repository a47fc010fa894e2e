"""The résumé is exactly two pages: the whole of the standalone résumé, and
pages 1-2 of the portfolio PDF, whose contents begin on page 3."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader


def page_text(pdf, number: int) -> str:
    """The text of page ``number`` (1-based)."""
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout


def last_words(career) -> str:
    """The résumé's last bullet: the open-source work, or else the last position."""
    roles, contributions = career.roles, career.contributions
    last = contributions[-1].bullet if contributions else roles[-1].bullets[-1]
    return " ".join(last.split()[-4:])


def test_the_standalone_resume_has_two_pages(site):
    assert len(PdfReader(site.standalone_resume).pages) == 2


def test_the_portfolio_opens_with_the_two_resume_pages(site, career):
    reader = PdfReader(site.pdf)
    bookmarks = {item.title: reader.get_destination_page_number(item)
                 for item in reader.outline if not isinstance(item, list)}
    assert bookmarks["Résumé"] == 0
    assert bookmarks["Contents"] == 2
    assert career.person.name in page_text(site.pdf, 1)
    page_two = " ".join(page_text(site.pdf, 2).split())
    assert last_words(career) in page_two
    assert career.person.languages[-1] in page_two  # the résumé's last section
    assert career.person.name not in page_two  # no running head or foot


def test_pages_are_numbered_as_a_viewer_counts_them(site):
    """From the cover, 1 to N: the page a reader is told to turn to is the
    page the viewer shows, and every label is unique."""
    labels = PdfReader(site.pdf).page_labels
    assert labels == [str(n) for n in range(1, len(labels) + 1)]


def test_the_first_chapter_after_the_contents_is_his_name(site, career):
    """The landing page's prose opens under a heading with his name, in the
    outline and on the page, not as plain text under no heading."""
    reader = PdfReader(site.pdf)
    bookmarks = [(item.title, reader.get_destination_page_number(item))
                 for item in reader.outline if not isinstance(item, list)]
    titles = [title for title, _ in bookmarks]
    name = career.person.name
    at = titles.index("Contents") + 1
    assert titles[at] == name
    page = bookmarks[at][1] + 1  # 1-based
    lines = [line.strip() for line in page_text(site.pdf, page).splitlines() if line.strip()]
    # The chapter's title (its first page has no running head), then the headline.
    assert lines[:2] == [name, career.person.headline], lines[:5]
    assert lines[-1] == str(page)  # the number printed in the foot is the viewer's
