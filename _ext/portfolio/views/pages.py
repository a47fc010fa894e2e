"""What every role and contribution page shows besides its own text: the
fact line under its title; after a contribution's résumé bullet, the
authors of its PEPs, from their headers; at the end, under a heading each, a role's
skills with the résumé's words that show them, the related pages, a role's
place among the roles, and the backlinks; and its entries for the index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..model import Career, Contribution, Role, duration, page_kind
from .parts import joined, link_list, page_link, pep_link, quoted, xref
from .registry import View, add_view, placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The class of the headings these views add at the end of a page, level 2
# under the page's title (h2 in HTML).
PAGE_HEADING = "portfolio-page-heading"


def _role_facts(role: Role, career: Career) -> list[nodes.Node]:
    parts = [role.employer, role.position, role.dates, duration(career.months(role))]
    if role.location:
        parts.append(role.location)
    text = " · ".join(parts)
    return [nodes.paragraph(text, text, classes=["portfolio-facts"])]


def _contribution_facts(contribution: Contribution, docname: str) -> list[nodes.Node]:
    para = nodes.paragraph(classes=["portfolio-facts"])
    para += nodes.Text(f"{contribution.project} · {contribution.kind.capitalize()}")
    if contribution.peps:
        para += nodes.Text(" · ")
        para.extend(joined(pep_link(docname, key) for key in contribution.peps))
    return [para]


def _names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def pep_authors(career: Career, docname: str) -> list[nodes.Node]:
    """Each PEP's authors, in its Author header's order: who he wrote it with."""
    contribution = career.page(docname)
    if not isinstance(contribution, Contribution):
        return []
    out = []
    for key in contribution.peps:
        pep = career.peps.get(key)
        if pep and pep.authors:
            para = nodes.paragraph(classes=["portfolio-authors"])
            plural = "s" if len(pep.authors) > 1 else ""
            para += nodes.Text(f"Author{plural}, as listed in ")
            para += pep_link(docname, key)
            para += nodes.Text(f"'s header: {_names(pep.authors)}.")
            out.append(para)
    return out


def facts(career: Career, docname: str) -> list[nodes.Node]:
    page = career.page(docname)
    if isinstance(page, Role):
        return _role_facts(page, career)
    return _contribution_facts(page, docname) if page else []


def _related_pages(career: Career, docname: str) -> list[tuple[Role | Contribution, str]]:
    """The pages related to this one, each with the résumé words that relate them."""
    page = career.page(docname)
    if isinstance(page, Role):
        pairs = [(career.contribution(label), career.relation(page.label, label))
                 for label in page.contributions]
    else:
        pairs = [(career.role(label), career.relation(label, page.label))
                 for label in page.roles] if page else []
    return [(other, relation.evidence) for other, relation in pairs if other and relation]


def related(career: Career, docname: str) -> list[nodes.Node]:
    """Related pages, each with the résumé's words that relate them."""
    pages = _related_pages(career, docname)
    is_role = any(r.docname == docname for r in career.roles)
    title = "Related contributions" if is_role else "Related roles"
    return link_list(title, [
        [xref(docname, "std", "ref", page.label, page.title), nodes.Text(": the résumé says "),
         quoted(words)]
        for page, words in pages], level=2, classes=[PAGE_HEADING])


def role_skills(career: Career, docname: str) -> list[nodes.Node]:
    """The role's skills and languages, each with the words of its bullets
    that show it; each name links to the skills page, where the other pages
    that show it are."""
    role = career.page(docname)
    if not isinstance(role, Role):
        return []
    tags = [*role.skills.items(), *role.languages.items()]
    return link_list("Skills", [
        [page_link(docname, career, career.skills_page, name) if career.skills_page
         else nodes.Text(name), nodes.Text(": "), quoted(words)]
        for name, words in tags], level=2, classes=[PAGE_HEADING])


def role_neighbours(career: Career, docname: str) -> list[nodes.Node]:
    """The roles before and after this one, with their dates."""
    role = career.page(docname)
    if not isinstance(role, Role):
        return []
    index = career.roles.index(role)  # most recent first
    neighbours = [("Before", career.roles[index + 1] if index + 1 < len(career.roles) else None),
                  ("After", career.roles[index - 1] if index > 0 else None)]
    return link_list("Before and after", [
        [nodes.Text(f"{when}: "), xref(docname, "std", "ref", other.label, other.title),
         nodes.Text(f" ({other.dates})")]
        for when, other in neighbours if other], level=2, classes=[PAGE_HEADING])


def backlinks(career: Career, docname: str) -> list[nodes.Node]:
    """Pages whose prose links here, less those already listed as related."""
    shown = {page.docname for page, _ in _related_pages(career, docname)}
    return link_list("Referenced from", [
        page_link(docname, career, source) for source in career.backlinks.get(docname, [])
        if source not in shown], level=2, classes=[PAGE_HEADING])


def index_entries(career: Career, docname: str, target: str) -> list[nodes.Node]:
    """A role's employer and position, a contribution's PEPs, and each page's
    skills and languages: entries for genindex and the PDF's index."""
    page = career.page(docname)
    entries = []
    if isinstance(page, Role):
        entries.append(("single", f"{page.employer}; {page.position}", target, "main", None))
    elif page is not None:
        # "main": searching "PEP 691" lists the page about it first.
        entries += [("single", career.peps[key].label, target, "main", None)
                    for key in page.peps if key in career.peps]
    if page is not None:
        entries += [("single", name, target, "", None) for name in [*page.skills, *page.languages]]
    return [addnodes.index(entries=entries)]


class PageViews(SphinxTransform):
    """Role and contribution pages get their fact line under the title, a
    contribution its PEPs' authors after its bullet, each page its views at
    the end (see the module's docstring), and index entries."""

    default_priority = 840  # before Sphinx collects index entries (850)

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        kind = page_kind(docname, self.config.root_doc)
        section = self.document.next_node(nodes.section)
        if kind not in {"role", "contribution"} or section is None or not section["ids"]:
            return
        if kind == "contribution":  # after the résumé's bullet, the page's first paragraph
            bullet = next((n for n in section.children if isinstance(n, nodes.paragraph)), None)
            if bullet is not None:
                bullet.parent.insert(bullet.parent.index(bullet) + 1,
                                     placeholder("pep-authors", docname))
        section.insert(1, [
            placeholder("index-entries", docname, section["ids"][0]),
            placeholder("facts", docname),
        ])
        if kind == "role":
            section += placeholder("role-skills", docname)
        section += placeholder("related", docname)
        if kind == "role":
            section += placeholder("role-neighbours", docname)
        section += placeholder("backlinks", docname)


class NestPageHeadings(SphinxPostTransform):
    """In the PDF a role or contribution page is a section of its chapter
    ("1.1 Staff Software Engineer, Datadog"), not a chapter: its headings go
    one level down, below its title rather than beside it."""

    builders = ("latex",)
    default_priority = 6  # once FillViews (5) has put them in

    def run(self, **kwargs) -> None:
        for node in self.document.findall(nodes.rubric):
            if PAGE_HEADING in node["classes"] and "heading-level" in node:
                node["heading-level"] += 1


def setup(app: Sphinx) -> None:
    app.add_transform(PageViews)
    app.add_post_transform(NestPageHeadings)
    for name, render in (("index-entries", index_entries), ("facts", facts),
                         ("pep-authors", pep_authors),
                        ("related", related), ("role-skills", role_skills),
                        ("role-neighbours", role_neighbours), ("backlinks", backlinks)):
        add_view(app, name, View(render), directive=False)
