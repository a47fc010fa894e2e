"""The ePub says what it is: a real identifier, the same in the package and
the NCX, a version, a publisher and a description; and it uses no deprecated
ARIA role (doc-biblioentry) in its bibliography."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

import pytest

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"


@pytest.fixture(scope="module")
def epub(site):
    with zipfile.ZipFile(site.epub) as archive:
        yield archive


@pytest.fixture(scope="module")
def package(epub):
    return ElementTree.fromstring(epub.read("content.opf"))


def test_identifier_is_real_and_the_same_in_package_and_ncx(epub, package):
    unique = package.get("unique-identifier")
    identifier = package.find(f"{OPF}metadata/{DC}identifier[@id='{unique}']").text
    assert identifier
    assert identifier != "unknown"
    assert "." in identifier  # the site's host name
    ncx = ElementTree.fromstring(epub.read("toc.ncx"))
    assert ncx.find(f"{NCX}head/{NCX}meta[@name='dtb:uid']").get("content") == identifier


def test_version_publisher_and_description_are_set(package):
    metadata = package.find(f"{OPF}metadata")
    version = metadata.find(f"{OPF}meta[@property='ibooks:version']").text
    assert re.fullmatch(r"\d{4}\.\d\d\.\d\d", version)  # the last commit's date
    for field in ("publisher", "description", "contributor", "creator"):
        value = metadata.find(f"{DC}{field}").text
        assert value, field
        assert value != "unknown", field


def test_bibliography_uses_no_deprecated_role(epub):
    pages = [name for name in epub.namelist() if name.endswith(".xhtml")]
    assert any(b'class="citation-list"' in epub.read(name) for name in pages)
    assert [name for name in pages if b"doc-biblioentry" in epub.read(name)] == []
