"""The README's "Adding a role" and "Adding a contribution", followed as
written: their templates build without a warning on the fixture site, and on
a copy of the real site a new current role (a made-up employer, June 2025 to
present) and a new contribution, added as the README says and nothing else,
show on their pages, in the timeline or under their project, in resume.json
and on the PDF's résumé pages, in the portfolio PDF and the standalone one."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from portfolio.model import career
from support import pages
from support.pdftext import pdftotext
from support.sources import copy_sources
from tools.build import ROOT, Outputs, Plan, captured


def _template(heading: str) -> str:
    """The first Markdown code block under ``heading`` in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.split(rf"^#+ {re.escape(heading)}$", readme, maxsplit=1, flags=re.M)[1]
    section = re.split(r"^#+ ", section, maxsplit=1, flags=re.M)[0]
    block = re.search(r"^( *)```markdown\n(.*?)^\1```$", section, re.S | re.M)
    assert block, f"README.md's “{heading}” has no Markdown template"
    return textwrap.dedent(block.group(2))


def _label(page: str) -> str:
    return re.search(r"^\(([\w-]+)\)=$", page, re.M).group(1)


def _add_to_toctree(index, entry: str, after: str = r"```\{toctree\}\n(:\w+:.*\n)*\n?") -> None:
    """List ``entry`` first in the page's first toctree, or after ``after``."""
    text = index.read_text(encoding="utf-8")
    new, count = re.subn(rf"({after})", rf"\g<1>{entry}\n", text, count=1)
    assert count, f"{index} has no {after!r}"
    index.write_text(new, encoding="utf-8")


@pytest.fixture
def srcdir(rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    return src


def test_the_templates_build_as_written(make_app, srcdir):
    role, contribution = _template("Adding a role"), _template("Adding a contribution")
    (srcdir / "experience" / f"{_label(role)}.md").write_text(role, encoding="utf-8")
    _add_to_toctree(srcdir / "experience" / "index.md", _label(role))
    (srcdir / "open-source" / "packaging" / f"{_label(contribution)}.md").write_text(
        contribution, encoding="utf-8")
    _add_to_toctree(srcdir / "open-source" / "index.md", f"packaging/{_label(contribution)}")

    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()

    assert not app.warning.getvalue()
    model = career(app.env)
    new_role = model.role(_label(role))
    new_contribution = model.contribution(_label(contribution))
    assert new_role
    assert new_role.skills
    assert new_role.bullets
    assert new_contribution
    assert new_contribution.skills
    assert new_contribution.bullet


def _edited(template: str, edits: dict[str, str]) -> str:
    """The template with the values a user fills in; each must be in it."""
    for old, new in edits.items():
        assert re.search(old, template, re.M), f"the README's template has no {old!r}"
        template = re.sub(old, new, template, count=1, flags=re.M)
    return template


# A new role that goes on, at a made-up employer, with a made-up bullet and
# the skill its words show, as a user writes them in the template's places.
ROLE_BULLET = "Designed the distributed build service of an example employer."
ROLE = {r"^employer: .*$": "employer: Example Corp",
        r"^position: .*$": "position: Principal Engineer",
        r"^start: \S+": "start: 2025-06",
        r"^end: \S+": "end: present",
        r"^  Security: .*$": "  Distributed Systems: the distributed build service",
        r"^\([\w-]+\)=$": "(example-principal)=",
        r"^# .*$": "# Principal Engineer, Example Corp",
        r"^- Designed .*$": f"- {ROLE_BULLET}"}
ROLE_LINE = "Example Corp Principal Engineer"  # the employer's line, then the position's
ROLE_DATES = "Jun 2025 - present"  # normalised: a plain hyphen
# A new contribution to Python packaging, with a made-up bullet that keeps
# the template's skill words.
BULLET = "Designed the versioning standard for Python packages of an example registry."
CONTRIBUTION = {r"^\([\w-]+\)=$": "(example-contribution)=",
                r"^# .*$": "# An example contribution",
                r"^Designed .*$": BULLET}


def _pdf_text(pdf: Path, last_page: int) -> str:
    return pages.normalise(pdftotext(pdf, last=last_page))


def _resumes(built: Path) -> list[str]:
    """The text of the résumé pages: the portfolio PDF's first pages (as many
    as the standalone résumé has, which is fitted to two), and the standalone."""
    out = Outputs(built)
    count = len(PdfReader(out.standalone_resume).pages)
    return [_pdf_text(out.pdf, count), _pdf_text(out.standalone_resume, count)]


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> Path:
    """A copy of the site, the README followed for a role and a contribution,
    built as `./run build` builds it."""
    src = copy_sources(tmp_path_factory.mktemp("readme") / "src")
    role = _edited(_template("Adding a role"), ROLE)
    contribution = _edited(_template("Adding a contribution"), CONTRIBUTION)
    for page in (src / "experience" / f"{_label(role)}.md",
                 src / "open-source" / "packaging" / f"{_label(contribution)}.md"):
        if page.exists():
            pytest.skip(f"the sources already hold {page.relative_to(src)}, this test's page")
    (src / "experience" / f"{_label(role)}.md").write_text(role, encoding="utf-8")
    _add_to_toctree(src / "experience" / "index.md", _label(role))  # most recent first
    assert "project: Python packaging" in contribution
    (src / "open-source" / "packaging" / f"{_label(contribution)}.md").write_text(
        contribution, encoding="utf-8")
    # Under its project's heading, last: the last Python packaging bullet.
    _add_to_toctree(src / "open-source" / "index.md", f"packaging/{_label(contribution)}",
                    after=r"```\{project\} Python packaging\n```\n\n```\{toctree\}\n"
                          r"(:\w+:.*\n)*\n?([\w/-]+\n)*")
    plan = Plan(captured, Outputs(src / "_build"), src)
    plan.html()
    plan.pdf()
    return plan.out.root


@pytest.mark.rebuild
def test_a_new_role_shows_everywhere(added):
    page = added / "html" / "experience" / "example-principal.html"
    facts = pages.text(pages.main(page).select_one(".portfolio-facts"))
    assert facts.startswith("Example Corp · Principal Engineer · Jun 2025 - present")
    assert ROLE_BULLET in pages.text(pages.main(page))

    timeline = pages.main(added / "html" / "experience" / "index.html").select_one(
        ".portfolio-timeline > li")  # the most recent employer first
    assert pages.text(timeline.select_one(".portfolio-employer")) == "Example Corp"
    link = timeline.select_one("a")
    assert pages.text(link) == "Principal Engineer"
    assert link["href"].startswith("example-principal.html")

    work = json.loads((added / "html" / "resume.json").read_text(encoding="utf-8"))["work"][0]
    assert (work["name"], work["position"], work["startDate"]) == (
        "Example Corp", "Principal Engineer", "2025-06")
    assert "endDate" not in work
    assert work["highlights"] == [ROLE_BULLET]

    for text in _resumes(added):
        assert f"{ROLE_LINE} | {ROLE_DATES}" in text


@pytest.mark.rebuild
def test_a_new_contribution_shows_everywhere(added):
    page = added / "html" / "open-source" / "packaging" / "example-contribution.html"
    assert BULLET in pages.text(pages.main(page))
    listed = pages.main(added / "html" / "open-source" / "index.html").select(
        "a[href='packaging/example-contribution.html']")
    assert [pages.text(a) for a in listed] == ["An example contribution"]

    projects = json.loads((added / "html" / "resume.json").read_text(encoding="utf-8"))[
        "projects"]
    packaging = next(p for p in projects if p["name"] == "Python packaging")
    assert packaging["highlights"][-1] == BULLET

    for text in _resumes(added):
        assert BULLET in text
