r"""The résumé in the LaTeX build: pages 1-2 of the portfolio PDF, and the
standalone résumé beside it.

At the end of a LaTeX build, into Sphinx's output:

    portfolio.sty         the rest of the PDF around the résumé (texinputs/)
    portfolioresume.sty   the résumé's layout: the look lives there (texinputs/)
    resume/front.tex      the résumé pages; conf.py's ``maketitle`` inputs it
    resume/resume.tex     the standalone résumé, with a copy of its layout
    resume/resume.pdf     resume.tex as typeset.py fitted and typeset it (and .log)

They sit in ``resume/`` because latexmk, run as Read the Docs runs it (no file
argument), typesets every ``*.tex`` file of the output directory under the one
job name.

The private variant adds the phone number to the standalone résumé only, and
only when ``portfolio_private`` is set: the number comes from the environment
(``PORTFOLIO_PHONE``) or the untracked ``.private/phone``, never from a
committed file, and Read the Docs builds (``portfolio_readthedocs``) refuse
the option outright. The number is read here, when the résumé is written,
and is no configuration value: Sphinx pickles those into _build/doctrees.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.console import bold

from .. import model
from . import typeset
from .tex import PACKAGES, TEXINPUTS, Target, front_pages, standalone

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger(__name__)

PHONE_FILE = Path(".private") / "phone"  # relative to the source directory
PHONE_VARIABLE = "PORTFOLIO_PHONE"


def standalone_target(builder: Builder, private: bool) -> Target:
    """The standalone résumé's target: links to the published site, and the
    phone number only in a private copy (``portfolio_private``)."""
    return Target(standalone=True, baseurl=builder.config.html_baseurl,
                  phone=_phone(Path(builder.srcdir)) if private else None)


# -- The private variant ----------------------------------------------------------

def _check_private(app: Sphinx, config: Config) -> None:
    """Refuse the private variant where it could be published; else fail early
    if there is no number to add."""
    if not config.portfolio_private:
        return
    if config.portfolio_readthedocs:
        raise ConfigError(
            "portfolio_private (PORTFOLIO_PRIVATE=1) adds the phone number to the "
            "résumé; Read the Docs publishes what it builds, so it is refused there."
        )
    _phone(Path(app.srcdir))


def _phone(srcdir: Path) -> str:
    """The phone number for the private variant: environment, else .private/phone."""
    phone = os.environ.get(PHONE_VARIABLE, "").strip()
    if not phone and (srcdir / PHONE_FILE).is_file():
        phone = (srcdir / PHONE_FILE).read_text(encoding="utf-8").strip()
    if not phone:
        raise ConfigError(
            f"portfolio_private is set but there is no phone number: set {PHONE_VARIABLE} "
            f"or write it to {PHONE_FILE} (untracked)."
        )
    return phone


# -- Writing ------------------------------------------------------------------------

def _write(app: Sphinx, exception: Exception | None) -> None:
    if (exception is not None or app.builder.name != "latex"
            or typeset.held_back(app.env, "resume/resume.pdf")):
        return
    career = model.career(app.env)
    outdir = Path(app.outdir)
    target = standalone_target(app.builder, app.config.portfolio_private)
    declaration = app.env.portfolio_variants
    setter = typeset.typesetter(app.builder)
    if declaration.full_variant:
        # Pages 1-2 show what the full résumé variant keeps: as many bullets
        # as its page limit allows, measured as the website's copy is. The
        # fitted PDF is the standalone résumé: nothing typesets it twice.
        fitted = setter.fit(career, declaration.full_variant, declaration.priority, target)
        career, pdf = fitted.shown, fitted.pdf
    source = standalone(career, target, setter.fontpkg)
    if not declaration.full_variant:  # no page limit to fit: typeset as it is
        pdf, _ = setter.pdf(source, setter.work / "resume", "the résumé")
    sty = {name: (TEXINPUTS / f"{name}.sty").read_text(encoding="utf-8") for name in PACKAGES}
    files = {
        **{outdir / f"{name}.sty": text for name, text in sty.items()},
        outdir / "resume" / "portfolioresume.sty": sty["portfolioresume"],
        outdir / "resume" / "front.tex": front_pages(career),
        outdir / "resume" / "resume.tex": source,
    }
    for path, text in files.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for suffix in (".pdf", ".log"):  # the log for whoever checks it (the tests do)
        shutil.copyfile(pdf.with_suffix(suffix), outdir / "resume" / f"resume{suffix}")
    if target.phone:
        logger.info(bold("resume/resume.pdf has the phone number: send it, never publish it."))


def setup(app: Sphinx) -> None:
    for name in PACKAGES:
        app.add_latex_package(name, after_hyperref=True)
    app.connect("config-inited", _check_private)
    app.connect("build-finished", _write)
