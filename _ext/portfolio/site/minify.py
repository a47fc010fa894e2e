"""The website's scripts, minified in its output.

Sphinx ships doctools.js, sphinx_highlight.js (on every page) and
searchtools.js and language_data.js (on the search page) readable, with
comments; our search page's script (search/static/search.js) and the scorer
Sphinx inlines into language_data.js are commented too. Once the site is
written, each of these files in the output's ``_static`` is replaced by its
minified self (rjsmin): same files, same behaviour, fewer bytes; nothing is
forked, and no path of the configuration changes. Sphinx copies the readable
files again in every build, so each build minifies its own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import rjsmin

from ..search.page import SCRIPT
from ..shared import WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCRIPTS = ("doctools.js", "sphinx_highlight.js", "searchtools.js", "language_data.js", SCRIPT)


def minify_scripts(app: Sphinx, exception: Exception | None) -> None:
    if exception or not app.config.portfolio_speedups \
            or app.builder.name not in WEBSITE_BUILDERS:
        return
    for name in SCRIPTS:
        path = Path(app.outdir, "_static", name)
        if path.is_file():
            _minify(path)


def _minify(path: Path) -> None:
    minified = rjsmin.jsmin(path.read_text(encoding="utf-8"), keep_bang_comments=True)
    # Write whole or not at all: a server may be reading the output (preview).
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(minified)
    os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from a web server
    os.replace(tmp, path)
