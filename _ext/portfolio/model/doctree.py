"""What the model needs from each page's doctree, collected as it is read.

The model reads front matter from the sources; the rest (the page's label,
title, first bullet list, first paragraph, the references it makes, the
generated views it holds, its own index entries and its toctrees, each under
its ``{project}`` heading) is taken here, as each page is read, and kept in
``env.portfolio_page_facts``. An env collector purges and merges it, so it
survives incremental and parallel (``-j``) builds.

The placeholder node every generated view starts as, ``portfolio_view``, is
defined here too: the model records which views each page holds, so that
they are rewritten when the career changes (``views/registry.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector

from ..shared import pep_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class portfolio_view(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """A view to generate: ``view`` names which, ``docname`` the page it is on,
    ``arguments`` (optional, a tuple of strings) say what of: a project's name.
    Directives and transforms insert it while pages are read; the views
    replace it once the whole career is known, alike in every format."""


@dataclass
class PageFacts:
    """The parts of one page's doctree the model reads."""

    label: str | None = None  # the explicit label on the page's title, its id
    label_line: int | None = None
    title: str = ""
    bullets: list[str] = field(default_factory=list)  # the first bullet list
    first_paragraph: str = ""
    # References the page makes in its prose: (kind, target) with kind
    # "ref" (a label) or "doc" (a docname, absolute if it starts with "/");
    # resolved once all pages are read.
    references: list[tuple[str, str]] = field(default_factory=list)
    # The placeholders on the page: (view, arguments, line).
    views: list[tuple[str, tuple[str, ...], int]] = field(default_factory=list)
    # The page's toctrees, in order: the pages each lists, its line, and the
    # ``{project}`` heading above it (None if there is none).
    toctrees: list[Toctree] = field(default_factory=list)
    # The index entries the page's own text makes; its views add more (views/).
    index_entries: list[tuple] = field(default_factory=list)
    # The ``{project}`` headings on the page: (name, line).
    project_headings: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Toctree:
    docnames: list[str]
    line: int
    project: str | None = None


def text_as_read(node: nodes.Node, env: BuildEnvironment) -> str:
    """The text of ``node`` as a reader sees it: citations read "(PEP 440)"."""
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite":
        labels = [_pep_label(key.strip(), env) for key in node["reftarget"].split(",")]
        text = ", ".join(labels)
        return f"({text})" if node.get("reftype") in {"p", "ps"} else text
    if isinstance(node, nodes.Text):
        return str(node)
    return "".join(text_as_read(child, env) for child in node.children)


def _pep_label(key: str, env: BuildEnvironment) -> str:
    entries = env.get_domain("cite").bibdata.data.entries
    if key in entries and "number" in entries[key].fields:
        return pep_label(entries[key].fields["number"])
    return key  # sphinxcontrib-bibtex reports the unknown key itself


def _page_label(doctree: nodes.document) -> tuple[str | None, int | None]:
    """The explicit label (``(label)=``) on the page's top section, and its line."""
    section = doctree.next_node(nodes.section)
    if section is None:
        return None, None
    explicit = [name for name in section["names"] if doctree.nametypes.get(name)]
    if not explicit:
        return None, None
    target = next(
        (t for t in doctree.findall(nodes.target) if t.get("refid") in section["ids"]), None
    )
    return explicit[0], target.line if target is not None else section.line


def _references(doctree: nodes.document) -> list[tuple[str, str]]:
    found = []
    for node in doctree.findall(addnodes.pending_xref):
        domain, kind, target = node.get("refdomain"), node.get("reftype"), node.get("reftarget", "")
        if domain == "std" and kind in {"ref", "doc"}:
            found.append((kind, target.lower() if kind == "ref" else target))
        elif kind == "myst":  # a Markdown link: [text](page.md) or [text](#label)
            if domain == "doc":  # MyST has made the path a docname already
                found.append(("doc", "/" + target))
            elif target:
                found.append(("ref", target.lower()))
    return found


def _structure(doctree: nodes.document) -> tuple[list[Toctree], list[tuple[str, int]]]:
    """The toctrees, each under the ``{project}`` heading before it, and the headings."""
    toctrees, headings, project = [], [], None
    for node in doctree.findall(lambda n: isinstance(n, (portfolio_view, addnodes.toctree))):
        if isinstance(node, addnodes.toctree):
            toctrees.append(Toctree(list(node["includefiles"]), node.line or 1, project))
        elif node["view"] == "project-dates":
            project = node["arguments"][0]
            headings.append((project, node.line or 1))
    return toctrees, headings


class PageCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        env.portfolio_page_facts.pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str],
                    other: BuildEnvironment) -> None:
        for docname in docnames:
            if docname in other.portfolio_page_facts:
                env.portfolio_page_facts[docname] = other.portfolio_page_facts[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        label, line = _page_label(doctree)
        title = doctree.next_node(nodes.title)
        bullets = doctree.next_node(nodes.bullet_list)
        paragraph = next(
            (p for p in doctree.findall(nodes.paragraph) if isinstance(p.parent, nodes.section)),
            None,
        )
        toctrees, headings = _structure(doctree)
        env.portfolio_page_facts[env.current_document.docname] = PageFacts(
            label=label,
            label_line=line,
            title=title.astext() if title else "",
            bullets=[
                " ".join(text_as_read(item, env).split())
                for item in bullets.children if isinstance(item, nodes.list_item)
            ] if bullets else [],
            first_paragraph=" ".join(text_as_read(paragraph, env).split()) if paragraph else "",
            references=_references(doctree),
            views=[(node["view"], tuple(node.get("arguments", ())), node.line or 1)
                   for node in doctree.findall(portfolio_view)],
            toctrees=toctrees,
            index_entries=[entry for node in doctree.findall(addnodes.index)
                           for entry in node["entries"]],
            project_headings=headings,
        )

