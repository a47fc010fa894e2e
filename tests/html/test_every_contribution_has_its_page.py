"""Each open-source bullet of the résumé is a page under open-source/ whose
text gives the bullet verbatim."""

import pytest

from support import pages, seed

CONTRIBUTIONS = seed.cases(lambda resume: resume.contributions)


@pytest.mark.parametrize("contribution", CONTRIBUTIONS)
def test_page_gives_the_bullet(contribution, site):
    assert contribution.page, "no contribution page's first paragraph is this bullet"
    page = site.html / contribution.page
    assert page.is_file(), f"no page {contribution.page}"
    assert pages.title(page)
    paragraphs = {pages.text(p) for p in pages.main(page).find_all("p")}
    assert contribution.bullet in paragraphs


def test_no_contribution_page_without_its_bullet(site, resume):
    """A contribution the résumé does not list is invented: add it to the résumé first."""
    given = {c.page for c in resume.contributions}
    root = site.html.resolve()
    found = [p.relative_to(root).as_posix()
             for p in pages.pages(site.html / "open-source", "*/*.html")]
    assert [page for page in found if page not in given] == []
