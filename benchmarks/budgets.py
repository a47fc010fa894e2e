"""The budgets (issue 5), each checked against one benchmark result.

Speed is how a portfolio feels: a reader on a phone gives it two seconds, and
the owner edits it in a live preview. These are the targets; the benchmark
reports each one as met or not, with the number it measured.
"""

from __future__ import annotations

from dataclasses import dataclass

KiB = 1024

LIGHTHOUSE_MOBILE = 100  # every category, every page kind
PAGE_BYTES = 100 * KiB  # total transfer, uncompressed, search index excluded
PAGE_GZIP_BYTES = 25 * KiB  # the same, as sent with gzip
MOBILE_LCP_S = 1.2
COLD_HTML_S = 3.0
INCREMENTAL_S = 1.0
BUILD_SESSION_S = 30.0  # HTML, ePub and PDF, as `./run build` makes them


@dataclass
class Verdict:
    budget: str
    measured: str
    met: bool


def _aggregate(page: str) -> bool:
    """Pages that gather others (indexes, the landing page, the bibliography),
    which an edit to one role may rightly re-read; role and contribution
    pages themselves are not."""
    return page == "index" or page.endswith("/index") or "/" not in page


def check(results: dict) -> list[Verdict]:
    verdicts: list[Verdict] = []
    ours = results.get("reader", {}).get("ours", {})
    for kind, r in ours.get("mobile", {}).items():
        scores = r["scores"]
        verdicts.append(Verdict(
            f"Lighthouse mobile 100/100/100/100: {kind}",
            "/".join(f"{scores[c]:g}" for c in scores)
            + (f" (failing: {', '.join(r['failed'])})" if r["failed"] else ""),
            all(s >= LIGHTHOUSE_MOBILE for s in scores.values()),
        ))
    for kind, r in ours.get("mobile", {}).items():
        verdicts.append(Verdict(
            f"transfer <= 100 KiB, <= 25 KiB gzip: {kind}",
            f"{r['bytes'] / KiB:.1f} KiB, {r['gzip_bytes'] / KiB:.1f} KiB gzip",
            r["bytes"] <= PAGE_BYTES and r["gzip_bytes"] <= PAGE_GZIP_BYTES,
        ))
    if weights := ours.get("pages"):
        heaviest = max(weights, key=lambda w: w["bytes"])
        heaviest_gz = max(weights, key=lambda w: w["gzip_bytes"])
        verdicts.append(Verdict(
            f"every page (all {len(weights)}, files) <= 100 KiB, <= 25 KiB gzip",
            f"heaviest {heaviest['page']} {heaviest['bytes'] / KiB:.1f} KiB, "
            f"{heaviest_gz['page']} {heaviest_gz['gzip_bytes'] / KiB:.1f} KiB gzip",
            heaviest["bytes"] <= PAGE_BYTES and heaviest_gz["gzip_bytes"] <= PAGE_GZIP_BYTES,
        ))
    for kind, r in ours.get("mobile", {}).items():
        verdicts.append(Verdict(
            f"mobile LCP <= {MOBILE_LCP_S} s: {kind}", f"{r['lcp_s']:.2f} s",
            r["lcp_s"] <= MOBILE_LCP_S,
        ))

    author = results.get("author", {}).get("ours", {})
    if "html" in author:
        verdicts.append(Verdict(
            f"cold HTML build <= {COLD_HTML_S:g} s", f"{author['html']:.2f} s",
            author["html"] <= COLD_HTML_S,
        ))
    for key in ("incremental_jauto", "incremental_j1"):
        if not (inc := author.get(key)):
            continue
        verdicts.append(Verdict(
            f"incremental HTML rebuild (-j {inc['jobs']}) <= {INCREMENTAL_S:g} s",
            f"{inc['seconds']:.2f} s", inc["seconds"] <= INCREMENTAL_S,
        ))
        others = [p for p in inc["reread"] if p != inc["page"] and not _aggregate(p)]
        verdicts.append(Verdict(
            f"incremental (-j {inc['jobs']}) re-reads only the page and aggregate pages",
            f"{inc['changed']} re-read: {', '.join(inc['reread'])}",
            bool(inc["reread"]) and inc["page"] in inc["reread"] and not others,
        ))
    if "session" in author:
        verdicts.append(Verdict(
            f"build session (HTML+ePub+PDF) <= {BUILD_SESSION_S:g} s",
            f"{author['session']:.1f} s", author["session"] <= BUILD_SESSION_S,
        ))
    return verdicts
