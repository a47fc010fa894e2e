"""The sessions noxfile.py defines, read from its source (the tests'
environment has no nox): what `./run help` lists and `./run` installs for."""

from __future__ import annotations

import ast

from tools.build import ROOT


def sessions() -> list[tuple[str, str]]:
    """(name, first docstring line) of each session, read from noxfile.py."""
    found = []
    for node in ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            name = ast.unparse(target)
            if name not in ("nox.session", "docs_session"):
                continue
            given = [k.value.value for k in (call.keywords if call else []) if k.arg == "name"]
            session = given[0] if given else (
                node.name.replace("_", "-") if name == "docs_session" else node.name)
            found.append((session, ast.get_docstring(node).splitlines()[0]))
    return found
