"""One font family, Liberation, embedded in both PDFs (pdffonts)."""

from __future__ import annotations

import subprocess

import pytest


def fonts(pdf) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]  # after the header and its rule
    assert rows, "pdffonts found no fonts"
    # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
    return [{"name": row.split()[0], "type": row[37:55].strip(), "emb": row.split()[-5]}
            for row in rows]


@pytest.mark.parametrize("which", ["pdf", "standalone_resume"])
def test_every_font_is_embedded(site, which):
    assert [f["name"] for f in fonts(getattr(site, which)) if f["emb"] != "yes"] == []


@pytest.mark.parametrize("which", ["pdf", "standalone_resume"])
def test_one_family_liberation_no_bitmap_fonts(site, which):
    for font in fonts(getattr(site, which)):
        # Embedded subsets are named ABCDEF+LiberationSans-Bold.
        assert font["name"].split("+")[-1].startswith(("LiberationSans", "LiberationMono")), font
        assert font["type"] != "Type 3", font


def test_the_resume_is_set_in_liberation_sans_alone(site):
    families = {font["name"].split("+")[-1].split("-")[0] for font in fonts(site.standalone_resume)}
    assert families == {"LiberationSans"}
