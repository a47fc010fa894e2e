# A small site for the career model's tests: a person, two roles at two
# employers, one contribution, two PEPs, two projects (one dated). Its data
# are made up.
extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "portfolio"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
nitpicky = True
myst_heading_anchors = 0
bibtex_bibfiles = ["peps.bib"]
bibtex_default_style = "pep"
bibtex_reference_style = "pep"
portfolio_source_date_epoch = 1767225600  # 2026-01-01
