"""The author's side: how long builds take, cold and after editing one page.

Every build runs on a scratch copy of the sources (benchmarks edit a page)
with the exact arguments `./run build` uses (tools/build.py). Peer themes
build the same copy with only the theme switched.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tools import build
from tools.build import ROOT


@dataclass(frozen=True)
class Site:
    """One way of building the same sources into HTML."""

    name: str
    settings: tuple[str, ...] = ()  # sphinx-build -D settings
    strict: bool = True  # peers may warn about our furo-only settings

    def plan(self, run: build.Runner, work: Path, src: Path, jobs: str = "auto") -> build.Plan:
        """The build plan `./run build` follows, from src into work."""
        options = build.Options(strict=self.strict, jobs=jobs, settings=self.settings)
        return build.Plan(run, build.Outputs(work), src, options)


OURS = Site("ours")
PEERS = (
    # furo as installed, without our build-time steps: the "before".
    Site("furo stock", ("portfolio_speedups=0",), strict=False),
    Site("rtd", ("html_theme=sphinx_rtd_theme",), strict=False),
    Site("pydata", ("html_theme=pydata_sphinx_theme",), strict=False),
)


def copy_sources(dest: Path) -> Path:
    """Copy what git would build (tracked and new, not ignored files) to dest."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    shutil.rmtree(dest, ignore_errors=True)
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a deleted but still tracked file is skipped
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


class Timer:
    """A runner for the plan: runs each command, adding up wall time and output."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.output = ""

    def __call__(self, command: build.Command) -> None:
        start = time.perf_counter()
        done = build.capture(command)
        self.seconds += time.perf_counter() - start
        if done.returncode:
            sys.exit(f"{command} failed:\n{done.stdout}\n{done.stderr}")
        self.output += done.stdout + done.stderr


# The plan's step for each output timed: the PDF is Sphinx's LaTeX, then
# latexmk, as Read the Docs runs them.
STEPS = {"html": build.Plan.html, "epub": build.Plan.epub, "pdf": build.Plan.pdf}


def cold(output: str, src: Path, work: Path, *, jobs: str = "auto",
         site: Site = OURS) -> float:
    """Seconds for a build from nothing (no output, no saved environment)."""
    shutil.rmtree(work, ignore_errors=True)
    timer = Timer()
    STEPS[output](site.plan(timer, work, src, jobs))
    return timer.seconds


_UPDATING = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed")
_READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (.+)")


def _reread(output: str) -> list[str]:
    """The documents Sphinx says it read (one per line when reading serially)."""
    names: list[str] = []
    for line in output.splitlines():
        if match := _READING.search(line):
            names += [n for n in match.group(1).split(" .. ") if n not in names]
    return names


@dataclass
class Incremental:
    seconds: float
    changed: int  # Sphinx's "N changed", which includes pages extensions add
    reread: list[str]


def incremental(src: Path, work: Path, page: Path, run: int, *, jobs: str) -> Incremental:
    """Rebuild HTML after editing one page, as the author does in preview
    (sphinx-autobuild runs sphinx-build anew after each change, serially).

    The first build of work/ is cold; each run then appends a comment to
    page (a MyST comment: the page's output is unchanged) and rebuilds.
    """
    if not (build.Outputs(work).doctrees("html") / "environment.pickle").exists():
        OURS.plan(Timer(), work, src, jobs).html()
    with page.open("a") as f:
        f.write(f"\n% edited by the benchmark, run {run}\n")
    timer = Timer()
    OURS.plan(timer, work, src, jobs).html()
    match = _UPDATING.search(timer.output)
    changed = int(match.group(2)) + int(match.group(1)) if match else 0
    return Incremental(timer.seconds, changed, _reread(timer.output))
