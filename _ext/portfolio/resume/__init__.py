"""The résumé in every form, from the career model: its variants, the TeX
they are typeset from, the PDFs, the plain text, JSON Resume, and the
website's download area.

- ``variants.py``: which bullets a variant keeps (pure);
- ``declaration.py``: the variants index.md declares, checked;
- ``tex.py``: the résumé as TeX (pure); ``texinputs/``: its look;
- ``text.py``: the résumé as plain text (pure);
- ``typeset.py``: each variant typeset with LuaLaTeX, fitted to its pages;
- ``latex.py``: pages 1-2 of the portfolio PDF and the standalone résumé;
- ``download.py``: the website's copies and the list that links them;
- ``builder.py``: ``sphinx-build -b resume``, the variants alone;
- ``jsonresume.py``: resume.json.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import builder, declaration, download, jsonresume, latex

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    jsonresume.setup(app)  # resume.json, for the web site
    latex.setup(app)  # the résumé: pages 1-2 of the PDF, and resume/resume.pdf
    declaration.setup(app)  # the variants index.md declares, checked in every build
    download.setup(app)  # the variants, typeset for the website's download area
    builder.setup(app)  # sphinx-build -b resume: the variants alone, on demand
