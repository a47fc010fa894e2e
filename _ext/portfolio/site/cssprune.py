"""Keep the rules of a stylesheet that can match a page, drop the others.

A rule is dropped only when it surely cannot apply: each of its selectors
names a class or an id the page doesn't have (ids are given as "#id").
Anything it is unsure of (``:is()``, ``:where()``, ``:has()``, at-rules other
than grouping ones) is kept. The stylesheet is read by tinycss2, the CSS
parser WeasyPrint uses: strings, comments, escapes and nested blocks are its
to get right. Parse a sheet once with ``parse``, then ``prune`` it per page.

``prune`` can also drop custom properties (``--name: value``) that nothing
on the page reads: sphinx-design declares some eighty colours, and a page
of cards reads six of them.
"""

from __future__ import annotations

import re

import tinycss2
from tinycss2 import ast

# At-rules holding rules, pruned inside; other blocks (@keyframes,
# @font-face ...) are kept whole.
GROUPS = frozenset({"media", "supports", "container", "layer"})
# Pseudo-classes whose arguments may match anything: a selector using one is kept.
UNSURE = frozenset({"is", "where", "has", "matches"})
# var(--name): what CSS, or HTML holding CSS (inline styles), reads.
_VAR = re.compile(r"var\(\s*(--[\w-]+)")

Sheet = tuple[ast.Node, ...]


def parse(css: str) -> Sheet:
    return tuple(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _needs(prelude: list[ast.Node]) -> tuple[frozenset[str], ...] | None:
    """The classes and "#ids" each selector needs; None: keep the rule."""
    needs = []
    for selector in _selectors(prelude):
        found: set[str] = set()
        for before, token in zip([None, *selector], selector, strict=False):
            if token.type == "function" and token.lower_name in UNSURE:
                return None
            # A class inside :not() or an attribute's value need not be on the page.
            if token.type == "ident" and before is not None and before.type == "literal" \
                    and before.value == ".":
                found.add(token.value)
            elif token.type == "hash" and token.is_identifier:
                found.add(f"#{token.value}")
        needs.append(frozenset(found))
    return tuple(needs)


def _declarations(rule: ast.QualifiedRule, properties: set[str] | None) -> str:
    """The rule's declarations as written, less custom properties not in properties."""
    if properties is None:
        return tinycss2.serialize(rule.content)
    parts = tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                           skip_whitespace=True)
    kept = [part for part in parts if part.type != "declaration"
            or not part.name.startswith("--") or part.name in properties]
    if len(kept) == len(parts):
        return tinycss2.serialize(rule.content)
    return ";".join(
        f"{part.name}:{tinycss2.serialize(part.value).strip()}"
        + ("!important" if part.important else "")
        if part.type == "declaration" else part.serialize() for part in kept)


def prune(sheet: Sheet, names: set[str] | frozenset[str],
          properties: set[str] | None = None) -> str:
    """The rules of a parsed sheet that can match a page with these class
    names and "#ids"; given properties, only the custom properties among
    them are declared."""
    out = []
    for rule in sheet:
        prelude = tinycss2.serialize(rule.prelude) if rule.type != "error" else ""
        if rule.type == "at-rule" and rule.lower_at_keyword in GROUPS \
                and rule.content is not None:
            inner = prune(parse(tinycss2.serialize(rule.content)), names, properties)
            if inner:
                out.append(f"@{rule.at_keyword}{prelude}{{{inner}}}")
        elif rule.type == "qualified-rule":
            needs = _needs(rule.prelude)
            can_match = needs is None or any(need <= names for need in needs)
            if can_match and (body := _declarations(rule, properties)):
                out.append(f"{prelude}{{{body}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return "".join(out)


def read_properties(text: str) -> set[str]:
    """The custom properties that CSS or HTML text reads with var()."""
    return set(_VAR.findall(text))
