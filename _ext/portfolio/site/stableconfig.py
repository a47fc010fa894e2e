"""The configuration holds still during a build.

Sphinx compares the configuration pickled with the last build's environment
with the one conf.py gives now, as soon as ``config-inited`` has run; any
difference is reported ("The configuration has changed") and can force a
full rebuild. Whatever is added to a value later, while the builder starts
or pages are written, ends up in the pickle but never in the next build's
fresh configuration, so every build would differ from the last. Here each
such value takes its final form at ``config-inited``:

- ``html_css_files``, ``html_js_files`` and ``epub_css_files``: the HTML
  and ePub builders give each file without a priority the default, 800, in
  the configuration's own dicts when they start;
- ``html_static_path``: sphinx-design adds its folder when the builder
  starts; the website's builds also take the minified scripts' folder
  (``minify.py``);
- ``html_search_scorer``: pointed at the minified copy of our scorer
  (``minify.py``).

- ``pygments_dark_style`` does not exist yet: furo registers it when the
  builder loads the theme, after the comparison. For the website's builders
  furo is loaded as soon as the builder is known, before ``config-inited``.
  (Listing furo in ``extensions`` would load it for the PDF too, which furo
  refuses.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..shared import WEBSITE_BUILDERS
from . import minify

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# What sphinx-design appends to html_static_path in its builder-inited handler.
try:
    from sphinx_design.extension import STATIC_DIR as _DESIGN_STATIC
except ImportError:  # sphinx-design not installed: nothing of its to settle
    _DESIGN_STATIC = None


def _settle(app: Sphinx, config: Config) -> None:
    # As the HTML and ePub builders' init_css_files and init_js_files do.
    assets = [*config.html_css_files, *config.html_js_files, *config.epub_css_files]
    for _filename, attributes in assets:
        attributes.setdefault("priority", 800)
    if _DESIGN_STATIC is not None and "sphinx_design" in config.extensions:
        config.html_static_path.append(str(_DESIGN_STATIC))
    if getattr(app, "portfolio_website", False) and config.portfolio_speedups:
        minify.settle(config)




def _load_theme_with_builder(app: Sphinx) -> None:
    """Load the HTML theme with the builder's module, as Sphinx will later."""
    preload = app.preload_builder

    def preload_builder(name: str) -> None:
        preload(name)
        # Whether this build is the website's, known before config-inited.
        app.portfolio_website = (name or "html") in WEBSITE_BUILDERS
        if app.portfolio_website and app.config.html_theme == "furo":
            app.setup_extension("furo")

    # Sphinx calls it once, right after loading the extensions.
    app.preload_builder = preload_builder  # type: ignore[method-assign]


def _drop_repeats(app: Sphinx) -> None:
    """sphinx-design has appended its folder a second time: keep the first."""
    paths = app.config.html_static_path
    paths[:] = list(dict.fromkeys(paths))


def setup(app: Sphinx) -> None:
    _load_theme_with_builder(app)
    # After Sphinx converts html_css_files to (name, attributes) pairs (800).
    app.connect("config-inited", _settle, priority=900)
    # After sphinx-design's handler (default priority 500).
    app.connect("builder-inited", _drop_repeats, priority=900)
