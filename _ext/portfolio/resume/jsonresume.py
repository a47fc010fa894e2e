"""The résumé as data other tools read: ``resume.json``, JSON Resume v1.0.0.

Written into the website's output once the build has succeeded, and linked
from the landing page's profile. It comes from the model alone, so it cannot
hold what the front matter does not: there is no phone number to leak.
Website builders only; the ePub builder is an HTML builder too, and would
list an unknown file in its package.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from .. import model
from ..shared import RESUME_JSON, WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Career

RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def location(text: str) -> dict[str, str]:
    """ "Philadelphia, PA" -> city and region; anything else stays an address."""
    city, comma, region = text.partition(", ")
    if comma and "," not in region:
        return {"city": city, "region": region}
    return {"address": text}


def _iso_date(created: str) -> str | None:
    """A PEP's "18-Mar-2013" -> "2013-03-18"."""
    try:
        return time.strftime("%Y-%m-%d", time.strptime(created, "%d-%b-%Y"))
    except ValueError:
        return None


def json_resume(career: Career, created: dict[str, str], epoch: int) -> dict[str, Any]:
    """The résumé as JSON Resume: basics, work, projects, publications, skills.

    ``languages`` is left out on purpose: in JSON Resume it lists spoken
    languages, which the résumé does not give; its programming languages
    are a skill group, as the résumé groups them.

    A project is one of the résumé's open source groups, dated as the résumé
    dates it ("2013", no end: it goes on), its contributions the highlights.
    The dates belong to the group: one entry per contribution would give
    each the group's start, a date the résumé does not give it.
    """
    p = career.person
    basics: dict[str, Any] = {
        "name": p.name,
        "label": p.headline,
        "email": p.email,
        "summary": p.summary,
        "location": location(p.location),
        "profiles": [{"network": x.network, "username": x.username, "url": x.url}
                     for x in p.profiles],
    }
    work = []
    for role in career.roles:
        entry = {"name": role.employer, "position": role.position, "startDate": role.start.iso}
        if role.end:
            entry["endDate"] = role.end.iso
        if role.location:
            entry["location"] = role.location
        entry["highlights"] = role.bullets
        work.append(entry)
    projects = []
    for project in career.projects:
        contributions = [x for x in career.contributions if x.project == project.name]
        if not contributions:
            continue
        entry: dict[str, Any] = {"name": project.name}
        if project.start is not None:
            entry["startDate"] = str(project.start)
        if project.end is not None:
            entry["endDate"] = str(project.end)
        entry["highlights"] = [x.bullet for x in contributions]
        entry["keywords"] = list(dict.fromkeys(
            k for x in contributions for k in [*x.skills, *x.languages]))
        projects.append(entry)
    # No releaseDate: readers take it for when he published the PEP, but the
    # one date a PEP gives is its Created header, and he joined some PEPs'
    # authors later (PEP 426, PEP 440). The summary says what the date is.
    publications = []
    for key, pep in career.peps.items():
        date = _iso_date(created.get(key, "")) or str(pep.year)
        publications.append({
            "name": f"{pep.label}: {pep.title}",
            "publisher": "Python Enhancement Proposals",
            "url": pep.url,
            "summary": f"{pep.type} PEP, {pep.status}, created {date}. "
                       f"Authors: {', '.join(pep.authors)}.",
        })
    skills = [{"name": skill} for skill in p.skills]
    if p.languages:
        skills.append({"name": "Programming Languages", "keywords": p.languages})
    meta = {
        "version": "v1.0.0",
        "lastModified": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch)),
    }
    return {
        "$schema": RESUME_SCHEMA,
        "basics": basics,
        "work": work,
        "projects": projects,
        "publications": publications,
        "skills": skills,
        "meta": meta,
    }


def _created(app: Sphinx) -> dict[str, str]:
    entries = app.env.get_domain("cite").bibdata.data.entries
    return {key: entry.fields.get("created", "") for key, entry in entries.items()}


def _write_resume(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in WEBSITE_BUILDERS:
        return
    data = json_resume(model.career(app.env), _created(app),
                       model.source_date_epoch(app.config))
    path = app.builder.outdir / RESUME_JSON
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _write_resume)
