"""Views generated from the career model, alike in HTML, ePub and PDF.

While pages are read, each view is only a ``portfolio_view`` placeholder:
directives put them where a page asks (``{timeline}``, ``{skills-map}`` ...)
and ``PageViews`` puts the fact line, related pages and backlinks on every
role and contribution page. Once the model is built, ``FillViews`` replaces
each placeholder with ordinary docutils nodes. It runs just before Sphinx
resolves references, so the links in a view are plain cross-references
(``std:ref``, ``std:doc``, ``cite``) that every builder renders natively,
nitpicky mode checks, and "(PEP 440)" comes out as the citation style says.
A view that differs by builder (the career figure) is filled by the same
registry at ``doctree-resolved``, where Sphinx hands over the builder.

A page's views change when other pages do. After each read, ``_outdated``
hashes what every page's views would show and hands Sphinx (``env-updated``)
the pages whose hash changed, and only those, to rewrite.

Adding a view, here or in a module of its own (figure.py does so):

1. write ``render(career, docname, *arguments) -> list[nodes.Node]``: the
   nodes that replace the placeholder (none: it is removed). A view that
   differs by builder takes ``builder`` as a keyword too, and comes with a
   ``digest(career, docname, *arguments) -> bytes`` of what it depends on;
2. register it at setup: ``add_view(app, "name", View(render))``, or
   ``View(render, digest)`` for one that differs by builder (this module's
   views are listed in ``RENDERERS``, which ``setup()`` registers). That
   adds the directive ``{name}`` that places it; a view placed otherwise is
   added with ``directive=False``: by a directive of its own
   (``ProjectDirective``) or by a transform (``PageViews``). A view may
   return ``addnodes.index`` nodes: ``_index`` gives their entries to
   genindex and the search index;
3. the placeholder is ``portfolio_view(view="name", docname=...,
   arguments=(...))``; ``collect.py`` records it, so ``_outdated`` rewrites
   the page whenever the view would change.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx_design.shared import PassthroughTextElement, create_component

from . import model
from .exports import RESUME_JSON
from .model import Career, Contribution, Role, duration, page_kind
from .nodes import portfolio_view

logger = logging.getLogger(__name__)

# -- Links: cross-references for Sphinx to resolve ----------------------------


def _xref(docname: str, domain: str, kind: str, target: str, text: str) -> addnodes.pending_xref:
    node = addnodes.pending_xref(
        "", refdomain=domain, reftype=kind, reftarget=target, refdoc=docname,
        refexplicit=domain != "cite", refwarn=True,
    )
    node += nodes.inline(text, text)
    return node


def _page_link(docname: str, career: Career, target: str, text: str | None = None):
    """A link to page ``target`` (a docname), by its label when it has one."""
    text = text or career.titles.get(target, target)
    page = career.page(target)
    if page:
        return _xref(docname, "std", "ref", page.label, text)
    return _xref(docname, "std", "doc", "/" + target, text)


def _pep_link(docname: str, key: str) -> addnodes.pending_xref:
    return _xref(docname, "cite", "label", key, key)  # reads "PEP 440"


def _joined(items: Iterable[nodes.Node], sep: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for item in items:
        if out:
            out.append(nodes.Text(sep))
        out.append(item)
    return out


def _link_list_items(links: list[nodes.Node | list[nodes.Node]]) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["portfolio-links"])
    for link in links:
        items += nodes.list_item("", nodes.paragraph("", "", *(
            link if isinstance(link, list) else [link])))
    return items


def _link_list(title: str, links: list[nodes.Node | list[nodes.Node]]) -> list[nodes.Node]:
    """A titled list; each item is a link, or a link and words after it."""
    if not links:
        return []
    return [nodes.rubric(title, title), _link_list_items(links)]


# -- The views ------------------------------------------------------------------


def _role_facts(role: Role, career: Career) -> list[nodes.Node]:
    parts = [role.employer, role.position, role.dates, duration(role.months(career.today))]
    if role.location:
        parts.append(role.location)
    text = " · ".join(parts)
    return [nodes.paragraph(text, text, classes=["portfolio-facts"])]


def _contribution_facts(contribution: Contribution, docname: str) -> list[nodes.Node]:
    para = nodes.paragraph(classes=["portfolio-facts"])
    para += nodes.Text(f"{contribution.project} · {contribution.kind.capitalize()}")
    if contribution.peps:
        para += nodes.Text(" · ")
        para.extend(_joined(_pep_link(docname, key) for key in contribution.peps))
    return [para]


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


def _quoted(words: str) -> nodes.Node:
    """The résumé's words in quotation marks; a quote inside takes single ones."""
    words = words.replace("“", "‘").replace("”", "’")
    return nodes.inline("", f"“{words}”", classes=["portfolio-evidence"])


def related(career: Career, docname: str) -> list[nodes.Node]:
    """Related pages, each with the résumé's words that relate them."""
    pages = _related_pages(career, docname)
    is_role = any(r.docname == docname for r in career.roles)
    title = "Related contributions" if is_role else "Related roles"
    return _link_list(title, [
        [_xref(docname, "std", "ref", page.label, page.title), _text(": the résumé says "),
         _quoted(words)]
        for page, words in pages])


def backlinks(career: Career, docname: str) -> list[nodes.Node]:
    """Pages whose prose links here, less those already listed as related."""
    shown = {page.docname for page, _ in _related_pages(career, docname)}
    return _link_list("Referenced from", [
        _page_link(docname, career, source) for source in career.backlinks.get(docname, [])
        if source not in shown])


def _consecutive_by_employer(roles: list[Role]) -> list[list[Role]]:
    """Consecutive roles at one employer, grouped (reverse chronological)."""
    groups: list[list[Role]] = []
    for role in roles:
        if groups and groups[-1][0].employer == role.employer:
            groups[-1].append(role)
        else:
            groups.append([role])
    return groups


def timeline(career: Career, docname: str) -> list[nodes.Node]:
    outer = nodes.bullet_list(classes=["portfolio-timeline"])
    for roles in _consecutive_by_employer(career.roles):
        first, last = roles[-1], roles[0]
        end = last.end.label if last.end else "present"
        months = first.start.months_to(last.end or career.today)
        head = nodes.paragraph(classes=["portfolio-employer"])
        head += nodes.strong(last.employer, last.employer)
        if len(roles) > 1:  # the time at the employer, across its roles
            head += nodes.Text(f" · {first.start.label} – {end} · {duration(months)}")
        inner = nodes.bullet_list()
        for role in roles:
            para = nodes.paragraph()
            para += _xref(docname, "std", "ref", role.label, role.position)
            para += nodes.Text(f" · {role.dates} · {duration(role.months(career.today))}")
            inner += nodes.list_item("", para)
        outer += nodes.list_item("", head, inner)
    return [outer]


def _field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(name, name),
                       nodes.field_body("", nodes.paragraph("", "", *body)))


def _text(text: str) -> nodes.Text:
    return nodes.Text(text)


def at_a_glance(career: Career, docname: str) -> list[nodes.Node]:
    fields = nodes.field_list(classes=["portfolio-glance"])
    if career.roles:
        latest = career.roles[0]
        fields += _field(
            "Current role" if latest.end is None else "Latest role",
            _xref(docname, "std", "ref", latest.label, f"{latest.position}, {latest.employer}"),
            _text(f" ({latest.dates})"),
        )
        years, months = divmod(career.months_of_experience, 12)
        first = min(r.start for r in career.roles)
        fields += _field("Experience", _text(
            f"{years}{'+' if months else ''} years (roles listed from {first.label})"))
    if career.peps:
        count = len(career.peps)
        years = [p.year for p in career.peps.values()]
        span = f"{min(years)}–{max(years)}" if min(years) != max(years) else str(min(years))
        # Each PEP is dated by its Created header: when the PEP was begun,
        # not when he joined its authors.
        fields += _field("PEPs authored", _text(
            f"{count}, alone or with others (created {span})"))
    return [fields]


def summary(career: Career, docname: str) -> list[nodes.Node]:
    """The headline and the summary, from the landing page's front matter."""
    p, out = career.person, []
    if p.headline:
        # In a container, so that the page's description (description.py)
        # opens with the summary rather than repeating the headline.
        out.append(nodes.container("", nodes.paragraph(p.headline, p.headline),
                                   classes=["portfolio-headline"]))
    if p.summary:
        out.append(nodes.paragraph(p.summary, p.summary, classes=["portfolio-summary"]))
    return out


def profile(career: Career, docname: str) -> list[nodes.Node]:
    """Contact, languages and skills from the landing page's front matter."""
    p = career.person
    fields = nodes.field_list(classes=["portfolio-profile"])
    if p.location:
        fields += _field("Location", _text(p.location))
    if p.email:
        fields += _field("Email", nodes.reference(p.email, p.email, refuri=f"mailto:{p.email}"))
    if p.profiles:
        fields += _field("Profiles", *_joined(
            nodes.reference(pr.display, pr.display, refuri=pr.url) for pr in p.profiles))
    if p.languages:
        fields += _field("Languages", _text(", ".join(p.languages)))
    if p.skills:
        fields += _field("Skills", _text(", ".join(p.skills)))
    # resume.json exists in the web site only (exports.py).
    only = addnodes.only(expr="builder_html or builder_dirhtml")
    uri = posixpath.relpath(RESUME_JSON, posixpath.dirname(docname) or ".")
    only += _field("As data", nodes.reference(RESUME_JSON, RESUME_JSON, refuri=uri),
                   _text(" (JSON Resume)"))
    fields += only
    return [fields]


def skill_id(skill: str) -> str:
    return "skill-" + nodes.make_id(skill)


def skills_map(career: Career, docname: str) -> list[nodes.Node]:
    """Each skill, then each language, and the pages that show it, each with
    the résumé's words on that page that show it; and the main index entry of
    each, so that searching a skill finds this page first."""
    names = [*career.person.skills, *career.person.languages]
    out: list[nodes.Node] = [addnodes.index(entries=[
        ("single", name, skill_id(name), "main", None) for name in names])]
    for title, key, names in (("Skills", "skills", career.person.skills),
                              ("Programming languages", "languages", career.person.languages)):
        dl = nodes.definition_list(classes=["portfolio-skills"])
        for name in names:
            body = nodes.definition()
            shown = [(page, getattr(page, key)[name], text)
                     for page, text in [*((r, f"{r.position}, {r.employer}") for r in career.roles),
                                        *((x, x.title) for x in career.contributions)]
                     if name in getattr(page, key)]
            if shown:
                body += _link_list_items([
                    [_xref(docname, "std", "ref", page.label, text), _text(": "),
                     _quoted(words)] for page, words, text in shown])
            else:
                # The résumé lists it without a line that shows where; say so, add nothing.
                body += nodes.paragraph("", "", _text(
                    f"Listed among the résumé's {title.lower()}; no page quotes résumé "
                    "words that show it."))
            dl += nodes.definition_list_item(
                "", nodes.term(name, name, ids=[skill_id(name)]), body)
        out += [nodes.rubric(title, title), dl]
    return out


def _table(headers: list[str], rows: list[list[list[nodes.Node]]], widths: list[int],
           classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in headers))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells))
    group += head
    group += body
    return table


def pep_table(career: Career, docname: str) -> list[nodes.Node]:
    """The PEP table, and an index entry for every PEP in the bibliography."""
    # The entries' anchor is an empty paragraph: a target would pass its id
    # on to the table, and furo's table wrapper copies it (a duplicate id).
    target_id = "pep-table"
    index = addnodes.index(entries=[
        ("single", pep.label, target_id, "", None) for pep in career.peps.values()])
    anchor = nodes.paragraph("", "", ids=[target_id])
    rows = []
    for key, pep in career.peps.items():
        rows.append([
            [_pep_link(docname, key)],
            [_text(pep.title)],
            [_text(pep.status)],
            [_text(str(pep.year))],
            _joined(_xref(docname, "std", "ref", x.label, x.title)
                    for x in career.contributions_for_pep(key)),
        ])
    # In the PDF the table keeps these widths (colwidths-given; tabulary's own
    # squeeze "2012" out of its cell) and breaks across pages (longtable), so
    # the Standards chapter does not open on a page left empty above it.
    return [index, anchor, _table(["PEP", "Title", "Status", "Created", "In this portfolio"], rows,
                   [11, 41, 14, 8, 26], ["portfolio-peps", "colwidths-given", "longtable"])]


# Read under its project's heading only: page descriptions leave it out.
PROJECT_DATES = "portfolio-project-dates"


def project_dates(career: Career, docname: str, name: str) -> list[nodes.Node]:
    """ "2013 – Current." under a project's heading; nothing if it is undated."""
    project = career.project(name)
    if project is None or not project.dates:
        return []
    text = f"{project.dates}."
    return [nodes.paragraph(text, text, classes=["portfolio-facts", PROJECT_DATES])]


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve")


def experience_summary(career: Career, docname: str) -> list[nodes.Node]:
    """ "Eight positions, most recent first, from Xenofox in 2008 to Datadog in 2025." """
    if not career.roles:
        return []
    latest, first = career.roles[0], career.roles[-1]
    count = len(career.roles)
    number = NUMBERS[count] if count < len(NUMBERS) else str(count)
    until = f"{latest.employer} in {latest.end.year}" if latest.end \
        else f"{latest.employer} today"
    text = (f"{number.capitalize()} position{'s' if count != 1 else ''}, most recent first, "
            f"from {first.employer} in {first.start.year} to {until}.")
    return [nodes.paragraph(text, text)]


def _cited(career: Career, docname: str, text: str) -> list[nodes.Node]:
    """``text`` with each "PEP 691" a citation of its entry in the bibliography."""
    keys = {pep.number: key for key, pep in career.peps.items()}
    out: list[nodes.Node] = []
    position = 0
    for match in model.PEP_MENTION.finditer(text):
        key = keys.get(int(match.group(1)))
        if key:
            out += [_text(text[position:match.start()]), _pep_link(docname, key)]
            position = match.end()
    return [*out, _text(text[position:])]


def highlights(career: Career, docname: str) -> list[nodes.Node]:
    """A card for each contribution marked ``highlight: true``: its title,
    linked, over its résumé bullet; sphinx-design's grid of 1, 2 or 3 columns."""
    row = create_component("grid-row", [
        "sd-row", "sd-row-cols-1", "sd-row-cols-xs-1", "sd-row-cols-sm-2", "sd-row-cols-md-2",
        "sd-row-cols-lg-3", "sd-g-2", "sd-g-xs-2", "sd-g-sm-2", "sd-g-md-2", "sd-g-lg-2"])
    for x in career.highlights:
        title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"],
                                 children=[PassthroughTextElement(
                                     "", "", _xref(docname, "std", "ref", x.label, x.title))])
        text = nodes.paragraph("", "", *_cited(career, docname, x.summary),
                               classes=["sd-card-text"])
        body = create_component("card-body", ["sd-card-body"], children=[title, text])
        card = create_component("card", ["sd-card", "sd-sphinx-override", "sd-w-100",
                                         "sd-shadow-sm"], children=[body])
        row += create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])
    if not row.children:
        return []
    return [create_component("grid-container", ["sd-container-fluid", "sd-sphinx-override",
                                                "sd-mb-4"], children=[row])]


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


# The views alike in every format: name -> render(career, docname, *arguments).
RENDERERS = {
    "index-entries": index_entries,
    "facts": facts,
    "related": related,
    "backlinks": backlinks,
    "timeline": timeline,
    "at-a-glance": at_a_glance,
    "summary": summary,
    "profile": profile,
    "skills-map": skills_map,
    "pep-table": pep_table,
    "project-dates": project_dates,
    "experience-summary": experience_summary,
    "highlights": highlights,
}


@dataclass(frozen=True)
class View:
    """What a placeholder becomes: the nodes ``render(career, docname,
    *arguments)`` gives. A view that differs by builder (the career figure
    is SVG, an image file or TikZ) is rendered with ``builder=`` as well,
    and gives ``digest(career, docname, *arguments)``: bytes that change
    whenever any of its renderings would, for ``_outdated`` to hash."""

    render: Callable[..., list[nodes.Node]]
    digest: Callable[..., bytes] | None = None  # None: alike for every builder

    @property
    def by_builder(self) -> bool:
        return self.digest is not None


VIEWS: dict[str, View] = {}  # every view, by name: filled by add_view() at setup


def add_view(app: Sphinx, name: str, view: View, directive: bool = True) -> None:
    """Register ``view`` as ``name``; with ``directive``, pages place it with
    ``{name}`` (a directive without arguments or content)."""
    VIEWS[name] = view
    if directive:
        app.add_directive(name, view_directive(name))


def _fill(doctree: nodes.document, career: Career, builder: Builder | None = None) -> None:
    """Replace each placeholder with its view's nodes: of the views alike for
    every builder, or, given the builder, of those that differ by builder."""
    for node in list(doctree.findall(portfolio_view)):
        view = VIEWS[node["view"]]
        if view.by_builder != (builder is not None):
            continue
        arguments = (career, node["docname"], *node.get("arguments", ()))
        content = view.render(*arguments, builder=builder) if builder else view.render(*arguments)
        if content:
            node.replace_self(content)
        else:
            node.parent.remove(node)


class FillViews(SphinxPostTransform):
    """The views alike for every builder, before references are resolved:
    their cross-references resolve as the page's own do."""

    default_priority = 5  # Sphinx's ReferencesResolver runs at 10

    def run(self, **kwargs) -> None:
        _fill(self.document, model.career(self.env))


def _fill_by_builder(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The views that differ by builder, once references are resolved: the
    event Sphinx hands the builder to (its transforms no longer reach it)."""
    _fill(doctree, model.career(app.env), app.builder)


def _digest(career: Career, docname: str, views: list[tuple[str, tuple[str, ...]]]) -> str:
    """What the page's views would show, hashed."""
    digest = hashlib.sha256()
    for name, arguments in views:
        view = VIEWS[name]
        if view.by_builder:
            digest.update(view.digest(career, docname, *arguments))
        else:
            for node in view.render(career, docname, *arguments):
                digest.update(node.pformat().encode())
    return digest.hexdigest()


def _index(app: Sphinx, env) -> None:
    """Give genindex each page's entries from its views: the page's own
    (``{index}`` in its prose, read with it) and those its views add now,
    from the model, which the doctree as read could not hold."""
    career = model.career(env)
    entries = env.get_domain("index").entries
    for docname, page in env.portfolio_pages.items():
        if docname in entries and page.views:
            entries[docname] = [*page.index_entries, *(
                entry for name, arguments in page.views if not VIEWS[name].by_builder
                for node in VIEWS[name].render(career, docname, *arguments)
                if isinstance(node, addnodes.index) for entry in node["entries"])]


def _outdated(app: Sphinx, env) -> list[str]:
    """Pages whose views come out different from the last build: Sphinx
    rewrites them, though their sources did not change."""
    career = model.career(env)
    previous = getattr(env, "portfolio_digests", {})
    env.portfolio_digests = {
        docname: _digest(career, docname, page.views)
        for docname, page in env.portfolio_pages.items() if page.views
    }
    return sorted(d for d, digest in env.portfolio_digests.items() if previous.get(d) != digest)


# -- Placeholders, while reading ----------------------------------------------


class ViewDirective(SphinxDirective):
    """A generated view: ``{timeline}``, ``{skills-map}`` ... take no content."""

    view = ""

    def run(self) -> list[nodes.Node]:
        node = portfolio_view(view=self.view, docname=self.env.docname)
        self.set_source_info(node)
        return [node]


def view_directive(name: str) -> type[ViewDirective]:
    return type(f"{name.title().replace('-', '')}Directive", (ViewDirective,), {"view": name})


class ProjectDirective(SphinxDirective):
    """``{project} PyPI``: a project's heading on the open-source page, and its
    dates under it, from the model.

    The heading is a rubric, not a section: a section between two toctrees
    would put the ePub's table of contents out of reading order.
    """

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        # The model checks, at this line, that index.md declares the project
        # and that the pages the toctree below lists name it (collect.py).
        rubric = nodes.rubric(name, name, **{"heading-level": 2})
        self.set_source_info(rubric)
        dates = portfolio_view(view="project-dates", docname=self.env.docname, arguments=(name,))
        self.set_source_info(dates)
        return [rubric, dates]


class PageViews(SphinxTransform):
    """Role and contribution pages get their fact line under the title, their
    related pages and backlinks at the end, and index entries."""

    default_priority = 840  # before Sphinx collects index entries (850)

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        kind = page_kind(docname, self.config.root_doc)
        section = self.document.next_node(nodes.section)
        if kind not in {"role", "contribution"} or section is None or not section["ids"]:
            return
        section.insert(1, [
            portfolio_view(view="index-entries", docname=docname, arguments=(section["ids"][0],)),
            portfolio_view(view="facts", docname=docname),
        ])
        section += portfolio_view(view="related", docname=docname)
        section += portfolio_view(view="backlinks", docname=docname)


STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx, config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_static)
    app.add_css_file("portfolio.css")
    app.add_node(portfolio_view)
    app.add_transform(PageViews)
    app.add_post_transform(FillViews)
    app.connect("doctree-resolved", _fill_by_builder)
    # After the model is built (500).
    app.connect("env-updated", _index, priority=600)
    app.connect("env-updated", _outdated, priority=600)
    # The others are placed by ProjectDirective or by PageViews.
    plain = {"timeline", "at-a-glance", "summary", "profile", "experience-summary", "highlights",
             "skills-map", "pep-table"}
    for name, render in RENDERERS.items():
        add_view(app, name, View(render), directive=name in plain)
    app.add_directive("project", ProjectDirective)
