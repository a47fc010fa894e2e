"""The real site's own slips, as the owner makes them, each stop the build
with exactly one error, at the page and line of the mistake: nothing about
index.md, whose references to that page are right. The ``dummy`` builder
reads and checks every page, as every format does, and typesets nothing."""

from __future__ import annotations

import pytest

from tools.build import run_sphinx

# (text in experience/aws.md, replacement, the one error)
MISTAKES = {
    # YAML would keep the last value: the timeline would say "present".
    "end added under the end": (
        "end: 2019-10\n", "end: 2019-10\nend: present\n",
        "aws.md:6: WARNING: `end` is given twice (lines 5 and 6); keep one"),
    "end before start": (
        "end: 2019-10", "end: 2015-10",
        "aws.md:5: WARNING: field 'end': 2015-10 is before the start, 2016-12"),
    "misspelt skill": (
        "  Packaging: Refactored", "  Pakaging: Refactored",
        "aws.md:8: WARNING: field 'skills': unknown skill 'Pakaging'; did you mean "
        "'Packaging'? skills are declared in index.md's `skills:` (line {skills})"),
}


@pytest.mark.parametrize("case", MISTAKES, ids=MISTAKES)
def test_a_mistake_in_a_role_gives_one_error(case, site_copy, tmp_path):
    old, new, error = MISTAKES[case]
    page = site_copy / "experience" / "aws.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    index = (site_copy / "index.md").read_text(encoding="utf-8").splitlines()
    error = error.format(skills=index.index("skills:") + 1)
    result = run_sphinx("dummy", tmp_path / "dummy", tmp_path / "doctrees", site_copy)
    assert result.returncode != 0
    assert error in result.stderr, result.stderr
    assert result.stderr.count("WARNING") == 1, result.stderr
