"""`./run SESSION ARGS` hands ARGS to the session once, with or without a `--`.

The real ./run runs in a copy of the repository's top level whose .venv holds
a stand-in nox that prints the arguments it was given, one per line (and
lists the sessions these tests name when ./run asks for the list); the lock is
current and no Debian package is asked for, so ./run goes straight to nox.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tools.build import ROOT

FAKE_NOX = """#!/bin/sh
if [ "$1" = --list-sessions ]; then
  echo '[{"session": "build", "description": ""}, {"session": "lint", "description": ""},'
  echo ' {"session": "tests", "description": ""}]'; exit 0
fi
for arg in "$@"; do printf "%s\\n" "$arg"; done
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    top = tmp_path_factory.mktemp("run")
    shutil.copy2(ROOT / "run", top / "run")
    (top / "debian-packages.txt").write_text("# nothing to install\n", encoding="utf-8")
    (top / "requirements").mkdir()
    shutil.copy(ROOT / "requirements" / "nox.txt", top / "requirements" / "nox.txt")
    (top / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "requirements" / "nox.txt", top / ".venv" / ".nox-lock")
    nox = top / ".venv" / "bin" / "nox"
    nox.write_text(FAKE_NOX, encoding="utf-8")
    nox.chmod(0o755)
    os.symlink(sys.executable, top / ".venv" / "bin" / "python")  # ./run reads the list with it

    def nox_arguments(*args: str) -> list[str]:
        result = subprocess.run([top / "run", *args], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    return nox_arguments


@pytest.mark.parametrize("args", [
    ["tests", "-k", "pdf"],
    ["tests", "--", "-k", "pdf"],
], ids=["plain", "after --"])
def test_arguments_reach_the_session_once(run, args):
    assert run(*args) == ["-s", "tests", "--", "-k", "pdf"]


def test_a_later_separator_is_the_sessions_own(run):
    # Only a leading `--` is ./run's; pytest reads any later one itself.
    assert run("tests", "-k", "pdf", "--", "x") == ["-s", "tests", "--", "-k", "pdf", "--", "x"]


def test_an_argument_with_spaces_stays_one_argument(run):
    assert run("tests", "-k", "pdf and not private") == [
        "-s", "tests", "--", "-k", "pdf and not private"]


def test_no_arguments_pass_none(run):
    assert run("lint") == ["-s", "lint"]
    assert run("lint", "--") == ["-s", "lint"]
    assert run() == ["-s", "build"]
