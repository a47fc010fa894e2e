"""The LaTeX logs are clean: no line sticks out into the margin by more than
a hair, no glyph is missing from the fonts, no reference is left undefined."""

from __future__ import annotations

import re

import pytest

OVERFULL_LIMIT = 1.0  # pt: invisible; anything wider is a line into the margin


@pytest.fixture(params=["pdf", "standalone_resume"])
def log(request, site) -> str:
    pdf = getattr(site, request.param)
    return pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")


def test_no_overfull_lines(log):
    widths = [float(w) for w in re.findall(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)", log)]
    assert [w for w in widths if w > OVERFULL_LIMIT] == []


def test_no_missing_characters(log):
    assert re.findall(r"Missing character: .*", log) == []


def test_no_undefined_references(log):
    assert "undefined" not in " ".join(re.findall(r"LaTeX Warning: .*", log))
