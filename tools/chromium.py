"""Debian's Chromium, headless, for the browser tests, the benchmark and the
social image: Playwright and Lighthouse download no browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
ARGS = (
    "--no-sandbox",  # tests may run as root (CI, containers)
    "--disable-gpu",
    "--disable-background-networking",  # no requests but the page's own
    "--disable-component-update",
    "--no-first-run",
)


@contextmanager
def launch() -> Iterator:
    """A headless Chromium driven by Playwright (a playwright Browser)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (tests and bench only)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))
        try:
            yield browser
        finally:
            browser.close()
