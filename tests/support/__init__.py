"""What the tests share: the résumé they check the site against (seed), the
sources as the tests read them (sources), reading built pages (pages) and
PDFs (pdftext), the scripts run in a browser tab (scripts) and how the Java
checkers start (java). Fixtures stay in tests/conftest.py; helpers live here,
so no test imports conftest or another test.
"""
