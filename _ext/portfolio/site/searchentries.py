"""The search index keeps every page's index entries across incremental builds.

Sphinx ranks a search hit on an index entry first ("main" entries: a skill's
place on the skills page, a PEP's own page). It collects the entries as it
writes each page, but does not read them back from the last build's index,
so an incremental build's searchindex.js holds only the rewritten pages'
entries (sphinx-doc/sphinx#12599). Before the index is written, each page's
entries are taken again from the index domain (which also holds those the
views add from the model, views/registry.py), as Sphinx's IndexBuilder.feed takes
them from the page; and words no page holds any longer (a date edited away)
are dropped, as Sphinx keeps them with no pages. The index is then the one a
clean build writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util.index_entries import split_index_msg

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _entries(index_entries: list[tuple]) -> list[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for entry_type, value, target_id, main, _key in index_entries:
        try:
            result = split_index_msg(entry_type, value)
        except ValueError:
            continue
        target_id = target_id or ""
        if entry_type in {"see", "seealso"}:
            found.add((result[0], target_id, main))
        found |= {(x, target_id, main) for x in result}
    return sorted(found)


def restore_index_entries(app: Sphinx) -> list:
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:  # no search index (the ePub, or html_search off)
        return []
    # The env's own dict, which the index is made from: every page, a removed
    # one no more, in the order a clean build feeds them (by name).
    entries = indexer._index_entries
    entries.clear()
    index = app.env.get_domain("index").entries
    for docname in sorted(app.env.found_docs):
        entries[docname] = _entries(index.get(docname, []))
    for mapping in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, docnames in mapping.items() if not docnames]:
            del mapping[word]
    return []  # no pages of our own to add


def setup(app: Sphinx) -> None:
    # html-collect-pages comes before the search index is written.
    app.connect("html-collect-pages", restore_index_entries)
