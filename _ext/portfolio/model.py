"""The career model: one validated picture of the career, built once per build.

Pages are read into ``env.portfolio_pages`` (see ``collect.py``). When every
page has been read (``env-updated``), this module reads each page's front
matter from its source (``read_front_matter``, the one reader), checks it
against the schema (``schema.py``) and the pages against each other, warns
about every problem with the file and line of the field, and stores the
result on the environment. Views and exports call ``career(env)``; nothing
else reads front matter. ``conf.py`` runs before any page is read: it takes
the person from ``read_person``, the same reader and the same schema.

Which kind a page is follows from where it is:

- the root document (``index.md``): the person, the skills taxonomy and the
  open-source projects;
- ``experience/<slug>.md``: a role;
- ``open-source/<project>/<slug>.md``: a contribution.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pybtex.richtext import Text
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join, logging

from . import schema

if TYPE_CHECKING:
    from .collect import Toctree

logger = logging.getLogger(__name__)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROLES_DIR = "experience"
CONTRIBUTIONS_DIR = "open-source"
# How the résumé ends the dates of work that goes on: "2013 – Current", for a
# project. (No role in the résumé is current; a role's dates say "present".)
ONGOING = "Current"


# -- The model ----------------------------------------------------------------


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


def pep_label(number: int | str) -> str:
    """How the résumé names a PEP: "PEP 440"."""
    return f"PEP {number}"


# A PEP named in text as pep_label() names it; group 1 is its number.
PEP_MENTION = re.compile(r"PEP (\d+)")


def duration(months: int) -> str:
    """``16`` -> "1 year 4 months", as résumés count a span."""
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years > 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


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
    highlights: list[str]  # the résumé bullets, plain text
    location: str | None = None
    # programming language -> the résumé words that show it
    languages: dict[str, str] = field(default_factory=dict)

    @property
    def dates(self) -> str:
        """ "Jan 2024 – Apr 2025", or "Jan 2024 – present"."""
        return f"{self.start.label} – {self.end.label if self.end else 'present'}"

    def months(self, today: YearMonth) -> int:
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
    # skill -> the résumé words, in the summary, that show it
    skills: dict[str, str]
    roles: list[str]  # labels of role pages
    summary: str  # the résumé bullet, plain text
    # programming language -> the résumé words that show it
    languages: dict[str, str] = field(default_factory=dict)
    highlight: bool = False  # one of the landing page's highlights

    def shown_by(self, bullet: str) -> list[str]:
        """The skills and languages whose evidence is in ``bullet`` (the summary)."""
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

    @property
    def relations(self) -> list[Relation]:
        return self.person.relations

    def relation(self, role: str, contribution: str) -> Relation | None:
        return next((r for r in self.relations
                     if (r.role, r.contribution) == (role, contribution)), None)

    @property
    def highlights(self) -> list[Contribution]:
        return [x for x in self.contributions if x.highlight]

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

    @property
    def months_of_experience(self) -> int:
        """From the first role's start to the last role's end (or today)."""
        if not self.roles:
            return 0
        first = min(r.start for r in self.roles)
        last = max(r.end or self.today for r in self.roles)
        return first.months_to(last)


def source_date_epoch(config) -> int:
    """The build's "now": ``portfolio_source_date_epoch``, which conf.py
    decides (tools/build.py: SOURCE_DATE_EPOCH, else the last commit); the
    clock on a site that sets none."""
    if config.portfolio_source_date_epoch is not None:
        return config.portfolio_source_date_epoch
    return int(time.time())


def career(env: BuildEnvironment) -> Career:
    """The career model, built and validated once all pages are read."""
    try:
        return env.portfolio_career
    except AttributeError:
        raise RuntimeError("career(env) is available once every page has been read") from None


# -- Which page is what ------------------------------------------------------


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
class FrontMatter:
    """A page's front matter as YAML gives it, and the node tree it was
    built from, which knows each field's line."""

    data: dict = field(default_factory=dict)
    node: yaml.Node | None = None

    def line(self, path: schema.FieldPath) -> int:
        return _line(self.node, path)


def read_front_matter(path: Path) -> FrontMatter:
    """The front matter of the page at ``path``: parsed once, by YAML, from
    the source file, as MyST finds it (between the first two ``---`` lines)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return FrontMatter()
    end = text.find("\n---", 4)
    if not text.startswith("---\n") or end == -1:
        return FrontMatter()
    loader = yaml.SafeLoader(text[4:end])
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        return FrontMatter()  # MyST reports malformed YAML with its file and line
    finally:
        loader.dispose()
    return FrontMatter(data if isinstance(data, dict) else {}, node)


def read_person(path: Path) -> Person:
    """The person from the landing page at ``path``, validated: a field the
    schema rejects is left empty (the build reports it, with its line)."""
    person, _, _ = _person(read_front_matter(path), lambda *problem: None)
    return person


def reading_order(env: BuildEnvironment) -> list[str]:
    """Every document, in the order the toctrees present them."""
    order: list[str] = []

    def visit(docname: str) -> None:
        if docname in order:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(env.config.root_doc)
    return order + sorted(env.found_docs - set(order))


# -- Building and checking ----------------------------------------------------


class Reporter:
    """Each page's front matter, read once, and warnings located at the line
    of the field at fault."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self._front_matter: dict[str, FrontMatter] = {}

    def front_matter(self, docname: str) -> FrontMatter:
        if docname not in self._front_matter:
            self._front_matter[docname] = read_front_matter(self.env.doc2path(docname))
        return self._front_matter[docname]

    def warn(self, docname: str, path: str | schema.FieldPath | None, message: str,
             subtype: str, line: int | None = None) -> None:
        if isinstance(path, str):
            path = (path,)
        if line is None:
            line = self.front_matter(docname).line(path) if path else 1
        logger.warning(message, location=(docname, line), type="portfolio", subtype=subtype)


# The front matter starts on the file's second line, after "---".
_FIRST_LINE = 2


def _line(node: yaml.Node | None, path: schema.FieldPath) -> int:
    """The line of the deepest part of ``path`` the front matter has (a key's
    line for a mapping, an item's for a list); 1 if it has none of it."""
    line = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return 1 if line is None else line + _FIRST_LINE


def _peps(env: BuildEnvironment) -> dict[str, Pep]:
    peps = {}
    for key, entry in env.get_domain("cite").bibdata.data.entries.items():
        fields = entry.fields
        authors = [
            " ".join([*p.first_names, *p.middle_names, *p.prelast_names, *p.last_names])
            for p in entry.persons.get("author", [])
        ]
        peps[key] = Pep(
            key=key,
            number=int(fields["number"]),
            title=Text.from_latex(fields["title"]).render_as("text"),
            authors=authors,
            status=fields.get("status", ""),
            type=fields.get("peptype", ""),
            year=int(fields["year"]),
            url=fields.get("url", ""),
        )
    return dict(sorted(peps.items(), key=lambda item: item[1].number))


Warn = Callable[[schema.FieldPath, str, str], None]  # (field, message, subtype)


def _person(front: FrontMatter, warn: Warn) -> tuple[Person, list[Project], list[str]]:
    """The person; the valid projects; and the names of all declared projects,
    which contributions may name: a project with bad dates is reported once,
    at its own line, not again on each of its contributions."""
    data = front.data
    errors = list(schema.problems(schema.person_schema(), data))
    for path, message in errors:
        warn(path, message, "frontmatter")
    invalid = {path[0] for path, _ in errors}  # top-level fields

    def text(key: str) -> str:
        value = data.get(key) if key not in invalid else None
        return value if isinstance(value, str) else ""

    def strings(key: str) -> list[str]:
        value = data.get(key) if key not in invalid else None
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    person = Person(
        name=text("name"),
        headline=text("headline"),
        location=text("location"),
        email=text("email"),
        profiles=[Profile(**p) for p in data.get("profiles", [])]
        if "profiles" not in invalid else [],
        summary=text("summary"),
        languages=strings("languages"),
        skills=strings("skills"),
        relations=[Relation(r["role"], r["contribution"], " ".join(r["evidence"].split()))
                   for r in data.get("relations", [])] if "relations" not in invalid else [],
    )
    items = data.get("projects")
    items = items if isinstance(items, list) else []
    declared = [p["name"] for p in items if isinstance(p, dict) and isinstance(p.get("name"), str)]
    return person, _projects(items, errors, warn), declared


def _projects(items: list, errors: list, warn: Warn) -> list[Project]:
    """The declared projects, less those with a problem (already reported, or
    reported here: dates out of order, a name given twice)."""
    bad = {path[1] for path, _ in errors if len(path) > 1 and path[0] == "projects"}
    projects: list[Project] = []
    for index, item in enumerate(items):
        if index in bad or not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        if start and end != "present" and end < start:
            warn(("projects", index, "end"), (
                f"field 'projects[{index}].end': {end} is before the start, {start}; "
                "allowed: a year no earlier than 'start', or \"present\""), "dates")
            continue
        if any(p.name == item["name"] for p in projects):
            warn(("projects", index, "name"), (
                f"field 'projects[{index}].name': '{item['name']}' is declared twice; "
                "allowed: a name no other project has"), "frontmatter")
            continue
        projects.append(Project(
            name=item["name"],
            start=int(start) if start else None,
            end=int(end) if end and end != "present" else None,
        ))
    return projects


def _labels(env: BuildEnvironment, docnames: Iterable[str], report: Reporter) -> dict[str, str]:
    """label -> docname for model pages; every page needs one, each unique."""
    owners: dict[str, str] = {}
    for docname in docnames:
        page = env.portfolio_pages.get(docname)
        if page is None or not page.label:
            report.warn(docname, None, (
                "page has no id: put an explicit label such as (my-page)= on the line "
                "before its title; front matter refers to pages by it"), "id")
            continue
        if page.label in owners:
            report.warn(docname, None, (
                f"duplicate page id '{page.label}': {env.doc2path(owners[page.label], False)} "
                "already uses it; every page needs its own label"), "id", line=page.label_line)
            continue
        owners[page.label] = docname
    return owners


def _check_dates(docname: str, data: dict, report: Reporter) -> bool:
    start, end = data["start"], data["end"]
    if end != "present" and end < start:
        report.warn(docname, "end", (
            f"field 'end': {end} is before the start, {start}; allowed: a year-month "
            "no earlier than 'start', or \"present\""), "dates")
        return False
    return True


def _validated(env: BuildEnvironment, docname: str, page_schema: dict,
               report: Reporter) -> dict | None:
    """The page's front matter, or None after reporting each problem at its field."""
    data = report.front_matter(docname).data
    errors = list(schema.problems(page_schema, data))
    for path, message in errors:
        report.warn(docname, path, message, "frontmatter")
    return None if errors else data


def _check_mirrored(env: BuildEnvironment, roles: list[Role], contributions: list[Contribution],
                    report: Reporter) -> None:
    """A role lists a contribution exactly when the contribution lists the role."""
    sides = ((roles, "contributions", {c.label: c for c in contributions}, "roles"),
             (contributions, "roles", {r.label: r for r in roles}, "contributions"))
    for pages, key, others, back in sides:
        for page in pages:
            for label in getattr(page, key):
                other = others.get(label)
                if other and page.label not in getattr(other, back):
                    report.warn(other.docname, back, (
                        f"field '{back}' lacks '{page.label}': "
                        f"{env.doc2path(page.docname, False)} lists this page ('{label}') "
                        f"in its {key}; relations must be listed on both pages"), "relation")

def _evidenced(docname: str, data: dict, key: str, bullets: list[str], where: str,
               report: Reporter) -> dict[str, str]:
    """The page's tags (``skills`` or ``languages``) whose words are in one
    of ``bullets``; each other tag is reported at its line and left out."""
    found = {}
    for name, words in data.get(key, {}).items():
        words = " ".join(words.split())  # YAML may fold a long quote
        if any(words in bullet for bullet in bullets):
            found[name] = words
        else:
            report.warn(docname, (key, name), (
                f"field '{key}.{name}': “{words}” is not in {where}; give the résumé "
                f"words there that show '{name}', or remove the tag"), "evidence")
    return found


def _check_relations(env: BuildEnvironment, relations: list[Relation], roles: list[Role],
                     contributions: list[Contribution], report: Reporter) -> None:
    """Pages relate a role and a contribution only as index.md's 'relations'
    lists them, each with words from the role's bullets."""
    root = env.config.root_doc
    listed = {(r.role, r.contribution) for r in relations}
    stated = set()
    for role in roles:
        for index, label in enumerate(role.contributions):
            stated.add((role.label, label))
            if (role.label, label) not in listed:
                report.warn(role.docname, ("contributions", index), (
                    f"field 'contributions[{index}]': the résumé does not relate this role "
                    f"to '{label}'; pages may state only the relations listed, with the "
                    f"résumé words that make them, in 'relations' in "
                    f"{env.doc2path(root, False)}"), "relation")
    for contribution in contributions:
        for index, label in enumerate(contribution.roles):
            if (label, contribution.label) not in listed | stated:
                report.warn(contribution.docname, ("roles", index), (
                    f"field 'roles[{index}]': the résumé does not relate this contribution "
                    f"to '{label}'; pages may state only the relations listed, with the "
                    f"résumé words that make them, in 'relations' in "
                    f"{env.doc2path(root, False)}"), "relation")
    roles_by_label = {r.label: r for r in roles}
    for index, relation in enumerate(relations):
        role = roles_by_label.get(relation.role)
        if role is None or relation.contribution not in role.contributions:
            report.warn(root, ("relations", index), (
                f"field 'relations[{index}]': {relation.role} – {relation.contribution} is "
                "listed but no role page states it: list the contribution in the role's "
                "'contributions' (and the role in its 'roles'), or remove the relation"),
                "relation")
        elif not any(relation.evidence in bullet for bullet in role.highlights):
            report.warn(root, ("relations", index, "evidence"), (
                f"field 'relations[{index}].evidence': “{relation.evidence}” is not in the "
                f"bullets of {env.doc2path(role.docname, False)}; give the résumé words "
                "there that relate the two"), "relation")


def _listed_by(env: BuildEnvironment) -> dict[str, tuple[str, Toctree]]:
    """docname -> the page whose toctree lists it, and that toctree."""
    found = {}
    for parent, page in env.portfolio_pages.items():
        for toctree in page.toctrees:
            for docname in toctree.docnames:
                found.setdefault(docname, (parent, toctree))
    return found


def _check_project_headings(env: BuildEnvironment, declared: list[str],
                            report: Reporter) -> None:
    root = env.doc2path(env.config.root_doc, False)
    for docname, page in env.portfolio_pages.items():
        for name, line in page.project_headings:
            if name not in declared:
                report.warn(docname, None, (
                    f"project {name!r} is not declared: list it in 'projects' in the front "
                    f"matter of {root}"), "project", line=line)


def _check_membership(env: BuildEnvironment, contributions: list[Contribution],
                      listed_by: dict[str, tuple[str, Toctree]], report: Reporter) -> None:
    """A contribution's project is stated by its 'project' field, the
    ``{project}`` heading over the toctree that lists it, and its folder:
    the résumé and resume.json group by the field, the navigation by the
    toctree. They must agree; one folder holds one project's pages."""
    folders: dict[str, Contribution] = {}
    for contribution in contributions:
        parent, toctree = listed_by.get(contribution.docname, (None, None))
        if toctree is not None and toctree.project not in (None, contribution.project):
            report.warn(contribution.docname, "project", (
                f"field 'project': '{contribution.project}', but the toctree at "
                f"{env.doc2path(parent, False)}:{toctree.line} lists this page under the "
                f"project '{toctree.project}'; move the page's entry under its project's "
                "heading there, or correct this field"), "project")
        folder = posixpath.dirname(contribution.docname)
        first = folders.setdefault(folder, contribution)
        if first.project != contribution.project:
            report.warn(contribution.docname, "project", (
                f"field 'project': '{contribution.project}', but {folder}/ holds the pages of "
                f"'{first.project}' ({env.doc2path(first.docname, False)}); a folder holds "
                "one project's pages: move this page to its project's folder, or correct "
                "this field"), "project")


def _check_role_order(env: BuildEnvironment, roles: list[Role], today: YearMonth,
                      listed_by: dict[str, tuple[str, Toctree]], report: Reporter) -> None:
    """The roles' toctree (the navigation, the ePub's and the PDF's chapters)
    lists them as the résumé does: most recent first."""
    for earlier, later in itertools.pairwise(roles):  # in reading order
        if (earlier.start, earlier.end or today) >= (later.start, later.end or today):
            continue
        parent, toctree = listed_by.get(earlier.docname, (None, None))
        if toctree is None:
            continue
        report.warn(parent, None, (
            f"the toctree lists '{posixpath.basename(earlier.docname)}' ({earlier.dates}) "
            f"before '{posixpath.basename(later.docname)}' ({later.dates}), which is more "
            "recent; list the roles most recent first, as the résumé does"),
            "order", line=toctree.line)


def _backlinks(env: BuildEnvironment, order: list[str]) -> dict[str, list[str]]:
    labels = env.get_domain("std").labels
    found: dict[str, list[str]] = {}
    for docname in order:
        page = env.portfolio_pages.get(docname)
        if page is None:
            continue
        for kind, target in page.references:
            if kind == "ref":
                target_doc = labels.get(target, (None,))[0]
            else:
                target_doc = docname_join(docname, target)
            if target_doc and target_doc != docname and target_doc in env.found_docs:
                sources = found.setdefault(target_doc, [])
                if docname not in sources:
                    sources.append(docname)
    return found


def build(env: BuildEnvironment) -> Career:
    """Validate every page's front matter and assemble the career."""
    report = Reporter(env)
    root = env.config.root_doc
    order = reading_order(env)
    kinds = {d: page_kind(d, root) for d in order}
    role_docs = [d for d in order if kinds[d] == "role"]
    contribution_docs = [d for d in order if kinds[d] == "contribution"]

    person, projects, project_names = _person(
        report.front_matter(root),
        lambda path, message, subtype: report.warn(root, path, message, subtype))
    peps = _peps(env)
    role_labels = _labels(env, role_docs, report)
    contribution_labels = _labels(env, contribution_docs, report)

    role_schema = schema.role_schema(person.skills, person.languages, contribution_labels)
    contribution_schema = schema.contribution_schema(
        person.skills, person.languages, role_labels, peps, project_names)

    roles = []
    for label, docname in role_labels.items():
        data = _validated(env, docname, role_schema, report)
        if data is None or not _check_dates(docname, data, report):
            continue
        page = env.portfolio_pages[docname]
        where = "the bullets of this role"
        roles.append(Role(
            docname=docname, label=label, title=page.title,
            employer=data["employer"], position=data["position"],
            start=YearMonth.parse(data["start"]),
            end=None if data["end"] == "present" else YearMonth.parse(data["end"]),
            skills=_evidenced(docname, data, "skills", page.bullets, where, report),
            contributions=data["contributions"],
            highlights=page.bullets, location=data.get("location"),
            languages=_evidenced(docname, data, "languages", page.bullets, where, report),
        ))

    contributions = []
    for label, docname in contribution_labels.items():
        data = _validated(env, docname, contribution_schema, report)
        if data is None:
            continue
        page = env.portfolio_pages[docname]
        where = "the résumé bullet, the page's first paragraph"
        summary = [page.first_paragraph]
        contributions.append(Contribution(
            docname=docname, label=label, title=page.title,
            project=data["project"], kind=data["kind"], peps=data["peps"],
            skills=_evidenced(docname, data, "skills", summary, where, report),
            roles=data["roles"], summary=page.first_paragraph,
            languages=_evidenced(docname, data, "languages", summary, where, report),
            highlight=data.get("highlight", False),
        ))

    _check_mirrored(env, roles, contributions, report)

    _check_relations(env, person.relations, roles, contributions, report)

    today = YearMonth.from_timestamp(source_date_epoch(env.config))
    listed_by = _listed_by(env)
    _check_project_headings(env, project_names, report)
    _check_membership(env, contributions, listed_by, report)
    _check_role_order(env, roles, today, listed_by, report)
    roles.sort(key=lambda r: (r.start, r.end or today), reverse=True)
    return Career(
        person=person,
        roles=roles,
        contributions=contributions,
        peps=peps,
        today=today,
        backlinks=_backlinks(env, order),
        titles={d: page.title for d, page in env.portfolio_pages.items()},
        projects=projects,
    )


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    env.portfolio_career = build(env)


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _on_env_updated)
