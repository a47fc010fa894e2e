"""`./run preview` writes the pages first and typesets the résumé variants
after, in the background: after a bullet is edited, its page shows the edit
and the download area says the variants are being updated, before any
variant has it; then the background process typesets them, and the rebuild
it triggers lists every variant again, their files with the edit.

The server runs as `./run preview` runs it (tools/build.py's ``preview``),
on a copy of the sources, with the test session's typeset cache.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

from tools.build import Outputs, preview
from tools.serve import free_port, page_text

TIMEOUT = 1200  # seconds: LuaLaTeX on a busy machine
EDITED = "Python SDK for AWS, as edited by the test."



def wait(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_pages_come_first_and_variants_follow(site_copy, tmp_path):
    port = free_port()
    out = Outputs(tmp_path / "out")
    args, env = preview(out, site_copy, ("--port", str(port)))
    env["PORTFOLIO_RESUME_CACHE"] = os.environ["PORTFOLIO_RESUME_CACHE"]  # the session's
    log = (tmp_path / "preview.log").open("w")
    server = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    html = out.outdir("preview")

    def index() -> str:
        return page_text(f"{base}/")

    def variants_with_edit() -> list[str]:
        return [p.name for p in html.glob("resume*.txt") if EDITED in p.read_text("utf-8")]

    try:
        wait(lambda: "Download the résumé" in index() and "being updated" not in index(),
             "the first start never listed every variant")
        assert not variants_with_edit()
        page = site_copy / "experience" / "aws.md"
        page.write_text(page.read_text(encoding="utf-8").replace(
            "Python SDK for AWS.", EDITED, 1), encoding="utf-8")
        wait(lambda: EDITED in page_text(f"{base}/experience/aws.html"), "the edit never showed")
        wait(lambda: "being updated" in index(), "the download area never said it updates")
        assert not variants_with_edit(), "a variant had the edit before the page was served"
        wait(lambda: "being updated" not in index(), "the variants never followed")
        assert variants_with_edit(), "no variant file has the edited bullet"
        assert "resume.pdf" in index()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
