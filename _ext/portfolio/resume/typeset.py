"""Each résumé variant typeset with LuaLaTeX, fitted to its page limit.

The fit is measured, not guessed: a variant is typeset with every bullet it
may show; if the PDF has more pages than its limit, the lowest-ranked
bullets go (``variants.ranked``), found by bisection on how many are kept,
and each try is a real LuaLaTeX run whose log says how many pages it made.
The kept set is then typeset for good with latexmk (the footer's "page 1 of
2" needs a second run). The LaTeX build's ``resume/resume.pdf`` is the full
variant's result, copied (latex.py).

Like sphinx.ext.imgmath, this runs during the website build, so the download
area can say how many pages each file has. Every run is cached in the
doctree directory (or ``portfolio_resume_cache``) by a hash of what LuaLaTeX
reads (the generated .tex, the layout, the date), so a rebuild or ``./run
preview`` retypesets nothing that did not change. A LuaLaTeX failure stops
the build with the log's end.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import SphinxError
from sphinx.util import logging

from .. import model
from . import tex, variants
from .text import resume_text

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..model import Career

logger = logging.getLogger(__name__)

JOB = "variant"  # LuaLaTeX's job: variant.tex, variant.pdf, variant.log
# LuaLaTeX, not XeLaTeX: the résumé is a tagged PDF, and only LuaLaTeX's
# tagging gives the structure tree real spaces between words and inline marked
# content that every reader (poppler too) resolves. Run in UTC (TeX Live 2023
# dates the PDF in local time otherwise), stopping at the first error.
LUALATEX = ["lualatex", "-interaction=nonstopmode", "-halt-on-error", f"-jobname={JOB}"]
LATEXMK = [
    "latexmk", "-lualatex", "-dvi-", "-ps-", f"-jobname={JOB}",
    # luaotfload's font-name cache changes bytes, not the typeset result.
    "-e", "$hash_calc_ignore_pattern{'luc'} = '^';",
    "-interaction=nonstopmode", "-halt-on-error",
]
_PAGES = re.compile(r"Output written on .*?\((\d+) pages?", re.S)
_LAST_PAGE = re.compile(r"\\gdef\s*\\ResumePageCount\{(\d+)\}")  # portfolioresume.sty


class TypesetError(SphinxError):
    category = "Résumé typesetting error"


@dataclass(frozen=True)
class Typeset:
    """A variant as built: its PDF (in the cache), page count and text."""

    variant: variants.Variant
    page_count: int
    pdf: Path
    text: str
    kept: int  # bullets kept
    eligible: int  # bullets the variant could show
    shown: Career  # the career as the variant shows it


class Typesetter:
    def __init__(self, cache: Path, work: Path, fontpkg: str, epoch: int) -> None:
        self.cache = cache  # results, by hash: may be shared between builds
        self.work = work  # LuaLaTeX's working directories: this build's own
        self.fontpkg = fontpkg
        self.env = {**os.environ, "TZ": "UTC", "SOURCE_DATE_EPOCH": str(epoch)}
        self.sty = (tex.TEXINPUTS / "portfolioresume.sty").read_text(encoding="utf-8")
        self.runs = 0  # LuaLaTeX runs, cache misses

    def _key(self, source: str) -> str:
        return hashlib.sha256(f"{source}\0{self.sty}\0{self.env['SOURCE_DATE_EPOCH']}".encode()
                              ).hexdigest()[:32]

    def _run(self, command: list[str], source: str, workdir: Path, what: str) -> int:
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / f"{JOB}.tex").write_text(source, encoding="utf-8")
        (workdir / "portfolioresume.sty").write_text(self.sty, encoding="utf-8")
        self.runs += 1
        result = subprocess.run([*command, f"{JOB}.tex"], cwd=workdir, env=self.env,
                                capture_output=True, text=True, errors="replace")
        log = workdir / f"{JOB}.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if result.returncode or not _PAGES.search(text):
            tail = "\n".join((text or result.stdout + result.stderr).splitlines()[-40:])
            raise TypesetError(f"{command[0]} failed on {what} ({workdir / JOB}.tex):\n{tail}")
        if command is LATEXMK:
            return int(_PAGES.findall(text)[-1])
        # One run may add a "Temporary page!" (the PDF management learns the
        # page count from the .aux): the page the résumé ends on is the one
        # its layout wrote there.
        aux = (workdir / f"{JOB}.aux").read_text(encoding="utf-8", errors="replace")
        return int(_LAST_PAGE.findall(aux)[-1])

    def page_count(self, source: str, workdir: Path, what: str) -> int:
        """How many pages ``source`` makes: one LuaLaTeX run, cached."""
        stamp = self.cache / f"{self._key(source)}.pages"
        if not stamp.exists():
            _store(stamp, str(self._run(LUALATEX, source, workdir, what)).encode())
        return int(stamp.read_text())

    def pdf(self, source: str, workdir: Path, what: str) -> tuple[Path, int]:
        """``source`` typeset for good (latexmk), cached: the PDF and its page
        count. The last run's log is kept beside the PDF (``.log``)."""
        key = self._key(source)
        pdf, info = self.cache / f"{key}.pdf", self.cache / f"{key}.json"
        if not (pdf.exists() and info.exists() and pdf.with_suffix(".log").exists()):
            pages = self._run(LATEXMK, source, workdir, what)
            _store(pdf.with_suffix(".log"), (workdir / f"{JOB}.log").read_bytes())
            _store(pdf, (workdir / f"{JOB}.pdf").read_bytes())
            _store(info, json.dumps({"pages": pages}).encode())
        return pdf, json.loads(info.read_text())["pages"]

    def fit(self, c: Career, variant: variants.Variant, priority: list[str],
            target: tex.Target) -> Typeset:
        """The variant with as many of its bullets as fit its page limit."""
        ranked = variants.ranked(c, variant, priority)
        workdir = self.work / variant.name
        what = f"résumé variant {variant.name!r}"
        limit = variant.page_limit

        def source(kept: int) -> str:
            return tex.standalone(variants.select(c, ranked[:kept]), target, self.fontpkg)

        # Most variants fit whole: typeset that for good first.
        kept = len(ranked)
        pdf, pages = self.pdf(source(kept), workdir, what)
        if pages > limit:
            low, high = 0, kept - 1  # the most that fit are in [low, high]
            while low < high:
                middle = (low + high + 1) // 2
                if self.page_count(source(middle), workdir, what) <= limit:
                    low = middle
                else:
                    high = middle - 1
            kept = low
            if kept == 0 and self.page_count(source(0), workdir, what) > limit:
                raise TypesetError(f"{what} does not fit in {limit} page(s) even "
                                   "without bullets: raise its page limit in index.md")
            pdf, pages = self.pdf(source(kept), workdir, what)
        if pages > limit:  # the final runs disagree with the measuring run
            raise TypesetError(f"{what} came out at {pages} pages, over its limit")
        shown = variants.select(c, ranked[:kept])
        return Typeset(variant, pages, pdf, resume_text(shown, target.phone), kept,
                       len(ranked), shown)


def _store(path: Path, data: bytes) -> None:
    """Write whole or not at all: another build may read the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(data)
    os.replace(partial, path)


def typesetter(builder: Builder) -> Typesetter:
    doctrees = Path(builder.doctreedir)
    return Typesetter(Path(builder.config.portfolio_resume_cache or doctrees / "resumes"),
                      doctrees / "resumes-work",
                      builder.config.latex_elements.get("fontpkg", ""),
                      model.source_date_epoch(builder.config))


def fit_all(builder: Builder, c: Career, declared: list[variants.Variant], priority: list[str],
            target: tex.Target) -> list[Typeset]:
    """Every variant, two at a time (each is a chain of LuaLaTeX runs)."""
    setter = typesetter(builder)
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda v: setter.fit(c, v, priority, target), declared))
    if declared:
        logger.info(f"résumé variants: {len(done)}, {setter.runs} LuaLaTeX run(s) "
                    "(the rest cached)")
    return done


def write(results: list[Typeset], outdir: Path) -> None:
    """<name>.pdf and <name>.txt for each variant, into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    for result in results:
        shutil.copyfile(result.pdf, outdir / f"{result.variant.name}.pdf")
        (outdir / f"{result.variant.name}.txt").write_text(result.text, encoding="utf-8")
