"""Keep the rules of a stylesheet that can match a page, drop the others.

A rule is dropped only when it surely cannot apply: each of its selectors
names a class or an id the page doesn't have (ids are given as "#id"). Anything
this small parser is unsure of
(``:is()``, ``:where()``, ``:has()``, at-rules other than grouping ones) is
kept. Parse a sheet once with ``parse``, then ``prune`` it for each page.

``prune`` can also drop custom properties (``--name: value``) that nothing
on the page reads: sphinx-design declares some eighty colours, and a page
of cards reads six of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# At-rules holding rules, pruned inside; other blocks (@keyframes,
# @font-face ...) are kept whole.
_GROUPS = ("@media", "@supports", "@container", "@layer")
_UNSURE = re.compile(r":(?:is|where|has|matches)\(")
_NOT = re.compile(r":not\([^()]*\)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_CUSTOM_PROPERTY = re.compile(r"\s*(--[\w-]+)\s*:")


@dataclass(frozen=True)
class Rule:
    prelude: str  # selectors, or an at-rule's name and condition
    body: str | None  # declarations as written; None: a statement (@import ...;)
    # The classes and "#ids" each selector needs; None: always kept.
    needs: tuple[frozenset[str], ...] | None

    def text(self, properties: set[str] | None = None) -> str:
        """The rule as written, less custom properties not in properties."""
        if self.body is None:
            return self.prelude
        body = self.body
        if properties is not None and not self.prelude.startswith("@"):
            declarations = [
                d for d in _split_top(body, ";")
                if not (m := _CUSTOM_PROPERTY.match(d)) or m.group(1) in properties
            ]
            if not any(d.strip() for d in declarations):
                return ""
            body = ";".join(declarations)
        return f"{self.prelude}{{{body}}}"


@dataclass(frozen=True)
class Group:
    prelude: str  # @media (...)
    rules: tuple[Rule | Group, ...]


def _split_top(text: str, sep: str) -> list[str]:
    """Split on sep outside strings, parentheses and brackets."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, c in enumerate(text):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _needs(prelude: str) -> tuple[frozenset[str], ...] | None:
    if prelude.startswith("@"):
        return None
    needs = []
    for selector in _split_top(prelude, ","):
        if _UNSURE.search(selector):
            return None
        # A class inside :not() or an attribute value need not be on the page.
        plain = _ATTRIBUTE.sub("", _NOT.sub("", selector))
        needs.append(frozenset(_CLASS.findall(plain)) | {f"#{i}" for i in _ID.findall(plain)})
    return tuple(needs)


def _end_of_block(css: str, i: int) -> int:
    """The index just past the "}" closing the block opened at css[i]."""
    depth, j = 0, i
    while True:
        c = css[j]
        if c in "\"'":
            j = css.index(c, j + 1)
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if not depth:
                return j + 1
        j += 1


def parse(css: str) -> tuple[Rule | Group, ...]:
    css = _COMMENT.sub("", css)
    rules: list[Rule | Group] = []
    i = start = 0
    while i < len(css):
        c = css[i]
        if c in "\"'":  # a string: skip it
            i = css.index(c, i + 1) + 1
        elif c == ";":  # a statement without a block, such as @import
            rules.append(Rule(css[start:i + 1].strip(), None, None))
            start = i = i + 1
        elif c == "{":
            end = _end_of_block(css, i)
            prelude, body = css[start:i].strip(), css[i + 1:end - 1]
            if prelude.startswith(_GROUPS):
                rules.append(Group(prelude, parse(body)))
            else:
                rules.append(Rule(prelude, body, _needs(prelude)))
            start = i = end
        else:
            i += 1
    return tuple(rules)


def prune(sheet: tuple[Rule | Group, ...], names: set[str] | frozenset[str],
          properties: set[str] | None = None) -> str:
    """The rules of a parsed sheet that can match a page with these class
    names and "#ids"; given properties, only the custom properties among
    them are declared."""
    out = []
    for rule in sheet:
        if isinstance(rule, Group):
            if inner := prune(rule.rules, names, properties):
                out.append(f"{rule.prelude}{{{inner}}}")
        elif rule.needs is None or any(need <= names for need in rule.needs):
            out.append(rule.text(properties))
    return "".join(out)


def read_properties(text: str) -> set[str]:
    """The custom properties that CSS or HTML text reads with var()."""
    return set(_VAR.findall(text))
