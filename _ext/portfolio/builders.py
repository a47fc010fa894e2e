"""Which builds are the website's: the builders whose output is served as
the site (speed-ups, search additions, robots.txt, sitemap dating apply to
them, not to the ePub or the PDF)."""

WEBSITE_BUILDERS = frozenset({"html", "dirhtml"})
