"""Front-matter text reaches LaTeX through one escaper (shared.tex_escape), in the
résumé pages and in the career figure's TikZ alike: a name with any of
LaTeX's special characters typesets as written, and breaks nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from portfolio.model import Career, Person, Role, YearMonth
from portfolio.shared import tex_escape as escape
from portfolio.views import drawing

# Every LaTeX special character, in names a front matter could hold.
AWKWARD = ("AT~T ^ Labs", r"R&D_{1} #2 $3 50% \o/")


def _career(*employers: str) -> Career:
    person = Person("Ada Example", "", "", "ada@example.com", [], "", [], [])
    roles = [
        Role(f"experience/{i}", f"role{i}", "", employer, "Engineer", YearMonth(2020 - i, 1),
             YearMonth(2021 - i, 6), {}, [], [])
        for i, employer in enumerate(employers)
    ]
    return Career(person, roles, [], {}, today=YearMonth(2026, 1))


def test_every_special_character_is_escaped():
    assert escape(r"\{}$&#^_~%") == (
        r"\textbackslash{}\{\}\$\&\#\^{}\_\textasciitilde{}\%"
    )
    assert escape("Café – “PEP 440”") == "Café – “PEP 440”"  # Unicode is set as is


def test_the_figure_escapes_an_employer_name_as_the_resume_does():
    tikz = drawing.tikz(drawing.layout(_career(*AWKWARD)))
    for employer in AWKWARD:
        assert f"{{{escape(employer)}}};" in tikz
    assert "AT~T" not in tikz  # a bare tie would typeset as a space


@pytest.mark.skipif(not shutil.which("xelatex"), reason="xelatex is not installed")
def test_the_figure_typesets_an_employer_name_as_written(tmp_path):
    """The TikZ, in a document of its own, compiles and reads back as the names."""
    tikz = drawing.tikz(drawing.layout(_career(*AWKWARD)))
    (tmp_path / "figure.tex").write_text("\n".join([
        r"\documentclass{article}",
        r"\usepackage{fontspec}",
        r"\setmainfont{Liberation Sans}",
        r"\usepackage{tikz}",
        r"\begin{document}",
        tikz,
        r"\end{document}",
        "",
    ]), encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "figure.tex"],
                   cwd=tmp_path, check=True, capture_output=True)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "figure.pdf", "-"],
                          cwd=tmp_path, check=True, capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    for employer in AWKWARD:
        assert employer in lines
