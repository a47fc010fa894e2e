"""The website build says, for every variant, how many of the résumé's
bullets it keeps and which it leaves out: "resume-one-page: 9 of 38 bullets,
98% of its last page; left out: aws #1 "Provided support for AWS…", ..."."""

from __future__ import annotations

import re

from support.sources import PERSON
from tools.build import run_sphinx


def test_the_html_build_says_what_each_variant_keeps(site_copy, tmp_path, site, career):
    result = run_sphinx("html", tmp_path / "html", tmp_path / "doctrees", site_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    for variant in PERSON["resume"]["variants"]:
        name = variant["name"]
        line = re.search(rf"^{name}: (\d+) of (\d+) bullets, \d+% of its last page; "
                         r"left out: (.*)$", result.stdout, re.M)
        assert line, name
        kept, every, left_out = int(line[1]), int(line[2]), line[3]
        text = (site.html / f"{name}.txt").read_text(encoding="utf-8")
        assert (left_out == "none") == (kept == every)
        assert len(re.findall(r'\S+ #\d+ "[^"]+"', left_out)) == every - kept
        bullets = [*(b for r in career.roles for b in r.bullets),
                   *(c.bullet for c in career.contributions)]
        assert every == len(bullets)
        assert kept == len(set(text.splitlines()) & set(bullets))
