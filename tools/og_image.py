"""The social image, _static/og-image.png, drawn from index.md's front matter.

Link previews (Open Graph, Twitter cards) show it: the name and the headline
on the site's colour, 1200 x 630. It is drawn by Chromium from
tools/og-image.html, so the build itself needs no browser; the PNG records a
digest of the page it was drawn from; when the front matter or the template
has changed since, the build prints a note naming `./run og-image` and a test
fails (tests/rebuild/test_og_image_is_current.py).

    ./run og-image    # python -m tools.og_image, in the docs environment
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from tools import chromium

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 630

sys.path.insert(0, str(ROOT / "_ext"))
# What the image is drawn from, and when it is stale: the extension's rule,
# which the build notes by (portfolio/site/ogimage.py).
from portfolio.site import ogimage  # noqa: E402
from portfolio.site.ogimage import KEYWORD, digest, recorded_digest  # noqa: E402

TEMPLATE = ROOT / ogimage.TEMPLATE
IMAGE = ROOT / ogimage.IMAGE
__all__ = ["HEIGHT", "IMAGE", "TEMPLATE", "WIDTH", "digest", "draw", "page", "recorded_digest",
           "size"]


def page(root: Path = ROOT) -> str:
    """The template filled in with the name and headline."""
    return ogimage.page(root)


def size(png: bytes) -> tuple[int, int]:
    kind, data = next(ogimage.chunks(png))
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
    target = root / ogimage.IMAGE
    target.write_bytes(_with_text(png, digest(text)))
    return target


if __name__ == "__main__":
    print(f"wrote {draw().relative_to(ROOT)}")
