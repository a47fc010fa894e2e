"""Two builds of the same sources give the same bytes: dates and document
IDs come from SOURCE_DATE_EPOCH, not the clock or the build directory."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

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
    # The standalone résumé's source typeset again from nothing: no aux, no cache.
    source = (again / "resume" / "resume.tex").read_text(encoding="utf-8")
    epoch = int(source_date_epoch())
    alone = Typesetter(tmp_path / "alone", tmp_path / "work", "", epoch)
    resume, pages = alone.pdf(source, tmp_path / "work" / "alone", "the résumé")
    assert resume.read_bytes() == site.standalone_resume.read_bytes()
    # Told how it measured, as the site's build is, the typeset starts from
    # the tagging's record of its page count (read once per TeX Live: the
    # site's): a LuaLaTeX run fewer, and the same bytes.
    told = Typesetter(tmp_path / "told", tmp_path / "work", "", epoch)
    told.cache.mkdir()
    for record in Path(os.environ["PORTFOLIO_RESUME_CACHE"]).glob("last-page-*.aux"):
        shutil.copy(record, told.cache)
    assert list(told.cache.iterdir())
    measured = told.measure([source], tmp_path / "work" / "told", "the résumé")[0]
    assert measured.pages == pages
    measuring = told.runs
    resume, _ = told.pdf(source, tmp_path / "work" / "told", "the résumé", measured)
    assert told.runs - measuring < alone.runs
    assert resume.read_bytes() == site.standalone_resume.read_bytes()
    # A source of the same layout (a year edited: the font's figures are all
    # one width), in a work directory of its own, starts from the aux that
    # typeset left for that layout: one run. (Not from the variant's last
    # aux, which another layout's typeset may have replaced: gone here.)
    (told.cache / "told.aux").unlink()
    edited, count = re.subn(r"(?<=[A-Z][a-z]{2} )\d{4}",
                            lambda year: str(int(year.group()) - 1), source, count=1)
    assert count == 1
    again = told.measure([edited], tmp_path / "work" / "told", "the edited résumé")[0]
    assert again.layout == measured.layout
    measuring = told.runs
    told.pdf(edited, tmp_path / "again" / "told", "the edited résumé", again)
    assert told.runs - measuring == 1
