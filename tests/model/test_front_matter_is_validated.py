"""The career model is read from front matter and checked once, after reading.

A good fixture site (tests/roots/test-career) builds without a warning and
gives the model its data; each bad input, fed to a copy of it, gives one
warning naming the file, line, field and what is allowed.
"""

from __future__ import annotations

import re
import shutil

import pytest

from portfolio.model import Project, Relation, YearMonth, career, duration, read_person
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
    assert duration(model.months(earlier)) == "1 year 6 months"
    assert earlier.bullets == [
        "Designed a versioning scheme (PEP 440).",  # citations read as the résumé writes them
        "Wrote many tests in Python.",
    ]
    # Each tag with the résumé words that show it, and the bullet that holds them.
    assert earlier.skills == {"Packaging": "Designed a versioning scheme"}
    assert earlier.languages == {"Python": "tests in Python"}
    assert [earlier.shown_by(b) for b in earlier.bullets] == [["Packaging"], ["Python"]]
    assert model.relations == [
        Relation("earlier", "versioning", "Designed a versioning scheme (PEP 440)")]
    assert model.relation("earlier", "versioning") is model.relations[0]

    assert model.projects == [Project("Python packaging", 2013, None), Project("Example Tools")]
    packaging, tools = model.projects
    assert (packaging.dates, tools.dates) == ("2013 – Current", "")  # as the résumé says it
    assert model.project("Python packaging") is packaging

    (versioning,) = model.contributions
    assert versioning.bullet == "Designed the versioning standard (PEP 440)."
    assert (versioning.peps, versioning.roles) == (["pep440"], ["earlier"])
    assert versioning.skills == {"Packaging": "the versioning standard"}
    assert versioning.shown_by(versioning.bullet) == ["Packaging"]

    assert list(model.peps) == ["pep440", "pep691"]
    pep = model.peps["pep691"]
    assert (pep.number, pep.year, pep.status) == (691, 2022, "Accepted")
    assert pep.title == "JSON-based Simple API for Python Package Indexes"
    assert pep.authors[0] == "Donald Stufft"

    # Backlinks come from the prose: a {ref} and a Markdown link.
    assert model.backlinks["experience/earlier"] == [
        "experience/later", "open-source/packaging/versioning",
    ]
    # The months the roles cover: Dec 2013 - May 2015, then Jan 2020 - today.
    assert model.months_of_experience == 18 + YearMonth(2020, 1).months_to(YearMonth(2026, 1))


def test_conf_py_reads_the_person_through_the_schema(rootdir, tmp_path):
    """conf.py's reader (project, author, Open Graph, ePub) is the model's:
    a field the schema rejects is empty there, not its raw value."""
    index = rootdir / "test-career" / "index.md"
    person = read_person(index)
    assert (person.name, person.headline) == ("Ada Example", "Software Engineer")
    bad = tmp_path / "index.md"
    bad.write_text(index.read_text().replace("name: Ada Example", "name: [Ada, Example]"))
    assert (read_person(bad).name, read_person(bad).headline) == ("", "Software Engineer")


@pytest.mark.sphinx("html", testroot="career", srcdir="career-parallel", freshenv=True, parallel=2)
def test_a_parallel_build_gives_the_same_model(app, warning, make_app, tmp_path):
    app.build()
    assert not warning.getvalue()
    assert app.parallel == 2
    serial = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "serial", freshenv=True)
    serial.build()
    assert career(app.env) == career(serial.env)


# (file, text to replace, replacement, line of the warning (or the file and line,
# when another page reports it), what it must say)
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
        "experience/earlier.md", "  Packaging: Designed a versioning scheme\n",
        "  Packaging: Designed a versioning scheme\n  Cooking: Wrote\n", 8,
        "field 'skills': unknown skill 'Cooking'; skills are declared in index.md's `skills:` "
        "(line 10)",
    ),
    "unknown language": (
        "experience/earlier.md", "Python: tests in Python", "Cobol: tests in Python", 9,
        "field 'languages': unknown language 'Cobol'; languages are declared in index.md's "
        "`languages:` (line 9)",
    ),
    "tag without its words": (
        "experience/earlier.md", "Packaging: Designed a versioning scheme",
        "Packaging: Designed a build system", 7,
        "field 'skills.Packaging': “Designed a build system” is not in the bullets of this "
        "role; give the résumé words there that show 'Packaging', or remove the tag",
    ),
    "language without its words": (
        "experience/earlier.md", "Python: tests in Python", "Python: tests in Rust", 9,
        "field 'languages.Python': “tests in Rust” is not in the bullets of this role",
    ),
    "contribution tag without its words": (  # words elsewhere on the page do not count
        "open-source/packaging/versioning.md", "Packaging: the versioning standard",
        "Packaging: Done at", 6,
        "field 'skills.Packaging': “Done at” is not in the résumé bullet, the page's first "
        "paragraph",
    ),
    "tag with no words": (
        "open-source/packaging/versioning.md", "Packaging: the versioning standard",
        "Packaging:", 6,
        "field 'skills.Packaging': None is not text",
    ),
    "relation the résumé does not make": (
        "index.md", "- {role: earlier, contribution: versioning,",
        "- {role: later, contribution: versioning,", 15,
        "field 'relations[0]': later – versioning is listed but no role page states it",
    ),
    "relation stated but not listed": (  # reported on the role page's field
        "index.md", "relations:\n  - {role: earlier, contribution: versioning, "
        "evidence: Designed a versioning scheme (PEP 440)}\n", "",
        ("experience/earlier.md", 10),
        "field 'contributions[0]': the résumé does not relate this role to 'versioning'",
    ),
    "relation without its words": (
        "index.md", "evidence: Designed a versioning scheme (PEP 440)",
        "evidence: Designed everything", 15,
        "field 'relations[0].evidence': “Designed everything” is not in the bullets of "
        "experience/earlier.md",
    ),
    "unknown bib key": (
        "open-source/packaging/versioning.md", "peps: [pep440]", "peps: [pep9999]", 4,
        "field 'peps[0]': unknown cite key 'pep9999'; cite keys are declared in peps.bib",
    ),
    "unknown page reference": (
        "experience/earlier.md", "contributions: [versioning]", "contributions: [nowhere]", 10,
        "field 'contributions[0]': unknown contribution page label 'nowhere'; a page declares "
        "its label as `(label)=` on the line before its title, in open-source/",
    ),
    "relation not mirrored": (
        "open-source/packaging/versioning.md", "roles: [earlier]", "roles: []", 7,
        "field 'roles' lacks 'earlier'",
    ),
    "duplicate page id": (  # reported on the page read second
        "experience/earlier.md", "(earlier)=", "(later)=", 13,
        "duplicate page id 'later': experience/later.md already uses it",
    ),
    "missing page id": (
        "experience/later.md", "(later)=", "", 1,
        "page has no id",
    ),
    "unknown field": (
        "experience/later.md", "position:", "postion:", 3,
        "unknown field 'postion'; did you mean 'position'? allowed fields: employer, position",
    ),
    "end not a date": (
        "experience/later.md", "end: present", "end: now", 5,
        "field 'end': 'now' is not a year-month, YYYY-MM, or \"present\"",
    ),
    # Line 23 holds it: sphinx-design reports a card's body one line low
    # (executablebooks/sphinx-design#265, "error locations inside cards are off").
    "a card's bullet names no contribution": (
        "index.md", "{bullet}`versioning`", "{bullet}`versoning`", 24,
        "{bullet}: unknown contribution page label 'versoning'; did you mean 'versioning'? a "
        "page declares its label as `(label)=` on the line before its title, in open-source/",
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
        "field 'project': unknown project 'Cooking'; projects are declared in index.md's "
        "`projects:` (line 11)",
    ),
    "undeclared project heading": (
        "open-source/index.md", "{project} Python packaging", "{project} Cooking", 4,
        "project 'Cooking' is not declared: list it in 'projects' in the front matter of "
        "index.md",
    ),
    "contribution under another project's heading": (
        "open-source/index.md", "{project} Python packaging", "{project} Example Tools",
        ("open-source/packaging/versioning.md", 2),
        "field 'project': 'Python packaging', but the toctree at open-source/index.md:7 lists "
        "this page under the project 'Example Tools'; move the page's entry under its "
        "project's heading there, or correct this field",
    ),
    "roles out of date order": (
        "experience/index.md", "later\nearlier", "earlier\nlater", 4,
        "the toctree lists 'earlier' (Dec 2013 – May 2015) before 'later' (Jan 2020 – "
        "present), which is more recent; list the roles most recent first, as the résumé does",
    ),
    "a section's skill not in the taxonomy": (
        "index.md", "relations:\n",
        "section_skills:\n  Open Source Contributions: [Packaging, Cooking]\nrelations:\n", 15,
        "field 'section_skills.Open Source Contributions[1]': unknown skill 'Cooking'; skills "
        "are declared in index.md's `skills:`",
    ),
    "a section the résumé does not have": (
        "index.md", "relations:\n", "section_skills:\n  Side Projects: [Packaging]\nrelations:\n",
        15, "field 'section_skills': 'Side Projects' is not allowed; allowed: one of: Open "
        "Source Contributions",
    ),
    # A slip gets the closest names, and where the names are declared.
    "misspelt skill": (
        "experience/earlier.md", "  Packaging: Designed", "  Pakaging: Designed", 7,
        "field 'skills': unknown skill 'Pakaging'; did you mean 'Packaging'? skills are "
        "declared in index.md's `skills:` (line 10)",
    ),
    "misspelt cite key": (
        "open-source/packaging/versioning.md", "peps: [pep440]", "peps: [pep-440]", 4,
        "field 'peps[0]': unknown cite key 'pep-440'; did you mean 'pep440'? cite keys are "
        "declared in peps.bib",
    ),
    "misspelt page label": (
        "experience/earlier.md", "contributions: [versioning]", "contributions: [versoning]",
        10, "field 'contributions[0]': unknown contribution page label 'versoning'; did you "
        "mean 'versioning'?",
    ),
    "misspelt role label": (
        "open-source/packaging/versioning.md", "roles: [earlier]", "roles: [Earlier]", 7,
        "field 'roles[0]': unknown role page label 'Earlier'; did you mean 'earlier'? a page "
        "declares its label as `(label)=` on the line before its title, in experience/",
    ),
    "misspelt project": (
        "open-source/packaging/versioning.md", "project: Python packaging",
        "project: Python packagin", 2,
        "field 'project': unknown project 'Python packagin'; did you mean 'Python packaging'?",
    ),
    # YAML keeps the last of two values silently; the build names both lines.
    "key given twice": (
        "experience/earlier.md", "end: 2015-05\n", "end: 2015-05\nend: present\n", 6,
        "`end` is given twice (lines 5 and 6); keep one",
    ),
    "key given twice, deeper": (
        "experience/earlier.md", "  Python: tests in Python\n",
        "  Python: tests in Python\n  Python: Wrote\n", 10,
        "`languages.Python` is given twice (lines 9 and 10); keep one",
    ),
    "key given twice on the landing page": (
        "index.md", "location: Example City\n", "location: Example City\nlocation: Elsewhere\n",
        5, "`location` is given twice (lines 4 and 5); keep one",
    ),
    "not a list": (
        "open-source/packaging/versioning.md", "peps: [pep440]",
        "peps: pep440", 4, "field 'peps': 'pep440' is not a list",
    ),
    "not a mapping": (
        "open-source/packaging/versioning.md", "skills:\n  Packaging: the versioning standard",
        "skills: Packaging", 5, "field 'skills': 'Packaging' is not a mapping",
    ),
}


# Mistakes that leave more than one thing wrong, each reported where it is.
MORE_THAN_ONE_WARNING = {
    # The relation index.md lists is stated by no role, and the one the role
    # states is not listed.
    "relation the résumé does not make",
    # The label is taken twice (Sphinx says so too), and the old one is gone:
    # the pages that name it, in front matter and prose, point nowhere.
    "duplicate page id",
}


def build_edited(make_app, root, src, path, old, new, builder="html"):
    """Build ``src``, a copy of the ``root`` test site with ``old`` replaced
    by ``new`` once in ``path``; the edited page and the build's warnings."""
    if not src.exists():
        shutil.copytree(root, src)
    page = src / path
    assert old in page.read_text()
    page.write_text(page.read_text().replace(old, new, 1))
    app = make_app(builder, srcdir=src)
    app.build()
    return page, app.warning.getvalue()


@pytest.mark.parametrize("case", BAD_INPUTS, ids=BAD_INPUTS)
def test_a_bad_input_is_reported_at_its_field(case, make_app, rootdir, tmp_path):
    path, old, new, line, message = BAD_INPUTS[case]
    src = tmp_path / "career"
    page, warnings = build_edited(make_app, rootdir / "test-career", src, path, old, new)
    if isinstance(line, tuple):  # reported on another page
        page, line = src / line[0], line[1]
    assert f"{page}:{line}: WARNING: {message}" in warnings, warnings
    assert "[portfolio." in warnings
    if case not in MORE_THAN_ONE_WARNING:
        assert warnings.count("WARNING") == 1, warnings  # one mistake, one warning


def test_a_folder_holds_one_projects_pages(make_app, rootdir, tmp_path):
    """A page in another project's folder is reported at its 'project' field,
    though its toctree heading agrees with the field."""
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    page = src / "open-source" / "packaging" / "tooling.md"
    page.write_text((src / "open-source" / "packaging" / "versioning.md").read_text()
                    .replace("project: Python packaging", "project: Example Tools")
                    .replace("roles: [earlier]", "roles: []")
                    .replace("(versioning)=\n# Versioning", "(tooling)=\n# Tooling"))
    index = src / "open-source" / "index.md"
    index.write_text(index.read_text() + "\n```{project} Example Tools\n```\n\n"
                     "```{toctree}\npackaging/tooling\n```\n")

    app = make_app("html", srcdir=src)
    app.build()

    warnings = app.warning.getvalue()
    assert (f"{page}:2: WARNING: field 'project': 'Example Tools', but open-source/packaging/ "
            "holds the pages of 'Python packaging' (open-source/packaging/versioning.md); a "
            "folder holds one project's pages: move this page to its project's folder, or "
            "correct this field") in warnings, warnings
    assert warnings.count("WARNING") == 1, warnings


def test_malformed_yaml_is_reported_by_myst_with_file_and_line(make_app, rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    page = src / "experience" / "later.md"
    page.write_text(page.read_text().replace("skills: {Security: Secured things}",
                                             "skills: {Security: Secured things"))
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
    # The build fails: no minute of LuaLaTeX for a career with a mistake in it.
    assert ("résumé variants: not typeset, the front matter has 1 mistake(s) (above)"
            in result.stdout)
    assert not (tmp_path / "doctrees" / "resumes-work").exists()


# Mistakes on what the landing page names (in 'relations', a card's
# {bullet}, the résumé's 'priority' and a variant's focus):
# (file, text, replacement, warning).
NAMED_PAGE_MISTAKES = {
    "end before start": (
        "experience/earlier.md", "end: 2015-05", "end: 2012-05", "field 'end': 2012-05 is "
        "before the start"),
    "unknown skill": (
        "experience/earlier.md", "  Packaging: Designed", "  Pakaging: Designed",
        "unknown skill 'Pakaging'"),
    "key given twice": (
        "experience/earlier.md", "end: 2015-05\n", "end: 2015-05\nend: present\n",
        "`end` is given twice"),
    "contribution of an unknown kind": (
        "open-source/packaging/versioning.md", "kind: standard", "kind: recipe",
        "field 'kind': 'recipe' is not allowed"),
    "project that ends before it starts": (  # a variant's focus names it
        "index.md", "end: present}", 'end: "2012"}',
        "field 'projects[0].end': 2012 is before the start, 2013"),
}


@pytest.mark.parametrize("case", NAMED_PAGE_MISTAKES, ids=NAMED_PAGE_MISTAKES)
def test_a_mistake_on_a_named_page_is_reported_once(case, make_app, rootdir, tmp_path):
    """Only the page with the mistake is reported: not the landing page,
    whose references to it are right. (The dummy builder reads and checks
    every page and typesets no résumé.)"""
    path, old, new, message = NAMED_PAGE_MISTAKES[case]
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    index = src / "index.md"
    index.write_text(index.read_text().replace("\n---\n", (
        "\nresume:\n  priority: [later, earlier, versioning]\n"
        "  variants:\n    - {name: resume, pages: 1}\n"
        "    - {name: resume-packaging, focus: {projects: [Python packaging]}, pages: 1}\n"
        "---\n"), 1))
    page, warnings = build_edited(make_app, rootdir / "test-career", src, path, old, new,
                                  builder="dummy")
    assert f"{page}:" in warnings, warnings
    assert message in warnings, warnings
    assert warnings.count("WARNING") == 1, warnings
