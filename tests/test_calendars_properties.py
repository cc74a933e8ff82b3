"""Laws of holidays and working time, checked against a slow reference that walks day by day."""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from pact_core.calendars import HolidayCalendar, WorkingCalendar, england_and_wales_holidays
from pact_core.intervals import Interval, add_elapsed
from pact_core.testing import aware_datetimes, holiday_calendars, holidays, working_calendars

UTC = dt.timezone.utc
LONDON = ZoneInfo("Europe/London")
MICROSECOND = dt.timedelta(microseconds=1)

instants = aware_datetimes(dt.datetime(1972, 1, 1, tzinfo=UTC), dt.datetime(2090, 1, 1, tzinfo=UTC))
durations = st.timedeltas(dt.timedelta(0), dt.timedelta(hours=2000))
calendars = working_calendars()
london_calendars = working_calendars(timezones=st.just(LONDON))


def weekly(calendar: WorkingCalendar) -> dt.timedelta:
    """Working time in a week without holidays or clock changes."""
    seconds = sum(
        (e.hour * 60 + e.minute or 1440) * 60 - (s.hour * 60 + s.minute) * 60
        for s, e in calendar.hours
    )
    return dt.timedelta(seconds=seconds * len(calendar.weekdays))


@st.composite
def calendar_cases(
    draw: st.DrawFn, calendars: st.SearchStrategy[WorkingCalendar] = calendars
) -> tuple[WorkingCalendar, dt.datetime, dt.timedelta]:
    """A calendar, a start, and up to about a year of its working time (so a sparse calendar stays fast)."""
    calendar = draw(calendars)
    most = weekly(calendar) * 50
    return calendar, draw(instants), draw(st.timedeltas(dt.timedelta(0), most))


def reference_periods(calendar: WorkingCalendar, interval: Interval) -> list[Interval]:
    """Working periods overlapping *interval*, from the definition, one local date at a time."""
    tz = calendar.tz
    first = interval.start.astimezone(tz).date() - dt.timedelta(days=1)
    last = interval.end.astimezone(tz).date() + dt.timedelta(days=1)
    found = []
    day = first
    while day <= last:
        if day.weekday() in calendar.weekdays and not calendar.holidays.is_holiday(day):
            for start, end in calendar.hours:
                begin = dt.datetime.combine(day, start, tzinfo=tz)
                finish = (
                    dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
                    if end == dt.time(0)
                    else dt.datetime.combine(day, end, tzinfo=tz)
                )
                if finish.astimezone(UTC) > begin.astimezone(UTC):
                    part = Interval(begin, finish).intersection(interval)
                    if part is not None:
                        found.append(part)
        day += dt.timedelta(days=1)
    return found


@given(calendar_cases())
def test_add_then_measure_gives_the_duration_back(
    case: tuple[WorkingCalendar, dt.datetime, dt.timedelta],
) -> None:
    calendar, start, duration = case
    end = calendar.add_working_time(start, duration)
    assert calendar.working_time_between(start, end) == duration


@given(calendar_cases(), st.floats(0, 1))
def test_adding_is_monotonic(
    case: tuple[WorkingCalendar, dt.datetime, dt.timedelta], fraction: float
) -> None:
    calendar, start, longer = case
    shorter = longer * fraction
    assert calendar.add_working_time(start, shorter) <= calendar.add_working_time(start, longer)
    assert calendar.add_working_time(start, longer) >= start


@given(calendar_cases())
def test_results_lie_in_working_time(
    case: tuple[WorkingCalendar, dt.datetime, dt.timedelta],
) -> None:
    """A positive duration ends inside working time, or exactly at the close of a period."""
    calendar, start, duration = case
    end = calendar.add_working_time(start, duration)
    if duration:
        assert calendar.is_working_time(end - MICROSECOND)
    else:
        assert end == start
        assert end.tzinfo is calendar.tz


@given(calendars, instants, st.timedeltas(dt.timedelta(0), dt.timedelta(days=12)))
def test_working_time_matches_the_reference(
    calendar: WorkingCalendar, start: dt.datetime, span: dt.timedelta
) -> None:
    if not span:
        return
    interval = Interval.from_start(start, span)
    expected = reference_periods(calendar, interval)
    assert list(calendar.working_periods(interval)) == expected
    total = sum((p.duration for p in expected), dt.timedelta(0))
    assert calendar.working_time_between(interval.start, interval.end) == total


@given(calendars, instants)
def test_is_working_time_matches_the_reference(
    calendar: WorkingCalendar, moment: dt.datetime
) -> None:
    around = Interval(
        add_elapsed(moment, -dt.timedelta(days=1)), add_elapsed(moment, dt.timedelta(days=1))
    )
    expected = any(p.contains(moment) for p in reference_periods(calendar, around))
    assert calendar.is_working_time(moment) == expected
    following = calendar.next_working_instant(moment)
    assert following >= moment
    assert calendar.is_working_time(following)
    assert calendar.working_time_between(moment, following) == dt.timedelta(0)


@given(calendars, instants, st.integers(0, 30))
def test_add_working_days_matches_the_reference(
    calendar: WorkingCalendar, moment: dt.datetime, days: int
) -> None:
    due = calendar.add_working_days(moment, days)
    assert calendar.is_working_time(due - MICROSECOND)
    # Working days whose close is after the moment, up to and including the due day.
    local_due = (due - MICROSECOND).astimezone(calendar.tz).date()
    day = (moment.astimezone(calendar.tz) - dt.timedelta(days=2)).date()
    counted = 0
    while day <= local_due:
        if day.weekday() in calendar.weekdays and not calendar.holidays.is_holiday(day):
            whole_day = Interval(
                dt.datetime.combine(day, dt.time(0), tzinfo=calendar.tz),
                dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=calendar.tz),
            )
            periods = reference_periods(calendar, whole_day)
            if periods and max(p.end for p in periods) > moment:
                counted += 1
        day += dt.timedelta(days=1)
    assert counted == days + 1  # the day it counts from, then *days* more


@given(st.sampled_from([LONDON, ZoneInfo("America/Sao_Paulo"), UTC]), instants, durations)
def test_round_the_clock_working_time_is_elapsed_time(
    tz: dt.tzinfo, start: dt.datetime, duration: dt.timedelta
) -> None:
    """With every hour of every day working, working arithmetic is elapsed arithmetic, clock changes and all."""
    always = WorkingCalendar(
        tz=tz,
        weekdays=range(7),
        hours=[(dt.time(0), dt.time(0))],
        holidays=HolidayCalendar(rules=None),
    )
    end = always.add_working_time(start, duration)
    # Compared in UTC: PEP 495 makes an instant in a repeated hour unequal to every other zone's.
    assert end.astimezone(UTC) == add_elapsed(start, duration).astimezone(UTC)
    assert always.working_time_between(start, end) == duration


@given(calendar_cases(london_calendars))
def test_london_working_time_is_whole_across_clock_changes(
    case: tuple[WorkingCalendar, dt.datetime, dt.timedelta],
) -> None:
    calendar, start, duration = case
    end = calendar.add_working_time(start, duration)
    assert end.tzinfo is LONDON
    assert calendar.working_time_between(start, end) == duration


@given(st.integers(1971, 4099))
def test_rule_holidays_are_sorted_weekdays_of_their_year(year: int) -> None:
    kept = england_and_wales_holidays(year)
    days = [h.date for h in kept]
    assert days == sorted(set(days))
    assert all(day.year == year and day.weekday() < 5 for day in days)
    assert 6 <= len(kept) <= 11
    assert sum(h.name == "Christmas Day" for h in kept) == 1
    assert sum(h.name == "Boxing Day" for h in kept) == 1


@given(holiday_calendars(), st.integers(1971, 2100))
def test_calendars_keep_additions_and_drop_removals(calendar: HolidayCalendar, year: int) -> None:
    kept = calendar.holidays(year)
    assert all(h.date.year == year for h in kept)
    assert not {h.date for h in kept} & calendar.removals
    assert {h for h in calendar.additions if h.date.year == year} <= set(kept)


@given(holiday_calendars())
def test_holiday_calendars_are_values(calendar: HolidayCalendar) -> None:
    assert pickle.loads(pickle.dumps(calendar)) == calendar  # noqa: S301 - our own data
    assert (
        HolidayCalendar(
            rules=calendar.rules, additions=calendar.additions, removals=calendar.removals
        )
        == calendar
    )


@given(calendars)
def test_working_calendars_are_values(calendar: WorkingCalendar) -> None:
    again = WorkingCalendar(
        tz=calendar.tz, weekdays=calendar.weekdays, hours=calendar.hours, holidays=calendar.holidays
    )
    assert again == calendar
    assert hash(again) == hash(calendar)


@given(holidays())
def test_holidays_are_valid(holiday: object) -> None:
    assert pickle.loads(pickle.dumps(holiday)) == holiday  # noqa: S301 - our own data
