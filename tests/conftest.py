"""Shared fixtures: the real site, built once per test session in every format.

Tests read the outputs through the ``site`` fixture; fixture sites for the
model's validation live under tests/roots/.
"""

from __future__ import annotations

import re
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools.build import JOBNAME, ROOT, run_latexmk, run_sphinx

pytest_plugins = ["sphinx.testing.fixtures"]

SHARED = ROOT.parent / "shared"  # the résumé and PEP data the site is made from


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
    if result.returncode:
        pytest.exit(f"{what} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}", returncode=1)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build HTML, ePub and PDF once, strictly, exactly as `./run build` does."""
    root = tmp_path_factory.mktemp("site")
    for builder in ("html", "epub", "latex"):
        _check(run_sphinx(builder, root / builder, root / "doctrees" / builder), f"sphinx -b {builder}")
    _check(run_latexmk(root / "latex"), "latexmk")
    return Site(root)


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's sources, for tests that break them on purpose."""
    dest = tmp_path / "src"
    shutil.copytree(
        ROOT, dest,
        ignore=shutil.ignore_patterns("_build", ".nox", ".venv", ".git", "node_modules", "__pycache__"),
    )
    return dest


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
