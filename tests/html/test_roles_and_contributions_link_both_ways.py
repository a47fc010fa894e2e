"""Roles and contributions link each other, in both directions, as their
front matter relates them."""

from pathlib import Path

from support import pages
from support.sources import CONTRIBUTIONS, ROLES, Source

ROLE = {role.label: role for role in ROLES}
CONTRIBUTION = {contribution.label: contribution for contribution in CONTRIBUTIONS}


def _html(site, source: Source) -> Path:
    return (site.html / source.html).resolve()


def _relations() -> set[tuple[str, str]]:
    """(role, contribution) pairs, from either side's front matter."""
    pairs = {(role.label, c) for role in ROLES for c in role.meta.get("contributions", [])}
    pairs |= {(r, contribution.label) for contribution in CONTRIBUTIONS
              for r in contribution.meta.get("roles", [])}
    return pairs


def test_related_pages_link_each_other(site):
    relations = _relations()
    assert relations, "no role is related to a contribution"
    missing = []
    for role, contribution in sorted(relations):
        role_page = _html(site, ROLE[role])
        contribution_page = _html(site, CONTRIBUTION[contribution])
        if contribution_page not in pages.links(role_page):
            missing.append(f"{role} -> {contribution}")
        if role_page not in pages.links(contribution_page):
            missing.append(f"{contribution} -> {role}")
    assert not missing


def test_every_link_between_them_is_returned(site):
    """A role linking a contribution is linked back from it, and the reverse."""
    roles = {_html(site, s) for s in ROLES}
    contributions = {_html(site, s) for s in CONTRIBUTIONS}
    one_way = [
        f"{a.relative_to(site.html.resolve())} -> {b.relative_to(site.html.resolve())}"
        for group, others in ((roles, contributions), (contributions, roles))
        for a in group
        for b in pages.links(a) & others
        if a not in pages.links(b)
    ]
    assert not one_way


def test_resume_connections_are_related():
    """The pairs the résumé connects by subject and dates (the issue names them)."""
    relations = _relations()
    employer = {role.label: role.meta.get("employer") for role in ROLES}
    for company, contribution in (("Hewlett Packard Enterprise", "warehouse"),
                                  ("Rackspace", "pep-440")):
        assert any(employer[r] == company for r, c in relations if c == contribution), (
            f"{company} and {contribution} are not related")
