"""Shared fixtures: the real site, built once per test session in every format;
the résumé it is checked against; a local web server and a headless browser.

Tests read the outputs through the ``site`` fixture; fixture sites for the
model's validation live under tests/roots/.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pages
import pytest
import seed

from tools.build import (
    JOBNAME, RESUME, ROOT, publish_resume, run_latexmk, run_resume_latexmk, run_sphinx,
)

pytest_plugins = ["sphinx.testing.fixtures"]

SHARED = seed.SHARED

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
    # pytest.fail, not pytest.exit: every test using the site errors with this
    # message (the fixture is not retried), and the tests that do not need it
    # still run.
    if result.returncode:
        pytest.fail(f"{what} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
                    pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def resume_cache(tmp_path_factory):
    """One cache of typeset résumé variants (by hash) for every build of the
    session: a copy of the site retypesets only the variants its edit changed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTFOLIO_RESUME_CACHE", str(tmp_path_factory.mktemp("resume-cache")))
        yield


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build HTML, ePub and PDF once, strictly, exactly as `./run build` does."""
    root = tmp_path_factory.mktemp("site")
    for builder in ("html", "epub", "latex"):
        result = run_sphinx(builder, root / builder, root / "doctrees" / builder)
        _check(result, f"sphinx -b {builder}")
    _check(run_latexmk(root / "latex"), "latexmk")
    _check(run_resume_latexmk(root / "latex"), "latexmk (résumé)")
    publish_resume(root / "latex", root / "html")
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


def copy_sources(dest: Path) -> Path:
    """Copy the site's sources (not its builds or environments) to dest."""
    shutil.copytree(
        ROOT, dest,
        ignore=shutil.ignore_patterns("_build", "_readthedocs", ".nox", ".venv", ".git",
                                      "node_modules", "__pycache__"),
    )
    return dest


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

CHROMIUM = "/usr/bin/chromium"  # Debian's: Playwright downloads no browser
CHROMIUM_ARGS = [
    "--no-sandbox",  # tests may run as root (CI)
    "--disable-gpu",
    "--disable-background-networking",  # no requests but the page's own
    "--disable-component-update",
    "--no-first-run",
]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serve the HTML under its published path prefix (as Read the Docs does,
    /en/latest/), answering a missing page with 404.html and status 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet: failures are reported by the tests
        pass


@dataclass(frozen=True)
class Server:
    url: str  # the site's root, e.g. http://127.0.0.1:PORT/en/latest/

    def page(self, path: str) -> str:
        return self.url + path


@contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Serve a directory on localhost under a path prefix; yields the Server."""
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_port}{prefix}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def http_server(site):
    """The built HTML on localhost, at the path its canonical URLs use."""
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"',
                          (site.html / "index.html").read_text(encoding="utf-8"))
    prefix = urlsplit(canonical[1]).path.removesuffix("index.html") if canonical else "/"
    with serve(site.html, prefix) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def html_pages(site) -> list[str]:
    """Every page of the HTML site, as paths relative to its root."""
    return sorted(
        page.relative_to(site.html).as_posix()
        for page in site.html.rglob("*.html")
        if not page.relative_to(site.html).parts[0].startswith("_")  # _static, _sources
    )
