"""The search page holds still while its results arrive.

Sphinx's search script fills the result summary above the list last, two
lines on a phone, pushing every result down: Lighthouse counts it as layout
shift (benchmarks/RESULTS.md). One rule, inline in the search page's head
so it waits for no extra request, reserves the summary's room. (Reserving
the list's room too makes furo's page shift as it loads: measured worse.)
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

# Two lines at furo's line height of 1.5.
SEARCH_CSS = "#search-results .search-summary{min-height:3em}"


def add_search_css(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.config.portfolio_speedups and templatename == "search.html":
        # metatags is the raw HTML every theme writes into <head>.
        context["metatags"] = context.get("metatags", "") + f"<style>{SEARCH_CSS}</style>\n"
