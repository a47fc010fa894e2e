"""The README's "Adding a role" and "Adding a contribution", followed as
written: their templates build without a warning on the fixture site, and on
a copy of the real site a new current role (a made-up employer, June 2025 to
present) and a new contribution, added as the README says and nothing else,
show on their pages, in the timeline or under their project, in resume.json
and on the PDF's résumé pages, in the portfolio PDF and the standalone one.
(That copy is built once for the run: support/owner_edits.py.)"""

from __future__ import annotations

import json
import shutil

import pytest
from pypdf import PdfReader

from portfolio.model import career
from support import pages
from support.owner_edits import (
    BULLET,
    ROLE_BULLET,
    ROLE_DATES,
    ROLE_LINE,
    add_to_toctree,
    label,
    template,
)
from support.pdftext import pdftotext


@pytest.fixture
def srcdir(rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    return src


def test_the_templates_build_as_written(make_app, srcdir):
    role, contribution = template("Adding a role"), template("Adding a contribution")
    (srcdir / "experience" / f"{label(role)}.md").write_text(role, encoding="utf-8")
    add_to_toctree(srcdir / "experience" / "index.md", label(role))
    (srcdir / "open-source" / "packaging" / f"{label(contribution)}.md").write_text(
        contribution, encoding="utf-8")
    add_to_toctree(srcdir / "open-source" / "index.md", f"packaging/{label(contribution)}")

    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()

    assert not app.warning.getvalue()
    model = career(app.env)
    new_role = model.role(label(role))
    new_contribution = model.contribution(label(contribution))
    assert new_role
    assert new_role.skills
    assert new_role.bullets
    assert new_contribution
    assert new_contribution.skills
    assert new_contribution.bullet


def _resumes(edited_site) -> list[str]:
    """The text of the résumé pages: the portfolio PDF's first pages (as many
    as the standalone résumé has, which is fitted to two), and the standalone."""
    count = len(PdfReader(edited_site.standalone_resume).pages)
    return [pages.normalise(pdftotext(pdf, last=count))
            for pdf in (edited_site.pdf, edited_site.standalone_resume)]


@pytest.mark.rebuild
def test_a_new_role_shows_everywhere(edited_site):
    html = edited_site.html
    page = html / "experience" / "example-principal.html"
    facts = pages.text(pages.main(page).select_one(".portfolio-facts"))
    assert facts.startswith("Example Corp · Principal Engineer · Jun 2025 - present")
    assert ROLE_BULLET in pages.text(pages.main(page))

    timeline = pages.main(html / "experience" / "index.html").select_one(
        ".portfolio-timeline > li")  # the most recent employer first
    assert pages.text(timeline.select_one(".portfolio-employer")) == "Example Corp"
    link = timeline.select_one("a")
    assert pages.text(link) == "Principal Engineer"
    assert link["href"].startswith("example-principal.html")

    work = json.loads((html / "resume.json").read_text(encoding="utf-8"))["work"][0]
    assert (work["name"], work["position"], work["startDate"]) == (
        "Example Corp", "Principal Engineer", "2025-06")
    assert "endDate" not in work
    assert work["highlights"] == [ROLE_BULLET]

    for text in _resumes(edited_site):
        assert f"{ROLE_LINE} | {ROLE_DATES}" in text


@pytest.mark.rebuild
def test_a_new_contribution_shows_everywhere(edited_site):
    html = edited_site.html
    page = html / "open-source" / "packaging" / "example-contribution.html"
    assert BULLET in pages.text(pages.main(page))
    listed = pages.main(html / "open-source" / "index.html").select(
        "a[href='packaging/example-contribution.html']")
    assert [pages.text(a) for a in listed] == ["An example contribution"]

    projects = json.loads((html / "resume.json").read_text(encoding="utf-8"))[
        "projects"]
    packaging = next(p for p in projects if p["name"] == "Python packaging")
    assert packaging["highlights"][-1] == BULLET

    for text in _resumes(edited_site):
        assert BULLET in text
