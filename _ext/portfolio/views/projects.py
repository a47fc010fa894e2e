"""The open-source page's ``{project}`` headings, each with its dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .registry import View, add_view, placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career

# Read under its project's heading only: page descriptions leave it out.
PROJECT_DATES = "portfolio-project-dates"


def project_dates(career: Career, docname: str, name: str) -> list[nodes.Node]:
    """ "2013 – Current." under a project's heading; nothing if it is undated."""
    project = career.project(name)
    if project is None or not project.dates:
        return []
    text = f"{project.dates}."
    return [nodes.paragraph(text, text, classes=["portfolio-facts", PROJECT_DATES])]


class ProjectDirective(SphinxDirective):
    """``{project} PyPI``: a project's heading on the open-source page, and its
    dates under it, from the model.

    The heading is a rubric, not a section: a section between two toctrees
    would put the ePub's table of contents out of reading order.
    """

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        # The model checks, at this line, that index.md declares the project
        # and that the pages the toctree below lists name it.
        rubric = nodes.rubric(name, name, **{"heading-level": 2})
        self.set_source_info(rubric)
        dates = placeholder("project-dates", self.env.docname, name)
        self.set_source_info(dates)
        return [rubric, dates]


def setup(app: Sphinx) -> None:
    add_view(app, "project-dates", View(project_dates), directive=False)
    app.add_directive("project", ProjectDirective)
