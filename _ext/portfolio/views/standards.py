"""The standards page: every PEP he authored, in a table that links each to
its entry in the bibliography and to the pages about his part in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .parts import joined, pep_link, table, xref
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career


def pep_table(career: Career, docname: str) -> list[nodes.Node]:
    """The PEP table, and an index entry for every PEP in the bibliography."""
    # The entries' anchor is an empty paragraph: a target would pass its id
    # on to the table, and furo's table wrapper copies it (a duplicate id).
    target_id = "pep-table"
    index = addnodes.index(entries=[
        ("single", pep.label, target_id, "", None) for pep in career.peps.values()])
    anchor = nodes.paragraph("", "", ids=[target_id])
    rows = []
    for key, pep in career.peps.items():
        rows.append([
            [pep_link(docname, key)],
            [nodes.Text(pep.title)],
            [nodes.Text(pep.status)],
            [nodes.Text(str(pep.year))],
            joined(xref(docname, "std", "ref", x.label, x.title)
                   for x in career.contributions_for_pep(key)),
        ])
    # In the PDF the table keeps these widths (colwidths-given; tabulary's own
    # squeeze "2012" out of its cell) and breaks across pages (longtable), so
    # the Standards chapter does not open on a page left empty above it.
    return [index, anchor, table(["PEP", "Title", "Status", "Created", "In this portfolio"], rows,
                                 [11, 41, 14, 8, 26],
                                 ["portfolio-peps", "colwidths-given", "longtable"])]


def setup(app: Sphinx) -> None:
    add_view(app, "pep-table", View(pep_table))
