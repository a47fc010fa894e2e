"""pybtex finds the backends sphinxcontrib-bibtex renders with without
reading any package's entry points (views/citations.py registers them):
each read takes milliseconds, and a build renders dozens of citations. The
classes registered are the ones the entry points name, so nothing renders
differently. Fails when pybtex stops looking at registered plugins first, or
when a backend moves."""

from __future__ import annotations

import importlib.metadata

import pybtex.plugin
import pytest

from portfolio.views import citations


def test_registered_backends_are_what_the_entry_points_name():
    named = {e.name: e.load() for group in ("pybtex.backends", "pybtex.backends.aliases")
             for e in importlib.metadata.entry_points(group=group)}
    assert {name: named[name] for name in citations.BACKENDS} == citations.BACKENDS


def test_the_backends_are_found_without_reading_entry_points(monkeypatch):
    citations.register()

    def scan(**kwargs):
        raise AssertionError(f"pybtex read the entry points for {kwargs}")

    monkeypatch.setattr(pybtex.plugin, "entry_points", scan)
    for name, backend in citations.BACKENDS.items():
        assert pybtex.plugin.find_plugin("pybtex.backends", name) is backend
    with pytest.raises(AssertionError, match="read the entry points"):  # the check can fail
        pybtex.plugin.find_plugin("pybtex.backends", "latex")
