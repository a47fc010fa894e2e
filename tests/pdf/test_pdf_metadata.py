"""Document metadata: title, author, subject, keywords and language, and a
creation date taken from SOURCE_DATE_EPOCH rather than the clock."""

from __future__ import annotations

import time

import pytest
from pypdf import PdfReader

from tools.build import source_date_epoch


@pytest.fixture(params=["pdf", "standalone_resume"])
def reader(request, site):
    return PdfReader(getattr(site, request.param))


@pytest.fixture
def info(reader):
    return reader.metadata


def test_title_author_subject_keywords(info, career):
    person = career.person
    assert info.title
    assert person.name in info.title
    assert info.author == person.name
    assert person.name in info.subject
    assert person.headline in info.subject
    keywords = [k.strip() for k in info["/Keywords"].split(",")]
    assert keywords == [*person.skills, *person.languages]


def test_the_creation_date_is_source_date_epoch(info):
    expected = time.strftime("D:%Y%m%d%H%M%S", time.gmtime(int(source_date_epoch())))
    assert info["/CreationDate"].startswith(expected)


def test_the_language_is_declared(reader):
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
