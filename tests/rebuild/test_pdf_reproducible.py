"""Two builds of the same sources give the same bytes: dates and document
IDs come from SOURCE_DATE_EPOCH, not the clock or the build directory."""

from __future__ import annotations

import shutil

from tools.build import RESUME, run_latexmk, run_resume_latexmk

# What latexmk leaves behind; the copy starts from Sphinx's output alone.
PRODUCTS = ("*.pdf", "*.aux", "*.log", "*.fls", "*.fdb_latexmk", "*.xdv", "*.toc", "*.out",
            "*.idx", "*.ind", "*.ilg")


def test_typesetting_again_elsewhere_gives_identical_pdfs(site, tmp_path):
    again = tmp_path / "elsewhere" / "latex"
    shutil.copytree(site.latex, again, ignore=shutil.ignore_patterns(*PRODUCTS))
    assert not (again / site.pdf.name).exists()
    assert run_latexmk(again).returncode == 0
    assert run_resume_latexmk(again).returncode == 0
    assert (again / site.pdf.name).read_bytes() == site.pdf.read_bytes()
    assert (again / RESUME).read_bytes() == site.resume.read_bytes()
