"""The CSS pruner drops only rules that cannot match, and keeps what it can't judge."""

from __future__ import annotations

import sys

from tools.build import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
from portfolio.site.cssprune import parse, prune, read_properties


def pruned(css: str, *classes: str) -> str:
    return prune(parse(css), set(classes))


def test_a_rule_for_a_class_the_page_lacks_is_dropped():
    assert pruned(".a{color:red}.b{color:blue}", "a") == ".a{color:red}"


def test_a_rule_is_kept_when_any_of_its_selectors_can_match():
    assert pruned(".a p,.b{color:red}", "b") == ".a p,.b{color:red}"


def test_every_class_of_a_selector_is_needed():
    assert pruned(".a.b{x:1}.a .c{x:2}", "a", "b") == ".a.b{x:1}"


def test_rules_without_classes_or_ids_are_kept():
    css = ":root{--x:1}body{margin:0}a:hover{x:2}"
    assert pruned(css) == css


def test_a_rule_for_an_id_the_page_lacks_is_dropped():
    assert pruned("#a{x:1}#b .c{x:2}", "#a") == "#a{x:1}"


def test_classes_in_not_and_in_attribute_values_are_not_needed():
    css = '.a:not(.b){x:1}.a[href$=".pdf"]{x:2}'
    assert pruned(css, "a") == css


def test_selectors_it_cannot_judge_are_kept():
    css = ":is(.x,.y) p{x:1}.a:has(.z){x:2}"
    assert pruned(css) == css


def test_media_blocks_are_pruned_inside_and_dropped_when_empty():
    css = "@media (min-width:1px){.a{x:1}.b{x:2}}@media print{.b{x:3}}"
    assert pruned(css, "a") == "@media (min-width:1px){.a{x:1}}"


def test_nested_groups_and_other_blocks():
    css = ("@media not print{@media (prefers-color-scheme:dark){.a{x:1}.b{x:2}}}"
           "@keyframes k{0%{opacity:0}100%{opacity:1}}@font-face{font-family:f}")
    assert pruned(css, "a") == (
        "@media not print{@media (prefers-color-scheme:dark){.a{x:1}}}"
        "@keyframes k{0%{opacity:0}100%{opacity:1}}@font-face{font-family:f}"
    )


def test_braces_in_strings_and_comments_do_not_confuse_it():
    css = '/* .b{ */.a::after{content:"}{"}.b{background:url("data:x{y}")}'
    assert pruned(css, "a") == '.a::after{content:"}{"}'


def test_statements_without_blocks_are_kept():
    assert pruned('@charset "utf-8";.b{x:1}') == '@charset "utf-8";'


def test_with_every_class_present_nothing_is_lost():
    css = ".a{x:1}@media (min-width:1px){.b>.c{x:2}}.d:hover,.e{x:3}"
    assert pruned(css, "a", "b", "c", "d", "e") == css


def test_custom_properties_nothing_reads_are_dropped():
    css = ':root{--a:1;--b:url("x;y");--c:2}.k{color:var(--a)}.z{--d:1}'
    assert pruned_properties(css, {"--a"}, "k", "z") == ":root{--a:1}.k{color:var(--a)}"


def test_custom_properties_are_kept_without_a_list():
    css = ":root{--a:1;--b:2}"
    assert pruned(css) == css


def test_read_properties_finds_every_var():
    assert read_properties('.a{x:var(--one) var( --two,var(--three))}<p style="y:var(--four)">') \
        == {"--one", "--two", "--three", "--four"}


def pruned_properties(css: str, properties: set[str], *classes: str) -> str:
    return prune(parse(css), set(classes), properties)
