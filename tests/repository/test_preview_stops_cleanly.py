"""`./run preview` serves the site and stops, leaving nothing serving, when
its process gets Ctrl-C (SIGINT) or a signal to end (SIGTERM)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request

import pytest

from tools.build import ROOT
from tools.serve import free_port

STARTUP = 600  # seconds: the first run creates the preview's environment and builds



def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_preview_stops_on_a_signal(signum, tmp_path):
    port = free_port()
    log = (tmp_path / "preview.log").open("w")
    # Its own session, as a shell would start it, so that cleaning up after a
    # failure can reach everything it started; the test signals the one process.
    process = subprocess.Popen([str(ROOT / "run"), "preview", "--", "--port", str(port)],
                               cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP
        while not answers(port):
            assert process.poll() is None, (tmp_path / "preview.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the preview never answered"
            time.sleep(1)
        process.send_signal(signum)
        process.wait(timeout=30)
        assert not answers(port), "still serving after the process ended"
        with pytest.raises(ProcessLookupError):  # nothing of its session is left
            os.killpg(process.pid, 0)
    finally:
        if process.poll() is None or _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
