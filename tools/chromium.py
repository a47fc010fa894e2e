"""A headless Chromium for the browser tests, the benchmark and the social
image: Debian's own where it has one, else Playwright's.

Debian's `chromium` package installs /usr/bin/chromium. Ubuntu's installs
only a wrapper that runs the Chromium snap (/usr/bin/chromium-browser, or
/snap/bin/chromium), which a headless Playwright cannot drive; there, and
wherever no distribution Chromium is installed, Playwright's own Chromium is
used, downloaded on first use (`python -m playwright install chromium`).
Where neither can be had, `executable()` raises ChromiumMissing with one line
that says what to install.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

# The distributions' Chromium, most likely first; a snap's wrapper is skipped.
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ARGS = (
    "--no-sandbox",  # tests may run as root (CI, containers)
    "--disable-gpu",
    "--disable-background-networking",  # no requests but the page's own
    "--disable-component-update",
    "--no-first-run",
)
# As root (CI, containers) Playwright also installs the libraries its Chromium
# links (apt-get), which a machine without a distribution Chromium may lack.
INSTALL = (sys.executable, "-m", "playwright", "install",
           *(["--with-deps"] if os.geteuid() == 0 else []), "chromium")
HELP = ("no Chromium to run headless: install Debian's (`sudo apt-get install chromium`) "
        "or Playwright's (`python -m playwright install chromium`; on Ubuntu, whose "
        "`chromium` is a snap, also `sudo python -m playwright install-deps chromium`)")


class ChromiumMissing(RuntimeError):
    """Neither a distribution's Chromium nor Playwright's could be found or installed."""


def is_snap(path: Path) -> bool:
    """Whether path runs the Chromium snap rather than being a browser itself:
    a link into /snap (snapd's /snap/bin/chromium -> /usr/bin/snap), or a
    script that hands over to the snap (Ubuntu's transitional package)."""
    real = path.resolve()
    if real.parts[1:2] == ("snap",) or real.name == "snap":
        return True
    with open(real, "rb") as f:
        head = f.read(64 * 1024)
    return head.startswith(b"#!") and b"/snap/" in head


def distribution() -> Path | None:
    """The distribution's Chromium, if one is installed that is not a snap."""
    for candidate in map(Path, CANDIDATES):
        if candidate.is_file() and not is_snap(candidate):
            return candidate
    return None


def playwright_chromium() -> Path:
    """Where Playwright keeps its own Chromium (present or not)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (tests and bench only)

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path)


def download() -> None:
    """Install Playwright's Chromium; ChromiumMissing if that fails."""
    try:
        done = subprocess.run(INSTALL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, check=False)
    except OSError as error:
        raise ChromiumMissing(f"{HELP} ({error})") from None
    if done.returncode:
        lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
        # Its first error says why (a download refused, no network), not its last.
        why = next((line for line in lines if line.startswith("Error:")), lines[-1] if lines
                   else f"exit code {done.returncode}")
        raise ChromiumMissing(f"{HELP} (`playwright install chromium` failed: {why})")


@cache
def executable() -> str:
    """The Chromium to run: the distribution's, else Playwright's, downloaded
    on first use; ChromiumMissing when neither can be had."""
    if found := distribution():
        return str(found)
    try:
        own = playwright_chromium()
    except ImportError:
        raise ChromiumMissing(f"{HELP} (Playwright is not installed either)") from None
    if not own.is_file():
        download()
    if not own.is_file():
        raise ChromiumMissing(f"{HELP} (Playwright installed none at {own})")
    return str(own)


@contextmanager
def launch() -> Iterator:
    """A headless Chromium driven by Playwright (a playwright Browser)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (tests and bench only)

    path = executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=list(ARGS))
        try:
            yield browser
        finally:
            browser.close()
