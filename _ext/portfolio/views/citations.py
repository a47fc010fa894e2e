"""Citation styles for PEPs.

The bibliography is the list of his PEPs (on the PEPs page): labelled and
sorted by PEP number, each entry giving title, authors, and, each under its
own label so that a reader of any one entry knows what each is, status, type,
the year the PEP was created (its Created header, which is not when each
author joined it) and the PEP's own URL. In the text, ``{cite:p}`pep440```
reads "(PEP 440)", as the résumé writes it, and ``{cite:label}`pep440```
reads "PEP 440"; both link to the bibliography entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

import pybtex_docutils
import sphinxcontrib.bibtex.plugin
from pybtex.backends import plaintext
from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field, href, join, sentence, tag
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

from ..shared import pep_label


class PepLabelStyle(BaseLabelStyle):
    """Label each entry by its PEP number, so citations read [PEP 440]."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield pep_label(entry.fields["number"])


class PepSortingStyle(BaseSortingStyle):
    """Sort numerically, so PEP 8001 comes after PEP 825."""

    def sorting_key(self, entry):
        return int(entry.fields["number"])


class PepStyle(UnsrtStyle):
    default_label_style = "pep"
    default_sorting_style = "pep"

    def get_misc_template(self, e):
        url = field("url", raw=True)
        authors = "Authors" if len(e.persons.get("author", [])) > 1 else "Author"
        return toplevel[
            sentence[field("title")],
            sentence[_labelled(authors, self.format_names("author"))],
            sentence(sep=". ")[_labelled("Status", field("status")),
                               _labelled("Type", field("peptype")),
                               _labelled("Created", field("year"))],
            href(url)[url],
        ]


def _labelled(label: str, value):
    """``Label: value``, the label in bold."""
    return join[tag("strong")[label], ": ", value]


def _round_brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")")


def _no_brackets() -> BracketStyle:
    return BracketStyle(left="", right="")


@dataclass
class PepReferenceStyle(LabelReferenceStyle):
    bracket_parenthetical: BracketStyle = dataclass_field(default_factory=_round_brackets)
    bracket_label: BracketStyle = dataclass_field(default_factory=_no_brackets)


# The backends sphinxcontrib-bibtex renders with, as their packages' entry
# points name them (pybtex 0.26, pybtex-docutils 1.0): entries and labels as
# text ("text" is pybtex's alias of "plaintext"), the bibliography as docutils nodes.
BACKENDS = {"plaintext": plaintext.Backend, "text": plaintext.Backend,
            "docutils": pybtex_docutils.Backend}


def register() -> None:
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "pep", PepReferenceStyle
    )
    register_plugin("pybtex.style.labels", "pep", PepLabelStyle)
    register_plugin("pybtex.style.sorting", "pep", PepSortingStyle)
    register_plugin("pybtex.style.formatting", "pep", PepStyle)
    # pybtex looks a backend up by its entry point each time it renders a
    # citation (importlib.metadata reads every installed package's metadata,
    # 70-odd times a build: half a second of every preview rebuild).
    # Registered, a plugin is found before any entry point is read.
    for name, backend in BACKENDS.items():
        register_plugin("pybtex.backends", name, backend, force=True)
