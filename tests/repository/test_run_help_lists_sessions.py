"""`./run help`, `./run --help` and `-h` list every session of noxfile.py,
one line each: its name and its docstring's first line. An unknown session
gets the same list after an error, and a non-zero exit.

It runs the real ./run, whose nox environment (.venv) `./run tests` made.
"""

from __future__ import annotations

import subprocess

import pytest

from support.nox_sessions import sessions
from tools.build import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    if not (ROOT / ".venv" / "bin" / "nox").exists():
        pytest.skip("no .venv with nox: run the tests with ./run tests")
    return subprocess.run([ROOT / "run", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def listed(output: str) -> list[tuple[str, str]]:
    return [tuple(line.split(maxsplit=1)) for line in output.splitlines()
            if line.startswith("  ")]


@pytest.mark.parametrize("word", ["help", "--help", "-h"])
def test_help_lists_every_session_with_its_line(word):
    result = run(word)
    assert result.returncode == 0, result.stderr
    assert listed(result.stdout) == sessions()
    assert "usage: ./run SESSION" in result.stdout


def test_an_unknown_session_is_an_error_with_the_list():
    result = run("nosuch")
    assert result.returncode != 0
    assert "no session named 'nosuch'" in result.stderr
    assert listed(result.stderr) == sessions()


def test_every_session_says_what_it_does_in_one_line():
    for name, line in sessions():
        assert line.endswith("."), f"{name}: its docstring's first line is cut: {line!r}"
