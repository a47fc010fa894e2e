"""Shared fixtures: the real site, built once per test session in every format;
the résumé it is checked against; a local web server and a headless browser.

Tests read the outputs through the ``site`` fixture; fixture sites for the
model's validation live under tests/roots/.
"""

from __future__ import annotations

import functools
import json
import shutil
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pages
import pytest
import seed

from tools.build import JOBNAME, ROOT, run_latexmk, run_sphinx

pytest_plugins = ["sphinx.testing.fixtures"]

SHARED = seed.SHARED
CHROMIUM = "/usr/bin/chromium"  # Debian's (debian-packages.txt): no browser download


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


def _check(result, what: str) -> None:
    # pytest.fail, not pytest.exit: every test using the site errors with this
    # message (the fixture is not retried), and the tests that do not need it
    # still run.
    if result.returncode:
        pytest.fail(f"{what} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
                    pytrace=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build HTML, ePub and PDF once, strictly, exactly as `./run build` does."""
    root = tmp_path_factory.mktemp("site")
    for builder in ("html", "epub", "latex"):
        result = run_sphinx(builder, root / builder, root / "doctrees" / builder)
        _check(result, f"sphinx -b {builder}")
    _check(run_latexmk(root / "latex"), "latexmk")
    return Site(root)


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's sources, for tests that break them on purpose."""
    dest = tmp_path / "src"
    shutil.copytree(
        ROOT, dest,
        ignore=shutil.ignore_patterns("_build", ".nox", ".venv", ".git", "node_modules",
                                      "__pycache__"),
    )
    return dest


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


# -- Serving the HTML and driving a browser ---------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


@pytest.fixture(scope="session")
def http_server(site):
    """The built HTML served on localhost; yields the base URL ("http://127.0.0.1:PORT/")."""
    handler = functools.partial(_QuietHandler, directory=str(site.html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield chromium
        chromium.close()
