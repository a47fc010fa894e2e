r"""What every part of the extension shares: names and small helpers that
depend on nothing but the standard library.

- how the résumé names a PEP ("PEP 440"), and finds one named in text;
- which builders make the website (their output is served as the site;
  speed-ups, search additions, robots.txt apply to them, not to the ePub);
- the name of the JSON Resume file the website publishes;
- numbers as words ("Eight positions", "Two-page résumé");
- an unknown name's message: "did you mean ...", and where names are declared;
- text as LaTeX: the one escaper for everything the extension typesets.
  Sphinx's own (``sphinx.util.texescape``) writes Sphinx macros
  (``\sphinxhyphen``) that the standalone résumé, which does not load
  sphinx.sty, lacks;
- the fonts of both PDFs, loaded by file.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# -- PEPs -------------------------------------------------------------------


def pep_label(number: int | str) -> str:
    """How the résumé names a PEP: "PEP 440"."""
    return f"PEP {number}"


# A PEP named in text as pep_label() names it; group 1 is its number.
PEP_MENTION = re.compile(r"PEP (\d+)")

# -- Builders and files -----------------------------------------------------

WEBSITE_BUILDERS = frozenset({"html", "dirhtml"})

RESUME_JSON = "resume.json"  # at the root of the website

# -- Words ------------------------------------------------------------------

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve")


def number_word(count: int) -> str:
    """``8`` -> "eight"; past twelve, the digits."""
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)


# -- Messages ---------------------------------------------------------------


def close_names(name: object, known: Iterable[str]) -> list[str]:
    """The names among ``known`` that ``name`` is likely a slip for, closest
    first: alike letter by letter, whatever the case, else those it begins."""
    known = list(known)
    by_case = {k.casefold(): k for k in known}
    given = str(name).casefold()
    close = [by_case[k] for k in difflib.get_close_matches(given, by_case, n=3, cutoff=0.75)]
    return close or [k for k in known if given and k.casefold().startswith(given)][:3]


def unknown_name(what: str, name: object, known: Iterable[str], declared: str) -> str:
    """The message for a name that is not among ``known``: the closest
    known names, if any is close, and where names are declared, in place of
    the whole list: "unknown skill 'Pakaging'; did you mean 'Packaging'?
    skills are declared in index.md's `skills:` (line N)"."""
    known = list(known)
    close = close_names(name, known)
    suggestion = ""
    if close:
        suggestion = " did you mean " + " or ".join(repr(c) for c in close) + "?"
    elif not known:
        suggestion = " none are declared yet;"
    return f"unknown {what} {name!r};{suggestion} {declared}"


# -- LaTeX ------------------------------------------------------------------

# LaTeX's special characters; everything else (é, –, “”) is Unicode that
# XeLaTeX and LuaLaTeX set.
_SPECIALS = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
    "#": r"\#", "^": r"\^{}", "_": r"\_", "~": r"\textasciitilde{}", "%": r"\%",
})


def tex_escape(text: str) -> str:
    """``text`` as LaTeX that typesets (and extracts) exactly as ``text``."""
    return text.translate(_SPECIALS)


# -- Fonts ------------------------------------------------------------------

FONT_MAJOR_VERSION = 2  # Liberation 2: Debian's fonts-liberation2
# fontspec's options for the shapes besides the upright, by fontconfig's style names.
_SHAPES = {"Regular": "", "Bold": "BoldFont", "Italic": "ItalicFont",
           "Bold Italic": "BoldItalicFont"}


def font_files(family: str, major: int = FONT_MAJOR_VERSION) -> dict[str, Path]:
    """The files of ``family`` at version ``major``.x, by style ("Regular",
    "Bold" ...), as fontconfig lists them (the newest of each style); {} if
    it lists none."""
    try:
        listed = subprocess.run(
            ["fc-list", "--format", "%{fontversion}\t%{style[0]}\t%{file}\n", family],
            capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, tuple[int, Path]] = {}
    for line in listed.splitlines():
        version, style, file = line.split("\t")
        # The font's revision, in 16.16 fixed point: 2.1 is 137625.
        if int(version) >> 16 == major and style in _SHAPES:
            found[style] = max(found.get(style, (0, Path())), (int(version), Path(file)))
    return {style: path for style, (_, path) in found.items()}


def font(family: str, *options: str) -> str:
    r"""fontspec's arguments for ``family`` loaded from its files, at version
    FONT_MAJOR_VERSION: ``{LiberationSans-Regular.ttf}[Path=/usr/share/...,
    BoldFont=LiberationSans-Bold.ttf, ...]``, ``options`` after them.

    A name alone is not enough: with Debian's fonts-liberation (1.x) beside
    fonts-liberation2, LuaLaTeX's font database resolves "Liberation Sans"
    to the 1.x files, in which luaotfload finds no glyph named "space", and
    tagpdf, which looks that name up for the tagged résumé's real spaces,
    sets them in Latin Modern instead. Without fontconfig or those files, the
    family by name (the font tests then say which font the PDFs hold).
    """
    files = font_files(family)
    if set(files) != set(_SHAPES) or len({path.parent for path in files.values()}) != 1:
        return f"{{{family}}}[{', '.join(options)}]"
    regular = files.pop("Regular")
    keys = [f"Path={regular.parent}/",
            *(f"{key}={files[style].name}" for style, key in _SHAPES.items() if key)]
    return f"{{{regular.name}}}[{', '.join([*keys, *options])}]"
