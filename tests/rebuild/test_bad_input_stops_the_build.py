"""A broken cross-reference, an unknown citation key, malformed front
matter, a contribution listed under another project or roles listed out of
date order stop the HTML build, with a message naming the file and line.
(Front matter that breaks the model's schema is tested with the model.)"""

from pathlib import Path

from tools.build import run_sphinx


def _append(source: Path, text: str) -> int:
    """Add a paragraph at the end of ``source``; return its line number."""
    lines = source.read_text(encoding="utf-8").rstrip("\n").splitlines()
    source.write_text("\n".join([*lines, "", text, ""]), encoding="utf-8")
    return len(lines) + 2


def _build(srcdir: Path):
    return run_sphinx("html", srcdir / "_build" / "html", srcdir / "_build" / "doctrees", srcdir)


def test_broken_reference(site_copy):
    line = _append(site_copy / "index.md", "See {ref}`no-such-label`.")
    result = _build(site_copy)
    assert result.returncode != 0
    assert f"index.md:{line}: WARNING: undefined label: 'no-such-label'" in result.stderr


def test_unknown_citation_key(site_copy):
    line = _append(site_copy / "standards.md", "As {cite:p}`pep9999` says.")
    result = _build(site_copy)
    assert result.returncode != 0
    assert f'standards.md:{line}: WARNING: could not find bibtex key "pep9999"' in result.stderr


def test_malformed_front_matter(site_copy):
    page = next(p for p in sorted((site_copy / "experience").glob("*.md"))
                if p.name != "index.md")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text(text.replace("\nemployer: ", "\nemployer: [", 1), encoding="utf-8")
    result = _build(site_copy)
    assert result.returncode != 0
    assert f"experience/{page.name}:1: WARNING: Malformed YAML" in result.stderr


def _toctree_line(index: Path, entry: str) -> int:
    """The line of the toctree directive that lists ``entry``."""
    lines = index.read_text(encoding="utf-8").splitlines()
    start = None
    for number, line in enumerate(lines, 1):
        if line.startswith("```{toctree}"):
            start = number
        elif line == entry:
            return start
    raise AssertionError(f"{index} does not list {entry}")


def test_a_contribution_under_another_projects_heading(site_copy):
    index = site_copy / "open-source" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "\npypi/warehouse\n" in text
    assert "\npackaging/pep-440\n" in text
    index.write_text(text.replace("\npackaging/pep-440\n", "\n").replace(
        "\npypi/warehouse\n", "\npypi/warehouse\npackaging/pep-440\n"), encoding="utf-8")
    result = _build(site_copy)
    assert result.returncode != 0
    line = _toctree_line(index, "pypi/warehouse")
    assert (f"packaging/pep-440.md:2: WARNING: field 'project': 'Python packaging', but the "
            f"toctree at open-source/index.md:{line} lists this page under the project "
            "'PyPI'") in result.stderr


def test_roles_out_of_date_order(site_copy):
    index = site_copy / "experience" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "\naws\nhpe\n" in text
    index.write_text(text.replace("\naws\nhpe\n", "\nhpe\naws\n"), encoding="utf-8")
    result = _build(site_copy)
    assert result.returncode != 0
    assert (f"experience/index.md:{_toctree_line(index, 'aws')}: WARNING: the toctree lists "
            "'hpe'") in result.stderr
    assert "list the roles most recent first" in result.stderr
