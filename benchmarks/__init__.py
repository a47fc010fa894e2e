"""The speed benchmark (``nox -s bench``): see bench.py."""
