"""The career model, built once all pages are read, and checked as it is built.

When every page has been read (``env-updated``), each page's front matter is
read once from its source (``frontmatter.py``) and kept on the environment
with its lines; it is checked against the schema (``schema.py``) and the
pages against each other, each problem reported once, at the file and line
of the field at fault; and the career (``career.py``) is stored on the
environment. Views and exports call ``career(env)``. The résumé's variants,
a section of the landing page's front matter, are checked by the résumé
package with a ``Reporter`` on the same reading.
"""

from __future__ import annotations

import itertools
import posixpath
from typing import TYPE_CHECKING

from pybtex.richtext import Text
from sphinx.errors import ConfigError
from sphinx.util import docname_join, logging

from . import frontmatter, schema
from .career import (
    CONTRIBUTIONS_DIR,
    ROLES_DIR,
    Career,
    Contribution,
    Pep,
    Relation,
    Role,
    YearMonth,
    page_kind,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .doctree import Toctree
    from .frontmatter import FrontMatter

logger = logging.getLogger(__name__)


def source_date_epoch(config: Config) -> int:
    """The build's "now": ``portfolio_source_date_epoch``, which conf.py
    decides (tools/build.py's ``source_date_epoch``, the one place)."""
    return config.portfolio_source_date_epoch


def check_date(app, config: Config) -> None:
    """Every build has a date, which conf.py gives: never the clock, so that
    two builds of one commit agree."""
    if config.portfolio_source_date_epoch is None:
        raise ConfigError(
            "portfolio_source_date_epoch is not set: conf.py gives the build's date, a "
            "POSIX timestamp (the portfolio's conf.py takes SOURCE_DATE_EPOCH, else the "
            "last commit's time, from tools/build.py's source_date_epoch())")


def career(env: BuildEnvironment) -> Career:
    """The career model, built and validated once all pages are read."""
    try:
        return env.portfolio_career
    except AttributeError:
        raise RuntimeError("career(env) is available once every page has been read") from None


def mistakes(env: BuildEnvironment) -> int:
    """How many mistakes this build found in the front matter (each one a
    warning): the résumé is not typeset from a career that has any, since
    the build fails and the career lacks what the mistakes left out."""
    return env.portfolio_mistakes


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



# -- Reading and reporting ----------------------------------------------------


class Reporter:
    """Each page's front matter, read once per build, and warnings located at
    the line of the field at fault."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self.mistakes = 0  # warnings given: each one fails a strict build

    def front_matter(self, docname: str) -> FrontMatter:
        # This build's reading: build() starts it afresh.
        read = self.env.portfolio_front_matter
        if docname not in read:
            read[docname] = frontmatter.read_front_matter(self.env.doc2path(docname))
        return read[docname]

    def warn(self, docname: str, path: str | schema.FieldPath | None, message: str,
             subtype: str, line: int | None = None) -> None:
        if isinstance(path, str):
            path = (path,)
        if line is None:
            line = self.front_matter(docname).line(path) if path else 1
        self.mistakes += 1
        logger.warning(message, location=(docname, line), type="portfolio", subtype=subtype)

    def declared(self, key: str, names: str) -> str:
        """Where the landing page declares ``key``'s names: "skills are
        declared in index.md's `skills:` (line N)"."""
        root = self.env.config.root_doc
        line = self.front_matter(root).line((key,))
        return (f"{names} are declared in {self.env.doc2path(root, False)}'s `{key}:` "
                f"(line {line})")


def labels_declared(*kinds: str) -> str:
    """Where page labels of ``kinds`` ("role", "contribution") are declared."""
    folders = {"role": ROLES_DIR, "contribution": CONTRIBUTIONS_DIR}
    where = " and ".join(f"{folders[kind]}/" for kind in kinds)
    return f"a page declares its label as `(label)=` on the line before its title, in {where}"


# -- Building and checking ----------------------------------------------------


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


def _labels(env: BuildEnvironment, docnames: Iterable[str], report: Reporter) -> dict[str, str]:
    """label -> docname for model pages; every page needs one, each unique."""
    owners: dict[str, str] = {}
    for docname in docnames:
        page = env.portfolio_page_facts.get(docname)
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


def page_labels(env: BuildEnvironment, kind: str | None = None) -> dict[str, str]:
    """label -> docname of every role and contribution page (or those of
    ``kind``) that has a label, whether or not its front matter passed: a
    reference to a page with a problem names a page that exists, and only
    the page's own problem is reported, not one on every page naming it."""
    root = env.config.root_doc
    found: dict[str, str] = {}
    for docname in reading_order(env):
        page = env.portfolio_page_facts.get(docname)
        if page is not None and page.label and page_kind(docname, root) in (
                (kind,) if kind else ("role", "contribution")):
            found.setdefault(page.label, docname)
    return found


def _check_dates(docname: str, data: dict, report: Reporter) -> bool:
    start, end = data["start"], data["end"]
    if end != "present" and end < start:
        report.warn(docname, "end", (
            f"field 'end': {end} is before the start, {start}; allowed: a year-month "
            "no earlier than 'start', or \"present\""), "dates")
        return False
    return True


def _check_duplicates(docname: str, report: Reporter) -> None:
    """Report each key the page's front matter gives twice, at the second,
    naming both lines."""
    for path, first, again in report.front_matter(docname).duplicates:
        report.warn(docname, None, (
            f"`{schema.field_name(path)}` is given twice (lines {first} and {again}); keep "
            "one"), "frontmatter", line=again)


def _validated(env: BuildEnvironment, docname: str, page_schema: dict,
               report: Reporter) -> dict | None:
    """The page's front matter, or None after reporting each problem at its
    field. A key given twice was reported already: which value was meant is
    unknown, so the page is left out too."""
    front = report.front_matter(docname)
    errors = list(schema.problems(page_schema, front.data))
    for path, message in errors:
        report.warn(docname, path, message, "frontmatter")
    return None if errors or front.duplicates else front.data


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
                     contributions: list[Contribution], failed: set[str],
                     report: Reporter) -> None:
    """Pages relate a role and a contribution only as index.md's 'relations'
    lists them, each with words from the role's bullets. A relation naming a
    page whose front matter failed (``failed``: labels) is not checked: that
    page's problem is reported, at its own line."""
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
            if label not in failed and (label, contribution.label) not in listed | stated:
                report.warn(contribution.docname, ("roles", index), (
                    f"field 'roles[{index}]': the résumé does not relate this contribution "
                    f"to '{label}'; pages may state only the relations listed, with the "
                    f"résumé words that make them, in 'relations' in "
                    f"{env.doc2path(root, False)}"), "relation")
    roles_by_label = {r.label: r for r in roles}
    for index, relation in enumerate(relations):
        if {relation.role, relation.contribution} & failed:
            continue
        role = roles_by_label.get(relation.role)
        if role is None or relation.contribution not in role.contributions:
            report.warn(root, ("relations", index), (
                f"field 'relations[{index}]': {relation.role} – {relation.contribution} is "
                "listed but no role page states it: list the contribution in the role's "
                "'contributions' (and the role in its 'roles'), or remove the relation"),
                "relation")
        elif not any(relation.evidence in bullet for bullet in role.bullets):
            report.warn(root, ("relations", index, "evidence"), (
                f"field 'relations[{index}].evidence': “{relation.evidence}” is not in the "
                f"bullets of {env.doc2path(role.docname, False)}; give the résumé words "
                "there that relate the two"), "relation")


def _listed_by(env: BuildEnvironment) -> dict[str, tuple[str, Toctree]]:
    """docname -> the page whose toctree lists it, and that toctree."""
    found = {}
    for parent, page in env.portfolio_page_facts.items():
        for toctree in page.toctrees:
            for docname in toctree.docnames:
                found.setdefault(docname, (parent, toctree))
    return found


def _check_project_headings(env: BuildEnvironment, declared: list[str],
                            report: Reporter) -> None:
    root = env.doc2path(env.config.root_doc, False)
    for docname, page in env.portfolio_page_facts.items():
        for name, line in page.project_headings:
            if name not in declared:
                report.warn(docname, None, (
                    f"project {name!r} is not declared: list it in 'projects' in the front "
                    f"matter of {root}"), "project", line=line)


def _check_membership(env: BuildEnvironment, contributions: list[Contribution],
                      listed_by: dict[str, tuple[str, Toctree]], declared: list[str],
                      report: Reporter) -> None:
    """A contribution's project is stated by its 'project' field, the
    ``{project}`` heading over the toctree that lists it, and its folder:
    the résumé and resume.json group by the field, the navigation by the
    toctree. They must agree; one folder holds one project's pages."""
    folders: dict[str, Contribution] = {}
    for contribution in contributions:
        parent, toctree = listed_by.get(contribution.docname, (None, None))
        # A heading naming no declared project is reported at the heading alone.
        if toctree is not None and toctree.project not in (None, contribution.project) \
                and toctree.project in declared:
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
    """docname -> the pages whose text references it. Not the landing page:
    it links to the pages it features and to every chapter."""
    labels = env.get_domain("std").labels
    found: dict[str, list[str]] = {}
    for docname in order:
        page = env.portfolio_page_facts.get(docname)
        if page is None or docname == env.config.root_doc:
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
    env.portfolio_front_matter = {}  # read afresh, once, in this build
    report = Reporter(env)
    root = env.config.root_doc
    order = reading_order(env)
    kinds = {d: page_kind(d, root) for d in order}
    role_docs = [d for d in order if kinds[d] == "role"]
    contribution_docs = [d for d in order if kinds[d] == "contribution"]
    for docname in order:
        _check_duplicates(docname, report)

    person, projects, project_names = frontmatter.person(
        report.front_matter(root),
        lambda path, message, subtype: report.warn(root, path, message, subtype))
    peps = _peps(env)
    role_labels = _labels(env, role_docs, report)
    contribution_labels = _labels(env, contribution_docs, report)

    skills = schema.Names(person.skills, "skill", report.declared("skills", "skills"))
    languages = schema.Names(person.languages, "language",
                             report.declared("languages", "languages"))
    role_schema = schema.role_schema(skills, languages, schema.Names(
        list(contribution_labels), "contribution page label", labels_declared("contribution")))
    contribution_schema = schema.contribution_schema(
        skills, languages,
        schema.Names(list(role_labels), "role page label", labels_declared("role")),
        schema.Names(list(peps), "cite key",
                     f"cite keys are declared in {', '.join(env.config.bibtex_bibfiles)}"),
        schema.Names(project_names, "project", report.declared("projects", "projects")))

    roles = []
    for label, docname in role_labels.items():
        data = _validated(env, docname, role_schema, report)
        if data is None or not _check_dates(docname, data, report):
            continue
        page = env.portfolio_page_facts[docname]
        where = "the bullets of this role"
        roles.append(Role(
            docname=docname, label=label, title=page.title,
            employer=data["employer"], position=data["position"],
            start=YearMonth.parse(data["start"]),
            end=None if data["end"] == "present" else YearMonth.parse(data["end"]),
            skills=_evidenced(docname, data, "skills", page.bullets, where, report),
            contributions=data["contributions"],
            bullets=page.bullets, location=data.get("location"),
            languages=_evidenced(docname, data, "languages", page.bullets, where, report),
        ))

    contributions = []
    for label, docname in contribution_labels.items():
        data = _validated(env, docname, contribution_schema, report)
        if data is None:
            continue
        page = env.portfolio_page_facts[docname]
        where = "the résumé bullet, the page's first paragraph"
        bullet = [page.first_paragraph]
        contributions.append(Contribution(
            docname=docname, label=label, title=page.title,
            project=data["project"], kind=data["kind"], peps=data["peps"],
            skills=_evidenced(docname, data, "skills", bullet, where, report),
            roles=data["roles"], bullet=page.first_paragraph,
            languages=_evidenced(docname, data, "languages", bullet, where, report),
        ))

    _check_mirrored(env, roles, contributions, report)

    failed = ({*role_labels, *contribution_labels}
              - {page.label for page in [*roles, *contributions]})
    _check_relations(env, person.relations, roles, contributions, failed, report)

    today = YearMonth.from_timestamp(source_date_epoch(env.config))
    listed_by = _listed_by(env)
    _check_project_headings(env, project_names, report)
    _check_membership(env, contributions, listed_by, project_names, report)
    _check_role_order(env, roles, today, listed_by, report)
    roles.sort(key=lambda r: (r.start, r.end or today), reverse=True)
    env.portfolio_mistakes = report.mistakes
    return Career(
        person=person,
        roles=roles,
        contributions=contributions,
        peps=peps,
        today=today,
        backlinks=_backlinks(env, order),
        titles={d: page.title for d, page in env.portfolio_page_facts.items()},
        projects=projects,
        skills_page=next((docname for docname in order
                          if any(view == "skills-map" for view, _arguments, _line
                                 in getattr(env.portfolio_page_facts.get(docname), "views", ()))),
                         None),
    )

