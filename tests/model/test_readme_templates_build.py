"""The README's templates for a new role and a new contribution build as
written: added to the fixture site as the README says, they give no warning
and the model reads them, tags and all."""

from __future__ import annotations

import re
import shutil
import textwrap

import pytest

from portfolio.model import career
from tools.build import ROOT


def _template(heading: str) -> str:
    """The first Markdown code block under ``heading`` in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^( *)```markdown\n(.*?)^\1```$", section, re.S | re.M)
    assert block, f"README.md's “{heading}” has no Markdown template"
    return textwrap.dedent(block.group(2))


def _label(page: str) -> str:
    return re.search(r"^\(([\w-]+)\)=$", page, re.M).group(1)


def _add_to_toctree(index, entry: str) -> None:
    text = index.read_text(encoding="utf-8")
    index.write_text(re.sub(r"(```\{toctree\}\n)", rf"\g<1>{entry}\n", text, count=1),
                     encoding="utf-8")


@pytest.fixture
def srcdir(rootdir, tmp_path):
    src = tmp_path / "career"
    shutil.copytree(rootdir / "test-career", src)
    return src


def test_the_templates_build_as_written(make_app, srcdir):
    role, contribution = _template("Adding a role"), _template("Adding a contribution")
    (srcdir / "experience" / f"{_label(role)}.md").write_text(role, encoding="utf-8")
    _add_to_toctree(srcdir / "experience" / "index.md", _label(role))
    (srcdir / "open-source" / "packaging" / f"{_label(contribution)}.md").write_text(
        contribution, encoding="utf-8")
    _add_to_toctree(srcdir / "open-source" / "index.md", f"packaging/{_label(contribution)}")

    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()

    assert not app.warning.getvalue()
    model = career(app.env)
    new_role = model.role(_label(role))
    new_contribution = model.contribution(_label(contribution))
    assert new_role
    assert new_role.skills
    assert new_role.highlights
    assert new_contribution
    assert new_contribution.skills
    assert new_contribution.summary
