"""One font family, Liberation 2, embedded in both PDFs and every résumé
variant (pdffonts, and the fonts' own version in the PDF): no other
installed font of that name (Debian's fonts-liberation, 1.x) may take its
place, nor set the tagged résumé's spaces in Latin Modern."""

from __future__ import annotations

import struct
import subprocess

import pytest
from pypdf import PdfReader

from support.sources import PERSON

VARIANTS = [v["name"] for v in PERSON["resume"]["variants"]]


def fonts(pdf) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]  # after the header and its rule
    assert rows, "pdffonts found no fonts"
    # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
    return [{"name": row.split()[0], "type": row[37:55].strip(), "emb": row.split()[-5]}
            for row in rows]


def revisions(pdf) -> dict[str, float]:
    """Each embedded TrueType font's revision, from its own 'head' table
    (kept in the embedded subset): 2.1 for Liberation 2.1.x."""
    found = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)
            descriptor = descriptor["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2")
            if program is None:
                found[str(descriptor["/FontName"])] = 0.0  # not TrueType: not Liberation
                continue
            data = program.get_object().get_data()
            # The table directory: after 12 bytes, 16 a table (tag, checksum, offset, length).
            offsets = {data[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0]
                       for i in range(struct.unpack_from(">H", data, 4)[0])}
            revision = struct.unpack_from(">i", data, offsets[b"head"] + 4)[0]  # 16.16 fixed
            found[str(descriptor["/FontName"])] = revision / 65536
    return found


@pytest.fixture(params=["pdf", "standalone_resume", *VARIANTS])
def pdf(request, site):
    """The portfolio PDF, the standalone résumé, and each variant on the site."""
    if request.param in ("pdf", "standalone_resume"):
        return getattr(site, request.param)
    return site.html / f"{request.param}.pdf"


def test_every_font_is_embedded(pdf):
    assert [f["name"] for f in fonts(pdf) if f["emb"] != "yes"] == []


def test_one_family_liberation_no_bitmap_fonts(pdf):
    for font in fonts(pdf):
        # Embedded subsets are named ABCDEF+LiberationSans-Bold.
        assert font["name"].split("+")[-1].startswith(("LiberationSans", "LiberationMono")), font
        assert font["type"] != "Type 3", font


def test_every_font_is_liberation_2(pdf):
    found = revisions(pdf)
    assert found
    assert {name: revision for name, revision in found.items() if int(revision) != 2} == {}


def test_the_resume_is_set_in_liberation_sans_alone(site):
    families = {font["name"].split("+")[-1].split("-")[0] for font in fonts(site.standalone_resume)}
    assert families == {"LiberationSans"}
