"""The PDF's outline (bookmarks) mirrors the portfolio: the résumé, the
contents, the landing page's chapter, one bookmark per chapter in the site's order, and beneath them
every position and contribution."""

from __future__ import annotations

from pypdf import PdfReader


def outline(site) -> list[tuple[str, list]]:
    """[(title, children)] of the PDF's bookmarks."""
    def tree(items):
        nodes = []
        for item in items:
            if isinstance(item, list):
                nodes[-1] = (nodes[-1][0], tree(item))
            else:
                nodes.append((item.title, []))
        return nodes
    return tree(PdfReader(site.pdf).outline)


def titles(nodes) -> list[str]:
    return [title for title, children in nodes for title in [title, *titles(children)]]


def test_top_level_is_resume_contents_then_the_chapters(site, site_env):
    env = site_env
    chapters = [env.titles[doc].astext() for doc in env.toctree_includes[env.config.root_doc]]
    top = [title for title, _ in outline(site)]
    # The landing page's prose opens a chapter of its own, named as the page is.
    assert top[:3] == ["Résumé", "Contents", env.titles[env.config.root_doc].astext()]
    assert top[3:3 + len(chapters)] == chapters
    assert set(top[3 + len(chapters):]) <= {"Bibliography", "Index"}  # back matter LaTeX adds


def test_every_position_and_contribution_is_bookmarked(site, career):
    everything = titles(outline(site))
    pages = [*career.roles, *career.contributions]
    assert pages
    for page in pages:
        assert page.title in everything
