"""The one build of the site that every test process reads (and of an
edited copy of it: ``edit``).

pytest-xdist runs the tests in several worker processes; the site is built
once for all of them, in a directory they share, by whichever asks first.
That worker builds it in a background thread, one format after the other,
HTML first, and marks each one done; a test waits only for the format it
reads (``site.html`` for the HTML, ``site.pdf`` for the PDF), so the HTML
tests run while the ePub and the PDF are still being made. A lock held for
the whole build tells the others that it is under way; a failure is written
down once, and every test that reads the site fails with its message (the
tests that do not read it still run).

The build runs its commands with the environment, umask and directory the
run started with: a test that sets PORTFOLIO_PHONE or TZ, or changes the
umask, while the build goes on in its process changes nothing in the site.

With one process (``pytest -n 0``) it is the same, with one reader.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from support.sources import copy_sources
from tools.build import ROOT, BuildFailed, Command, Outputs, Plan, build_env, latexmk


def _typeset(plan: Plan) -> None:
    """The rest of Plan.pdf, once Plan.latex is done: latexmk."""
    plan.run(latexmk(plan.out.latex))


# The formats in the order they are built, each with the step that makes it:
# Plan.everything, with the PDF's two steps apart (Sphinx's LaTeX and the
# standalone résumé, then latexmk), so the model's tests, which read the
# LaTeX build's environment, need not wait for latexmk.
STEPS = (("html", Plan.html), ("epub", Plan.epub), ("latex", Plan.latex), ("pdf", _typeset))


def as_started():
    """tools.build's runner for the tests (captured), with the process's
    environment and umask as they are now, whatever tests change later."""
    env = build_env()
    umask = os.umask(0o022)
    os.umask(umask)

    def run(command: Command) -> None:
        result = subprocess.run(command.args, cwd=command.cwd or ROOT,
                                env=command.environment(env), umask=umask,
                                capture_output=True, text=True)
        if result.returncode:
            output = f"{(result.stdout or '')[-4000:]}{(result.stderr or '')[-4000:]}"
            raise BuildFailed(f"{command} failed (exit code {result.returncode})\n{output}"
                              .rstrip())

    return run


class SharedSite:
    """The site's outputs (tools.build.Outputs), each waited for on first use.

    ``name`` names its directory in ``shared``; with ``edit``, the build is
    of a copy of the sources that ``edit`` has changed (made by the process
    that builds it), not of the sources themselves."""

    def __init__(self, shared: Path, name: str = "site",
                 edit: Callable[[Path], None] | None = None) -> None:
        self.shared = shared
        self.name = name
        self.edit = edit
        self.outputs = Outputs(shared / name)
        # Not thread-local: taken here, let go by the thread that builds.
        self.lock = FileLock(shared / f"{name}.lock", thread_local=False)
        self.thread: threading.Thread | None = None

    def _marker(self, step: str) -> Path:
        return self.shared / f"{self.name}.{step}.done"

    @property
    def _failure(self) -> Path:
        return self.shared / f"{self.name}.failed"

    @property
    def _started(self) -> Path:
        return self.shared / f"{self.name}.started"

    def start(self) -> None:
        """Start the build in the background, unless a process has already."""
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            return  # another process is building it
        if self._started.exists():
            self.lock.release()
            return
        self._started.touch()
        self.thread = threading.Thread(target=self._build, args=(as_started(),),
                                       name=f"{self.name} build", daemon=True)
        self.thread.start()

    def _sources(self) -> Path:
        if self.edit is None:
            return ROOT
        src = copy_sources(self.shared / f"{self.name}-src")
        self.edit(src)
        return src

    def _build(self, run) -> None:
        try:
            plan = Plan(run, self.outputs, self._sources())
            for step, make in STEPS:
                make(plan)
                self._marker(step).touch()
        except BuildFailed as error:
            self._failure.write_text(str(error), encoding="utf-8")
        except BaseException as error:
            # Any other error (an edit's own check) is every reader's failure
            # too; an interrupt goes on up.
            self._failure.write_text(f"the {self.name} build stopped: {error!r}",
                                     encoding="utf-8")
            if not isinstance(error, Exception):
                raise
        finally:
            self.lock.release()

    def wait(self, step: str) -> None:
        """Return once ``step`` is built; the test fails if the build did."""
        self.start()
        while not self._marker(step).exists():
            if self._failure.exists():
                pytest.fail(self._failure.read_text(encoding="utf-8"), pytrace=False)
            if self.thread is not None and self.thread.is_alive():
                time.sleep(0.2)  # this process builds it (the lock is its own)
                continue
            try:
                with self.lock.acquire(timeout=0):
                    pass
            except Timeout:
                time.sleep(0.2)  # under way
                continue
            # Nobody holds the lock: the build is over (or its process died).
            if not self._marker(step).exists() and not self._failure.exists():
                pytest.fail(f"the {self.name} build stopped before its {step} was made "
                            "(its test process died?)", pytrace=False)

    def finish(self) -> None:
        """Wait for a build this process started: the other processes read it."""
        if self.thread is not None:
            self.thread.join()

    # -- What tests read: tools.build.Outputs, once made ----------------------

    @property
    def root(self) -> Path:
        for step, _ in STEPS:
            self.wait(step)
        return self.outputs.root

    @property
    def html(self) -> Path:
        self.wait("html")
        return self.outputs.html

    @property
    def epub(self) -> Path:
        self.wait("epub")
        return self.outputs.epub

    @property
    def latex(self) -> Path:
        self.wait("pdf")  # the directory latexmk works in, its log included
        return self.outputs.latex

    @property
    def pdf(self) -> Path:
        self.wait("pdf")
        return self.outputs.pdf

    @property
    def standalone_resume(self) -> Path:
        self.wait("latex")
        return self.outputs.standalone_resume

    def outdir(self, builder: str) -> Path:
        self.root  # noqa: B018 (waits for every format)
        return self.outputs.outdir(builder)

    def doctrees(self, builder: str) -> Path:
        """Sphinx's saved state of one builder (html, epub, latex), once it has run."""
        self.wait(builder)
        return self.outputs.doctrees(builder)
