"""Views: what the pages show that the career model generates, alike in HTML,
ePub and PDF.

- ``registry.py``: placeholders, and how each becomes its view (read it first);
- ``parts.py``: links, lists, fields and tables that views are made of;
- ``pages.py``: each role and contribution page's fact line, related pages,
  backlinks and index entries;
- ``landing.py``, ``experience.py``, ``skills.py``, ``standards.py``,
  ``projects.py``: the views of those pages;
- ``drawing.py`` and ``figure.py``: the career figure, drawn once, as SVG or TikZ;
- ``citations.py``: citations that read "PEP 440".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import citations, experience, figure, landing, pages, projects, registry, skills, standards
from .registry import View, add_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["View", "add_view", "setup"]

STATIC = Path(__file__).parent / "static"  # portfolio.css


def _add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> None:
    citations.register()  # citations read "PEP 440"
    app.connect("config-inited", _add_static)
    app.add_css_file("portfolio.css")
    registry.setup(app)
    pages.setup(app)  # fact line, related pages, backlinks, index entries
    landing.setup(app)  # summary, at a glance, profile, the cards' bullets
    experience.setup(app)  # the summary line and the timeline
    figure.setup(app)  # the career drawn: SVG in HTML and ePub, TikZ in the PDF
    skills.setup(app)  # the skills map
    standards.setup(app)  # the PEPs: index entries, links to his pages
    projects.setup(app)  # {project} headings with their dates
