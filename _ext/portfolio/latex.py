r"""The résumé pages of the PDF, typeset from the career model.

The one PDF Read the Docs publishes opens with a self-contained two-page
résumé; the same pages stand alone as ``resume/resume.pdf``. Both are
generated here, at the end of a LaTeX build, into Sphinx's output:

    portfolio.sty         the rest of the PDF around the résumé (texinputs/)
    portfolioresume.sty   the résumé's layout: the look lives there (texinputs/)
    resume/pages.tex      the résumé pages; conf.py's ``maketitle`` inputs it
    resume/resume.tex     the standalone résumé, with a copy of its layout
    resume/resume.pdf     resume.tex as typeset.py fitted and typeset it (and .log)

They sit in ``resume/`` because latexmk, run as Read the Docs runs it (no file
argument), typesets every ``*.tex`` file of the output directory under the one
job name.

The private variant adds the phone number to the standalone résumé only, and
only when ``portfolio_private`` is set: the number comes from the environment
(``PORTFOLIO_PHONE``) or the untracked ``.private/phone``, never from a
committed file, and Read the Docs builds (``portfolio_readthedocs``) refuse
the option outright. The number is read here, when the résumé is written,
and is no configuration value: Sphinx pickles those into _build/doctrees.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.console import bold

from . import model
from .texescape import escape

logger = logging.getLogger(__name__)

TEXINPUTS = Path(__file__).with_name("texinputs")
PACKAGES = ("portfolio", "portfolioresume")  # texinputs/<name>.sty
PHONE_FILE = Path(".private") / "phone"  # relative to the source directory
PHONE_VARIABLE = "PORTFOLIO_PHONE"



@dataclass(frozen=True)
class Target:
    """Where the résumé is typeset, which decides what its links point at."""

    standalone: bool  # False: pages 1-2 of the portfolio PDF
    baseurl: str = ""  # the published site, for the standalone résumé's links
    phone: str | None = None  # the private variant's extra contact line


def standalone_target(app: Sphinx, private: bool) -> Target:
    """The standalone résumé's target: links to the published site, and the
    phone number only in a private copy (``portfolio_private``)."""
    return Target(standalone=True, baseurl=app.config.html_baseurl,
                  phone=_phone(Path(app.srcdir)) if private else None)


# -- Text ---------------------------------------------------------------------

def _with_pep_links(text: str, peps: dict[str, model.Pep]) -> str:
    """Escape ``text``, linking each "PEP 440" to its page on peps.python.org.

    One box keeps "PEP" and its number on one line, and its space extracts as
    a plain space. Not a tie (~): in the tagged résumé, TeX Live 2022's tagpdf
    sets the real space it adds after a tie's penalty in Latin Modern, a
    second font family.
    """
    urls = {pep.number: pep.url for pep in peps.values()}
    out, last = [], 0
    for match in model.PEP_MENTION.finditer(text):
        out.append(escape(text[last:match.start()]))
        label = rf"\mbox{{{model.pep_label(match.group(1))}}}"
        url = urls.get(int(match.group(1)))
        out.append(rf"\href{{{url}}}{{{label}}}" if url else label)
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _page_link(docname: str, label: str, text: str, target: Target) -> str:
    """A link to a page of the portfolio: inside the PDF, or on the site."""
    if not target.standalone:
        return rf"\hyperref[\detokenize{{{docname}:{label}}}]{{{text}}}"
    if target.baseurl:
        return rf"\href{{{target.baseurl.rstrip('/')}/{docname}.html}}{{{text}}}"
    return text


# -- The résumé -------------------------------------------------------------------

def _contact(person: model.Person, target: Target) -> list[str]:
    items = [escape(person.location)]
    items.append(rf"\href{{mailto:{person.email}}}{{{escape(person.email)}}}")
    if target.phone:
        items.append(escape(target.phone))
    for profile in person.profiles:
        items.append(rf"\href{{{profile.url}}}{{{escape(profile.display)}}}")
    return [
        r"\begin{ResumeContact}",
        "\\ResumeContactSep\n".join(rf"\ResumeContactItem{{{item}}}" for item in items),
        r"\end{ResumeContact}",
    ]


def _entry(what: str, detail: str, dates: str, bullets: list[str]) -> list[str]:
    # A variant may keep a position's line and none of its bullets; an empty
    # list is a LaTeX error.
    items = [
        r"\begin{ResumeBullets}",
        *(rf"\ResumeBullet{{{bullet}}}" for bullet in bullets),
        r"\end{ResumeBullets}",
    ] if bullets else []
    return [
        rf"\begin{{ResumeEntry}}{{{what}}}{{{detail}}}{{{dates}}}",
        *items,
        r"\end{ResumeEntry}",
    ]


def _experience(career: model.Career, target: Target) -> list[str]:
    out = [r"\ResumeSection{Experience}"]
    for role in career.roles:
        position = _page_link(role.docname, role.label, escape(role.position), target)
        highlights = [_with_pep_links(h, career.peps) for h in role.highlights]
        out += _entry(escape(role.employer), position, escape(role.dates), highlights)
    return out


def _open_source(career: model.Career) -> list[str]:
    """The contributions under their projects, dated as roles are ("PyPI | 2013
    – Current"), in the order index.md declares the projects."""
    out = []
    for project in career.projects:
        summaries = [_with_pep_links(c.summary, career.peps)
                     for c in career.contributions if c.project == project.name]
        if summaries:
            out += _entry(escape(project.name), "", escape(project.dates), summaries)
    return [r"\ResumeSection{Open source}", *out] if out else []


def metadata(career: model.Career, subject: str) -> str:
    """PDF metadata: author, subject, keywords; the title is the document's own."""
    person = career.person
    keywords = ", ".join([*person.skills, *person.languages])
    return (
        rf"\ResumeMetadata{{{escape(person.name)}}}{{{escape(subject)}}}{{{escape(keywords)}}}"
    )


def resume(career: model.Career, target: Target) -> str:
    """The ``resume`` environment: the two pages, from the model alone."""
    person = career.person
    lines = [
        rf"\renewcommand*\ResumeFooterName{{{escape(person.name)}}}",
        r"\begin{resume}",
        rf"\ResumeName{{{escape(person.name)}}}",
        rf"\ResumeHeadline{{{escape(person.headline)}}}",
        *_contact(person, target),
        r"\ResumeSection{Summary}",
        escape(person.summary) + r"\par\vspace{4pt}",
        rf"\ResumeList{{Skills}}{{{escape(', '.join(person.skills))}}}",
        rf"\ResumeList{{Programming languages}}{{{escape(', '.join(person.languages))}}}",
        *_experience(career, target),
        *_open_source(career),
        r"\end{resume}",
    ]
    return "\n".join(lines) + "\n"


def pages(career: model.Career) -> str:
    """resume/pages.tex: pages 1-2 of the portfolio PDF."""
    person = career.person
    subject = f"Résumé and portfolio of {person.name}, {person.headline}"
    return "\n".join([
        "%% Generated by the portfolio extension from the career model: do not edit.",
        metadata(career, subject),
        # Front matter numbering: the résumé is i-ii, the contents go on from iii.
        r"\pagenumbering{roman}",
        resume(career, Target(standalone=False)),
    ])


def standalone(career: model.Career, target: Target, fontpkg: str) -> str:
    """resume/resume.tex: the same pages as a document of their own, tagged.

    Tagging (a structure tree for screen readers and parsers, the document
    language) needs \\DocumentMetadata before the class and LuaLaTeX
    (tools/build.py); portfolioresume.sty tags what it sets. Phase II is
    the test phase both TeX Live 2022 (Debian 12) and 2023 (Read the Docs'
    Ubuntu 24.04) have: it tags paragraphs and links for us.
    """
    person = career.person
    subject = f"Résumé of {person.name}, {person.headline}"
    return "\n".join([
        "%% Generated by the portfolio extension from the career model: do not edit.",
        r"\DocumentMetadata{testphase=phase-II, lang=en-US}",
        r"\documentclass[letterpaper,10pt]{article}",
        # The portfolio PDF's font set-up (conf.py), so both look the same.
        r"\usepackage{fontspec}",
        r"\defaultfontfeatures[\rmfamily,\sffamily,\ttfamily]{}",
        fontpkg,
        r"\renewcommand{\familydefault}{\sfdefault}",
        # The viewer's title bar shows the title, not the file name.
        r"\usepackage[pdfencoding=unicode,colorlinks,pdfdisplaydoctitle]{hyperref}",
        r"\usepackage{portfolioresume}",
        rf"\title{{{escape(person.name)} — Résumé}}",
        rf"\author{{{escape(person.name)}}}",
        r"\begin{document}",
        metadata(career, subject),
        resume(career, target),
        r"\end{document}",
        "",
    ])


# -- The private variant ----------------------------------------------------------

def _check_private(app: Sphinx, config: Config) -> None:
    """Refuse the private variant where it could be published; else fail early
    if there is no number to add."""
    if not config.portfolio_private:
        return
    if config.portfolio_readthedocs:
        raise ConfigError(
            "portfolio_private (PORTFOLIO_PRIVATE=1) adds the phone number to the "
            "résumé; Read the Docs publishes what it builds, so it is refused there."
        )
    _phone(Path(app.srcdir))


def _phone(srcdir: Path) -> str:
    """The phone number for the private variant: environment, else .private/phone."""
    phone = os.environ.get(PHONE_VARIABLE, "").strip()
    if not phone and (srcdir / PHONE_FILE).is_file():
        phone = (srcdir / PHONE_FILE).read_text(encoding="utf-8").strip()
    if not phone:
        raise ConfigError(
            f"portfolio_private is set but there is no phone number: set {PHONE_VARIABLE} "
            f"or write it to {PHONE_FILE} (untracked)."
        )
    return phone


# -- Writing ------------------------------------------------------------------------

def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "latex":
        return
    career = model.career(app.env)
    outdir = Path(app.outdir)
    target = standalone_target(app, app.config.portfolio_private)
    declaration = app.env.portfolio_resume
    from . import typeset  # it typesets this module's output

    setter = typeset.typesetter(app)
    if declaration.full:
        # Pages 1-2 show what the full résumé variant keeps: as many bullets
        # as its page limit allows, measured as the website's copy is. The
        # fitted PDF is the standalone résumé: nothing typesets it twice.
        fitted = setter.fit(career, declaration.full, declaration.priority, target)
        career, pdf = fitted.shown, fitted.pdf
    tex = standalone(career, target, setter.fontpkg)
    if not declaration.full:  # no page limit to fit: typeset as it is
        pdf, _ = setter.pdf(tex, setter.work / "resume", "the résumé")
    sty = {name: (TEXINPUTS / f"{name}.sty").read_text(encoding="utf-8") for name in PACKAGES}
    files = {
        **{outdir / f"{name}.sty": text for name, text in sty.items()},
        outdir / "resume" / "portfolioresume.sty": sty["portfolioresume"],
        outdir / "resume" / "pages.tex": pages(career),
        outdir / "resume" / "resume.tex": tex,
    }
    for path, text in files.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for suffix in (".pdf", ".log"):  # the log for whoever checks it (the tests do)
        shutil.copyfile(pdf.with_suffix(suffix), outdir / "resume" / f"resume{suffix}")
    if target.phone:
        logger.info(bold("resume/resume.pdf has the phone number: send it, never publish it."))


def setup(app: Sphinx) -> None:
    for name in PACKAGES:
        app.add_latex_package(name, after_hyperref=True)
    app.connect("config-inited", _check_private)
    app.connect("build-finished", _write)
