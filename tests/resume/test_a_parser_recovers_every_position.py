"""An applicant-tracking parser reads every variant right: OpenResume's
parser (AGPL-3.0, kept in ../shared/vendor/open-resume-parser, run there
with Node as its README says) recovers every position with its title, start
and end, its employer, and every bullet inside its own position; the
projects with theirs; every skill and language.

Compared ignoring spaces: the parser drops the space glyphs a tagged PDF
carries (its issue 106). One thing it cannot read: a position under the
employer heading of the one above (Datadog's two roles, grouped as LinkedIn
groups them) gets no employer of its own, since the parser gives each
entry only its own lines; the test asks that the employer heads the entry
above, as a reader sees it. Skipped without ../shared, or without Node.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from support import seed
from support.sources import PERSON

VENDOR = seed.SHARED / "vendor" / "open-resume-parser"
NAMES = [v["name"] for v in PERSON["resume"]["variants"]]
MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*((?:19|20)\d\d)"

pytestmark = [
    pytest.mark.skipif(not VENDOR.is_dir(), reason=seed.MISSING),
    pytest.mark.skipif(not shutil.which("npm"), reason="Node's npm is not installed"),
]


def ns(text: str) -> str:
    return re.sub(r"\s+", "", text or "").lower()


@pytest.fixture(scope="session")
def open_resume(tmp_path_factory):
    """A copy of the parser with its pinned packages (npm ci), as its README runs it."""
    where = tmp_path_factory.mktemp("open-resume") / "orp"
    shutil.copytree(VENDOR, where)
    npm = ["npm", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run([*npm, "ci", "--omit=optional"], cwd=where, check=True, capture_output=True)
    platform = subprocess.run(["node", "-p", "process.platform + '-' + process.arch"],
                              capture_output=True, text=True, check=True).stdout.strip()
    version = json.loads((where / "package.json").read_text())["dependencies"]
    esbuild = next(v for k, v in version.items() if k.startswith("@esbuild/"))
    subprocess.run([*npm, "install", "--no-save", f"@esbuild/{platform}@{esbuild}"],
                   cwd=where, check=True, capture_output=True)
    return where


@pytest.fixture(scope="module")
def parse(site, open_resume):
    """The parser's reading of a variant's PDF, each variant read once."""
    read: dict[str, dict] = {}

    def parse(name: str) -> dict:
        if name not in read:
            pdf = site.html / f"{name}.pdf"
            out = subprocess.run(["npx", "tsx", "run.ts", str(pdf)], cwd=open_resume,
                                 capture_output=True, text=True, check=True).stdout
            read[name] = json.loads(out)["resume"]
        return read[name]

    return parse


@pytest.fixture(params=NAMES)
def parsed(request, parse) -> tuple[str, dict]:
    return request.param, parse(request.param)


def shown(site, name: str) -> set[str]:
    return set((site.html / f"{name}.txt").read_text(encoding="utf-8").splitlines())


def test_every_position_with_its_dates_title_employer_and_bullets(parsed, site, career):
    name, resume = parsed
    found = resume["workExperiences"]
    assert len(found) == len(career.roles)
    text = shown(site, name)
    previous = None
    for role in career.roles:
        dates = re.findall(MONTH, role.dates)
        entry = [w for w in found if re.findall(MONTH, w["date"]) == dates]
        assert len(entry) == 1, (role.position, role.dates)
        entry = entry[0]
        assert ns(entry["jobTitle"]) == ns(role.position)
        if role.employer == (previous or {}).get("employer"):  # under the heading above
            assert ns(previous["entry"]["company"]) == ns(role.employer)
        else:
            assert ns(entry["company"]) == ns(role.employer)
        descriptions = [ns(d) for d in entry["descriptions"]]
        for bullet in (b for b in role.bullets if b in text):
            assert any(ns(bullet) in d for d in descriptions), (name, bullet)
        previous = {"employer": role.employer, "entry": entry}


def test_the_projects_with_their_bullets(parsed, site, career):
    name, resume = parsed
    text = shown(site, name)
    for project in career.projects:
        kept = [c.bullet for c in career.contributions if c.project == project.name
                and c.bullet in text]
        if not kept:
            continue
        entry = next(p for p in resume["projects"] if ns(p["project"]) == ns(project.name))
        for bullet in kept:
            assert any(ns(bullet) in ns(d) for d in entry["descriptions"]), (name, bullet)
    work = " ".join(d for w in resume["workExperiences"] for d in w["descriptions"])
    assert not any(ns(c.bullet) in ns(work) for c in career.contributions)


def test_every_skill_and_language(parsed, career):
    _, resume = parsed
    skills = resume["skills"]
    listed = ns(" ".join([*(s["skill"] for s in skills["featuredSkills"]),
                          *skills["descriptions"]]))
    person = career.person
    assert [s for s in [*person.skills, *person.languages] if ns(s) not in listed] == []
