"""Durations follow one rule (``DURATION_RULE``) and add up: a month in which
one role ends and the next begins counts once, for the role that begins, so
an employer's time is the sum of its roles' and the career's is the sum of
all roles'. Checked on the site's own roles, read with PyYAML."""

from __future__ import annotations

import pytest

from portfolio.model import DURATION_RULE, Career, Person, Role, YearMonth, duration
from support.sources import ROLES

TODAY = YearMonth(2026, 1)


def role(label: str, employer: str, start: str, end: str | None) -> Role:
    return Role(docname=f"experience/{label}", label=label, title=label, employer=employer,
                position=label, start=YearMonth.parse(start),
                end=YearMonth.parse(end) if end else None, skills={}, contributions=[],
                bullets=[])


def career(*roles: Role) -> Career:
    person = Person(name="", headline="", location="", email="", profiles=[], summary="",
                    languages=[], skills=[])
    return Career(person=person, roles=list(roles), contributions=[], peps={}, today=TODAY)


SITE = career(*(role(r.label, r.meta["employer"], r.meta["start"],
                     None if r.meta["end"] == "present" else r.meta["end"]) for r in ROLES))


def test_a_shared_month_counts_for_the_role_that_begins():
    senior = role("senior", "Datadog", "2020-01", "2024-01")
    staff = role("staff", "Datadog", "2024-01", "2025-04")
    both = career(staff, senior)
    assert (both.months(senior), both.months(staff)) == (48, 16)
    assert both.months_at("Datadog") == 64 == YearMonth(2020, 1).months_to(YearMonth(2025, 4))
    assert both.months_of_experience == 64


def test_a_role_alone_counts_its_whole_span_and_gaps_count_for_nothing():
    first = role("first", "A", "2016-12", "2019-10")
    second = role("second", "B", "2020-01", None)  # goes on: to today
    both = career(second, first)
    assert both.months(first) == 35
    assert both.months(second) == YearMonth(2020, 1).months_to(TODAY)
    assert both.months_of_experience == 35 + both.months(second)  # Nov-Dec 2019 not counted


def test_each_employer_is_the_sum_of_its_roles_and_the_career_of_all():
    assert SITE.roles
    for employer in {r.employer for r in SITE.roles}:
        roles = [r for r in SITE.roles if r.employer == employer]
        assert SITE.months_at(employer) == sum(SITE.months(r) for r in roles)
        # ... and no more than the calendar months from its first to its last
        first, last = min(r.start for r in roles), max(r.end or TODAY for r in roles)
        assert SITE.months_at(employer) <= first.months_to(last), employer
    assert SITE.months_of_experience == sum(SITE.months(r) for r in SITE.roles)


@pytest.mark.parametrize(("label", "expected"), [
    ("datadog-staff", "1 year 4 months"),
    ("datadog-senior", "4 years"),  # Jan 2024 counts for Staff
    ("aws", "2 years 11 months"),
    ("hpe", "1 year 6 months"),
    ("rackspace", "1 year 5 months"),  # May 2015 counts for HPE
    ("nebula", "1 year 2 months"),  # Dec 2013 counts for Rackspace
    ("eldarion", "1 year 4 months"),
    ("xenofox", "3 years 5 months"),  # Jun 2011 counts for Eldarion
])
def test_the_sites_roles(label, expected):
    (found,) = [r for r in SITE.roles if r.label == label]
    assert duration(SITE.months(found)) == expected


def test_the_sites_totals():
    assert duration(SITE.months_at("Datadog")) == "5 years 4 months"
    # Jan 2008 - Apr 2025 less Nov 2016 and Nov-Dec 2019, between roles.
    assert SITE.months_of_experience == 205
    assert (SITE.first_month, SITE.last_month) == (YearMonth(2008, 1), YearMonth(2025, 4))


def test_the_rule_is_one_sentence_a_reader_sees():
    assert DURATION_RULE.startswith("Durations count each month once")
