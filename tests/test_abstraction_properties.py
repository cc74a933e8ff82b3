"""Laws of abstraction accounting: conservation, sums, bounds, order and additivity."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from pact_core.abstraction import AbstractionPolicy, DutyRecord, account, account_table
from pact_core.intervals import CalendarUnit
from pact_core.testing import abstraction_policies, rosters

LONDON = ZoneInfo("Europe/London")
ZONES = st.sampled_from(
    [LONDON, ZoneInfo("America/Sao_Paulo"), ZoneInfo("Australia/Lord_Howe"), dt.timezone.utc]
)
UNITS = st.sampled_from(CalendarUnit)


@given(rosters(), abstraction_policies(), ZONES, UNITS)
def test_minutes_are_conserved_by_cutting(
    roster: tuple[DutyRecord, ...], policy: AbstractionPolicy, tz: Any, unit: CalendarUnit
) -> None:
    books = account(roster, policy, tz=tz, unit=unit)
    total = sum(r.interval.duration // dt.timedelta(microseconds=1) for r in roster)
    assert sum(m for _, m in books.cells) == total
    for cell, _ in books.cells:
        assert unit._first_date(cell.period) == cell.period


@given(rosters(), abstraction_policies())
def test_officers_sum_to_their_teams_and_rates_lie_in_0_1(
    roster: tuple[DutyRecord, ...], policy: AbstractionPolicy
) -> None:
    books = account(roster, policy, tz=LONDON)
    for (team,), summary in books.by("team").items():
        officers = [books.summary(officer=o, team=team) for o in {r.officer for r in roster}]
        assert sum(s.on_duty for s in officers) == summary.on_duty
        for value in (summary.rate, summary.rate_excluding_emergencies, summary.community_share):
            assert value is None or 0 <= value <= 1


@given(rosters(), st.randoms(use_true_random=False), UNITS)
def test_order_does_not_matter_and_accounts_add_over_any_partition(
    roster: tuple[DutyRecord, ...], random: Any, unit: CalendarUnit
) -> None:
    policy = AbstractionPolicy.default()
    whole = account(roster, policy, tz=LONDON, unit=unit)
    shuffled = list(roster)
    random.shuffle(shuffled)
    assert account(shuffled, policy, tz=LONDON, unit=unit) == whole
    cut = random.randint(0, len(shuffled))
    parts = account(shuffled[:cut], policy, tz=LONDON, unit=unit) + account(
        shuffled[cut:], policy, tz=LONDON, unit=unit
    )
    assert parts == whole
    rows = [
        (r.officer, r.interval.start, r.interval.end, r.activity, r.neighbourhood, r.team)
        for r in roster
    ]
    assert account_table(rows, policy, tz=LONDON, unit=unit) == whole
