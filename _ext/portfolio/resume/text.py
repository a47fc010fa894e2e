"""The résumé as plain text, for application forms: the PDF's words in its
order (``outline``), one item a line, no bullets, rules or separators."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import outline

if TYPE_CHECKING:
    from ..model import Career


def resume_text(c: Career, phone: str | None = None) -> str:
    """The résumé as ``<name>.txt``, with the phone number only when given."""
    person = c.person
    lines = [person.name, person.headline, person.location, person.email]
    lines += [phone] if phone else []
    lines += [p.display for p in person.profiles]
    lines += ["", outline.SUMMARY, " ".join(person.summary.split())]
    lines += ["", outline.EXPERIENCE]
    for employer in outline.employers(c):
        lines += ["", employer.name]
        for n, role in enumerate(employer.roles):
            lines += [""] * bool(n) + [role.position, role.dates, *role.bullets]
    projects = outline.projects(c)
    if projects:
        lines += ["", outline.PROJECTS]
    for entry in projects:
        lines += ["", entry.project.name, *filter(None, [entry.project.dates]),
                  *(x.bullet for x in entry.contributions)]
    lines += ["", outline.SKILLS, ", ".join(person.skills)]
    lines += ["", outline.LANGUAGES, ", ".join(person.languages)]
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()
