"""Every page mentioning one of Donald Stufft's PEPs cites it: a link to the
PEP's entry in the bibliography on the standards page."""

import re

import pytest

from support import pages

PEP = re.compile(r"\bPEP (\d+)\b")


def _entries(standards) -> dict[str, int]:
    """Bibliography entry id -> PEP number, read from the standards page."""
    entries = {}
    for entry in pages.main(standards).select("div.citation"):
        match = PEP.search(pages.text(entry.select_one(".label")))
        entries[entry["id"]] = int(match.group(1))
    return entries


def _mentions(page) -> set[int]:
    """PEP numbers in the page's own words: not in headings, nor in link text
    (a citation is a link; so is a link to a page titled after a PEP)."""
    numbers = set()
    for string in pages.main(page).find_all(string=True):
        if string.find_parent(["a", "h1", "h2", "h3", "h4", "h5", "h6"]):
            continue
        numbers |= {int(n) for n in PEP.findall(pages.normalise(string))}
    return numbers


def _citations(page, standards, entries) -> set[int]:
    cited = set()
    for a in pages.main(page).find_all("a", href=True):
        found = pages.target(page, a["href"])
        if found and found[0] == standards and found[1] in entries:
            cited.add(entries[found[1]])
    return cited


def test_every_mention_is_cited(site, peps):
    standards = (site.html / "standards.html").resolve()
    entries = _entries(standards)
    authored = {pep["pep"] for pep in peps}
    uncited = {}
    for page in pages.pages(site.html):
        if page == standards or page.name in ("genindex.html", "search.html"):
            continue
        missing = (_mentions(page) & authored) - _citations(page, standards, entries)
        if missing:
            uncited[str(page.relative_to(site.html.resolve()))] = sorted(missing)
    assert not uncited


def test_resume_peps_are_cited(site, resume):
    """The check above has something to check: the résumé's PEPs are cited."""
    standards = (site.html / "standards.html").resolve()
    entries = _entries(standards)
    cited = set()
    for page in pages.pages(site.html / "open-source"):
        cited |= _citations(page, standards, entries)
    in_resume = {int(n) for c in resume.contributions for n in PEP.findall(c.bullet)}
    assert in_resume
    assert in_resume <= cited


@pytest.mark.parametrize(("text", "numbers"), [
    ("versioning (PEP 440) and PEP 453.", {440, 453}),
    ("PEP440 is not a mention; nor is PEPS 1", set()),
])
def test_mentions_are_found(tmp_path, text, numbers):
    page = tmp_path / "page.html"
    page.write_text(f'<article role="main"><h1>PEP 8</h1><p>{text} '
                    f'<a href="x.html">PEP 1</a></p></article>', encoding="utf-8")
    assert _mentions(page) == numbers
