"""Overlapping duty records under each `Overlaps` rule: whose the shared time is, and that every microsecond counts once."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pact_core.abstraction import (
    AbstractionPolicy,
    Accounts,
    DutyRecord,
    Overlaps,
    account,
    account_table,
)
from pact_core.errors import ExceptionGroup, InvalidDutyRecord
from pact_core.intervals import CalendarUnit, Interval, merge

LONDON = ZoneInfo("Europe/London")
POLICY = AbstractionPolicy.default()
UTC = dt.timezone.utc


def at(hour: float, day: int = 3) -> dt.datetime:
    return dt.datetime(2025, 3, day, tzinfo=UTC) + dt.timedelta(hours=hour)


def duty(start: dt.datetime, end: dt.datetime, activity: str, officer: str = "PC 1") -> DutyRecord:
    return DutyRecord(officer=officer, interval=Interval(start, end), activity=activity,
                      neighbourhood="Strood", team="Strood NPT")  # fmt: skip


def hours(books: Accounts) -> dict[str, Fraction]:
    found: dict[str, Fraction] = {}
    for cell, minutes in books.minutes():
        found[cell.activity] = found.get(cell.activity, Fraction(0)) + minutes / 60
    return found


def test_an_error_by_default_naming_both_records() -> None:
    records = [duty(at(7), at(15), "patrol"), duty(at(10), at(12), "response cover")]
    with pytest.raises(ExceptionGroup) as caught:
        account(records, POLICY, tz=LONDON)
    (problem,) = caught.value.exceptions
    assert isinstance(problem, InvalidDutyRecord)
    assert problem.value == (0, 1)
    with pytest.raises(ExceptionGroup):
        account(records, POLICY, tz=LONDON, overlaps=Overlaps.ERROR)


@pytest.mark.parametrize(
    ("overlaps", "expected"),
    [
        (Overlaps.LATER_WINS, {"patrol": 6, "response cover": 2}),
        (Overlaps.SPLIT, {"patrol": 7, "response cover": 1}),
    ],
)
def test_cover_inside_a_patrol(overlaps: Overlaps, expected: dict[str, int]) -> None:
    records = [duty(at(7), at(15), "patrol"), duty(at(10), at(12), "response cover")]
    assert hours(account(records, POLICY, tz=LONDON, overlaps=overlaps)) == expected


@pytest.mark.parametrize(
    ("overlaps", "expected"),
    [
        (Overlaps.LATER_WINS, {"patrol": 7, "court": 2}),
        (Overlaps.SPLIT, {"patrol": Fraction(15, 2), "court": Fraction(3, 2)}),
    ],
)
def test_a_court_hearing_that_begins_before_the_patrol_ends(
    overlaps: Overlaps, expected: dict[str, Fraction]
) -> None:
    records = [duty(at(14), at(16), "court"), duty(at(7), at(15), "patrol")]
    assert hours(account(records, POLICY, tz=LONDON, overlaps=overlaps)) == expected


def test_records_that_start_together_go_to_the_one_given_later() -> None:
    first, correction = duty(at(7), at(9), "patrol"), duty(at(7), at(8), "training")
    books = account([first, correction], POLICY, tz=LONDON, overlaps=Overlaps.LATER_WINS)
    assert hours(books) == {"patrol": 1, "training": 1}
    books = account([correction, first], POLICY, tz=LONDON, overlaps=Overlaps.LATER_WINS)
    assert hours(books) == {"patrol": 2}


def test_three_records_at_once_split_in_three_to_the_microsecond() -> None:
    records = [
        duty(at(7), at(8), "patrol"),
        duty(at(7), at(8), "court"),
        duty(at(7), at(8), "training"),
    ]
    books = account(records, POLICY, tz=LONDON, overlaps=Overlaps.SPLIT)
    assert hours(books) == {
        "patrol": Fraction(1, 3),
        "court": Fraction(1, 3),
        "training": Fraction(1, 3),
    }
    odd = [
        duty(at(7), at(7) + dt.timedelta(microseconds=4), what)
        for what in ("patrol", "court", "training")
    ]
    micro = {
        cell.activity: m * 60_000_000
        for cell, m in account(odd, POLICY, tz=LONDON, overlaps=Overlaps.SPLIT).minutes()
    }
    assert micro == {
        "patrol": 2,
        "court": 1,
        "training": 1,
    }  # the leftover to the record given first


def test_a_split_is_made_in_each_month_over_a_month_end() -> None:
    # Two records share 22:00 on 31 March to 02:00 on 1 April (London, BST from 30 March).
    night = duty(
        dt.datetime(2025, 3, 31, 20, tzinfo=LONDON),
        dt.datetime(2025, 4, 1, 2, tzinfo=LONDON),
        "patrol",
    )
    cover = duty(
        dt.datetime(2025, 3, 31, 22, tzinfo=LONDON),
        dt.datetime(2025, 4, 1, 2, tzinfo=LONDON),
        "response cover",
    )
    books = account([night, cover], POLICY, tz=LONDON, overlaps=Overlaps.SPLIT)
    found = {(c.period.month, c.activity): m / 60 for c, m in books.minutes()}
    assert found == {
        (3, "patrol"): 3,
        (3, "response cover"): 1,
        (4, "patrol"): 1,
        (4, "response cover"): 1,
    }


def test_other_officers_and_records_that_only_touch_are_untouched() -> None:
    records = [
        duty(at(7), at(15), "patrol"),
        duty(at(15), at(17), "court"),
        duty(at(7), at(15), "patrol", officer="PC 2"),
    ]
    for overlaps in Overlaps:
        assert hours(account(records, POLICY, tz=LONDON, overlaps=overlaps)) == {
            "patrol": 16,
            "court": 2,
        }


def test_the_rule_must_be_an_overlaps() -> None:
    with pytest.raises(TypeError, match="^overlaps must be an Overlaps, got 'split'$"):
        account([], POLICY, tz=LONDON, overlaps="split")  # type: ignore[arg-type]


def test_other_problems_are_still_reported_with_a_rule() -> None:
    records = [duty(at(7), at(15), "patrol"), duty(at(10), at(12), "juggling")]
    with pytest.raises(ExceptionGroup) as caught:
        account(records, POLICY, tz=LONDON, overlaps=Overlaps.SPLIT)
    assert [getattr(e, "field", None) for e in caught.value.exceptions] == ["activity"]


ACTIVITIES = st.sampled_from(["patrol", "response cover", "court", "training", "annual leave"])
RECORDS = st.lists(
    st.tuples(
        st.sampled_from(["PC 1", "PC 2"]), st.integers(0, 96), st.integers(1, 48), ACTIVITIES
    ),
    max_size=12,
)


@given(
    RECORDS, st.sampled_from([Overlaps.LATER_WINS, Overlaps.SPLIT]), st.sampled_from(CalendarUnit)
)
def test_each_officer_s_time_is_counted_once(
    given: list[tuple[str, int, int, str]], overlaps: Overlaps, unit: CalendarUnit
) -> None:
    # Quarter hours from 30 March 2025, across the spring clock change and a month end.
    base = dt.datetime(2025, 3, 29, 12, tzinfo=UTC)
    quarter = dt.timedelta(minutes=15)
    rows = [(officer, base + start * quarter, base + (start + length) * quarter, what, "Strood", "Strood NPT")
            for officer, start, length, what in given]  # fmt: skip
    books = account_table(rows, POLICY, tz=LONDON, unit=unit, overlaps=overlaps)
    for officer in ("PC 1", "PC 2"):
        union = merge(Interval(r[1], r[2]) for r in rows if r[0] == officer)
        expected = sum((i.duration for i in union), dt.timedelta(0)) / dt.timedelta(minutes=1)
        counted = sum((m for cell, m in books.minutes() if cell.officer == officer), Fraction(0))
        assert counted == expected
    # The records as DutyRecord values give the same accounts.
    records = [
        DutyRecord(
            officer=r[0],
            interval=Interval(r[1], r[2]),
            activity=r[3],
            neighbourhood=r[4],
            team=r[5],
        )
        for r in rows
    ]
    assert account(records, POLICY, tz=LONDON, unit=unit, overlaps=overlaps) == books


def test_a_share_too_small_to_divide_gives_some_records_nothing() -> None:
    # Two microseconds among three records: the last gets none, and has no cell.
    tiny = [
        duty(at(7), at(7) + dt.timedelta(microseconds=2), what)
        for what in ("patrol", "court", "training")
    ]
    books = account(tiny, POLICY, tz=LONDON, overlaps=Overlaps.SPLIT)
    micro = {cell.activity: m * 60_000_000 for cell, m in books.minutes()}
    assert micro == {"patrol": 1, "court": 1}
