"""The PEPs page (standards.html) lists every PEP Donald Stufft authored,
once, from peps.bib, which is generated from peps.json: each entry labels its
fields and links to the PEP itself."""

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
        for field in (pep["title"], f"Status: {pep['status']}", f"Created: {pep['year']}"):
            assert pages.normalise(field) in entries[pep["pep"]], (pep["pep"], field)


def test_each_pep_is_listed_once_and_links_to_the_pep(site, peps):
    article = pages.main(site.html / "standards.html")
    numbers = [int(PEP.search(pages.text(entry.select_one(".label"))).group(1))
               for entry in article.select("div.citation")]
    assert sorted(numbers) == sorted(set(numbers))
    assert not article.select("table")  # the list is the page's only list of PEPs
    links = {a["href"] for a in article.select("div.citation a")}
    for pep in peps:
        assert f"https://peps.python.org/pep-{pep['pep']:04d}/" in links, pep["pep"]


def test_the_title_fits_every_pep(site, peps):
    """Some of his PEPs are Informational or Process, not standards."""
    assert {pep["type"] for pep in peps} - {"Standards Track"}
    assert pages.title(site.html / "standards.html") == "Python Enhancement Proposals"


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
