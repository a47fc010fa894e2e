"""resume.json is valid JSON Resume, the landing page carries schema.org
JSON-LD, and neither holds the résumé's phone number."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup

from support.seed import normalise, phone_number
from support.sources import PERSON, ROLES
from tools.build import ROOT

# JSON Resume's own schema, vendored (its source is in its "$comment").
RESUME_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "resume-schema-v1.0.0.json")
                           .read_text(encoding="utf-8"))


def resume_json(site) -> dict:
    return json.loads((site.html / "resume.json").read_text(encoding="utf-8"))


def test_resume_json_is_valid_json_resume(site):
    data = resume_json(site)
    validator = jsonschema.Draft4Validator(
        RESUME_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    assert not [e.message for e in validator.iter_errors(data)]


def test_resume_json_holds_the_career(site):
    data = resume_json(site)
    assert data["basics"]["name"] == PERSON["name"]
    assert data["basics"]["email"] == PERSON["email"]
    assert [p["url"] for p in data["basics"]["profiles"]] == [p["url"] for p in PERSON["profiles"]]
    assert len(data["work"]) == len(ROLES)
    assert all(job["highlights"] for job in data["work"])
    starts = [job["startDate"] for job in data["work"]]
    assert starts == sorted(starts, reverse=True)
    bib = (ROOT / "peps.bib").read_text()
    assert len(data["publications"]) == bib.count("@misc{")
    for publication in data["publications"]:
        # A PEP's one date is its Created header; as releaseDate it would read
        # as when he published it, and he joined some PEPs' authors later.
        assert "releaseDate" not in publication
        assert re.search(r", created \d{4}-\d{2}-\d{2}\. Authors: ", publication["summary"])
    assert {s["name"] for s in data["skills"]} >= set(PERSON["skills"])
    assert "phone" not in data["basics"]


def test_resume_json_projects_are_the_resumes_with_its_dates(site, resume):
    # One project per open-source group of the résumé, dated as the résumé
    # dates it ("2013 - Current": from 2013, no end); its bullets are the highlights.
    projects = resume_json(site)["projects"]
    assert [p["name"].casefold() for p in projects] == [h.casefold() for h in resume.open_source]
    for project, (heading, bullets) in zip(projects, resume.open_source.items(), strict=True):
        assert [normalise(h) for h in project["highlights"]] == list(bullets)
        if heading not in resume.project_dates:
            assert "startDate" not in project
            assert "endDate" not in project
            continue
        start, end = resume.project_dates[heading].split(" - ")
        assert project["startDate"] == start
        assert project.get("endDate") == (None if end == "Current" else end)


def test_resume_json_is_linked_from_the_landing_page_and_only_in_html(site):
    page = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one('article a[href="resume.json"]')
    assert page.select_one('head link[rel="alternate"][href="resume.json"]')
    with zipfile.ZipFile(site.epub) as epub:
        assert not any(name.endswith("resume.json") for name in epub.namelist())


def test_the_landing_page_has_a_json_ld_person(site):
    page = BeautifulSoup((site.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    (script,) = page.head.select('script[type="application/ld+json"]')
    person = json.loads(script.string)
    assert person["@context"] == "https://schema.org"
    assert person["@type"] == "Person"
    assert person["name"] == PERSON["name"]
    assert person["jobTitle"] == PERSON["headline"]
    assert person["sameAs"] == [p["url"] for p in PERSON["profiles"]]
    assert person["knowsAbout"] == PERSON["skills"] + PERSON["languages"]
    other = BeautifulSoup((site.html / "skills.html").read_text(encoding="utf-8"), "html.parser")
    assert not other.select('script[type="application/ld+json"]')


def test_no_output_holds_the_phone_number(site):
    number = phone_number()
    assert not number.search((site.html / "resume.json").read_text(encoding="utf-8"))
    for page in site.html.glob("**/*.html"):
        assert not number.search(page.read_text(encoding="utf-8")), page
