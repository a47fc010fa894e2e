"""After editing one role's dates, an incremental build re-reads that page
only, rewrites every page (any of them may show those dates: the timeline,
the landing page, the search index), and leaves the site exactly as a full
build of the edited sources would."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tools.build import run_sphinx

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

def build(src, out, doctrees):
    # No colour: CI's environment can turn it on, and codes would split the log's lines.
    result = run_sphinx("html", out, doctrees, src, "--no-color")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def earliest_role(src):
    """The role that started first: its dates also feed the landing page."""
    roles = [p for p in (src / "experience").glob("*.md") if p.stem != "index"]
    # The README's template keeps a comment after the value: "start: 2024-01  # year-month".
    starts = {p: re.search(r"^start: (\d{4})-(\d{2})\b", p.read_text(), re.M) for p in roles}
    path = min(roles, key=lambda p: starts[p].group(0))
    year, month = int(starts[path].group(1)), int(starts[path].group(2))
    return path, year, month


def timeline(out) -> str:
    page = BeautifulSoup((out / "experience" / "index.html").read_text(), "html.parser")
    return page.select_one("ul.portfolio-timeline").get_text(" ", strip=True)


def test_editing_a_roles_start_rereads_it_and_rewrites_the_site(site_copy, tmp_path):
    out, doctrees = tmp_path / "html", tmp_path / "doctrees"
    build(site_copy, out, doctrees)
    path, year, month = earliest_role(site_copy)
    docname = path.relative_to(site_copy).with_suffix("").as_posix()
    new_year, new_month = (year, month - 1) if month > 1 else (year - 1, 12)
    old_label, new_label = f"{MONTHS[month - 1]} {year}", f"{MONTHS[new_month - 1]} {new_year}"
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    assert old_label in timeline(out)

    path.write_text(path.read_text().replace(
        f"start: {year}-{month:02d}", f"start: {new_year}-{new_month:02d}"))
    log = build(site_copy, out, doctrees)

    assert "updating environment: 0 added, 1 changed, 0 removed" in log
    assert f"reading sources... [100%] {docname}\n" in log
    stale = [p.relative_to(out).as_posix() for p, mtime in before.items()
             if p.stat().st_mtime_ns == mtime]
    assert stale == []
    assert new_label in timeline(out)
    assert old_label not in timeline(out)

    # Nothing left to read, and nothing stale: a full build agrees byte for
    # byte, pages and search index alike.
    again = build(site_copy, out, doctrees)
    assert "updating environment: 0 added, 0 changed, 0 removed" in again
    fresh = tmp_path / "fresh"
    build(site_copy, fresh, tmp_path / "fresh-doctrees")
    for page in [*fresh.rglob("*.html"), fresh / "searchindex.js"]:
        assert (out / page.relative_to(fresh)).read_bytes() == page.read_bytes(), page
