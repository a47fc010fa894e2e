"""Two clean builds of one commit are byte-identical: the HTML tree, the
ePub and the PDF (https://reproducible-builds.org/; SOURCE_DATE_EPOCH is the
last commit's time, set by tools/build.py).

The second build differs from the first the way another machine would: a
different directory, time zone and umask, and a later clock.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tools.build import JOBNAME, publish_resume, run_latexmk, run_resume_latexmk, run_sphinx


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def rebuilt(site, tmp_path_factory, monkeypatch_module):
    # Files written at least two seconds later (zip dates are that coarse).
    time.sleep(max(0.0, site.epub.stat().st_mtime + 2.5 - time.time()))
    monkeypatch_module.setenv("TZ", "Pacific/Kiritimati")  # UTC+14
    old_umask = os.umask(0o002)
    try:
        root = tmp_path_factory.mktemp("rebuilt")
        for builder in ("html", "epub", "latex"):
            result = run_sphinx(builder, root / builder, root / "doctrees" / builder)
            assert result.returncode == 0, result.stderr[-4000:]
        result = run_latexmk(root / "latex")
        assert result.returncode == 0, result.stdout[-4000:]
        result = run_resume_latexmk(root / "latex")
        assert result.returncode == 0, result.stdout[-4000:]
        publish_resume(root / "latex", root / "html")  # as the site fixture does
    finally:
        os.umask(old_umask)
    return root


def test_html_trees_are_identical(site, rebuilt):
    first, second = _files(site.html), _files(rebuilt / "html")
    assert len(first) > 20
    assert _differences(first, second) == []


def test_epubs_are_identical(site, rebuilt):
    second = next((rebuilt / "epub").glob("*.epub"))
    assert site.epub.read_bytes() == second.read_bytes()


def test_pdfs_are_identical(site, rebuilt):
    assert site.pdf.read_bytes() == (rebuilt / "latex" / f"{JOBNAME}.pdf").read_bytes()


def test_the_comparison_sees_a_changed_file(site, tmp_path):
    """Proves the check: one changed byte in a copy of the tree is found."""
    first = _files(site.html)
    second = dict(first, **{"index.html": first["index.html"] + b" "})
    assert _differences(first, second) == ["index.html"]
