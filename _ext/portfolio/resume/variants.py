"""The résumé's variants: which bullets each one keeps, never a word rewritten.

index.md's front matter declares them once, under ``resume``::

    resume:
      priority: [datadog-staff, hpe, warehouse]   # pages, to break ties
      variants:
        - {name: resume, pages: 2}                # resume.pdf, resume.txt
        - {name: resume-security, focus: {skills: [Security]}, pages: 1}

``declaration.py`` reads and checks that section; ``./run resume`` may add
one made up on the spot, for a focus or a job posting. A variant is a
selection from the career model: every role keeps its line (employer,
position, dates), so the history shows no gap; a bullet is kept or dropped
whole, and kept ones stay in their page's order. Which bullets it keeps is
:func:`ranked`'s order, as many as fit its page limit, measured on the
typeset PDF (``typeset.py``): each recent role's lead bullet first, then the
bullets that carry the focus's evidence (a skill's quoted words, ``skills:``
on the page; a project's contributions and the role bullets ``relations:``
in index.md quotes for them), then the rest by how relevant their words are
(``relevance``): to the focus's names, to a job posting, or, for a variant
without either, to the résumé's own headline and summary. The skills and
languages the focus is about are listed first. Pure: no Sphinx here.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from ..model.career import Career, Contribution, Role, YearMonth
from . import outline, relevance

# The full résumé: the variant of this name is also pages 1-2 of the PDF and
# its standalone copy (latex.py), fitted to its limit like every variant.
FULL_VARIANT = "resume"
# A role is recent if it ended (or goes on) within this many years of the
# latest role's end: each keeps a lead bullet where the page allows.
RECENT_YEARS = 10


@dataclass(frozen=True)
class Focus:
    skills: tuple[str, ...] = ()  # skills or languages from the taxonomy
    projects: tuple[str, ...] = ()  # projects from index.md

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.skills, *self.projects)

    def __bool__(self) -> bool:
        return bool(self.names)


@dataclass(frozen=True)
class Variant:
    name: str  # resume, resume-one-page ...: the files' name
    page_limit: int
    focus: Focus = Focus()
    posting: str = ""  # a job posting's text, for ./run resume -- --job FILE

    @property
    def title(self) -> str:
        """What the download area calls it: "Résumé: Security, Supply Chain Security"."""
        return f"Résumé: {', '.join(self.focus.names)}" if self.focus else "Résumé"


@dataclass(frozen=True)
class Declaration:
    variants: list[Variant]
    priority: list[str]  # role and contribution labels, most important first

    @property
    def full_variant(self) -> Variant | None:
        return next((v for v in self.variants if v.name == FULL_VARIANT), None)


Page = Role | Contribution


@dataclass(frozen=True)
class Bullet:
    page: Page
    index: int  # its place on its page
    text: str

    @property
    def key(self) -> tuple[str, int]:
        return self.page.label, self.index

    def __str__(self) -> str:
        """How the log names it: its page, its place there and its first words,
        ``aws #1 "Provided support for AWS customers…"``."""
        words = self.text.split()
        start = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
        return f'{self.page.label} #{self.index + 1} "{start}"'


def bullets(c: Career) -> list[Bullet]:
    """Every bullet of the résumé, in its reading order."""
    out = [Bullet(role, i, text) for role in c.roles for i, text in enumerate(role.bullets)]
    return out + [Bullet(x, 0, x.bullet) for x in c.contributions]


def typeset_order(c: Career, chosen: list[Bullet]) -> list[Bullet]:
    """``chosen`` in the order the résumé sets them: the roles' bullets, then
    the contributions' under their projects (``outline``)."""
    keys = [(role.label, i) for role in c.roles for i in range(len(role.bullets))]
    keys += [(x.label, 0) for entry in outline.projects(c) for x in entry.contributions]
    place = {key: n for n, key in enumerate(keys)}
    return sorted(chosen, key=lambda b: place[b.key])


def evidences(c: Career, bullet: Bullet, focus: Focus) -> list[str]:
    """The focus's skills and projects that ``bullet`` shows, with the words
    the front matter quotes for them."""
    shown = [s for s in bullet.page.shown_by(bullet.text) if s in focus.skills]
    if isinstance(bullet.page, Contribution):
        if bullet.page.project in focus.projects:
            shown.append(bullet.page.project)
    else:
        for relation in c.relations:
            if relation.role == bullet.page.label and relation.evidence in bullet.text:
                project = (c.contribution(relation.contribution) or bullet.page).project
                if project in focus.projects and project not in shown:
                    shown.append(project)
    return shown


def queries(c: Career, variant: Variant) -> list[str]:
    """The words the variant's bullets are ranked by, the first deciding
    first: a job posting's; a focus's names, then its evidence's words (the
    quotes of its skills, its projects' contributions, the relations'
    quotes); or the résumé's own summary."""
    if variant.posting:
        return [variant.posting]
    focus = variant.focus
    if not focus:
        return [c.person.summary]
    quoted = [words for page in [*c.roles, *c.contributions]
              for skill, words in [*page.skills.items(), *page.languages.items()]
              if skill in focus.skills]
    quoted += [x.bullet for x in c.contributions if x.project in focus.projects]
    quoted += [r.evidence for r in c.relations
               if (c.contribution(r.contribution) or r).project in focus.projects]
    return [" ".join(focus.names), " ".join(quoted)]


def carries_evidence(c: Career, b: Bullet, variant: Variant) -> bool:
    """Whether ``b`` shows what the variant is about, by the front matter's
    quotes: its focus, or, without one, any skill of the taxonomy. A job
    posting's variant ranks by words alone."""
    if variant.posting:
        return False
    if variant.focus:
        return bool(evidences(c, b, variant.focus))
    return any(s in c.person.skills for s in b.page.shown_by(b.text))


def recent_roles(c: Career) -> list[Role]:
    if not c.roles:
        return []
    latest = max(r.end or c.today for r in c.roles)
    since = YearMonth(latest.year - RECENT_YEARS, latest.month)
    return [r for r in c.roles if (r.end or c.today) >= since]


def ranked(c: Career, variant: Variant, priority: list[str]) -> list[Bullet]:
    """Every bullet of the résumé, the one to keep longest first.

    First each recent role's lead bullet (its best by the order below), in
    the roles' order; then the bullets that carry evidence
    (:func:`carries_evidence`); then the rest; each group by relevance to
    the variant's :func:`queries`, among equals the pages ``priority`` lists
    first, in its order, then reading order.
    """
    found = bullets(c)
    index = relevance.Index.of([b.text for b in found])
    asked = [relevance.terms(text) for text in queries(c, variant)]
    rank = {label: i for i, label in enumerate(priority)}

    def key(i: int) -> tuple:
        b = found[i]
        return (not carries_evidence(c, b, variant), *(-index.score(q, i) for q in asked),
                rank.get(b.page.label, len(rank)), i)

    order = sorted(range(len(found)), key=key)
    leads = []
    for role in recent_roles(c):
        lead = next((i for i in order if found[i].page is role), None)
        if lead is not None:
            leads.append(lead)
    return [found[i] for i in [*leads, *(i for i in order if i not in leads)]]


def focus_skills(c: Career, variant: Variant) -> list[str]:
    """The skills and languages the variant is about, to list first: those a
    job posting names (every word of the skill's name); or the focus's own,
    then those its evidence shows, the most often shown first."""
    person = c.person
    if variant.posting:
        posted = set(relevance.terms(variant.posting))
        return [s for s in [*person.skills, *person.languages]
                if relevance.terms(s) and set(relevance.terms(s)) <= posted]
    shown = Counter(s for b in bullets(c) if variant.focus and evidences(c, b, variant.focus)
                    for s in b.page.shown_by(b.text))
    named = list(variant.focus.skills)
    return named + [s for s, _ in shown.most_common() if s not in named]


def select(c: Career, kept: list[Bullet], first: list[str] = ()) -> Career:
    """The career as the variant shows it: every role, only the kept bullets
    (in their page's order), only the contributions kept; the skills and
    languages in ``first`` ahead of the rest."""
    chosen = {b.key for b in kept}
    roles = [dataclasses.replace(r, bullets=[b for i, b in enumerate(r.bullets)
                                             if (r.label, i) in chosen])
             for r in c.roles]
    contributions = [x for x in c.contributions if (x.label, 0) in chosen]

    def ordered(names: list[str]) -> list[str]:
        return [*(n for n in first if n in names), *(n for n in names if n not in first)]

    person = dataclasses.replace(c.person, skills=ordered(c.person.skills),
                                 languages=ordered(c.person.languages))
    return dataclasses.replace(c, person=person, roles=roles, contributions=contributions)
