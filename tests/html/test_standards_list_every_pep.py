"""The standards page lists every PEP Donald Stufft authored, from peps.bib,
which is generated from peps.json."""

import re
import subprocess
import sys

from support import pages, seed
from tools.build import ROOT

PEP = re.compile(r"\bPEP (\d+)\b")


def _entries(site) -> dict[int, str]:
    """PEP number -> the text of its bibliography entry."""
    found = {}
    for entry in pages.main(site.html / "standards.html").select("div.citation"):
        number = int(PEP.search(pages.text(entry.select_one(".label"))).group(1))
        found[number] = pages.text(entry)
    return found


def test_every_pep_with_title_status_and_year(site, peps):
    entries = _entries(site)
    assert sorted(entries) == sorted(pep["pep"] for pep in peps)
    for pep in peps:
        # The year is the PEP's creation, and the entry says so.
        for field in (pep["title"], pep["status"], f"created {pep['year']}"):
            assert pages.normalise(field) in entries[pep["pep"]], (pep["pep"], field)


def test_resume_peps_link_their_pages(site, resume):
    """A PEP the résumé names leads from the standards page to its contribution."""
    standards = site.html / "standards.html"
    linked = pages.links(standards)
    for contribution in resume.contributions:
        if PEP.search(contribution.bullet):
            assert (site.html / contribution.page).resolve() in linked, contribution.page


def test_peps_bib_is_generated_from_peps_json(peps):
    generated = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "peps2bib.py"), str(seed.PEPS)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert (ROOT / "peps.bib").read_text(encoding="utf-8") == generated, (
        "peps.bib is stale: python tools/peps2bib.py ../shared/data/peps.json > peps.bib")
