"""The résumé as a Word document (``<name>.docx``), for application portals
and agencies that take or convert Word: the plain text's words in its
order (``outline``), in Word's own styles, so that Word, its converters and
screen readers see the structure: Title (the name), Subtitle (the
headline), Heading 1 (each section), Heading 2 (an employer, a project),
Heading 3 (a position and its dates, at a right tab), List Bullet (each
bullet); links as in the PDF; the title, author and language set, in the
document's properties and on its text.

python-docx has no call that adds a hyperlink (python-openxml/python-docx
issue 74, checked against 1.2.0): ``_link`` writes the element its
documentation specifies, through the public ``docx.oxml`` helpers. Bytes
are reproducible: the document's dates and the archive's are the build's
(SOURCE_DATE_EPOCH), not the clock. Pure: no Sphinx here.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from ..shared import PEP_MENTION
from . import outline

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph

    from ..model import Career
    from .tex import Target

LANGUAGE = "en-US"
FONT = "Arial"  # what Word has of the PDF's Liberation Sans: the same metrics
ACCENT = RGBColor(24, 64, 112)  # portfolioresume.sty's ResumeAccent
MARGIN = Inches(0.6)


def resume_docx(c: Career, target: Target, title: str, epoch: int) -> bytes:
    """The résumé as ``<name>.docx``: the phone number only in ``target``'s
    private copy; ``title`` follows the name in the document's title."""
    person = c.person
    doc = Document()
    _set_up(doc, f"{person.name} — {title}", person.name, epoch)
    doc.add_paragraph(person.name, style="Title")
    doc.add_paragraph(person.headline, style="Subtitle")
    contact = doc.add_paragraph()
    items = [(person.location, None), (person.email, f"mailto:{person.email}")]
    items += [(target.phone, None)] if target.phone else []
    items += [(p.display, p.url) for p in person.profiles]
    for n, (text, url) in enumerate(items):
        if n:
            contact.add_run(" · ")
        _text(doc, contact, text, url)

    doc.add_heading(outline.SUMMARY, level=1)
    doc.add_paragraph(" ".join(person.summary.split()))
    doc.add_heading(outline.EXPERIENCE, level=1)
    width = doc.sections[0].page_width - 2 * MARGIN
    for employer in outline.employers(c):
        doc.add_heading(employer.name, level=2)
        for role in employer.roles:
            heading = doc.add_heading(level=3)
            heading.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            _text(doc, heading, role.position, _page_url(role.docname, target))
            heading.add_run(f"\t{role.dates}")
            _bullets(doc, c, role.bullets)
    projects = outline.projects(c)
    if projects:
        doc.add_heading(outline.PROJECTS, level=1)
    for entry in projects:
        heading = doc.add_heading(level=2)
        heading.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        heading.add_run(entry.project.name + (f"\t{entry.project.dates}"
                                              if entry.project.dates else ""))
        _bullets(doc, c, [x.bullet for x in entry.contributions])
    doc.add_heading(outline.SKILLS, level=1)
    doc.add_paragraph(", ".join(person.skills))
    doc.add_heading(outline.LANGUAGES, level=1)
    doc.add_paragraph(", ".join(person.languages))

    out = io.BytesIO()
    doc.save(out)
    return _dated(out.getvalue(), epoch)


def _set_up(doc: WordDocument, title: str, author: str, epoch: int) -> None:
    """Properties, language, page and the styles' look, after the PDF's."""
    moment = datetime.datetime.fromtimestamp(epoch, datetime.UTC)
    properties = doc.core_properties
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.language = LANGUAGE
    properties.created = properties.modified = moment
    properties.revision = 1
    properties.comments = properties.subject = properties.keywords = ""
    # The language of the text itself, for spelling and screen readers:
    # Word reads it from the document's default run properties.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    language = run_defaults.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_defaults.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), LANGUAGE)
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # letter, as the PDF
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = Inches(0.5)
    for name, size in (("Normal", 10.5), ("Title", 24), ("Subtitle", 12), ("Heading 1", 11.5),
                       ("Heading 2", 10.5), ("Heading 3", 10.5), ("List Bullet", 10.5)):
        font = doc.styles[name].font
        font.name, font.size = FONT, Pt(size)
        if name.startswith(("Title", "Heading 1")):
            font.color.rgb = ACCENT
        elif name.startswith("Heading"):
            font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Heading 3"].font.bold = False
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb, link.font.underline = ACCENT, True


def _page_url(docname: str, target: Target) -> str | None:
    return f"{target.baseurl.rstrip('/')}/{docname}.html" if target.baseurl else None


def _bullets(doc: WordDocument, c: Career, bullets: list[str]) -> None:
    """Each bullet in Word's List Bullet style, "PEP 440" linked to the PEP."""
    urls = {pep.label: pep.url for pep in c.peps.values()}
    for bullet in bullets:
        paragraph = doc.add_paragraph(style="List Bullet")
        last = 0
        for match in PEP_MENTION.finditer(bullet):
            paragraph.add_run(bullet[last:match.start()])
            _text(doc, paragraph, match.group(0), urls.get(match.group(0)))
            last = match.end()
        paragraph.add_run(bullet[last:])


def _text(doc: WordDocument, paragraph: Paragraph, text: str, url: str | None) -> None:
    """``text`` at the end of ``paragraph``, a link to ``url`` if there is one."""
    if not url:
        paragraph.add_run(text)
        return
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run, properties, style = OxmlElement("w:r"), OxmlElement("w:rPr"), OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    content = OxmlElement("w:t")
    content.text = text
    content.set(qn("xml:space"), "preserve")
    run.append(content)
    link.append(run)
    # The paragraph's element: the body's last paragraph, the one just added.
    doc.element.body.xpath("./w:p")[-1].append(link)


def _dated(docx: bytes, epoch: int) -> bytes:
    """The archive again, each member dated ``epoch`` instead of now."""
    stamp = datetime.datetime.fromtimestamp(max(epoch, 315532800), datetime.UTC)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            member = zipfile.ZipInfo(info.filename, stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(member, old.read(info.filename))
    return out.getvalue()
