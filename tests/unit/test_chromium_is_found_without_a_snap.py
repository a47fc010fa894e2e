"""The browser is found on Debian and on Ubuntu 24.04 alike (tools/chromium.py):
Debian's /usr/bin/chromium where it is installed; not a wrapper that runs the
Chromium snap (Ubuntu's `chromium` package), which headless Playwright cannot
drive; Playwright's own Chromium otherwise, installed on first use; and one
line saying what to install when neither can be had.

The machine's own paths are replaced by files made here, so each case runs on
any machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools import chromium

# Debian's /usr/bin/chromium is itself a shell script, which runs /usr/lib/chromium/chromium.
DEBIAN = '#!/bin/sh\nLIBDIR=/usr/lib/chromium\nexec $LIBDIR/chromium "$@"\n'
# Ubuntu 24.04's chromium-browser package (the "chromium" it installs is this).
UBUNTU = ('#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n'
          '    echo "Command \'$0\' requires the chromium snap to be installed." >&2\n'
          '    exit 1\nfi\nexec /snap/bin/chromium "$@"\n')


def script(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """No distribution Chromium and no Playwright Chromium until a case adds them."""
    monkeypatch.setattr(chromium, "CANDIDATES", (str(tmp_path / "usr/bin/chromium"),
                                                 str(tmp_path / "usr/bin/chromium-browser")))
    own = tmp_path / "ms-playwright" / "chromium-1" / "chrome"
    monkeypatch.setattr(chromium, "playwright_chromium", lambda: own)
    # Playwright's installer prints its progress, its errors, then gives up.
    failing = ("print('Downloading Chromium'); import sys; "
               "sys.stderr.write('Error: getaddrinfo ENOTFOUND (no network)\\n"
               "Error: Download failure, code=1\\n'); sys.exit(1)")
    monkeypatch.setattr(chromium, "INSTALL", (sys.executable, "-c", failing))
    chromium.executable.cache_clear()
    yield tmp_path
    chromium.executable.cache_clear()


def test_debian_chromium_is_used(machine):
    debian = script(machine / "usr/bin/chromium", DEBIAN)
    assert chromium.executable() == str(debian)


def test_ubuntu_snap_wrapper_is_passed_over_for_playwright_chromium(machine):
    script(machine / "usr/bin/chromium-browser", UBUNTU)
    own = script(machine / "ms-playwright" / "chromium-1" / "chrome", "#!/bin/sh\n")
    assert chromium.executable() == str(own)


def test_a_link_to_snap_is_passed_over(machine):
    snap = script(machine / "usr/bin/snap", "\x7fELF not really\n")
    (machine / "usr/bin/chromium").symlink_to(snap)
    assert chromium.is_snap(machine / "usr/bin/chromium")
    assert chromium.distribution() is None


def test_playwright_chromium_is_installed_on_first_use(machine, monkeypatch):
    script(machine / "usr/bin/chromium-browser", UBUNTU)
    own = machine / "ms-playwright" / "chromium-1" / "chrome"
    install = (f"import pathlib; p = pathlib.Path({str(own)!r}); "
               "p.parent.mkdir(parents=True); p.write_text('#!/bin/sh')")
    monkeypatch.setattr(chromium, "INSTALL", (sys.executable, "-c", install))
    assert chromium.executable() == str(own)
    assert own.is_file()


def test_no_chromium_at_all_says_what_to_install_in_one_line(machine):
    script(machine / "usr/bin/chromium-browser", UBUNTU)
    with pytest.raises(chromium.ChromiumMissing) as missing:
        chromium.executable()
    message = str(missing.value)
    assert "\n" not in message
    assert "apt-get install chromium" in message
    assert "python -m playwright install chromium" in message
    assert "failed: Error: getaddrinfo ENOTFOUND (no network))" in message  # why
