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

from tools.build import LATEXMK, ROOT, build_env, sphinx_args


@dataclass(frozen=True)
class Site:
    """One way of building the same sources into HTML."""

    name: str
    overrides: tuple[str, ...] = ()  # sphinx-build -D settings
    strict: bool = True  # peers may warn about our furo-only settings


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


def _sphinx(builder: str, src: Path, out: Path, doctrees: Path, *,
            jobs: str = "auto", site: Site = OURS) -> list[str]:
    args = sphinx_args(builder, out, doctrees, src)
    args[args.index("-j") + 1] = jobs
    if not site.strict:
        args = [a for a in args if a not in ("-W", "-n", "--keep-going")]
    for setting in site.overrides:
        args[:0] = ["-D", setting]
    return [sys.executable, "-m", "sphinx", *args]


def _run(cmd: list[str], cwd: Path | None = None) -> tuple[float, str]:
    """Run a build command; return its wall time and its output."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=build_env(), capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout + done.stderr


def cold(builder: str, src: Path, work: Path, *, jobs: str = "auto",
         site: Site = OURS) -> float:
    """Seconds for a build from nothing (no output, no saved environment)."""
    out, doctrees = work / "out", work / "doctrees"
    shutil.rmtree(work, ignore_errors=True)
    seconds, _ = _run(_sphinx(builder, src, out, doctrees, jobs=jobs, site=site))
    if builder == "latex":  # the PDF: then typeset, as Read the Docs does
        seconds += _run(LATEXMK, cwd=out)[0]
    return seconds


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
    out, doctrees = work / "out", work / "doctrees"
    if not (doctrees / "environment.pickle").exists():
        _run(_sphinx("html", src, out, doctrees, jobs=jobs))
    with page.open("a") as f:
        f.write(f"\n% edited by the benchmark, run {run}\n")
    seconds, output = _run(_sphinx("html", src, out, doctrees, jobs=jobs))
    match = _UPDATING.search(output)
    changed = int(match.group(2)) + int(match.group(1)) if match else 0
    return Incremental(seconds, changed, _reread(output))
