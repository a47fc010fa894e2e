"""How a placeholder becomes a view, alike in HTML, ePub and PDF.

While pages are read, each view is only a ``portfolio_view`` placeholder:
directives put them where a page asks (``{timeline}``, ``{skills-map}`` ...)
and ``PageViews`` (``pages.py``) puts the fact line, related pages and
backlinks on every role and contribution page. Once the model is built,
``FillViews`` replaces each placeholder with ordinary docutils nodes. It runs
just before Sphinx resolves references, so the links in a view are plain
cross-references (``std:ref``, ``std:doc``, ``cite``) that every builder
renders natively, nitpicky mode checks, and "(PEP 440)" comes out as the
citation style says. A view that differs by builder (the career figure) is
filled at ``doctree-resolved``, where Sphinx hands over the builder.

A page's views change when other pages do: every build writes every page
(``site/incremental.py``), so none shows a stale view.

Adding a view, in a module of this package or of another:

1. write ``render(career, docname, *arguments) -> list[nodes.Node]``: the
   nodes that replace the placeholder (none: it is removed). A view that
   differs by builder takes ``builder`` as a keyword too;
2. register it in its module's ``setup()``: ``add_view(app, "name",
   View(render))``, or ``View(render, by_builder=True)`` for one that differs
   by builder. That adds the directive ``{name}`` that places it; a view placed
   otherwise is added with ``directive=False``: by a directive or role of its
   own (``{project}``, ``{bullet}``) or by a transform (``PageViews``). A view
   may return ``addnodes.index`` nodes: ``_index`` gives their entries to
   genindex and the search index;
3. the placeholder is ``placeholder("name", docname, *arguments)``; the model
   records it as the page is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from .. import model
from ..model import Career, portfolio_view

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class View:
    """What a placeholder becomes: the nodes ``render(career, docname,
    *arguments)`` gives. A view that differs by builder (the career figure
    is SVG, an image file or TikZ) is rendered with ``builder=`` as well,
    once the builder resolves the page."""

    render: Callable[..., list[nodes.Node]]
    by_builder: bool = False


VIEWS: dict[str, View] = {}  # every view, by name: filled by add_view() at setup


def add_view(app: Sphinx, name: str, view: View, directive: bool = True) -> None:
    """Register ``view`` as ``name``; with ``directive``, pages place it with
    ``{name}`` (a directive without arguments or content)."""
    VIEWS[name] = view
    if directive:
        app.add_directive(name, _view_directive(name))


def placeholder(view: str, docname: str, *arguments: str) -> portfolio_view:
    """The node a view starts as, on page ``docname``."""
    if arguments:
        return portfolio_view(view=view, docname=docname, arguments=arguments)
    return portfolio_view(view=view, docname=docname)


def _fill(doctree: nodes.document, career: Career, builder: Builder | None = None) -> None:
    """Replace each placeholder with its view's nodes: of the views alike for
    every builder, or, given the builder, of those that differ by builder."""
    for node in list(doctree.findall(portfolio_view)):
        view = VIEWS[node["view"]]
        if view.by_builder != (builder is not None):
            continue
        arguments = (career, node["docname"], *node.get("arguments", ()))
        content = view.render(*arguments, builder=builder) if builder else view.render(*arguments)
        if content:
            node.replace_self(content)
        else:
            node.parent.remove(node)


class FillViews(SphinxPostTransform):
    """The views alike for every builder, before references are resolved:
    their cross-references resolve as the page's own do."""

    default_priority = 5  # Sphinx's ReferencesResolver runs at 10

    def run(self, **kwargs) -> None:
        _fill(self.document, model.career(self.env))


def _fill_by_builder(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The views that differ by builder, once references are resolved: the
    event Sphinx hands the builder to (its transforms no longer reach it)."""
    _fill(doctree, model.career(app.env), app.builder)


def _index(app: Sphinx, env: BuildEnvironment) -> None:
    """Give genindex each page's entries from its views: the page's own
    (``{index}`` in its prose, read with it) and those its views add now,
    from the model, which the doctree as read could not hold."""
    career = model.career(env)
    entries = env.get_domain("index").entries
    for docname, page in env.portfolio_page_facts.items():
        if docname in entries and page.views:
            entries[docname] = [*page.index_entries, *(
                entry for name, arguments, _line in page.views if not VIEWS[name].by_builder
                for node in VIEWS[name].render(career, docname, *arguments)
                if isinstance(node, addnodes.index) for entry in node["entries"])]


class ViewDirective(SphinxDirective):
    """A generated view: ``{timeline}``, ``{skills-map}`` ... take no content."""

    view = ""

    def run(self) -> list[nodes.Node]:
        node = placeholder(self.view, self.env.docname)
        self.set_source_info(node)
        return [node]


def _view_directive(name: str) -> type[ViewDirective]:
    return type(f"{name.title().replace('-', '')}Directive", (ViewDirective,), {"view": name})


def setup(app: Sphinx) -> None:
    app.add_post_transform(FillViews)
    app.connect("doctree-resolved", _fill_by_builder)
    # After the model is built (500).
    app.connect("env-updated", _index, priority=600)
