"""A copy of the site edited as its owner edits it: the README's "Adding a
role" and "Adding a contribution" followed as written (a made-up employer and
a made-up contribution), and a new headline and summary written once, in
index.md's front matter. ``edit`` makes the edits; the ``edited_site``
fixture builds the copy once for the whole run (support/shared_site.py), and
the tests of each edit read it (tests/model/test_readme_templates_build.py,
tests/rebuild/test_headline_and_summary_are_edited_once.py).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from tools.build import ROOT


def template(heading: str) -> str:
    """The first Markdown code block under ``heading`` in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.split(rf"^#+ {re.escape(heading)}$", readme, maxsplit=1, flags=re.M)[1]
    section = re.split(r"^#+ ", section, maxsplit=1, flags=re.M)[0]
    block = re.search(r"^( *)```markdown\n(.*?)^\1```$", section, re.S | re.M)
    assert block, f"README.md's “{heading}” has no Markdown template"
    return textwrap.dedent(block.group(2))


def label(page: str) -> str:
    return re.search(r"^\(([\w-]+)\)=$", page, re.M).group(1)


def add_to_toctree(index: Path, entry: str, after: str = r"```\{toctree\}\n(:\w+:.*\n)*\n?"
                   ) -> None:
    """List ``entry`` first in the page's first toctree, or after ``after``."""
    text = index.read_text(encoding="utf-8")
    new, count = re.subn(rf"({after})", rf"\g<1>{entry}\n", text, count=1)
    assert count, f"{index} has no {after!r}"
    index.write_text(new, encoding="utf-8")


def _filled(template: str, edits: dict[str, str]) -> str:
    """The template with the values a user fills in; each must be in it."""
    for old, new in edits.items():
        assert re.search(old, template, re.M), f"the README's template has no {old!r}"
        template = re.sub(old, new, template, count=1, flags=re.M)
    return template


# A new role that goes on, at a made-up employer, with a made-up bullet and
# the skill its words show, as a user writes them in the template's places.
ROLE_BULLET = "Designed the distributed build service of an example employer."
ROLE = {r"^employer: .*$": "employer: Example Corp",
        r"^position: .*$": "position: Principal Engineer",
        r"^start: \S+": "start: 2025-06",
        r"^end: \S+": "end: present",
        r"^  Security: .*$": "  Distributed Systems: the distributed build service",
        r"^\([\w-]+\)=$": "(example-principal)=",
        r"^# .*$": "# Principal Engineer, Example Corp",
        r"^- Designed .*$": f"- {ROLE_BULLET}"}
ROLE_LINE = "Example Corp Principal Engineer"  # the employer's line, then the position's
ROLE_DATES = "Jun 2025 - present"  # normalised: a plain hyphen
# A new contribution to Python packaging, with a made-up bullet that keeps
# the template's skill words.
BULLET = "Designed the versioning standard for Python packages of an example registry."
CONTRIBUTION = {r"^\([\w-]+\)=$": "(example-contribution)=",
                r"^# .*$": "# An example contribution",
                r"^Designed .*$": BULLET}

HEADLINE = "Principal Test Engineer"
SUMMARY = "Edited once for this test, and shown in every format."


def _front_matter(index: Path) -> tuple[str, str]:
    """index.md's front matter (from its opening ---) and the rest."""
    front, body = index.read_text(encoding="utf-8").split("\n---\n", 1)
    return front, body


def _summary(front: str) -> str:
    """The summary's folded lines, as one line."""
    folded = front.split("summary:", 1)[1].splitlines()[1:]
    return " ".join(" ".join(line.strip() for line in folded if line.startswith("  ")).split())


OLD_SUMMARY = _summary(_front_matter(ROOT / "index.md")[0])


def _add_role_and_contribution(src: Path) -> None:
    role = _filled(template("Adding a role"), ROLE)
    contribution = _filled(template("Adding a contribution"), CONTRIBUTION)
    role_page = src / "experience" / f"{label(role)}.md"
    contribution_page = src / "open-source" / "packaging" / f"{label(contribution)}.md"
    for page in (role_page, contribution_page):
        assert not page.exists(), (f"the sources already hold {page.relative_to(src)}, the "
                                   "page this copy adds: rename it in tests/support/owner_edits.py")
    role_page.write_text(role, encoding="utf-8")
    add_to_toctree(src / "experience" / "index.md", label(role))  # most recent first
    assert "project: Python packaging" in contribution
    contribution_page.write_text(contribution, encoding="utf-8")
    # Under its project's heading, last: the last Python packaging bullet.
    add_to_toctree(src / "open-source" / "index.md", f"packaging/{label(contribution)}",
                   after=r"```\{project\} Python packaging\n```\n\n```\{toctree\}\n"
                         r"(:\w+:.*\n)*\n?([\w/-]+\n)*")


def _write_headline_and_summary(src: Path) -> None:
    index = src / "index.md"
    front, body = _front_matter(index)
    out, skipping = [], False
    for line in front.splitlines():  # replace the two fields, the summary's folded lines too
        if skipping and line.startswith("  "):
            continue
        skipping = False
        if line.startswith("headline:"):
            line = f"headline: {HEADLINE}"
        elif line.startswith("summary:"):
            line, skipping = f"summary: {SUMMARY}", True
        out.append(line)
    index.write_text("\n".join(out) + "\n---\n" + body, encoding="utf-8")


def edit(src: Path) -> None:
    """Make every edit in the copy of the sources at ``src``."""
    _add_role_and_contribution(src)
    _write_headline_and_summary(src)
