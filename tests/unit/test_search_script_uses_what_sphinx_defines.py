"""The search page's script (_ext/portfolio/search/static/search.js) reaches
into Sphinx's searchtools.js in one place, for what Sphinx offers no public
way to do: the results of a query without writing them to the page, and the
loaded index. The installed Sphinx must still define those as the script uses
them; when a release changes them, this fails before a reader's search does."""

from __future__ import annotations

import re
from pathlib import Path

import sphinx

from tools.build import ROOT

SEARCHTOOLS = Path(sphinx.__file__).parent / "themes" / "basic" / "static" / "searchtools.js"
SCRIPT = ROOT / "_ext" / "portfolio" / "search" / "static" / "search.js"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_script_reaches_sphinx_internals_in_one_place():
    script = SCRIPT.read_text(encoding="utf-8")
    used = set(re.findall(r"Search\.(_\w+)", script))
    assert used == {"_index", "_performSearch", "_parseQuery"}, used
    adapter = script.split("const sphinx = {", 1)[1].split("};", 1)[0]
    for name in used:
        assert script.count(f"Search.{name}") == adapter.count(f"Search.{name}"), name


def test_sphinx_still_defines_them_so():
    tools = _flat(SEARCHTOOLS.read_text(encoding="utf-8"))
    # setIndex keeps the index where the script reads it.
    assert "setIndex: (index) => { Search._index = index;" in tools
    # _parseQuery returns the arguments _performSearch takes, in its order ...
    assert "_parseQuery: (query) => {" in tools
    assert "return [query, searchTerms, excludedTerms, highlightTerms, objectTerms];" in tools
    assert ("_performSearch: ( query, searchTerms, excludedTerms, highlightTerms, objectTerms, )"
            " => {") in tools
    # ... and its results are [docname, title, anchor, descr, score, filename, kind].
    assert "Each is an array of [docname, title, anchor, descr, score, filename, kind]." in tools
