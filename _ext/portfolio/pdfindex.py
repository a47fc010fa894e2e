"""The PDF's index, generated from the career model.

A printed portfolio is searched through its index: every employer with its
positions, every project with its contributions, every PEP and every skill,
each pointing at the pages about it. The entries are added to the LaTeX
build's document only (at ``doctree-resolved``, where Sphinx has assembled
the whole book); the website has its search instead.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from . import model

Entry = tuple[str, str, str, bool, None]  # Sphinx's (type, value, target id, main, key)


def _single(value: str) -> Entry:
    return ("single", value, "", False, None)


def entries(career: model.Career) -> dict[str, list[Entry]]:
    """docname -> the index entries of that page."""
    pages: dict[str, list[Entry]] = {}
    for role in career.roles:
        pages[role.docname] = [
            _single(f"{role.employer}; {role.position}"),
            *(_single(skill) for skill in role.skills),
        ]
    for contribution in career.contributions:
        peps = [career.peps[key].label for key in contribution.peps if key in career.peps]
        pages[contribution.docname] = [
            _single(f"{contribution.project}; {contribution.title}"),
            *(_single(pep) for pep in peps),
            *(_single(skill) for skill in contribution.skills),
        ]
    return pages


def _add_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name != "latex":
        return
    pages = entries(model.career(app.env))
    # Each page of the book starts with a start_of_file node naming it.
    for start in doctree.findall(addnodes.start_of_file):
        section = start.next_node(nodes.section)
        if start["docname"] in pages and section is not None:
            # After the title, so the entry points at the page the section starts on.
            section.insert(1, addnodes.index(entries=pages[start["docname"]], inline=False))


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", _add_entries)
