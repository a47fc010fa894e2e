"""The speed benchmark: the reader's and the author's, ours beside peer themes.

    ./run bench                    # nox -s bench: everything, median of 3 runs
    ./run bench --runs 5           # more runs
    ./run bench --no-peers --no-pdf  # quicker, while working on one thing

Prints a table and writes it as JSON to _build/bench/results.json. Not a
test: timings depend on the machine and on what else it is doing. The
budgets it checks are in benchmarks/budgets.py; past results and what
changed them are in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
from pathlib import Path

from benchmarks import author, budgets, reader
from tools import readthedocs
from tools.build import BUILD, ROOT, Outputs
from tools.serve import serve

OUT = BUILD / "bench"
KiB = 1024


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure_author(src: Path, sites: list[author.Site], runs: int, pdf: bool) -> dict:
    work = OUT / "work"
    results: dict = {}
    role = reader.page_kinds(src)["role"].removesuffix(".html")
    html: dict[str, list[float]] = {}
    for site in sites:
        print(f"  cold HTML builds: {site.name}", flush=True)
        html[site.name] = [author.cold("html", src, work / site.name, site=site)
                           for _ in range(runs)]
        results[site.name] = {"html": _median(html[site.name])}
    ours = results["ours"]
    print("  cold HTML builds: ours, -j auto", flush=True)
    ours["html_jauto"] = _median(
        [author.cold("html", src, work / "jauto", jobs="auto") for _ in range(runs)])
    print("  cold ePub builds", flush=True)
    epub = [author.cold("epub", src, work / "epub") for _ in range(runs)]
    ours["epub"] = _median(epub)
    if pdf:
        print("  cold PDF builds", flush=True)
        latex = [author.cold("pdf", src, work / "latex") for _ in range(runs)]
        ours["pdf"] = _median(latex)
        # `./run build` builds the three one after another
        runs_together = zip(html["ours"], epub, latex, strict=True)
        ours["session"] = _median([h + e + p for h, e, p in runs_together])
    print("  cold `./run build` (HTML, ePub and PDF in one plan)", flush=True)
    ours["build"] = _median([author.cold("build", src, work / "build") for _ in range(runs)])
    print("  preview: a bullet edit and a prose edit, until the browser reloads", flush=True)
    edits = author.preview_edits(author.copy_sources(OUT / "preview-src"), work / "preview", runs)
    ours["preview"] = {"start": edits.start, "bullet": _median(edits.bullet),
                       "prose": _median(edits.prose), "variants": _median(edits.variants)}
    for jobs in ("auto", "1"):
        print(f"  incremental HTML builds after editing {role}, -j {jobs}", flush=True)
        edits = [author.incremental(src, work / f"incremental-j{jobs}", src / f"{role}.md", i,
                                    jobs=jobs) for i in range(runs)]
        ours[f"incremental_j{jobs}"] = {
            "page": role,
            "jobs": jobs,
            "seconds": _median([e.seconds for e in edits]),
            "changed": max(e.changed for e in edits),
            "reread": sorted({p for e in edits for p in e.reread}),
        }
    return results


def measure_reader(src: Path, sites: list[author.Site], runs: int) -> dict:
    kinds = reader.page_kinds(src)
    results: dict = {}
    for site in sites:
        html = Outputs(OUT / "work" / site.name).html
        presets = ("mobile", "desktop") if site is author.OURS else ("mobile",)
        entry: dict = {
            "search_index": reader.search_index(html), "pages": reader.page_weights(html),
        }
        with serve(html) as server:
            for preset in presets:
                entry[preset] = {}
                for kind, path in kinds.items():
                    print(f"  Lighthouse {preset}: {site.name} {kind}", flush=True)
                    entry[preset][kind] = reader.median_run(
                        [reader.lighthouse(server.page(path), preset) for _ in range(runs)]
                    )
            print(f"  search: {site.name}", flush=True)
            entry["search_s"] = _median(reader.search_times(server, runs))
        results[site.name] = entry
    return results


# The pages Read the Docs' Addons script is measured on: the landing page
# and search, the page whose box the script's search could take over.
SERVED_KINDS = ("landing", "search")


def measure_served(src: Path, runs: int) -> dict:
    """Our pages as Read the Docs serves them: its Addons script injected."""
    missing = readthedocs.addons_missing()
    if missing:
        print(f"  as served: skipped, {missing}", flush=True)
        return {"skipped": missing}
    kinds = reader.page_kinds(src)
    served = readthedocs.served_copy(Outputs(OUT / "work" / author.OURS.name).html,
                                      OUT / "work" / "served")
    results: dict = {"mobile": {}}
    answers = {readthedocs.ADDONS_API_URL: readthedocs.ADDONS_CONFIG}
    with serve(served, answers=answers) as server:
        for kind in SERVED_KINDS:
            print(f"  Lighthouse mobile: as served {kind}", flush=True)
            results["mobile"][kind] = reader.median_run(
                [reader.lighthouse(server.page(kinds[kind]), "mobile") for _ in range(runs)])
    return results


def _ratio(mine: dict, theirs: dict, key: str) -> str:
    """Ours / theirs for one measure, the median over page kinds."""
    return f"{_median([mine[kind][key] / theirs[kind][key] for kind in mine]):.2f}"


# -- The table ----------------------------------------------------------------------


def _row(cells: list[str], widths: list[int]) -> str:
    """Numbers to the right, words to the left."""
    return "  ".join(c.rjust(w) if re.fullmatch(r"-?[\d.]+", c) else c.ljust(w)
                     for c, w in zip(cells, widths, strict=False)).rstrip()


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join([_row(header, widths), _row(["-" * w for w in widths], widths),
                      *(_row(r, widths) for r in rows)])


def report(results: dict) -> str:
    load = " to ".join(f"{x:.1f}" for x in results["load_average"])
    parts = [(f"Benchmark of {results['commit']}, median of {results['runs']} runs "
              f"({results['machine']}, load average {load})")]
    rd = results.get("reader")
    if rd:
        rows = []
        for kind in next(iter(rd.values()))["mobile"]:
            for site, entry in rd.items():
                for preset in ("mobile", "desktop"):
                    if preset not in entry:
                        continue
                    r = entry[preset][kind]
                    s = r["scores"]
                    rows.append([
                        kind, site if preset == "mobile" else f"{site} (desktop)",
                        "/".join(f"{s[c]:g}" for c in reader.CATEGORIES),
                        f"{r['lcp_s']:.2f}", f"{r['bytes'] / KiB:.1f}",
                        f"{r['gzip_bytes'] / KiB:.1f}", f"{r['requests']:g}",
                    ])
        parts.append("Reader: Lighthouse (perf/a11y/best practices/SEO), largest contentful "
                     "paint, transfer without the search index\n" + _table(
                         ["page", "site", "scores", "LCP s", "KiB", "gzip KiB", "requests"], rows))
        rows = [[site, f"{e['search_index']['bytes'] / KiB:.1f}",
                 f"{e['search_index']['gzip_bytes'] / KiB:.1f}",
                 f"{e['search_s'] * 1000:.0f}",
                 f"{max(w['bytes'] for w in e['pages']) / KiB:.1f}",
                 f"{max(w['gzip_bytes'] for w in e['pages']) / KiB:.1f}"]
                for site, e in rd.items()]
        parts.append(f"Search (query {reader.QUERY!r}: Enter to first result) and the heaviest "
                     "page counted from the files\n" + _table(
                         ["site", "index KiB", "index gzip", "search ms",
                          "max page KiB", "max gzip KiB"], rows))
    served = results.get("served")
    if rd and served and "skipped" in served:
        parts.append(f"As served by Read the Docs: skipped, {served['skipped']}")
    elif rd and served:
        rows = []
        for kind, r in served["mobile"].items():
            for name, entry in (("ours", rd["ours"]["mobile"][kind]), ("as served", r)):
                s = entry["scores"]
                rows.append([kind, name, "/".join(f"{s[c]:g}" for c in reader.CATEGORIES),
                             f"{entry['lcp_s']:.2f}", f"{entry['bytes'] / KiB:.1f}",
                             f"{entry['gzip_bytes'] / KiB:.1f}", f"{entry['requests']:g}"])
        parts.append("As served by Read the Docs (mobile): its Addons script injected, "
                     "every addon off, no ad\n" + _table(
                         ["page", "site", "scores", "LCP s", "KiB", "gzip KiB", "requests"], rows))
    au = results.get("author")
    if au:
        ours = au["ours"]
        rows = [[name, f"{ours[key]:.2f}"] for key, name in [
            ("html", "cold HTML (-j 1, the build's)"), ("html_jauto", "cold HTML (-j auto)"),
            ("epub", "cold ePub"), ("pdf", "cold PDF (LaTeX + latexmk)"),
            ("session", "build session: HTML + ePub + PDF"),
            ("build", "cold `./run build` (one plan: HTML, ePub, PDF)")] if key in ours]
        if preview := ours.get("preview"):
            rows += [[name, f"{preview[key]:.2f}"] for key, name in [
                ("start", "preview: first start until served, variants listed"),
                ("bullet", f"preview: a bullet edit in {author.BULLET_PAGE} until reloaded"),
                ("variants", "preview: ... until the download area lists every variant"),
                ("prose", f"preview: a prose edit in {author.PROSE_PAGE} until reloaded")]]
        for key in ("incremental_jauto", "incremental_j1"):
            inc = ours[key]
            rows.append([f"incremental HTML after editing {inc['page']} (-j {inc['jobs']})",
                         f"{inc['seconds']:.2f}"])
        rows += [[f"cold HTML, {site}", f"{e['html']:.2f}"]
                 for site, e in au.items() if site != "ours"]
        parts.append("Author: wall-clock seconds\n" + _table(["build", "s"], rows)
                     + "".join(f"\nincremental (-j {ours[k]['jobs']}) re-read "
                               f"{ours[k]['changed']}: {', '.join(ours[k]['reread'])}"
                               for k in ("incremental_jauto", "incremental_j1")))
    if rd and au and len(au) > 1:
        rows = []
        for site in au:
            if site == "ours" or site not in rd:
                continue
            mine, theirs = rd["ours"]["mobile"], rd[site]["mobile"]
            rows.append([site,
                         *(_ratio(mine, theirs, key) for key in ("bytes", "gzip_bytes", "lcp_s")),
                         f"{au['ours']['html'] / au[site]['html']:.2f}"])
        parts.append("Ours / peer (median over page kinds, mobile)\n" + _table(
            ["peer", "transfer", "gzip", "LCP", "HTML build"], rows))
    verdicts = budgets.check(results)
    parts.append("Budgets\n" + _table(
        ["budget", "measured", "met"],
        [[v.budget, v.measured, "yes" if v.met else "NO"] for v in verdicts]))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--no-peers", action="store_true", help="measure our site only")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds")
    parser.add_argument("--no-reader", action="store_true", help="skip Lighthouse and search")
    args = parser.parse_args()

    sites = [author.OURS, *(() if args.no_peers else author.PEERS)]
    src = author.copy_sources(OUT / "src")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.strip()
    results: dict = {"runs": args.runs, "commit": commit,
                     "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores",
                     # timings depend on what else runs: the load before and after
                     "load_average": [os.getloadavg()[0]]}
    print("Author: builds", flush=True)
    results["author"] = measure_author(src, sites, args.runs, pdf=not args.no_pdf)
    if not args.no_reader:
        print("Reader: Lighthouse and search", flush=True)
        results["reader"] = measure_reader(src, sites, args.runs)
        results["served"] = measure_served(src, args.runs)
    results["load_average"].append(os.getloadavg()[0])
    results["budgets"] = [vars(v) for v in budgets.check(results)]
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(report(results))
    print(f"\nWritten to {(OUT / 'results.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
