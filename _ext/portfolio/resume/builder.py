"""``sphinx-build -b resume``: the résumé variants alone, on demand.

Writes ``<name>.pdf`` and ``<name>.txt`` for every variant index.md declares
into the output directory, or, given a focus or a page limit, one variant
made up on the spot (``./run resume -- --focus Security --pages 1``)::

    -D portfolio_resume_focus="Security,Supply Chain Security"   skills, languages or projects
    -D portfolio_resume_pages=1                                   the page limit (default 2)

With ``portfolio_private`` (PORTFOLIO_PRIVATE=1) every file has the phone
number, for sending to one recruiter; ``latex.py`` refuses that on Read the
Docs. The website's copies never have it (``download.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.dummy import DummyBuilder
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.console import bold

from .. import model
from . import typeset, variants
from .latex import standalone_target

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def requested(config, c: model.Career) -> variants.Variant | None:
    """The variant the command line asks for, if it asks for one."""
    names, pages = config.portfolio_resume_focus, config.portfolio_resume_pages
    if not names and not pages:
        return None
    taxonomy = [*c.person.skills, *c.person.languages]
    projects = [p.name for p in c.projects]
    unknown = [n for n in names if n not in taxonomy and n not in projects]
    if unknown:
        raise ConfigError(f"portfolio_resume_focus: unknown {', '.join(map(repr, unknown))}; "
                          f"allowed: {', '.join([*taxonomy, *projects])}")
    if pages < 0 or (pages == 0 and not names):
        raise ConfigError("portfolio_resume_pages: a page limit is 1 or more")
    pages = pages or 2
    slug = "-".join(re.sub(r"[^a-z0-9]+", "-", n.lower()).strip("-") for n in names)
    name = "-".join(filter(None, ["resume", slug, f"{pages}-page"]))
    focus = variants.Focus(tuple(n for n in names if n in taxonomy),
                           tuple(n for n in names if n in projects))
    return variants.Variant(name, pages, focus)


class ResumeBuilder(DummyBuilder):
    name = "resume"
    epilog = "The résumé variants are in %(outdir)s."
    allow_parallel = True

    def finish(self) -> None:
        c = model.career(self.env)
        declaration = self.env.portfolio_variants
        wanted = requested(self.config, c)
        chosen = [wanted] if wanted else declaration.variants
        private = self.config.portfolio_private
        target = standalone_target(self, private)
        results = typeset.fit_all(self, c, chosen, declaration.priority, target)
        typeset.write(results, Path(self.outdir))
        for r in results:
            logger.info(f"{r.variant.name}.pdf: {r.page_count} page(s), {r.kept} of "
                        f"{r.eligible} bullets; {r.variant.name}.txt")
        if private:
            logger.info(bold("These résumés have the phone number: send them, never publish them."))


def setup(app: Sphinx) -> None:
    app.add_builder(ResumeBuilder)
