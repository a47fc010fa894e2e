"""The build plan: how each output is made, in one place.

``Plan`` has a method per output (html, epub, pdf with the standalone résumé)
and ``everything`` for all of them. `./run build` (noxfile.py runs
``python -m tools.build``), the tests' ``site`` fixture, the reproducibility
test and the benchmark call the same methods with the same arguments, so the
tests check exactly what `./run build` produces. Only the runner differs:
``shown`` prints each command and its output (nox), ``captured`` keeps the
output for the failure message (tests); both raise BuildFailed.

    python -m tools.build html|epub|pdf|resume|build... [-- SPHINX-BUILD ARGS]

Standard library only: the noxfile imports it before any venv exists.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
# The project's Read the Docs slug: its address (https://SLUG.readthedocs.io/)
# and the name Read the Docs gives the PDF (latexmk -jobname=SLUG); our
# builds name the PDF and the ePub the same.
SLUG = "donald-stufft"
JOBNAME = SLUG  # the PDF's file name
# The standalone two-page résumé, relative to the LaTeX output: the portfolio
# extension typesets it there (LuaLaTeX, fitted to its page limit), out of the
# way of Read the Docs' latexmk. The HTML build publishes the same PDF at the
# root of the site, where "Download the two-page résumé" points.
RESUME_PDF = Path("resume") / "resume.pdf"


def source_date_epoch() -> str:
    """SOURCE_DATE_EPOCH, else the last commit's time (reproducible-builds.org).

    The one place the build's date is decided: conf.py calls this, so every
    Sphinx run (ours, Read the Docs', the post_build résumé) dates its outputs
    alike. `git log` works on Read the Docs' shallow clone too. Outside a git
    checkout (an unpacked archive), the clock is all there is.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        out = None
    return (out and out.stdout.strip()) or str(int(time.time()))


def build_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch()}


# -- Where the outputs go -----------------------------------------------------------


@dataclass(frozen=True)
class Outputs:
    """Where one build writes each format: under _build/ for `./run build`,
    under a temporary directory for the tests."""

    root: Path

    def outdir(self, builder: str) -> Path:
        return self.root / builder

    def doctrees(self, builder: str) -> Path:
        """Sphinx's saved state, one per builder, so each rebuilds incrementally."""
        return self.root / "doctrees" / builder

    @property
    def resume_cache(self) -> Path:
        """The typeset résumé variants, by hash, shared by every builder (the
        website's copies and the PDF's standalone résumé are one typeset)."""
        return self.root / "doctrees" / "resumes"

    @property
    def html(self) -> Path:
        return self.outdir("html")

    @property
    def epub(self) -> Path:
        return self.outdir("epub") / f"{SLUG}.epub"  # conf.py: epub_basename

    @property
    def latex(self) -> Path:
        return self.outdir("latex")

    @property
    def pdf(self) -> Path:
        return self.latex / f"{JOBNAME}.pdf"

    @property
    def standalone_resume(self) -> Path:
        """The standalone two-page résumé PDF."""
        return self.latex / RESUME_PDF

OUTPUTS = Outputs(BUILD)  # what `./run build` writes


# -- The commands -------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    args: tuple[str, ...]
    cwd: Path | None = None
    quiet: bool = False  # output shown only on failure (latexmk's pages of log)
    defaults: tuple[tuple[str, str], ...] = ()  # variables, where the environment lacks them

    def __str__(self) -> str:
        return shlex.join(self.args)

    def environment(self, env: dict[str, str]) -> dict[str, str]:
        """``env`` with this command's defaults for what it does not set."""
        return {**dict(self.defaults), **env}


@dataclass(frozen=True)
class Options:
    """How sphinx-build runs. `./run build` and the tests use STRICT; the
    benchmark varies the jobs and builds peer themes with settings, not strictly."""

    strict: bool = True  # any warning fails the build
    # One process, as Read the Docs runs sphinx-build: for this site's few
    # pages, -j auto's worker processes cost more than they save (more CPU,
    # and no faster: benchmarks/RESULTS.md).
    jobs: str = "1"
    settings: tuple[str, ...] = ()  # -D NAME=VALUE
    extra: tuple[str, ...] = ()  # more sphinx-build arguments (`./run html -- -E`)


STRICT = Options()


def sphinx(builder: str, outdir: Path, doctrees: Path, src: Path = ROOT,
           options: Options = STRICT) -> Command:
    """sphinx-build, with the interpreter that runs the plan (the session's venv)."""
    strict = [
        "-W",  # warnings are errors (since Sphinx 8.1 all are reported, not just the first)
        "--keep-going",  # said explicitly, as Read the Docs says it
        "-n",  # nitpicky: warn about every missing reference
    ] if options.strict else []
    return Command((
        sys.executable, "-m", "sphinx",
        *(arg for setting in options.settings for arg in ("-D", setting)),
        "-b", builder,
        *strict,
        "-T",  # full tracebacks
        "-j", options.jobs,
        "-d", str(doctrees),
        str(src),
        str(outdir),
        *options.extra,
    ))


# Read the Docs' own call, run inside Sphinx's LaTeX output directory.
LATEXMK = (
    "latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
    f"-jobname={JOBNAME}", "-interaction=nonstopmode",
)


def latexmk(latexdir: Path) -> Command:
    """Typeset Sphinx's LaTeX output into the portfolio PDF."""
    return Command(LATEXMK, latexdir, quiet=True)


# -- Running them -------------------------------------------------------------------


class BuildFailed(Exception):
    """A command of the plan failed; the message ends with its output."""


Runner = Callable[[Command], None]


def capture(command: Command) -> subprocess.CompletedProcess:
    """Run a command with the build's environment, keeping its output."""
    return subprocess.run(command.args, cwd=command.cwd, env=command.environment(build_env()),
                          capture_output=True, text=True)


def _failed(command: Command, result: subprocess.CompletedProcess) -> BuildFailed:
    output = f"{(result.stdout or '')[-4000:]}{(result.stderr or '')[-4000:]}"
    return BuildFailed(f"{command} failed (exit code {result.returncode})\n{output}".rstrip())


def captured(command: Command) -> None:
    """The tests' runner: output kept, and shown only in the failure."""
    result = capture(command)
    if result.returncode:
        raise _failed(command, result)


def shown(command: Command) -> None:
    """`./run`'s runner: each command and its output printed as it runs."""
    print(f"$ {command}", flush=True)
    if command.quiet:
        return captured(command)
    result = subprocess.run(command.args, cwd=command.cwd,
                            env=command.environment(build_env()))
    if result.returncode:
        raise _failed(command, result)


def run_sphinx(builder: str, outdir: Path, doctrees: Path, src: Path = ROOT,
               *extra: str) -> subprocess.CompletedProcess:
    """sphinx-build as every format is built, its output kept: for tests that
    build other sources or expect a failure."""
    return capture(sphinx(builder, outdir, doctrees, src, Options(extra=extra)))


def run_latexmk(latexdir: Path) -> subprocess.CompletedProcess:
    """latexmk on a LaTeX output, its output kept."""
    return capture(latexmk(latexdir))


# -- The plan -----------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """One build: which runner, into which outputs, from which sources, how."""

    run: Runner
    out: Outputs = OUTPUTS
    src: Path = ROOT
    options: Options = STRICT

    # Each step returns what it made.

    def _sphinx(self, builder: str) -> list[Path]:
        out = self.out
        command = sphinx(builder, out.outdir(builder), out.doctrees(builder), self.src,
                         self.options)
        # One typeset cache for every builder (conf.py reads the variable).
        self.run(replace(command, defaults=(("PORTFOLIO_RESUME_CACHE", str(out.resume_cache)),)))
        return [out.outdir(builder)]

    def html(self) -> list[Path]:
        """The web site."""
        return self._sphinx("html")

    def epub(self) -> list[Path]:
        """The ePub."""
        self._sphinx("epub")
        return [self.out.epub]

    def latex(self) -> list[Path]:
        """Sphinx's LaTeX, the PDF's sources, and the standalone two-page
        résumé, typeset by the portfolio extension. (The website's copies,
        every variant, are typeset by the HTML build.)

        PORTFOLIO_PRIVATE=1 adds the phone number ($PORTFOLIO_PHONE or
        .private/phone) to the standalone résumé, for sending to one
        recruiter; the extension says so in the build's output.
        """
        return [*self._sphinx("latex"), self.out.standalone_resume]

    def pdf(self) -> list[Path]:
        """The portfolio PDF, typeset with latexmk as Read the Docs runs it,
        and the standalone résumé."""
        self.latex()
        self.run(latexmk(self.out.latex))
        return [self.out.pdf, self.out.standalone_resume]

    def resume(self) -> list[Path]:
        """The résumé variants alone (sphinx-build -b resume), as PDF and text:
        every one index.md declares, or one that -D portfolio_resume_focus /
        portfolio_resume_pages ask for (`./run resume`)."""
        return self._sphinx("resume")

    def linkcheck(self) -> list[Path]:
        """Every external link checked (needs the network; not part of the tests)."""
        return self._sphinx("linkcheck")

    def everything(self) -> list[Path]:
        """HTML, ePub, the PDF and the résumé: `./run build`."""
        return self.html() + self.epub() + self.pdf()


# -- The preview ----------------------------------------------------------------------

def preview_stamp(out: Outputs) -> Path:
    """Touched when the preview's background typesetting is done."""
    return out.root / "preview-resumes" / "done"



def preview(out: Outputs = OUTPUTS, src: Path = ROOT, extra: tuple[str, ...] = (),
            bindir: Path = Path(sys.executable).parent) -> tuple[list[str], dict[str, str]]:
    """sphinx-autobuild's command line and environment for `./run preview`
    (the benchmark serves a copy the same way): the HTML into ``out``'s
    ``preview``, at once, while the résumé variants an edit changed are
    typeset in the background; when they are, the process touches a stamp
    that sphinx-autobuild watches, and the rebuild that follows lists them.

    The typeset cache is the builds' (``Outputs.resume_cache``), shared: its
    entries are named by the hash of what LuaLaTeX reads and written whole. The doctrees are not
    shared (two builds at once would write the same files); a preview with
    none starts from a copy of the HTML build's, when there is one.
    """
    doctrees, built = out.doctrees("preview"), out.doctrees("html")
    if not doctrees.exists() and (built / "environment.pickle").exists():
        shutil.copytree(built, doctrees, ignore=shutil.ignore_patterns("resumes*"))
    stamp = preview_stamp(out)
    stamp.parent.mkdir(parents=True, exist_ok=True)  # watched: it must exist
    autobuild = bindir / "sphinx-autobuild"  # of the environment that has Sphinx
    args = [
        str(autobuild), "-n", "--watch", str(src / "_ext"), "--watch", str(src / "peps.bib"),
        # Of the outputs, only the stamp: the background typesetting is done.
        "--watch", str(stamp.parent),
        "--re-ignore", f"^{re.escape(str(out.root))}/(?!{re.escape(stamp.parent.name)}/)",
        "-D", f"portfolio_resume_background={stamp}",
        "-d", str(doctrees), str(src), str(out.outdir("preview")), *extra,
    ]
    return args, {**build_env(), "PORTFOLIO_RESUME_CACHE": str(out.resume_cache)}


# `python -m tools.build TARGET... [-- SPHINX-BUILD ARGS]`, into _build/.
TARGETS = {"html": Plan.html, "epub": Plan.epub, "pdf": Plan.pdf,
           "resume": Plan.resume, "build": Plan.everything, "linkcheck": Plan.linkcheck}
USAGE = f"usage: python -m tools.build {{{','.join(TARGETS)}}}... [-- SPHINX-BUILD ARGS]"


def main(argv: list[str]) -> None:
    targets, extra = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv \
        else (argv, [])
    try:
        if targets and all(target in TARGETS for target in targets):
            plan = Plan(shown, options=Options(extra=tuple(extra)))
            made = [path for target in targets for path in TARGETS[target](plan)]
            print("Built:", ", ".join(str(path.relative_to(ROOT)) for path in made), flush=True)
        else:
            sys.exit(USAGE)
    except BuildFailed as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main(sys.argv[1:])
