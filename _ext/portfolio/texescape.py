r"""Text as LaTeX: the one escaper for everything the extension typesets.

The résumé pages (latex.py) and the career figure's TikZ (figure.py) both
put front-matter text (names, employers, bullets) into LaTeX source, and any
of LaTeX's ten special characters in it (an employer "AT~T" or "R^2 Labs")
would break or change what is typeset. Sphinx's own escaper
(``sphinx.util.texescape``) writes Sphinx macros (``\sphinxhyphen``) that the
standalone résumé, which does not load sphinx.sty, lacks.
"""

from __future__ import annotations

# LaTeX's special characters; everything else (é, –, “”) is Unicode that
# XeLaTeX and LuaLaTeX set.
_SPECIALS = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
    "#": r"\#", "^": r"\^{}", "_": r"\_", "~": r"\textasciitilde{}", "%": r"\%",
})


def escape(text: str) -> str:
    """``text`` as LaTeX that typesets (and extracts) exactly as ``text``."""
    return text.translate(_SPECIALS)
