"""Strategies for holidays, holiday calendars and working calendars."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.calendars import Holiday, HolidayCalendar, HolidayRules, WorkingCalendar

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["holiday_calendars", "holidays", "working_calendars"]

_NAMES = st.sampled_from(["Extra bank holiday", "Royal wedding", "Jubilee", "Victory parade"])


def _check_years(min_year: object, max_year: object) -> tuple[int, int]:
    low = _check_year("min_year", min_year)
    high = _check_year("max_year", max_year)
    if low > high:
        raise InvalidArgument(
            f"min_year must not be after max_year, got min_year={min_year} max_year={max_year}"
        )
    return low, high


def _check_year(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidArgument(f"{name} must be an int, got {value!r}")
    if value not in HolidayRules.ENGLAND_AND_WALES.years:
        raise InvalidArgument(f"{name} must be from 1971 to 4099, got {value!r}")
    return value


def holidays(min_year: int = 1971, max_year: int = 2100) -> st.SearchStrategy[Holiday]:
    """Generate holidays: a date in the given years, a name, and whether it is a substitute.

    >>> from hypothesis import find
    >>> find(holidays(), lambda holiday: True)
    Holiday(date=datetime.date(2000, 1, 1), name='Extra bank holiday', substitute=False)
    """
    low, high = _check_years(min_year, max_year)
    dates = st.dates(dt.date(low, 1, 1), dt.date(high, 12, 31))
    return st.builds(Holiday, dates, _NAMES, substitute=st.booleans())


def _free_day(drawn: dt.date, high: int, taken: Callable[[dt.date], bool]) -> dt.date:
    """The first day from *drawn* that is not taken: forward, or backward if forward leaves the years."""
    day = drawn
    step = dt.timedelta(days=1)
    while taken(day):
        day += step
        if day.year > high:
            day, step = drawn, -step
    return day


@st.composite
def _holiday_calendars(draw: st.DrawFn, low: int, high: int) -> HolidayCalendar:
    rules = draw(st.sampled_from([HolidayRules.ENGLAND_AND_WALES, None]))
    base = HolidayCalendar(rules=rules)
    removals: set[dt.date] = set()
    if rules is not None:
        for year in draw(st.lists(st.integers(low, high), max_size=2, unique=True)):
            kept = base.holidays(year)
            removals.update(h.date for h in draw(st.lists(st.sampled_from(kept), max_size=2)))
    additions: dict[dt.date, str] = {}
    for drawn in draw(st.lists(st.dates(dt.date(low, 1, 1), dt.date(high, 12, 31)), max_size=3)):
        # Move an addition off an existing holiday, so that every example is valid by construction.
        day = _free_day(
            drawn, high, lambda d: base.is_holiday(d) or d in removals or d in additions
        )
        additions[day] = draw(_NAMES)
    return HolidayCalendar(rules=rules, additions=additions, removals=removals)


def holiday_calendars(
    min_year: int = 1971, max_year: int = 2100
) -> st.SearchStrategy[HolidayCalendar]:
    """Generate holiday calendars: England and Wales or no rules, with additions and removals.

    Additions and removals fall in ``min_year`` to ``max_year``, and every example is
    valid by construction: an addition is never already a holiday, a removal always is.

    >>> from hypothesis import given
    >>> @given(holiday_calendars(2020, 2030))
    ... def test_additions_are_kept(calendar):
    ...     for holiday in calendar.additions:
    ...         assert holiday in calendar.holidays(holiday.date.year)
    >>> test_additions_are_kept()
    """
    low, high = _check_years(min_year, max_year)
    return _holiday_calendars(low, high)


@st.composite
def _hours(draw: st.DrawFn) -> tuple[tuple[dt.time, dt.time], ...]:
    count = draw(st.integers(1, 3))
    # Distinct minutes of the day, 2 per period, sorted: periods in order that never overlap.
    minutes = sorted(
        draw(st.lists(st.integers(0, 1440), min_size=2 * count, max_size=2 * count, unique=True))
    )
    periods = []
    for start, end in zip(minutes[::2], minutes[1::2], strict=True):
        periods.append((dt.time(start // 60, start % 60), dt.time((end // 60) % 24, end % 60)))
    return tuple(periods)


def working_calendars(
    *,
    timezones: st.SearchStrategy[dt.tzinfo] = st.timezones(),  # noqa: B008 - hypothesis's own idiom
    holidays: st.SearchStrategy[HolidayCalendar] | None = None,
) -> st.SearchStrategy[WorkingCalendar]:
    """Generate working calendars: a zone, working weekdays, one to three periods a day, and holidays.

    Hours are whole minutes; a period may run to midnight.
    Zones come from *timezones* (all of them by default) and holidays from *holidays*
    (`holiday_calendars` by default).

    >>> import datetime as dt
    >>> from hypothesis import given
    >>> @given(working_calendars(), st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1)))
    ... def test_the_next_working_instant_is_working_time(calendar, moment):
    ...     moment = moment.replace(tzinfo=dt.timezone.utc)
    ...     assert calendar.is_working_time(calendar.next_working_instant(moment))
    >>> test_the_next_working_instant_is_working_time()
    """
    if not isinstance(timezones, st.SearchStrategy):
        raise InvalidArgument(f"timezones must be a SearchStrategy of tzinfo, got {timezones!r}")
    if holidays is None:
        holidays = holiday_calendars()
    elif not isinstance(holidays, st.SearchStrategy):
        raise InvalidArgument(
            f"holidays must be a SearchStrategy of HolidayCalendar, got {holidays!r}"
        )
    return st.builds(
        WorkingCalendar,
        tz=timezones,
        weekdays=st.frozensets(st.integers(0, 6), min_size=1),
        hours=_hours(),
        holidays=holidays,
    )
