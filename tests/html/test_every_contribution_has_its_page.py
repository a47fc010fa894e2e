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
