"""Each page about a PEP names that PEP's authors as its own Author header
lists them, in that order: from ../shared/data/peps.json, the PEP headers
peps.bib is generated from, so a hand-typed or stale list shows here."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from support.seed import MISSING, PEPS
from support.sources import CONTRIBUTIONS

ABOUT_PEPS = [c for c in CONTRIBUTIONS if c.meta.get("peps")]


def _headers() -> dict[int, list[str]]:
    return {pep["pep"]: pep["authors"] for pep in json.loads(PEPS.read_text())["peps"]}


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def test_there_are_pep_pages():
    assert len(ABOUT_PEPS) >= 7


@pytest.mark.skipif(not PEPS.is_file(), reason=MISSING)
@pytest.mark.parametrize("page", ABOUT_PEPS, ids=lambda p: p.docname)
def test_a_pep_page_names_the_peps_authors_from_its_header(site, page):
    article = BeautifulSoup((site.html / page.html).read_text(encoding="utf-8"),
                            "html.parser").find("article")
    lines = [p.get_text(" ", strip=True).replace(" 's", "'s")
             for p in article.select("p.portfolio-authors")]
    headers = _headers()
    numbers = [int(key.removeprefix("pep")) for key in page.meta["peps"]]
    assert lines == [f"Author{'s' if len(headers[n]) > 1 else ''}, as listed in PEP {n}'s "
                     f"header: {_names(headers[n])}." for n in numbers]
    # ... right after the résumé's bullet, the page's first paragraph,
    bullet = article.select_one("p.portfolio-authors").find_previous_sibling("p")
    assert " ".join(bullet.get_text().split()) == page.bullet
    # ... and the page's prose does not count them by hand.
    assert not any(word in page.body for word in ("It has eight authors", "authors."))
