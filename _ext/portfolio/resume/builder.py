"""``sphinx-build -b resume``: the résumé variants alone, on demand.

Writes ``<name>.pdf``, ``<name>.txt`` and ``<name>.docx`` for every variant
index.md declares into the output directory, or, given a focus, a job
posting or a page limit, one variant made up on the spot (``./run resume --
--focus Security --pages 1``, ``./run resume -- --job posting.txt``)::

    -D portfolio_resume_focus="Security,Supply Chain Security"   skills, languages or projects
    -D portfolio_resume_job=/path/to/posting.txt                 a job posting, as text
    -D portfolio_resume_pages=1                                   the page limit (default 2)

For a job posting the files are ``resume-job-<posting's name>``: the
résumé's bullets, verbatim, ranked by how relevant their words are to the
posting's (``relevance``), as many as fit; the log then says which of the
posting's terms the résumé covers, with the bullets that carry them, and
which of its frequent terms it does not.

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
from . import relevance, typeset, variants
from .latex import standalone_target

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def requested(config, c: model.Career) -> variants.Variant | None:
    """The variant the command line asks for, if it asks for one."""
    names, pages = config.portfolio_resume_focus, config.portfolio_resume_pages
    job = config.portfolio_resume_job
    if not names and not pages and not job:
        return None
    if names and job:
        raise ConfigError("portfolio_resume_focus and portfolio_resume_job: one or the other")
    taxonomy = [*c.person.skills, *c.person.languages]
    projects = [p.name for p in c.projects]
    unknown = [n for n in names if n not in taxonomy and n not in projects]
    if unknown:
        raise ConfigError(f"portfolio_resume_focus: unknown {', '.join(map(repr, unknown))}; "
                          f"allowed: {', '.join([*taxonomy, *projects])}")
    if pages < 0 or (pages == 0 and not names and not job):
        raise ConfigError("portfolio_resume_pages: a page limit is 1 or more")
    pages = pages or 2
    if job:
        path = Path(job)
        if not path.is_file():
            raise ConfigError(f"portfolio_resume_job: no such file: {job}")
        return variants.Variant(f"resume-job-{_slug(path.stem)}", pages,
                                posting=path.read_text(encoding="utf-8"))
    slug = "-".join(_slug(n) for n in names)
    name = "-".join(filter(None, ["resume", slug, f"{pages}-page"]))
    focus = variants.Focus(tuple(n for n in names if n in taxonomy),
                           tuple(n for n in names if n in projects))
    return variants.Variant(name, pages, focus)


def report(c: model.Career, posting: str, carriers: int = 3) -> list[str]:
    """What the résumé covers of a job posting's terms, and what it does not."""
    found = variants.bullets(c)
    parts = {str(b): b.text for b in found}
    person = c.person
    parts.update({"Summary": person.summary, "Skills": ", ".join(person.skills),
                  "Languages": ", ".join(person.languages)})
    covered, missing = relevance.coverage(posting, parts)
    lines = ["The posting's terms the résumé covers (times in the posting: where):"]
    for term in covered:
        more = len(term.carriers) - carriers
        lines.append(f"  {term.word} ({term.count}): {', '.join(term.carriers[:carriers])}"
                     + (f" and {more} more" if more > 0 else ""))
    lines.append("Frequent terms of the posting the résumé does not cover:")
    lines.append("  " + (", ".join(f"{t.word} ({t.count})" for t in missing) or "none"))
    return lines


class ResumeBuilder(DummyBuilder):
    name = "resume"
    epilog = "The résumé variants are in %(outdir)s."
    allow_parallel = True

    def finish(self) -> None:
        if typeset.held_back(self.env, "résumé variants"):
            return
        c = model.career(self.env)
        declaration = self.env.portfolio_variants
        wanted = requested(self.config, c)
        chosen = [wanted] if wanted else declaration.variants
        private = self.config.portfolio_private
        target = standalone_target(self, private)
        results = typeset.fit_all(self, c, chosen, declaration.priority, target)
        typeset.write(results, Path(self.outdir))
        for r in results:
            logger.info(f"{r.variant.name}.pdf ({r.page_count} page(s)), {r.variant.name}.txt, "
                        f"{r.variant.name}.docx")
        if wanted and wanted.posting:
            for line in report(c, wanted.posting):
                logger.info(line)
        if private:
            logger.info(bold("These résumés have the phone number: send them, never publish them."))


def setup(app: Sphinx) -> None:
    app.add_builder(ResumeBuilder)
