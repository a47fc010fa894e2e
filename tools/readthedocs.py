r"""Build the site as Read the Docs does, to know the hosted build works
without pushing to it.

Read the Docs builds a shallow clone of the pushed commit (``git clone
--depth 1``), so this builds a shallow clone of the committed HEAD: changes
not committed are not in it, as they would not be on Read the Docs. In the
clone, from the directory of conf.py, it runs (readthedocs.org:
readthedocs/doc_builder/director.py ``build()`` and ``get_build_env_vars()``,
readthedocs/doc_builder/backends/sphinx.py, environments.py):

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
has them. ``build.jobs.build.<format>`` replaces a format's default commands.
Job commands run with ``/bin/sh -c`` from the repository root.
$READTHEDOCS_OUTPUT is ``_readthedocs/`` at the repository root, inside the
Sphinx source tree (conf.py excludes it). Every command gets Read the Docs'
variables and nothing of the caller's environment but PATH and HOME: no
SOURCE_DATE_EPOCH, no PYTHONPATH (Read the Docs deletes it). Installing
(``python.install``) is left to the caller: the nox session installs the same
lock file.

The outputs are moved to ``_readthedocs/`` at the root of this repository.
Needs PyYAML (a dependency of myst-parser): run it inside the docs
environment, ``./run readthedocs`` or ``python -m tools.readthedocs``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tools.build import LATEXMK, ROOT, SLUG

CONFIG = ".readthedocs.yaml"
OUTPUT_DIR = "_readthedocs"  # $READTHEDOCS_OUTPUT, relative to the repository root
OUTPUT = ROOT / OUTPUT_DIR
DOCTREES = "_build/doctrees"  # relative to conf.py's directory, as Read the Docs passes it
LANGUAGE = "en"  # the project's language, set in the Read the Docs dashboard
VERSION = "latest"  # the version Read the Docs builds from the default branch
# The only variables taken from the caller: where programs are, and a home
# for the caches TeX and fontconfig keep.
INHERITED = ("PATH", "HOME")

# Jobs of the build step; the others (checkout, install ...) have no
# equivalent here, so a config using them must not pass silently.
BUILD_JOBS = {"pre_build", "build", "post_build"}


class ReadTheDocsError(Exception):
    """The build would fail on Read the Docs."""


def load_config(path: Path = ROOT / CONFIG) -> dict:
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


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout.strip()


def clone(dest: Path) -> str:
    """A shallow clone of this repository's HEAD commit in dest; returns the commit."""
    commit = _git("rev-parse", "HEAD")
    if _git("status", "--porcelain", "--untracked-files=no"):
        print("Note: uncommitted changes are not built (Read the Docs builds commits)",
              file=sys.stderr, flush=True)
    # file://, not a path: git ignores --depth for a local path.
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--no-checkout",
                    f"file://{ROOT}", str(dest)], check=True)
    _git("fetch", "--quiet", "--depth", "1", "origin", commit, cwd=dest)
    _git("checkout", "--quiet", "--detach", commit, cwd=dest)
    return commit


def environment(checkout: Path, commit: str) -> dict[str, str]:
    """The variables Read the Docs defines for every build command."""
    return {
        **{name: os.environ[name] for name in INHERITED if name in os.environ},
        # The build's virtualenv first, as Read the Docs puts its bin_path.
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "READTHEDOCS": "True",
        "READTHEDOCS_VERSION": VERSION,
        "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_VERSION_NAME": VERSION,
        "READTHEDOCS_PROJECT": SLUG,
        "READTHEDOCS_LANGUAGE": LANGUAGE,
        "READTHEDOCS_REPOSITORY_PATH": str(checkout),
        "READTHEDOCS_OUTPUT": f"{checkout / OUTPUT_DIR}/",
        "READTHEDOCS_GIT_CLONE_URL": f"file://{ROOT}",
        "READTHEDOCS_GIT_IDENTIFIER": VERSION,
        "READTHEDOCS_GIT_COMMIT_HASH": commit,
        "READTHEDOCS_PRODUCTION_DOMAIN": "readthedocs.org",
        "READTHEDOCS_CANONICAL_URL": f"https://{SLUG}.readthedocs.io/{LANGUAGE}/{VERSION}/",
        "READTHEDOCS_VIRTUALENV_PATH": sys.prefix,
        "NO_COLOR": "1",  # https://no-color.org/
    }


def sphinx_command(builder: str, outdir: Path, fail_on_warning: bool) -> list[str]:
    return [
        sys.executable, "-m", "sphinx",
        "-T",
        *(["-W", "--keep-going"] if fail_on_warning else []),
        "-b", builder,
        "-d", DOCTREES,
        "-D", f"language={LANGUAGE}",
        ".",
        str(outdir),
    ]


def _run(command: list[str], env: dict[str, str], cwd: Path) -> None:
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


def build_checkout(checkout: Path, commit: str, config: dict) -> Path:
    """Build every format ``config`` asks for, in checkout, as Read the Docs
    does; returns $READTHEDOCS_OUTPUT."""
    formats = config.get("formats", [])
    formats = ["htmlzip", "pdf", "epub"] if formats == "all" else formats
    fail_on_warning = bool(config.get("sphinx", {}).get("fail_on_warning", False))
    confdir = checkout / Path(config.get("sphinx", {}).get("configuration", "conf.py")).parent
    jobs = config.get("build", {}).get("jobs", {})
    overrides = jobs.get("build", {})
    env = environment(checkout, commit)
    output = checkout / OUTPUT_DIR

    def run_job(commands: list[str]) -> None:
        for command in commands:
            _run(["/bin/sh", "-c", command], env, checkout)

    def default_sphinx(builder: str, fmt: str) -> Path:
        outdir = output / fmt
        _run(sphinx_command(builder, outdir, fail_on_warning and fmt != "pdf"), env, confdir)
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


def build(output: Path = OUTPUT, config: dict | None = None) -> Path:
    """Build a shallow clone of HEAD as Read the Docs does and move its
    $READTHEDOCS_OUTPUT to ``output``. ``config`` stands in for the clone's
    .readthedocs.yaml (the tests' own jobs)."""
    with tempfile.TemporaryDirectory(prefix="readthedocs-") as tmp:
        checkout = Path(tmp) / "checkout"
        commit = clone(checkout)
        config = load_config(checkout / CONFIG) if config is None else config
        built = build_checkout(checkout, commit, config)
        shutil.rmtree(output, ignore_errors=True)
        output.parent.mkdir(parents=True, exist_ok=True)
        if built.exists():
            shutil.move(built, output)
        else:
            output.mkdir()
    return output


# -- What Read the Docs adds when it serves a page ----------------------------------
# Its servers inject the Addons script into every HTML page it serves, with
# four meta tags (../shared/vendor/readthedocs-addons/README.md: the real
# script and how it is injected); the script then asks the same host for its
# configuration at /_/addons/. The benchmark and the browser tests serve our
# pages that way.

ADDONS_SCRIPT = ROOT.parent / "shared" / "vendor" / "readthedocs-addons" / "readthedocs-addons.js"
ADDONS_SCRIPT_URL = "/_/static/javascript/readthedocs-addons.js"
ADDONS_API_URL = "/_/addons/"
# The local answer to ADDONS_API_URL: a configuration that enables no addon,
# as the README's dashboard settings leave them (offline, no ad is fetched).
ADDONS_CONFIG = b"{}"


def addons_missing() -> str | None:
    """Why the served pages cannot be made here, or None."""
    if ADDONS_SCRIPT.is_file():
        return None
    return f"{ADDONS_SCRIPT} is absent: the Read the Docs Addons script lives beside the repository"


def as_served(html: str, page: str) -> str:
    """An HTML page as Read the Docs serves it; ``page`` is its path in the site."""
    tags = "".join([
        f'<meta name="readthedocs-project-slug" content="{SLUG}">',
        f'<meta name="readthedocs-version-slug" content="{VERSION}">',
        f'<meta name="readthedocs-resolver-filename" content="/{page}">',
        '<meta name="readthedocs-http-status" content="200">',
        f'<script async src="{ADDONS_SCRIPT_URL}"></script>',
    ])
    return html.replace("</head>", f"{tags}</head>", 1)


def served_copy(html_dir: Path, dest: Path) -> Path:
    """A copy of the HTML site as Read the Docs serves it from its domain's
    root, the Addons script included; returns dest."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(html_dir, dest)
    for page in dest.rglob("*.html"):
        name = page.relative_to(dest).as_posix()
        page.write_text(as_served(page.read_text(encoding="utf-8"), name), encoding="utf-8")
    script = dest / ADDONS_SCRIPT_URL.lstrip("/")
    script.parent.mkdir(parents=True)
    shutil.copyfile(ADDONS_SCRIPT, script)
    return dest


if __name__ == "__main__":
    start = time.perf_counter()
    try:
        output = build()
    except (ReadTheDocsError, subprocess.CalledProcessError) as error:
        sys.exit(f"The Read the Docs build would fail: {error}")
    print(f"Read the Docs outputs: {output} ({time.perf_counter() - start:.0f} s)")
