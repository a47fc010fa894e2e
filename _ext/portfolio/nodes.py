"""The placeholder node every generated view starts as.

Directives and the page transform insert a ``portfolio_view`` while pages
are read; ``views.py`` replaces each one as references are resolved, once the
whole career model is known, so the views come out alike in every format.
"""

from __future__ import annotations

from docutils import nodes


class portfolio_view(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """A view to generate: ``view`` names which, ``docname`` the page it is on,
    ``arguments`` (optional, a tuple of strings) say what of: a project's name."""
