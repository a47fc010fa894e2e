"""A strict build says what a test would find, as notes that do not fail it:
a social image drawn from an older headline, and a summary whose years of
experience differ from those the model gives "At a glance"."""

from __future__ import annotations

import re

from tools.build import run_sphinx


def _build(src, tmp_path):
    """A strict build of ``src`` with the dummy builder: every page read and
    checked, nothing typeset."""
    return run_sphinx("dummy", tmp_path / "dummy", tmp_path / "doctrees", src)


def test_a_current_site_gets_no_notes(site_copy, tmp_path):
    result = _build(site_copy, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stdout + result.stderr


def test_a_stale_image_and_summary_are_noted_and_the_build_succeeds(site_copy, tmp_path):
    index = site_copy / "index.md"
    text = index.read_text(encoding="utf-8")
    written = re.search(r"with (\d+)\+ years", text)
    assert written, "the summary gives its years of experience as 'with N+ years'"
    stale = int(written[1]) - 3
    index.write_text(text.replace("\nheadline: ", "\nheadline: Former ", 1)
                     .replace(written[0], f"with {stale}+ years", 1), encoding="utf-8")
    lines = index.read_text(encoding="utf-8").splitlines()

    result = _build(site_copy, tmp_path)

    assert result.returncode == 0, result.stderr  # notes, not warnings: -W passes
    assert "WARNING" not in result.stderr, result.stderr
    headline = next(n for n, x in enumerate(lines, 1) if x.startswith("headline:"))
    summary = next(n for n, x in enumerate(lines, 1) if x.startswith("summary:"))
    assert (f"index.md:{headline}: note: _static/og-image.png is stale: it was drawn from "
            "another name or headline (or tools/og-image.html) than there is now; run "
            "`./run og-image` and commit the image") in result.stdout, result.stdout
    assert (f"index.md:{summary}: note: the summary says {stale}+ years of experience, but "
            "\"At a glance\" gives ") in result.stdout, result.stdout


def test_the_summary_figure_is_compared_by_its_number():
    from portfolio.site.notes import summary_years  # noqa: PLC0415 (the build tests need it not)

    assert summary_years("Engineer with 17+ years of experience.", "17+") is None
    assert summary_years("Engineer with 17 years of experience.", "17+") is None
    assert summary_years("Engineer with 17+ years of experience.", "18+") == "17+"
    assert summary_years("Engineer with 18 years of experience.", "17") == "18"
    assert summary_years("Engineer of long standing.", "18+") is None
