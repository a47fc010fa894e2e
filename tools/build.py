"""How the site is built, in one place: nox sessions and the test suite both
call these, so the tests check exactly what `./run build` produces.

Standard library only: the noxfile imports it before any venv exists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
# The project's Read the Docs slug: its address (https://SLUG.readthedocs.io/)
# and the name Read the Docs gives the PDF (latexmk -jobname=SLUG); our
# builds name the PDF and the ePub the same.
SLUG = "donald-stufft"
JOBNAME = SLUG  # the PDF's file name


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


def sphinx_args(builder: str, outdir: Path, doctrees: Path, srcdir: Path = ROOT) -> list[str]:
    """The sphinx-build arguments every format is built with."""
    return [
        "-b", builder,
        "-W",  # warnings are errors (since Sphinx 8.1 all are reported, not just the first)
        "--keep-going",  # said explicitly, as Read the Docs says it
        "-n",  # nitpicky: warn about every missing reference
        "-T",  # full tracebacks
        "-j", "auto",  # read pages in parallel
        "-d", str(doctrees),
        str(srcdir),
        str(outdir),
    ]


# Read the Docs' own call, run inside Sphinx's LaTeX output directory.
LATEXMK = [
    "latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
    f"-jobname={JOBNAME}", "-interaction=nonstopmode",
]


# The standalone two-page résumé, typeset in <latex>/resume/ (where the
# portfolio extension writes it, out of the way of Read the Docs' latexmk); it
# stops at the first error. LuaLaTeX, not XeLaTeX: the résumé is a tagged PDF,
# and only LuaLaTeX's tagging gives the structure tree real spaces between
# words and inline marked content that every reader (poppler too) resolves.
RESUME = Path("resume") / "resume.pdf"  # relative to the LaTeX output
RESUME_LATEXMK = [
    "latexmk", "-r", "../latexmkrc", "-lualatex", "-dvi-", "-ps-", "-jobname=resume",
    # LuaLaTeX reads and rewrites luaotfload's font-name cache, which changes
    # bytes without changing anything typeset: it is no reason to run again.
    "-e", "$hash_calc_ignore_pattern{'luc'} = '^';",
    # Ubuntu 24.04's LuaLaTeX (TeX Live 2023; Read the Docs builds there)
    # writes SOURCE_DATE_EPOCH in the local time zone (18:21:40+14 for
    # 04:21:40Z): in UTC, the PDF's bytes do not depend on where it is built.
    "-e", "$ENV{'TZ'} = 'UTC';",
    "-interaction=nonstopmode", "-halt-on-error", "resume.tex",
]


def run_sphinx(builder: str, outdir: Path, doctrees: Path, srcdir: Path = ROOT,
               *extra: str) -> subprocess.CompletedProcess:
    """Run sphinx-build with this interpreter; the tests call this."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *sphinx_args(builder, outdir, doctrees, srcdir), *extra],
        env=build_env(), capture_output=True, text=True,
    )


def run_latexmk(latexdir: Path) -> subprocess.CompletedProcess:
    """Typeset Sphinx's LaTeX output into latexdir/donald-stufft.pdf."""
    return subprocess.run(LATEXMK, cwd=latexdir, env=build_env(), capture_output=True, text=True)


def run_resume_latexmk(latexdir: Path) -> subprocess.CompletedProcess:
    """Typeset the standalone résumé into latexdir/resume/resume.pdf."""
    return subprocess.run(RESUME_LATEXMK, cwd=latexdir / RESUME.parent, env=build_env(),
                          capture_output=True, text=True)


def publish_resume(latexdir: Path, htmldir: Path) -> None:
    """Put the résumé where the site's "Download the two-page résumé" link
    points, at the root of the HTML output, as Read the Docs' post_build does."""
    shutil.copyfile(latexdir / RESUME, htmldir / RESUME.name)


def build_resume(dest: Path) -> None:
    """Build the standalone résumé from the sources alone and copy it to dest.

    Read the Docs runs this after its builds (.readthedocs.yaml): it keeps only
    the one PDF of its pdf format, so the résumé the site links to is typeset
    again here and placed in the HTML output.
    """
    with tempfile.TemporaryDirectory() as tmp:
        latexdir = Path(tmp) / "latex"
        _succeeded(run_sphinx("latex", latexdir, Path(tmp) / "doctrees"))
        _succeeded(run_resume_latexmk(latexdir))
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(latexdir / RESUME, dest)


def _succeeded(result: subprocess.CompletedProcess) -> None:
    if result.returncode:
        sys.exit(f"{' '.join(result.args)} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


if __name__ == "__main__":
    # python tools/build.py resume DEST
    if sys.argv[1:2] != ["resume"] or len(sys.argv) != 3:
        sys.exit("usage: python tools/build.py resume DEST.pdf")
    build_resume(Path(sys.argv[2]))
