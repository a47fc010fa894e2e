"""Front matter as the pages give it: read from the source once, with the
line of every field and every key given twice, and the person checked
against the schema.

The one reader of front matter. ``build.py`` reads every page through it
once per build; ``conf.py`` reads the person through ``read_person`` before
any page is read, with the same schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..shared import unknown_name
from . import schema
from .career import Person, Profile, Project, Relation

# The front matter starts on the file's second line, after "---".
_FIRST_LINE = 2


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter as YAML gives it, and the line of each field
    (a key's line for a mapping entry, an item's for a list item), by path."""

    data: dict = field(default_factory=dict)
    lines: dict[schema.FieldPath, int] = field(default_factory=dict)
    # Each key a mapping gives twice: (its path, the first line, the repeat's
    # line). YAML keeps the last value silently; the build reports each.
    duplicates: list[tuple[schema.FieldPath, int, int]] = field(default_factory=list)

    def line(self, path: schema.FieldPath) -> int:
        """The line of the deepest part of ``path`` the front matter has; 1 if none."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _Loader(yaml.SafeLoader):
    """YAML's safe loader that notes each key a mapping gives twice, at any
    depth, with the nodes that give it (PyYAML's constructor hook,
    ``construct_mapping``)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[yaml.MappingNode, object, yaml.Node, yaml.Node]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if isinstance(node, yaml.MappingNode):
            first: dict = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = self.construct_object(key_node)
                if key in first:
                    self.repeated.append((node, key, first[key], key_node))
                else:
                    first[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + _FIRST_LINE


def _mappings(node: yaml.Node | None, path: schema.FieldPath = ()
              ) -> dict[int, schema.FieldPath]:
    """id of each mapping node under ``node`` -> its path."""
    found: dict[int, schema.FieldPath] = {}
    if isinstance(node, yaml.MappingNode):
        found[id(node)] = path
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                found.update(_mappings(value, (*path, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found.update(_mappings(item, (*path, index)))
    return found


def _lines(node: yaml.Node | None, path: schema.FieldPath = ()) -> dict[schema.FieldPath, int]:
    found: dict[schema.FieldPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        children = [((*path, key.value if isinstance(key, yaml.ScalarNode) else None), key, value)
                    for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [((*path, index), item, item) for index, item in enumerate(node.value)]
    else:
        return found
    for child_path, marked, child in children:
        found.setdefault(child_path, _line(marked))
        for deeper, line in _lines(child, child_path).items():
            found.setdefault(deeper, line)
    return found


def read_front_matter(path: Path) -> FrontMatter:
    """The front matter of the page at ``path``: parsed once, by YAML, from
    the source file, as MyST finds it (between the first two ``---`` lines)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return FrontMatter()
    end = text.find("\n---", 4)
    if not text.startswith("---\n") or end == -1:
        return FrontMatter()
    loader = _Loader(text[4:end])
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        return FrontMatter()  # MyST reports malformed YAML with its file and line
    finally:
        loader.dispose()
    paths = _mappings(node)
    duplicates = [((*paths.get(id(mapping), ()), key), _line(first), _line(again))
                  for mapping, key, first, again in loader.repeated]
    return FrontMatter(data if isinstance(data, dict) else {}, _lines(node), duplicates)


Warn = Callable[[schema.FieldPath, str, str], None]  # (field, message, subtype)


def person(front: FrontMatter, warn: Warn) -> tuple[Person, list[Project], list[str]]:
    """The person; the valid projects; and the names of all declared projects,
    which contributions may name: a project with bad dates is reported once,
    at its own line, not again on each of its contributions."""
    data = front.data
    errors = list(schema.problems(schema.person_schema(), data))
    for path, message in errors:
        warn(path, message, "frontmatter")
    invalid = {path[0] for path, _ in errors}  # top-level fields

    def text(key: str) -> str:
        value = data.get(key) if key not in invalid else None
        return value if isinstance(value, str) else ""

    def strings(key: str) -> list[str]:
        value = data.get(key) if key not in invalid else None
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    found = Person(
        name=text("name"),
        headline=text("headline"),
        location=text("location"),
        email=text("email"),
        profiles=[Profile(**p) for p in data.get("profiles", [])]
        if "profiles" not in invalid else [],
        summary=text("summary"),
        languages=strings("languages"),
        skills=strings("skills"),
        relations=[Relation(r["role"], r["contribution"], " ".join(r["evidence"].split()))
                   for r in data.get("relations", [])] if "relations" not in invalid else [],
    )
    found = replace(found, section_skills=_section_skills(front, invalid, found.skills, warn))
    items = data.get("projects")
    items = items if isinstance(items, list) else []
    return found, _projects(items, errors, warn), declared_projects(front)


def declared_projects(front: FrontMatter) -> list[str]:
    """The names of the projects the landing page's front matter declares,
    whether or not their dates pass: what pages and variants may name."""
    items = front.data.get("projects")
    items = items if isinstance(items, list) else []
    return [p["name"] for p in items if isinstance(p, dict) and isinstance(p.get("name"), str)]


def _section_skills(front: FrontMatter, invalid: set, skills: list[str],
                    warn: Warn) -> dict[str, list[str]]:
    """``section_skills``, less each skill the taxonomy lacks (reported at its line)."""
    data = front.data
    if "section_skills" in invalid:
        return {}
    found = {}
    for section, names in data.get("section_skills", {}).items():
        for index, name in enumerate(names):
            if name not in skills:
                declared = ("skills are declared in index.md's `skills:` "
                            f"(line {front.line(('skills',))})")
                warn(("section_skills", section, index),
                     f"field 'section_skills.{section}[{index}]': "
                     + unknown_name("skill", name, skills, declared), "frontmatter")
        found[section] = [name for name in names if name in skills]
    return found


def _projects(items: list, errors: list, warn: Warn) -> list[Project]:
    """The declared projects, less those with a problem (already reported, or
    reported here: dates out of order, a name given twice)."""
    bad = {path[1] for path, _ in errors if len(path) > 1 and path[0] == "projects"}
    projects: list[Project] = []
    for index, item in enumerate(items):
        if index in bad or not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        if start and end != "present" and end < start:
            warn(("projects", index, "end"), (
                f"field 'projects[{index}].end': {end} is before the start, {start}; "
                "allowed: a year no earlier than 'start', or \"present\""), "dates")
            continue
        if any(p.name == item["name"] for p in projects):
            warn(("projects", index, "name"), (
                f"field 'projects[{index}].name': '{item['name']}' is declared twice; "
                "allowed: a name no other project has"), "frontmatter")
            continue
        projects.append(Project(
            name=item["name"],
            start=int(start) if start else None,
            end=int(end) if end and end != "present" else None,
        ))
    return projects


def read_person(path: Path) -> Person:
    """The person from the landing page at ``path``, validated: a field the
    schema rejects is left empty (the build reports it, with its line)."""
    found, _, _ = person(read_front_matter(path), lambda *problem: None)
    return found
