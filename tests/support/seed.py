"""The résumé, ../shared/seed/resume.txt, parsed at test time, and where
the site puts each part of it: a contribution's page is the one whose first
paragraph gives its bullet, so a new contribution needs no edit here.

The tests compare the site with the résumé itself, so no claim is copied
into them; and the phone number, read here, is never written anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pytest

from support import sources
from tools.build import ROOT

SHARED = ROOT.parent / "shared"  # the résumé and PEP data the site is made from
RESUME_TEXT = SHARED / "seed" / "resume.txt"
PEPS = SHARED / "data" / "peps.json"
MISSING = f"{SHARED} is absent: the résumé and PEP data live beside the repository"

SECTIONS = ("Contact Info", "Programming Languages", "Skills",
            "Work Experience", "Open Source Contributions")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
QUOTES = {ord("\u201c"): '"', ord("\u201d"): '"', ord("\u2018"): "'", ord("\u2019"): "'"}


def normalise(text: str) -> str:
    """Text as compared: typographic quotes and dashes plain, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES).translate(QUOTES)
    return " ".join(text.split())


@dataclass(frozen=True)
class Position:
    employer: str
    title: str
    dates: str  # as the résumé writes them: "Jan 2024 - Apr 2025"
    bullets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.title}, {self.employer}"


@dataclass(frozen=True)
class Contribution:
    project: str  # the résumé's heading: "PyPI" or "Python Packaging"
    bullet: str
    # The page whose first paragraph gives the bullet, relative to the HTML
    # root ("open-source/pypi/pep-691.html"); None if no page does.
    page: str | None

    def __str__(self) -> str:
        return self.page or self.bullet


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str
    summary: str
    contact: tuple[str, ...]
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    positions: tuple[Position, ...]
    open_source: dict[str, tuple[str, ...]]  # project ("PyPI") -> bullets
    project_dates: dict[str, str]  # project -> its dates, "2013 - Current", if it has any

    def _contact(self, pattern: str) -> str:
        return next(line for line in self.contact if re.search(pattern, line))

    @property
    def location(self) -> str:
        return self.contact[0]

    @property
    def email(self) -> str:
        return self._contact(r"@")

    @property
    def github(self) -> str:
        return self._contact(r"github\.com/")

    @property
    def linkedin(self) -> str:
        return self._contact(r"linkedin\.com/")

    @property
    def phone(self) -> str:
        return self._contact(r"(\d\D*){7}")

    @property
    def contributions(self) -> list[Contribution]:
        """The open-source bullets, in the résumé's order, each with its page."""
        pages = {normalise(page.bullet): page.html for page in sources.CONTRIBUTIONS}
        return [Contribution(project, bullet, pages.get(bullet))
                for project, bullets in self.open_source.items() for bullet in bullets]


def _bullet(line: str) -> str:
    # "([PEP 691](#))": the résumé's links lead nowhere; the site cites the PEP.
    return normalise(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line[2:]))


def parse(text: str) -> Resume:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    name, headline, summary = lines[:3]
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines[3:]:
        if line in SECTIONS:
            current = line
            sections[current] = []
        else:
            sections[current].append(line)

    positions: list[Position] = []
    employer, title, dates, bullets = "", "", "", []
    work = sections["Work Experience"]
    for line in work:
        if line.startswith("- "):
            bullets.append(_bullet(line))
            continue
        if title:
            positions.append(Position(employer, title, dates, tuple(bullets)))
            title, bullets = "", []
        if " | " in line:
            title, dates = (normalise(part) for part in line.split(" | "))
        else:
            employer = line
    positions.append(Position(employer, title, dates, tuple(bullets)))

    open_source: dict[str, list[str]] = {}
    project_dates: dict[str, str] = {}
    project = None
    for line in sections["Open Source Contributions"]:
        if line.startswith("- "):
            open_source[project].append(_bullet(line))
        elif re.match(r"\d{4}", line):  # "2013 – Current" dates the project
            project_dates[project] = normalise(line)
        else:
            project = line
            open_source[project] = []

    return Resume(
        name=name,
        headline=headline,
        summary=normalise(summary),
        contact=tuple(sections["Contact Info"]),
        languages=tuple(sections["Programming Languages"]),
        skills=tuple(sections["Skills"]),
        positions=tuple(positions),
        open_source={key: tuple(value) for key, value in open_source.items()},
        project_dates=project_dates,
    )


@cache
def load() -> Resume | None:
    """The parsed résumé, or None when ../shared is absent."""
    return parse(RESUME_TEXT.read_text(encoding="utf-8")) if RESUME_TEXT.is_file() else None


# A phone number as people write it: NNN-NNN-NNNN, (NNN) NNN-NNNN, NNN.NNN.NNNN,
# +1 NNN NNN NNNN. The last separator is required, so long digit runs
# (hashes, timestamps) do not match.
PHONE = re.compile(r"(?<!\d)\(?\d{3}\)?[-.\s]{0,2}\d{3}[-.\s]\d{4}(?!\d)")


def number_pattern(phone: str) -> re.Pattern:
    """This number's digits in order, with up to three separators between
    each: "(NNN) NNN-NNNN", "+1 NNN.NNN.NNNN", "NNNNNNNNNN"."""
    digits = re.sub(r"\D", "", phone)[-10:]
    return re.compile(r"(?<!\d)" + r"\D{0,3}".join(digits) + r"(?!\d)")


def phone_number() -> re.Pattern:
    """What the privacy checks look for: the résumé's own number, however
    written; without ../shared (a plain clone), any phone number at all."""
    resume = load()
    return PHONE if resume is None else number_pattern(resume.phone)


def cases(items, ids=str) -> list:
    """Parameters for pytest, one per résumé item; one skipped case without the résumé."""
    resume = load()
    if resume is None:
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING))]
    return [pytest.param(item, id=ids(item)) for item in items(resume)]
