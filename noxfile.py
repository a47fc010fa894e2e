"""The project's commands. ``./run SESSION`` sets up the machine and runs one.

build        HTML, ePub and PDF into _build/{html,epub,latex}
html, epub, pdf   one format each
preview      live-reloading HTML preview (sphinx-autobuild)
linkcheck    check external links (needs the network; not part of tests)
lint         ruff over the Python code
tests        build every format once, then run pytest on the outputs
readthedocs  build exactly as Read the Docs does, into _build/readthedocs
lock         re-pin requirements/*.txt from requirements/*.in
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).parent
BUILD = ROOT / "_build"
LOCKS = ROOT / "requirements"

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["build"]


def install(session: nox.Session, *locks: str) -> None:
    """Install the pinned requirements, skipping pip when nothing changed."""
    paths = [LOCKS / f"{lock}.txt" for lock in locks]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    stamp = Path(session.virtualenv.location) / ".lock-digest"
    if stamp.exists() and stamp.read_text() == digest:
        return
    for path in paths:
        session.install("--require-hashes", "-r", str(path))
    stamp.write_text(digest)


def source_date_epoch() -> str:
    """The last commit's time, so two builds of one commit are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def sphinx_args(builder: str, outdir: Path, *extra: str) -> list[str]:
    """The sphinx-build command line shared by every format."""
    return [
        "-b", builder,
        "-W",  # warnings are errors ...
        "--keep-going",  # ... reported all at once, not just the first
        "-n",  # nitpicky: warn about every missing reference
        "-T",  # full tracebacks, as Read the Docs runs it
        "-j", "auto",  # read pages in parallel
        "-d", str(BUILD / "doctrees" / builder),
        *extra,
        str(ROOT),
        str(outdir),
    ]


def sphinx(session: nox.Session, builder: str, outdir: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": source_date_epoch()}
    session.run("python", "-m", "sphinx", *sphinx_args(builder, outdir, *session.posargs), env=env)


@nox.session
def html(session: nox.Session) -> None:
    """Build the HTML site into _build/html."""
    install(session, "docs")
    sphinx(session, "html", BUILD / "html")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the ePub into _build/epub."""
    install(session, "docs")
    sphinx(session, "epub", BUILD / "epub")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF into _build/latex/donald-stufft.pdf."""
    install(session, "docs")
    sphinx(session, "latex", BUILD / "latex")
    with session.chdir(BUILD / "latex"):
        session.run(
            "latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
            "-jobname=donald-stufft", "-interaction=nonstopmode",
            external=True, silent=True,
            env={"SOURCE_DATE_EPOCH": source_date_epoch()},
        )


@nox.session
def build(session: nox.Session) -> None:
    """Build every format: HTML, ePub and PDF."""
    html(session)
    epub(session)
    pdf(session)


@nox.session
def preview(session: nox.Session) -> None:
    """Serve the HTML on localhost, rebuilding as you edit."""
    install(session, "docs")
    session.run(
        "sphinx-autobuild", "-n", "--watch", "_ext", "--watch", "peps.bib",
        "-d", str(BUILD / "doctrees" / "preview"),
        str(ROOT), str(BUILD / "preview"), *session.posargs,
    )


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every external link (needs the network)."""
    install(session, "docs")
    sphinx(session, "linkcheck", BUILD / "linkcheck")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite; it builds the site once, in every format."""
    install(session, "docs", "tests")
    session.run("pytest", *session.posargs, env={"SOURCE_DATE_EPOCH": source_date_epoch()})


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin requirements/*.txt, with hashes, from requirements/*.in."""
    session.install("pip-tools")
    for name in ("nox", "docs", "tests"):
        session.run(
            "pip-compile", "-q", "--generate-hashes", "--strip-extras", "--allow-unsafe",
            "--no-emit-index-url", f"requirements/{name}.in", "-o", f"requirements/{name}.txt",
        )
