"""Each position of the résumé is one page, with its title, employer, dates
and every bullet, verbatim."""

import pytest

from support import pages, seed

POSITIONS = seed.cases(lambda resume: resume.positions)


def test_one_page_per_position(site, resume):
    titles = [pages.title(p) for p in pages.pages(site.html / "experience", "*.html")]
    counts = {str(p): titles.count(pages.normalise(str(p))) for p in resume.positions}
    assert counts == dict.fromkeys(counts, 1), "pages titled 'Title, Employer' per position"


@pytest.mark.parametrize("position", POSITIONS)
def test_page_gives_title_employer_and_dates(position, role_pages):
    page = role_pages.get(position)
    assert page, f"no page for {position}"
    content = pages.text(pages.main(page))
    assert position.title in content
    assert position.employer in content
    # The résumé writes the dates "Jan 2024 - Apr 2025"; the page may use an en dash.
    assert position.dates in content


@pytest.mark.parametrize("position", POSITIONS)
def test_page_lists_every_bullet(position, role_pages):
    page = role_pages.get(position)
    assert page, f"no page for {position}"
    items = {pages.text(li) for li in pages.main(page).find_all("li")}
    missing = [bullet for bullet in position.bullets if bullet not in items]
    assert not missing


def test_no_role_page_without_its_position(site, resume):
    """A role the résumé does not have is invented: add it to the résumé first."""
    positions = {pages.normalise(str(p)) for p in resume.positions}
    roles = [p for p in pages.pages(site.html / "experience", "*.html") if p.name != "index.html"]
    assert [p.name for p in roles if pages.title(p) not in positions] == []
