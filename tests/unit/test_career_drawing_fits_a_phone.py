"""The career figure's narrow drawing, for a phone's column: its text is at
least 11 CSS px at a 390 px viewport, every label lies inside the drawing and
clear of the others, and a year's PEPs are stacked, not drawn over each other."""

from __future__ import annotations

from itertools import pairwise

from portfolio.model import Career, Pep, Person, Role, YearMonth
from portfolio.views import drawing

PHONE_COLUMN = 358  # CSS px: a 390 px viewport less furo's 16 px margins
EM = 0.55  # a character's width in em, as layout() estimates it


def _career() -> Career:
    person = Person("Ada Example", "", "", "ada@example.com", [], "", [], [])
    employers = ["Hewlett Packard Enterprise", "Amazon Web Services", "Xenofox"]
    roles = [
        Role(f"experience/{i}", f"role{i}", "", employer, "Engineer", YearMonth(2020 - 4 * i, 3),
             YearMonth(2023 - 4 * i, 6), {}, [], [])
        for i, employer in enumerate(employers)
    ]
    peps = {f"pep{n}": Pep(f"pep{n}", n, f"PEP {n}", ["Ada Example"], "Final",
                           "Standards Track", 2014 if n < 500 else 2020, "")
            for n in (440, 449, 453, 464, 503, 691)}
    return Career(person, roles, [], peps, today=YearMonth(2026, 1))


def _extent(label: drawing.Label) -> tuple[float, float]:
    width = len(label.text) * drawing.FONT * EM
    start = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}
    return start[label.anchor], start[label.anchor] + width


def test_the_narrow_text_is_at_least_11_px_on_a_phone():
    figure = drawing.layout(_career(), narrow=True)
    assert drawing.FONT * PHONE_COLUMN / figure.width >= 11
    # The wide drawing could not: its text would be below 7 px there.
    assert drawing.FONT * PHONE_COLUMN / drawing.layout(_career()).width < 7


def test_every_label_is_inside_the_drawing_and_clear_of_the_others():
    figure = drawing.layout(_career(), narrow=True)
    boxes = []
    for label in figure.labels:
        left, right = _extent(label)
        assert left >= 0, label
        assert right <= figure.width, label
        assert 0.8 * drawing.FONT <= label.y <= figure.height, label  # ascenders inside
        boxes.append((left, right, label.y))
    for i, (left, right, y) in enumerate(boxes):
        for other_left, other_right, other_y in boxes[i + 1:]:
            same_line = abs(y - other_y) < drawing.FONT
            assert not (same_line and left < other_right and other_left < right)


def test_names_stand_above_their_bars_and_a_years_peps_are_stacked():
    figure = drawing.layout(_career(), narrow=True)
    names = {label.text: label for label in figure.labels}
    for bar, employer in zip(figure.bars, ["Hewlett Packard Enterprise",
                                           "Amazon Web Services", "Xenofox"], strict=True):
        assert names[employer].y < bar.y  # the name's baseline above the bar
    in_2014 = [dot for dot in figure.dots if "PEP 4" in dot.title]
    assert len({dot.x for dot in in_2014}) == 1
    ys = sorted(dot.y for dot in in_2014)
    assert all(b - a >= 7 for a, b in pairwise(ys))  # 3.5 radius: apart
