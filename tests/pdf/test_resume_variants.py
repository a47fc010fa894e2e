"""Every résumé variant index.md declares is on the site, as PDF, text and
Word, within its page limit, and says only what the résumé says.

The declarations are read from index.md here, not from the extension: each
variant's PDF must hold every position with its dates, bullets verbatim in
their page's order, and the same words as its plain text, in the same
order, with no running head or foot. A variant that leaves bullets out fills
its last page; a focus variant keeps first the bullets that show its focus
or name it, lists its skills first and names it in its title. No public copy
has the phone number. Bad declarations stop the build at their line.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

from portfolio.resume import tex, typeset
from support import seed
from support.sources import PERSON
from tools.build import run_sphinx

DECLARED = PERSON["resume"]["variants"]
NAMES = [v["name"] for v in DECLARED]
FOCUSED = [v["name"] for v in DECLARED if v.get("focus")]
# What the layout adds around the résumé's words: bullets, separators.
LAYOUT = {"•", "|", "·"}
RECENT_YEARS = 10  # a role that ended this recently keeps a bullet


def pdftotext(pdf, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=DECLARED, ids=NAMES)
def variant(request) -> dict:
    return request.param


def files(site, variant) -> tuple:
    return site.html / f"{variant['name']}.pdf", site.html / f"{variant['name']}.txt"


def lines(site, variant) -> list[str]:
    return files(site, variant)[1].read_text(encoding="utf-8").splitlines()


def all_bullets(career) -> list[tuple]:
    """(page, bullet) for every bullet of the full résumé."""
    return ([(role, text) for role in career.roles for text in role.bullets]
            + [(c, c.bullet) for c in career.contributions])


def kept(site, variant, career) -> list[tuple]:
    """The bullets the variant's text holds, each a line of its own."""
    text = set(lines(site, variant))
    return [(page, bullet) for page, bullet in all_bullets(career) if bullet in text]


def test_the_full_resume_and_at_least_a_one_page_and_a_focus_variant_are_declared():
    assert {v["pages"] for v in DECLARED if not v.get("focus")} >= {1, 2}
    assert FOCUSED


def test_the_page_count_is_within_the_limit(site, variant):
    pdf, _ = files(site, variant)
    assert 1 <= len(PdfReader(pdf).pages) <= variant["pages"]


@pytest.mark.parametrize("options", [(), ("-raw",)], ids=["pdftotext", "pdftotext-raw"])
def test_the_text_is_the_pdf_word_for_word_in_reading_order(site, variant, options):
    """Word for word, with nothing else: no running head or foot, whose
    words parsers would read into the next page's first line."""
    pdf, txt = files(site, variant)
    typeset = [w for w in pdftotext(pdf, *options).split() if w not in LAYOUT]
    assert typeset == txt.read_text(encoding="utf-8").split()


def test_the_text_has_no_layout_characters_and_one_bullet_a_line(site, variant, career):
    text = files(site, variant)[1].read_text(encoding="utf-8")
    assert not set(text) & {*LAYOUT, "\t", "\f", "\u00ad"}
    assert kept(site, variant, career)
    for _, bullet in kept(site, variant, career):
        assert text.count(bullet + "\n") == 1


def items(lines: list[str]) -> set[str]:
    """The lines, a list of items ("API Design, Build Systems") as its items:
    a variant may list its focus's skills first."""
    return {item for line in lines for item in (line.split(", ") if ", " in line else [line])}


def test_a_variant_says_nothing_the_full_resume_does_not(site, variant):
    full = items((site.html / "resume.txt").read_text(encoding="utf-8").splitlines())
    assert [line for line in items(lines(site, variant)) if line not in full] == []


def test_every_position_appears_with_its_dates_in_order(site, variant, career):
    """The employer, named once over its consecutive positions; each
    position's title and dates; in the résumé's order."""
    text = flat(pdftotext(files(site, variant)[0]))
    position, employer = 0, None
    for role in career.roles:
        line = f"{role.position} | {role.dates}"
        if role.employer != employer:
            line = f"{role.employer} {line}"
        employer = role.employer
        found = text.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_bullets_keep_their_page_order(site, variant, career):
    text = lines(site, variant)
    for page in [*career.roles, *career.contributions]:
        bullets = page.bullets if hasattr(page, "bullets") else [page.bullet]
        shown = [b for b in bullets if b in text]
        assert shown == sorted(shown, key=text.index)


def test_each_bullet_is_verbatim_on_its_page_of_the_site(site, variant, career):
    for page, bullet in kept(site, variant, career):
        html = (site.html / f"{page.docname}.html").read_text(encoding="utf-8")
        main = BeautifulSoup(html, "html.parser").find(attrs={"role": "main"})
        assert flat(bullet) in flat(main.get_text()), (page.docname, bullet)


# -- What a variant keeps ------------------------------------------------------------

def text_lines(pdf) -> list[tuple[int, float, float, float]]:
    """(page, page height, top, bottom) of each line of text, as poppler sets them out."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', layout, re.S)
    line = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"')
    return [(n, float(height), float(top), float(bottom))
            for n, (height, page) in enumerate(pages) for top, bottom in line.findall(page)]


def used(lines) -> float:
    """How far down the last page's text height the text reaches, 0 to 1;
    the margins, at either end, are the page's top margin: above its first line."""
    top = lines[0][2]
    last = [line for line in lines if line[0] == lines[-1][0]]
    return (max(bottom for *_, bottom in last) - top) / (last[0][1] - 2 * top)


def test_a_variant_that_leaves_bullets_out_fills_its_last_page(site, variant, career):
    if len(kept(site, variant, career)) == len(all_bullets(career)):
        pytest.skip("it keeps every bullet: nothing to fill its page with")
    assert used(text_lines(files(site, variant)[0])) >= 0.9


def test_the_fill_measure_sees_an_emptier_page(site):
    """Proves the measure: without its last eight lines, the one-page
    résumé reaches less far down its page."""
    name = next(v["name"] for v in DECLARED if v["pages"] == 1 and not v.get("focus"))
    lines = text_lines(site.html / f"{name}.pdf")
    assert used(lines[:-8]) < 0.9 <= used(lines)


def recent(career) -> list:
    latest = max((r.end or career.today) for r in career.roles)
    return [r for r in career.roles
            if (r.end or career.today).year * 12 + (r.end or career.today).month
            >= (latest.year - RECENT_YEARS) * 12 + latest.month]


def test_every_recent_role_keeps_a_bullet(site, variant, career):
    text = set(lines(site, variant))
    assert recent(career)
    assert [r.label for r in recent(career) if not text & set(r.bullets)] == []


def stems(text: str) -> set[str]:
    english = snowballstemmer.stemmer("english")
    return set(english.stemWords(re.findall(r"\w+", text.lower())))


def names_its_focus(bullet: str, focus: dict) -> bool:
    """Whether the bullet's own words name the focus: every word of one of
    its names, stemmed as search stems them ("packages" for "Python packaging")."""
    names = [*focus.get("skills", []), *focus.get("projects", [])]
    return any(stems(name) <= stems(bullet) for name in names)


def shows_its_focus(page, bullet: str, focus: dict, career) -> bool:
    """Whether the bullet carries the focus's evidence: a skill's quoted words,
    a contribution to one of its projects, or a relation's words to one."""
    skills, projects = focus.get("skills", []), focus.get("projects", [])
    quoted = {**page.skills, **page.languages}
    if any(s in quoted and quoted[s] in bullet for s in skills):
        return True
    if hasattr(page, "project"):
        return page.project in projects
    return any(r.role == page.label and r.evidence in bullet
               and career.contribution(r.contribution).project in projects
               for r in career.relations)


@pytest.mark.parametrize("name", FOCUSED)
def test_a_focus_variant_keeps_first_what_shows_or_names_its_focus(site, career, name):
    """A bullet that shows or names the focus is left out only for a role's
    lead bullet, or for a shorter bullet that fit where it did not."""
    variant = next(v for v in DECLARED if v["name"] == name)
    focus = variant["focus"]
    shown = set(lines(site, variant))

    def about(page, bullet) -> bool:
        return names_its_focus(bullet, focus) or shows_its_focus(page, bullet, focus, career)

    every = all_bullets(career)
    assert any(about(page, b) and b in shown for page, b in every)
    left_out = [b for page, b in every if about(page, b) and b not in shown]
    for page, bullet in every:
        others = [b for b in getattr(page, "bullets", [bullet]) if b != bullet and b in shown]
        if bullet in shown and not about(page, bullet) and others:
            assert all(len(bullet) < len(left) for left in left_out), (bullet, left_out)


@pytest.mark.parametrize("name", FOCUSED)
def test_a_focus_variant_lists_its_skills_first(site, career, name):
    variant = next(v for v in DECLARED if v["name"] == name)
    text = lines(site, variant)
    listed = text[text.index("Skills") + 1].split(", ")
    skills = variant["focus"].get("skills", [])
    if skills:
        assert listed[:len(skills)] == [s for s in listed if s in skills]
    else:  # a project's: one its contributions' pages quote
        quoted = {s for x in career.contributions if x.project in variant["focus"]["projects"]
                  for s in x.skills}
        assert listed[0] in quoted
    assert sorted(listed) == sorted(career.person.skills)


@pytest.mark.parametrize("name", FOCUSED)
def test_a_focus_variant_names_its_focus_in_its_title_file_name_and_link(site, name):
    variant = next(v for v in DECLARED if v["name"] == name)
    names = [*variant["focus"].get("skills", []), *variant["focus"].get("projects", [])]
    title = PdfReader(site.html / f"{name}.pdf").metadata.title
    assert all(n in title for n in names), title
    assert all(any(word in name.split("-") for word in n.lower().split()) for n in names)
    soup = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one(f'ul.resume-downloads a[href="{name}.pdf"]')
    assert all(n in link.get_text() for n in names)


def test_the_websites_resume_is_the_pdf_builds_standalone_resume(site):
    """Typeset once: the LaTeX build copies the full variant it fitted."""
    assert (site.html / "resume.pdf").read_bytes() == site.standalone_resume.read_bytes()


def test_the_download_area_lists_every_variant_with_its_page_count(site):
    soup = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.select("ul.resume-downloads > li")
    assert [li.a["href"] for li in items] == [f"{name}.pdf" for name in NAMES]
    for li, name in zip(items, NAMES, strict=True):
        pages = len(PdfReader(site.html / f"{name}.pdf").pages)
        assert f"(PDF, {pages} page{'s' if pages > 1 else ''}; plain text; Word)" in flat(
            li.get_text())
        assert [a["href"] for a in li.find_all("a")] == [
            f"{name}.pdf", f"{name}.txt", f"{name}.docx"]


def test_each_download_link_says_which_file_it_is(site):
    """Its accessible name: the variant, then the kind of file; its visible
    text is part of it (WCAG's label in name)."""
    soup = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select("ul.resume-downloads a")
    names = [a.get("aria-label", a.get_text()) for a in links]
    assert len(set(names)) == len(names) == 3 * len(NAMES)
    for li in soup.select("ul.resume-downloads > li"):
        pdf, txt, docx = li.find_all("a")
        variant = pdf.get_text()
        assert pdf["aria-label"].startswith(f"{variant}, PDF, ")
        assert txt["aria-label"] == f"{variant}, plain text"
        assert docx["aria-label"] == f"{variant}, Word"
        assert all(a.get_text() in a["aria-label"] for a in (pdf, txt, docx))


def test_no_public_variant_holds_the_phone_number(site):
    pattern = seed.phone_number()
    for name in NAMES:
        pdf, txt = site.html / f"{name}.pdf", site.html / f"{name}.txt"
        assert not pattern.search(pdftotext(pdf)), pdf.name
        assert not pattern.search(txt.read_text(encoding="utf-8")), txt.name
        word = "\n".join(p.text for p in Document(site.html / f"{name}.docx").paragraphs)
        assert not pattern.search(word), f"{name}.docx"


# -- Bad declarations stop the build at their line -----------------------------------

GOOD = """resume:
  priority: [later, versioning]
  variants:
    - {name: resume, pages: 2}
    - {name: resume-security, focus: {skills: [Security]}, pages: 1}
---"""
BAD = {  # replacement in GOOD, line in index.md, message
    "unknown skill": ("skills: [Security]", "skills: [Cooking]", 20,
                      "resume: field 'variants[1].focus.skills[0]': unknown skill or language "
                      "'Cooking'; skills are declared in index.md's `skills:` (line 10), "
                      "languages in its `languages:`"),
    "misspelt skill": ("skills: [Security]", "skills: [security]", 20,
                       "resume: field 'variants[1].focus.skills[0]': unknown skill or language "
                       "'security'; did you mean 'Security'?"),
    "unknown project": ("{skills: [Security]}", "{projects: [Cooking]}", 20,
                        "resume: field 'variants[1].focus.projects[0]': unknown project "
                        "'Cooking'; projects are declared in index.md's `projects:` (line 11)"),
    "limit below one page": ("pages: 2}", "pages: 0}", 19,
                             "resume: field 'variants[0].pages': 0 is not a page limit"),
    "unknown page": ("[later, versioning]", "[later, nowhere]", 17,
                     "resume: field 'priority[1]': unknown page label 'nowhere'; a page declares "
                     "its label as `(label)=` on the line before its title, in experience/ and "
                     "open-source/"),
    "misspelt page": ("[later, versioning]", "[later, versoning]", 17,
                      "resume: field 'priority[1]': unknown page label 'versoning'; did you mean "
                      "'versioning'?"),
    # One mistake, one error: not "misses pages" as well.
    "misspelt variant field": ("{name: resume, pages: 2}", "{name: resume, pgaes: 2}", 19,
                               "resume: field 'variants[0]': unknown field 'pgaes'; did you mean "
                               "'pages'? allowed fields: name, pages, focus"),
    "declared twice": ("name: resume-security", "name: resume", 20,
                       "resume: variant 'resume' is declared twice"),
}


@pytest.mark.parametrize("case", BAD, ids=BAD)
def test_a_bad_declaration_is_reported_at_its_line(case, make_app, rootdir, tmp_path):
    old, new, line, message = BAD[case]
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    index = src / "index.md"
    text = index.read_text()
    assert GOOD.replace(old, new) != GOOD
    index.write_text(text.replace("\n---\n", "\n" + GOOD.replace(old, new) + "\n", 1))
    app = make_app("dummy", srcdir=src)  # the declarations are checked in every build
    app.build()
    warnings = app.warning.getvalue()
    assert f"{index}:{line}: WARNING: {message}" in warnings, warnings
    assert warnings.count("WARNING") == 1, warnings  # one mistake, one warning


# -- On demand, and private ------------------------------------------------------------

def test_run_resume_builds_a_private_variant_on_demand(site_copy, tmp_path, monkeypatch):
    fake = "(555) 010-0199"  # a number reserved for fiction
    monkeypatch.setenv("PORTFOLIO_PRIVATE", "1")
    monkeypatch.setenv("PORTFOLIO_PHONE", fake)
    monkeypatch.delenv("READTHEDOCS", raising=False)
    out = tmp_path / "resume"
    result = run_sphinx("resume", out, tmp_path / "doctrees", site_copy,
                        "-D", "portfolio_resume_focus=Security", "-D", "portfolio_resume_pages=1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in out.glob("resume*")) == [
        "resume-security-1-page.docx", "resume-security-1-page.pdf",
        "resume-security-1-page.txt"]
    pdf = out / "resume-security-1-page.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert fake in pdftotext(pdf)
    assert fake in (out / "resume-security-1-page.txt").read_text(encoding="utf-8")
    document = Document(out / "resume-security-1-page.docx")
    assert any(fake in p.text for p in document.paragraphs)
    assert "resume-security-1-page: " in result.stdout  # what it kept, as every build says

    monkeypatch.setenv("READTHEDOCS", "True")  # refused where it would be published
    refused = run_sphinx("resume", out, tmp_path / "doctrees", site_copy)
    assert refused.returncode != 0
    assert "refused there" in refused.stderr


def test_a_lualatex_failure_stops_with_the_end_of_its_log(tmp_path):
    setter = typeset.Typesetter(tmp_path / "cache", tmp_path / "work", "", 0)
    broken = "\\documentclass{article}\n\\begin{document}\n\\NoSuchMacro\n\\end{document}\n"
    with pytest.raises(typeset.TypesetError, match="Undefined control sequence"):
        setter.pdf(broken, tmp_path / "work" / "broken", "a broken résumé")
    assert not list((tmp_path / "cache").glob("*"))  # nothing cached


def test_the_untagged_measure_is_checked_against_the_tagged_pdf():
    """The fit is measured without tagging (typeset.py's measure) and each
    variant's final, tagged run must end its page where the measure said: the
    site's build passing proves they agree; here, that a disagreement stops it."""
    source = ("\\DocumentMetadata{testphase=phase-II}\n\\documentclass{article}\n"
              "\\title{Résumé: PyPI}\n")
    assert typeset.measuring(source) == "\\documentclass{article}\n\\title{}\n"
    measured = typeset.Measure(pages=1, free=12.5, text_height=600.0, heights=[])
    agreeing = "ResumePage=1, ResumeFree=12.5pt, ResumeTextHeight=600.0pt\n"
    typeset._agrees(measured, agreeing, "a variant")
    with pytest.raises(typeset.TypesetError, match="no longer measures what the PDF shows"):
        typeset._agrees(measured, agreeing.replace("12.5pt", "3.0pt"), "a variant")


def test_trials_measured_in_one_run_measure_as_each_alone(site_env, career, tmp_path):
    """A fit measures a variant's candidate bullet sets in one LuaLaTeX run,
    one after another (typeset.py's trials): each must come out as in a
    run of its own (its pages, the space left, each bullet's height), or the
    fit would choose on figures no PDF has."""
    fontpkg = site_env.config.latex_elements.get("fontpkg", "")

    def source(bullets: int) -> str:
        shown = dataclasses.replace(career, roles=[
            dataclasses.replace(r, bullets=r.bullets[:bullets]) for r in career.roles],
            contributions=career.contributions[:bullets])
        return tex.standalone(shown, tex.Target(standalone=True), fontpkg)

    sources = [source(n) for n in (99, 0, 1)]  # two pages, then less
    together = typeset.Typesetter(tmp_path / "together", tmp_path / "work", fontpkg, 0)
    alone = typeset.Typesetter(tmp_path / "alone", tmp_path / "work", fontpkg, 0)
    measured = together.measure(sources, tmp_path / "work" / "together", "trials")
    assert together.runs == 1
    assert measured[0].pages > measured[1].pages  # a page count carried over would show
    assert measured == [alone.measure([s], tmp_path / "work" / f"alone-{n}", "a trial")[0]
                        for n, s in enumerate(sources)]


def test_a_batch_measures_every_variants_opening_in_one_run(site_env, career, tmp_path,
                                                           monkeypatch):
    """A batch of variants (typeset.py's Batch) measures what each fit
    measures first (every bullet, none) in one LuaLaTeX run before the fits
    start, whatever the variants' titles; the figures are those of each
    variant's own run."""
    fontpkg = site_env.config.latex_elements.get("fontpkg", "")
    declaration = site_env.portfolio_variants
    target = tex.Target(standalone=True)
    setter = typeset.Typesetter(tmp_path / "batch", tmp_path / "work", fontpkg, 0)

    def opening_measures(c, variant, priority, target):
        """A fit's first step alone: what it measures first."""
        return setter.measure(setter.opening(c, variant, priority, target),
                              tmp_path / "work" / variant.name, variant.name)

    monkeypatch.setattr(setter, "fit", opening_measures)
    monkeypatch.setattr(typeset, "kept_line", repr)
    together = typeset.Batch(setter, career, declaration.variants, declaration.priority,
                             target).results()
    assert setter.runs == 1
    # Two variants of different titles and skills, each measured alone.
    titled = {v.title: (v, measures) for v, measures in zip(declaration.variants, together,
                                                              strict=True)}
    assert len(titled) > 2
    alone = typeset.Typesetter(tmp_path / "alone", tmp_path / "work", fontpkg, 0)
    for variant, measures in list(titled.values())[-2:]:
        assert alone.measure(alone.opening(career, variant, declaration.priority, target),
                             tmp_path / "work" / f"alone-{variant.name}", variant.name) == measures
    assert alone.runs == 2


def test_a_fit_measures_first_what_the_last_fit_tried(site_env, career, tmp_path):
    """A fit keeps the bullet sets it measured (typeset.py's history in the
    cache) and measures them again in its first run: where those are the
    ones it asks for, the fit takes one measuring run, and chooses and
    typesets exactly as it did without them."""
    fontpkg = site_env.config.latex_elements.get("fontpkg", "")
    declaration = site_env.portfolio_variants
    variant = next(v for v in declaration.variants if v.page_limit == 1)
    target = tex.Target(standalone=True)

    first = typeset.Typesetter(tmp_path / "first", tmp_path / "work-first", fontpkg, 0)
    fitted = first.fit(career, variant, declaration.priority, target)
    assert first.runs > 2  # the fill measured more than once, then latexmk
    again = typeset.Typesetter(tmp_path / "again", tmp_path / "work-again", fontpkg, 0)
    (tmp_path / "again").mkdir()
    # Of the first fit's cache, only what a later fit of the variant starts
    # from: what it tried, and its aux file (so latexmk runs LuaLaTeX once).
    for kept in [*(tmp_path / "first").glob("*.tried.json"), *(tmp_path / "first").glob("*.aux")]:
        shutil.copy(kept, tmp_path / "again")
    refitted = again.fit(career, variant, declaration.priority, target)
    assert again.runs == 2  # one measuring run, then latexmk
    assert (refitted.kept, refitted.left_out) == (fitted.kept, fitted.left_out)
    assert refitted.pdf.read_bytes() == fitted.pdf.read_bytes()


def test_a_word_copy_is_made_again_only_when_what_it_is_made_from_changes(career, tmp_path,
                                                                         monkeypatch):
    """Word copies are cached like the PDFs (typeset.py's Typesetter.word_copy):
    a rebuild that left a variant as it was makes none again; a change to
    what one shows, or to its target (the private copy), makes it anew."""
    made = []
    monkeypatch.setattr(typeset, "resume_docx",
                        lambda *args: made.append(args) or repr(args).encode())
    setter = typeset.Typesetter(tmp_path / "cache", tmp_path / "work", "", 0)
    public = tex.Target(standalone=True)
    first = setter.word_copy(career, public, "Résumé")
    assert setter.word_copy(career, public, "Résumé") == first
    assert len(made) == 1
    edited = dataclasses.replace(career, person=dataclasses.replace(career.person,
                                                                    headline="Edited"))
    assert setter.word_copy(edited, public, "Résumé") != first
    setter.word_copy(career, tex.Target(standalone=True, phone="+1 555 0100"), "Résumé")
    assert len(made) == 3
