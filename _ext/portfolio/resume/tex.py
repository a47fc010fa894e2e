r"""The résumé as TeX, from the career model alone: pages 1-2 of the portfolio
PDF (``front_pages``) and the standalone, tagged résumé (``standalone``).

The look lives in ``texinputs/portfolioresume.sty``; this module writes only
content, in ``outline``'s order, through its environments and commands
(``\ResumeEmployer``, ``ResumePosition``, ``\ResumeBullet`` ...). Every
text from the front matter goes through the one escaper (``shared.tex_escape``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..shared import PEP_MENTION, pep_label
from ..shared import tex_escape as escape
from . import outline

if TYPE_CHECKING:
    from ..model import Career, Pep, Person

TEXINPUTS = Path(__file__).with_name("texinputs")
PACKAGES = ("portfolio", "portfolioresume")  # texinputs/<name>.sty



@dataclass(frozen=True)
class Target:
    """Where the résumé is typeset, which decides what its links point at."""

    standalone: bool  # False: pages 1-2 of the portfolio PDF
    baseurl: str = ""  # the published site, for the standalone résumé's links
    phone: str | None = None  # the private variant's extra contact line



# -- Text ---------------------------------------------------------------------

def _with_pep_links(text: str, peps: dict[str, Pep]) -> str:
    """Escape ``text``, linking each "PEP 440" to its page on peps.python.org.

    One box keeps "PEP" and its number on one line, and its space extracts as
    a plain space. Not a tie (~): in the tagged résumé, TeX Live 2022's tagpdf
    sets the real space it adds after a tie's penalty in Latin Modern, a
    second font family.
    """
    urls = {pep.number: pep.url for pep in peps.values()}
    out, last = [], 0
    for match in PEP_MENTION.finditer(text):
        out.append(escape(text[last:match.start()]))
        label = rf"\mbox{{{pep_label(match.group(1))}}}"
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

def _contact(person: Person, target: Target) -> list[str]:
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


def _bullets(bullets: list[str]) -> list[str]:
    # A variant may keep a position's line and none of its bullets; an empty
    # list is a LaTeX error.
    if not bullets:
        return []
    return [
        r"\begin{ResumeBullets}",
        *(rf"\ResumeBullet{{{bullet}}}" for bullet in bullets[:-1]),
        rf"\ResumeLastBullet{{{bullets[-1]}}}",
        r"\end{ResumeBullets}",
    ]


def _experience(career: Career, target: Target) -> list[str]:
    out = [rf"\ResumeSection{{{outline.EXPERIENCE}}}"]
    for employer in outline.employers(career):
        out.append(rf"\ResumeEmployer{{{escape(employer.name)}}}")
        for role in employer.roles:
            title = _page_link(role.docname, role.label, escape(role.position), target)
            out += [
                rf"\begin{{ResumePosition}}{{{title}}}{{{escape(role.dates)}}}",
                *_bullets([_with_pep_links(b, career.peps) for b in role.bullets]),
                r"\end{ResumePosition}",
            ]
    return out


def _projects(career: Career) -> list[str]:
    """The contributions under their projects, dated as roles are ("2013 –
    Current"), in the order index.md declares the projects."""
    out = []
    for entry in outline.projects(career):
        project = entry.project
        out += [
            rf"\begin{{ResumeProject}}{{{escape(project.name)}}}{{{escape(project.dates)}}}",
            *_bullets([_with_pep_links(x.bullet, career.peps) for x in entry.contributions]),
            r"\end{ResumeProject}",
        ]
    return [rf"\ResumeSection{{{outline.PROJECTS}}}", *out] if out else []


def metadata(career: Career, subject: str) -> str:
    """PDF metadata: author, subject, keywords; the title is the document's own."""
    person = career.person
    keywords = ", ".join([*person.skills, *person.languages])
    return (
        rf"\ResumeMetadata{{{escape(person.name)}}}{{{escape(subject)}}}{{{escape(keywords)}}}"
    )


def resume(career: Career, target: Target) -> str:
    """The ``resume`` environment: the two pages, from the model alone."""
    person = career.person
    lines = [
        r"\begin{resume}",
        rf"\ResumeName{{{escape(person.name)}}}",
        rf"\ResumeHeadline{{{escape(person.headline)}}}",
        *_contact(person, target),
        rf"\ResumeSection{{{outline.SUMMARY}}}",
        escape(person.summary),
        *_experience(career, target),
        *_projects(career),
        rf"\ResumeSection{{{outline.SKILLS}}}",
        rf"\ResumeItems{{{escape(', '.join(person.skills))}}}",
        rf"\ResumeSection{{{outline.LANGUAGES}}}",
        rf"\ResumeItems{{{escape(', '.join(person.languages))}}}",
        r"\end{resume}",
    ]
    return "\n".join(lines) + "\n"


def front_pages(career: Career) -> str:
    """resume/front.tex: pages 1-2 of the portfolio PDF."""
    person = career.person
    subject = f"Résumé and portfolio of {person.name}, {person.headline}"
    return "\n".join([
        "%% Generated by the portfolio extension from the career model: do not edit.",
        metadata(career, subject),
        # Pages are numbered from the cover, 1 to N, as a PDF viewer counts
        # them: the résumé is pages 1-2 (portfolio.sty keeps the count going).
        resume(career, Target(standalone=False)),
    ])


def standalone(career: Career, target: Target, fontpkg: str, title: str = "Résumé") -> str:
    """resume/resume.tex: the same pages as a document of their own, tagged.

    Tagging (a structure tree for screen readers and parsers, the document
    language) needs \\DocumentMetadata before the class and LuaLaTeX
    (typeset.py); portfolioresume.sty tags what it sets. Phase II is
    the test phase both TeX Live 2022 (Debian 12) and 2023 (Read the Docs'
    Ubuntu 24.04) have: it tags paragraphs and links for us. ``title``
    follows the name in the document's title ("Résumé: Security").
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
        rf"\title{{{escape(person.name)} — {escape(title)}}}",
        rf"\author{{{escape(person.name)}}}",
        r"\begin{document}",
        metadata(career, subject),
        resume(career, target),
        r"\end{document}",
        "",
    ])
