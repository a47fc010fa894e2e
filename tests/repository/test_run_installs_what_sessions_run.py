"""Each `./run` session installs the Debian packages of what it runs.

What a session runs is read from noxfile.py: the build targets and modules
it names in a call (``plan(session, "html")``, ``docs_run(session,
"tools.og_image")``, ``session.run("pytest")``, sphinx-autobuild) and the npm
tools (``npm_ci``). The groups each needs are the ones debian-packages.txt
gives those commands: ``pdf`` for LuaLaTeX and latexmk, which the HTML build
(the résumé variants), the PDF and the résumé builder run, and the test
suite and the benchmark build; ``tests`` for Chromium, Java and npm. The
groups ./run installs come from its ``case`` over the session's name.
"""

from __future__ import annotations

import ast
import re

import pytest

from support.nox_sessions import sessions
from tools.build import ROOT

# What a call names -> the debian-packages.txt groups it needs (beyond base).
LUALATEX = {"html", "pdf", "build", "resume", "tools.readthedocs", "sphinx-autobuild",
            "pytest", "benchmarks.bench"}
BROWSER = {"pytest", "benchmarks.bench", "tools.og_image", "npm_ci"}


def runs(function: ast.FunctionDef) -> set[str]:
    """The strings a session's calls are given, and the helpers it calls."""
    found = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                found.add(node.func.id)
            for arg in node.args:
                for leaf in ast.walk(arg):
                    if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                        found.add(leaf.value)
    return found


def needs() -> dict[str, set[str]]:
    functions = {node.name.replace("_", "-"): node for node in
                 ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8")).body
                 if isinstance(node, ast.FunctionDef)}
    needed = {}
    for name, _ in sessions():
        called = runs(functions[name])
        needed[name] = {"base"} | ({"pdf"} if called & LUALATEX else set()) | (
            {"tests"} if called & BROWSER else set())
    return needed


def installed(session: str) -> set[str]:
    """The groups ./run's case installs for ``session``."""
    text = (ROOT / "run").read_text(encoding="utf-8")
    case = text[text.index('case "$session" in'):]
    for patterns, groups in re.findall(r'^\s*([\w|*-]+)\)\s+groups="([^"]+)"', case, re.M):
        if session in patterns.split("|") or patterns == "*":
            return set(groups.split())
    raise AssertionError(f"./run's case has no arm for {session}, nor a default")


def declared_groups() -> set[str]:
    lines = (ROOT / "debian-packages.txt").read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize("session", [name for name, _ in sessions()])
def test_each_session_installs_the_groups_of_what_it_runs(session):
    missing = needs()[session] - installed(session)
    assert not missing, (f"./run {session} runs what the {sorted(missing)} group(s) of "
                         "debian-packages.txt install: add them to its arm in ./run's case")


def test_the_groups_run_installs_are_declared():
    for session, _ in sessions():
        assert installed(session) <= declared_groups(), session


def test_a_session_that_builds_the_site_needs_lualatex():
    # The reading above is not vacuous: it finds the build in `html`.
    assert "pdf" in needs()["html"]
    assert "pdf" not in needs()["lint"]
