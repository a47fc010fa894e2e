"""The career model is read from front matter and checked once, after reading.

A good fixture site (tests/roots/test-career) builds without a warning and
gives the model its data; each bad input, fed to a copy of it, gives one
warning naming the file, line, field and what is allowed.
"""

from __future__ import annotations

import re
import shutil

import pytest

from portfolio.model import Project, YearMonth, career, duration

from tools.build import run_sphinx


@pytest.mark.sphinx("html", testroot="career", freshenv=True)
def test_a_good_site_builds_the_model_without_warnings(app, warning):
    app.build()
    assert not warning.getvalue()
    model = career(app.env)

    assert model.person.name == "Ada Example"
    assert model.person.skills == ["Packaging", "Security", "API Design"]
    assert model.today == YearMonth(2026, 1)  # from portfolio_source_date_epoch

    later, earlier = model.roles  # reverse chronological
    assert (later.label, later.end) == ("later", None)
    assert earlier.docname == "experience/earlier"
    assert earlier.title == "Developer, Example Corp"
    assert (earlier.start, earlier.end) == (YearMonth(2013, 12), YearMonth(2015, 5))
    assert earlier.dates == "Dec 2013 – May 2015"
    assert duration(earlier.months(model.today)) == "1 year 6 months"
    assert earlier.highlights == [
        "Designed a versioning scheme (PEP 440).",  # citations read as the résumé writes them
        "Wrote many tests.",
    ]

    assert model.projects == [Project("Python packaging", 2013, None), Project("Example Tools")]
    packaging, tools = model.projects
    assert (packaging.dates, tools.dates) == ("2013 – Current", "")  # as the résumé says it
    assert model.project("Python packaging") is packaging

    (versioning,) = model.contributions
    assert versioning.summary == "Designed the versioning standard (PEP 440)."
    assert (versioning.peps, versioning.roles) == (["pep440"], ["earlier"])

    assert list(model.peps) == ["pep440", "pep691"]
    pep = model.peps["pep691"]
    assert (pep.number, pep.year, pep.status) == (691, 2022, "Accepted")
    assert pep.title == "JSON-based Simple API for Python Package Indexes"
    assert pep.authors[0] == "Donald Stufft"

    # Backlinks come from the prose: a {ref} and a Markdown link.
    assert model.backlinks["experience/earlier"] == [
        "experience/later", "open-source/packaging/versioning",
    ]
    assert model.months_of_experience == YearMonth(2013, 12).months_to(YearMonth(2026, 1))


@pytest.mark.sphinx("html", testroot="career", srcdir="career-parallel", freshenv=True, parallel=2)
def test_a_parallel_build_gives_the_same_model(app, warning, make_app, tmp_path):
    app.build()
    assert not warning.getvalue()
    assert app.parallel == 2
    serial = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "serial", freshenv=True)
    serial.build()
    assert career(app.env) == career(serial.env)


# (file, text to replace, replacement, line of the warning, what it must say)
BAD_INPUTS = {
    "missing field": (
        "experience/earlier.md", "employer: Example Corp\n", "", 1,
        "missing field 'employer': required, text",
    ),
    "bad date": (
        "experience/earlier.md", "start: 2013-12", "start: 2013-13", 4,
        "field 'start': '2013-13' is not a year-month, YYYY-MM",
    ),
    "end before start": (
        "experience/earlier.md", "end: 2015-05", "end: 2012-05", 5,
        "field 'end': 2012-05 is before the start, 2013-12",
    ),
    "unknown skill": (
        "experience/earlier.md", "skills: [Packaging]", "skills: [Packaging, Cooking]", 6,
        "field 'skills[1]': 'Cooking' is not allowed; allowed: one of: API Design, Packaging, "
        "Security",
    ),
    "unknown language": (
        "experience/earlier.md", "languages: [Python]", "languages: [Cobol]", 7,
        "field 'languages[0]': 'Cobol' is not allowed; allowed: one of: Python",
    ),
    "unknown bib key": (
        "open-source/packaging/versioning.md", "peps: [pep440]", "peps: [pep9999]", 4,
        "field 'peps[0]': 'pep9999' is not allowed; allowed: one of: pep440, pep691",
    ),
    "unknown page reference": (
        "experience/earlier.md", "contributions: [versioning]", "contributions: [nowhere]", 8,
        "field 'contributions[0]': 'nowhere' is not allowed; allowed: one of: versioning",
    ),
    "relation not mirrored": (
        "open-source/packaging/versioning.md", "roles: [earlier]", "roles: []", 6,
        "field 'roles' lacks 'earlier'",
    ),
    "duplicate page id": (  # reported on the page read second
        "experience/earlier.md", "(earlier)=", "(later)=", 11,
        "duplicate page id 'later': experience/later.md already uses it",
    ),
    "missing page id": (
        "experience/later.md", "(later)=", "", 1,
        "page has no id",
    ),
    "unknown field": (
        "experience/later.md", "position:", "postion:", 3,
        "unknown field 'postion'; allowed fields: employer, position",
    ),
    "end not a date": (
        "experience/later.md", "end: present", "end: now", 5,
        "field 'end': 'now' is not a year-month, YYYY-MM, or \"present\"",
    ),
    "skill shown by no page": (
        "index.md", "skills: [Packaging,", "skills: [Threat Modeling, Packaging,", 10,
        "'Threat Modeling' is shown by no page",
    ),
    "bad project year": (
        "index.md", 'start: "2013"', 'start: "13"', 12,
        "field 'projects[0].start': '13' is not a year, \"YYYY\"",
    ),
    "project ends before it starts": (
        "index.md", "end: present}", 'end: "2012"}', 12,
        "field 'projects[0].end': 2012 is before the start, 2013",
    ),
    "project end without a start": (
        "index.md", "{name: Example Tools}", '{name: Example Tools, end: "2015"}', 13,
        "field 'projects[1]' has end but misses start",
    ),
    "project declared twice": (
        "index.md", "{name: Example Tools}", "{name: Python packaging}", 13,
        "field 'projects[1].name': 'Python packaging' is declared twice",
    ),
    "unknown project": (
        "open-source/packaging/versioning.md", "project: Python packaging", "project: Cooking", 2,
        "field 'project': 'Cooking' is not allowed; allowed: one of: Python packaging, "
        "Example Tools",
    ),
    "undeclared project heading": (
        "open-source/index.md", "{project} Python packaging", "{project} Cooking", 4,
        "project 'Cooking' is not declared: list it in 'projects' in the front matter of "
        "index.md",
    ),
    "not a list": (
        "open-source/packaging/versioning.md", "skills: [Packaging, API Design]",
        "skills: Packaging", 5, "field 'skills': 'Packaging' is not a list",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=BAD_INPUTS)
def test_a_bad_input_is_reported_at_its_field(case, make_app, rootdir, tmp_path):
    path, old, new, line, message = BAD_INPUTS[case]
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    page = src / path
    assert old in page.read_text()
    page.write_text(page.read_text().replace(old, new, 1))

    app = make_app("html", srcdir=src)
    app.build()

    warnings = app.warning.getvalue()
    assert f"{page}:{line}: WARNING: {message}" in warnings, warnings
    assert "[portfolio." in warnings


def test_malformed_yaml_is_reported_by_myst_with_file_and_line(make_app, rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    page = src / "experience" / "later.md"
    page.write_text(page.read_text().replace("skills: [Security]", "skills: [Security"))
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(rf"{re.escape(str(page))}:\d+: WARNING: Malformed YAML", warnings)


def test_a_bad_date_stops_the_real_build(site_copy, tmp_path):
    page = site_copy / "experience" / "rackspace.md"
    page.write_text(page.read_text().replace("start: 2013-12", "start: 2013-1"))
    result = run_sphinx("html", tmp_path / "html", tmp_path / "doctrees", site_copy)
    assert result.returncode != 0
    assert "rackspace.md:4: WARNING: field 'start': '2013-1' is not a year-month" in result.stderr
