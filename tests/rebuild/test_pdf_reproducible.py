"""Two builds of the same sources give the same bytes: dates and document
IDs come from SOURCE_DATE_EPOCH, not the clock or the build directory."""

from __future__ import annotations

import shutil

from portfolio.resume.typeset import Typesetter
from tools.build import run_latexmk, source_date_epoch

# What latexmk leaves behind; the copy starts from Sphinx's output alone.
PRODUCTS = ("*.pdf", "*.aux", "*.log", "*.fls", "*.fdb_latexmk", "*.xdv", "*.toc", "*.out",
            "*.idx", "*.ind", "*.ilg")


def test_typesetting_again_elsewhere_gives_identical_pdfs(site, tmp_path):
    again = tmp_path / "elsewhere" / "latex"
    shutil.copytree(site.latex, again, ignore=shutil.ignore_patterns(*PRODUCTS))
    assert not (again / site.pdf.name).exists()
    assert run_latexmk(again).returncode == 0
    assert (again / site.pdf.name).read_bytes() == site.pdf.read_bytes()
    # The standalone résumé's source typeset again, with nothing cached.
    typesetter = Typesetter(tmp_path / "cache", tmp_path / "work", "", int(source_date_epoch()))
    resume, _ = typesetter.pdf((again / "resume" / "resume.tex").read_text(encoding="utf-8"),
                               tmp_path / "work", "the résumé")
    assert typesetter.runs == 1
    assert resume.read_bytes() == site.standalone_resume.read_bytes()
