"""The résumé's phone number is private: it appears in no output, however
written. The number is read from the résumé at run time, never stored, and
never printed: failures name files, not what matched."""

import re
import subprocess
import zipfile
import zlib

import pytest

from support import seed
from support.seed import PHONE, number_pattern


def _texts(site):
    """(name, text) of every output a reader can get."""
    for path in sorted(site.html.rglob("*")):
        if path.name == "objects.inv":  # four header lines, then zlib
            data = zlib.decompress(path.read_bytes().split(b"\n", 4)[4])
            yield str(path), data.decode("utf-8")
        elif path.suffix == ".docx":  # the Word résumés: XML in a zip
            with zipfile.ZipFile(path) as word:
                parts = [name for name in word.namelist() if name.endswith((".xml", ".rels"))]
                yield str(path), "\n".join(word.read(name).decode("utf-8") for name in parts)
        elif path.is_file():
            try:
                yield str(path), path.read_text(encoding="utf-8")
            except UnicodeDecodeError:  # images and fonts
                continue
    with zipfile.ZipFile(site.epub) as epub:
        for name in epub.namelist():
            try:
                yield f"{site.epub.name}/{name}", epub.read(name).decode("utf-8")
            except UnicodeDecodeError:
                continue
    for tex in sorted(site.latex.glob("*.tex")):
        yield str(tex), tex.read_text(encoding="utf-8")
    for command in (["pdftotext", "-enc", "UTF-8", str(site.pdf), "-"],
                    ["pdfinfo", "-enc", "UTF-8", str(site.pdf)]):
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        yield f"{command[0]} {site.pdf.name}", result.stdout


@pytest.fixture(scope="module")
def outputs(site) -> list[tuple[str, str]]:
    texts = list(_texts(site))
    assert any(name.endswith("searchindex.js") for name, _ in texts)
    return texts


def test_no_phone_number_pattern(outputs):
    found = [name for name, text in outputs if PHONE.search(text)]
    assert not found


def test_not_the_resume_number(outputs, resume):
    number = number_pattern(resume.phone)
    found = [name for name, text in outputs if number.search(text)]
    assert not found


def test_the_number_is_found_however_written(resume):
    """Controls: the patterns above catch the number in its usual forms.
    (Only booleans are asserted, so a failure cannot print the number.)"""
    d = re.sub(r"\D", "", resume.phone)[-10:]
    forms = (f"{d[:3]}-{d[3:6]}-{d[6:]}", f"({d[:3]}) {d[3:6]}-{d[6:]}",
             f"+1 {d[:3]}.{d[3:6]}.{d[6:]}", d)
    caught = [bool(number_pattern(resume.phone).search(f"call {form} today")) for form in forms]
    assert caught == [True] * len(forms)
    generic = bool(PHONE.search(f"call {d[:3]} {d[3:6]} {d[6:]} today"))
    assert generic


def test_without_the_resume_any_number_is_looked_for(monkeypatch):
    """A plain clone has no ../shared: the checks then look for any phone number."""
    monkeypatch.setattr(seed, "load", lambda: None)
    assert seed.phone_number() is PHONE
    forms = ("555-010-0199", "(555) 010-0199", "+1 555.010.0199", "555 010 0199")
    assert [bool(PHONE.search(f"call {form} today")) for form in forms] == [True] * len(forms)
    assert not PHONE.search("sha256:5550100199555 and 2025-06-01")
