"""Shared fixtures: the real site, built once per test run in every format
(shared by pytest-xdist's workers: support/shared_site.py); the résumé it is
checked against; a local web server and a headless browser.

Tests read the outputs through the ``site`` fixture; fixture sites for the
model's validation live under tests/roots/.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import owner_edits, pages, seed
from support.scripts import AXE, AXE_PATH
from support.shared_site import SharedSite
from support.sources import copy_sources
from tools import chromium
from tools.build import ROOT
from tools.serve import serve

pytest_plugins = ["sphinx.testing.fixtures"]

SHARED = seed.SHARED

# Fixture sites (tests/roots/test-<name>/) load the portfolio extension from here.
sys.path.insert(0, str(ROOT / "_ext"))


def pytest_configure(config: pytest.Config) -> None:
    """`./run latest` (PORTFOLIO_DEPRECATIONS=error): a deprecation warning
    met in our own code fails the test, as conf.py makes it stop a build."""
    if os.environ.get("PORTFOLIO_DEPRECATIONS") == "error":
        for category in ("DeprecationWarning", "PendingDeprecationWarning"):
            config.addinivalue_line("filterwarnings", f"error::{category}:portfolio")


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its folder (tests/pdf/ -> pdf), and with `browser`
    or `rebuild` wherever it opens a browser or rebuilds a copy of the
    sources, so that `-m "not browser and not rebuild"` leaves all of those out.
    pyproject.toml lists the markers and what each means."""
    tests = Path(__file__).parent
    for item in items:
        folder, *inside = item.path.relative_to(tests).parts
        if not inside:
            raise pytest.UsageError(f"{item.path}: move it into the folder of tests/ for what "
                                    "it proves (pyproject.toml's markers list them)")
        item.add_marker(folder)
        if "browser" in item.fixturenames:
            item.add_marker("browser")
        if "site_copy" in item.fixturenames:
            item.add_marker("rebuild")
    # The modules that need no shared site go first, while it builds: the
    # longest modules (rebuilds of copies, each a single scope) start early
    # and the run ends on short ones that read the site. pytest-xdist keeps
    # this order (--no-loadscope-reorder, pyproject.toml) rather than
    # sending the modules with the most tests first.
    reads_site = {item.path for item in items if "site" in item.fixturenames}
    items.sort(key=lambda item: item.path in reads_site)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the fixture sites: tests/roots/test-<name>/."""
    return ROOT / "tests" / "roots"


@pytest.fixture(scope="session")
def shared_tmp(tmp_path_factory) -> Path:
    """A directory every process of this test run shares: with pytest-xdist,
    the parent of the workers' own temporary directories."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def resume_cache(shared_tmp):
    """One cache of typeset résumé variants (by hash) for every build of the
    run, in every worker: a copy of the site retypesets only the variants its
    edit changed. (Each entry is written whole: typeset.py's _store.)"""
    cache = shared_tmp / "resume-cache"
    cache.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTFOLIO_RESUME_CACHE", str(cache))
        yield


@pytest.fixture(scope="session")
def site(shared_tmp, resume_cache) -> SharedSite:
    """HTML, ePub, PDF and the résumé, built once for the whole run, strictly,
    exactly as `./run build` does (tools/build.py's plan, only the outputs
    elsewhere). Each attribute (site.html, site.pdf…) waits for its format;
    a failed build fails every test that reads it, with the build's message."""
    site = SharedSite(shared_tmp)
    yield site
    site.finish()


@pytest.fixture(scope="session")
def edited_site(shared_tmp, resume_cache) -> SharedSite:
    """A copy of the site edited as its owner edits it (support/owner_edits.py:
    the README's templates followed, a new headline and summary), built like
    ``site``, once for the whole run, for the tests of each edit."""
    site = SharedSite(shared_tmp, "edited", owner_edits.edit)
    yield site
    site.finish()


@pytest.fixture(scope="session", autouse=True)
def site_starts_first(request):
    """Start the site's build with the run, when a selected test reads it, so
    that the tests which need no site run meanwhile."""
    if any("site" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("site").start()


@pytest.fixture(scope="session")
def site_env(site):
    """The Sphinx environment of the site's LaTeX build, as it was pickled."""
    with open(site.doctrees("latex") / "environment.pickle", "rb") as f:
        return pickle.load(f)


@pytest.fixture(scope="session")
def career(site_env):
    """The career model the site was built from."""
    return site_env.portfolio_career


@pytest.fixture(scope="session")
def resume_career(site, career):
    """The career as the full résumé shows it: the bullets its plain text
    (resume.txt, proved word for word with its PDF) keeps, which is every
    bullet unless some had to give way for the résumé to fit its pages."""
    lines = set((site.html / "resume.txt").read_text(encoding="utf-8").splitlines())

    def kept(bullet: str) -> bool:
        return " ".join(bullet.split()) in lines

    roles = [dataclasses.replace(r, bullets=list(filter(kept, r.bullets)))
             for r in career.roles]
    contributions = [c for c in career.contributions if kept(c.bullet)]
    return dataclasses.replace(career, roles=roles, contributions=contributions)


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's sources, for tests that break them on purpose."""
    return copy_sources(tmp_path / "src")


# -- The sources the site is made from --------------------------------------

@pytest.fixture(scope="session")
def resume() -> seed.Resume:
    """The parsed résumé; tests using it skip when ../shared is absent."""
    parsed = seed.load()
    if parsed is None:
        pytest.skip(seed.MISSING)
    return parsed


@pytest.fixture(scope="session")
def peps() -> list[dict]:
    """The headers of every PEP Donald Stufft authored (../shared/data/peps.json)."""
    if not seed.PEPS.is_file():
        pytest.skip(seed.MISSING)
    return json.loads(seed.PEPS.read_text(encoding="utf-8"))["peps"]


@pytest.fixture(scope="session")
def role_pages(site, resume) -> dict[seed.Position, Path]:
    """Each position's page, found by its title ("Title, Employer")."""
    found = {}
    for page in pages.pages(site.html / "experience", "*.html"):
        heading = pages.title(page)
        for position in resume.positions:
            if heading == pages.normalise(str(position)):
                found[position] = page
    return found


# -- The built site in a real browser ----------------------------------------

@pytest.fixture(scope="session")
def site_prefix(site) -> str:
    """The path the site is published under, as its canonical URLs give it."""
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"',
                          (site.html / "index.html").read_text(encoding="utf-8"))
    return urlsplit(canonical[1]).path.removesuffix("index.html") if canonical else "/"


@pytest.fixture(scope="session")
def http_server(site, site_prefix):
    """The built HTML on localhost, at the path its canonical URLs use, and
    axe-core beside it (support/scripts.py's add_axe)."""
    with serve(site.html, site_prefix, files={AXE_PATH: AXE}) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's, else Playwright's: tools/chromium.py),
    driven by Playwright. Without one, each browser test fails with the one
    line that says what to install."""
    try:
        chromium.executable()
    except chromium.ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    with chromium.launch() as browser:
        yield browser


@pytest.fixture(scope="session")
def html_pages(site) -> list[str]:
    """Every page of the HTML site, as paths relative to its root."""
    return sorted(
        page.relative_to(site.html).as_posix()
        for page in site.html.rglob("*.html")
        if not page.relative_to(site.html).parts[0].startswith("_")  # _static, _sources
    )
