"""Each page of the website loads only the CSS and JavaScript its content uses.

furo and sphinx-design register their assets for every page. Most of our
pages show no design component and no highlighted code, yet each would
download, and wait before painting for, sphinx-design's CSS, Pygments' and
furo's for other extensions: more than half of a page's weight
(benchmarks/RESULTS.md). Once a page's body is rendered, and
before its template writes the <head>, each of these assets is dropped when
the body has none of its components, or else replaced by a copy holding only
the rules that can match the page, and of the custom properties they declare
only those something on the page reads (cssprune.py). Copies are named by
their content, so pages using the same components share one cached file.

Sphinx gives each page its own list of assets, restored before the next, so
nothing leaks between pages. Only the website is trimmed: the ePub keeps
every asset, as its size matters to nobody.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..shared import WEBSITE_BUILDERS
from . import cssprune

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Each asset added to every page, with the class-name prefixes of the
# components it styles or drives: it is kept when the page body has an
# element with such a class.
_USED_BY: dict[str, tuple[str, ...]] = {
    # sphinx-design: cards, grids, tabs, badges, buttons, dropdowns, icons
    "sphinx-design.min.css": ("sd-",),
    "design-tabs.js": ("sd-tab",),
    # Pygments: code blocks and inline code with a language
    "pygments.css": ("highlight",),
    # furo's styles for sphinx-design, sphinx-copybutton (on code blocks),
    # sphinx-inline-tabs and Bootstrap containers. Its rules for Read the
    # Docs' old flyout and ad placement style elements furo renders only when
    # the READTHEDOCS template variable is set, which Read the Docs does not
    # set: its Addons script brings its own styles.
    "styles/furo-extensions.css": (
        "sd-", "highlight", "tab-set", "sphinx-bs", "container", "shadow",
    ),
}
_PRUNED_DIR = "portfolio"  # under _static/
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_ID_ATTR = re.compile(r'id="([^"]*)"')


def _names(body: str) -> frozenset[str]:
    """The classes and the "#ids" of the elements in a page's body."""
    classes = (name for value in _CLASS_ATTR.findall(body) for name in value.split())
    return frozenset(classes).union(f"#{i}" for i in _ID_ATTR.findall(body))


def _used(filename: str, names: frozenset[str]) -> bool:
    return any(name.startswith(_USED_BY[filename]) for name in names)


@functools.cache
def _sheet(path: Path) -> cssprune.Sheet:
    """The parsed stylesheet, once per process (the builder copied it already)."""
    return cssprune.parse(path.read_text(encoding="utf-8"))


@functools.cache
def _properties_read_by(path: Path) -> frozenset[str]:
    return frozenset(cssprune.read_properties(path.read_text(encoding="utf-8")))


def _write_copy(static: Path, filename: str, css: str) -> str:
    """Write a pruned copy of static/filename, named by its content; return the name."""
    digest = hashlib.sha256(css.encode()).hexdigest()[:8]
    name = f"{_PRUNED_DIR}/{Path(filename).stem}.{digest}.css"
    target = static / name
    if not target.exists():
        # Pages are written in parallel processes: write whole or not at all.
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(css)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from a web server
        os.replace(tmp, target)
    return name


def trim_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not app.config.portfolio_speedups or app.builder.name not in WEBSITE_BUILDERS:
        return
    body = context.get("body", "")
    names = _names(body)
    static = Path(app.outdir) / "_static"

    def name(asset: Any) -> str:
        # Sphinx lists them as "_static/<name>", the name they were added as.
        return str(getattr(asset, "filename", asset)).removeprefix("_static/")

    css_files, dropped, pruned = context.get("css_files", []), set(), {}
    for asset in css_files:
        if name(asset) in _USED_BY:
            dropped.add(name(asset))
            if _used(name(asset), names):
                pruned[name(asset)] = asset.priority
    for asset in context.get("script_files", []):
        if name(asset) in _USED_BY and not _used(name(asset), names):
            dropped.add(name(asset))
    if pruned:
        # The custom properties that anything on the page reads: the rules
        # kept, the page's other stylesheets and its inline styles.
        read = cssprune.read_properties(
            body + "".join(cssprune.prune(_sheet(static / f), names) for f in pruned)
        ).union(*(_properties_read_by(static / name(a)) for a in css_files
                  if name(a) not in dropped and (static / name(a)).is_file()))
        for filename, priority in pruned.items():
            css = cssprune.prune(_sheet(static / filename), names, read)
            # Added to this page only, in the same place in the cascade.
            app.add_css_file(_write_copy(static, filename, css), priority=priority)
    # New lists: the builder's own stay whole for the next page.
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if name(asset) not in dropped]
