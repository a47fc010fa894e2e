"""Every résumé variant index.md declares is on the site, as PDF and as text,
within its page limit, and says only what the résumé says.

The declarations are read from index.md here, not from the extension: each
variant's PDF must hold every position with its dates, bullets verbatim in
their page's order, only bullets that carry the variant's focus, and the same
words as its plain text, in the same order; no public copy has the phone
number. Bad declarations stop the build at their line.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from portfolio.resume import typeset
from support import seed
from support.sources import PERSON
from tools.build import run_sphinx

DECLARED = PERSON["resume"]["variants"]
NAMES = [v["name"] for v in DECLARED]
FOCUSED = [v["name"] for v in DECLARED if v.get("focus")]
# What the layout adds around the résumé's words: bullets, separators.
LAYOUT = {"•", "|", "·"}


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
def test_the_text_is_the_pdf_word_for_word_in_reading_order(site, variant, career, options):
    pdf, txt = files(site, variant)
    footer = rf"{re.escape(career.person.name)} · Résumé, page \d+ of \d+"
    typeset = [w for w in re.sub(footer, " ", pdftotext(pdf, *options)).split()
               if w not in LAYOUT]
    assert typeset == txt.read_text(encoding="utf-8").split()


def test_the_text_has_no_layout_characters_and_one_bullet_a_line(site, variant, career):
    text = files(site, variant)[1].read_text(encoding="utf-8")
    assert not set(text) & {*LAYOUT, "\t", "\f", "\u00ad"}
    assert kept(site, variant, career)
    for _, bullet in kept(site, variant, career):
        assert text.count(bullet + "\n") == 1


def test_a_variant_says_nothing_the_full_resume_does_not(site, variant):
    full = set((site.html / "resume.txt").read_text(encoding="utf-8").splitlines())
    assert [line for line in lines(site, variant) if line not in full] == []


def test_every_position_appears_with_its_dates_in_order(site, variant, career):
    text = flat(pdftotext(files(site, variant)[0]))
    position = 0
    for role in career.roles:
        line = f"{role.employer}, {role.position} | {role.dates}"
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


@pytest.mark.parametrize("name", FOCUSED)
def test_every_bullet_of_a_focus_variant_carries_its_evidence(site, career, name):
    variant = next(v for v in DECLARED if v["name"] == name)
    skills = variant["focus"].get("skills", [])
    projects = variant["focus"].get("projects", [])
    bullets = kept(site, variant, career)
    assert bullets
    for page, bullet in bullets:
        quoted = {**page.skills, **page.languages}
        evidence = [s for s in skills if s in quoted and quoted[s] in bullet]
        if hasattr(page, "project"):
            evidence += [page.project] if page.project in projects else []
        else:  # a role bullet: the words of a relation to one of the projects' contributions
            evidence += [r for r in career.relations if r.role == page.label
                         and r.evidence in bullet
                         and career.contribution(r.contribution).project in projects]
        assert evidence, f"{name}: {bullet!r} shows none of {skills + projects}"


def test_the_websites_resume_is_the_pdf_builds_standalone_resume(site):
    """Typeset once: the LaTeX build copies the full variant it fitted."""
    assert (site.html / "resume.pdf").read_bytes() == site.standalone_resume.read_bytes()


def test_the_download_area_lists_every_variant_with_its_page_count(site):
    soup = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.select("ul.resume-downloads > li")
    assert [li.a["href"] for li in items] == [f"{name}.pdf" for name in NAMES]
    for li, name in zip(items, NAMES, strict=True):
        pages = len(PdfReader(site.html / f"{name}.pdf").pages)
        assert f"(PDF, {pages} page{'s' if pages > 1 else ''}; plain text)" in flat(li.get_text())
        assert [a["href"] for a in li.find_all("a")] == [f"{name}.pdf", f"{name}.txt"]


def test_no_public_variant_holds_the_phone_number(site):
    pattern = seed.phone_number()
    for name in NAMES:
        pdf, txt = site.html / f"{name}.pdf", site.html / f"{name}.txt"
        assert not pattern.search(pdftotext(pdf)), pdf.name
        assert not pattern.search(txt.read_text(encoding="utf-8")), txt.name


# -- Bad declarations stop the build at their line -----------------------------------

GOOD = """resume:
  priority: [later, versioning]
  variants:
    - {name: resume, pages: 2}
    - {name: resume-security, focus: {skills: [Security]}, pages: 1}
---"""
BAD = {  # replacement in GOOD, line in index.md, message
    "unknown skill": ("skills: [Security]", "skills: [Cooking]", 20,
                      "resume: field 'variants[1].focus.skills[0]': 'Cooking' is not allowed"),
    "unknown project": ("{skills: [Security]}", "{projects: [Cooking]}", 20,
                        "resume: field 'variants[1].focus.projects[0]': 'Cooking' is not allowed"),
    "limit below one page": ("pages: 2}", "pages: 0}", 19,
                             "resume: field 'variants[0].pages': 0 is not a page limit"),
    "unknown page": ("[later, versioning]", "[later, nowhere]", 17,
                     "resume: field 'priority[1]': 'nowhere' is not allowed"),
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
    assert f"{index}:{line}: WARNING: {message}" in app.warning.getvalue()


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
        "resume-security-1-page.pdf", "resume-security-1-page.txt"]
    pdf = out / "resume-security-1-page.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert fake in pdftotext(pdf)
    assert fake in (out / "resume-security-1-page.txt").read_text(encoding="utf-8")

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
