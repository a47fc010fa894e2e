"""Whatever changes the site's structure rewrites every page that shows it:
after each of four edits (a page added, a page removed, a page moved in its
toctree, a skill renamed), an incremental build of the web site and the
ePub is byte for byte what a clean build of the same sources gives. (Removing
the page added puts back the sources the first build, a clean one, was made
from: that build is the clean one to compare with.) And since
conf.py did not change, no build says the configuration has, and none dumps
a configuration or prints other tools' notices."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from tools.build import run_sphinx

BUILDERS = ("html", "epub")
NEW_PAGE = """\
---
project: PyPI
kind: feature
peps: []
skills:
  API Design: A contribution added
roles: []
---

(new-page)=
# A new page

A contribution added to the site.
"""


# Notices that once buried the warnings in every build's log.
NOISE = ("configuration has changed", "MdParserConfig", "Writing evaluated template",
         "sphinx-sitemap:", "matplotlib")


def build(src: Path, root: Path, builder: str) -> None:
    result = run_sphinx(builder, root / builder, root / "doctrees" / builder, src, "--no-color")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    log = result.stdout + result.stderr
    assert [n for n in NOISE if n in log] == [], log


def outputs(root: Path) -> dict[str, bytes]:
    """Every file of the web site (pages, search index, sitemap, resume.json,
    static files), and every file inside the ePub, by name."""
    files = {f"html/{p.relative_to(root / 'html').as_posix()}": p.read_bytes()
             for p in (root / "html").rglob("*") if p.is_file()}
    epub = next((root / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        files.update({f"epub/{name}": archive.read(name) for name in archive.namelist()})
    return files


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_page(src: Path) -> None:
    (src / "open-source" / "pypi" / "new-page.md").write_text(NEW_PAGE, encoding="utf-8")
    replace(src / "open-source" / "index.md", "pypi/warehouse\n", "pypi/warehouse\npypi/new-page\n")


def remove_page(src: Path) -> None:
    (src / "open-source" / "pypi" / "new-page.md").unlink()
    replace(src / "open-source" / "index.md", "pypi/new-page\n", "")


def move_page(src: Path) -> None:
    replace(src / "open-source" / "index.md", "pypi/pep-592\npypi/pep-470\n",
            "pypi/pep-470\npypi/pep-592\n")


def rename_skill(src: Path) -> None:
    # A skill a page is tagged with: the taxonomy, the tag, and every page
    # that lists either (skills page, landing page, index) change together.
    for page in src.rglob("*.md"):
        if "Build Systems" in page.read_text(encoding="utf-8"):
            replace(page, "Build Systems", "Build Tooling")


def sources(src: Path) -> dict[str, bytes]:
    """Every file of the sources, by name."""
    return {p.relative_to(src).as_posix(): p.read_bytes()
            for p in sorted(src.rglob("*")) if p.is_file()}


def test_incremental_builds_equal_clean_builds(site_copy, tmp_path):
    incremental = tmp_path / "incremental"
    for builder in BUILDERS:
        build(site_copy, incremental, builder)
    first, first_sources = outputs(incremental), sources(site_copy)
    for edit in (add_page, remove_page, move_page, rename_skill):
        edit(site_copy)
        for builder in BUILDERS:
            build(site_copy, incremental, builder)
        if edit is remove_page:  # the page added is gone: the first sources again
            assert sources(site_copy) == first_sources
            want = first
        else:
            clean = tmp_path / edit.__name__
            for builder in BUILDERS:
                build(site_copy, clean, builder)
            want = outputs(clean)
            shutil.rmtree(clean)
        got = outputs(incremental)
        assert sorted(got) == sorted(want), edit.__name__
        stale = [name for name in want if got[name] != want[name]]
        assert stale == [], f"after {edit.__name__}, incremental differs from clean: {stale}"
    assert "html/open-source/pypi/new-page.html" not in outputs(incremental)
