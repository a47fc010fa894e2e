"""The phone number stays private.

The résumé's real number (read from the seed résumé, never written down;
any phone number when ../shared is absent) is nowhere in the built site. The
private variant is an explicit opt-in (PORTFOLIO_PRIVATE=1) that puts a number
from the environment or the untracked .private/phone into the standalone
résumé only, and Read the Docs builds refuse it. These tests use a fictional 555-01xx number.
"""

from __future__ import annotations

import subprocess

import pytest

from support.seed import PHONE, phone_number
from tools.build import RESUME_PDF, run_sphinx

FAKE = "555-0100"  # 555-0100 to 555-0199 are reserved for fiction


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("PORTFOLIO_PRIVATE", "PORTFOLIO_PHONE", "READTHEDOCS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_real_number_is_nowhere_in_the_site(site):
    real = phone_number()
    for path in site.root.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xhtml", ".tex", ".txt", ".json", ".js"}:
            assert not real.search(path.read_text(encoding="utf-8", errors="replace")), path
    for pdf in (site.pdf, site.standalone_resume):
        assert not real.search(pdf_text(pdf))


def test_the_published_resume_has_no_phone_number_at_all(site):
    assert not PHONE.search(pdf_text(site.standalone_resume))


def test_a_phone_number_in_the_environment_is_ignored_without_opt_in(clean_env, tmp_path):
    clean_env.setenv("PORTFOLIO_PHONE", FAKE)
    result = run_sphinx("latex", tmp_path / "latex", tmp_path / "doctrees")
    assert result.returncode == 0, result.stderr
    for tex in (tmp_path / "latex" / "resume").glob("*.tex"):
        assert FAKE not in tex.read_text(encoding="utf-8")


def test_opt_in_puts_the_number_in_the_standalone_resume_only(clean_env, site_copy, tmp_path):
    (site_copy / ".private").mkdir(exist_ok=True)
    (site_copy / ".private" / "phone").write_text(f"{FAKE}\n", encoding="utf-8")
    clean_env.setenv("PORTFOLIO_PRIVATE", "1")
    latex = tmp_path / "latex"
    result = run_sphinx("latex", latex, tmp_path / "doctrees", site_copy)
    assert result.returncode == 0, result.stderr
    assert FAKE not in (latex / "resume" / "front.tex").read_text(encoding="utf-8")
    assert FAKE in pdf_text(latex / RESUME_PDF)


def test_the_environment_variable_wins_over_the_file(clean_env, site_copy, tmp_path):
    (site_copy / ".private").mkdir(exist_ok=True)
    (site_copy / ".private" / "phone").write_text("555-0199\n", encoding="utf-8")
    clean_env.setenv("PORTFOLIO_PRIVATE", "1")
    clean_env.setenv("PORTFOLIO_PHONE", FAKE)
    result = run_sphinx("latex", tmp_path / "latex", tmp_path / "doctrees", site_copy)
    assert result.returncode == 0, result.stderr
    assert FAKE in (tmp_path / "latex" / "resume" / "resume.tex").read_text(encoding="utf-8")


def test_opt_in_without_a_number_stops_the_build(clean_env, site_copy, tmp_path):
    (site_copy / ".private" / "phone").unlink(missing_ok=True)
    clean_env.setenv("PORTFOLIO_PRIVATE", "1")
    result = run_sphinx("latex", tmp_path / "latex", tmp_path / "doctrees", site_copy)
    assert result.returncode != 0
    assert "PORTFOLIO_PHONE" in result.stderr + result.stdout


def test_read_the_docs_refuses_the_private_variant(clean_env, tmp_path):
    clean_env.setenv("READTHEDOCS", "True")
    clean_env.setenv("PORTFOLIO_PRIVATE", "1")
    clean_env.setenv("PORTFOLIO_PHONE", FAKE)
    result = run_sphinx("latex", tmp_path / "latex", tmp_path / "doctrees")
    assert result.returncode != 0
    assert "Read the Docs" in result.stderr + result.stdout
    assert not (tmp_path / "latex" / "resume").exists()
