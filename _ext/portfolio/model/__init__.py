"""The career model: read from the pages, checked once, known to no output format.

- ``career.py``: the career as plain data (person, roles, contributions, PEPs);
- ``schema.py``: the front matter contract, as JSON Schema;
- ``frontmatter.py``: the one reader of front matter, with each field's line;
- ``doctree.py``: what each page's doctree gives the model, kept across builds;
- ``build.py``: the career assembled and checked once all pages are read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .build import (
    Reporter,
    build,
    career,
    check_date,
    labels_declared,
    mistakes,
    page_labels,
    reading_order,
    source_date_epoch,
)
from .career import (
    CONTRIBUTIONS_DIR,
    DURATION_RULE,
    RESUME_SECTIONS,
    ROLES_DIR,
    Career,
    Contribution,
    Pep,
    Person,
    Profile,
    Project,
    Relation,
    Role,
    YearMonth,
    duration,
    page_kind,
)
from .doctree import PageCollector, portfolio_view
from .frontmatter import declared_projects, read_person

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "CONTRIBUTIONS_DIR", "DURATION_RULE", "RESUME_SECTIONS", "ROLES_DIR", "Career",
    "Contribution", "Pep", "Person", "Profile", "Project", "Relation", "Reporter", "Role",
    "YearMonth", "career", "declared_projects", "duration", "labels_declared", "mistakes",
    "page_kind", "page_labels", "portfolio_view", "read_person",
    "reading_order", "source_date_epoch",
]


def _start(app: Sphinx) -> None:
    if not hasattr(app.env, "portfolio_page_facts"):
        app.env.portfolio_page_facts = {}


def _build(app: Sphinx, env: BuildEnvironment) -> None:
    env.portfolio_career = build(env)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", check_date)
    app.add_node(portfolio_view)
    app.connect("builder-inited", _start)
    app.add_env_collector(PageCollector)
    app.connect("env-updated", _build)  # once every page is read
