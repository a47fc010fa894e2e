"""The extension's pure parts (the career's data and its front-matter reader,
variant selection and ranking, the résumé's TeX, plain text and Word copy,
the figure's geometry, the page text search shows, CSS pruning) need no
running Sphinx: they import
nothing from Sphinx or its extensions, directly or through another module of
ours, so plain unit tests call them (tests/unit does). Sphinx's types may be
named for annotations only (under ``if TYPE_CHECKING:``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tools.build import ROOT

PACKAGE = ROOT / "_ext" / "portfolio"  # portfolio.x.y is x/y.py there
PURE = {
    "portfolio.shared",
    "portfolio.model.career",
    "portfolio.model.frontmatter",
    "portfolio.model.schema",
    "portfolio.resume.variants",
    "portfolio.resume.relevance",
    "portfolio.resume.outline",
    "portfolio.resume.tex",
    "portfolio.resume.text",
    "portfolio.resume.word",
    "portfolio.views.drawing",
    "portfolio.search.text",
    "portfolio.site.cssprune",
}
SPHINX = ("sphinx", "sphinxcontrib", "sphinx_design", "sphinx_sitemap", "myst_parser", "furo",
          "docutils")


def _path(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


def imports(module: str) -> set[str]:
    """The modules ``module`` imports when it runs (not for annotations only)."""
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    package = module.rsplit(".", 1)[0]
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            # "from . import x" imports the module x
            found |= {f"{base}.{a.name}" if not node.module else base for a in node.names}
    return found


@pytest.mark.parametrize("module", sorted(PURE))
def test_a_pure_part_imports_no_sphinx_nor_our_glue(module):
    for name in imports(module):
        assert not name.startswith(SPHINX), f"{module} imports {name}"
        if name.startswith("portfolio"):
            assert name in PURE, f"{module} imports {name}, which is not pure"


def test_the_check_sees_what_glue_imports():
    found = imports("portfolio.resume.latex")
    assert "sphinx.errors" in found  # a Sphinx import
    assert "portfolio.model" in found  # "from .. import model": the package, not pure
