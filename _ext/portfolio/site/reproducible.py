"""Byte-identical outputs from one commit (https://reproducible-builds.org/).

Two things vary between builds of the same sources without help:

- the ePub's zip entries carry each file's modification time and
  permissions (Sphinx dates only the metadata from SOURCE_DATE_EPOCH): the
  archive is rewritten with every entry dated SOURCE_DATE_EPOCH and
  readable by all, in the same order and with the same compression
  (mimetype first, stored), as strip-nondeterminism does for Debian packages;
- sphinx-sitemap lists pages in the order they were written, which varies
  when they are written in parallel: the sitemap is sorted by URL;
- the PDF's dates (CreationDate, ModDate) and document ID are written by
  xdvipdfmx from SOURCE_DATE_EPOCH, else from the clock. Read the Docs runs
  latexmk after Sphinx, with no SOURCE_DATE_EPOCH in its environment, so the
  build's date travels in the one file latexmk is told to read: Sphinx's
  latexmkrc (``latexmk -r latexmkrc``), a Perl file whose ``$ENV{...}``
  settings every program latexmk runs inherits. A date given to hyperref
  (pdfcreationdate) would fix the two dates but not the ID, so the PDF
  would still differ byte for byte between builds.
"""

from __future__ import annotations

import time
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from .. import model
from ..shared import WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def normalize_epub(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.name != "epub":
        return
    date_time = time.gmtime(model.source_date_epoch(app.config))[:6]
    path = app.outdir / f"{app.config.epub_basename}.epub"
    with zipfile.ZipFile(path) as epub:
        entries = [(info, epub.read(info)) for info in epub.infolist()]
    with zipfile.ZipFile(path, "w") as epub:
        for info, data in entries:
            info.date_time = date_time
            info.external_attr = 0o644 << 16  # rw-r--r--, whatever the umask
            epub.writestr(info, data)


_LATEXMKRC_DATE = "\n# The build's date (portfolio extension): the PDF is dated as the HTML.\n"


def date_latexmk(app: Sphinx, exception: Exception | None) -> None:
    """Add the build's SOURCE_DATE_EPOCH to latexmkrc, for xdvipdfmx."""
    latexmkrc = app.outdir / "latexmkrc"
    if exception or app.builder.name != "latex" or not latexmkrc.exists():
        return
    # An incremental build may keep the last build's latexmkrc: replace its date.
    text = latexmkrc.read_text(encoding="utf-8").split(_LATEXMKRC_DATE)[0]
    epoch = model.source_date_epoch(app.config)
    latexmkrc.write_text(f"{text}{_LATEXMKRC_DATE}$ENV{{'SOURCE_DATE_EPOCH'}} = '{epoch}';\n",
                         encoding="utf-8")


def sort_sitemap(app: Sphinx, exception: Exception | None) -> None:
    # Sites without sphinx-sitemap (the test fixtures) have no such setting.
    filename = getattr(app.config, "sitemap_filename", None)
    if exception or app.builder.name not in WEBSITE_BUILDERS or not filename:
        return
    path = app.outdir / filename
    if not path.exists():
        return
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    tree = ElementTree.parse(path)
    urlset = tree.getroot()
    urlset[:] = sorted(urlset, key=lambda url: url.findtext(f"{{{namespace}}}loc"))
    tree.write(path, xml_declaration=True, encoding="utf-8", default_namespace=namespace)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", normalize_epub)
    app.connect("build-finished", date_latexmk)
    # After sphinx-sitemap has written the sitemap (default priority 500).
    app.connect("build-finished", sort_sitemap, priority=900)
