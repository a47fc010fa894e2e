r"""What every part of the extension shares: names and small helpers that
depend on nothing but the standard library.

- how the résumé names a PEP ("PEP 440"), and finds one named in text;
- which builders make the website (their output is served as the site;
  speed-ups, search additions, robots.txt apply to them, not to the ePub);
- the name of the JSON Resume file the website publishes;
- numbers as words ("Eight positions", "Two-page résumé");
- text as LaTeX: the one escaper for everything the extension typesets.
  Sphinx's own (``sphinx.util.texescape``) writes Sphinx macros
  (``\sphinxhyphen``) that the standalone résumé, which does not load
  sphinx.sty, lacks.
"""

from __future__ import annotations

import re

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
