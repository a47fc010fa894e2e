"""On Read the Docs, .readthedocs.yaml's post_build job puts the two-page
résumé into the HTML output, where the site's download link points; the pdf
format keeps its one PDF."""

from __future__ import annotations

from pypdf import PdfReader

from tools import readthedocs


def test_post_build_places_the_resume_in_the_html_output(tmp_path):
    real = readthedocs.load_config()
    post_build = real["build"]["jobs"]["post_build"]
    # Only the post_build job of the real configuration; the HTML build itself is skipped.
    config = {"version": 2, "formats": [],
              "build": {"jobs": {"build": {"html": ["true"]}, "post_build": post_build}}}
    output = readthedocs.build(tmp_path / "_readthedocs", tmp_path / "doctrees", config)
    assert sorted(p.name for p in (output / "html").iterdir()) == ["resume.pdf"]
    assert len(PdfReader(output / "html" / "resume.pdf").pages) == 2
