"""The front matter contract, declared once as JSON Schema.

Three kinds of page carry front matter: the landing page (the person, the
skills taxonomy and the open-source projects), role pages
(``experience/<slug>.md``) and contribution pages
(``open-source/<project>/<slug>.md``). The schemas are built per build
because some of what is allowed comes from the site itself: skills from the
taxonomy, projects from the landing page, PEPs from peps.bib, related pages
from the pages' labels.

``problems()`` turns validation errors into one sentence each, naming the
field and what is allowed, with the path to the value at fault; for a name
declared elsewhere (``Names``: a skill, a page label, a cite key), the
closest declared names and where they are declared instead of all of them.
The reporter (``build.py``) adds file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jsonschema

from ..shared import close_names, unknown_name
from .career import RESUME_SECTIONS

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

YEAR_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
# The résumé dates projects to the year only ("2013 – Current"). Quoted in
# YAML, so that it reaches the schema as text, like a role's year-month.
YEAR = r"^[0-9]{4}$"

KINDS = ["standard", "feature", "infrastructure", "security", "performance"]

# Front matter keys Sphinx itself reads: allowed on any page.
SPHINX_KEYS = {
    "orphan": {},
    "nocomments": {},
    "nosearch": {},
    "tocdepth": {},
}


def _text(description: str = "text") -> dict:
    return {"type": "string", "minLength": 1, "description": description}


@dataclass(frozen=True)
class Names:
    """The names a field may hold, declared elsewhere on the site: what one
    is ("skill") and where they are declared, for the message about a name
    that is not among them."""

    values: Collection[str]
    what: str  # "skill", "cite key"
    declared: str  # "skills are declared in index.md's `skills:` (line N)"


# The keyword that carries Names in a schema: JSON Schema ignores keywords
# it does not know, and problems() reads it back.
_NAMES = "x-portfolio-names"


def name_of(names: Names, description: str) -> dict:
    """One of ``names``."""
    return {"enum": sorted(names.values), "description": description, _NAMES: names}


def one_of(names: Names, description: str) -> dict:
    """A list of distinct strings, each one of ``names``."""
    return {
        "type": "array",
        "uniqueItems": True,
        "items": name_of(names, description),
        "description": f"a list of {description}",
    }


def _evidence(names: Names, description: str) -> dict:
    """A mapping from each of ``names`` it names to the résumé words, on
    that page, that show it: ``{Security: automatic security testing framework}``."""
    return {
        "type": "object",
        "propertyNames": name_of(names, description),
        "additionalProperties": _text("the résumé words on this page that show it"),
        "description": f"a mapping of {description} to the résumé words on this page that "
                       "show each",
    }


def _page(required: dict[str, dict], optional: dict[str, dict] | None = None) -> dict:
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **(optional or {}), **SPHINX_KEYS},
        "additionalProperties": False,
    }


def person_schema() -> dict:
    profile = {
        "type": "object",
        "required": ["network", "username", "url"],
        "properties": {
            "network": _text(),
            "username": _text(),
            "url": {"type": "string", "pattern": "^https://", "description": "an https:// URL"},
        },
        "additionalProperties": False,
        "description": "a profile: {network, username, url}",
    }
    names = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _text(),
             "description": "a list of names"}
    # The résumé's open source groups: undated, or from a year to a year or
    # "present". Start and end go together.
    project = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": _text(),
            "start": {"type": "string", "pattern": YEAR, "description": 'a year, "YYYY"'},
            "end": {"type": "string", "pattern": YEAR + '|^present$',
                    "description": 'a year, "YYYY", or "present"'},
        },
        "dependentRequired": {"start": ["end"], "end": ["start"]},
        "additionalProperties": False,
        "description": "a project: {name, start, end}, start and end both or neither",
    }
    # The role-contribution pairs the résumé itself connects, each with the
    # résumé words, in the role's bullets, that make the connection.
    relation = {
        "type": "object",
        "required": ["role", "contribution", "evidence"],
        "properties": {"role": _text("a role page label"),
                       "contribution": _text("a contribution page label"),
                       "evidence": _text("the résumé words, on the role page, that connect them")},
        "additionalProperties": False,
        "description": "a relation: {role, contribution, evidence}",
    }
    return _page({
        "name": _text(),
        "headline": _text(),
        "location": _text(),
        "email": {"type": "string", "pattern": "^[^@ ]+@[^@ ]+$",
                  "description": "an email address"},
        "profiles": {"type": "array", "items": profile, "description": "a list of profiles"},
        "summary": _text(),
        "languages": names,
        "skills": names,
        "projects": {"type": "array", "minItems": 1, "items": project,
                     "description": "a list of projects"},
    }, {
        "relations": {"type": "array", "items": relation, "description": "a list of relations"},
        # Skills a whole section of the résumé shows: {section: [skill, ...]};
        # frontmatter.person checks each skill against 'skills'.
        "section_skills": {
            "type": "object",
            "propertyNames": {"enum": sorted(RESUME_SECTIONS),
                              "description": "a section of the résumé"},
            "additionalProperties": {"type": "array", "minItems": 1, "uniqueItems": True,
                                     "items": _text("a skill from 'skills'"),
                                     "description": "a list of skills from 'skills'"},
            "description": "a mapping of résumé sections to the skills each shows as a whole",
        },
        # The résumé's variants: the résumé package checks what is inside.
        "resume": {"type": "object", "description": "the résumé's variants: {priority, variants}"},
    })


def role_schema(skills: Names, languages: Names, contributions: Names) -> dict:
    return _page(
        {
            "employer": _text(),
            "position": _text(),
            "start": {"type": "string", "pattern": YEAR_MONTH,
                      "description": "a year-month, YYYY-MM"},
            "end": {"type": "string", "pattern": YEAR_MONTH + "|^present$",
                    "description": 'a year-month, YYYY-MM, or "present"'},
            "skills": _evidence(skills, "skills from the taxonomy in index.md"),
            "contributions": one_of(contributions, "contribution page labels"),
        },
        {"location": _text(), "languages": _evidence(languages, "languages from index.md")},
    )


def contribution_schema(skills: Names, languages: Names, roles: Names, peps: Names,
                        projects: Names) -> dict:
    return _page(
        {
            "project": name_of(projects, "a project from index.md"),
            "kind": {"enum": KINDS, "description": "one of " + ", ".join(KINDS)},
            "peps": one_of(peps, "bib keys from peps.bib"),
            "skills": _evidence(skills, "skills from the taxonomy in index.md"),
            "roles": one_of(roles, "role page labels"),
        },
        {
            "languages": _evidence(languages, "languages from index.md"),
        },
    )


_TYPES = {"array": "a list", "object": "a mapping", "string": "text",
          "boolean": "true or false"}


def field_name(path: Iterable[Any]) -> str:
    """How messages name a field: ``("projects", 0, "start")`` -> "projects[0].start"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _allowed(schema: dict) -> str:
    if "enum" in schema:
        values = schema["enum"]
        return "one of: " + ", ".join(values) if values else "nothing (none are defined)"
    return schema.get("description", "")


FieldPath = tuple  # keys and list indices leading to a value: ("projects", 0, "start")


def problems(schema: dict, data: dict) -> Iterator[tuple[FieldPath, str]]:
    """Yield (path to the value at fault, message) for each way ``data`` breaks ``schema``."""
    validator = jsonschema.Draft202012Validator(schema)
    dependents_done = set()  # jsonschema reports each missing dependency apart
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path)))
    # A required field written with a slip ("postion") is one mistake: it is
    # reported as the unknown field, with the suggestion, not as missing too.
    misspelt = {(tuple(e.path), close) for e in errors if e.validator == "additionalProperties"
                for name in set(e.instance) - set(e.schema["properties"])
                for close in close_names(name, e.schema["properties"])[:1]}
    for error in errors:
        path = tuple(error.path)
        if error.validator == "required":
            missing = [name for name in error.validator_value
                       if name not in error.instance and (path, name) not in misspelt]
            if not missing:
                continue
            for name in missing:
                if not path:
                    allowed = _allowed(schema["properties"][name])
                    yield (name,), f"missing field '{name}': required, {allowed}"
            if path:
                yield path, (
                    f"field '{field_name(path)}' misses {', '.join(missing)}; "
                    f"allowed: {_allowed(error.schema)}"
                )
            continue
        if error.validator == "dependentRequired":
            if path in dependents_done:
                continue
            dependents_done.add(path)
            given = [name for name in error.validator_value if name in error.instance]
            for name in given:
                missing = [m for m in error.validator_value[name] if m not in error.instance]
                if missing:
                    yield (*path, name), (
                        f"field '{field_name(path)}' has {name} but misses {', '.join(missing)}; "
                        f"allowed: {_allowed(error.schema)}"
                    )
            continue
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema["properties"]))
            known = [k for k in error.schema["properties"] if k not in SPHINX_KEYS]
            where = f"field '{field_name(path)}': " if path else ""
            for name in extra:
                yield (*path, name), where + unknown_name(
                    "field", name, known, f"allowed fields: {', '.join(known)}")
            continue
        field = field_name(path)
        if "propertyNames" in error.schema_path:  # a key of a mapping: report it at its line
            path = (*path, error.instance)
        if error.validator == "enum" and _NAMES in error.schema:
            names = error.schema[_NAMES]
            yield path, f"field '{field}': " + unknown_name(
                names.what, error.instance, names.values, names.declared)
            continue
        if error.validator == "enum":
            what = f"{error.instance!r} is not allowed"
        elif error.validator == "uniqueItems":
            what = "lists an item twice"
        elif error.validator == "type":
            expected = _TYPES.get(error.validator_value, error.validator_value)
            what = f"{error.instance!r} is not {expected}"
        else:
            what = f"{error.instance!r} is not {error.schema.get('description', 'valid')}"
        yield path, f"field '{field}': {what}; allowed: {_allowed(error.schema)}"
