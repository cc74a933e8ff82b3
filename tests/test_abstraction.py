"""Abstraction accounting on hand-built rosters: night shifts, both clock changes, leave, an emergency, bad records."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from pact_core.abstraction import (
    AbstractionPolicy,
    Accounts,
    ActivityClass,
    Cell,
    DutyRecord,
    Standard,
    Summary,
    account,
    account_table,
    check_standards,
)
from pact_core.errors import ExceptionGroup, InvalidDutyRecord
from pact_core.intervals import CalendarUnit, Interval

LONDON = ZoneInfo("Europe/London")
POLICY = AbstractionPolicy.default()


def local(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LONDON)


def duty(
    officer: str, start: dt.datetime, end: dt.datetime, activity: str, team: str = "Strood NPT"
) -> DutyRecord:
    return DutyRecord(
        officer=officer,
        interval=Interval(start, end),
        activity=activity,
        neighbourhood="Strood",
        team=team,
    )


def minutes_by_period(books: Accounts) -> dict[str, Fraction]:
    found: dict[str, Fraction] = {}
    for cell, minutes in books.minutes():
        found[cell.period.isoformat()] = found.get(cell.period.isoformat(), Fraction(0)) + minutes
    return found


def test_a_night_shift_over_a_month_end_is_cut_at_local_midnight() -> None:
    night = duty("PC 1", local(2025, 3, 31, 22), local(2025, 4, 1, 6), "patrol")
    books = account([night], POLICY, tz=LONDON)
    assert minutes_by_period(books) == {"2025-03-01": 120, "2025-04-01": 360}
    by_day = account([night], POLICY, tz=LONDON, unit="day")
    assert minutes_by_period(by_day) == {"2025-03-31": 120, "2025-04-01": 360}
    assert by_day.unit is CalendarUnit.DAY


def test_both_clock_change_nights() -> None:
    spring = duty("PC 1", local(2025, 3, 29, 22), local(2025, 3, 30, 6), "patrol")
    autumn = duty("PC 1", local(2025, 10, 25, 22), local(2025, 10, 26, 6), "patrol")
    days = account([spring, autumn], POLICY, tz=LONDON, unit=CalendarUnit.DAY)
    # 22:00 to 06:00 is seven hours when the clocks go forward, nine when they go back
    assert minutes_by_period(days) == {
        "2025-03-29": 120,
        "2025-03-30": 300,
        "2025-10-25": 120,
        "2025-10-26": 420,
    }
    weeks = account([spring, autumn], POLICY, tz=LONDON, unit="week")
    # Saturday 29 and Sunday 30 March are in the ISO week of Monday 24th; likewise 25-26 October
    assert minutes_by_period(weeks) == {"2025-03-24": 420, "2025-10-20": 540}


def _roster() -> list[DutyRecord]:
    return [
        duty("PC 1", local(2025, 3, 3, 7), local(2025, 3, 3, 13), "Patrol"),
        duty("PC 1", local(2025, 3, 3, 13), local(2025, 3, 3, 15), "admin"),
        duty("PC 1", local(2025, 3, 4, 7), local(2025, 3, 4, 15), "response cover"),
        duty("PC 1", local(2025, 3, 5, 0), local(2025, 3, 6, 0), "annual leave"),
        duty("PCSO 2", local(2025, 3, 3, 9), local(2025, 3, 3, 17), "patrol"),
        duty("PCSO 2", local(2025, 3, 4, 9), local(2025, 3, 4, 17), "major incident"),
        duty("PC 3", local(2025, 3, 3, 7), local(2025, 3, 3, 15), "training", team="Chatham NPT"),
    ]


def test_rates_leave_and_an_emergency() -> None:
    books = account(_roster(), POLICY, tz=LONDON)
    pc1 = books.summary(officer="PC 1")
    # leave is off duty: 16 hours on duty, 8 of them abstracted, 6 in the community
    assert pc1.on_duty == 16 * 60
    assert pc1.of(ActivityClass.OFF_DUTY) == 24 * 60
    assert (pc1.rate, pc1.community_share) == (Fraction(1, 2), Fraction(3, 8))
    pcso = books.summary(officer="PCSO 2")
    assert pcso.rate == Fraction(1, 2)
    assert pcso.rate_excluding_emergencies == 0
    team = books.summary(team="Strood NPT")
    assert team.on_duty == 32 * 60
    assert team.rate == Fraction(16, 32)
    assert team.rate_excluding_emergencies == Fraction(8, 24)
    assert team.of(ActivityClass.EMERGENCY) == 8 * 60
    assert books.summary(officer="Nobody").rate is None
    assert books.summary(officer="Nobody").rate_excluding_emergencies is None
    assert books.summary(officer="Nobody").community_share is None


def test_accounting_within_a_period_counts_only_the_time_inside() -> None:
    night = duty("PC 1", local(2025, 3, 31, 22), local(2025, 4, 1, 6), "patrol")
    april = Interval(local(2025, 4, 1), local(2025, 5, 1))
    books = account([night, *_roster()], POLICY, tz=LONDON, within=april)
    assert minutes_by_period(books) == {"2025-04-01": 360}
    assert (
        account(
            [night], POLICY, tz=LONDON, within=Interval(local(2025, 6, 1), local(2025, 7, 1))
        ).cells
        == ()
    )
    with pytest.raises(ExceptionGroup):  # records outside the period are still checked
        account(
            [night, duty("PC 1", local(2025, 3, 31, 23), local(2025, 4, 1), "court")],
            POLICY,
            tz=LONDON,
            within=april,
        )
    with pytest.raises(TypeError, match="^within must be an Interval or None"):
        account([night], POLICY, tz=LONDON, within="2025-04")  # type: ignore[arg-type]


def test_accounts_by_levels() -> None:
    books = account(_roster(), POLICY, tz=LONDON)
    teams = books.by("team")
    assert list(teams) == [("Chatham NPT",), ("Strood NPT",)]
    assert teams[("Chatham NPT",)].rate == 1
    by_officer_and_period = books.by("officer", "period")
    assert (("PC 1", dt.date(2025, 3, 1))) in by_officer_and_period
    assert books.by("force")[()].on_duty == 40 * 60
    with pytest.raises(
        TypeError, match="^levels must be officer, team, neighbourhood, period or force"
    ):
        books.by("ward")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unexpected keyword argument 'ward'"):
        books.summary(ward="x")


def test_accounts_add_and_refuse_to_mix_units_or_zones() -> None:
    roster = _roster()
    whole = account(roster, POLICY, tz=LONDON)
    assert account(roster[:3], POLICY, tz=LONDON) + account(roster[3:], POLICY, tz=LONDON) == whole
    empty = Accounts(unit=CalendarUnit.MONTH, tz=LONDON)
    assert whole + empty == whole
    with pytest.raises(InvalidDutyRecord, match="^accounts must share a unit and zone to add"):
        whole + account(roster, POLICY, tz=LONDON, unit="day")
    with pytest.raises(TypeError):
        whole + 1  # type: ignore[operator]
    assert pickle.loads(pickle.dumps(whole)) == whole  # noqa: S301 - our own bytes
    with pytest.raises(TypeError, match="^tz must be a datetime.tzinfo"):
        Accounts(unit=CalendarUnit.MONTH, tz="Europe/London")  # type: ignore[arg-type]


def test_every_problem_of_a_record_set_is_reported_at_once() -> None:
    roster = [
        duty("PC 1", local(2025, 3, 3, 7), local(2025, 3, 3, 15), "patrol"),
        duty("PC 1", local(2025, 3, 3, 14), local(2025, 3, 3, 16), "court"),
        duty("PC 2", local(2025, 3, 3, 7), local(2025, 3, 3, 15), "juggling"),
        duty("PC 1", local(2025, 3, 3, 8), local(2025, 3, 3, 9), "admin"),
    ]
    with pytest.raises(ExceptionGroup) as caught:
        account(roster, POLICY, tz=LONDON)
    errors = caught.value.exceptions
    assert [str(e) for e in errors] == [
        "records[0] and records[1] must not overlap: PC 1 cannot be on 'patrol' (2025-03-03T07:00:00Z/2025-03-03T15:00:00Z) and 'court' (2025-03-03T14:00:00Z/2025-03-03T16:00:00Z) at once",
        "records[2] (PC 2, 'juggling') must have an activity the policy 'pact_core default' classes",
        "records[0] and records[3] must not overlap: PC 1 cannot be on 'patrol' (2025-03-03T07:00:00Z/2025-03-03T15:00:00Z) and 'admin' (2025-03-03T08:00:00Z/2025-03-03T09:00:00Z) at once",
    ]
    assert [e.index for e in errors if isinstance(e, InvalidDutyRecord)] == [1, 2, 3]


def test_rows_are_accounted_like_records() -> None:
    roster = _roster()
    rows = [
        (r.officer, r.interval.start, r.interval.end, r.activity, r.neighbourhood, r.team)
        for r in roster
    ]
    assert account_table(rows, POLICY, tz=LONDON) == account(roster, POLICY, tz=LONDON)
    loud = [(o, s, e, a.upper(), n, t) for o, s, e, a, n, t in rows]
    assert account_table(loud, POLICY, tz=LONDON) == account(roster, POLICY, tz=LONDON)
    backwards = [("PC 9", local(2025, 3, 3, 9), local(2025, 3, 3, 8), "patrol", "N", "T")]
    with pytest.raises(ExceptionGroup) as caught:
        account_table(backwards, POLICY, tz=LONDON)
    assert str(caught.value.exceptions[0]).startswith("rows[0] (PC 9) must end after it starts")
    with pytest.raises(TypeError, match="^rows must be"):
        account_table([("PC 1",)], POLICY, tz=LONDON)  # type: ignore[list-item]
    naive = dt.datetime(2025, 1, 1)  # noqa: DTZ001 - the mistake under test
    with pytest.raises(Exception, match=r"^rows\[0\] start must be timezone-aware"):
        account_table([("PC 1", naive, local(2025, 1, 2), "patrol", "N", "T")], POLICY, tz=LONDON)
    with pytest.raises(Exception, match=r"^rows\[0\] end must be timezone-aware"):
        account_table([("PC 1", local(2025, 1, 1), naive, "patrol", "N", "T")], POLICY, tz=LONDON)

    class Stubborn(dt.datetime):
        def __sub__(self, other: object) -> Any:
            raise TypeError("no")

    odd = Stubborn(2025, 1, 1, tzinfo=LONDON)
    with pytest.raises(TypeError, match=r"^rows\[0\] start and end must be aware datetimes"):
        account_table([("PC 1", odd, local(2025, 1, 2), "patrol", "N", "T")], POLICY, tz=LONDON)
    assert account_table([], POLICY, tz=LONDON).cells == ()


def test_argument_errors() -> None:
    with pytest.raises(TypeError, match="^policy must be an AbstractionPolicy"):
        account([], None, tz=LONDON)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^tz must be a datetime.tzinfo"):
        account([], POLICY, tz="Europe/London")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^records must be DutyRecord values"):
        account(["x"], POLICY, tz=LONDON)  # type: ignore[list-item]
    with pytest.raises(InvalidDutyRecord, match="^officer must not be blank"):
        DutyRecord(
            officer=" ",
            interval=Interval.parse("2025-01-01T00:00Z/PT1H"),
            activity="patrol",
            neighbourhood="N",
            team="T",
        )
    with pytest.raises(TypeError, match="^activity must be a str"):
        DutyRecord(
            officer="PC",
            interval=Interval.parse("2025-01-01T00:00Z/PT1H"),
            activity=1,
            neighbourhood="N",
            team="T",
        )


def test_policies_and_their_presets() -> None:
    met = AbstractionPolicy.met_dedicated_ward_officers()
    assert met.classify("briefing") is ActivityClass.COMMUNITY
    assert POLICY.classify("briefing") is ActivityClass.NEIGHBOURHOOD_WORK
    pledge = AbstractionPolicy.policing_pledge_2008()
    assert pledge.classify("admin") is ActivityClass.NEIGHBOURHOOD_WORK
    assert pledge.source is not None
    assert "2008" in pledge.source
    assert POLICY.classify("Major  Incident") is ActivityClass.EMERGENCY
    with pytest.raises(
        InvalidDutyRecord,
        match="^activity must be classed by the policy 'pact_core default', got 'knitting'$",
    ):
        POLICY.classify("knitting")
    with pytest.raises(TypeError, match="^classes must map activities to ActivityClass"):
        AbstractionPolicy(name="x", classes={"patrol": "community"})  # type: ignore[dict-item]


def test_standards_list_every_officer_and_team_that_falls_short() -> None:
    books = account(_roster(), POLICY, tz=LONDON)
    standards = [Standard.guarantee_majority(), Standard.maximum_rate(Fraction(1, 4))]
    found = [(s.standard.name, s.level, s.key, s.value) for s in check_standards(books, standards)]
    assert found == [
        ("majority of time in the community", "officer", ("PC 1",), Fraction(3, 8)),
        ("abstraction at most 1/4", "officer", ("PC 1",), Fraction(1, 2)),
        ("majority of time in the community", "officer", ("PC 3",), Fraction(0)),
        ("abstraction at most 1/4", "officer", ("PC 3",), Fraction(1)),
        ("majority of time in the community", "officer", ("PCSO 2",), Fraction(1, 2)),
        ("majority of time in the community", "team", ("Chatham NPT",), Fraction(0)),
        ("abstraction at most 1/4", "team", ("Chatham NPT",), Fraction(1)),
        ("majority of time in the community", "team", ("Strood NPT",), Fraction(14, 32)),
        ("abstraction at most 1/4", "team", ("Strood NPT",), Fraction(1, 3)),
    ]
    # exactly half is not a majority; exactly 80 % meets the Pledge
    half = Summary(
        minutes={ActivityClass.COMMUNITY: Fraction(1), ActivityClass.ABSTRACTED: Fraction(1)}
    )
    assert not Standard.guarantee_majority().met_by(
        Standard.guarantee_majority().value_of(half) or Fraction(0)
    )
    assert Standard.pledge_visible_80().met_by(Fraction(4, 5))
    overall = Standard.maximum_rate(Fraction(1, 10), excluding_emergencies=False)
    assert overall.measure == "rate"
    flagged = check_standards(books, [overall], levels=["officer"])
    assert [(s.key, s.value) for s in flagged] == [
        (("PC 1",), Fraction(1, 2)),
        (("PC 3",), Fraction(1)),
        (("PCSO 2",), Fraction(1, 2)),
    ]
    strict_ceiling = Standard(
        name="below a tenth",
        measure="rate",
        threshold=Fraction(1, 10),
        at_least=False,
        strictly=True,
    )
    assert not strict_ceiling.met_by(Fraction(1, 10))
    with pytest.raises(InvalidDutyRecord, match="^measure must be 'community share'"):
        Standard(name="x", measure="happiness", threshold=1, at_least=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^accounts must be Accounts"):
        check_standards(None, [])  # type: ignore[arg-type]


def test_cells_are_named_tuples() -> None:
    books = account(_roster()[:1], POLICY, tz=LONDON)
    ((cell, microseconds),) = books.cells
    assert cell == Cell(
        "PC 1", "Strood NPT", "Strood", dt.date(2025, 3, 1), ActivityClass.COMMUNITY, "patrol"
    )
    assert microseconds == 6 * 3600 * 10**6


@pytest.mark.parametrize(
    "name",
    [
        "AbstractionPolicy",
        "Accounts",
        "DutyRecord",
        "Shortfall",
        "Standard",
        "Summary",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.abstraction"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_the_pledge_asks_for_four_fifths_of_the_time_visible() -> None:
    pledge = Standard.pledge_visible_80()
    assert pledge.threshold == Fraction(4, 5)
    assert pledge.met_by(Fraction(4, 5))
    assert not pledge.met_by(Fraction(79, 100))


def test_a_record_ending_as_the_period_begins_is_not_in_it() -> None:
    before = duty("PC 1", local(2025, 4, 1, 8), local(2025, 4, 1, 10), "patrol")
    inside = duty("PC 1", local(2025, 4, 1, 10), local(2025, 4, 1, 12), "court")
    period = Interval(local(2025, 4, 1, 10), local(2025, 4, 2))
    assert account([before, inside], POLICY, tz=LONDON, within=period) == account(
        [inside], POLICY, tz=LONDON, within=period
    )


def test_a_row_that_ends_as_it_starts_is_refused() -> None:
    empty = [("PC 9", local(2025, 3, 3, 9), local(2025, 3, 3, 9), "patrol", "N", "T")]
    with pytest.raises(ExceptionGroup) as caught:
        account_table(empty, POLICY, tz=LONDON)
    assert str(caught.value.exceptions[0]).startswith("rows[0] (PC 9) must end after it starts")


def test_accounts_are_summed_by_the_four_levels_alone() -> None:
    books = account(_roster(), POLICY, tz=LONDON)
    for field in Cell._fields[4:]:
        with pytest.raises(TypeError, match="^levels must be officer, team, neighbourhood"):
            books.by(field)  # type: ignore[arg-type]


def test_a_ceiling_is_met_at_the_ceiling() -> None:
    ceiling = Standard.maximum_rate(Fraction(1, 4))
    assert ceiling.met_by(Fraction(1, 4))
    assert not ceiling.met_by(Fraction(26, 100))


def test_a_record_starting_as_the_period_ends_is_not_in_it() -> None:
    inside = duty("PC 1", local(2025, 4, 1, 10), local(2025, 4, 1, 12), "court")
    after = duty("PC 1", local(2025, 4, 2), local(2025, 4, 2, 2), "patrol")
    period = Interval(local(2025, 4, 1, 10), local(2025, 4, 2))
    books = account([inside, after], POLICY, tz=LONDON, within=period, unit="day")
    assert books == account([inside], POLICY, tz=LONDON, within=period, unit="day")
    assert [cell.activity for cell, _ in books.cells] == ["court"]
