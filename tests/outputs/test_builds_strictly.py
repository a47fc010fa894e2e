"""Every format builds with warnings as errors; this file proves the outputs exist."""


def test_every_format_is_built(site):
    assert (site.html / "index.html").is_file()
    assert site.epub.stat().st_size > 0
    assert site.pdf.read_bytes().startswith(b"%PDF")
