"""The résumé's parts in reading order, which every form of it follows: the
PDF (tex.py), the plain text (text.py) and the Word copy (word.py).

Sections carry the names applicant-tracking parsers look for (Summary,
Experience, Projects, Skills, Languages). Under Experience, consecutive
roles at one employer share one employer heading, as LinkedIn shows them;
each role is its own title line with its dates. Pure: no Sphinx here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Career, Contribution, Project, Role

SUMMARY = "Summary"
EXPERIENCE = "Experience"
PROJECTS = "Projects"  # the résumé's open source work, by project
SKILLS = "Skills"
LANGUAGES = "Languages"  # programming languages


@dataclass(frozen=True)
class Employer:
    name: str
    roles: list[Role]  # consecutive roles there, latest first


@dataclass(frozen=True)
class ProjectEntry:
    project: Project
    contributions: list[Contribution]


def employers(c: Career) -> list[Employer]:
    """The roles under their employers: consecutive roles at one employer share one."""
    return [Employer(name, list(roles))
            for name, roles in itertools.groupby(c.roles, key=lambda r: r.employer)]


def projects(c: Career) -> list[ProjectEntry]:
    """The projects that have contributions shown, in index.md's order."""
    entries = [ProjectEntry(p, [x for x in c.contributions if x.project == p.name])
               for p in c.projects]
    return [entry for entry in entries if entry.contributions]
