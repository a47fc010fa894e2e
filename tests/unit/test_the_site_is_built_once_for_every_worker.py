"""The tests' one build of the site (tests/support/shared_site.py), shared by
pytest-xdist's workers: made once whoever asks, each format usable as soon as
it is made, a failure reported to every reader, and made with the environment
the run started with.

Each SharedSite here stands for one worker (its own lock on the shared
directory, as another process has); the build's steps are replaced by small
commands, so no Sphinx runs.
"""

from __future__ import annotations

import sys
import threading

import pytest

from support import shared_site
from support.shared_site import SharedSite
from tools.build import ROOT, Command, Outputs, Plan


def step(name: str, script: str = ""):
    """A build step that runs Python, then writes name.txt into the outputs."""
    def make(plan):
        code = (f"{script}\nimport pathlib; pathlib.Path({str(plan.out.root)!r}, "
                f"{name + '.txt'!r}).write_text('made')")
        plan.out.root.mkdir(parents=True, exist_ok=True)
        plan.run(Command((sys.executable, "-c", code)))
    return make


@pytest.fixture
def steps(monkeypatch):
    def use(*made):
        monkeypatch.setattr(shared_site, "STEPS", made)
    return use


def test_two_workers_share_one_build(tmp_path, steps):
    runs = tmp_path / "runs"
    steps(("html", step("html", f"open({str(runs)!r}, 'a').write('html ')")),
          ("epub", step("epub")), ("latex", step("latex")), ("pdf", step("pdf")))
    first, second = SharedSite(tmp_path), SharedSite(tmp_path)
    first.start()
    second.start()  # finds it under way, or done: builds nothing
    assert (second.root / "pdf.txt").read_text() == "made"
    assert (first.html / "..").resolve() == tmp_path / "site"
    first.finish()
    second.finish()
    assert runs.read_text() == "html "
    assert second.thread is None


def test_the_html_is_read_while_the_rest_is_built(tmp_path, steps):
    go_on = tmp_path / "go-on"
    wait = (f"import pathlib, time\n"
            f"while not pathlib.Path({str(go_on)!r}).exists(): time.sleep(0.05)")
    steps(("html", step("html")), ("epub", step("epub", wait)), ("latex", step("latex")),
          ("pdf", step("pdf")))
    site = SharedSite(tmp_path)
    site.start()
    got = []
    reader = threading.Thread(target=lambda: got.append(site.html), daemon=True)
    reader.start()
    reader.join(timeout=30)  # ample: the HTML step is one small command
    assert not (tmp_path / "site" / "epub.txt").exists()
    go_on.touch()
    site.finish()
    assert got == [tmp_path / "site" / "html"], "the HTML was not given until the ePub was made"


def test_a_failed_build_fails_every_reader_with_its_message(tmp_path, steps):
    steps(("html", step("html", "raise SystemExit('index.md:3: WARNING: undefined label')")),
          ("epub", step("epub")), ("latex", step("latex")), ("pdf", step("pdf")))
    first, second = SharedSite(tmp_path), SharedSite(tmp_path)
    first.start()
    for worker in (first, second):
        with pytest.raises(pytest.fail.Exception, match=r"index\.md:3: WARNING: undefined label"):
            worker.pdf  # noqa: B018
    first.finish()


def test_the_build_keeps_the_environment_the_run_started_with(tmp_path, steps, monkeypatch):
    """A test that sets PORTFOLIO_PHONE while the site is built (in its own
    process, in the background) must not put it into the site."""
    release = threading.Event()
    seen = tmp_path / "seen"
    write = (f"import os, pathlib; pathlib.Path({str(seen)!r})"
             ".write_text(os.environ.get('PORTFOLIO_PHONE', 'none'))")

    def pdf(plan):
        release.wait()  # until the test has set the variable
        step("pdf", write)(plan)

    steps(("html", step("html")), ("epub", step("epub")), ("latex", step("latex")),
          ("pdf", pdf))
    monkeypatch.delenv("PORTFOLIO_PHONE", raising=False)
    site = SharedSite(tmp_path)
    site.start()
    monkeypatch.setenv("PORTFOLIO_PHONE", "555-0100")
    release.set()
    site.finish()
    assert seen.read_text() == "none"


def test_the_steps_run_what_run_build_runs(tmp_path):
    """The shared build is `./run build`'s plan (Plan.everything), command for
    command, only cut into steps."""
    everything, stepwise = [], []
    Plan(everything.append, Outputs(tmp_path)).everything()
    for _, make in shared_site.STEPS:
        make(Plan(stepwise.append, Outputs(tmp_path)))
    assert stepwise == everything
    assert shared_site.STEPS[0][0] == "html"  # the pages first


def test_an_edited_copy_is_built_from_its_own_sources(tmp_path, steps):
    """SharedSite with an edit (the ``edited_site`` fixture): the process that
    builds it copies the sources, edits the copy, and builds that."""
    built = []
    steps(*((name, built.append) for name in ("html", "epub", "latex", "pdf")))
    site = SharedSite(tmp_path, "edited", lambda src: (src / "index.md").write_text("edited"))
    site.root  # noqa: B018 (waits for every step)
    site.finish()
    copy = tmp_path / "edited-src"
    assert [plan.src for plan in built] == [copy] * 4
    assert (copy / "index.md").read_text() == "edited"
    assert (copy / "conf.py").read_bytes() == (ROOT / "conf.py").read_bytes()
    assert (ROOT / "index.md").read_text() != "edited"


def test_an_edit_that_fails_fails_every_reader_with_its_message(tmp_path, steps):
    steps(*((name, step(name)) for name in ("html", "epub", "latex", "pdf")))

    def edit(src):
        raise AssertionError("the README's template has no '^end: \\S+'")

    site = SharedSite(tmp_path, "edited", edit)
    with pytest.raises(pytest.fail.Exception, match="the README's template has no"):
        site.html  # noqa: B018
    site.finish()
