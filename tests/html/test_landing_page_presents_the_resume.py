"""The landing page gives the résumé's header: name, headline, summary,
location, public contact links, languages and skills; and cards leading to
the key contributions."""

from urllib.parse import unquote

from support import pages


def test_name_headline_and_summary(site, resume):
    index = site.html / "index.html"
    assert pages.title(index) == resume.name
    content = pages.text(pages.main(index))
    assert resume.headline in content
    assert resume.summary in content


def test_location_languages_and_skills(site, resume):
    content = pages.text(pages.main(site.html / "index.html"))
    missing = [item for item in (resume.location, *resume.languages, *resume.skills)
               if item not in content]
    assert not missing


def test_public_contact_links(site, resume):
    # unquote: docutils writes mailto:donald%40... to keep the address from harvesters.
    hrefs = {unquote(a["href"])
             for a in pages.main(site.html / "index.html").find_all("a", href=True)}
    assert f"mailto:{resume.email}" in hrefs
    for profile in (resume.github, resume.linkedin):  # "github.com/dstufft"
        assert any(href.rstrip("/").endswith(profile) and href.startswith("https://")
                   for href in hrefs), profile


def test_cards_lead_to_contributions(site):
    index = site.html / "index.html"
    cards = pages.main(index).select(".sd-card")
    assert cards, "no sphinx-design cards"
    contributions = site.html.resolve() / "open-source"
    for card in cards:
        targets = {pages.target(index, a["href"]) for a in card.find_all("a", href=True)}
        assert any(t and contributions in t[0].parents for t in targets), pages.text(card)
