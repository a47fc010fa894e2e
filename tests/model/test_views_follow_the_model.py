"""Every list that spans pages is generated from front matter, in every format.

Expectations are computed here from the sources (front matter read with
PyYAML, labels and references found with regular expressions), not from the
extension, then looked for in the built site.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from support.seed import PHONE, phone_number
from support.sources import CONTRIBUTIONS, PERSON, ROLES, Source
from tools.build import ROOT

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


PEP_KEYS = re.findall(r"^@misc\{(pep\d+),", (ROOT / "peps.bib").read_text(), re.M)


def month(value: str) -> str:
    year, number = value.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def dates(role: Source) -> str:
    end = role.meta["end"]
    return f"{month(role.meta['start'])} – {'present' if end == 'present' else month(end)}"


def soup(site, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site.html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def article(site, docname: str):
    return soup(site, docname).find("article")


def test_the_site_has_pages_to_check():
    assert ROLES
    assert CONTRIBUTIONS
    assert PEP_KEYS


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.docname)
def test_a_role_page_starts_with_its_facts(site, role):
    facts = article(site, role.docname).select_one("p.portfolio-facts").get_text()
    assert facts.startswith(f"{role.meta['employer']} · {role.meta['position']} · {dates(role)} · ")


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.docname)
def test_a_role_page_lists_its_related_contributions(site, role):
    page = article(site, role.docname)
    rubric = page.find("h2", class_="rubric", string="Related contributions")
    expected = [c.title for c in CONTRIBUTIONS if c.label in role.meta["contributions"]]
    if not expected:
        assert rubric is None
        return
    links = [a.get_text() for a in rubric.find_next_sibling("ul").select("a")]
    assert sorted(links) == sorted(expected)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.docname)
def test_a_role_page_shows_its_skills_and_place_among_the_roles(site, role):
    page = article(site, role.docname)
    headings = [h.get_text() for h in page.find_all("h2")]
    tags = {**(role.meta.get("skills") or {}), **(role.meta.get("languages") or {})}
    if tags:
        items = page.find("h2", string="Skills").find_next_sibling("ul").find_all("li")
        assert {li.a.get_text(): _unquoted(li.select_one(".portfolio-evidence").get_text())
                for li in items} == {name: _unquoted(words) for name, words in tags.items()}
        assert all(li.a["href"].startswith("../skills.html") for li in items)
    else:
        assert "Skills" not in headings
    ordered = sorted(ROLES, key=lambda r: r.meta["start"])  # oldest first
    at = ordered.index(role)
    expected = []
    if at > 0:
        expected.append(f"Before: {ordered[at - 1].title} ({dates(ordered[at - 1])})")
    if at + 1 < len(ordered):
        expected.append(f"After: {ordered[at + 1].title} ({dates(ordered[at + 1])})")
    lines = [li.get_text(" ", strip=True) for li in
             page.find("h2", string="Before and after").find_next_sibling("ul").find_all("li")]
    assert lines == expected
    # The role's dates and its duration, by the one rule, under its title.
    assert f"{dates(role)} · " in page.select_one("p.portfolio-facts").get_text()


@pytest.mark.parametrize("contribution", CONTRIBUTIONS, ids=lambda c: c.docname)
def test_a_contribution_page_states_project_kind_and_peps(site, contribution):
    page = article(site, contribution.docname)
    facts = page.select_one("p.portfolio-facts").get_text()
    project, kind = contribution.meta["project"], contribution.meta["kind"].capitalize()
    assert facts.startswith(f"{project} · {kind}")
    for key in contribution.meta["peps"]:
        assert f"PEP {key.removeprefix('pep')}" in facts
    rubric = page.find("h2", class_="rubric", string="Related roles")
    expected = [r.title for r in ROLES if r.label in contribution.meta["roles"]]
    links = [a.get_text() for a in rubric.find_next_sibling("ul").select("a")] if rubric else []
    assert sorted(links) == sorted(expected)


def _references() -> dict[str, set[str]]:
    """label -> the docnames whose prose refers to it with {ref}; not the
    landing page, whose cards and chapters link to the pages it features."""
    found: dict[str, set[str]] = {}
    for path in ROOT.glob("**/*.md"):
        if any(part.startswith((".", "_")) or part in {"tests", "node_modules"}
               for part in path.relative_to(ROOT).parts):
            continue
        docname = path.relative_to(ROOT).with_suffix("").as_posix()
        if docname == "index":
            continue
        for match in re.finditer(r"\{ref\}`(?:[^`<]*<)?([^`>]+)>?`", path.read_text()):
            found.setdefault(match.group(1).strip(), set()).add(docname)
    return found


@pytest.mark.parametrize("page", ROLES + CONTRIBUTIONS, ids=lambda p: p.docname)
def test_a_page_ends_with_the_pages_that_reference_it(site, page):
    # Related pages are listed once, under "Related ...", not again here.
    related = {p.docname for p in ROLES + CONTRIBUTIONS
               if p.label in page.meta.get("contributions", []) + page.meta.get("roles", [])}
    sources = _references().get(page.label, set()) - {page.docname} - related
    rubric = article(site, page.docname).find("h2", class_="rubric", string="Referenced from")
    if not sources:
        assert rubric is None
        return
    here = posixpath.dirname(page.docname)
    targets = {posixpath.normpath(posixpath.join(here, a["href"].split("#")[0]))
               for a in rubric.find_next_sibling("ul").select("a")}
    assert {f"{source}.html" for source in sources} <= targets


def test_the_open_source_page_heads_each_project_with_its_dates(site):
    page = article(site, "open-source/index")
    headings = page.select("h2.rubric")  # rubrics: the ePub's nav stays in reading order
    assert [h.get_text() for h in headings] == [p["name"] for p in PERSON["projects"]]
    for heading, project in zip(headings, PERSON["projects"], strict=True):
        following = heading.find_next_sibling()
        if "start" not in project:
            assert "portfolio-facts" not in following.get("class", [])
            continue
        end = "Current" if project["end"] == "present" else project["end"]  # the résumé's word
        assert following.get_text() == f"{project['start']} – {end}."


def test_the_timeline_lists_every_role_newest_first_grouped_by_employer(site):
    timeline = article(site, "experience/index").select_one("ul.portfolio-timeline")
    employers = [li.find("strong").get_text() for li in timeline.find_all("li", recursive=False)]
    roles = sorted(ROLES, key=lambda r: (r.meta["start"], r.meta["end"] == "present",
                                         r.meta["end"]), reverse=True)
    grouped = []
    for role in roles:
        if not grouped or grouped[-1] != role.meta["employer"]:
            grouped.append(role.meta["employer"])
    assert employers == grouped
    lines = [li.get_text(" ", strip=True) for li in timeline.select("li li")]
    assert len(lines) == len(roles)
    for line, role in zip(lines, roles, strict=True):
        assert line.startswith(f"{role.meta['position']} · {dates(role)} · ")
    links = [a["href"] for a in timeline.select("li li a")]
    assert links == [f"{Path(r.docname).name}.html#{r.label}" for r in roles]


def _months(text: str) -> int:
    """ "5 years 4 months" (at the end of ``text``) -> 64."""
    found = re.search(r"(?:(\d+) years?)? ?(?:(\d+) months?)?$", text.strip())
    return int(found[1] or 0) * 12 + int(found[2] or 0)


def test_the_timeline_durations_add_up_and_say_how(site):
    page = article(site, "experience/index")
    timeline = page.select_one("ul.portfolio-timeline")
    groups = timeline.find_all("li", recursive=False)
    roles = [_months(li.get_text(" ", strip=True)) for li in timeline.select("li li")]
    assert len(roles) == len(ROLES)
    several = 0
    for group in groups:
        head = group.find("p").get_text(" ", strip=True)
        own = [_months(li.get_text(" ", strip=True)) for li in group.select("li")]
        if len(own) > 1:  # the employer's time is the sum of its roles'
            several += 1
            assert _months(head) == sum(own), head
    assert several  # Datadog
    note = page.select_one("p.portfolio-note").get_text(" ", strip=True)
    assert note.startswith("Durations count each month once: a role counts from its first month "
                           "through its last; a month in which one role ends and the next begins "
                           "counts for the role that begins.")
    assert "So Datadog's 5 years 4 months is its roles' 1 year 4 months and 4 years." in note
    # ... and so does the landing page's figure: the sum of every role.
    glance = article(site, "index").select_one("dl.portfolio-glance").get_text(" ", strip=True)
    assert f"{sum(roles) // 12}+ years (the months his roles cover" in glance


def test_the_career_figure_is_inline_svg_with_a_text_alternative(site, career):
    figure = article(site, "experience/index").select_one("figure.portfolio-career")
    svg = figure.find("svg")
    # A group, not an img: its bars and dots are links (axe: nested-interactive).
    assert svg["role"] == "group"
    assert svg["aria-labelledby"]
    description = svg.find("desc").get_text()
    for role in ROLES:
        assert f"{role.meta['employer']}, {role.meta['position']}, {dates(role)}" in description
    assert len(svg.select("rect.pf-bar")) == len(ROLES)
    assert len(svg.select("circle.pf-dot")) == len(PEP_KEYS)
    # Each bar leads to its role, each dot to its PEP's bibliography entry.
    assert sorted(a["href"] for a in svg.select("a:has(> rect.pf-bar)")) == sorted(
        f"{Path(r.docname).name}.html" for r in ROLES)
    dots = [circle.parent for circle in svg.select("circle.pf-dot")]
    assert all(a.name == "a" and a["href"].startswith("../standards.html#") for a in dots)
    # Readable in dark mode: text takes the page's colour, bars Furo's.
    style = svg.find("style").get_text()
    assert re.search(r"\.pf-text \{ fill: currentColor;", style)
    assert "var(--color-brand-primary" in style
    assert "by the year each PEP was created" in description
    caption = figure.find("figcaption").get_text()
    assert "in the year the PEP was created" in caption
    # The roles' span ends when the last role ends, not in the year of the build.
    if all(r.end for r in career.roles):
        first = min(r.start.year for r in career.roles)
        assert f"Roles by employer, {first}–{max(r.end.year for r in career.roles)};" in caption


def test_the_career_figure_is_a_file_in_the_epub_and_tikz_in_the_pdf(site):
    with zipfile.ZipFile(site.epub) as epub:
        names = epub.namelist()
        svg_name = next(n for n in names if n.endswith("_images/career.svg"))
        svg = epub.read(svg_name).decode()
        page = epub.read(next(n for n in names if n.endswith("experience/index.xhtml"))).decode()
    assert "prefers-color-scheme: dark" in svg  # the file stands alone
    img = BeautifulSoup(page, "html.parser").select_one("figure.portfolio-career img")
    assert img["src"] == "../_images/career.svg"
    assert img["alt"].startswith("Career timeline. Roles:")
    tex = (site.latex / "donald-stufft.tex").read_text(encoding="utf-8")
    assert tex.count(r"\begin{tikzpicture}") == 1
    assert tex.count(r"\fill[pfbar") == len(ROLES)


def _month_number(value: str) -> int:
    return int(value[:4]) * 12 + int(value[5:]) - 1


def test_at_a_glance_counts_from_the_data(site):
    glance = article(site, "index").select_one("dl.portfolio-glance").get_text(" ", strip=True)
    if all(r.meta["end"] != "present" for r in ROLES):
        # The months the roles cover, each once; a gap between roles is not counted.
        covered = {m for r in ROLES
                   for m in range(_month_number(r.meta["start"]), _month_number(r.meta["end"]) + 1)}
        first, last = min(covered), max(covered)
        label = f"{MONTHS[first % 12]} {first // 12} – {MONTHS[last % 12]} {last // 12}"
        years = f"{len(covered) // 12}{'+' if len(covered) % 12 else ''} years"
        assert f"{years} (the months his roles cover, {label})" in glance
    # The years are the PEPs' Created dates, and say so: not when he joined the authors.
    years = [int(y) for y in re.findall(r"^\s*year = \{(\d{4})\}", (ROOT / "peps.bib").read_text(),
                                          re.M)]
    assert len(years) == len(PEP_KEYS)
    assert (f"PEPs authored : {len(PEP_KEYS)}, alone or with others (created "
            f"{min(years)}–{max(years)})") in glance


def test_the_profile_shows_contact_languages_and_skills_but_no_phone(site):
    profile = article(site, "index").select_one("dl.portfolio-profile")
    text = profile.get_text(" ", strip=True)
    assert PERSON["location"] in text
    mailto = [unquote(a["href"]) for a in profile.select('a[href^="mailto:"]')]
    assert mailto == [f"mailto:{PERSON['email']}"]
    assert ", ".join(PERSON["languages"]) in text
    assert ", ".join(PERSON["skills"]) in text
    assert profile.select_one('a[href="resume.json"]')
    assert not PHONE.search(text)
    assert not phone_number().search(text)


def _unquoted(text: str) -> str:
    return " ".join(re.sub("[“”‘’]", "", text).split())


def test_the_skills_map_quotes_the_resume_words_beside_each_link(site):
    page = article(site, "skills")
    assert [h.get_text() for h in page.find_all("h2")] == ["Skills", "Programming languages"]
    headed = {h.get_text(): h for h in page.find_all("h3")}
    also = " ".join(p.get_text(" ", strip=True) for p in page.select("p.portfolio-also"))
    sections = PERSON.get("section_skills") or {}
    for name in PERSON["skills"] + PERSON["languages"]:
        key = "languages" if name in PERSON["languages"] else "skills"
        expected = {f"{r.meta['position']}, {r.meta['employer']}": r.meta[key][name]
                    for r in ROLES if name in (r.meta.get(key) or {})}
        expected |= {c.title: c.meta[key][name]
                     for c in CONTRIBUTIONS if name in (c.meta.get(key) or {})}
        by_section = [section for section, names in sections.items() if name in names]
        if not expected and not by_section:  # listed plainly, as the résumé lists it
            assert name not in headed, name
            assert name in also, name
            continue
        items = headed[name].find_next_sibling("ul").find_all("li", recursive=False)
        # link text -> the words quoted beside it
        shown = {li.a.get_text(): _unquoted(li.select_one(".portfolio-evidence").get_text())
                 for li in items if li.select_one(".portfolio-evidence")}
        assert shown == {text: _unquoted(words) for text, words in expected.items()}, name
        whole = [li.get_text(" ", strip=True) for li in items
                 if not li.select_one(".portfolio-evidence")]
        assert whole == [f"Open source : the résumé's whole “{section}” section, "
                         f"{len(CONTRIBUTIONS)} contributions to PyPI (2013 – Current) and "
                         "Python packaging" for section in by_section], name
    assert "no page quotes" not in page.get_text()
    assert sections == {"Open Source Contributions": ["Open Source"]}


def _body(page: Source) -> str:
    """The page's Markdown after its front matter, on one line."""
    return " ".join(page.body.split())


@pytest.mark.parametrize("page", ROLES + CONTRIBUTIONS, ids=lambda p: p.docname)
def test_each_tag_gives_words_from_its_page(page):
    # The build checks this against the parsed page; this reads the source.
    for key in ("skills", "languages"):
        for name, words in (page.meta.get(key) or {}).items():
            assert " ".join(words.split()) in _body(page), (name, words)


def test_the_experience_summary_follows_the_roles(site):
    numbers = "zero one two three four five six seven eight nine ten eleven twelve".split()
    first = min(ROLES, key=lambda r: r.meta["start"])
    last = max(ROLES, key=lambda r: r.meta["start"])
    until = "today" if last.meta["end"] == "present" else f"in {last.meta['end'][:4]}"
    sentence = (f"{numbers[len(ROLES)].capitalize()} positions, most recent first, from "
                f"{first.meta['employer']} in {first.meta['start'][:4]} to "
                f"{last.meta['employer']} {until}.")
    assert article(site, "experience/index").find("p").get_text() == sentence


def test_each_card_shows_the_contribution_it_names(site):
    """The landing page's cards are sphinx-design's, written in index.md: each
    names a contribution, and shows its title, linked, over its résumé bullet."""
    labels = re.findall(r"\{bullet\}`([\w-]+)`", (ROOT / "index.md").read_text(encoding="utf-8"))
    by_label = {c.label: c for c in CONTRIBUTIONS}
    marked = [by_label[label] for label in labels]
    assert marked, "the landing page features no contribution"
    cards = article(site, "index").select(".sd-card")
    assert [card.select_one(".sd-card-title").get_text(strip=True) for card in cards] == [
        c.title for c in marked]
    for card, contribution in zip(cards, marked, strict=True):
        assert card.select_one(".sd-card-title a")["href"].startswith(contribution.html)
        summary = next(p for p in article(site, contribution.docname).find("section")
                       .find_all("p", recursive=False)
                       if "portfolio-facts" not in p.get("class", []))
        text = card.select_one(".sd-card-text")
        assert " ".join(text.get_text().split()) == " ".join(summary.get_text().split())
        # A PEP in the bullet is cited, as on the contribution page.
        for key in contribution.meta["peps"]:
            assert any("standards.html#" in a["href"] for a in text.select("a")), key


def test_the_landing_page_keeps_its_toctree_out_of_the_text(site):
    # The sidebar lists the chapters; the PDF and ePub still take them from it.
    # (A hidden toctree leaves its wrapper, empty.)
    assert not article(site, "index").select(".toctree-wrapper li")
    assert soup(site, "index").select(".sidebar-tree a[href='experience/index.html']")


@pytest.mark.parametrize("page", ROLES + CONTRIBUTIONS, ids=lambda p: p.docname)
def test_a_page_links_each_related_page_once(site, page):
    links = [posixpath.normpath(posixpath.join(posixpath.dirname(page.docname),
                                               a["href"].split("#")[0]))
             for rubric in article(site, page.docname).select("h2.rubric")
             if rubric.get_text() in {"Related roles", "Related contributions",
                                      "Referenced from"}
             for a in rubric.find_next_sibling("ul").select("a")]
    assert len(links) == len(set(links)), links


def test_the_pep_list_has_every_pep_once_and_the_page_about_it(site):
    entries = article(site, "standards").select("div.citation")
    labels = [entry.select_one(".label").get_text(strip=True).strip("[]") for entry in entries]
    assert labels == sorted((f"PEP {key[3:]}" for key in PEP_KEYS),
                            key=lambda label: int(label[4:]))
    assert not article(site, "standards").select("table")  # no second list beside it
    for contribution in CONTRIBUTIONS:
        for key in contribution.meta["peps"]:
            entry = entries[labels.index(f"PEP {key[3:]}")]
            assert contribution.title in [a.get_text() for a in entry.select("a")]


def test_the_index_lists_employers_peps_and_skills(site):
    # A language no page shows (the résumé lists Rust, Go, JavaScript without
    # saying where) has nothing to point to, so it has no entry.
    shown = {lang for page in [*ROLES, *CONTRIBUTIONS] for lang in page.meta.get("languages", [])}
    entries = {r.meta["employer"] for r in ROLES} | set(PERSON["skills"]) | shown
    entries |= {f"PEP {key[3:]}" for key in PEP_KEYS}
    headwords = article(site, "genindex").select("td > ul > li")
    genindex = {next(li.stripped_strings) for li in headwords}
    tex = (site.latex / "donald-stufft.tex").read_text(encoding="utf-8")
    for entry in entries:
        assert entry in genindex, entry
        assert f"\\index{{{entry}@\\spxentry{{{entry}}}" in tex, entry
