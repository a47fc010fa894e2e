"""What a reader's tools expect of every page: a canonical URL, Open Graph
and Twitter card metadata with a description and a local image, a favicon;
and of the site: a sitemap of its pages and a robots.txt that points to it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOT_CONTENT = {"search.html", "genindex.html", "404.html"}  # left out of the sitemap


def _soup(site, path):
    return BeautifulSoup((site.html / path).read_text(encoding="utf-8"), "html.parser")


def _meta(soup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.fixture(scope="module")
def base_url(site) -> str:
    """html_baseurl, read back from the home page's canonical URL."""
    canonical = _soup(site, "index.html").find("link", rel="canonical")["href"]
    return canonical.removesuffix("index.html")


def test_base_url_is_https_and_a_directory(base_url):
    assert base_url.startswith("https://")
    assert base_url.endswith("/")


def test_every_page_has_a_canonical_url(site, html_pages, base_url):
    for path in set(html_pages) - {"404.html"}:
        link = _soup(site, path).find("link", rel="canonical")
        assert link, path
        assert link["href"] == base_url + path, path


def test_every_page_has_open_graph_and_twitter_card_metadata(site, html_pages, base_url):
    for path in set(html_pages) - NOT_CONTENT:
        soup = _soup(site, path)
        title = soup.find("h1").get_text().rstrip("¶")
        assert _meta(soup, property="og:title") == title, path
        assert _meta(soup, property="og:url") == base_url + path, path
        assert len(_meta(soup, property="og:description") or "") > 20, path
        assert _meta(soup, name="description") == _meta(soup, property="og:description"), path
        assert _meta(soup, name="twitter:card") == "summary_large_image", path
        image = _meta(soup, property="og:image")
        # The image is the site's own file, served with it: no third party.
        assert image.startswith(base_url), path
        assert (site.html / image.removeprefix(base_url)).is_file(), path
        assert _meta(soup, property="og:image:alt"), path


def test_descriptions_are_the_pages_opening_text(site, html_pages):
    """Plain prose, as on the page: no list glue ("., ") or lost spaces ("( PEP")."""
    for path in set(html_pages) - NOT_CONTENT:
        description = _meta(_soup(site, path), name="description")
        assert len(description) <= 200, path
        assert ".," not in description, path
        assert "( " not in description, path
    rackspace = _soup(site, "experience/rackspace.html")
    bullets = [" ".join(li.get_text().split()) for li in rackspace.select("article li")[:2]]
    description = _meta(rackspace, name="description")
    # The page opens with its fact line (employer, position, dates), then the bullets.
    assert description.startswith("Rackspace · Software Developer V · Dec 2013 – May 2015")
    assert bullets[0] in description
    # A project's dates read under its heading; alone at the end of the open-
    # source page's description they would seem to date all his open source.
    open_source = _meta(_soup(site, "open-source/index.html"), name="description")
    assert open_source.endswith("its page links to it."), open_source


def test_every_page_has_the_favicon(site, html_pages):
    for path in html_pages:
        icon = _soup(site, path).find("link", rel="icon")
        assert icon, path
        assert icon["href"].endswith("_static/favicon.svg"), path
    assert (site.html / "_static" / "favicon.svg").is_file()


def test_sitemap_lists_every_content_page_once(site, html_pages, base_url):
    urls = [url.findtext(f"{SITEMAP}loc")
            for url in ElementTree.parse(site.html / "sitemap.xml").getroot()]
    assert urls == sorted(urls)  # a fixed order: builds are reproducible
    assert urls == [base_url + path for path in sorted(set(html_pages) - NOT_CONTENT)]


def test_robots_txt_allows_everything_and_names_the_sitemap(site, base_url):
    robots = (site.html / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.M)
    assert not re.search(r"^Disallow: \S", robots, re.M)
    assert f"Sitemap: {base_url}sitemap.xml" in robots.splitlines()


def test_robots_txt_is_for_the_website_only(site):
    assert not (site.latex / "robots.txt").exists()
    assert not (site.epub.parent / "robots.txt").exists()
