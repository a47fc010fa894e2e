"""Links in the PDF are live: the résumé's contact details, PEPs and
positions are clickable, and every internal link lands on a page."""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import Destination


def links(reader: PdfReader, pages: range) -> tuple[set[str], list[int]]:
    """(external URIs, target page numbers of internal links) on ``pages``."""
    uris, targets = set(), []
    for number in pages:
        for annot in reader.pages[number].get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A", {})
            if action.get("/S") == "/URI":
                uris.add(str(action["/URI"]))
            else:
                dest = annot.get("/Dest", action.get("/D"))
                if isinstance(dest, bytes):
                    dest = dest.decode("latin-1")
                if isinstance(dest, str):  # a named destination, as hyperref makes them
                    dest = reader.named_destinations[dest]
                else:
                    dest = Destination("", dest[0], dest[1], *dest[2:])
                targets.append(reader.get_destination_page_number(dest))
    return uris, targets


def expected_uris(career) -> set[str]:
    person = career.person
    peps = {pep.url for pep in career.peps.values()
            if any(pep.label in text for text in
                   [*(h for r in career.roles for h in r.bullets),
                    *(c.bullet for c in career.contributions)])}
    assert peps  # the résumé names PEPs
    return {f"mailto:{person.email}", *(p.url for p in person.profiles), *peps}


def test_resume_pages_link_contacts_and_peps(site, career):
    uris, _ = links(PdfReader(site.pdf), range(2))
    assert expected_uris(career) <= uris


def test_resume_positions_link_to_their_chapter(site, career):
    reader = PdfReader(site.pdf)
    _, targets = links(reader, range(2))
    assert len(targets) >= len(career.roles)
    assert all(3 <= page < len(reader.pages) for page in targets)  # past the résumé and contents


def test_every_internal_link_lands_on_a_page(site):
    reader = PdfReader(site.pdf)
    uris, targets = links(reader, range(len(reader.pages)))
    assert targets
    assert uris
    assert all(0 <= page < len(reader.pages) for page in targets)


def test_standalone_resume_links_contacts_and_peps(site, career):
    reader = PdfReader(site.standalone_resume)
    uris, targets = links(reader, range(len(reader.pages)))
    assert expected_uris(career) <= uris
    assert targets == []  # no portfolio to jump into


def test_standalone_resume_links_positions_to_their_pages_on_the_site(site, site_env, career):
    base = site_env.config.html_baseurl.rstrip("/") + "/"
    uris, _ = links(PdfReader(site.standalone_resume), range(2))
    pages = sorted(uri[len(base):] for uri in uris if uri.startswith(base))
    assert pages == sorted(f"{role.docname}.html" for role in career.roles)
    assert all((site.html / page).is_file() for page in pages)
