"""The résumé's variants: which bullets each one keeps, never a word rewritten.

index.md's front matter declares them once, under ``resume``::

    resume:
      priority: [datadog-staff, hpe, warehouse]   # pages, most important first
      variants:
        - {name: resume, pages: 2}                # resume.pdf, resume.txt
        - {name: resume-security, focus: {skills: [Security]}, pages: 1}

``declaration.py`` reads and checks that section. A variant is a selection
from the career model: every role keeps its line
(employer, position, dates), so the history shows no gap; a bullet is kept or
dropped whole, and kept ones stay in their page's order. A focus keeps only
the bullets that carry its evidence: a skill's quoted words (``skills:`` on
the page), or a project's contributions and the role bullets that relate to
them (``relations:`` in index.md). Which bullets go first when the variant
must fit its page limit is :func:`ranked`'s order; ``typeset.py`` measures
the fit on the typeset PDF. Pure: no Sphinx here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model.career import Career, Contribution, Role

# The full résumé: the variant of this name is also pages 1-2 of the PDF and
# its standalone copy (latex.py), fitted to its limit like every variant.
FULL_VARIANT = "resume"


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


def bullets(c: Career) -> list[Bullet]:
    """Every bullet of the résumé, in its reading order."""
    out = [Bullet(role, i, text) for role in c.roles for i, text in enumerate(role.bullets)]
    return out + [Bullet(x, 0, x.bullet) for x in c.contributions]


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


def ranked(c: Career, variant: Variant, priority: list[str]) -> list[Bullet]:
    """The bullets the variant may show, the one to keep longest first.

    Each page's first bullet ranks above any page's second, so a short
    variant keeps every role's lead bullet before any role's detail; among
    equals, the pages ``priority`` lists come first, in its order, then the
    rest in reading order.
    """
    eligible = [b for b in bullets(c) if not variant.focus or evidences(c, b, variant.focus)]
    rank = {label: i for i, label in enumerate(priority)}

    def key(item: tuple[int, Bullet]) -> tuple[int, int, int]:
        order, b = item
        return b.index, rank.get(b.page.label, len(rank)), order

    return [b for _, b in sorted(enumerate(eligible), key=key)]


def select(c: Career, kept: list[Bullet]) -> Career:
    """The career as the variant shows it: every role, only the kept bullets
    (in their page's order), only the contributions kept."""
    chosen = {(b.page.label, b.index) for b in kept}
    roles = [dataclasses.replace(r, bullets=[b for i, b in enumerate(r.bullets)
                                             if (r.label, i) in chosen])
             for r in c.roles]
    contributions = [x for x in c.contributions if (x.label, 0) in chosen]
    return dataclasses.replace(c, roles=roles, contributions=contributions)
