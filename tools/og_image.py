"""The social image, _static/og-image.png, drawn from index.md's front matter.

Link previews (Open Graph, Twitter cards) show it: the name and the headline
on the site's colour, 1200 x 630. It is drawn by Chromium from
tools/og-image.html, so the build itself needs no browser; the PNG records a
digest of the page it was drawn from, and a test fails when the front matter
or the template has changed since (tests/rebuild/test_og_image_is_current.py).

    ./run og-image    # python -m tools.og_image, in the docs environment
"""

from __future__ import annotations

import hashlib
import html
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from string import Template

from tools import chromium

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tools" / "og-image.html"
IMAGE = ROOT / "_static" / "og-image.png"
WIDTH, HEIGHT = 1200, 630
KEYWORD = b"portfolio-source"  # the PNG text chunk holding the digest

sys.path.insert(0, str(ROOT / "_ext"))
from portfolio.model import read_person  # noqa: E402


def page(root: Path = ROOT) -> str:
    """The template filled in with the name and headline."""
    person = read_person(root / "index.md")
    return Template((root / "tools" / "og-image.html").read_text(encoding="utf-8")).substitute(
        name=html.escape(person.name),
        headline=html.escape(person.headline),
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _chunks(png: bytes):
    """(type, data) of each chunk of a PNG."""
    at = 8  # after the signature
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        yield png[at + 4:at + 8], png[at + 8:at + 8 + length]
        at += 12 + length


def recorded_digest(png: bytes) -> str | None:
    """The digest the image was drawn from, from its tEXt chunk."""
    for kind, data in _chunks(png):
        if kind == b"tEXt" and data.startswith(KEYWORD + b"\0"):
            return data[len(KEYWORD) + 1:].decode("latin-1")
    return None


def size(png: bytes) -> tuple[int, int]:
    kind, data = next(_chunks(png))
    assert kind == b"IHDR"
    return struct.unpack(">II", data[:8])


def _with_text(png: bytes, text: str) -> bytes:
    """The PNG with a tEXt chunk (KEYWORD: text) before its image data."""
    data = KEYWORD + b"\0" + text.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data \
        + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    end_of_header = 8 + 12 + 13  # signature, then IHDR's 13 bytes and its framing
    return png[:end_of_header] + chunk + png[end_of_header:]


def draw(root: Path = ROOT) -> Path:
    """Draw the image with Chromium into root/_static/og-image.png."""
    text = page(root)
    with tempfile.TemporaryDirectory() as tmp:
        source, shot = Path(tmp) / "og-image.html", Path(tmp) / "og-image.png"
        source.write_text(text, encoding="utf-8")
        subprocess.run([
            chromium.executable(), "--headless", *chromium.ARGS, "--hide-scrollbars",
            f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", source.as_uri(),
        ], check=True, capture_output=True)
        png = shot.read_bytes()
    assert size(png) == (WIDTH, HEIGHT), size(png)
    target = root / "_static" / "og-image.png"
    target.write_bytes(_with_text(png, digest(text)))
    return target


if __name__ == "__main__":
    print(f"wrote {draw().relative_to(ROOT)}")
