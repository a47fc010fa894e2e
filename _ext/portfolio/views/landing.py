"""The landing page's views: the headline and summary, the facts at a
glance, contact and skills, and the résumé bullet on each featured card."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from .. import model
from ..shared import RESUME_JSON, unknown_name
from .parts import cited, field, joined, xref
from .registry import View, add_view, placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career

logger = logging.getLogger(__name__)


def summary(career: Career, docname: str) -> list[nodes.Node]:
    """The headline and the summary, from the landing page's front matter."""
    p, out = career.person, []
    if p.headline:
        # In a container, so that the page's description (site/head.py)
        # opens with the summary rather than repeating the headline.
        out.append(nodes.container("", nodes.paragraph(p.headline, p.headline),
                                   classes=["portfolio-headline"]))
    if p.summary:
        out.append(nodes.paragraph(p.summary, p.summary, classes=["portfolio-summary"]))
    return out


def experience_years(career: Career) -> str:
    """The years of experience "At a glance" gives, from the model: "17", or
    "17+" with months over."""
    years, months = divmod(career.months_of_experience, 12)
    return f"{years}{'+' if months else ''}"


def at_a_glance(career: Career, docname: str) -> list[nodes.Node]:
    fields = nodes.field_list(classes=["portfolio-glance"])
    if career.roles:
        latest = career.roles[0]
        fields += field(
            "Current role" if latest.end is None else "Latest role",
            xref(docname, "std", "ref", latest.label, f"{latest.position}, {latest.employer}"),
            nodes.Text(f" ({latest.dates})"),
        )
        last = career.last_month.label if latest.end else "present"
        fields += field("Experience", nodes.Text(
            f"{experience_years(career)} years (the months his roles cover, "
            f"{career.first_month.label} – {last})"))
    if career.peps:
        count = len(career.peps)
        years = [p.year for p in career.peps.values()]
        span = f"{min(years)}–{max(years)}" if min(years) != max(years) else str(min(years))
        # Each PEP is dated by its Created header: when the PEP was begun,
        # not when he joined its authors.
        fields += field("PEPs authored", nodes.Text(
            f"{count}, alone or with others (created {span})"))
    return [fields]


def profile(career: Career, docname: str) -> list[nodes.Node]:
    """Contact, languages and skills from the landing page's front matter."""
    p = career.person
    fields = nodes.field_list(classes=["portfolio-profile"])
    if p.location:
        fields += field("Location", nodes.Text(p.location))
    if p.email:
        fields += field("Email", nodes.reference(p.email, p.email, refuri=f"mailto:{p.email}"))
    if p.profiles:
        fields += field("Profiles", *joined(
            nodes.reference(pr.display, pr.display, refuri=pr.url) for pr in p.profiles))
    if p.languages:
        fields += field("Languages", nodes.Text(", ".join(p.languages)))
    if p.skills:
        fields += field("Skills", nodes.Text(", ".join(p.skills)))
    # resume.json exists in the web site only (resume/jsonresume.py).
    only = addnodes.only(expr="builder_html or builder_dirhtml")
    uri = posixpath.relpath(RESUME_JSON, posixpath.dirname(docname) or ".")
    only += field("As data", nodes.reference(RESUME_JSON, RESUME_JSON, refuri=uri),
                  nodes.Text(" (JSON Resume)"))
    fields += only
    return [fields]


def bullet(career: Career, docname: str, label: str) -> list[nodes.Node]:
    """The résumé's bullet for the contribution labelled ``label``, its PEPs cited."""
    contribution = career.contribution(label)
    if contribution is None:
        return []  # BulletRole reported it
    return cited(career, docname, contribution.bullet)


class BulletRole(SphinxRole):
    """``{bullet}`warehouse```: the résumé's bullet for a contribution, from
    its page, where the landing page's cards show it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = placeholder("bullet", self.env.docname, self.text.strip())
        self.set_source_info(node)
        return [node], []


def _check_bullets(app: Sphinx, env) -> None:
    """Each ``{bullet}`` names a contribution page's label (a page whose
    front matter has a problem is reported there, not here too)."""
    known = model.page_labels(env, "contribution")
    for docname, page in env.portfolio_page_facts.items():
        for view, arguments, line in page.views:
            if view == "bullet" and arguments[0] not in known:
                logger.warning("{bullet}: " + unknown_name(
                                   "contribution page label", arguments[0], known,
                                   model.labels_declared("contribution")),
                               location=(docname, line), type="portfolio", subtype="bullet")


def setup(app: Sphinx) -> None:
    for name, render in (("summary", summary), ("at-a-glance", at_a_glance),
                         ("profile", profile)):
        add_view(app, name, View(render))
    add_view(app, "bullet", View(bullet), directive=False)
    app.add_role("bullet", BulletRole())
    app.connect("env-updated", _check_bullets, priority=600)
