"""The skills page: each skill and language the résumé lists, under a
heading of its own when pages show it, with the résumé's words there that
show it; the others listed plainly, as the résumé lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..model import RESUME_SECTIONS
from .parts import heading, joined, link_list_items, page_link, quoted, xref
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career, Contribution, Role


def skill_id(skill: str) -> str:
    return "skill-" + nodes.make_id(skill)


def evidence(career: Career, name: str, key: str) -> list[tuple[Role | Contribution, str]]:
    """The pages that show skill or language ``name`` (``key``: "skills" or
    "languages"), each with the résumé's words there that show it, in reading
    order: roles, then contributions."""
    return [(page, getattr(page, key)[name]) for page in [*career.roles, *career.contributions]
            if name in getattr(page, key)]


def _page_text(page: Role | Contribution) -> str:
    return f"{page.position}, {page.employer}" if hasattr(page, "employer") else page.title


def _section_item(career: Career, docname: str, section: str) -> list[nodes.Node]:
    """The résumé's whole section, linked to the page that holds its entries."""
    dated = [f"{p.name} ({p.dates})" if p.dates else p.name for p in career.projects]
    count = len(career.contributions)
    return [page_link(docname, career, RESUME_SECTIONS[section]),
            nodes.Text(f": the résumé's whole “{section}” section, {count} "
                       f"contribution{'s' if count != 1 else ''} to {' and '.join(dated)}")]


def skills_map(career: Career, docname: str) -> list[nodes.Node]:
    """Under a heading each, the skills and the languages; under a heading of
    its own, each one pages show, with the pages and their words that show
    it; the rest listed plainly after them. And the main index entry of each,
    so that searching a skill finds this page first."""
    names = [*career.person.skills, *career.person.languages]
    out: list[nodes.Node] = [addnodes.index(entries=[
        ("single", name, skill_id(name), "main", None) for name in names])]
    for title, key, names in (("Skills", "skills", career.person.skills),
                              ("Programming languages", "languages", career.person.languages)):
        out.append(heading(title, 2, ids=[f"{key}-listed"]))  # not the page's own id
        plain = []
        for name in names:
            shown = [[xref(docname, "std", "ref", page.label, _page_text(page)), nodes.Text(": "),
                      quoted(words)] for page, words in evidence(career, name, key)]
            if key == "skills":
                shown += [_section_item(career, docname, section)
                          for section in career.person.sections_showing(name)]
            if shown:
                out += [heading(name, 3, ids=[skill_id(name)]), link_list_items(shown)]
            else:
                plain.append(nodes.inline(name, name, ids=[skill_id(name)]))
        if plain:
            text = "Also on the résumé: "
            out.append(nodes.paragraph("", "", nodes.Text(text), *joined(plain),
                                       nodes.Text("."), classes=["portfolio-also"]))
    return out


def setup(app: Sphinx) -> None:
    add_view(app, "skills-map", View(skills_map))
