"""Byte-identical outputs from one commit (https://reproducible-builds.org/).

Two things vary between builds of the same sources without help:

- the ePub's zip entries carry each file's modification time and
  permissions (Sphinx dates only the metadata from SOURCE_DATE_EPOCH): the
  archive is rewritten with every entry dated SOURCE_DATE_EPOCH and
  readable by all, in the same order and with the same compression
  (mimetype first, stored), as strip-nondeterminism does for Debian packages;
- sphinx-sitemap lists pages in the order they were written, which varies
  when they are written in parallel: the sitemap is sorted by URL.
"""

from __future__ import annotations

import os
import time
import zipfile
from xml.etree import ElementTree

from sphinx.application import Sphinx


def normalize_epub(app: Sphinx, exception: Exception | None) -> None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if exception or app.builder.name != "epub" or not epoch:
        return
    date_time = time.gmtime(int(epoch))[:6]
    path = app.outdir / f"{app.config.epub_basename}.epub"
    with zipfile.ZipFile(path) as epub:
        entries = [(info, epub.read(info)) for info in epub.infolist()]
    with zipfile.ZipFile(path, "w") as epub:
        for info, data in entries:
            info.date_time = date_time
            info.external_attr = 0o644 << 16  # rw-r--r--, whatever the umask
            epub.writestr(info, data)


def sort_sitemap(app: Sphinx, exception: Exception | None) -> None:
    path = app.outdir / app.config.sitemap_filename
    if exception or app.builder.name not in {"html", "dirhtml"} or not path.exists():
        return
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    tree = ElementTree.parse(path)
    urlset = tree.getroot()
    urlset[:] = sorted(urlset, key=lambda url: url.findtext(f"{{{namespace}}}loc"))
    tree.write(path, xml_declaration=True, encoding="utf-8", default_namespace=namespace)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", normalize_epub)
    # After sphinx-sitemap has written the sitemap (default priority 500).
    app.connect("build-finished", sort_sitemap, priority=900)
