"""The author's side: how long builds take, cold and after editing one page.

Every build runs on a scratch copy of the sources (benchmarks edit a page)
with the exact arguments `./run build` uses (tools/build.py). Peer themes
build the same copy with only the theme switched.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from websockets.sync.client import connect  # sphinx-autobuild's own dependency

from tools import build
from tools.build import ROOT
from tools.serve import free_port, page_text


@dataclass(frozen=True)
class Site:
    """One way of building the same sources into HTML."""

    name: str
    settings: tuple[str, ...] = ()  # sphinx-build -D settings
    strict: bool = True  # peers may warn about our furo-only settings

    def plan(self, run: build.Runner, work: Path, src: Path,
             jobs: str = build.STRICT.jobs) -> build.Plan:
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
STEPS = {"html": build.Plan.html, "epub": build.Plan.epub, "pdf": build.Plan.pdf,
         "build": build.Plan.everything}  # `./run build`: all three, as it runs them


def cold(output: str, src: Path, work: Path, *, jobs: str = build.STRICT.jobs,
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


# -- The preview: from a save until the page is served ------------------------------

BULLET_PAGE = "experience/aws.md"  # a role: its bullets are in every résumé variant
PROSE_PAGE = "standards.md"  # prose only: no résumé variant reads it



def _until(condition, timeout: float, what: str) -> float:
    """Seconds until ``condition()`` holds, polled every 20 ms."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError(what)
        time.sleep(0.02)
    return time.perf_counter() - start


def _edit(page: Path, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text, f"{page}: no {old!r} to edit"
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class PreviewEdits:
    start: float  # until the first build is served, variants listed
    bullet: list[float]  # a résumé bullet edited: until the browser is told to reload
    prose: list[float]  # a sentence edited: until the browser is told to reload
    variants: list[float]  # after a bullet edit: until the download area lists every variant


class ReloadSignal:
    """sphinx-autobuild's reload channel, as its script in the browser uses
    it: the server sends "refresh" once a rebuild is done, and the page
    reloads. An edit "shows" when that message comes (and the page served
    then has it), not when the edited page's file is written, which is
    sooner for pages written early in a build."""

    def __init__(self, base: str) -> None:
        self.socket = connect(base.replace("http://", "ws://") + "/websocket-reload")

    def drain(self) -> None:
        """Forget the signals of builds already done (a background stamp's)."""
        while True:
            try:
                self.socket.recv(timeout=0.5)
            except TimeoutError:
                return

    def wait(self, timeout: float) -> None:
        if self.socket.recv(timeout=timeout) != "refresh":
            raise RuntimeError("sphinx-autobuild sent something other than refresh")

    def close(self) -> None:
        self.socket.close()


def preview_edits(src: Path, work: Path, runs: int,
                  command=None) -> PreviewEdits:
    """Serve ``src`` as `./run preview` does (tools/build.py's ``preview``,
    or ``command(out, src, port)``: (argv, env), for another revision's) and
    time, from the save, until the browser is told to reload (the edited
    page then served with the edit)."""
    out = build.Outputs(work)
    shutil.rmtree(work, ignore_errors=True)
    port = free_port()
    args, env = (command or _preview)(out, src, port)
    log = (work.parent / f"{work.name}.log").open("w")
    server = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        def listed() -> bool:  # the download area lists every variant: nothing pending
            page = page_text(f"{base}/")
            return "Download the résumé" in page and "being updated" not in page

        stamp = build.preview_stamp(out)  # touched when the variants are typeset

        def stamped(since: float) -> bool:  # a revision without one typesets before writing
            return not stamp.exists() or stamp.stat().st_mtime >= since

        start = _until(listed, 1800, "the preview never listed every variant")
        result = PreviewEdits(start, [], [], [])
        reload = ReloadSignal(base)

        def shown(page: str, old: str, new: str) -> float:
            """Save the edit; seconds until the browser is told to reload."""
            reload.drain()
            _edit(src / page, old, new)
            saved = time.perf_counter()
            while True:  # a rebuild under way at the save ends without the edit
                reload.wait(600 - (time.perf_counter() - saved))
                took = time.perf_counter() - saved
                if new in page_text(f"{base}/{page.removesuffix('.md')}.html"):
                    return took

        def followed(saved: float):
            return lambda: stamped(saved) and listed()

        for run in range(runs):
            old, new = ("Python SDK for AWS.", f"Python SDK for AWS (edit {run}).") if not run \
                else (f"(edit {run - 1}).", f"(edit {run}).")
            saved = time.time()
            result.bullet.append(shown(BULLET_PAGE, old, new))
            result.variants.append(result.bullet[-1] + _until(followed(saved), 1800, "variants"))
            time.sleep(1)  # sphinx-autobuild's last rebuild settles
        prose = "as listed by the"
        for run in range(runs):
            old, new = (prose, f"as listed (prose {run}) by the") if not run \
                else (f"(prose {run - 1})", f"(prose {run})")
            result.prose.append(shown(PROSE_PAGE, old, new))
            time.sleep(1)
        reload.close()
        return result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def _preview(out: build.Outputs, src: Path, port: int) -> tuple[list[str], dict[str, str]]:
    return build.preview(out, src, ("--port", str(port)))
