"""The portfolio extension: the career read from the pages' front matter, and
everything generated from it. ``setup()`` is its table of contents, and the
one place its configuration values are declared.

Five packages; imports run one way, down this list (``./run lint`` checks):

- ``site``: how the website is delivered (head metadata, assets, robots and
  sitemap, reproducible and incremental builds);
- ``resume`` and ``search``: the résumé in every form; search that answers;
- ``views``: what pages show that the model generates, alike in every format;
- ``model``: the career, read from front matter and checked; no output format;
- ``shared``: names and helpers they all use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model, resume, search, site, views

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict:
    # -- Configuration: conf.py decides every value, from the environment ----
    # "present": the month of the build's date, which conf.py decides
    # (SOURCE_DATE_EPOCH, else the last commit), never the clock: two builds
    # of one commit agree. Not an "env" value: it changes no page as read.
    app.add_config_value("portfolio_source_date_epoch", None, "", types=(int, type(None)))
    # The standalone résumé with the phone number (resume/latex.py) ...
    app.add_config_value("portfolio_private", False, "", types=frozenset({bool}))
    # ... which a Read the Docs build refuses: it publishes what it builds.
    app.add_config_value("portfolio_readthedocs", False, "", types=frozenset({bool}))
    # Where typeset résumé variants are kept by hash (default: the doctree
    # directory); the tests share one between their builds of the site's copies.
    app.add_config_value("portfolio_resume_cache", "", "", types=frozenset({str}))
    # `sphinx-build -b resume` (./run resume): one variant made up on the
    # spot, its focus (skills, languages or projects) and page limit ...
    app.add_config_value("portfolio_resume_focus", [], "", types=frozenset({list}))
    app.add_config_value("portfolio_resume_pages", 0, "", types=frozenset({int}))
    # ... or a job posting (a text file) to fit it to instead of a focus.
    app.add_config_value("portfolio_resume_job", "", "", types=frozenset({str}))
    # The website's speed (benchmarks/RESULTS.md): each page loads only the
    # CSS and JS it uses, Sphinx's scripts minified. Off: pages as furo and
    # the extensions ship them.
    app.add_config_value("portfolio_speedups", True, "html", types=frozenset({bool}))

    model.setup(app)  # the career model, validated once all pages are read
    views.setup(app)  # timeline, skills map, fact lines, the figure ... every format
    resume.setup(app)  # resume.json, the PDF's résumé pages, the variants
    search.setup(app)  # search: each page once, with an excerpt, the work first
    site.setup(app)  # delivery: head metadata, assets, sitemap, reproducibility
    return {
        "version": "1",
        "env_version": 7,  # bump when what the extension keeps on the env changes
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
