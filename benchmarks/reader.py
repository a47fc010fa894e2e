"""The reader's side: what a page costs to load and how fast search answers.

Lighthouse (npm, pinned in package-lock.json) audits each page kind in
headless Chromium (tools/chromium.py: Debian's, else Playwright's), served
from localhost with gzip (tools/serve.py);
Playwright times a search in the same browser.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from tools import chromium
from tools.build import ROOT
from tools.serve import Server

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SEARCH_INDEX = "searchindex.js"  # excluded from page weight budgets
QUERY = "pypi"  # a word on most pages, so search shows many results


def page_kinds(src: Path) -> dict[str, str]:
    """One page of each kind a reader lands on, as a URL path."""

    def first(pattern: str) -> str:
        pages = sorted(p for p in src.glob(pattern) if p.name != "index.md")
        return pages[0].relative_to(src).with_suffix(".html").as_posix()

    return {
        "landing": "",
        "role": first("experience/*.md"),
        "contribution": first("open-source/*/*.md"),
        "standards": "standards.html",
        "search": f"search.html?q={QUERY}",
    }


# -- Lighthouse -----------------------------------------------------------------


def lighthouse(url: str, preset: str) -> dict:
    """One Lighthouse run of url with the "mobile" or "desktop" preset."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            # root in a container: Chromium's sandbox needs user namespaces
            "--chrome-flags=--headless=new --no-sandbox",
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chromium.executable()}, check=True,
                       capture_output=True, cwd=tmp)
        data = json.loads(report.read_text())
    audits = data["audits"]
    requests = audits["network-requests"]["details"]["items"]
    weighed = [r for r in requests if not urlsplit(r["url"]).path.endswith(SEARCH_INDEX)]
    return {
        "scores": {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "bytes": sum(r.get("resourceSize", 0) for r in weighed),
        "gzip_bytes": sum(r.get("transferSize", 0) for r in weighed),
        "requests": len(requests),
        # where the weight is: each request's path, bytes on the wire, bytes
        "files": [[urlsplit(r["url"]).path, r.get("transferSize", 0), r.get("resourceSize", 0)]
                  for r in requests],
        # what cost points: the audits a category counts that did not pass
        "failed": sorted(
            ref["id"]
            for c in CATEGORIES
            for ref in data["categories"][c]["auditRefs"]
            if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 1
            and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
        ),
    }


def median_run(runs: list[dict]) -> dict:
    """The median of each number over runs; failed audits from every run."""
    return {
        "scores": {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES},
        **{k: statistics.median(r[k] for r in runs)
           for k in ("lcp_s", "fcp_s", "bytes", "gzip_bytes", "requests")},
        "failed": sorted({a for r in runs for a in r["failed"]}),
        "files": runs[0]["files"],
        "runs": len(runs),
    }


# -- Page weight of every page, counted from the files ---------------------------


class _Assets(HTMLParser):
    """The files a page makes the browser fetch before it is complete."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and {"stylesheet", "icon", "preload"} & set((a.get("rel") or "").split()):
            self.urls.append(a.get("href") or "")
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"] or "")


def page_weights(html_dir: Path) -> list[dict]:
    """Each page's own bytes plus its local assets', raw and gzipped.

    Counts files, not a browser: no HTTP headers and no favicon.ico probe.
    The search index is left out, as the budget says.
    """
    sizes: dict[Path, tuple[int, int]] = {}

    def size(path: Path) -> tuple[int, int]:
        if path not in sizes:
            data = path.read_bytes()
            sizes[path] = (len(data), len(gzip.compress(data, 6)))
        return sizes[path]

    weights = []
    for page in sorted(html_dir.rglob("*.html")):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        files = {page}
        for url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # data: URIs and other hosts (there should be none)
            target = (page.parent / parts.path).resolve()
            if target.name != SEARCH_INDEX and target.is_file():
                files.add(target)
        raw = sum(size(f)[0] for f in files)
        packed = sum(size(f)[1] for f in files)
        weights.append({"page": page.relative_to(html_dir).as_posix(), "bytes": raw,
                        "gzip_bytes": packed, "files": len(files)})
    return weights


def search_index(html_dir: Path) -> dict:
    data = (html_dir / SEARCH_INDEX).read_bytes()
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6))}


# -- Search ---------------------------------------------------------------------------


def search_times(server: Server, runs: int) -> list[float]:
    """Seconds from pressing Enter on a typed query to the first result shown.

    Every run is a new browser profile that has loaded the search page once,
    as a reader who opens search and types. Each theme's search page has a
    visible query box; all use Sphinx's searchtools.js.
    """
    times = []
    with chromium.launch() as browser:
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.page("search.html"), wait_until="load")
            box = page.locator('input[name="q"]:visible').first
            box.fill(QUERY)
            start = time.perf_counter()
            box.press("Enter")
            page.locator("ul.search li").first.wait_for(state="visible")
            times.append(time.perf_counter() - start)
            context.close()
    return times
