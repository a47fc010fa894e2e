"""The parts views are made of: links for Sphinx to resolve, lists, fields,
tables, quotations, and text with its PEPs cited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..shared import PEP_MENTION

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import Career


def xref(docname: str, domain: str, kind: str, target: str, text: str) -> addnodes.pending_xref:
    """A cross-reference from page ``docname``, for Sphinx to resolve."""
    node = addnodes.pending_xref(
        "", refdomain=domain, reftype=kind, reftarget=target, refdoc=docname,
        refexplicit=domain != "cite", refwarn=True,
    )
    node += nodes.inline(text, text)
    return node


def page_link(docname: str, career: Career, target: str, text: str | None = None):
    """A link to page ``target`` (a docname), by its label when it has one."""
    text = text or career.titles.get(target, target)
    page = career.page(target)
    if page:
        return xref(docname, "std", "ref", page.label, text)
    return xref(docname, "std", "doc", "/" + target, text)


def pep_link(docname: str, key: str) -> addnodes.pending_xref:
    return xref(docname, "cite", "label", key, key)  # reads "PEP 440"


def cited(career: Career, docname: str, text: str) -> list[nodes.Node]:
    """``text`` with each "PEP 691" a citation of its entry in the bibliography."""
    keys = {pep.number: key for key, pep in career.peps.items()}
    out: list[nodes.Node] = []
    position = 0
    for match in PEP_MENTION.finditer(text):
        key = keys.get(int(match.group(1)))
        if key:
            out += [nodes.Text(text[position:match.start()]), pep_link(docname, key)]
            position = match.end()
    return [*out, nodes.Text(text[position:])]


def joined(items: Iterable[nodes.Node], sep: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for item in items:
        if out:
            out.append(nodes.Text(sep))
        out.append(item)
    return out


def quoted(words: str) -> nodes.Node:
    """The résumé's words in quotation marks; a quote inside takes single ones."""
    words = words.replace("“", "‘").replace("”", "’")
    return nodes.inline("", f"“{words}”", classes=["portfolio-evidence"])


def link_list_items(links: list[nodes.Node | list[nodes.Node]]) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["portfolio-links"])
    for link in links:
        items += nodes.list_item("", nodes.paragraph("", "", *(
            link if isinstance(link, list) else [link])))
    return items


def heading(title: str, level: int | None = None, ids: list[str] | None = None,
            classes: list[str] | None = None) -> nodes.rubric:
    """A heading inside a page's one section: a rubric, at ``level`` (h2, h3
    ... in HTML, a starred section in LaTeX) or, without one, a plain rubric.
    Views add no sections: a page's sections are its own (its table of
    contents, the ePub's and the PDF's outline)."""
    node = nodes.rubric(title, title, ids=ids or [], classes=classes or [])
    if level is not None:
        node["heading-level"] = level
    return node


def link_list(title: str, links: list[nodes.Node | list[nodes.Node]],
              level: int | None = None, classes: list[str] | None = None) -> list[nodes.Node]:
    """A titled list; each item is a link, or a link and words after it."""
    if not links:
        return []
    return [heading(title, level, classes=classes), link_list_items(links)]


def field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(name, name),
                       nodes.field_body("", nodes.paragraph("", "", *body)))


def table(headers: list[str], rows: list[list[list[nodes.Node]]], widths: list[int],
          classes: list[str]) -> nodes.table:
    out = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    out += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in headers))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells))
    group += head
    group += body
    return out
