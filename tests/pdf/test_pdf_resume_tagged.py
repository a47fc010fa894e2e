"""The standalone résumé is a tagged PDF that screen readers and parsers
navigate: its structure tree, read with poppler (``pdfinfo -struct-text``),
has the name as the one H1, a heading per section under the names parsers
look for, one per employer over its positions' headings (a title with its
dates), one per project, a list item per bullet holding that bullet
verbatim, and everything in reading order.

The portfolio PDF is Sphinx's LaTeX, typeset with XeLaTeX, and untagged.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

import pytest
from pypdf import PdfReader

from support import seed
from support.pdftext import display, flat, reading_order


@dataclass
class Element:
    """A structure element: its tag, and its kids (elements, and text)."""

    tag: str
    kids: list[Element | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(kid if isinstance(kid, str) else kid.text for kid in self.kids)

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def find(self, tag: str) -> list[Element]:
        return [element for element in self.walk() if element.tag == tag]


# Grouping without meaning of its own: newer LaTeX (TeX Live 2024 and later)
# wraps each paragraph and heading in a "text unit" that it tags Part. Read
# through, their kids are their parent's, as a screen reader reads them.
TRANSPARENT = frozenset({"Part", "NonStruct"})


def structure(pdf) -> Element:
    """The structure tree as pdfinfo prints it: two spaces of indent a level,
    an element as 'H1 (block)' (poppler 24 and later: 'H1 <ID.0004> (block)';
    the tag is the first word), its text quoted, an annotation as 'Object 7 0'."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    root = Element("")
    stack = [root]  # stack[n]: the open element at depth n - 1
    for line in out.splitlines():
        body = line.lstrip(" ")
        depth = (len(line) - len(body)) // 2
        del stack[depth + 1:]
        if body.startswith('"') and body.endswith('"'):
            stack[-1].kids.append(body[1:-1])
        elif not body.startswith("Object "):
            tag = body.split(" ", 1)[0]
            if tag in TRANSPARENT:
                stack.append(stack[-1])
                continue
            element = Element(tag)
            stack[-1].kids.append(element)
            stack.append(element)
    return root


@pytest.fixture(scope="module")
def tree(site) -> Element:
    (document,) = structure(site.standalone_resume).kids
    return document


@pytest.fixture(scope="module")
def catalog(site):
    return PdfReader(site.standalone_resume).trailer["/Root"]


def bullets(career) -> list[str]:
    """Every bullet in the résumé's order: the roles', then the projects'."""
    found = [highlight for role in career.roles for highlight in role.bullets]
    for project in career.projects:
        found += [c.bullet for c in career.contributions if c.project == project.name]
    return found


def test_tagged_in_english_titled_and_marked(site, catalog):
    info = subprocess.run(["pdfinfo", str(site.standalone_resume)],
                          capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info.splitlines()
    assert str(catalog["/Lang"]).split("-")[0] == "en"
    # pypdf's BooleanObject is truthy even when false: compare its value.
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_the_document_holds_everything(tree):
    assert tree.tag == "Document"


def test_the_name_is_the_one_title_heading(tree, career):
    assert [h.text for h in tree.find("H1")] == [career.person.name]
    assert tree.kids[0].tag == "H1"  # and it comes first


def test_a_heading_per_section_named_as_parsers_look_for_them(tree):
    assert [h.text for h in tree.find("H2")] == [
        "Summary", "Experience", "Projects", "Skills", "Languages"]


def employers(career) -> list[tuple[str, list]]:
    """Consecutive roles at one employer, under it: (employer, roles)."""
    grouped: list[tuple[str, list]] = []
    for role in career.roles:
        if grouped and grouped[-1][0] == role.employer:
            grouped[-1][1].append(role)
        else:
            grouped.append((role.employer, [role]))
    return grouped


def test_an_employer_heading_over_its_positions_each_with_its_dates(tree, career):
    grouped = employers(career)
    assert len(grouped) < len(career.roles)  # Datadog: two roles, one heading
    projects = [" | ".join(filter(None, [p.name, p.dates])) for p in career.projects
                if any(c.project == p.name for c in career.contributions)]
    assert [h.text for h in tree.find("H3")] == [name for name, _ in grouped] + projects
    assert [h.text for h in tree.find("H4")] == [f"{r.position} | {r.dates}" for r in career.roles]
    tags = [kid.tag for kid in tree.kids if isinstance(kid, Element)]
    texts = [kid.text for kid in tree.kids if isinstance(kid, Element)]
    for name, roles in grouped:  # each employer's heading, then its positions
        at = texts.index(name)
        assert tags[at + 1] == "H4"
        assert texts[at + 1].startswith(roles[0].position)


def test_each_entry_heading_is_followed_by_its_list(tree):
    """A position's heading (H4), or a project's (an H3 over no H4)."""
    tags = [kid.tag for kid in tree.kids if isinstance(kid, Element)]
    entries = [i for i, tag in enumerate(tags)
               if tag == "H4" or (tag == "H3" and tags[i + 1] != "H4")]
    assert "H4" in [tags[i] for i in entries]
    assert all(tags[i + 1] == "L" for i in entries)
    assert tags.count("L") == len(entries)


def test_a_list_item_per_bullet_verbatim_in_order(tree, resume_career):
    items = tree.find("LI")
    assert [[kid.tag for kid in item.kids] for item in items] == [["Lbl", "LBody"]] * len(items)
    assert [item.kids[1].text for item in items] == bullets(resume_career)


@pytest.mark.skipif(seed.load() is None, reason=seed.MISSING)
def test_the_list_items_are_the_resumes_bullets(tree):
    resume = seed.load()
    expected = [b for position in resume.positions for b in position.bullets]
    expected += [b for project in resume.open_source.values() for b in project]
    assert [seed.normalise(body.text) for body in tree.find("LBody")] == expected


def test_links_are_tagged_with_their_text(tree, career):
    person = career.person
    contact_line = next(p for p in tree.find("P") if p.find("Link"))
    contact = [link.text for link in contact_line.find("Link")]
    assert contact == [person.email, *(display(p.url) for p in person.profiles)]
    positions = [h.find("Link")[0].text for h in tree.find("H4") if h.find("Link")]
    assert positions == [role.position for role in career.roles]
    peps = [link.text for body in tree.find("LBody") for link in body.find("Link")]
    assert peps
    assert all(text.startswith("PEP ") for text in peps)


def test_structure_order_is_reading_order(tree, resume_career):
    """Everything the résumé says, found in the structure's text in the order
    a reader meets it on the page."""
    text = flat(" ".join(kid.text for kid in tree.kids if isinstance(kid, Element)))
    at = 0
    for item in reading_order(resume_career):
        found = text.find(item, at)
        assert found >= 0, f"{item!r} missing or out of order after {text[max(0, at - 60):at]!r}"
        at = found + len(item)
