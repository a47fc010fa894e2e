"""What a test would find, said by every build: notes, not warnings.

Some things only the tests checked: a social image drawn from an older
headline, a figure the owner wrote in the summary that the model no longer
gives. Each build now says so at its end, with the file, the line and what
to do; as a note (an information message), not a warning, so that a strict
(``-W``) build still succeeds: the site is right, a copy of a fact is stale.

- the social image (``_static/og-image.png``) is stale: ``./run og-image``;
- the summary's years of experience ("17+ years") differ from those "At a
  glance" gives, which the model computes from the roles.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .. import model
from ..views.landing import experience_years
from . import ogimage

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

PREFIX = "note: "  # how a note reads in the log, after its file and line
# A figure of years in the summary: "17+ years", "17 years".
YEARS = re.compile(r"\b(\d+)\+? years\b")


def summary_years(summary: str, computed: str) -> str | None:
    """The summary's figure of years ("17+") where its number differs from
    ``computed`` ("18+"), else None."""
    found = YEARS.search(summary)
    if found is None or found[1] == computed.rstrip("+"):
        return None
    return found[0].removesuffix(" years")


def _note(message: str, location: tuple[str, int] | None = None) -> None:
    logger.info(PREFIX + message, location=location, color="brown")


def _note_social_image(app: Sphinx) -> None:
    if ogimage.is_stale(Path(app.srcdir)):
        root = app.config.root_doc
        line = model.Reporter(app.env).front_matter(root).line(("headline",))
        _note(f"{ogimage.IMAGE} is stale: it was drawn from another name or headline (or "
              f"{ogimage.TEMPLATE}) than there is now; run `./run og-image` and commit the "
              "image", location=(root, line))


def _note_summary_years(app: Sphinx) -> None:
    career = model.career(app.env)
    if not career.roles:
        return
    computed = experience_years(career)
    written = summary_years(career.person.summary, computed)
    if written is None:
        return
    root = app.config.root_doc
    line = model.Reporter(app.env).front_matter(root).line(("summary",))
    _note(f"the summary says {written} years of experience, but \"At a glance\" gives "
          f"{computed} years, counted from the roles' dates: edit the figure in `summary:`, "
          "or check the roles' dates", location=(root, line))


def _notes(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return
    _note_social_image(app)
    _note_summary_years(app)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _notes)
