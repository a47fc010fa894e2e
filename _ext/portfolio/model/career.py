"""The career as data: the person, roles, contributions, PEPs and projects.

Plain dataclasses, built and validated once per build from the pages
(``build.py``), and read by every view and export. Nothing here knows Sphinx
or an output format.

Which kind a page is follows from where it is:

- the root document (``index.md``): the person, the skills taxonomy and the
  open-source projects;
- ``experience/<slug>.md``: a role;
- ``open-source/<project>/<slug>.md``: a contribution.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from ..shared import pep_label

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROLES_DIR = "experience"
CONTRIBUTIONS_DIR = "open-source"
# How the résumé ends the dates of work that goes on: "2013 – Current", for a
# project. (A role's dates say "present".)
ONGOING = "Current"
# The résumé's sections a skill may be shown by as a whole (index.md's
# ``section_skills``), each with the page that holds its entries.
RESUME_SECTIONS = {"Open Source Contributions": f"{CONTRIBUTIONS_DIR}/index"}
# The one way every duration on the site is counted, shown to readers beside
# the durations (the Experience page) so that the figures can be checked.
DURATION_RULE = (
    "Durations count each month once: a role counts from its first month through its last; "
    "a month in which one role ends and the next begins counts for the role that begins.")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """``"2024-01"`` -> YearMonth(2024, 1); the schema has checked the form."""
        year, month = text.split("-")
        return cls(int(year), int(month))

    @classmethod
    def from_timestamp(cls, seconds: int) -> YearMonth:
        moment = time.gmtime(seconds)
        return cls(moment.tm_year, moment.tm_mon)

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def months_to(self, end: YearMonth) -> int:
        """Months from the start of this month to the end of ``end``, both counted."""
        return (end.year - self.year) * 12 + end.month - self.month + 1


def duration(months: int) -> str:
    """``16`` -> "1 year 4 months", as résumés count a span."""
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years > 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def page_kind(docname: str, root_doc: str) -> str | None:
    """'person', 'role', 'contribution' or None, from where the page is."""
    if docname == root_doc:
        return "person"
    parts = docname.split("/")
    if parts[-1] == "index":
        return None
    if parts[0] == ROLES_DIR and len(parts) == 2:
        return "role"
    if parts[0] == CONTRIBUTIONS_DIR and len(parts) >= 2:
        return "contribution"
    return None


@dataclass(frozen=True)
class Profile:
    network: str
    username: str
    url: str

    @property
    def display(self) -> str:
        """How the résumé writes it: ``https://www.linkedin.com/in/x/`` -> ``linkedin.com/in/x``."""
        return re.sub(r"^[a-z]+://(www\.)?", "", self.url).rstrip("/")


@dataclass(frozen=True)
class Relation:
    """A role and a contribution the résumé connects, and the words, in the
    role's bullets, that connect them."""

    role: str  # a role page's label
    contribution: str  # a contribution page's label
    evidence: str


@dataclass(frozen=True)
class Person:
    name: str
    headline: str
    location: str
    email: str
    profiles: list[Profile]
    summary: str
    languages: list[str]
    skills: list[str]
    # The only role-contribution relations pages may state (index.md's 'relations').
    relations: list[Relation] = field(default_factory=list)
    # A résumé section (one of RESUME_SECTIONS) -> the skills it shows as a whole.
    section_skills: dict[str, list[str]] = field(default_factory=dict)

    def sections_showing(self, skill: str) -> list[str]:
        """The résumé sections that show ``skill`` as a whole."""
        return [section for section, skills in self.section_skills.items() if skill in skills]


@dataclass(frozen=True)
class Project:
    """One of the résumé's open-source groups, dated to the year, or undated."""

    name: str
    start: int | None = None  # a year; None: the résumé gives no dates
    end: int | None = None  # a year; None with a start: the work goes on ("present")

    @property
    def dates(self) -> str:
        """ "2013 – Current", "2013 – 2015", or "" when undated."""
        if self.start is None:
            return ""
        return f"{self.start} – {self.end if self.end is not None else ONGOING}"


@dataclass(frozen=True)
class Role:
    docname: str
    label: str
    title: str
    employer: str
    position: str
    start: YearMonth
    end: YearMonth | None  # None: the role is current
    # skill -> the résumé words, in one of the bullets, that show it
    skills: dict[str, str]
    contributions: list[str]  # labels of contribution pages
    bullets: list[str]  # the résumé's bullets for the role, plain text
    location: str | None = None
    # programming language -> the résumé words that show it
    languages: dict[str, str] = field(default_factory=dict)

    @property
    def dates(self) -> str:
        """ "Jan 2024 – Apr 2025", or "Jan 2024 – present"."""
        return f"{self.start.label} – {self.end.label if self.end else 'present'}"

    def span(self, today: YearMonth) -> int:
        """Months from its first through its last (or ``today``), both counted:
        the calendar span, before ``Career.months`` gives a shared month away."""
        return self.start.months_to(self.end or today)

    def shown_by(self, bullet: str) -> list[str]:
        """The skills and languages whose evidence is in ``bullet``."""
        return shown_by(self, bullet)


@dataclass(frozen=True)
class Contribution:
    docname: str
    label: str
    title: str
    project: str
    kind: str
    peps: list[str]  # bib keys
    # skill -> the résumé words, in the bullet, that show it
    skills: dict[str, str]
    roles: list[str]  # labels of role pages
    bullet: str  # the résumé's bullet for it, plain text: the page's first paragraph
    # programming language -> the résumé words that show it
    languages: dict[str, str] = field(default_factory=dict)

    def shown_by(self, bullet: str) -> list[str]:
        """The skills and languages whose evidence is in ``bullet``."""
        return shown_by(self, bullet)


def shown_by(page: Role | Contribution, bullet: str) -> list[str]:
    return [name for name, words in [*page.skills.items(), *page.languages.items()]
            if words in bullet]


@dataclass(frozen=True)
class Pep:
    key: str
    number: int
    title: str
    authors: list[str]
    status: str
    type: str
    year: int
    url: str

    @property
    def label(self) -> str:
        return pep_label(self.number)


@dataclass(frozen=True)
class Career:
    person: Person
    roles: list[Role]  # reverse chronological
    contributions: list[Contribution]  # in the site's reading order
    peps: dict[str, Pep]  # by bib key, in PEP number order
    today: YearMonth = YearMonth(1970, 1)  # "present", from SOURCE_DATE_EPOCH
    # docname -> the pages whose prose references it, in reading order
    backlinks: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # docname -> page title
    projects: list[Project] = field(default_factory=list)  # as index.md declares them
    skills_page: str | None = None  # the docname of the page that places {skills-map}

    @property
    def relations(self) -> list[Relation]:
        return self.person.relations

    def relation(self, role: str, contribution: str) -> Relation | None:
        return next((r for r in self.relations
                     if (r.role, r.contribution) == (role, contribution)), None)

    def project(self, name: str) -> Project | None:
        return next((p for p in self.projects if p.name == name), None)

    def page(self, docname: str) -> Role | Contribution | None:
        """The role or contribution that page ``docname`` presents."""
        return next((p for p in [*self.roles, *self.contributions] if p.docname == docname), None)

    def role(self, label: str) -> Role | None:
        return next((r for r in self.roles if r.label == label), None)

    def contribution(self, label: str) -> Contribution | None:
        return next((c for c in self.contributions if c.label == label), None)

    def contributions_for_pep(self, key: str) -> list[Contribution]:
        return [c for c in self.contributions if key in c.peps]

    def months(self, role: Role) -> int:
        """The months ``role`` counts by ``DURATION_RULE``: its span, less its
        last month when another role begins in it."""
        handed_over = role.end is not None and any(
            other.start == role.end for other in self.roles if other is not role)
        return role.span(self.today) - handed_over

    def months_at(self, employer: str) -> int:
        """The months of every role at ``employer``: their sum, each counted once."""
        return sum(self.months(r) for r in self.roles if r.employer == employer)

    @property
    def months_of_experience(self) -> int:
        """The months his roles cover, each once (gaps between roles are not
        counted): the sum of the roles' months when no two overlap."""
        covered = set()
        for role in self.roles:
            start = role.start.year * 12 + role.start.month
            covered.update(range(start, start + role.span(self.today)))
        return len(covered)

    @property
    def first_month(self) -> YearMonth | None:
        return min((r.start for r in self.roles), default=None)

    @property
    def last_month(self) -> YearMonth | None:
        """The last month a role covers: ``today`` while one goes on."""
        return max((r.end or self.today for r in self.roles), default=None)
