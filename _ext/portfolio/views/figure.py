"""``{career-figure}``: the career drawn (``drawing.py``), as each builder
shows it: inline SVG in HTML, an SVG file in the ePub, TikZ in the PDF."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .drawing import Figure, caption, layout, svg, tikz
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..model import Career

IMAGE = "_images/career.svg"  # the ePub's copy, in its output


def _image_uri(docname: str) -> str:
    """The ePub's copy of the figure, relative to the page that shows it."""
    return posixpath.relpath(IMAGE, posixpath.dirname(docname) or ".")


def _inline_svg(builder: Builder, drawing: Figure, docname: str) -> str:
    """The SVG for a web page: bars link to roles, dots to the list of PEPs."""
    citations = builder.env.get_domain("cite").citations

    def href(target: str, anchor: str = "") -> str:
        return builder.get_relative_uri(docname, target) + anchor

    def cite(key: str) -> str | None:
        return next((href(c.bibliography_key.docname, "#" + c.citation_id)
                     for c in citations if c.key == key), None)

    return svg(drawing, href, cite)


def render(c: Career, docname: str, *, builder: Builder) -> list[nodes.Node]:
    """The figure for this builder: inline SVG, an SVG file, or TikZ."""
    drawing = layout(c)
    if builder.format == "latex":
        content = nodes.raw("", tikz(drawing), format="latex")
    elif builder.name.startswith("epub"):
        # Inline SVG would need the OPF "svg" property, which Sphinx does not
        # write; a file in the output is listed in the manifest like any image.
        path = Path(builder.outdir, IMAGE)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg(drawing, standalone=True), encoding="utf-8")
        uri = _image_uri(docname)
        # "?": not a source image for Sphinx to copy; the file is already there.
        content = nodes.image(uri=uri, candidates={"?": uri}, alt=drawing.description)
    elif builder.format == "html":
        # Both drawings; portfolio.css shows the narrow one in a narrow column.
        narrow = layout(c, narrow=True)
        content = nodes.raw("", _inline_svg(builder, drawing, docname) + "\n"
                            + _inline_svg(builder, narrow, docname), format="html")
    else:
        content = nodes.paragraph(drawing.description, drawing.description)
    text = caption(drawing)
    return [nodes.figure("", content, nodes.caption(text, text),
                         ids=["career-figure"], classes=["portfolio-career"])]


def setup(app: Sphinx) -> None:
    add_view(app, "career-figure", View(render, by_builder=True))
    app.add_latex_package("tikz")
