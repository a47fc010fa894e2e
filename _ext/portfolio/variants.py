"""The résumé's variants: which bullets each one keeps, never a word rewritten.

index.md's front matter declares them once, under ``resume``::

    resume:
      priority: [datadog-staff, hpe, warehouse]   # pages, most important first
      variants:
        - {name: resume, pages: 2}                # resume.pdf, resume.txt
        - {name: resume-security, focus: {skills: [Security]}, pages: 1}

A variant is a selection from the career model: every role keeps its line
(employer, position, dates), so the history shows no gap; a bullet is kept or
dropped whole, and kept ones stay in their page's order. A focus keeps only
the bullets that carry its evidence: a skill's quoted words (``skills:`` on
the page), or a project's contributions and the role bullets that relate to
them (``relations:`` in index.md). Which bullets go first when the variant
must fit its page limit is :func:`ranked`'s order; ``typeset.py`` measures
the fit on the typeset PDF.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import model, schema
from .model import Career, Contribution, Role

KEY = "resume"  # in index.md's front matter
# The full résumé: the variant of this name is also pages 1-2 of the PDF and
# its standalone copy (latex.py), fitted to its limit like every variant.
FULL = "resume"
NAME = r"^resume(-[a-z0-9]+)*$"  # the file's name, without .pdf or .txt


@dataclass(frozen=True)
class Focus:
    skills: tuple[str, ...] = ()  # skills or languages from the taxonomy
    projects: tuple[str, ...] = ()  # projects from index.md

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.skills, *self.projects)

    def __bool__(self) -> bool:
        return bool(self.names)


@dataclass(frozen=True)
class Variant:
    name: str  # resume, resume-one-page ...: the files' name
    pages: int  # the page limit
    focus: Focus = Focus()

    @property
    def title(self) -> str:
        """What the download area calls it: "Résumé: Security, Supply Chain Security"."""
        return f"Résumé: {', '.join(self.focus.names)}" if self.focus else "Résumé"


@dataclass(frozen=True)
class Declaration:
    variants: list[Variant]
    priority: list[str]  # role and contribution labels, most important first

    @property
    def full(self) -> Variant | None:
        return next((v for v in self.variants if v.name == FULL), None)


# -- Declarations ---------------------------------------------------------------

def _schema(c: Career) -> dict:
    labels = [*(r.label for r in c.roles), *(x.label for x in c.contributions)]
    taxonomy = [*c.person.skills, *c.person.languages]
    focus = {
        "type": "object",
        "properties": {
            "skills": {**schema._one_of(taxonomy, "skills or languages from index.md"),
                       "minItems": 1},
            "projects": {**schema._one_of([p.name for p in c.projects], "projects from index.md"),
                         "minItems": 1},
        },
        "additionalProperties": False,
        "description": "a focus: {skills: [...]} or {projects: [...]}",
    }
    variant = {
        "type": "object",
        "required": ["name", "pages"],
        "properties": {
            "name": {"type": "string", "pattern": NAME,
                     "description": 'a file name: "resume" or "resume-" and lowercase words'},
            "pages": {"type": "integer", "minimum": 1,
                      "description": "a page limit: a whole number, 1 or more"},
            "focus": focus,
        },
        "additionalProperties": False,
        "description": "a variant: {name, pages, focus}",
    }
    return {
        "type": "object",
        "required": ["variants"],
        "properties": {
            "priority": schema._one_of(labels, "role and contribution page labels"),
            "variants": {"type": "array", "minItems": 1, "items": variant,
                         "description": "a list of variants"},
        },
        "additionalProperties": False,
        "description": "{priority, variants}",
    }


def declared(env: BuildEnvironment, c: Career) -> Declaration:
    """index.md's declarations; each problem is reported at its line, and a
    variant with a problem is left out."""
    root = env.config.root_doc
    report = model.Reporter(env)  # the model's reader of front matter, with its lines
    data = report.front_matter(root).data.get(KEY)
    if data is None:
        return Declaration([], [])
    bad = set()
    for path, message in schema.problems(_schema(c), data if isinstance(data, dict) else []):
        report.warn(root, (KEY, *path), f"{KEY}: {message}", "frontmatter")
        bad.add(path[:2])
    if not isinstance(data, dict):
        return Declaration([], [])
    variants, seen = [], set()
    for index, item in enumerate(data.get("variants") or []):
        if ("variants", index) in bad or ("variants",) in bad or not isinstance(item, dict):
            continue
        if item["name"] in seen:
            report.warn(root, (KEY, "variants", index, "name"),
                        f"{KEY}: variant {item['name']!r} is declared twice", "frontmatter")
            continue
        seen.add(item["name"])
        focus = item.get("focus") or {}
        variants.append(Variant(item["name"], item["pages"],
                                Focus(tuple(focus.get("skills", ())),
                                      tuple(focus.get("projects", ())))))
    priority = data.get("priority") if ("priority",) not in bad else None
    return Declaration(variants, list(priority or []))


# -- Selection ----------------------------------------------------------------------

Page = Role | Contribution


@dataclass(frozen=True)
class Bullet:
    page: Page
    index: int  # its place on its page
    text: str


def bullets(c: Career) -> list[Bullet]:
    """Every bullet of the résumé, in its reading order."""
    out = [Bullet(role, i, text) for role in c.roles for i, text in enumerate(role.highlights)]
    return out + [Bullet(x, 0, x.summary) for x in c.contributions]


def evidences(c: Career, bullet: Bullet, focus: Focus) -> list[str]:
    """The focus's skills and projects that ``bullet`` shows, with the words
    the front matter quotes for them."""
    shown = [s for s in bullet.page.shown_by(bullet.text) if s in focus.skills]
    if isinstance(bullet.page, Contribution):
        if bullet.page.project in focus.projects:
            shown.append(bullet.page.project)
    else:
        for relation in c.relations:
            if relation.role == bullet.page.label and relation.evidence in bullet.text:
                project = (c.contribution(relation.contribution) or bullet.page).project
                if project in focus.projects and project not in shown:
                    shown.append(project)
    return shown


def ranked(c: Career, variant: Variant, priority: list[str]) -> list[Bullet]:
    """The bullets the variant may show, the one to keep longest first.

    Each page's first bullet ranks above any page's second, so a short
    variant keeps every role's lead bullet before any role's detail; among
    equals, the pages ``priority`` lists come first, in its order, then the
    rest in reading order.
    """
    eligible = [b for b in bullets(c) if not variant.focus or evidences(c, b, variant.focus)]
    rank = {label: i for i, label in enumerate(priority)}

    def key(item: tuple[int, Bullet]) -> tuple[int, int, int]:
        order, b = item
        return b.index, rank.get(b.page.label, len(rank)), order

    return [b for _, b in sorted(enumerate(eligible), key=key)]


def select(c: Career, kept: list[Bullet]) -> Career:
    """The career as the variant shows it: every role, only the kept bullets
    (in their page's order), only the contributions kept."""
    chosen = {(b.page.label, b.index) for b in kept}
    roles = [dataclasses.replace(r, highlights=[h for i, h in enumerate(r.highlights)
                                                if (r.label, i) in chosen])
             for r in c.roles]
    contributions = [x for x in c.contributions if (x.label, 0) in chosen]
    return dataclasses.replace(c, roles=roles, contributions=contributions)


# -- Plain text ----------------------------------------------------------------------

def plain_text(c: Career, phone: str | None = None) -> str:
    """The résumé as text for application forms: the PDF's words in its
    order, one item a line, no bullets, rules or separators."""
    person = c.person
    lines = [person.name, person.headline, person.location, person.email]
    lines += [phone] if phone else []
    lines += [p.display for p in person.profiles]
    lines += ["", "Summary", " ".join(person.summary.split()), ""]
    lines += [f"Skills: {', '.join(person.skills)}",
              f"Programming languages: {', '.join(person.languages)}"]
    lines += ["", "Experience"]
    for role in c.roles:
        lines += ["", f"{role.employer}, {role.position}", role.dates, *role.highlights]
    projects = [(p, [x.summary for x in c.contributions if x.project == p.name])
                for p in c.projects]
    projects = [(p, summaries) for p, summaries in projects if summaries]
    if projects:
        lines += ["", "Open source"]
    for project, summaries in projects:
        lines += ["", project.name, *filter(None, [project.dates]), *summaries]
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Check the declarations once per build, in every builder."""
    env.portfolio_resume = declared(env, model.career(env))


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _on_env_updated, priority=550)  # after the model (500)
