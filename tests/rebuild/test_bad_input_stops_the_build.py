"""A broken cross-reference, an unknown citation key or malformed front
matter stops the HTML build, with a message naming the file and line.
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
