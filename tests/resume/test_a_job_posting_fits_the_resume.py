"""`./run resume -- --job posting.txt` fits the résumé to a job posting: its
bullets, verbatim, ranked by how many of the posting's words they share
(stemmed as search stems them), as many as fit; and a report of the
posting's terms the résumé covers, with the bullets that carry them, and of
its frequent terms it does not cover.

Three postings written for these tests (postings/): a security role, a
packaging-infrastructure role and an unrelated front-end role.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from portfolio.resume import builder, variants
from support.sources import PERSON
from tools.build import run_sphinx

POSTINGS = Path(__file__).with_name("postings")
PRIORITY = PERSON["resume"]["priority"]
# Words that show a bullet is about the posting's field.
FIELD = {
    "security": r"secur|vulnerab|CVE|password|token|compromised",
    "packaging": r"packag|mirror|\bpip\b|PyPI|PEP \d+",
}


def posting(name: str) -> str:
    return (POSTINGS / f"{name}.txt").read_text(encoding="utf-8")


def top(career, name: str, count: int = 8) -> list[str]:
    variant = variants.Variant(f"resume-job-{name}", 1, posting=posting(name))
    return [b.text for b in variants.ranked(career, variant, PRIORITY)[:count]]


@pytest.mark.parametrize("name", FIELD)
def test_the_top_bullets_are_about_the_postings_field(career, name):
    about = [b for b in top(career, name) if re.search(FIELD[name], b, re.I)]
    assert len(about) >= 5, top(career, name)


def test_each_posting_puts_other_bullets_on_top(career):
    tops = {name: set(top(career, name, 5)) for name in ("security", "packaging", "frontend")}
    assert tops["security"] != tops["packaging"] != tops["frontend"] != tops["security"]


def report(career, name: str) -> tuple[str, str]:
    """The report's covered part and its gaps."""
    text = "\n".join(builder.report(career, posting(name)))
    covered, _, gaps = text.partition("does not cover:")
    return covered, gaps


def test_the_report_names_real_gaps(career):
    _, gaps = report(career, "frontend")
    for word in ("react", "typescript", "css", "components", "storybook"):
        assert re.search(rf"\b{word} \(\d+\)", gaps), word
    _, gaps = report(career, "security")
    assert "incidents" in gaps  # the résumé never says it
    assert "security" not in gaps
    assert "packages" not in gaps


def test_the_report_names_the_bullets_that_carry_a_term(career):
    covered, _ = report(career, "packaging")
    line = next(line for line in covered.splitlines() if line.strip().startswith("mirrors ("))
    assert 'datadog-senior #1 "Refactored deployment of internal package…"' in line
    covered, _ = report(career, "security")
    line = next(line for line in covered.splitlines() if line.strip().startswith("cves ("))
    assert "datadog-senior #5" in line


def test_run_resume_writes_the_fitted_files_and_the_report(site_copy, tmp_path, career):
    out = tmp_path / "resume"
    result = run_sphinx("resume", out, tmp_path / "doctrees", site_copy,
                        "-D", f"portfolio_resume_job={POSTINGS / 'security.txt'}",
                        "-D", "portfolio_resume_pages=1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in out.glob("resume*")) == [
        "resume-job-security.docx", "resume-job-security.pdf", "resume-job-security.txt"]
    assert len(PdfReader(out / "resume-job-security.pdf").pages) == 1
    text = (out / "resume-job-security.txt").read_text(encoding="utf-8").splitlines()
    every = [b.text for b in variants.bullets(career)]
    kept = [line for line in text if line in every]  # verbatim, each a line
    assert len([b for b in kept if re.search(FIELD["security"], b, re.I)]) >= len(kept) / 2
    words = [w for p in Document(out / "resume-job-security.docx").paragraphs
             for w in p.text.split() if w != "·"]
    assert words == " ".join(text).split()
    assert "The posting's terms the résumé covers" in result.stdout
    assert "incidents (3)" in result.stdout
