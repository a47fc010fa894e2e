"""robots.txt for the HTML site: everything may be crawled, and the sitemap
(sphinx-sitemap) is here. Written from html_baseurl, the one place the
site's address is configured, so the file never repeats it by hand.

Read the Docs serves the default version's robots.txt at the domain root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ..shared import WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ROBOTS_TXT = """\
# https://www.rfc-editor.org/rfc/rfc9309
User-agent: *
Allow: /

Sitemap: {sitemap}
"""


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    # Only the website: the ePub and LaTeX builders have no use for it.
    # Sites without sphinx-sitemap (the test fixtures) have no sitemap to name.
    filename = getattr(app.config, "sitemap_filename", None)
    if exception or app.builder.name not in WEBSITE_BUILDERS or not filename:
        return
    sitemap = urljoin(app.config.html_baseurl, filename)
    (app.outdir / "robots.txt").write_text(ROBOTS_TXT.format(sitemap=sitemap), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write_robots_txt)
