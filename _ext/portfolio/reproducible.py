"""Byte-identical outputs from one commit (https://reproducible-builds.org/).

Sphinx dates the ePub's metadata from SOURCE_DATE_EPOCH, but its zip
entries carry each file's modification time, which changes with every build.
Rewrite the archive with every entry dated SOURCE_DATE_EPOCH, in the same
order and with the same compression (mimetype first, stored), as
strip-nondeterminism does for Debian packages.
"""

from __future__ import annotations

import os
import time
import zipfile

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
            epub.writestr(info, data)
