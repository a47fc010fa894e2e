"""The build plan (tools/build.py) that `./run build`, the tests' site and
the benchmark share: every step runs strictly, in order, and a failing
command stops the build and says which it was."""

from __future__ import annotations

import subprocess
import sys

from tools.build import ROOT, STRICT, Command, Options, Outputs, Plan

STRICT_ARGS = {"-W", "--keep-going", "-n"}
OUT = Outputs(ROOT / "_build" / "never-written")  # the recorder below runs nothing


def _recorded(step, options: Options = STRICT) -> tuple[list[Command], list]:
    commands: list[Command] = []
    made = step(Plan(commands.append, OUT, ROOT, options))
    return commands, made


def test_everything_builds_each_format_strictly_then_typesets():
    commands, made = _recorded(Plan.everything)
    sphinx = [c for c in commands if c.args[1:3] == ("-m", "sphinx")]
    assert [c.args[c.args.index("-b") + 1] for c in sphinx] == ["html", "epub", "latex"]
    assert all(set(c.args) >= STRICT_ARGS for c in sphinx)
    assert [(c.args[0], c.cwd) for c in commands[3:]] == [("latexmk", OUT.latex)]
    assert made == [OUT.html, OUT.epub, OUT.pdf, OUT.standalone_resume]


def test_the_benchmarks_options_reach_sphinx_build():
    commands, _ = _recorded(Plan.html, Options(strict=False, jobs="auto",
                                               settings=("html_theme=x",)))
    (args,) = [c.args for c in commands]
    assert not STRICT_ARGS & set(args)
    assert args[args.index("-j") + 1] == "auto"
    assert args[args.index("-D") + 1] == "html_theme=x"


def test_a_failing_command_stops_the_build_and_says_which():
    result = subprocess.run(
        [sys.executable, "-m", "tools.build", "html", "epub", "--", "--no-such-option"],
        cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "-b html" in result.stderr
    assert "--no-such-option failed" in result.stderr
    assert "-b epub" not in result.stdout  # stopped at the first failure
