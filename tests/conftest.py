"""Shared fixtures: the real site, built once per test session in every format.

Tests read the outputs through the ``site`` fixture; fixture sites for the
model's validation live under tests/roots/.
"""

from __future__ import annotations

import pickle
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.build import JOBNAME, RESUME, ROOT, run_latexmk, run_resume_latexmk, run_sphinx

pytest_plugins = ["sphinx.testing.fixtures"]

SHARED = ROOT.parent / "shared"  # the résumé and PEP data the site is made from

# Fixture sites (tests/roots/test-<name>/) load the portfolio extension from here.
sys.path.insert(0, str(ROOT / "_ext"))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the fixture sites: tests/roots/test-<name>/."""
    return ROOT / "tests" / "roots"


@dataclass(frozen=True)
class Site:
    root: Path

    @property
    def html(self) -> Path:
        return self.root / "html"

    @property
    def epub(self) -> Path:
        return next((self.root / "epub").glob("*.epub"))

    @property
    def latex(self) -> Path:
        return self.root / "latex"

    @property
    def pdf(self) -> Path:
        return self.root / "latex" / f"{JOBNAME}.pdf"

    @property
    def resume(self) -> Path:
        """The standalone two-page résumé."""
        return self.root / "latex" / RESUME


def _check(result, what: str) -> None:
    if result.returncode:
        pytest.exit(f"{what} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}", returncode=1)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build HTML, ePub and PDF once, strictly, exactly as `./run build` does."""
    root = tmp_path_factory.mktemp("site")
    for builder in ("html", "epub", "latex"):
        _check(run_sphinx(builder, root / builder, root / "doctrees" / builder), f"sphinx -b {builder}")
    _check(run_latexmk(root / "latex"), "latexmk")
    _check(run_resume_latexmk(root / "latex"), "latexmk (résumé)")
    # The site links to its copy, placed as `nox -s pdf` and Read the Docs do.
    shutil.copyfile(root / "latex" / RESUME, root / "html" / RESUME.name)
    return Site(root)


@pytest.fixture(scope="session")
def site_env(site):
    """The Sphinx environment of the site's LaTeX build, as it was pickled."""
    with open(site.root / "doctrees" / "latex" / "environment.pickle", "rb") as f:
        return pickle.load(f)


@pytest.fixture(scope="session")
def career(site_env):
    """The career model the site was built from."""
    return site_env.portfolio_career


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's sources, for tests that break them on purpose."""
    dest = tmp_path / "src"
    shutil.copytree(
        ROOT, dest,
        ignore=shutil.ignore_patterns("_build", ".nox", ".venv", ".git", "node_modules", "__pycache__"),
    )
    return dest
