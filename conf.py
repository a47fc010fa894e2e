"""Sphinx configuration for Donald Stufft's portfolio.

The repository root is the documentation source: content lives in
``index.md``, ``experience/`` and ``open-source/``; the local extension in
``_ext/portfolio`` turns their front matter into the career model and the
views generated from it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

# tools/build.py: the build plan shared with ./run, the tests and the Read
# the Docs emulation; _ext: the portfolio extension.
sys.path.insert(0, os.path.abspath("."))
sys.path.insert(0, os.path.abspath("_ext"))

from tools.build import SLUG, source_date_epoch

# -- Environment flags: every difference between builds starts here --------
# The reproducible-builds.org convention: dates in outputs come from the
# last commit, not the clock, so two builds of one commit are identical.
# Read the Docs sets no SOURCE_DATE_EPOCH, so it is decided here and exported:
# Sphinx itself reads the variable (copyright year, ePub dates), and the
# portfolio extension hands it on to latexmk (_ext/portfolio/site/reproducible.py).
SOURCE_DATE_EPOCH = int(source_date_epoch())
os.environ["SOURCE_DATE_EPOCH"] = str(SOURCE_DATE_EPOCH)
# Where the site is published. Read the Docs sets READTHEDOCS_CANONICAL_URL;
# elsewhere the project's Read the Docs address stands in, so local builds
# have the same absolute URLs (canonical links, sitemap, Open Graph, the 404
# page's paths) as the published site.
SITE_URL = os.getenv("READTHEDOCS_CANONICAL_URL", f"https://{SLUG}.readthedocs.io/en/latest/")
# Read the Docs publishes what it builds; it sets READTHEDOCS=True.
READTHEDOCS = bool(os.getenv("READTHEDOCS"))
# The résumé with the phone number, for sending to one recruiter: only on
# explicit request (PORTFOLIO_PRIVATE=1), never on Read the Docs.
PRIVATE_RESUME = os.getenv("PORTFOLIO_PRIVATE") == "1"
# Where the typeset résumé variants are kept by hash (default: the doctree
# directory); the tests share one between their builds of the site's copies.
RESUME_CACHE = os.getenv("PORTFOLIO_RESUME_CACHE", "")
# `./run latest` (PORTFOLIO_DEPRECATIONS=error): a deprecation warning met in
# our own code (_ext/portfolio) stops the build, to show what the next
# releases of Sphinx and the extensions will break.
if os.getenv("PORTFOLIO_DEPRECATIONS") == "error":
    for category in (DeprecationWarning, PendingDeprecationWarning):
        warnings.filterwarnings("error", category=category, module=r"portfolio(\.|$)")

from portfolio.model import read_person  # noqa: E402
from portfolio.shared import font  # noqa: E402

# The person, as index.md's front matter gives them: the one place for the
# name, headline and summary. Every setting below that says who this is
# reads them from here, through the model's reader and schema (a field the
# schema rejects is empty here, and the build reports it at its line).
PERSON = read_person(Path(__file__).with_name("index.md"))
NAME, HEADLINE, SUMMARY = PERSON.name, PERSON.headline, PERSON.summary

# -- Project information ----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information
project = NAME
author = NAME
copyright = f"{time.gmtime(SOURCE_DATE_EPOCH).tm_year}, {NAME}"
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
    "sphinxext.opengraph",  # Open Graph and Twitter card metadata
    "sphinx_sitemap",  # sitemap.xml
    "notfound.extension",  # 404.html with absolute links
    # Ours
    "portfolio",
]

# sphinxext-opengraph prints a notice on import that matplotlib (for its
# social cards, which we turn off below) is absent: import it quietly first.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

root_doc = "index"
# The root is the source directory, so keep out everything that is not a page.
exclude_patterns = [
    ".*",  # .nox, .venv, .git, .ci, .pytest_cache ...
    "_build",
    "README.md",
    "MAINTAINING.md",
    "requirements",
    "tests",
    "benchmarks",
    "tools",
    "node_modules",
    ".private",
    "_readthedocs",  # Read the Docs' outputs, written inside the source tree
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

# -- Options for the portfolio extension -----------------------------------
# _ext/portfolio declares these in its __init__.py. The flags above reach the
# extension from here: it reads no environment variable itself, but for the
# private résumé's phone number, which is no setting (_ext/portfolio/resume/latex.py).
# A role that has not ended lasts until this moment.
portfolio_source_date_epoch = SOURCE_DATE_EPOCH
# The standalone résumé adds the phone number, read from $PORTFOLIO_PHONE or
# the untracked .private/phone (never from a committed file) ...
portfolio_private = PRIVATE_RESUME
# ... and a Read the Docs build refuses to.
portfolio_readthedocs = READTHEDOCS
portfolio_resume_cache = RESUME_CACHE

# -- Options for HTML output ------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output
html_theme = "furo"
html_title = NAME
html_static_path = ["_static"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
# Canonical URLs (<link rel="canonical">) and the sitemap are built from this.
html_baseurl = SITE_URL
html_favicon = "_static/favicon.svg"
# Priorities stated: Sphinx writes the default (800) into this list when the
# builder starts, which would make every next build report a changed configuration.
html_css_files = [
    ("a11y.css", {"priority": 800}),  # a visible focus ring where furo has none
    ("print.css", {"priority": 800}),  # printing a page gives the page alone
]
# Text colours with a contrast of at least 7:1 (WCAG AAA, axe-core's
# color-contrast-enhanced) on every background furo puts them on; furo's own
# blues and greys reach 5:1 to 6.7:1.
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#173f9f",
        "color-brand-content": "#1a44b0",
        "color-brand-visited": "#5c1aa3",
        "color-foreground-secondary": "#474a50",
        "color-foreground-muted": "#4a4c52",
    },
    "dark_css_variables": {
        "color-brand-primary": "#8ab8ff",
        "color-brand-content": "#8ab8ff",
        "color-brand-visited": "#c9a3f2",
        "color-foreground-secondary": "#a9adb2",
        "color-foreground-muted": "#a9adb2",
    },
}

# -- Options for sphinxext-opengraph -----------------------------------------
# https://sphinxext-opengraph.readthedocs.io/en/latest/
ogp_site_url = SITE_URL
# One image for every page, served by the site itself (relative to the site
# root), 1200 x 630: the name and headline, drawn by `./run og-image`
# (tools/og_image.py) from the front matter.
ogp_image = "_static/og-image.png"
ogp_image_alt = f"{NAME}, {HEADLINE}"
# No generated social cards: they need matplotlib and would differ per build.
ogp_social_cards = {"enable": False}
# Twitter reads og:title, og:description and og:image; it only needs the card type.
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary_large_image" />']

# -- Options for sphinx-sitemap ---------------------------------------------
# https://sphinx-sitemap.readthedocs.io/en/latest/configuration-values.html
# html_baseurl already holds the language and version: add only the page.
sitemap_url_scheme = "{link}"
# Search and the indices are not content.
sitemap_excludes = ["search.html", "genindex.html", "404.html"]

# -- Options for sphinx-notfound-page ---------------------------------------
# https://sphinx-notfound-page.readthedocs.io/en/latest/configuration.html
# The 404 page's links are absolute paths under the site's own prefix, so it
# works from any depth (/no/such/deep/page.html).
notfound_urls_prefix = urlsplit(SITE_URL).path
# The page says what happened and where to go: the site's main pages, the
# résumé (the first variant index.md declares, "resume") and search, each
# an absolute path under that prefix, so they work from any depth.
notfound_context = {
    "title": "Page not found",
    "body": f"""<h1>Page not found</h1>
<p>Nothing is published at this address: the link may be mistyped, or the page
may have moved. From here:</p>
<ul>
<li><a href="{notfound_urls_prefix}">{NAME}</a>, the portfolio's first page</li>
<li><a href="{notfound_urls_prefix}experience/index.html">Experience</a>, his positions</li>
<li><a href="{notfound_urls_prefix}open-source/index.html">Open source</a>, PyPI and
Python packaging</li>
<li><a href="{notfound_urls_prefix}resume.pdf">Résumé (PDF)</a></li>
<li><a href="{notfound_urls_prefix}search.html">Search the portfolio</a></li>
</ul>
""",
}
# Sphinx's excerpts cost the reader a download of every matching page
# (benchmarks/RESULTS.md): off. Results show an excerpt all the same, from
# the text the portfolio extension adds to the search index (_ext/portfolio/search/).
html_show_search_summary = False

# -- Options for ePub output ------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-epub-output
epub_basename = SLUG
epub_show_urls = "no"
# A real, stable identifier, which readers use to tell books apart: the
# site's host name. Sphinx writes epub_uid, not epub_identifier, into
# toc.ncx (sphinx-doc/sphinx#11184), and EPUBCheck wants the two to agree
# (NCX-001); epub_uid is also an XML id: a host name is a valid one.
epub_identifier = epub_uid = urlsplit(SITE_URL).hostname
epub_publisher = author
epub_contributor = author  # Sphinx's default is the word "unknown"
epub_description = f"The portfolio of {NAME}, {HEADLINE}. {SUMMARY}"
# Sphinx 9 keeps the previous build's info as .buildinfo.bak when the
# configuration changes; it is not part of the book.
epub_exclude_files = [".buildinfo.bak"]

# -- Options for LaTeX output -----------------------------------------------
# https://www.sphinx-doc.org/en/master/latex.html
latex_engine = "xelatex"
# makeindex, not xindy: Read the Docs' image and ours need nothing extra.
latex_use_xindy = False
latex_elements = {
    # Pages 1-2 are the résumé, generated from the career model
    # (_ext/portfolio/resume/latex.py), in place of a title page.
    "maketitle": r"\input{resume/front}",
    # Read on screen: one-sided, chapters start on the next page, never a blank one.
    "extraclassoptions": "openany,oneside",
    # The PEPs chapter (standards.md) is its bibliography: the entries follow
    # the chapter's introduction, not a page break and a chapter
    # "Bibliography" of their own (report's thebibliography opens one with
    # \chapter*{\bibname}; Sphinx's environment adds a page break and a
    # contents line).
    "preamble": "\n".join([
        r"\makeatletter",
        r"\renewenvironment{sphinxthebibliography}[1]"
        r"{\begingroup\let\chapter\@gobbletwo\let\@mkboth\@gobbletwo"
        r"\begin{thebibliography}{#1}}"
        r"{\end{thebibliography}\endgroup}",
        r"\makeatother",
    ]),
    # One font family throughout, embedded: Liberation 2 (Debian's
    # fonts-liberation2), loaded from its files, so that another font of that
    # name (Liberation 1.x, fonts-liberation) cannot take its place.
    "fontpkg": "\n".join([
        r"\setmainfont" + font("Liberation Sans"),
        r"\setsansfont" + font("Liberation Sans"),
        r"\setmonofont" + font("Liberation Mono", "Scale=MatchLowercase"),
    ]),
}
latex_documents = [
    ("index", f"{SLUG}.tex", NAME, NAME, "manual"),
]
