r"""Build the site as Read the Docs does, to know the hosted build works
without pushing to it.

For a Sphinx project Read the Docs runs, from the directory of conf.py
(readthedocs.org: readthedocs/doc_builder/director.py, ``build()``, and
readthedocs/doc_builder/backends/sphinx.py):

    build.jobs.pre_build
    python -m sphinx -T -W --keep-going -b html -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/html
    python -m sphinx -T -b latex -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/pdf
    cd $READTHEDOCS_OUTPUT/pdf && latexmk -r latexmkrc -pdf -f -dvi- -ps- \
        -jobname=<slug> -interaction=nonstopmode
        (then only <slug>.pdf is kept there: one PDF per version)
    python -m sphinx -T -W --keep-going -b epub -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/epub
        (then only <slug>.epub is kept there)
    build.jobs.post_build

``-W --keep-going`` come from ``sphinx.fail_on_warning``; the LaTeX call never
has them. ``build.jobs.build.<format>`` replaces a format's default commands;
job commands run with bash from the repository root, as on Read the Docs.
Installing (``python.install``) is left to the caller: the nox session
installs the same lock file.

Needs PyYAML (a dependency of myst-parser): run it inside the docs
environment, ``./run readthedocs`` or ``python -m tools.readthedocs``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tools.build import BUILD, JOBNAME, ROOT

CONFIG = ROOT / ".readthedocs.yaml"
OUTPUT = BUILD / "readthedocs"  # $READTHEDOCS_OUTPUT; _readthedocs/ on Read the Docs
# Read the Docs builds a fresh clone, so its _build/doctrees starts empty.
# A directory of our own, emptied first, gives the same fresh build without
# touching the other sessions' caches under _build/doctrees/.
DOCTREES = BUILD / "doctrees" / "readthedocs"
SLUG = JOBNAME  # the project's slug names the PDF and the ePub
LANGUAGE = "en"  # the project's language, set in the Read the Docs dashboard

# Jobs of the build step; the others (checkout, install ...) have no
# equivalent here, so a config using them must not pass silently.
BUILD_JOBS = {"pre_build", "build", "post_build"}


class ReadTheDocsError(Exception):
    """The build would fail on Read the Docs."""


def load_config(path: Path = CONFIG) -> dict:
    with open(path, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if config.get("version") != 2:
        raise ReadTheDocsError(f"{path.name}: only version 2 is supported")
    unsupported = set(config.get("build", {}).get("jobs", {})) - BUILD_JOBS
    if unsupported:
        raise ReadTheDocsError(
            f"{path.name}: build.jobs {sorted(unsupported)} are not emulated here"
        )
    missing = [pkg for pkg in config.get("build", {}).get("apt_packages", [])
               if not _installed(pkg)]
    if missing:
        raise ReadTheDocsError(
            f"{path.name}: build.apt_packages {missing} are not installed here "
            "(Read the Docs installs them; list them in debian-packages.txt too)"
        )
    return config


def _installed(package: str) -> bool:
    """Is this Debian package installed? (Read the Docs' apt_packages step.)"""
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                            capture_output=True, text=True)
    return result.returncode == 0 and "install ok installed" in result.stdout


def environment(output: Path) -> dict[str, str]:
    """The variables Read the Docs defines for every build command."""
    venv = Path(sys.prefix)
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_PROJECT": SLUG,
        "READTHEDOCS_LANGUAGE": LANGUAGE,
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_VERSION_NAME": "latest",
        "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_VIRTUALENV_PATH": str(venv),
        "READTHEDOCS_CANONICAL_URL": f"https://{SLUG}.readthedocs.io/{LANGUAGE}/latest/",
    }


def sphinx_command(builder: str, outdir: Path, doctrees: Path, fail_on_warning: bool) -> list[str]:
    return [
        sys.executable, "-m", "sphinx",
        "-T",
        *(["-W", "--keep-going"] if fail_on_warning else []),
        "-b", builder,
        "-d", str(doctrees),
        "-D", f"language={LANGUAGE}",
        ".",
        str(outdir),
    ]


LATEXMK = [
    "latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
    f"-jobname={SLUG}", "-interaction=nonstopmode",
]


def _run(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=cwd, env=env, check=True)


def _keep_only(directory: Path, pattern: str, name: str) -> None:
    """Leave one file, renamed ``name``, in ``directory``, as Read the Docs does."""
    found = sorted(directory.glob(pattern))
    if not found:
        raise ReadTheDocsError(f"no {pattern} in {directory}")
    kept = found[0].read_bytes()
    shutil.rmtree(directory)
    directory.mkdir()
    (directory / name).write_bytes(kept)


def build(output: Path = OUTPUT, doctrees: Path = DOCTREES, config: dict | None = None) -> Path:
    """Build every format ``.readthedocs.yaml`` asks for into ``output``."""
    config = load_config() if config is None else config
    formats = config.get("formats", [])
    formats = ["htmlzip", "pdf", "epub"] if formats == "all" else formats
    fail_on_warning = bool(config.get("sphinx", {}).get("fail_on_warning", False))
    jobs = config.get("build", {}).get("jobs", {})
    overrides = jobs.get("build", {})
    env = environment(output)

    for directory in (output, doctrees):
        shutil.rmtree(directory, ignore_errors=True)
    output.mkdir(parents=True)

    def run_job(commands: list[str]) -> None:
        for command in commands:
            _run(["bash", "-c", command], env)

    def default_sphinx(builder: str, fmt: str) -> Path:
        outdir = output / fmt
        _run(sphinx_command(builder, outdir, doctrees, fail_on_warning and fmt != "pdf"), env)
        return outdir

    run_job(jobs.get("pre_build", []))

    if "html" in overrides:
        run_job(overrides["html"])
    else:
        default_sphinx("html", "html")

    if "htmlzip" in formats:
        if "htmlzip" not in overrides:
            raise ReadTheDocsError("htmlzip's default build is not emulated")
        run_job(overrides["htmlzip"])

    if "pdf" in formats:
        if "pdf" in overrides:
            run_job(overrides["pdf"])
        else:
            latex = default_sphinx("latex", "pdf")
            print("$", " ".join(LATEXMK), flush=True)
            result = subprocess.run(LATEXMK, cwd=latex, env=env, check=False)
            # Read the Docs ignores latexmk's exit code once a PDF is written.
            if result.returncode and not (latex / f"{SLUG}.pdf").exists():
                raise ReadTheDocsError(f"latexmk failed with exit code {result.returncode}")
            _keep_only(latex, f"{SLUG}.pdf", f"{SLUG}.pdf")

    if "epub" in formats:
        if "epub" in overrides:
            run_job(overrides["epub"])
        else:
            _keep_only(default_sphinx("epub", "epub"), "*.epub", f"{SLUG}.epub")

    run_job(jobs.get("post_build", []))
    return output


if __name__ == "__main__":
    try:
        print(f"Read the Docs outputs: {build()}")
    except (ReadTheDocsError, subprocess.CalledProcessError) as error:
        sys.exit(f"The Read the Docs build would fail: {error}")
