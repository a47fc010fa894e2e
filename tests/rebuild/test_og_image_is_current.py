"""The social image shows the name and headline the front matter gives: it
was drawn (`./run og-image`) from the page tools/og-image.html makes of them
now, which it records; any later edit to either makes it stale."""

from __future__ import annotations

from tools import og_image


def test_the_social_image_is_drawn_from_the_current_front_matter():
    png = og_image.IMAGE.read_bytes()
    assert og_image.size(png) == (og_image.WIDTH, og_image.HEIGHT)
    assert og_image.recorded_digest(png) == og_image.digest(og_image.page()), (
        "_static/og-image.png is stale: run ./run og-image and commit the image")


def test_a_changed_headline_makes_it_stale(site_copy):
    index = site_copy / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "\nheadline: ", "\nheadline: Former "), encoding="utf-8")
    assert og_image.digest(og_image.page(site_copy)) != og_image.digest(og_image.page())
