"""What the site says beyond the résumé's bullets rests on the résumé's own
words: each skill and language tag quotes the bullet that shows it, and a
role and a contribution are related only where the résumé relates them.

The build checks each quote against the page it is on; these tests check it
against the résumé itself (../shared/seed/resume.txt).
"""

from __future__ import annotations

import re

import pytest
import yaml
from seed import normalise

from tools.build import ROOT


def _front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}


def _title(path) -> str:
    return re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)


def _label(path) -> str:
    return re.search(r"^\(([\w.-]+)\)=$", path.read_text(encoding="utf-8"), re.M).group(1)


ROLES = {_label(p): p for p in sorted((ROOT / "experience").glob("*.md")) if p.stem != "index"}
CONTRIBUTIONS = {_label(p): p for p in sorted((ROOT / "open-source").glob("*/*.md"))}
PERSON = _front_matter(ROOT / "index.md")


def _bullets(resume, path) -> tuple[str, ...]:
    """The résumé's bullets for the page at ``path``: a role's, or a contribution's one."""
    if path.parent.name == "experience":
        return next(p.bullets for p in resume.positions if str(p) == normalise(_title(path)))
    page = path.relative_to(ROOT).with_suffix(".html").as_posix()
    return (next(c.bullet for c in resume.contributions if c.page == page),)


@pytest.mark.parametrize("path", [*ROLES.values(), *CONTRIBUTIONS.values()],
                         ids=lambda p: p.stem)
def test_each_tag_quotes_a_bullet_of_the_resume(resume, path):
    bullets = _bullets(resume, path)
    meta = _front_matter(path)
    for key in ("skills", "languages"):
        for name, words in (meta.get(key) or {}).items():
            assert name in (resume.skills if key == "skills" else resume.languages)
            assert any(normalise(words) in bullet for bullet in bullets), (name, words)


def test_relations_are_only_those_listed_with_the_resume_words(resume):
    stated = {(role, c) for role, path in ROLES.items()
              for c in _front_matter(path).get("contributions", [])}
    stated |= {(r, contribution) for contribution, path in CONTRIBUTIONS.items()
               for r in _front_matter(path).get("roles", [])}
    listed = {(r["role"], r["contribution"]): r["evidence"] for r in PERSON["relations"]}
    assert stated == set(listed)
    for (role, _), words in listed.items():
        assert any(normalise(words) in bullet for bullet in _bullets(resume, ROLES[role]))


def test_the_resume_makes_these_relations_and_no_others():
    # The résumé relates the HPE role to the Warehouse rewrite ("Implemented a
    # new PyPI code base") and the Rackspace role to PEP 440 (named in its
    # bullet); PEP 470, though on a related subject, is listed only under PyPI.
    employers = {label: _front_matter(path)["employer"] for label, path in ROLES.items()}
    pairs = {(employers[r["role"]], r["contribution"]) for r in PERSON["relations"]}
    assert pairs == {("Hewlett Packard Enterprise", "warehouse"), ("Rackspace", "pep-440")}
