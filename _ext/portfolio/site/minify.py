"""Sphinx's own scripts, and ours, minified for the website.

Sphinx ships doctools.js, sphinx_highlight.js (on every page) and
searchtools.js (on the search page) readable, with comments: 32 KiB, of
which minifying removes 13 KiB (benchmarks/RESULTS.md). When the builder
starts, we minify the theme's copies into a folder of the Python environment,
which is on the website's html_static_path (stableconfig.py puts it there,
before Sphinx compares configurations), whose files replace the theme's of
the same name. Same files, same behaviour, fewer bytes; nothing is forked.

Our own search scripts (search/static/) are minified the same way: the search
page's script, and the scorer Sphinx inlines into language_data.js (its
path, html_search_scorer, is pointed at the copy, also before the
comparison: see ``settle``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import rjsmin

from ..search import page as search_page
from ..shared import WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

SCRIPTS = ("doctools.js", "sphinx_highlight.js", "searchtools.js")


def _theme_file(app: Sphinx, name: str) -> Path | None:
    """The file the theme would copy: its own, else its base theme's."""
    for directory in app.builder.theme.get_theme_dirs():  # type: ignore[attr-defined]
        if (path := Path(directory, "static", name)).is_file():
            return path
    return None


def folder() -> Path:
    """The folder of minified scripts: beside the Sphinx they are made from,
    in this Python environment. One path for every build, because the path
    is part of the configuration, which .buildinfo hashes: two builds of one
    commit into different folders must agree (tests/rebuild/test_reproducible.py)."""
    path = Path(sys.prefix) / "share" / "portfolio-minified"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settle(config: Config) -> None:
    """The website's configuration, final before Sphinx compares it with the
    last build's: the minified folder on the static path, and the scorer
    pointed at its minified copy (when it is ours)."""
    config.html_static_path.append(str(folder()))
    if config.html_search_scorer == str(search_page.SCORER):
        scorer = search_page.SCORER
        config.html_search_scorer = str(_minify(scorer, folder() / scorer.name))


def minify_scripts(app: Sphinx) -> None:
    if not app.config.portfolio_speedups or app.builder.name not in WEBSITE_BUILDERS:
        return
    for name in SCRIPTS:
        if source := _theme_file(app, name):
            _minify(source, folder() / name)
    _minify(search_page.STATIC / search_page.SCRIPT, folder() / search_page.SCRIPT)


def _minify(source: Path, target: Path) -> Path:
    minified = rjsmin.jsmin(source.read_text(encoding="utf-8"), keep_bang_comments=True)
    # Builds may run side by side: each writes the file whole.
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(minified)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target
