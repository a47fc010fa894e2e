"""Sphinx's log shows progress and warnings, not other tools' notices.

Notices that print on every build and bury the warnings an author must read
are dropped here, as information only: nothing at warning level or above is
touched, so a warning still fails the build.

- myst-parser's dump of its whole configuration;
- the path of every static file Sphinx renders from a template;
- sphinx-sitemap's note that it wrote sitemap.xml;
- Sphinx's "The configuration has changed", when the only values it names
  are ones a theme or extension sets after Sphinx compares the last build's
  configuration with conf.py's (checked against Sphinx 9.0.4 and 9.2.0,
  furo 2025.12.19, sphinx-design 0.8.0): furo registers ``pygments_dark_style``
  when its theme loads, and sphinx-design adds its folder to
  ``html_static_path`` when the builder starts. Nothing changed; the
  configuration only looks different. Should a release move the message or
  the values, tests/rebuild/test_incremental_equals_clean.py sees it again.

(sphinxext-opengraph's print() about matplotlib happens on import, before
any extension is set up: conf.py silences that one.)
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from sphinx.util.logging import NAMESPACE

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# (logger, words in its message's format string)
NOTICES = (
    ("sphinx.myst_parser.sphinx_ext.main", "myst v"),  # "myst v5: MdParserConfig(...)"
    ("sphinx.sphinx_sitemap", "was generated for URL"),
    ("sphinx.sphinx_sitemap", "No pages generated for"),  # nothing rewritten: kept
)
# Set after Sphinx compares configurations, by furo and sphinx-design.
SET_LATE = frozenset({"pygments_dark_style", "html_static_path"})


def _only_set_late(record: logging.LogRecord) -> bool:
    """ "The configuration has changed (2 options: 'a', 'b')" naming only SET_LATE."""
    if not str(record.msg).startswith("The configuration has changed"):
        return False
    names = set(re.findall(r"'([^']+)'", record.getMessage()))
    return bool(names) and names <= SET_LATE


class DropNotices(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        if getattr(record, "subtype", None) == "template_evaluation":
            return False  # "Writing evaluated template result to ..."
        if _only_set_late(record):
            return False
        message = str(record.msg)
        return not any(record.name == name and words in message for name, words in NOTICES)


def setup(app: Sphinx) -> None:
    # Sphinx's own handlers, set up before any extension: the filter sees
    # every record of every logger under "sphinx".
    for handler in logging.getLogger(NAMESPACE).handlers:
        if not any(isinstance(f, DropNotices) for f in handler.filters):
            handler.addFilter(DropNotices())
