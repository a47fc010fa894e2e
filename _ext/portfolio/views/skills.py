"""The skills page: each skill and language the résumé lists, with the pages
that show it and the résumé's words there that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .parts import link_list_items, quoted, xref
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career


def skill_id(skill: str) -> str:
    return "skill-" + nodes.make_id(skill)


def skills_map(career: Career, docname: str) -> list[nodes.Node]:
    """Each skill, then each language, and the pages that show it, each with
    the résumé's words on that page that show it; and the main index entry of
    each, so that searching a skill finds this page first."""
    names = [*career.person.skills, *career.person.languages]
    out: list[nodes.Node] = [addnodes.index(entries=[
        ("single", name, skill_id(name), "main", None) for name in names])]
    for title, key, names in (("Skills", "skills", career.person.skills),
                              ("Programming languages", "languages", career.person.languages)):
        dl = nodes.definition_list(classes=["portfolio-skills"])
        for name in names:
            body = nodes.definition()
            shown = [(page, getattr(page, key)[name], text)
                     for page, text in [*((r, f"{r.position}, {r.employer}") for r in career.roles),
                                        *((x, x.title) for x in career.contributions)]
                     if name in getattr(page, key)]
            if shown:
                body += link_list_items([
                    [xref(docname, "std", "ref", page.label, text), nodes.Text(": "),
                     quoted(words)] for page, words, text in shown])
            else:
                # The résumé lists it without a line that shows where; say so, add nothing.
                body += nodes.paragraph("", "", nodes.Text(
                    f"Listed among the résumé's {title.lower()}; no page quotes résumé "
                    "words that show it."))
            dl += nodes.definition_list_item(
                "", nodes.term(name, name, ids=[skill_id(name)]), body)
        out += [nodes.rubric(title, title), dl]
    return out


def setup(app: Sphinx) -> None:
    add_view(app, "skills-map", View(skills_map))
