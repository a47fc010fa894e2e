"""sphinx-design cards do not vanish from the PDF: every card on the
website is in the PDF too, its title and its text."""

from __future__ import annotations

import subprocess

from bs4 import BeautifulSoup

from support.pdftext import flat


def test_every_card_of_the_site_is_in_the_pdf(site):
    cards = []
    for page in site.html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cards += soup.select(".sd-card")
    # The landing page's highlights are cards: none at all is a regression.
    assert cards, "no page of the website has a sphinx-design card"
    pdf = flat(subprocess.run(["pdftotext", str(site.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout)
    for card in cards:
        title = card.select_one(".sd-card-title")
        assert title is None or flat(title.get_text()) in pdf
        body = card.select_one(".sd-card-text")
        assert body is None or flat(body.get_text()) in pdf
