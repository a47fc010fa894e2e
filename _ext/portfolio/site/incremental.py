"""An incremental build leaves the site as a clean build would.

Every build writes every page of the site. Sphinx by itself rewrites a page
when its source changed, and the pages whose own table of contents includes
it; but here a page shows more than its source: furo's sidebar and
previous/next links show the whole site's structure, and the views show what
other pages say (the timeline, backlinks, the skills map). And Sphinx's
search index loses every page's index entries, and keeps words no page holds
any more, whenever it is loaded from the last build rather than made anew
(sphinx-doc/sphinx#12599): so the old index is deleted before the pages are
written, and the index is made from all of them. sphinx-sitemap lists the
pages a build writes: all of them. For a site of some twenty-five pages this
costs a fraction of a second, and needs nothing but Sphinx's events.

Sphinx also leaves a removed page's output behind: it is deleted here, so it
neither stays on the web site nor goes into the ePub, which packs its output
folder.
"""

from __future__ import annotations

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


def _rewrite_everything(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, to be written; the search index, to be made anew from them."""
    index = getattr(app.builder, "searchindex_filename", None)  # HTML builders' attribute
    if index:
        Path(app.outdir, index).unlink(missing_ok=True)
    return sorted(env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _remove_outputs)
    app.connect("env-updated", _rewrite_everything)
