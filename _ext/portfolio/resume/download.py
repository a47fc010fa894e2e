"""The site's download area: every résumé variant, with its page count.

``{resume-download}`` is a view (``views.add_view``) that differs by builder:
only the website fills it, because only the website has the files: while it
is built, each variant index.md declares is typeset and fitted
(``typeset.py``), and ``<name>.pdf``, ``<name>.txt`` and ``<name>.docx`` are
written at the root of the HTML output.
The list says how many pages each PDF came out at; each link's accessible
name says which file it is ("One-page résumé, plain text"), since three
links a line would otherwise read "plain text", "plain text" ... to a
screen reader's list of links. The ePub and the PDF (which opens with the
résumé) drop the placeholder.

The website's copies are always public: never the phone number, even when
``portfolio_private`` is set (``./run resume`` makes private copies).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .. import model, views
from ..shared import WEBSITE_BUILDERS, number_word
from . import typeset
from .latex import standalone_target

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

VIEW = "resume-download"


def _website(builder) -> bool:
    return builder.name in WEBSITE_BUILDERS


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def link_text(result: typeset.Typeset) -> str:
    """ "Two-page résumé", or "Résumé: Security" (the count follows the link)."""
    if result.variant.focus:
        return result.variant.title
    return f"{number_word(result.page_count).capitalize()}-page résumé"


def _typeset(app: Sphinx, env: BuildEnvironment) -> None:
    """Typeset the declared variants (cached), for the download area to list."""
    if not _website(app.builder):
        return
    declaration = env.portfolio_variants
    target = standalone_target(app.builder, private=False)  # the website's: always public
    results = typeset.fit_all(app.builder, model.career(env), declaration.variants,
                              declaration.priority, target)
    listed = [(r.variant.name, r.page_count, link_text(r)) for r in results]
    env.portfolio_downloads = listed
    app.portfolio_typeset = results


def _link(href: str, text: str, name: str) -> nodes.raw:
    """A link whose accessible name (``aria-label``, which docutils cannot
    write) begins with its visible text, as WCAG's "label in name" asks."""
    return nodes.raw("", f'<a class="reference internal" href="{escape(href)}" '
                         f'aria-label="{escape(name)}">{escape(text)}</a>', format="html")


def render(c: model.Career, docname: str, *, builder) -> list[nodes.Node]:
    """The list of variants, on the website; nothing elsewhere."""
    listed = getattr(builder.env, "portfolio_downloads", []) if _website(builder) else []
    if not listed:
        return []
    items = nodes.bullet_list(classes=["resume-downloads"])
    for name, pages, text in listed:
        def uri(suffix: str, name: str = name) -> str:
            return relative_uri(builder.get_target_uri(docname), f"{name}.{suffix}")

        items += nodes.list_item("", nodes.paragraph(
            "", "",
            _link(uri("pdf"), text, f"{text}, PDF, {_pages(pages)}"),
            nodes.Text(f" (PDF, {_pages(pages)}; "),
            _link(uri("txt"), "plain text", f"{text}, plain text"),
            nodes.Text("; "),
            _link(uri("docx"), "Word", f"{text}, Word"),
            nodes.Text(")"),
        ))
    return [nodes.paragraph("", "Download the résumé:", classes=["resume-download"]), items]


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and _website(app.builder):
        typeset.write(getattr(app, "portfolio_typeset", []), Path(app.outdir))


def setup(app: Sphinx) -> None:
    views.add_view(app, VIEW, views.View(render, by_builder=True))
    # After the declarations are read (550).
    app.connect("env-updated", _typeset, priority=560)
    app.connect("build-finished", _write)
