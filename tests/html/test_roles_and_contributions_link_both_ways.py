"""Roles and contributions link each other, in both directions, as their
front matter relates them."""

import re
from pathlib import Path

import pages
import yaml

from tools.build import ROOT


def _front_matter(source: Path) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def _label(source: Path) -> str:
    """The page's explicit label, "(pep-440)=", which front matter refers to."""
    match = re.search(r"^\(([\w.-]+)\)=\s*$", source.read_text(encoding="utf-8"), re.M)
    assert match, f"{source} has no explicit label"
    return match.group(1)


def _sources(pattern: str) -> dict[str, Path]:
    """label -> source, for the role or contribution pages."""
    return {_label(s): s for s in sorted(ROOT.glob(pattern)) if s.name != "index.md"}


ROLES = _sources("experience/*.md")
CONTRIBUTIONS = _sources("open-source/*/*.md")


def _html(site, source: Path) -> Path:
    return (site.html / source.relative_to(ROOT).with_suffix(".html")).resolve()


def _relations() -> set[tuple[str, str]]:
    """(role, contribution) pairs, from either side's front matter."""
    pairs = {(role, c) for role, s in ROLES.items()
             for c in _front_matter(s).get("contributions", [])}
    pairs |= {(r, contribution) for contribution, s in CONTRIBUTIONS.items()
              for r in _front_matter(s).get("roles", [])}
    return pairs


def test_related_pages_link_each_other(site):
    relations = _relations()
    assert relations, "no role is related to a contribution"
    missing = []
    for role, contribution in sorted(relations):
        role_page = _html(site, ROLES[role])
        contribution_page = _html(site, CONTRIBUTIONS[contribution])
        if contribution_page not in pages.links(role_page):
            missing.append(f"{role} -> {contribution}")
        if role_page not in pages.links(contribution_page):
            missing.append(f"{contribution} -> {role}")
    assert not missing


def test_every_link_between_them_is_returned(site):
    """A role linking a contribution is linked back from it, and the reverse."""
    roles = {_html(site, s) for s in ROLES.values()}
    contributions = {_html(site, s) for s in CONTRIBUTIONS.values()}
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
    employer = {label: _front_matter(s).get("employer") for label, s in ROLES.items()}
    for company, contribution in (("Hewlett Packard Enterprise", "warehouse"),
                                  ("Rackspace", "pep-440")):
        assert any(employer[r] == company for r, c in relations if c == contribution), (
            f"{company} and {contribution} are not related")
