"""The PEPs page: every PEP he authored, listed once, as the bibliography
that every "PEP 440" on the site cites (``citations.py`` formats each entry:
title, authors, status, type, year created, and a link to the PEP itself).

Here: an index entry for each PEP (``{pep-index}``), and, in the entry of
each PEP the résumé names, a link to the page about his part in it
(``PepPages``), in every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import model
from .parts import joined, xref
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career


def pep_index(career: Career, docname: str) -> list[nodes.Node]:
    """An index entry for every PEP, pointing at the list."""
    # The entries' anchor is an empty paragraph: the bibliography's own id is
    # not known until sphinxcontrib-bibtex writes it.
    target_id = "pep-list"
    index = addnodes.index(entries=[
        ("single", pep.label, target_id, "", None) for pep in career.peps.values()])
    return [index, nodes.paragraph("", "", ids=[target_id])]


class PepPages(SphinxPostTransform):
    """In each bibliography entry of a PEP the résumé names, after the PEP's
    URL: "In this portfolio:" and the pages about his part in it.

    Runs after sphinxcontrib-bibtex writes the entries (its transform and the
    views run at 5) and before Sphinx resolves the links (10)."""

    default_priority = 7

    def run(self, **kwargs) -> None:
        career = model.career(self.env)
        keys = {pep.label: key for key, pep in career.peps.items()}
        for citation in self.document.findall(nodes.citation):
            label = citation.next_node(nodes.label)
            entry = citation.next_node(nodes.paragraph)
            key = keys.get(label.astext()) if label else None
            contributions = career.contributions_for_pep(key) if key else []
            if not (contributions and entry):
                continue
            docname = citation.get("docname", self.env.docname)
            links = joined(xref(docname, "std", "ref", c.label, c.title) for c in contributions)
            entry += [nodes.Text(" "), nodes.strong("In this portfolio", "In this portfolio"),
                      nodes.Text(": "), *links, nodes.Text(".")]


def setup(app: Sphinx) -> None:
    add_view(app, "pep-index", View(pep_index))
    app.add_post_transform(PepPages)
