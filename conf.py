"""Sphinx configuration for Donald Stufft's portfolio.

The repository root is the documentation source: content lives in
``index.md``, ``experience/`` and ``open-source/``; the local extension in
``_ext/portfolio`` turns their front matter into the career model and the
views generated from it.
"""

from __future__ import annotations

import os
import sys
import time

# -- Environment flags: every difference between builds starts here --------
RTD_BUILD = bool(os.getenv("READTHEDOCS"))
# The reproducible-builds.org convention: dates in outputs come from the
# last commit, not the clock, so two builds of one commit are identical.
SOURCE_DATE_EPOCH = int(os.getenv("SOURCE_DATE_EPOCH", time.time()))

sys.path.insert(0, os.path.abspath("_ext"))

# -- Project information ----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information
project = "Donald Stufft"
author = "Donald Stufft"
copyright = f"{time.gmtime(SOURCE_DATE_EPOCH).tm_year}, Donald Stufft"
# The site is versioned by the date of the commit it was built from.
version = release = time.strftime("%Y.%m.%d", time.gmtime(SOURCE_DATE_EPOCH))
language = "en"

# -- General configuration --------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#general-configuration
extensions = [
    # Third party
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    # Ours
    "portfolio",
]

root_doc = "index"
# The root is the source directory, so keep out everything that is not a page.
exclude_patterns = [
    ".*",  # .nox, .venv, .git, .ci, .pytest_cache ...
    "_build",
    "README.md",
    "requirements",
    "tests",
    "benchmarks",
    "tools",
    "node_modules",
    ".private",
]
templates_path = ["_templates"]

# Strictness, stated once: every missing reference is a warning, and the
# build commands turn warnings into errors.
nitpicky = True

# -- Options for myst-parser ------------------------------------------------
# https://myst-parser.readthedocs.io/en/latest/configuration.html
myst_enable_extensions = ["colon_fence", "deflist"]
# Headings get no implicit cross-page anchors: pages link by explicit label.
myst_heading_anchors = 0

# -- Options for sphinxcontrib-bibtex ---------------------------------------
# https://sphinxcontrib-bibtex.readthedocs.io/en/latest/usage.html
bibtex_bibfiles = ["peps.bib"]
bibtex_default_style = "pep"
# Citations read "(PEP 440)" ({cite:p}) or "PEP 440" ({cite:label}); both
# styles are registered by the portfolio extension.
bibtex_reference_style = "pep"

# -- Options for HTML output ------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output
html_theme = "furo"
html_title = "Donald Stufft"
html_static_path = ["_static"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
# Search results list page titles without an excerpt: an excerpt costs the
# reader a download of every matching page (benchmarks/RESULTS.md).
html_show_search_summary = False

# -- Options for ePub output ------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-epub-output
epub_basename = "donald-stufft"
epub_show_urls = "no"

# -- Options for LaTeX output -----------------------------------------------
# https://www.sphinx-doc.org/en/master/latex.html
latex_engine = "xelatex"
# makeindex, not xindy: Read the Docs' image and ours need nothing extra.
latex_use_xindy = False
latex_elements = {
    # One font family throughout, embedded: Liberation (Debian fonts-liberation2).
    "fontpkg": r"""
\setmainfont{Liberation Sans}
\setsansfont{Liberation Sans}
\setmonofont{Liberation Mono}[Scale=MatchLowercase]
""",
}
latex_documents = [
    ("index", "donald-stufft.tex", "Donald Stufft", "Donald Stufft", "manual"),
]
