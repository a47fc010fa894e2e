"""The PDFs read as text, and the order in which the résumé should read."""

from __future__ import annotations

import re
import subprocess


def pdftotext(pdf, *options: str, first: int = 1, last: int = 2) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-f", str(first), "-l", str(last), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout


def flat(text: str) -> str:
    """Lines joined: a bullet broken across lines reads as one string again."""
    return " ".join(text.split())


def display(url: str) -> str:
    """How a profile reads on the page: https://www.github.com/x/ -> github.com/x."""
    return re.sub(r"^[a-z]+://(www\.)?", "", url).rstrip("/")


def reading_order(career) -> list[str]:
    """Everything the résumé says, in the order a reader meets it: the
    contact details, the summary, the positions (the employer named once
    above its consecutive positions), the projects, the skills, the languages."""
    person = career.person
    items = [person.name, person.headline, person.location, person.email]
    items += [display(p.url) for p in person.profiles]
    items += [person.summary]
    employer = None
    for role in career.roles:
        items += [role.employer] if role.employer != employer else []
        employer = role.employer
        items += [role.position, role.dates, *role.bullets]
    for project in career.projects:
        summaries = [c.bullet for c in career.contributions if c.project == project.name]
        if summaries:
            items += [project.name, *filter(None, [project.dates]), *summaries]
    return [*items, *person.skills, *person.languages]
