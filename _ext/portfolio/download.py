"""The site's link to the standalone résumé: ``{resume-download}``.

The two-page ``resume.pdf`` is typeset after the HTML (``nox -s pdf``, or
Read the Docs' post_build job) and placed at the root of the HTML output, so
the directive writes a plain link to it rather than a Sphinx download (which
would need the file among the sources). Only the website gets the link: the
PDF opens with the résumé itself and the ePub has no copy to point at.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from tools.build import RESUME_PDF

FILENAME = RESUME_PDF.name  # at the root of the HTML output (tools/build.py publishes it)
TEXT = "Download the two-page résumé"


class resume_download(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """Where the link goes; filled in or dropped once the builder is known."""


class ResumeDownload(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = resume_download()
        self.set_source_info(node)
        return [node]


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    website = app.builder.format == "html" and not getattr(app.builder, "embedded", False)
    for node in list(doctree.findall(resume_download)):
        if not website:
            node.parent.remove(node)
            continue
        uri = relative_uri(app.builder.get_target_uri(docname), FILENAME)
        link = nodes.reference("", TEXT, refuri=uri, internal=True)
        paragraph = nodes.paragraph("", "", link, nodes.Text(" (PDF)"), classes=["resume-download"])
        node.replace_self(paragraph)


def setup(app: Sphinx) -> None:
    app.add_node(resume_download)
    app.add_directive("resume-download", ResumeDownload)
    app.connect("doctree-resolved", _resolve)
