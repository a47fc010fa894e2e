"""The résumé as plain text, for application forms: the PDF's words in its
order, one item a line, no bullets, rules or separators."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Career


def resume_text(c: Career, phone: str | None = None) -> str:
    """The résumé as ``<name>.txt``, with the phone number only when given."""
    person = c.person
    lines = [person.name, person.headline, person.location, person.email]
    lines += [phone] if phone else []
    lines += [p.display for p in person.profiles]
    lines += ["", "Summary", " ".join(person.summary.split()), ""]
    lines += [f"Skills: {', '.join(person.skills)}",
              f"Programming languages: {', '.join(person.languages)}"]
    lines += ["", "Experience"]
    for role in c.roles:
        lines += ["", f"{role.employer}, {role.position}", role.dates, *role.bullets]
    projects = [(p, [x.bullet for x in c.contributions if x.project == p.name])
                for p in c.projects]
    projects = [(p, bullets) for p, bullets in projects if bullets]
    if projects:
        lines += ["", "Open source"]
    for project, bullets in projects:
        lines += ["", project.name, *filter(None, [project.dates]), *bullets]
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()
