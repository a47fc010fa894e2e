"""The search page: a results list that answers, and a page that holds still.

- **A scorer** (``html_search_scorer``, Sphinx's hook for ranking, inlined
  into language_data.js): ``scorer.js``.
- **The results list** (``static/search.js``, on the search page): merges the
  results of one page into one, shows the excerpt (``index.py``) with the
  query's words marked, counts pages, and says what to do when nothing
  matched.
- **Room reserved** in the page's head, inline so it waits for no request:
  for the results from the first paint, so that the footer is already below
  the fold when they arrive, and for the summary line Sphinx fills above
  them last (two lines on a phone), so that nothing below it moves:
  Lighthouse counts both as layout shift (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
SCORER = Path(__file__).with_name("scorer.js")  # inlined by Sphinx, not served
SCRIPT = "search.js"
# The excerpt under each result's title, in the theme's secondary text
# colour (7:1 contrast, conf.py); the results' room; the summary's two lines
# at furo's line height of 1.5.
RESULTS_CSS = (
    "#search-results{min-height:100vh}"
    "#search-results .context{margin:.25rem 0 0;color:var(--color-foreground-secondary)}"
    "#search-results .search-summary{min-height:3em}"
)


def add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))
    # A project's own scorer wins; Sphinx opens the path as given, so absolute.
    if not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if templatename == "search.html":
        # Deferred: it runs once searchtools.js (later in the page) has
        # defined Search, and before Search.init, which waits for the DOM.
        app.add_js_file(SCRIPT, loading_method="defer")
        # metatags is the raw HTML every theme writes into <head>.
        context["metatags"] = context.get("metatags", "") + f"<style>{RESULTS_CSS}</style>\n"
