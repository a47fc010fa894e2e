"""What each web page's <head> says about it: its description, for link
previews and search engines; and on the landing page, the person as
schema.org JSON-LD and a pointer to resume.json.

sphinxext-opengraph derives a description from the doctree, but joins list items with
", " after their full stops ("certificates., Designed") and loses the space
before an inline link ("projects( PEP 440)"). We give it the page's opening
text instead: its first paragraphs (a role page's first bullets), as plain
text, cut at a word. It goes through the per-page ``og:description``
override the extension documents, and into ``<meta name="description">``,
which the extension then leaves alone.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from .. import model
from ..resume.jsonresume import location
from ..shared import RESUME_JSON, WEBSITE_BUILDERS
from ..views.projects import PROJECT_DATES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career

LENGTH = 200  # sphinxext-opengraph's default


def opening_text(doctree: nodes.document, length: int = LENGTH) -> str:
    words: list[str] = []
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph, addnodes.compact_paragraph):
            continue  # a table of contents
        if not isinstance(paragraph.parent, (nodes.section, nodes.list_item)):
            continue  # admonitions, tables, bibliography entries, cards ...
        if PROJECT_DATES in paragraph["classes"]:
            continue  # "2013 – Current." means nothing without its heading
        words += paragraph.astext().split()
        if len(" ".join(words)) > length:
            break
    text = " ".join(words)
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def add_description(app: Sphinx, pagename: str, templatename: str, context: dict,
                    doctree: nodes.document | None) -> None:
    meta = context.get("meta") or {}
    if doctree is None or app.builder.name == "epub" or "og:description" in meta:
        return
    text = opening_text(doctree)
    if not text:
        return
    # A copy: context["meta"] is the environment's own metadata of the page.
    context["meta"] = {**meta, "og:description": html.escape(text, quote=False)}
    context["metatags"] += f'<meta name="description" content="{html.escape(text)}" />\n'


def json_ld(career: Career) -> dict[str, Any]:
    """The person as a schema.org ``Person``."""
    p = career.person
    person: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.name,
        "jobTitle": p.headline,
        "description": p.summary,
        "email": f"mailto:{p.email}",
        "sameAs": [x.url for x in p.profiles],
        "knowsAbout": [*p.skills, *p.languages],
    }
    address = location(p.location)
    if "city" in address:
        person["address"] = {"@type": "PostalAddress", "addressLocality": address["city"],
                             "addressRegion": address["region"]}
    return person


def add_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """JSON-LD, and a pointer to resume.json, in the landing page's head."""
    if pagename != app.config.root_doc or app.builder.name not in WEBSITE_BUILDERS:
        return
    # "</" would end the script element early; JSON allows "<\/" instead.
    data = json.dumps(json_ld(model.career(app.env)), ensure_ascii=False).replace("</", "<\\/")
    context["metatags"] = context.get("metatags", "") + (
        f'\n<script type="application/ld+json">{data}</script>'
        f'\n<link rel="alternate" type="application/json" href="{RESUME_JSON}" title="JSON Resume">'
    )


def setup(app: Sphinx) -> None:
    # Before sphinxext-opengraph (priority 500) writes its tags.
    app.connect("html-page-context", add_description, priority=400)
    app.connect("html-page-context", add_json_ld)
