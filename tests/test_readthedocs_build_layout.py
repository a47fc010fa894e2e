"""`./run readthedocs` builds as Read the Docs does and lays the outputs out
as it publishes them: html/, and exactly one file in each of pdf/ and epub/."""

import zipfile

import pytest

from tools import readthedocs


def test_outputs_are_laid_out_as_read_the_docs_publishes_them(tmp_path):
    output = readthedocs.build(tmp_path / "_readthedocs", tmp_path / "doctrees")
    assert sorted(p.name for p in output.iterdir()) == ["epub", "html", "pdf"]
    assert (output / "html" / "index.html").is_file()
    assert (output / "html" / "searchindex.js").is_file()
    pdf = list((output / "pdf").iterdir())
    assert [p.name for p in pdf] == [f"{readthedocs.SLUG}.pdf"]
    assert pdf[0].read_bytes().startswith(b"%PDF")
    epub = list((output / "epub").iterdir())
    assert [p.name for p in epub] == [f"{readthedocs.SLUG}.epub"]
    with zipfile.ZipFile(epub[0]) as book:
        assert book.read("mimetype") == b"application/epub+zip"


def test_build_jobs_run_in_order_with_read_the_docs_variables(tmp_path):
    """build.jobs: pre_build, a format's own commands instead of the default
    ones, post_build; each in a shell with Read the Docs' variables."""
    log = tmp_path / "log"
    config = {
        "version": 2,
        "formats": ["pdf"],
        "build": {"jobs": {
            "pre_build": [f'echo "pre $READTHEDOCS" >> {log}'],
            "build": {
                "html": [f'echo "html $READTHEDOCS_PROJECT" >> {log}'],
                "pdf": [f'echo "pdf $READTHEDOCS_LANGUAGE" >> {log}'],
            },
            "post_build": [f'echo "post $READTHEDOCS_OUTPUT" >> {log}'],
        }},
    }
    output = readthedocs.build(tmp_path / "out", tmp_path / "doctrees", config)
    assert log.read_text().splitlines() == [
        "pre True", f"html {readthedocs.SLUG}", "pdf en", f"post {output}",
    ]


def test_jobs_outside_the_build_step_are_refused(tmp_path):
    config = tmp_path / ".readthedocs.yaml"
    config.write_text("version: 2\nbuild:\n  jobs:\n    post_install: [echo]\n")
    with pytest.raises(readthedocs.ReadTheDocsError, match="post_install"):
        readthedocs.load_config(config)
