r"""How relevant each of the résumé's bullets is to a text: a focus's names,
the résumé's own summary, or a job posting.

Words are found, filtered and stemmed as the site's search finds them
(Sphinx's English search language, ``sphinx.search.en``: words as ``\w+``
finds them, its stop words, snowballstemmer's English stemmer), so
"packaging" and "packages" are one term here as in search; a unit test
holds the two to each other. Bullets are scored with Okapi BM25 over the
résumé's bullets: a term counts more in a short bullet, and less the more
bullets carry it. Deterministic and offline. Pure: no Sphinx here.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass

import snowballstemmer

K1, B = 1.2, 0.75  # BM25's usual constants: term frequency saturation, length weight
WORD = re.compile(r"\w+")  # Sphinx's SearchLanguage splits words so
# Sphinx's English stop words that a word can be (none with an apostrophe:
# \w+ splits those in two).
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by cannot could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself me more most my myself no nor not of off on once only or other ought our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why with would you your yours yourself yourselves
""".split())
# A stemmer keeps its word as it works: one per thread (variants are
# typeset two at a time).
_local = threading.local()


@functools.cache  # a few hundred words, each met many times a build
def stem(word: str) -> str:
    if not hasattr(_local, "english"):
        _local.english = snowballstemmer.stemmer("english")
    return _local.english.stemWord(word.lower())


def words(text: str) -> list[tuple[str, str]]:
    """(word, its stem) for each word of ``text`` that search would index:
    no stop words, no numbers, no single letters."""
    found = []
    for word in WORD.findall(text):
        lower = word.lower()
        if len(lower) > 1 and not lower.isdigit() and lower not in STOPWORDS:
            found.append((word, stem(lower)))
    return found


def terms(text: str) -> list[str]:
    """The stems of ``text``'s words, in order, repeats kept."""
    return [stem for _, stem in words(text)]


@dataclass(frozen=True)
class Index:
    """BM25 over a set of texts (the bullets)."""

    docs: list[list[str]]  # each text's terms

    @classmethod
    def of(cls, texts: list[str]) -> Index:
        return cls([terms(text) for text in texts])

    def idf(self, term: str) -> float:
        n = sum(term in doc for doc in self.docs)
        return math.log(1 + (len(self.docs) - n + 0.5) / (n + 0.5))

    def score(self, query: list[str], i: int) -> float:
        """How well text ``i`` answers ``query`` (terms; each counted once)."""
        doc = self.docs[i]
        average = sum(map(len, self.docs)) / len(self.docs) or 1
        counts = Counter(doc)
        total = 0.0
        for term in dict.fromkeys(query):
            tf = counts[term]
            if tf:
                total += self.idf(term) * tf * (K1 + 1) / (
                    tf + K1 * (1 - B + B * len(doc) / average))
        return total


@dataclass(frozen=True)
class Term:
    """A term of a job posting: how the posting writes it, how often, and
    which parts of the résumé carry it."""

    word: str  # the posting's most frequent spelling of it
    count: int
    carriers: list[str]


def coverage(posting: str, parts: dict[str, str],
             frequent: int = 2) -> tuple[list[Term], list[Term]]:
    """The posting's terms that ``parts`` (the résumé's bullets, skills ...,
    by name) carry, the posting's most frequent first, each with the parts
    that carry it; and the terms it uses at least ``frequent`` times that no
    part carries: what the résumé does not say."""
    found = words(posting)
    spellings: dict[str, Counter] = {}
    for word, stem in found:
        spellings.setdefault(stem, Counter())[word.lower()] += 1
    carried = {name: set(terms(text)) for name, text in parts.items()}
    covered, missing = [], []
    for stem, count in Counter(stem for _, stem in found).most_common():
        word = spellings[stem].most_common(1)[0][0]
        carriers = [name for name, stems in carried.items() if stem in stems]
        if carriers:
            covered.append(Term(word, count, carriers))
        elif count >= frequent:
            missing.append(Term(word, count, []))
    return covered, missing
