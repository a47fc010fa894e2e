"""The résumé's open-source projects are declared once, in index.md, each
with the dates the résumé gives it ("2013 – Current") and none it does not."""

import pytest

from support import seed

PROJECTS = seed.cases(lambda resume: list(resume.open_source))


def declared(career, heading: str):
    """The model's project for a résumé heading ("Python Packaging" is "Python packaging")."""
    return next((p for p in career.projects if p.name.casefold() == heading.casefold()), None)


def test_the_projects_are_the_resumes_in_its_order(career, resume):
    assert [p.name.casefold() for p in career.projects] == [
        heading.casefold() for heading in resume.open_source]


@pytest.mark.parametrize("heading", PROJECTS)
def test_a_project_has_the_resumes_dates(heading, career, resume):
    project = declared(career, heading)
    assert project, f"index.md declares no project {heading!r}"
    # "2013 - Current" as the résumé writes it; "" where it gives no dates.
    assert seed.normalise(project.dates) == resume.project_dates.get(heading, "")
