"""The PDF ends with an index: every employer with its positions, every PEP
and every skill, pointing at the pages about them (the entries come from the
pages' front matter, views/pages.py)."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader


def index_text(pdf) -> str:
    reader = PdfReader(pdf)
    start = next(reader.get_destination_page_number(item) for item in reader.outline
                 if not isinstance(item, list) and item.title == "Index")
    text = subprocess.run(
        ["pdftotext", "-f", str(start + 1), "-l", str(len(reader.pages)), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    return " ".join(text.split())


def test_the_index_lists_employers_positions_peps_and_skills(site, career):
    text = index_text(site.pdf)
    expected = {role.employer for role in career.roles}
    expected |= {role.position for role in career.roles}
    expected |= {career.peps[key].label for c in career.contributions for key in c.peps}
    expected |= {skill for page in [*career.roles, *career.contributions] for skill in page.skills}
    assert len(expected) > 10
    assert sorted(e for e in expected if e not in text) == []
