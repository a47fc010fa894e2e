"""The project's commands. ``./run SESSION`` sets up the machine and runs one.

Outputs land in _build/: html/, epub/donald-stufft.epub, latex/donald-stufft.pdf;
`readthedocs` builds into _readthedocs/{html,pdf,epub} as Read the Docs does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))
from tools.build import OUTPUTS, ROOT, build_env

LOCKS = ROOT / "requirements"

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["build"]


def install(session: nox.Session, *locks: str) -> None:
    """Install the pinned requirements; skip pip when the locks are unchanged."""
    paths = [LOCKS / f"{lock}.txt" for lock in locks]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    stamp = Path(session.virtualenv.location) / ".lock-digest"
    if stamp.exists() and stamp.read_text() == digest:
        return
    for path in paths:
        session.install("--require-hashes", "-r", str(path))
    stamp.write_text(digest)


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
    """Build targets of the build plan (tools/build.py) with the session's
    Python; arguments after `./run SESSION` go to sphinx-build."""
    extra = ["--", *session.posargs] if session.posargs else []
    session.run("python", "-m", "tools.build", *targets, *extra)


@nox.session
def html(session: nox.Session) -> None:
    """Build the HTML site into _build/html."""
    install(session, "docs")
    plan(session, "html")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the ePub into _build/epub."""
    install(session, "docs")
    plan(session, "epub")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF into _build/latex, with latexmk as Read the Docs runs it,
    and the two-page résumé alone into _build/latex/resume/.

    PORTFOLIO_PRIVATE=1 adds the phone number ($PORTFOLIO_PHONE or
    .private/phone) to the résumé, for sending to one recruiter.
    """
    install(session, "docs")
    plan(session, "pdf")


@nox.session
def resume(session: nox.Session) -> None:
    """Typeset the résumé variants alone into _build/resume: every variant
    index.md declares, or the one asked for (`./run resume -- --focus
    Security --pages 1`; --focus again for more skills or projects), or one
    fitted to a job posting (`./run resume -- --job posting.txt`), with a
    report of what the résumé covers of it.

    PORTFOLIO_PRIVATE=1 adds the phone number to each, for sending to one recruiter.
    """
    parser = argparse.ArgumentParser(prog="./run resume --")
    parser.add_argument("--focus", action="append", default=[],
                        help="a skill, language or project from index.md")
    parser.add_argument("--job", type=Path, help="a job posting, as a text file")
    parser.add_argument("--pages", type=int, default=0, help="the page limit (default 2)")
    args = parser.parse_args(session.posargs)
    install(session, "docs")
    settings = [f"-Dportfolio_resume_pages={args.pages}"]
    if args.focus:
        settings.append(f"-Dportfolio_resume_focus={','.join(args.focus)}")
    if args.job:
        settings.append(f"-Dportfolio_resume_job={args.job.resolve()}")
    session.run("python", "-m", "tools.build", "resume", "--", *settings)


@nox.session
def build(session: nox.Session) -> None:
    """Build every format: HTML, ePub and PDF."""
    install(session, "docs")
    plan(session, "build")


@nox.session
def preview(session: nox.Session) -> None:
    """Serve the HTML on http://127.0.0.1:8000/, rebuilding as you edit.

    sphinx-autobuild replaces this process (exec), so Ctrl-C or a signal to
    the process `./run preview` started reaches the server itself, and it
    stops: no server is left behind.
    """
    install(session, "docs")
    autobuild = str(Path(session.bin) / "sphinx-autobuild")
    args = [
        "-n", "--watch", "_ext", "--watch", "peps.bib",
        "-d", str(OUTPUTS.doctrees("preview")),
        str(ROOT), str(OUTPUTS.outdir("preview")),
        # `./run preview -- --port 8001` may hand nox's "--" on: not an argument.
        *(session.posargs[1:] if session.posargs[:1] == ["--"] else session.posargs),
    ]
    session.log(f"sphinx-autobuild {' '.join(args)}")
    os.execve(autobuild, [autobuild, *args], build_env())


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every external link (needs the network; not part of the tests)."""
    install(session, "docs")
    plan(session, "linkcheck")


@nox.session
def readthedocs(session: nox.Session) -> None:
    """Build a shallow clone of HEAD as Read the Docs does (tools/readthedocs.py)
    into _readthedocs."""
    install(session, "docs")
    session.run("python", "-m", "tools.readthedocs")


@nox.session
def lint(session: nox.Session) -> None:
    """Check the Python code (conf.py, _ext, tools, tests) with ruff, and that
    the extension's packages import one way (import-linter, pyproject.toml)."""
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
    """Build every format strictly and run the quick tests with the newest
    releases of Sphinx, docutils, MyST-Parser, furo, sphinx-design,
    sphinxcontrib-bibtex and the rest, on the newest Python this machine has:
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


@nox.session(name="og-image")
def og_image(session: nox.Session) -> None:
    """Redraw the social image, _static/og-image.png, from index.md's front
    matter with Chromium (tools/og_image.py); commit the result."""
    install(session, "docs")
    session.run("python", "-m", "tools.og_image")


@nox.session
def shots(session: nox.Session) -> None:
    """Build every format, then screenshot every page kind at 390 and 1440 px,
    light and dark, and every PDF page, into _build/shots/ (tools/shots.py),
    for a person to look at before a release."""
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
