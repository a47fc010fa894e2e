"""Sphinx's own scripts, minified for the website.

Sphinx ships doctools.js, sphinx_highlight.js (on every page) and
searchtools.js (on the search page) readable, with comments: 32 KiB, of
which minifying removes 13 KiB (benchmarks/RESULTS.md). When the builder
starts, we minify the theme's copies into a folder beside the doctrees,
which is on html_static_path (stableconfig.py puts it there, before Sphinx
compares configurations), whose files replace the theme's of the same
name. Same files, same behaviour, fewer bytes; nothing is forked.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin
from sphinx.application import Sphinx

SCRIPTS = ("doctools.js", "sphinx_highlight.js", "searchtools.js")
_WEBSITE_BUILDERS = frozenset({"html", "dirhtml"})


def _theme_file(app: Sphinx, name: str) -> Path | None:
    """The file the theme would copy: its own, else its base theme's."""
    for directory in app.builder.theme.get_theme_dirs():  # type: ignore[attr-defined]
        if (path := Path(directory, "static", name)).is_file():
            return path
    return None


def folder(app: Sphinx) -> Path:
    """The folder of minified scripts; it exists, empty for other builders."""
    path = Path(app.doctreedir) / "portfolio-minified"
    path.mkdir(parents=True, exist_ok=True)
    return path


def minify_scripts(app: Sphinx) -> None:
    wanted = app.config.portfolio_speedups and app.builder.name in _WEBSITE_BUILDERS
    for name in SCRIPTS:
        target = folder(app) / name
        if wanted and (source := _theme_file(app, name)):
            minified = rjsmin.jsmin(source.read_text(encoding="utf-8"), keep_bang_comments=True)
            target.write_text(minified, encoding="utf-8")
        else:  # speed-ups turned off since the last build: the theme's own
            target.unlink(missing_ok=True)
