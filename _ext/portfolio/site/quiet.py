"""Sphinx's log shows progress and warnings, not other tools' notices.

Three notices print on every build and bury the warnings an author must
read: myst-parser's dump of its whole configuration, the path of every
static file Sphinx renders from a template, and sphinx-sitemap's note that
it wrote sitemap.xml. They are dropped here, as information only: nothing at
warning level or above is touched, so a warning still fails the build.
(sphinxext-opengraph's print() about matplotlib happens on import, before
any extension is set up: conf.py silences that one.)
"""

from __future__ import annotations

import logging
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


class DropNotices(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        if getattr(record, "subtype", None) == "template_evaluation":
            return False  # "Writing evaluated template result to ..."
        message = str(record.msg)
        return not any(record.name == name and words in message for name, words in NOTICES)


def setup(app: Sphinx) -> None:
    # Sphinx's own handlers, set up before any extension: the filter sees
    # every record of every logger under "sphinx".
    for handler in logging.getLogger(NAMESPACE).handlers:
        if not any(isinstance(f, DropNotices) for f in handler.filters):
            handler.addFilter(DropNotices())
