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

While a variant is typeset, the pages are written: a build waits for the
variants only where the list is rendered and before it ends. With
``portfolio_resume_background`` (``./run preview`` sets it to a stamp file
that sphinx-autobuild watches) nothing waits: the list gives the variants
the cache has and says the others are being updated, and a background
process typesets them and touches the stamp, so the rebuild that follows
lists them all (``typeset.background``).

The website's copies are always public: never the phone number, even when
``portfolio_private`` is set (``./run resume`` makes private copies).
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .. import model, views
from ..shared import WEBSITE_BUILDERS, number_word
from . import typeset
from .latex import standalone_target

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

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
    """Start typesetting the declared variants (cached), for the download
    area to list; in the background, take what the cache has."""
    if not _website(app.builder) or typeset.held_back(env, "résumé variants"):
        return
    declaration = env.portfolio_variants
    target = standalone_target(app.builder, private=False)  # the website's: always public
    c = model.career(env)
    if not app.config.portfolio_resume_background:
        app.builder.portfolio_batch = typeset.Batch(
            typeset.typesetter(app.builder), c, declaration.variants, declaration.priority,
            target)
        return
    setter = typeset.typesetter(app.builder, cached_only=True)
    found = typeset.cached(setter, c, declaration.variants, declaration.priority, target)
    app.portfolio_typeset = [r for r in found if r]
    app.builder.portfolio_downloads = [_entry(r) if r else (v.name, 0, v.title)
                                       for v, r in zip(declaration.variants, found, strict=True)]
    if None in found:
        app.portfolio_job = typeset.Job(
            setter.cache, setter.work, setter.fontpkg, setter.epoch, c, declaration.variants,
            declaration.priority, target, Path(app.outdir),
            Path(app.config.portfolio_resume_background), _server())


def _server() -> int:
    """The preview's server: the outermost process above this build that runs
    sphinx-autobuild (it may rebuild from a short-lived child of its own),
    else this build's parent. The background process stops when it does."""
    found, pid = os.getppid(), os.getppid()
    while pid > 1:
        try:
            if b"sphinx-autobuild" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found = pid
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    return found


def _entry(result: typeset.Typeset) -> tuple[str, int, str]:
    return result.variant.name, result.page_count, link_text(result)


def _listed(builder) -> list[tuple[str, int, str]]:
    """(name, pages, text) for each variant; pages 0 while it is being updated."""
    if batch := getattr(builder, "portfolio_batch", None):
        return [_entry(r) for r in batch.results()]
    return getattr(builder, "portfolio_downloads", [])


def _link(href: str, text: str, name: str) -> nodes.raw:
    """A link whose accessible name (``aria-label``, which docutils cannot
    write) begins with its visible text, as WCAG's "label in name" asks."""
    return nodes.raw("", f'<a class="reference internal" href="{escape(href)}" '
                         f'aria-label="{escape(name)}">{escape(text)}</a>', format="html")


def render(c: model.Career, docname: str, *, builder) -> list[nodes.Node]:
    """The list of variants, on the website; nothing elsewhere."""
    listed = _listed(builder) if _website(builder) else []
    if not listed:
        return []
    items = nodes.bullet_list(classes=["resume-downloads"])
    for name, pages, text in listed:
        def uri(suffix: str, name: str = name) -> str:
            return relative_uri(builder.get_target_uri(docname), f"{name}.{suffix}")

        if not pages:  # typeset in the background: the links follow on a rebuild
            items += nodes.list_item("", nodes.paragraph(
                "", f"{text} (being updated: its files follow in a minute or so)"))
            continue
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
    batch = getattr(app.builder, "portfolio_batch", None)
    if exception is not None and batch:
        batch.cancel()  # the build failed: no wait for variants nobody will see
    if exception is not None or not _website(app.builder):
        return
    if batch:
        app.portfolio_typeset = batch.results()  # a failure fails the build
    typeset.write(getattr(app, "portfolio_typeset", []), Path(app.outdir))
    if job := getattr(app, "portfolio_job", None):
        if error := typeset.background(job):
            logger.warning(f"the résumé variants could not be typeset:\n{error}")
        else:
            logger.info("résumé variants: being typeset in the background")


def setup(app: Sphinx) -> None:
    views.add_view(app, VIEW, views.View(render, by_builder=True))
    # A stamp file: typeset in the background, touch it when done (preview).
    app.add_config_value("portfolio_resume_background", "", "", types=frozenset({str}))
    # After the declarations are read (550).
    app.connect("env-updated", _typeset, priority=560)
    app.connect("build-finished", _write)
