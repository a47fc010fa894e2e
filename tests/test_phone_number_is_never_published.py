"""The résumé's phone number is private: it appears in no output, however
written. The number is read from the résumé at run time, never stored, and
never printed: failures name files, not what matched."""

import re
import subprocess
import zipfile
import zlib

import pytest

# A US number as people write it: NNN-NNN-NNNN, NNN.NNN.NNNN, NNN NNN NNNN.
US_PHONE = re.compile(r"\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b")


def _number(phone: str) -> re.Pattern:
    """The number's digits in order, with up to three separators between
    each: "(NNN) NNN-NNNN", "+1 NNN.NNN.NNNN", "NNNNNNNNNN"."""
    digits = re.sub(r"\D", "", phone)[-10:]
    return re.compile(r"(?<!\d)" + r"\D{0,3}".join(digits) + r"(?!\d)")


def _texts(site):
    """(name, text) of every output a reader can get."""
    for path in sorted(site.html.rglob("*")):
        if path.name == "objects.inv":  # four header lines, then zlib
            data = zlib.decompress(path.read_bytes().split(b"\n", 4)[4])
            yield str(path), data.decode("utf-8")
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
    found = [name for name, text in outputs if US_PHONE.search(text)]
    assert not found


def test_not_the_resume_number(outputs, resume):
    number = _number(resume.phone)
    found = [name for name, text in outputs if number.search(text)]
    assert not found


def test_the_number_is_found_however_written(resume):
    """Controls: the patterns above catch the number in its usual forms.
    (Only booleans are asserted, so a failure cannot print the number.)"""
    d = re.sub(r"\D", "", resume.phone)[-10:]
    forms = (f"{d[:3]}-{d[3:6]}-{d[6:]}", f"({d[:3]}) {d[3:6]}-{d[6:]}",
             f"+1 {d[:3]}.{d[3:6]}.{d[6:]}", d)
    caught = [bool(_number(resume.phone).search(f"call {form} today")) for form in forms]
    assert caught == [True] * len(forms)
    generic = bool(US_PHONE.search(f"call {d[:3]} {d[3:6]} {d[6:]} today"))
    assert generic
