"""Each résumé variant typeset with LuaLaTeX, fitted to its page limit.

The fit is measured, not guessed: a variant is typeset with every bullet; if
the PDF has more pages than its limit, the page is filled in rank order
(``variants.ranked``): a bullet is kept if it still fits, else the next is
tried, until the page is full. Each LuaLaTeX run's log says how many pages
it made, the space left at the foot of the last one, and how tall each
bullet came out (portfolioresume.sty writes them), so the choice is made on
those heights and proved by a run: a bullet too many goes again, lowest
rank first. A run's time is mostly LuaLaTeX starting, so each step sets
every choice it may try next in one run (``trials``), and the first run
also sets what the variant's last fit tried (kept in the cache): after an
edit, the fit mostly finds its next steps measured. Every variant's first
run is one run (``Batch``). Measuring runs leave tagging out, and the
title (the same layout, in less than half the time); the kept set
is then typeset for good, tagged, with latexmk (the PDF management needs a
second run), and its log must agree with the measure. A build whose front
matter has mistakes typesets nothing (``held_back``): it fails, and the
career lacks what the mistakes left out.
The LaTeX build's ``resume/resume.pdf`` is the full variant's result, copied
(latex.py).

Like sphinx.ext.imgmath, this runs during the website build, so the download
area can say how many pages each file has: the variants are typeset in
parallel, one per core (``start``), while Sphinx writes the pages, and are
waited for where a result is needed (``Batch.results``). Every run is cached
in the doctree directory (or ``portfolio_resume_cache``) by a hash of what
LuaLaTeX reads (the generated .tex, the layout, the date), so a rebuild
retypesets nothing that did not change; the Word copies likewise
(``Typesetter.word_copy``). A LuaLaTeX failure stops the build with the log's end.

``./run preview`` does not wait: a ``Typesetter`` with ``cached_only`` takes
what the cache has and raises ``NotTypeset`` for the rest, which a detached
process (``background``, ``main``) typesets; it then writes the files and
touches a stamp that sphinx-autobuild watches, so the next rebuild finds
every variant in the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docx import __version__ as docx_version
from sphinx.errors import SphinxError
from sphinx.util import logging

from .. import model
from . import tex, variants, word
from .text import resume_text
from .word import resume_docx

WORD = Path(word.__file__).read_text(encoding="utf-8")  # in the Word copies' cache key

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
# What portfolioresume.sty writes into the log.
_END = re.compile(r"^ResumePage=(\d+), ResumeFree=(-?[\d.]+)pt,\s+ResumeTextHeight=([\d.]+)pt$",
                  re.M)
_BULLET = re.compile(r"^ResumeBullet=([\d.]+)pt$", re.M)
_TRIAL = re.compile(r"^ResumeTrial=\d+$", re.M)
_PASS = re.compile(r"^Run number \d+ of rule 'lualatex'", re.M)  # latexmk's
# The tagging's record of the page count, in an aux file, as this TeX Live
# writes it: \newlabeldata{__tag_LastPage}{{abspage}{2}…} (TeX Live 2022),
# \new@label@record{@tag@LastPage}{{abspage}{2}…} (2024).
_LAST_PAGE = re.compile(r"^\\([A-Za-z@]+)\{[_@]+tag[_@]+LastPage\}.*\{abspage\}\s*\{\d+\}.*$", re.M)
BEGIN, END = "\\begin{document}\n", "\\end{document}"
# Before each trial: a fresh page, numbered 1, with no heading just set.
TRIAL = ("\\newcommand\\ResumeTrial[1]{\\clearpage\\setcounter{page}{1}"
         "\\global\\ResumeAfterHeadingfalse\\wlog{ResumeTrial=#1}}\n")
# How many of its last bullets a fill's first choice may have to drop: each
# shorter choice is measured in the same run, in case.
POPS = 3
# ... and how many bullets its last loop may try alone, measured in one run.
ALONE = 4


class TypesetError(SphinxError):
    category = "Résumé typesetting error"


class NotTypeset(Exception):
    """A cached-only typesetter met a run the cache does not have."""


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
    left_out: list[variants.Bullet]  # the bullets it leaves out, highest rank first
    fill: float  # how much of the last page's text height is used, 0 to 1
    docx: bytes  # the Word copy (word.py)


@dataclass(frozen=True)
class Measure:
    """What one LuaLaTeX run of a variant found."""

    pages: int
    free: float  # points left at the foot of the last page
    text_height: float  # a page's text height, in points
    heights: list[float]  # each bullet's height, in the order they are set

    def room(self, limit: int) -> float:
        """Points left for more bullets within ``limit`` pages."""
        return self.free + (limit - self.pages) * self.text_height

    @property
    def layout(self) -> str:
        """A name for how the pages came out: their count, the space left
        and the bullets' heights. Two sources of one layout (a date or a
        word edited) mostly put the same links on the same pages: the same
        aux file."""
        shape = [self.pages, round(self.free, 2), sorted(round(h, 2) for h in self.heights)]
        return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]


class Typesetter:
    def __init__(self, cache: Path, work: Path, fontpkg: str, epoch: int,
                 cached_only: bool = False) -> None:
        self.cache = cache  # results, by hash: may be shared between builds
        self.work = work  # LuaLaTeX's working directories: this build's own
        self.fontpkg = fontpkg
        self.epoch = epoch
        self.cached_only = cached_only  # raise NotTypeset rather than run LuaLaTeX
        self.env = {**os.environ, "TZ": "UTC", "SOURCE_DATE_EPOCH": str(epoch)}
        self.sty = (tex.TEXINPUTS / "portfolioresume.sty").read_text(encoding="utf-8")
        self.runs = 0  # LuaLaTeX runs (latexmk's each counted), cache misses
        self._lock = threading.Lock()  # variants are fitted in threads
        self._probe = threading.Lock()  # one probe of the page record at a time

    def _key(self, source: str) -> str:
        return hashlib.sha256(f"{source}\0{self.sty}\0{self.env['SOURCE_DATE_EPOCH']}".encode()
                              ).hexdigest()[:32]

    def _run(self, command: list[str], source: str, workdir: Path, what: str) -> str:
        """Run ``command`` on ``source``; its log."""
        if self.cached_only:
            raise NotTypeset(what)
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / f"{JOB}.tex").write_text(source, encoding="utf-8")
        (workdir / "portfolioresume.sty").write_text(self.sty, encoding="utf-8")
        result = subprocess.run([*command, f"{JOB}.tex"], cwd=workdir, env=self.env,
                                capture_output=True, text=True, errors="replace")
        with self._lock:
            self.runs += len(_PASS.findall(result.stdout)) if command is LATEXMK else 1
        log = workdir / f"{JOB}.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if result.returncode or not _PAGES.search(text):
            tail = "\n".join((text or result.stdout + result.stderr).splitlines()[-40:])
            raise TypesetError(f"{command[0]} failed on {what} ({workdir / JOB}.tex):\n{tail}")
        return text

    def measure(self, sources: list[str], workdir: Path, what: str) -> list[Measure]:
        """How each of ``sources`` comes out: one LuaLaTeX run for all those
        the cache lacks, untagged.

        Tagging adds structure, not layout: the pages, the space left and
        each bullet's height are the same without it, and a run without
        it takes less than half the time. ``fit`` checks this on the final
        run's log (``_agrees``). The run's time is mostly LuaLaTeX starting
        and loading the fonts, so the sources (one variant's candidate
        bullet sets, all with the same preamble) are set one after another
        in one document (``trials``), each from a fresh page numbered 1.
        Each is cached under its own hash. It runs in a directory of its
        own: an untagged run stops on a tagged run's aux file."""
        stamps = {source: self.cache / f"{self._key(source)}.measure.json"
                  for source in map(measuring, sources)}
        missing = [source for source, stamp in stamps.items() if not stamp.exists()]
        for group in _by_preamble(missing):
            log = self._run(LUALATEX, trials(group), workdir / "measure", what)
            for source, found in zip(group, _measures(log), strict=True):
                _store(stamps[source], json.dumps(found).encode())
        return [Measure(**json.loads(stamps[measuring(source)].read_text())) for source in sources]

    def pdf(self, source: str, workdir: Path, what: str,
            measured: Measure | None = None) -> tuple[Path, int]:
        """``source`` typeset for good (latexmk), cached: the PDF and its page
        count. The last run's log is kept beside the PDF (``.log``).

        latexmk runs LuaLaTeX until the aux file it reads is the one it
        writes: three runs from none, one from the aux of an earlier typeset
        of the same layout (the same links on the same pages). So the work
        directory (the variant's name) starts from the aux the cache kept
        for the last typeset of this variant in the layout ``measured``
        found, else from its own, else from the last aux the cache kept for
        the variant. With none, and the page count measured, it starts from
        an aux that holds only the tagging's record of that count
        (``_first_aux``): two runs. A wrong guess costs a run, never a
        byte: latexmk runs until the aux is the one it writes, and the
        same aux gives the same PDF (the reproducibility tests typeset from
        nothing and compare)."""
        key = self._key(source)
        pdf, info = self.cache / f"{key}.pdf", self.cache / f"{key}.json"
        if not (pdf.exists() and info.exists() and pdf.with_suffix(".log").exists()):
            aux, seed = workdir / f"{JOB}.aux", self.cache / f"{workdir.name}.aux"
            laid_out = measured and self.cache / f"{workdir.name}-{measured.layout}.aux"
            workdir.mkdir(parents=True, exist_ok=True)
            if laid_out and laid_out.exists():
                shutil.copyfile(laid_out, aux)
            elif not aux.exists() and seed.exists():
                shutil.copyfile(seed, aux)
            elif (not aux.exists() and measured
                  and (first := self._first_aux(source, measured.pages))):
                aux.write_text(first, encoding="utf-8")
            pages = int(_PAGES.findall(self._run(LATEXMK, source, workdir, what))[-1])
            for kept in (seed, laid_out) if laid_out else (seed,):
                _store(kept, aux.read_bytes())
            _store(pdf.with_suffix(".log"), (workdir / f"{JOB}.log").read_bytes())
            _store(pdf, (workdir / f"{JOB}.pdf").read_bytes())
            _store(info, json.dumps({"pages": pages}).encode())
        return pdf, json.loads(info.read_text())["pages"]

    def _first_aux(self, source: str, pages: int) -> str | None:
        """An aux file for a tagged ``source``'s first run, holding only the
        tagging's record of its page count. Without it, the first run numbers
        its link objects from a default, and a second run renumbers them:
        one run more. The record's form is this TeX Live's own, read once
        (into the cache) from the aux of a one-page document tagged as
        ``source`` is; its command is provided, so an aux kept from another
        TeX Live cannot stop a run. None for an untagged source."""
        metadata = next((line for line in source.split("\n")
                         if line.startswith("\\DocumentMetadata")), None)
        if metadata is None:
            return None
        record = self.cache / f"last-page-{hashlib.sha256(metadata.encode()).hexdigest()[:16]}.aux"
        with self._probe:
            if not record.exists():
                probe = self.work / "last-page-record"
                self._run(LUALATEX, f"{metadata}\n\\documentclass{{article}}\n{BEGIN}x\n{END}\n",
                          probe, "the tagging's page record")
                found = _LAST_PAGE.search((probe / f"{JOB}.aux").read_text(encoding="utf-8"))
                _store(record, (found.group(0) if found else "").encode())
        line = record.read_text(encoding="utf-8")
        if not (found := _LAST_PAGE.match(line)):
            return None
        line = re.sub(r"\{abspage\}\s*\{\d+\}", f"{{abspage}}{{{pages}}}", line)
        return f"\\relax\n\\providecommand\\{found.group(1)}[2]{{}}\n{line}\n"

    def _setting(self, c: Career, variant: variants.Variant, priority: list[str],
                 target: tex.Target):
        """The variant's bullets in rank order, its skills in the order it
        shows them, and the source that sets a choice of the bullets."""
        ranked = variants.ranked(c, variant, priority)
        first = variants.focus_skills(c, variant)

        def source(kept: list[variants.Bullet]) -> str:
            return tex.standalone(variants.select(c, kept, first), target, self.fontpkg,
                                  variant.title)

        return ranked, first, source

    def opening(self, c: Career, variant: variants.Variant, priority: list[str],
                target: tex.Target) -> list[str]:
        """What a fit of ``variant`` measures first: every bullet (each one's
        height), none (where a fill starts, for the cost of one more page),
        and what the variant's last fit tried (a preview's cached-only build
        takes no guess): after an edit that moves no break between pages,
        the fit asks for the same again."""
        ranked, _, source = self._setting(c, variant, priority, target)
        history = self.cache / f"{variant.name}.tried.json"
        earlier = [] if self.cached_only else _earlier(history, ranked)
        return [source(bullets) for bullets in [ranked, [], *earlier]]

    def fit(self, c: Career, variant: variants.Variant, priority: list[str],
            target: tex.Target) -> Typeset:
        """The variant with as many of its bullets as fit its page limit."""
        ranked, first, source = self._setting(c, variant, priority, target)
        workdir = self.work / variant.name
        what = f"résumé variant {variant.name!r}"
        limit = variant.page_limit

        tried: list[list[variants.Bullet]] = []  # what the fill asks to measure

        def measure(*kept_sets: list[variants.Bullet]) -> list[Measure]:
            tried.extend(kept_sets)
            return self.measure([source(kept) for kept in kept_sets], workdir, what)

        history = self.cache / f"{variant.name}.tried.json"
        whole, empty, *_ = self.measure(self.opening(c, variant, priority, target), workdir, what)
        kept, found = (ranked, whole) if whole.pages <= limit else self._fill(
            c, ranked, whole, empty, measure, limit, what)
        if not self.cached_only:
            _store(history, json.dumps([[b.key for b in bullets] for bullets in tried]).encode())
        pdf, pages = self.pdf(source(kept), workdir, what, found)
        _agrees(found, pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace"),
                what)
        if pages > limit:
            raise TypesetError(f"{what} came out at {pages} pages, over its limit")
        shown = variants.select(c, kept, first)
        chosen = {b.key for b in kept}
        return Typeset(variant, pages, pdf, resume_text(shown, target.phone), len(kept),
                       len(ranked), shown, [b for b in ranked if b.key not in chosen],
                       1 - found.free / found.text_height,
                       self.word_copy(shown, target, variant.title))

    def word_copy(self, shown: Career, target: tex.Target, title: str) -> bytes:
        """The Word copy (word.py), cached as the PDFs are: by a hash of what
        it is made from (the career as shown, the target, the title, the
        date; word.py and python-docx's version too). A rebuild whose edit
        left a variant as it was (a prose edit in the preview) then makes
        no Word file again."""
        made_from = (shown, target, title, self.epoch, WORD, docx_version)
        path = self.cache / f"{hashlib.sha256(repr(made_from).encode()).hexdigest()[:32]}.docx"
        if not path.exists():
            _store(path, resume_docx(shown, target, title, self.epoch))
        return path.read_bytes()

    @staticmethod
    def _fill(c: Career, ranked: list[variants.Bullet], whole: Measure, empty: Measure,
              measure, limit: int, what: str) -> tuple[list[variants.Bullet], Measure]:
        """The bullets to keep, in rank order, and how they came out: each one
        kept if it fits in what is left, by the heights ``whole`` (every
        bullet, set once) gives them; proved by a run, which may drop the
        last ones kept or find room for more. Each step measures what it
        may try in one run (``measure``): the choice with up to ``POPS`` of
        its last bullets dropped, then the choice with each bullet that the
        room left could take."""
        height = {b.key: h for b, h in zip(variants.typeset_order(c, ranked), whole.heights,
                                            strict=True)}
        if empty.pages > limit:
            raise TypesetError(f"{what} does not fit in {limit} page(s) even "
                               "without bullets: raise its page limit in index.md")
        kept, room = [], empty.room(limit)
        for b in ranked:
            if height[b.key] <= room:
                kept.append(b)
                room -= height[b.key]
        found = measure(*(kept[:len(kept) - n] for n in range(POPS + 1)))[0]
        while found.pages > limit:  # page breaks took more than the heights say
            kept.pop()
            found = measure(kept)[0]
        measure(*_adds(ranked, kept, height, found.room(limit)))  # in one run, in case
        for b in ranked:  # room the heights did not promise
            if b not in kept and height[b.key] <= found.room(limit):
                trial = measure([*kept, b])[0]
                if trial.pages <= limit:
                    kept, found = [*kept, b], trial
        return kept, found


def _earlier(history: Path, ranked: list[variants.Bullet]) -> list[list[variants.Bullet]]:
    """The bullet sets a variant's last fit measured (``history``, by bullet
    key), those of them that the variant still has. Only a guess of what
    the fit will ask: a wrong one costs a few trials in a run, nothing more."""
    if not history.exists():
        return []
    bullets = {b.key: b for b in ranked}
    return [[bullets[key] for key in keys] for keys in
            (list(map(tuple, keys)) for keys in json.loads(history.read_text()))
            if all(key in bullets for key in keys)]


def _adds(ranked: list[variants.Bullet], kept: list[variants.Bullet],
          height: dict[str, float], room: float) -> list[list[variants.Bullet]]:
    """What ``_fill``'s last loop will try if the heights are right: in
    rank order, each bullet that fits the room left, kept. And, in case
    one does not fit after all, each of the first ``ALONE`` that fit the
    room now, added alone."""
    tries, added = [], list(kept)
    alone = [[*kept, b] for b in ranked if b not in kept and height[b.key] <= room]
    for b in ranked:
        if b not in added and height[b.key] <= room:
            tries.append([*added, b])
            added.append(b)
            room -= height[b.key]
    return tries + alone[:ALONE]


def trials(sources: list[str]) -> str:
    """One document that sets each of ``sources`` (one variant's: the same
    preamble, a different body) from a fresh page numbered 1, each opened by
    a line in the log (``ResumeTrial=N``) so that ``_measures`` can tell them apart."""
    preamble = sources[0].split(BEGIN, 1)[0]
    bodies = [source.split(BEGIN, 1)[1].rsplit(END, 1)[0] for source in sources]
    return "".join([preamble, BEGIN, TRIAL, *(f"\\ResumeTrial{{{n}}}\n{body}"
                                              for n, body in enumerate(bodies)), END, "\n"])


def _measures(log: str) -> list[dict]:
    """What each trial of a ``trials`` run measured, in order."""
    found = []
    for part in _TRIAL.split(log)[1:]:
        page, free, height = _END.findall(part)[-1]
        found.append({"pages": int(page) + (float(free) < 0), "free": float(free),
                      "text_height": float(height),
                      "heights": [float(h) for h in _BULLET.findall(part)]})
    return found


def measuring(source: str) -> str:
    """``source`` as a measuring run sets it: the same layout, untagged (no
    \\DocumentMetadata line) and untitled (the title goes only into the
    PDF's metadata), so that every variant's trials can share a run."""
    return "\n".join("\\title{}" if line.startswith("\\title{") else line
                     for line in source.split("\n")
                     if not line.startswith("\\DocumentMetadata"))


def _by_preamble(sources: list[str]) -> list[list[str]]:
    """``sources`` in groups that share a preamble: a run of ``trials`` each."""
    groups: dict[str, list[str]] = {}
    for source in sources:
        groups.setdefault(source.split(BEGIN, 1)[0], []).append(source)
    return list(groups.values())


def _agrees(measured: Measure, log: str, what: str) -> None:
    """The final (tagged) run laid the page out as the untagged measuring run
    did: else the fit was chosen on wrong figures, a fault of this module."""
    page, free, _ = _END.findall(log)[-1]
    if (int(page) + (float(free) < 0), round(float(free), 2)) != (measured.pages,
                                                                    round(measured.free, 2)):
        raise TypesetError(f"{what}: the tagged run ended its last page {free}pt short of "
                           f"the foot, the untagged measuring run {measured.free}pt; "
                           "typeset.py's measure() no longer measures what the PDF shows")


def _store(path: Path, data: bytes) -> None:
    """Write whole or not at all: another build may read the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(data)
    os.replace(partial, path)


def held_back(env, what: str) -> bool:
    """Whether the front matter has mistakes, so ``what`` is not typeset:
    the build will fail, and LuaLaTeX's minute is better spent after the fix."""
    if count := model.mistakes(env):
        logger.info(f"{what}: not typeset, the front matter has {count} mistake(s) (above)")
    return bool(count)


def typesetter(builder: Builder, cached_only: bool = False) -> Typesetter:
    doctrees = Path(builder.doctreedir)
    return Typesetter(Path(builder.config.portfolio_resume_cache or doctrees / "resumes"),
                      doctrees / "resumes-work",
                      builder.config.latex_elements.get("fontpkg", ""),
                      model.source_date_epoch(builder.config), cached_only)


def cores() -> int:
    """The cores this process may use: one LuaLaTeX each."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Batch:
    """Variants being fitted, one thread (a chain of LuaLaTeX runs) per core."""

    def __init__(self, setter: Typesetter, c: Career, declared: list[variants.Variant],
                 priority: list[str], target: tex.Target) -> None:
        self.setter = setter
        self._pool = ThreadPoolExecutor(max_workers=max(1, min(cores(), len(declared))),
                                        thread_name_prefix="resume")
        # Every variant's first measuring run in one: one LuaLaTeX start, not
        # one a variant; each fit then finds its opening measured.
        openings = [source for v in declared for source in setter.opening(c, v, priority, target)]
        opened = self._pool.submit(setter.measure, openings, setter.work / "opening",
                                   "the résumé variants' first measures")
        self._futures: list[Future[Typeset]] = [
            self._pool.submit(_after, opened, setter.fit, c, v, priority, target)
            for v in declared]
        self._done: list[Typeset] | None = None

    def cancel(self) -> None:
        """Start no more variants; those under way finish on their own."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def results(self) -> list[Typeset]:
        """Every variant, in the order declared, once all are done; the log
        says what each kept and left out. A failure is raised once the
        others stop (the rest are not started)."""
        if self._done is None:
            try:
                done = [future.result() for future in self._futures]
            finally:
                self._pool.shutdown(cancel_futures=True)
            if done:
                logger.info(f"résumé variants: {len(done)}, {self.setter.runs} LuaLaTeX "
                            f"run(s) on {cores()} core(s) (the rest cached)")
            for result in done:
                logger.info(kept_line(result))
            self._done = done
        return self._done


def _after(opened: Future, fit, *args) -> Typeset:
    """``fit(*args)`` once ``opened`` is done (its failure raised here too)."""
    opened.result()
    return fit(*args)


def fit_all(builder: Builder, c: Career, declared: list[variants.Variant], priority: list[str],
            target: tex.Target) -> list[Typeset]:
    """Every variant, in parallel, waited for."""
    return Batch(typesetter(builder), c, declared, priority, target).results()


def cached(setter: Typesetter, c: Career, declared: list[variants.Variant],
           priority: list[str], target: tex.Target) -> list[Typeset | None]:
    """Each variant as the cache has it, or None where a LuaLaTeX run is
    missing; ``setter`` is cached-only, so this runs no LuaLaTeX."""
    found: list[Typeset | None] = []
    for variant in declared:
        try:
            found.append(setter.fit(c, variant, priority, target))
        except NotTypeset:
            found.append(None)
    return found


# -- In the background (./run preview) ------------------------------------------------

_EXT = Path(__file__).resolve().parents[2]  # _ext/, where the package lives


@dataclass(frozen=True)
class Job:
    """What a background process typesets, and where it puts the results."""

    cache: Path
    work: Path
    fontpkg: str
    epoch: int
    career: Career
    declared: list[variants.Variant]
    priority: list[str]
    target: tex.Target
    outdir: Path  # the files go there
    stamp: Path  # touched when done: sphinx-autobuild rebuilds
    owner: int  # the server's process: the job stops when it does


def background(job: Job) -> str | None:
    """Typeset ``job`` in a detached, niced process, unless the same job is
    already running there; a process left from an earlier job is stopped.
    The error, if the same job failed before: reported, not retried."""
    data = pickle.dumps(job)
    digest = hashlib.sha256(data).hexdigest()[:16]
    state = job.work / "background"
    state.mkdir(parents=True, exist_ok=True)
    error = state / f"{digest}.error"
    if error.exists():
        return error.read_text(encoding="utf-8")
    current = state / "running"  # "PID DIGEST" of the last one started
    if current.exists():
        pid, running = current.read_text().split()
        if _alive(int(pid), state / f"{running}.job"):
            if running == digest:
                return None
            os.killpg(int(pid), signal.SIGTERM)  # LuaLaTeX too: its own session
    jobfile = state / f"{digest}.job"
    _store(jobfile, data)
    python_path = os.pathsep.join(filter(None, [str(_EXT), os.environ.get("PYTHONPATH")]))
    with open(state / "log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from portfolio.resume.typeset import main; main()",
             str(jobfile)],
            env={**os.environ, "PYTHONPATH": python_path}, stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    _store(current, f"{process.pid} {digest}".encode())
    return None


def _stop_with(owner: int) -> None:
    """Stop this process and its LuaLaTeX runs once ``owner`` (the preview's
    server) has stopped: Ctrl-C leaves nothing behind."""
    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os.killpg(0, signal.SIGTERM)
        time.sleep(1)


def _alive(pid: int, jobfile: Path) -> bool:
    """Whether ``pid`` still runs that job (not a later process given the pid)."""
    try:
        return str(jobfile).encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def main() -> None:
    """The background process: typeset the job, write its files, touch the stamp."""
    os.nice(10)  # the next rebuild of the pages comes first
    jobfile = Path(sys.argv[1])
    job: Job = pickle.loads(jobfile.read_bytes())
    threading.Thread(target=_stop_with, args=(job.owner,), daemon=True).start()
    setter = Typesetter(job.cache, job.work, job.fontpkg, job.epoch)
    try:
        write(Batch(setter, job.career, job.declared, job.priority, job.target).results(),
              job.outdir)
    except Exception as error:  # reported by the next rebuild, not retried in a loop
        report = str(error) if isinstance(error, TypesetError) else traceback.format_exc()
        _store(jobfile.with_suffix(".error"), report.encode())
    finally:
        jobfile.unlink(missing_ok=True)
        job.stamp.parent.mkdir(parents=True, exist_ok=True)
        job.stamp.write_text(jobfile.stem, encoding="utf-8")


def kept_line(result: Typeset) -> str:
    """ "resume-one-page: 14 of 38 bullets, 97% of its last page; left out:
    aws #1 "Provided support for AWS customers…", ..." """
    left = ", ".join(map(str, result.left_out))
    return (f"{result.variant.name}: {result.kept} of {result.eligible} bullets, "
            f"{result.fill:.0%} of its last page; left out: {left or 'none'}")


def write(results: list[Typeset], outdir: Path) -> None:
    """<name>.pdf, <name>.txt and <name>.docx for each variant, into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    for result in results:
        shutil.copyfile(result.pdf, outdir / f"{result.variant.name}.pdf")
        (outdir / f"{result.variant.name}.txt").write_text(result.text, encoding="utf-8")
        (outdir / f"{result.variant.name}.docx").write_bytes(result.docx)
