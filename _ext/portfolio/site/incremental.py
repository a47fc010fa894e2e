"""An incremental build leaves the site as a clean build would.

Sphinx rewrites a page when its source changed, and the pages whose own
table of contents includes it; but furo's sidebar and its previous/next
links show the whole site's structure on every page. So when the structure
changes (a page added or removed, toctree entries added, dropped or
reordered, a page's title changed), every page is rewritten. And Sphinx
leaves a removed page's output behind: it is deleted here, so it neither
stays on the web site nor goes into the ePub, which packs its output
folder. sphinx-sitemap lists only the pages a build writes: the sitemap is
given every page, so an incremental build's lists them all too.
"""

from __future__ import annotations

import fnmatch
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _remove_outputs(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                    removed: set[str]) -> list[str]:
    get_outfilename = getattr(app.builder, "get_outfilename", None)
    for docname in sorted(removed) if get_outfilename else ():
        Path(get_outfilename(docname)).unlink(missing_ok=True)
    return []


def digest(env: BuildEnvironment) -> str:
    """What every page's navigation shows: the pages, the toctrees' entries
    in order, and the pages' titles."""
    structure = (
        sorted(env.found_docs),
        sorted(env.toctree_includes.items()),
        sorted((docname, title.astext()) for docname, title in env.titles.items()),
    )
    # repr, not pickle: pickle's output depends on which equal strings are
    # one object, which differs between a fresh and a loaded environment.
    return hashlib.sha256(repr(structure).encode()).hexdigest()


def _rewrite_all_if_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    previous = getattr(env, "portfolio_structure", None)
    env.portfolio_structure = digest(env)
    if previous is None or previous == env.portfolio_structure:
        return []  # a fresh environment writes every page anyway
    return sorted(env.found_docs)


def _sitemap_lists_every_page(app: Sphinx, exception: Exception | None) -> None:
    queue = getattr(app, "sitemap_links", None)  # sphinx-sitemap's, filled as pages are written
    if exception or queue is None or app.builder.name != "html":
        return
    written = {}
    while not queue.empty():
        link, lastmod = queue.get()
        written[link] = lastmod
    suffix = app.config.html_file_suffix or ".html"
    links = {f"{docname}{suffix}" for docname in app.env.found_docs} | written.keys()
    for link in sorted(links):
        if not any(fnmatch.fnmatch(link, p) for p in app.config.sitemap_excludes):
            queue.put((link, written.get(link)))


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _remove_outputs)
    app.connect("env-updated", _rewrite_all_if_changed)
    # Before sphinx-sitemap writes the sitemap (default priority 500).
    app.connect("build-finished", _sitemap_lists_every_page, priority=400)
