"""The project's commands. ``./run SESSION`` sets up the machine and runs one.

Outputs land in _build/: html/, epub/donald-stufft.epub, latex/donald-stufft.pdf;
`readthedocs` builds into _readthedocs/{html,pdf,epub} as Read the Docs does.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))
from tools.build import ROOT, build_env
from tools.build import preview as preview_command

LOCKS = ROOT / "requirements"

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"


def install(session: nox.Session, *locks: str) -> None:
    """Install the pinned requirements; skip pip when the locks are unchanged."""
    _install(session, Path(session.virtualenv.location), locks, session.install)


def _install(session: nox.Session, location: Path, locks: tuple[str, ...], pip) -> None:
    paths = [LOCKS / f"{lock}.txt" for lock in locks]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    stamp = location / ".lock-digest"
    if stamp.exists() and stamp.read_text() == digest:
        return
    for path in paths:
        pip("--require-hashes", "-r", str(path))
    stamp.write_text(digest)


# The docs sessions (build, html, epub, pdf, preview, resume, og-image,
# linkcheck, readthedocs) share one environment, installed once from
# requirements/docs.txt: they run in nox without one of their own
# (venv_backend="none") and run its Python and tools.
DOCS = ROOT / ".nox" / "docs"


def docs_session(func):
    """A session that runs in the shared docs environment (``docs_env``)."""
    return nox.session(venv_backend="none", name=func.__name__.replace("_", "-"))(func)


def docs_env(session: nox.Session) -> dict[str, str]:
    """Make the docs environment, or bring it up to date with the lock; the
    variables that put it first on PATH for the session's commands. A lock
    file keeps two sessions started at once from installing it twice."""
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    with open(DOCS.parent / "docs.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (DOCS / "bin" / "python").exists():
            session.run(sys.executable, "-m", "venv", str(DOCS), external=True)
        python = str(DOCS / "bin" / "python")
        _install(session, DOCS, ("docs",), lambda *args: session.run(
            python, "-m", "pip", "install", "-q", *args, external=True))
    return {**build_env(), "VIRTUAL_ENV": str(DOCS),
            "PATH": os.pathsep.join([str(DOCS / "bin"), os.environ.get("PATH", "")])}


def docs_run(session: nox.Session, module: str, *args: str) -> None:
    """``python -m module args`` in the docs environment."""
    session.run(str(DOCS / "bin" / "python"), "-m", module, *args, env=docs_env(session),
                external=True)


def newest_python() -> str:
    """The newest Python 3 this machine has: on PATH (Debian's python3.13), or
    installed by pyenv (whose shims on PATH run only its selected versions)."""
    found = {}
    for minor in range(11, 20):
        path = shutil.which(f"python3.{minor}")
        if path and "/shims/" not in path:
            found[(3, minor)] = path
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for python in pyenv.glob("versions/3.*/bin/python3"):
        if match := re.fullmatch(r"3\.(\d+)\.\d+", python.parent.parent.name):
            found.setdefault((3, int(match[1])), str(python))
    return found[max(found)] if found else sys.executable


def npm_ci(session: nox.Session) -> None:
    """Install the npm tools package-lock.json pins (the Nu Html Checker and
    axe-core for tests, Lighthouse for bench); skip npm when the lock is unchanged."""
    lock = ROOT / "package-lock.json"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    stamp = ROOT / "node_modules" / ".lock-digest"
    if stamp.exists() and stamp.read_text() == digest:
        return
    # --ignore-scripts: vnu-jar's install script would download a Java
    # runtime; Debian's default-jre-headless is the one we use.
    session.run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", external=True)
    stamp.write_text(digest)


def plan(session: nox.Session, *targets: str) -> None:
    """Build targets of the build plan (tools/build.py) in the docs
    environment; arguments after `./run SESSION` go to sphinx-build."""
    extra = ["--", *session.posargs] if session.posargs else []
    docs_run(session, "tools.build", *targets, *extra)


@docs_session
def html(session: nox.Session) -> None:
    """Build the HTML site into _build/html."""
    plan(session, "html")


@docs_session
def epub(session: nox.Session) -> None:
    """Build the ePub into _build/epub."""
    plan(session, "epub")


@docs_session
def pdf(session: nox.Session) -> None:
    """Build the PDF into _build/latex, and the two-page résumé alone beside it.

    latexmk runs as Read the Docs runs it; the résumé goes into
    _build/latex/resume/.

    PORTFOLIO_PRIVATE=1 adds the phone number ($PORTFOLIO_PHONE or
    .private/phone) to the résumé, for sending to one recruiter.
    """
    plan(session, "pdf")


@docs_session
def resume(session: nox.Session) -> None:
    """Typeset the résumé variants alone into _build/resume, or one asked for.

    Every variant index.md declares, or the one asked for (`./run resume --
    --focus Security --pages 1`; --focus again for more skills or projects),
    or one fitted to a job posting (`./run resume -- --job posting.txt`),
    with a report of what the résumé covers of it.

    PORTFOLIO_PRIVATE=1 adds the phone number to each, for sending to one recruiter.
    """
    parser = argparse.ArgumentParser(prog="./run resume --")
    parser.add_argument("--focus", action="append", default=[],
                        help="a skill, language or project from index.md")
    parser.add_argument("--job", type=Path, help="a job posting, as a text file")
    parser.add_argument("--pages", type=int, default=0, help="the page limit (default 2)")
    args = parser.parse_args(session.posargs)
    settings = [f"-Dportfolio_resume_pages={args.pages}"]
    if args.focus:
        settings.append(f"-Dportfolio_resume_focus={','.join(args.focus)}")
    if args.job:
        settings.append(f"-Dportfolio_resume_job={args.job.resolve()}")
    docs_run(session, "tools.build", "resume", "--", *settings)


@docs_session
def build(session: nox.Session) -> None:
    """Build every format: HTML, ePub and PDF."""
    plan(session, "build")


@docs_session
def preview(session: nox.Session) -> None:
    """Serve the HTML on http://127.0.0.1:8000/, rebuilt within seconds of a save.

    The pages come first: the résumé variants an edit changes are typeset
    afterwards by a background process (the download area says they are
    being updated), which then touches a stamp that makes sphinx-autobuild
    rebuild once more, with every variant listed (tools/build.py's
    ``preview``, which the benchmark times too).

    sphinx-autobuild replaces this process (exec), so Ctrl-C or a signal to
    the process `./run preview` started reaches the server itself, and it
    stops: no server is left behind.
    """
    env = docs_env(session)
    # `./run preview -- --port 8001` may hand nox's "--" on: not an argument.
    extra = session.posargs[1:] if session.posargs[:1] == ["--"] else session.posargs
    args, variables = preview_command(extra=tuple(extra), bindir=DOCS / "bin")
    session.log(shlex.join(args))
    os.execve(args[0], args, {**env, **variables})


@docs_session
def linkcheck(session: nox.Session) -> None:
    """Check every external link (needs the network; not part of the tests)."""
    plan(session, "linkcheck")


@docs_session
def readthedocs(session: nox.Session) -> None:
    """Build a shallow clone of HEAD as Read the Docs does, into _readthedocs.

    tools/readthedocs.py runs Read the Docs' steps."""
    docs_run(session, "tools.readthedocs")


@nox.session
def lint(session: nox.Session) -> None:
    """Check the Python code with ruff, and the extension's import layers.

    ruff reads conf.py, _ext, tools and tests; import-linter checks that the
    extension's packages import one way (pyproject.toml)."""
    install(session, "lint")
    session.run("ruff", "check", *session.posargs)
    session.run("lint-imports", "--no-cache", env={"PYTHONPATH": str(ROOT / "_ext")})


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite; it builds every format once, then reads the outputs."""
    install(session, "docs", "tests")
    npm_ci(session)
    session.run("pytest", *session.posargs, env=build_env())


@nox.session(python=newest_python())
def latest(session: nox.Session) -> None:
    """Build and run the quick tests with the newest releases of every dependency.

    Every format is built strictly, with the newest releases of Sphinx,
    docutils, MyST-Parser, furo, sphinx-design, sphinxcontrib-bibtex and the
    rest, on the newest Python this machine has:
    what the next releases break shows here first. Deprecation warnings that
    our own code triggers (Sphinx's RemovedInSphinx10Warning and
    RemovedInSphinx11Warning among them) are errors. Not pinned, not part of
    `./run tests`: run it before upgrading the lock, and now and then.
    """
    session.install("--upgrade", "-r", str(LOCKS / "docs.in"))
    tests = (LOCKS / "tests.in").read_text(encoding="utf-8").splitlines()
    session.install("--upgrade", *(line.split("#")[0].strip() for line in tests
                                   if line.split("#")[0].strip()
                                   and not line.startswith("-c")))
    npm_ci(session)
    session.run("python", "-c", "import sys, docutils, sphinx; "
                "print('Python', sys.version.split()[0], '· Sphinx', sphinx.__version__, "
                "'· docutils', docutils.__version__)")
    session.run("pip", "list", "--format=freeze", silent=False)
    env = {**build_env(), "PORTFOLIO_DEPRECATIONS": "error"}
    session.run("pytest", "-m", "not browser and not rebuild", *session.posargs, env=env)


@docs_session
def og_image(session: nox.Session) -> None:
    """Redraw the social image, _static/og-image.png; commit the result.

    It is drawn from index.md's front matter with Chromium (tools/og_image.py)."""
    docs_run(session, "tools.og_image")


@nox.session
def shots(session: nox.Session) -> None:
    """Screenshot every page kind and every PDF page into _build/shots/.

    Builds every format, then takes each page kind at 390 and 1440 px, light
    and dark, and each PDF's pages (tools/shots.py), for a person to look at
    before a release."""
    install(session, "docs", "tests")
    plan(session, "build")
    session.run("python", "-m", "tools.shots", env=build_env())


@nox.session
def bench(session: nox.Session) -> None:
    """Measure speed for readers and the author, beside peer themes (not a test).

    Prints a table and writes _build/bench/results.json; `./run bench --help` lists options.
    """
    install(session, "docs", "bench")
    npm_ci(session)
    session.run("python", "-m", "benchmarks.bench", *session.posargs, env=build_env())


# requirements/NAME.in -> NAME.txt, in this order: tests.in and bench.in are
# constrained by docs.txt, so it is pinned before them.
LOCKED = ("uv", "nox", "docs", "tests", "bench", "lint")
PYPI = "https://pypi.org/simple"
OLDEST_PYTHON = "3.11"  # stock Debian 12 has 3.11.2; the README lists the supported Pythons


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin requirements/*.txt, with hashes, from requirements/*.in.

    One universal resolution from PyPI alone: a single version of each
    package that installs on every supported Python (3.11.2 and newer). The
    current pins are kept where still valid, so the files come out the same on
    any machine; `./run lock --upgrade` moves everything to the newest.
    """
    install(session, "uv")
    # Only the command line decides: no uv.toml, no UV_* index settings and
    # no pip configuration (uv reads none) of the machine that runs it.
    env = {name: value for name, value in os.environ.items() if not name.startswith("UV_")}
    for name in LOCKED:
        session.run(
            "uv", "pip", "compile", "--quiet", "--no-config",
            "--universal", "--fork-strategy", "fewest", "--python-version", OLDEST_PYTHON,
            "--index-url", PYPI, "--generate-hashes", "--custom-compile-command", "./run lock",
            f"requirements/{name}.in", "--output-file", f"requirements/{name}.txt",
            *session.posargs, env=env, include_outer_env=False,
        )
