"""What the front-matter reader and the messages make of an owner's slips,
without a build: a key given twice is found at any depth with both its
lines, and an unknown name gets the closest known names."""

from __future__ import annotations

from portfolio.model.frontmatter import read_front_matter
from portfolio.model.schema import Names, name_of, problems
from portfolio.shared import close_names, unknown_name


def _page(tmp_path, front: str):
    page = tmp_path / "page.md"
    page.write_text(f"---\n{front}---\n\n# Title\n", encoding="utf-8")
    return read_front_matter(page)


def test_a_key_given_twice_is_found_with_both_lines(tmp_path):
    front = _page(tmp_path, "start: 2016-12\nend: 2019-10\nend: present\n")
    assert front.duplicates == [(("end",), 3, 4)]  # the file's lines: "---" is line 1
    assert front.data["end"] == "present"  # as YAML keeps it; the build reports it


def test_a_key_given_twice_is_found_at_any_depth(tmp_path):
    front = _page(tmp_path, (
        "skills:\n  Packaging: one\n  Security: two\n  Packaging: three\n"
        "projects:\n  - {name: A, name: B}\n"))
    assert front.duplicates == [(("skills", "Packaging"), 3, 5), (("projects", 0, "name"), 7, 7)]


def test_keys_given_once_are_no_duplicates(tmp_path):
    front = _page(tmp_path, "end: present\nskills: {Packaging: one}\nother: {end: 2019-10}\n")
    assert front.duplicates == []


def test_a_slip_gets_the_closest_names():
    known = ["API Design", "Packaging", "Security", "Supply Chain Security"]
    assert close_names("Pakaging", known) == ["Packaging"]
    assert close_names("packaging", known) == ["Packaging"]  # whatever the case
    assert close_names("Supply", known) == ["Supply Chain Security"]  # a name's beginning
    assert close_names("Cooking", known) == []


def test_an_unknown_name_says_where_names_are_declared_not_all_of_them():
    declared = "skills are declared in index.md's `skills:` (line 18)"
    known = ["API Design", "Packaging", "Security"]
    assert unknown_name("skill", "Pakaging", known, declared) == (
        "unknown skill 'Pakaging'; did you mean 'Packaging'? skills are declared in "
        "index.md's `skills:` (line 18)")
    assert unknown_name("skill", "Cooking", known, declared) == (
        "unknown skill 'Cooking'; skills are declared in index.md's `skills:` (line 18)")
    assert unknown_name("skill", "Cooking", [], declared).startswith(
        "unknown skill 'Cooking'; none are declared yet;")


def test_the_schema_names_an_unknown_name_with_the_suggestion():
    names = Names(["pep440", "pep691"], "cite key", "cite keys are declared in peps.bib")
    schema = {"type": "object", "properties": {"peps": {"type": "array",
                                                        "items": name_of(names, "bib keys")}}}
    assert list(problems(schema, {"peps": ["pep-440"]})) == [
        (("peps", 0), "field 'peps[0]': unknown cite key 'pep-440'; did you mean 'pep440'? "
                      "cite keys are declared in peps.bib")]


def test_a_misspelt_required_field_is_one_problem():
    schema = {"type": "object", "required": ["position"],
              "properties": {"position": {"type": "string"}}, "additionalProperties": False}
    assert list(problems(schema, {"postion": "Developer"})) == [
        (("postion",), "unknown field 'postion'; did you mean 'position'? allowed fields: "
                       "position")]
    assert [path for path, _ in problems(schema, {})] == [("position",)]
