"""The social image's source, and whether ``_static/og-image.png`` is drawn
from it: the one rule, which ``tools/og_image.py`` (``./run og-image``)
draws by, the build notes (``notes.py``) and the test checks.

The image shows the name and headline from index.md's front matter, filled
into ``tools/og-image.html``; the PNG records a digest of that page, in a
text chunk, so any later edit to either makes the image stale.
"""

from __future__ import annotations

import hashlib
import html
import struct
from pathlib import Path
from string import Template

from ..model import read_person

TEMPLATE = Path("tools") / "og-image.html"  # in the source directory
IMAGE = Path("_static") / "og-image.png"
KEYWORD = b"portfolio-source"  # the PNG text chunk holding the digest


def page(root: Path) -> str:
    """The template filled in with the name and headline of ``root``'s index.md."""
    person = read_person(root / "index.md")
    return Template((root / TEMPLATE).read_text(encoding="utf-8")).substitute(
        name=html.escape(person.name),
        headline=html.escape(person.headline),
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def chunks(png: bytes):
    """(type, data) of each chunk of a PNG."""
    at = 8  # after the signature
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        yield png[at + 4:at + 8], png[at + 8:at + 8 + length]
        at += 12 + length


def recorded_digest(png: bytes) -> str | None:
    """The digest the image was drawn from, from its tEXt chunk."""
    for kind, data in chunks(png):
        if kind == b"tEXt" and data.startswith(KEYWORD + b"\0"):
            return data[len(KEYWORD) + 1:].decode("latin-1")
    return None


def is_stale(root: Path) -> bool | None:
    """Whether ``root``'s social image was drawn from another page than its
    front matter and template make now; None where it has no image or template."""
    image, template = root / IMAGE, root / TEMPLATE
    if not image.is_file() or not template.is_file():
        return None
    return recorded_digest(image.read_bytes()) != digest(page(root))
