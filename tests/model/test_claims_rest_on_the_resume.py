"""What the site says beyond the résumé's bullets rests on the résumé's own
words: each skill and language tag quotes the bullet that shows it, and a
role and a contribution are related only where the résumé relates them.

The build checks each quote against the page it is on; these tests check it
against the résumé itself (../shared/seed/resume.txt).
"""

from __future__ import annotations

import pytest

from support import seed
from support.seed import normalise
from support.sources import CONTRIBUTIONS, PERSON, ROLES

ROLE = {role.label: role for role in ROLES}


def _bullets(resume, page) -> tuple[str, ...]:
    """The résumé's bullets for a page: a role's, or a contribution's one;
    () for a page the résumé does not give."""
    if page in ROLES:
        return next((p.bullets for p in resume.positions if str(p) == normalise(page.title)), ())
    return tuple(c.bullet for c in resume.contributions if c.page == page.html)


@pytest.mark.parametrize("page", seed.cases(
    lambda resume: [page for page in ROLES + CONTRIBUTIONS if _bullets(resume, page)],
    ids=lambda page: page.path.stem))
def test_each_tag_quotes_a_bullet_of_the_resume(resume, page):
    bullets = _bullets(resume, page)
    for key in ("skills", "languages"):
        for name, words in (page.meta.get(key) or {}).items():
            assert name in (resume.skills if key == "skills" else resume.languages)
            assert any(normalise(words) in bullet for bullet in bullets), (name, words)


def test_relations_are_only_those_listed_with_the_resume_words(resume):
    stated = {(role.label, c) for role in ROLES for c in role.meta.get("contributions", [])}
    stated |= {(r, contribution.label) for contribution in CONTRIBUTIONS
               for r in contribution.meta.get("roles", [])}
    listed = {(r["role"], r["contribution"]): r["evidence"] for r in PERSON["relations"]}
    assert stated == set(listed)
    for (role, _), words in listed.items():
        assert any(normalise(words) in bullet for bullet in _bullets(resume, ROLE[role]))


def test_the_resume_makes_these_relations_and_no_others():
    # The résumé relates the HPE role to the Warehouse rewrite ("Implemented a
    # new PyPI code base") and the Rackspace role to PEP 440 (named in its
    # bullet); PEP 470, though on a related subject, is listed only under PyPI.
    employers = {role.label: role.meta["employer"] for role in ROLES}
    pairs = {(employers[r["role"]], r["contribution"]) for r in PERSON["relations"]}
    assert pairs == {("Hewlett Packard Enterprise", "warehouse"), ("Rackspace", "pep-440")}
