"""Screenshots of the built site and PDFs, for a person to look at before a
release: every page kind at a phone's width (390 px) and a desktop's
(1440 px), light and dark, and every page of each PDF.

    python -m tools.shots [BUILD_DIR]   # default _build; writes BUILD_DIR/shots/

The site is served as a host serves it (tools/serve.py: its published path,
the 404 page) and shown in Debian's Chromium (tools/chromium.py). Furo follows
the reader's colour scheme until they pick one, so dark is Chromium's
``prefers-color-scheme: dark``. PDF pages are drawn by pdftoppm (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tools import chromium
from tools.build import BUILD
from tools.serve import serve

# One page of each kind: name -> its path under the site's root.
KINDS = {
    "landing": "index.html",
    "experience": "experience/index.html",
    "role": "experience/aws.html",
    "open-source": "open-source/index.html",
    "contribution": "open-source/pypi/warehouse.html",
    "pep": "open-source/packaging/pep-440.html",
    "standards": "standards.html",
    "skills": "skills.html",
    "search": "search.html?q=pip",
    "404": "no/such/page.html",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}
SCHEMES = ("light", "dark")
PDF_RESOLUTION = 60  # dots per inch: a page about 500 px wide, enough to judge layout


def site_prefix(html: Path) -> str:
    """The path the site is published under, from its canonical links."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"',
                      (html / "index.html").read_text(encoding="utf-8"))
    return urlsplit(found[1]).path.removesuffix("index.html") if found else "/"


def pages(html: Path, out: Path) -> list[Path]:
    """Each page kind at each width and scheme, as a full-page PNG."""
    written = []
    with serve(html, site_prefix(html)) as server, chromium.launch() as browser:
        for (size, viewport) in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              is_mobile=size == "phone", has_touch=size == "phone")
                page = context.new_page()
                for kind, path in KINDS.items():
                    page.goto(server.page(path))
                    page.wait_for_load_state("networkidle")
                    target = out / f"{kind}-{viewport['width']}-{scheme}.png"
                    page.screenshot(path=target, full_page=True)
                    written.append(target)
                context.close()
    return written


def pdf_pages(build: Path, out: Path) -> list[Path]:
    """Every page of each PDF the build wrote, one PNG each."""
    written = []
    pdfs = [build / "latex" / "donald-stufft.pdf", build / "latex" / "resume" / "resume.pdf",
            *sorted((build / "html").glob("*.pdf"))]
    for pdf in (p for p in pdfs if p.is_file()):
        # The site's PDF, the standalone résumé, and the downloads by name.
        name = {build / "latex": "site", build / "latex" / "resume": "resume-standalone"}.get(
            pdf.parent, pdf.stem)
        prefix = out / "pdf" / name
        prefix.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", str(PDF_RESOLUTION), str(pdf), str(prefix)],
                       check=True)
        written += sorted(prefix.parent.glob(f"{name}-*.png"))
    return written


def main(argv: list[str]) -> None:
    build = Path(argv[0]) if argv else BUILD
    html = build / "html"
    if not (html / "index.html").is_file():
        sys.exit(f"{html} has no site: run ./run build first")
    out = build / "shots"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shots = pages(html, out) + pdf_pages(build, out)
    print(f"{len(shots)} screenshots in {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
