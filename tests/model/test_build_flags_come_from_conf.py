"""Every difference between builds is decided in conf.py and reaches the
portfolio extension as its configuration (declared in its setup()); the
extension reads no flag from the environment itself. The fixture site sets
its flags in its own conf.py, so the environment must change nothing."""

from __future__ import annotations

import shutil

import pytest
from sphinx.errors import ConfigError

from portfolio.model import YearMonth, career

FAKE = "555-0100"  # 555-0100 to 555-0199 are reserved for fiction


@pytest.fixture
def flags_in_env(monkeypatch):
    """Every variable conf.py reads, set as if to say otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # 1970-01
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("PORTFOLIO_PRIVATE", "1")
    monkeypatch.setenv("PORTFOLIO_PHONE", FAKE)


def test_the_extension_takes_its_flags_from_the_configuration(flags_in_env, make_app, rootdir,
                                                               tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    # Private, and READTHEDOCS in the environment, but not Read the Docs as
    # configured: the private résumé is written, with the environment's number
    # (the one thing the extension reads there: it is no setting).
    app = make_app("latex", srcdir=src, confoverrides={"portfolio_private": True})
    app.build()
    assert career(app.env).today == YearMonth(2026, 1)  # portfolio_source_date_epoch
    assert FAKE in (app.outdir / "resume" / "resume.tex").read_text(encoding="utf-8")


def test_a_site_that_sets_no_date_is_told_to(flags_in_env, make_app, rootdir, tmp_path):
    """The date is conf.py's to decide, once: no clock, nor SOURCE_DATE_EPOCH,
    behind its back."""
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    with pytest.raises(ConfigError, match="portfolio_source_date_epoch is not set"):
        make_app("html", srcdir=src, confoverrides={"portfolio_source_date_epoch": None})


def test_read_the_docs_refuses_the_private_resume_as_configured(make_app, rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    with pytest.raises(ConfigError, match="Read the Docs"):
        make_app("latex", srcdir=src, confoverrides={
            "portfolio_private": True, "portfolio_readthedocs": True})
