"""`./run readthedocs` builds a shallow clone of HEAD as Read the Docs does:
its jobs in `/bin/sh` with its variables and none of ours, outputs laid out as
it publishes them in `_readthedocs/`, and every file the same as a
commit-dated build's (the `site` fixture), dates included."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sphinx.config import Config
from sphinx.project import Project
from sphinx.util.tags import Tags

from tools import readthedocs
from tools.build import ROOT, SLUG


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """What Read the Docs would publish for HEAD: its $READTHEDOCS_OUTPUT."""
    return readthedocs.build(tmp_path_factory.mktemp("readthedocs") / "_readthedocs")


def test_outputs_are_laid_out_as_read_the_docs_publishes_them(published):
    assert sorted(p.name for p in published.iterdir()) == ["epub", "html", "pdf"]
    assert (published / "html" / "index.html").is_file()
    assert (published / "html" / "searchindex.js").is_file()
    # The HTML build typesets the two-page résumé, where the site's download link points
    assert len(PdfReader(published / "html" / "resume.pdf").pages) == 2
    pdf = list((published / "pdf").iterdir())
    assert [p.name for p in pdf] == [f"{SLUG}.pdf"]
    assert pdf[0].read_bytes().startswith(b"%PDF")
    epub = list((published / "epub").iterdir())
    assert [p.name for p in epub] == [f"{SLUG}.epub"]
    with zipfile.ZipFile(epub[0]) as book:
        assert book.read("mimetype") == b"application/epub+zip"


def test_read_the_docs_publishes_what_we_build(published, site):
    """No SOURCE_DATE_EPOCH and a shallow clone on Read the Docs: the dates
    still come from the commit, so every file equals the tested build's."""
    if subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                      text=True, check=True).stdout:
        pytest.skip("uncommitted changes: Read the Docs builds HEAD, the site fixture the "
                    "working tree; commit, then run this again")
    # Sphinx's record for incremental builds hashes settings that hold
    # absolute paths (the checkout's and the virtualenv's static folders):
    # it differs wherever the build runs, and no reader loads it.
    ours, theirs = (
        {n: data for n, data in _files(root).items() if n != ".buildinfo"}
        for root in (site.html, published / "html")
    )
    assert len(ours) > 20
    assert sorted(n for n in ours.keys() | theirs.keys() if ours.get(n) != theirs.get(n)) == []
    assert (published / "epub" / f"{SLUG}.epub").read_bytes() == site.epub.read_bytes()
    pdf = PdfReader(published / "pdf" / f"{SLUG}.pdf").metadata
    expected = PdfReader(site.pdf).metadata
    assert pdf["/CreationDate"] == expected["/CreationDate"]
    assert pdf.get("/ModDate") == expected.get("/ModDate")
    assert (published / "pdf" / f"{SLUG}.pdf").read_bytes() == site.pdf.read_bytes()


def test_build_jobs_run_as_read_the_docs_runs_them(tmp_path, monkeypatch):
    """build.jobs: pre_build, a format's own commands instead of the default
    ones, post_build; each in /bin/sh at the root of a shallow clone of HEAD,
    with Read the Docs' variables and without the caller's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    monkeypatch.setenv("PYTHONPATH", "/nowhere")
    log = tmp_path / "log"
    config = {
        "version": 2,
        "formats": ["pdf"],
        "build": {"jobs": {
            "pre_build": [
                f'echo "pre $0 $READTHEDOCS $NO_COLOR ${{SOURCE_DATE_EPOCH-unset}} '
                f'${{PYTHONPATH-unset}}" >> {log}',
            ],
            "build": {
                "html": [f'echo "html $READTHEDOCS_PROJECT $(git rev-parse '
                         f'--is-shallow-repository) $(git rev-parse HEAD)" >> {log}'],
                "pdf": [f'echo "pdf $READTHEDOCS_LANGUAGE $READTHEDOCS_CANONICAL_URL" >> {log}'],
            },
            "post_build": [
                f'echo "post $READTHEDOCS_OUTPUT $PWD/" >> {log}',
                'mkdir -p "$READTHEDOCS_OUTPUT/html" && echo hi > "$READTHEDOCS_OUTPUT/html/x"',
            ],
        }},
    }
    output = readthedocs.build(tmp_path / "out", config)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    pre, html, pdf, post = log.read_text().splitlines()
    assert pre == "pre /bin/sh True 1 unset unset"
    assert html == f"html {SLUG} true {head}"
    assert pdf == f"pdf en https://{SLUG}.readthedocs.io/en/latest/"
    # $READTHEDOCS_OUTPUT is _readthedocs/ at the clone's root ...
    _, output_variable, cwd = post.split()
    assert output_variable == f"{cwd}{readthedocs.OUTPUT_DIR}/"
    # ... and ends up in the output asked for
    assert (output / "html" / "x").read_text() == "hi\n"


def test_jobs_outside_the_build_step_are_refused(tmp_path):
    config = tmp_path / ".readthedocs.yaml"
    config.write_text("version: 2\nbuild:\n  jobs:\n    post_install: [echo]\n")
    with pytest.raises(readthedocs.ReadTheDocsError, match="post_install"):
        readthedocs.load_config(config)


def test_read_the_docs_output_is_not_read_as_pages(tmp_path, monkeypatch):
    """Read the Docs writes its outputs inside the source tree: conf.py's
    exclude_patterns keep Sphinx from reading them back."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # conf.py sets it: undo after
    (tmp_path / "index.md").write_text("# Home\n")
    stray = tmp_path / readthedocs.OUTPUT_DIR / "html" / "page.md"
    stray.parent.mkdir(parents=True)
    stray.write_text("# Home\n")
    exclude = Config.read(ROOT, overrides={}, tags=Tags()).exclude_patterns
    assert Project(tmp_path, {".md": "markdown"}).discover(exclude) == {"index"}
    assert len(Project(tmp_path, {".md": "markdown"}).discover([])) == 2  # the check sees it
