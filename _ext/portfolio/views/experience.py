"""The Experience page's views: the line that sums the roles up, and the
timeline of roles by employer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import DURATION_RULE, Career, Role, duration
from ..shared import number_word
from .parts import xref
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _consecutive_by_employer(roles: list[Role]) -> list[list[Role]]:
    """Consecutive roles at one employer, grouped (reverse chronological)."""
    groups: list[list[Role]] = []
    for role in roles:
        if groups and groups[-1][0].employer == role.employer:
            groups[-1].append(role)
        else:
            groups.append([role])
    return groups


def timeline(career: Career, docname: str) -> list[nodes.Node]:
    outer = nodes.bullet_list(classes=["portfolio-timeline"])
    for roles in _consecutive_by_employer(career.roles):
        first, last = roles[-1], roles[0]
        end = last.end.label if last.end else "present"
        head = nodes.paragraph(classes=["portfolio-employer"])
        head += nodes.strong(last.employer, last.employer)
        if len(roles) > 1:  # the time at the employer, across its roles
            months = career.months_at(last.employer)
            head += nodes.Text(f" · {first.start.label} – {end} · {duration(months)}")
        inner = nodes.bullet_list()
        for role in roles:
            para = nodes.paragraph()
            para += xref(docname, "std", "ref", role.label, role.position)
            para += nodes.Text(f" · {role.dates} · {duration(career.months(role))}")
            inner += nodes.list_item("", para)
        outer += nodes.list_item("", head, inner)
    return [outer, *_how_durations_count(career)]


def _how_durations_count(career: Career) -> list[nodes.Node]:
    """The rule the durations above follow, and where it shows: an employer
    whose time is the sum of its roles'."""
    text = DURATION_RULE
    several = next((roles for roles in _consecutive_by_employer(career.roles) if len(roles) > 1),
                   None)
    if several:
        parts = " and ".join(duration(career.months(r)) for r in several)
        text += (f" So {several[0].employer}'s {duration(career.months_at(several[0].employer))}"
                 f" is its roles' {parts}.")
    return [nodes.paragraph(text, text, classes=["portfolio-note"])]


def experience_summary(career: Career, docname: str) -> list[nodes.Node]:
    """ "Eight positions, most recent first, from Xenofox in 2008 to Datadog in 2025." """
    if not career.roles:
        return []
    latest, first = career.roles[0], career.roles[-1]
    count = len(career.roles)
    until = f"{latest.employer} in {latest.end.year}" if latest.end \
        else f"{latest.employer} today"
    text = (f"{number_word(count).capitalize()} position{'s' if count != 1 else ''}, "
            f"most recent first, from {first.employer} in {first.start.year} to {until}.")
    return [nodes.paragraph(text, text)]


def setup(app: Sphinx) -> None:
    add_view(app, "timeline", View(timeline))
    add_view(app, "experience-summary", View(experience_summary))
