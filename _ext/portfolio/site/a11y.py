"""Accessible HTML where the upstream writer falls short.

docutils writes a bibliography as ``<div role="list">`` holding one
``<div role="doc-biblioentry">`` per entry. DPUB-ARIA 1.1 deprecates
``doc-biblioentry`` and no longer counts it as a list item, so axe-core
reports aria-deprecated-role, aria-allowed-role and aria-required-children,
and EPUBCheck warns about the deprecated role. Our visitor writes docutils'
own markup with the role a list expects instead: ``role="listitem"``.

Registered for the ``html`` format, so the ePub builder uses it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DEPRECATED = 'role="doc-biblioentry"'


def visit_citation(self, node: nodes.citation) -> None:
    # The translator's own class method: docutils' markup, unchanged ...
    type(self).visit_citation(self, node)
    # ... but for the role of the entry it has just opened.
    self.body[-1] = self.body[-1].replace(DEPRECATED, 'role="listitem"')


def setup(app: Sphinx) -> None:
    # Replaces docutils' visitor for the html format (the ePub's too).
    app.add_node(nodes.citation, override=True, html=(visit_citation, None))
