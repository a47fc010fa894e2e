"""The career drawn from the model: roles as bars across the years, by
employer, and each PEP he authored or co-authored as a dot in the year the PEP
was created (its Created header; he may have joined its authors later).

One geometry (``layout()``), two renderings: SVG for HTML and ePub, TikZ for
the PDF, so the picture cannot differ between formats (``figure.py`` puts
the right one on the page). A web page also carries a narrow geometry
(``layout(career, narrow=True)``) for a phone's column: each employer's name
above its bar, the PEPs of a year stacked, so the text stays at least 11 CSS
px where the wide drawing's would shrink to 5. Colours follow the
page: inline SVG draws text in ``currentColor`` and takes Furo's colour
variables, so it follows the theme switch; the stand-alone SVG file (ePub)
carries its own background and follows ``prefers-color-scheme``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from ..shared import tex_escape

if TYPE_CHECKING:
    from ..model import Career, Role

WIDTH = 600  # user units; the SVG scales to the column, TikZ to \linewidth
ROW = 20  # height of one employer's row
BAR = 12
AXIS = 18  # room for the year labels
FONT = 10
NARROW_WIDTH = 300  # the narrow drawing: at a 390 px phone's 358 px column, 10 units are 12 px
NARROW_LABEL = 13  # room for an employer's name above its bar
DOT_STEP = 8  # the narrow drawing stacks a year's PEPs this far apart

# Colours for the PDF and for readers that ignore CSS; the HTML takes Furo's.
BAR_COLOUR = "2F6DB5"  # 4.9:1 on white, 3.9:1 on Furo's dark background
PEP_COLOUR = "C2571A"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    title: str
    docname: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    title: str
    key: str  # the PEP's bib key


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline, as SVG places text
    text: str
    anchor: str = "start"  # start | middle | end
    muted: bool = False


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Figure:
    width: float
    height: float
    first_year: int
    last_year: int
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    description: str = ""
    # What the drawing spans, said apart: the axis runs to this year, but the
    # roles end when the résumé says and the PEPs are dated by creation.
    role_years: str = ""
    pep_years: str = ""
    narrow: bool = False


def _rows_by_employer(roles: list[Role]) -> list[tuple[str, list[Role]]]:
    """Employers, most recent first, each with its roles."""
    rows: dict[str, list[Role]] = {}
    for role in roles:  # reverse chronological already
        rows.setdefault(role.employer, []).append(role)
    return list(rows.items())


def describe(career: Career) -> str:
    """The figure as text: its alternative for screen readers and text builders."""
    roles = "; ".join(f"{r.employer}, {r.position}, {r.dates}" for r in reversed(career.roles))
    by_year: dict[int, list[str]] = {}
    for pep in career.peps.values():
        by_year.setdefault(pep.year, []).append(str(pep.number))
    peps = "; ".join(f"{year}: {', '.join(numbers)}" for year, numbers in sorted(by_year.items()))
    return (f"Career timeline. Roles: {roles}. Numbers of the PEPs he authored or co-authored, "
            f"by the year each PEP was created: {peps}.")


def _span(years: list[int]) -> str:
    if not years:
        return ""
    return f"{min(years)}–{max(years)}" if min(years) != max(years) else str(min(years))


def caption(figure: Figure) -> str:
    return (f"Roles by employer, {figure.role_years}; each dot is a PEP he authored or "
            f"co-authored, in the year the PEP was created ({figure.pep_years}).")


def layout(career: Career, narrow: bool = False) -> Figure:
    """Where everything goes: employers' names left of their bars, or, when
    ``narrow``, above them (and a year's PEPs stacked, not side by side)."""
    years = [r.start.year for r in career.roles] + [p.year for p in career.peps.values()]
    first = min(years, default=career.today.year)
    last = max([career.today.year, *years])
    rows = _rows_by_employer(career.roles)
    by_year: dict[int, list] = {}
    for pep in career.peps.values():
        by_year.setdefault(pep.year, []).append(pep)
    if narrow:
        # No names beside the plot: a margin, so the first year's label fits.
        width, label_width, row = NARROW_WIDTH, 12.0, NARROW_LABEL + BAR + 6
        pep_height = NARROW_LABEL + max((len(p) for p in by_year.values()), default=1) * DOT_STEP
    else:
        # Employer names sit left of the plot; about 0.55 em a character.
        label_width = max((len(name) for name, _ in rows), default=4) * FONT * 0.55 + 10
        width, row, pep_height = WIDTH, ROW, ROW
    span = width - label_width - 4
    per_month = span / ((last - first + 1) * 12)

    def x(year: int, month: int = 1) -> float:
        return label_width + ((year - first) * 12 + month - 1) * per_month

    axis = len(rows) * row + pep_height
    role_ends = [(r.end or career.today).year for r in career.roles]
    figure = Figure(
        width, axis + AXIS + 4, first, last, description=describe(career),
        role_years=_span([r.start.year for r in career.roles] + role_ends),
        pep_years=_span([p.year for p in career.peps.values()]), narrow=narrow,
    )

    for number, (employer, roles) in enumerate(rows):
        if narrow:
            top = number * row + NARROW_LABEL
            figure.labels.append(Label(0, top - 4, employer))
        else:
            top = number * row + (row - BAR) / 2
            figure.labels.append(Label(label_width - 6, top + BAR - 2, employer, anchor="end"))
        for role in roles:
            end = role.end or career.today
            start_x = x(role.start.year, role.start.month)
            end_x = x(end.year, end.month) + per_month
            figure.bars.append(Bar(
                start_x, top, max(end_x - start_x - 1, 1),  # 1 unit apart: two roles stay two
                f"{role.position}, {role.employer}: {role.dates}", role.docname,
            ))

    pep_row = len(rows) * row
    if narrow:
        figure.labels.append(Label(0, pep_row + NARROW_LABEL - 4, "PEPs"))
    else:
        figure.labels.append(Label(label_width - 6, pep_row + ROW / 2 + 3.5, "PEPs", anchor="end"))
    for year, peps in by_year.items():
        step = 12 * per_month / len(peps)
        for i, pep in enumerate(peps):
            if narrow:  # stacked in the middle of its year
                centre = (x(year) + 6 * per_month, pep_row + NARROW_LABEL + DOT_STEP * (i + 0.5))
            else:
                centre = (x(year) + step * (i + 0.5), pep_row + ROW / 2)
            figure.dots.append(Dot(*centre, f"{pep.label}: {pep.title} (created {pep.year})",
                                   pep.key))

    figure.rules.append(Rule(label_width, axis, x(last) + 12 * per_month, axis))
    for year in range(first, last + 1):
        figure.rules.append(Rule(x(year), axis, x(year), axis + 3))
        if (last - year) % 2 == 0:  # every other year, back from this one
            figure.labels.append(Label(x(year) + 6 * per_month, axis + 13, str(year),
                                       anchor="middle", muted=True))
    return figure


# -- SVG ----------------------------------------------------------------------

_SVG_STYLE = """
.pf-bar { fill: var(--color-brand-primary, #%(bar)s); }
.pf-dot { fill: #%(pep)s; }
.pf-text { fill: currentColor; font: %(font)spx sans-serif; }
.pf-muted { fill: currentColor; opacity: .8; font: %(font)spx sans-serif; }
.pf-rule { stroke: currentColor; stroke-width: 1; opacity: .6; }
"""

# A file stands alone: its own background, light or dark as the reader prefers.
_SVG_STANDALONE_STYLE = """
svg { color: #1a1a1a; }
.pf-bg { fill: #ffffff; }
.pf-bar { fill: #%(bar)s; }
.pf-dot { fill: #%(pep)s; }
@media (prefers-color-scheme: dark) {
  svg { color: #e8e8e8; }
  .pf-bg { fill: #1a1c1e; }
  .pf-bar { fill: #6ea8ec; }
  .pf-dot { fill: #f0a060; }
}
"""


def svg(figure: Figure, href=None, cite=None, standalone: bool = False) -> str:
    """The figure as SVG. ``href(docname)`` links each bar to its role page,
    ``cite(key)`` each dot to its PEP's entry in the bibliography."""
    colours = {"bar": BAR_COLOUR, "pep": PEP_COLOUR, "font": FONT}
    style = _SVG_STYLE % colours + (_SVG_STANDALONE_STYLE % colours if standalone else "")
    title = f"Career: roles {figure.role_years}, PEPs created {figure.pep_years}"
    ids = "pf-narrow" if figure.narrow else "pf"  # a page holds both drawings
    out = [
        # With links inside, the figure is a group: an "img" hides its children
        # from assistive technology, links included (axe: nested-interactive).
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'class="portfolio-career {"pf-narrow" if figure.narrow else "pf-wide"}" '
        f'role="{"group" if href else "img"}" '
        f'viewBox="0 0 {figure.width:g} {figure.height:g}" '
        f'aria-labelledby="{ids}-title {ids}-desc">',
        f'<title id="{ids}-title">{escape(title)}</title>',
        f'<desc id="{ids}-desc">{escape(figure.description)}</desc>',
        f"<style>{style}</style>",
    ]
    if standalone:
        out.append(f'<rect class="pf-bg" width="{figure.width:g}" height="{figure.height:g}"/>')
    for rule in figure.rules:
        out.append(f'<line class="pf-rule" x1="{rule.x1:.1f}" y1="{rule.y1:.1f}" '
                   f'x2="{rule.x2:.1f}" y2="{rule.y2:.1f}"/>')
    for bar in figure.bars:
        rect = (f'<rect class="pf-bar" x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" '
                f'height="{BAR}" rx="2"><title>{escape(bar.title)}</title></rect>')
        if href:
            rect = f"<a href={quoteattr(href(bar.docname))}>{rect}</a>"
        out.append(rect)
    for dot in figure.dots:
        circle = (f'<circle class="pf-dot" cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="3.5">'
                  f"<title>{escape(dot.title)}</title></circle>")
        if cite and cite(dot.key):
            circle = f"<a href={quoteattr(cite(dot.key))}>{circle}</a>"
        out.append(circle)
    for label in figure.labels:
        cls = "pf-muted" if label.muted else "pf-text"
        out.append(f'<text class="{cls}" x="{label.x:.1f}" y="{label.y:.1f}" '
                   f'text-anchor="{label.anchor}">{escape(label.text)}</text>')
    out.append("</svg>")
    return "\n".join(out)


# -- TikZ ---------------------------------------------------------------------

_ANCHORS = {"start": "base west", "middle": "base", "end": "base east"}


def tikz(figure: Figure) -> str:
    """The same figure as a TikZ picture, scaled to the line width."""
    out = [
        f"\\definecolor{{pfbar}}{{HTML}}{{{BAR_COLOUR}}}",
        f"\\definecolor{{pfpep}}{{HTML}}{{{PEP_COLOUR}}}",
        "\\resizebox{\\linewidth}{!}{%",
        "\\begin{tikzpicture}[x=1pt,y=-1pt,inner sep=0pt]",
        # A fixed frame, so every build scales the picture alike.
        f"\\path (0,0) rectangle ({figure.width:g},{figure.height:g});",
    ]
    for rule in figure.rules:
        out.append(f"\\draw[line width=0.6pt,gray] ({rule.x1:.1f},{rule.y1:.1f}) -- "
                   f"({rule.x2:.1f},{rule.y2:.1f});")
    for bar in figure.bars:
        out.append(f"\\fill[pfbar,rounded corners=1.5pt] ({bar.x:.1f},{bar.y:.1f}) rectangle "
                   f"++({bar.width:.1f},{BAR});")
    for dot in figure.dots:
        out.append(f"\\fill[pfpep] ({dot.x:.1f},{dot.y:.1f}) circle (3.5);")
    for label in figure.labels:
        size = FONT - 1 if label.muted else FONT
        colour = ",gray" if label.muted else ""
        text = tex_escape(label.text)
        out.append(
            f"\\node[anchor={_ANCHORS[label.anchor]},font=\\fontsize{{{size}}}{{{size + 2}}}"
            f"\\selectfont{colour}] at ({label.x:.1f},{label.y:.1f}) {{{text}}};"
        )
    out += ["\\end{tikzpicture}}"]
    return "\n".join(out)
