"""`./run tests` asks for Debian's Chromium on Debian, and not on Ubuntu, whose
`chromium` package installs only the Chromium snap (the tests use
Playwright's own Chromium there: tools/chromium.py).

The real ./run and debian-packages.txt run in a copy whose /etc/os-release is
a file made here, on a PATH where no package is installed and the user may
not install one, so ./run stops and names what is missing.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tools.build import ROOT

OS_RELEASE = {
    "debian": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n',
    "ubuntu": 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nID=ubuntu\nID_LIKE=debian\n',
}


@pytest.fixture
def missing(tmp_path):
    top, bin_ = tmp_path / "top", tmp_path / "bin"
    top.mkdir()
    bin_.mkdir()
    run = (ROOT / "run").read_text(encoding="utf-8")
    (top / "run").write_text(run.replace("/etc/os-release", str(tmp_path / "os-release")),
                             encoding="utf-8")
    (top / "run").chmod(0o755)
    shutil.copy(ROOT / "debian-packages.txt", top)
    for tool in ("bash", "dirname", "grep", "cat"):
        (bin_ / tool).symlink_to(shutil.which(tool))
    for fake, script in {"dpkg-query": "exit 1", "id": "echo 1000"}.items():
        (bin_ / fake).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (bin_ / fake).chmod(0o755)

    def asked_for(distribution: str) -> list[str]:
        (tmp_path / "os-release").write_text(OS_RELEASE[distribution], encoding="utf-8")
        result = subprocess.run([top / "run", "tests"], capture_output=True, text=True,
                                env={"PATH": str(bin_)})
        assert result.returncode == 1, result.stderr
        first = result.stderr.splitlines()[0]
        assert first.startswith("./run tests needs these Debian packages: "), result.stderr
        return first.split(": ", 1)[1].split()

    return asked_for


def test_debian_gets_its_chromium(missing):
    assert "chromium" in missing("debian")


def test_ubuntu_is_not_given_the_snap(missing):
    packages = missing("ubuntu")
    assert "chromium" not in packages
    assert "pandoc" in packages  # the rest of the group still is
