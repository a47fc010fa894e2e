"""The résumé's relevance ranking finds words as the site's search does:
Sphinx's English search language splits, drops and stems them alike, so a
change in Sphinx's stop words or stemmer shows here."""

from __future__ import annotations

from sphinx.search.en import SearchEnglish

from portfolio.resume import relevance

TEXT = ("Designed and implemented the versioning standard for Python packages; "
        "packaging's supply chains, securing PyPI's mirrors")


def test_the_stop_words_are_sphinxs():
    assert {w for w in SearchEnglish.stopwords if "'" not in w} == relevance.STOPWORDS


def test_words_are_split_and_stemmed_as_search_does():
    english = SearchEnglish({})
    expected = [english.stem(w) for w in english.split(TEXT)
                if len(w) > 1 and w.lower() not in english.stopwords]
    assert relevance.terms(TEXT) == expected
    assert relevance.stem("packaging") == relevance.stem("packages")


def test_bm25_ranks_the_text_with_the_rarer_term_first():
    index = relevance.Index.of(["python packaging", "python security", "python"])
    query = relevance.terms("packaging security")
    assert index.score(query, 0) > 0
    assert index.score(query, 2) == 0
    assert index.score(relevance.terms("python"), 2) > index.score(relevance.terms("python"), 0)
