"""The résumé's variants as index.md declares them, checked in every build.

The model reads the landing page's front matter once per build; its
``resume`` section is checked here, against a schema made from the career
(the labels, skills and projects it may name), each problem reported at its
line. A variant with a problem is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import model
from ..model import Career, schema
from .variants import Declaration, Focus, Variant

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FRONT_MATTER_KEY = "resume"  # in index.md's front matter
NAME = r"^resume(-[a-z0-9]+)*$"  # the file's name, without .pdf or .txt


def _schema(c: Career, labels: list[str], report: model.Reporter, root: str) -> dict:
    taxonomy = schema.Names(
        [*c.person.skills, *c.person.languages], "skill or language",
        f"{report.declared('skills', 'skills')}, languages in its `languages:`")
    # Every declared project, its dates valid or not (a problem there is
    # reported at its own line).
    projects = schema.Names(model.declared_projects(report.front_matter(root)), "project",
                            report.declared("projects", "projects"))
    pages = schema.Names(labels, "page label", model.labels_declared("role", "contribution"))
    focus = {
        "type": "object",
        "properties": {
            "skills": {**schema.one_of(taxonomy, "skills or languages from index.md"),
                       "minItems": 1},
            "projects": {**schema.one_of(projects, "projects from index.md"), "minItems": 1},
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
            "priority": schema.one_of(pages, "role and contribution page labels"),
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
    report = model.Reporter(env)  # this build's reading of the front matter, with its lines
    data = report.front_matter(root).data.get(FRONT_MATTER_KEY)
    if data is None:
        return Declaration([], [])
    bad = set()
    # Every page's label, its front matter valid or not: a page with a
    # problem is reported at its own line, not again here.
    labels = list(model.page_labels(env))
    for path, message in schema.problems(_schema(c, labels, report, root),
                                         data if isinstance(data, dict) else []):
        report.warn(root, (FRONT_MATTER_KEY, *path), f"{FRONT_MATTER_KEY}: {message}",
                    "frontmatter")
        bad.add(path[:2])
    if not isinstance(data, dict):
        return Declaration([], [])
    variants, seen = [], set()
    for index, item in enumerate(data.get("variants") or []):
        if ("variants", index) in bad or ("variants",) in bad or not isinstance(item, dict):
            continue
        if item["name"] in seen:
            report.warn(root, (FRONT_MATTER_KEY, "variants", index, "name"),
                        f"{FRONT_MATTER_KEY}: variant {item['name']!r} is declared twice",
                        "frontmatter")
            continue
        seen.add(item["name"])
        focus = item.get("focus") or {}
        variants.append(Variant(item["name"], item["pages"],
                                Focus(tuple(focus.get("skills", ())),
                                      tuple(focus.get("projects", ())))))
    priority = data.get("priority") if ("priority",) not in bad else None
    in_career = {page.label for page in [*c.roles, *c.contributions]}
    return Declaration(variants, [label for label in priority or [] if label in in_career])


def _declare(app: Sphinx, env: BuildEnvironment) -> None:
    """Check the declarations once per build, in every builder."""
    env.portfolio_variants = declared(env, model.career(env))


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _declare, priority=550)  # after the model (500)
