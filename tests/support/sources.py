"""The site's sources as the tests read them: each page's front matter, label,
title and first paragraph.

Read here with PyYAML and regular expressions, not through the extension, on
purpose: expectations computed from these cannot share a fault with the code
they check.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.build import ROOT


def front_matter(path: Path) -> dict:
    """The page's front matter, or {} for a page without one."""
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    return (yaml.safe_load(match[1]) if match else None) or {}


@dataclass(frozen=True)
class Source:
    path: Path
    meta: dict  # the front matter
    label: str  # "(pep-440)=" names the page "pep-440"
    title: str
    body: str  # the Markdown after the front matter

    @property
    def docname(self) -> str:
        return self.path.relative_to(ROOT).with_suffix("").as_posix()

    @property
    def html(self) -> str:
        return self.docname + ".html"

    @property
    def bullet(self) -> str:
        """The first paragraph below the title, as the résumé writes it: a
        cited PEP reads "(PEP 440)", spaces collapsed."""
        after_title = self.body.split(f"# {self.title}\n", 1)[1]
        paragraph = after_title.strip().split("\n\n", 1)[0]
        return " ".join(re.sub(r"\{cite:p\}`pep(\d+)`", r"(PEP \1)", paragraph).split())


def read(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return Source(
        path=path,
        meta=front_matter(path),
        label=re.search(r"^\((.+)\)=$", body, re.M)[1],
        title=re.search(r"^# (.+)$", body, re.M)[1],
        body=body,
    )


def _pages(pattern: str) -> list[Source]:
    return [read(path) for path in sorted(ROOT.glob(pattern)) if path.stem != "index"]


PERSON = front_matter(ROOT / "index.md")
ROLES = _pages("experience/*.md")
CONTRIBUTIONS = _pages("open-source/*/*.md")


def copy_sources(dest: Path) -> Path:
    """Copy the site's sources (not its builds or environments) to dest."""
    shutil.copytree(
        ROOT, dest,
        ignore=shutil.ignore_patterns("_build", "_readthedocs", ".nox", ".venv", ".git",
                                      "node_modules", "__pycache__"),
    )
    return dest
