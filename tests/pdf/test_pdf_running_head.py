"""The PDF's running heads name the document and date it, as a CV is dated,
not as a software release ("Donald Stufft, Release 2026.11.24")."""

from __future__ import annotations

import re
import subprocess
import time

from tools.build import source_date_epoch


def test_every_running_head_names_the_portfolio_and_its_date(site):
    text = subprocess.run(["pdftotext", "-layout", str(site.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # Sphinx's default date format, from the build's SOURCE_DATE_EPOCH.
    date = time.strftime("%b %d, %Y", time.gmtime(int(source_date_epoch())))
    heads = [line for line in text.splitlines() if "Portfolio ·" in line]
    assert heads, "no running head"
    assert all(f"Donald Stufft · Portfolio · {date}" in head for head in heads), heads[:3]
    assert not re.search(r"Release \d{4}\.\d{2}\.\d{2}", text)
