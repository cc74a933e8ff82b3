"""Bank holidays of England and Wales, and working-time arithmetic that survives the clock changes.

**Theory of operation.**

Holidays are computed from the rules in force each year since the Banking and Financial
Dealings Act 1971, plus the days moved or added by proclamation (see `HolidayRules`).
A holiday that falls on a Saturday or Sunday is replaced by the next weekday that is not
already a holiday, which is how GOV.UK lists them: Christmas on a Sunday with Boxing Day on
the Monday gives a substitute Christmas on the Tuesday.

A `WorkingCalendar` turns its weekly hours, zone and holidays into the working periods of
each local calendar year, held as integer microseconds since the Unix epoch with running
totals. Every operation is then a binary search in those arrays: adding 72 working hours
costs the same as adding one. The arrays are built the first time a year is needed and
kept inside the calendar; that memo is invisible to callers (it takes no part in equality,
hashing or repr) and a calendar stays an immutable value.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeGuard

import attrs
from attrs.validators import instance_of
from dateutil.easter import easter

from pact_core.errors import (
    ExceptionGroup,
    InvalidCalendar,
    InvalidDatetime,
    InvalidDuration,
    UnsupportedYearError,
)
from pact_core.intervals import Interval, require_aware

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Holiday",
    "HolidayCalendar",
    "HolidayRules",
    "WorkingCalendar",
    "england_and_wales_holidays",
]

_UTC = dt.timezone.utc
# Any origin would give the same answers: a mutant that moves it is equivalent.
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)  # pragma: no mutate
_MICROSECOND = dt.timedelta(microseconds=1)
_EPOCH_ORDINAL = _EPOCH.toordinal()
_MONDAY, _SATURDAY, _SUNDAY = 0, 5, 6
_WEEKEND = (_SATURDAY, _SUNDAY)


# ----------------------------------------------------------------------------- holidays


@attrs.frozen(order=True)
class Holiday:
    """A dated holiday: the day it is kept, its name, and whether it stands in for another.

    A *substitute* holiday is kept on a weekday because the real day fell at a weekend;
    it keeps the name of the day it replaces, as GOV.UK lists it.

    >>> import datetime as dt
    >>> Holiday(dt.date(2022, 12, 27), "Christmas Day", substitute=True)
    Holiday(date=datetime.date(2022, 12, 27), name='Christmas Day', substitute=True)
    """

    date: dt.date = attrs.field()
    name: str = attrs.field(validator=instance_of(str))
    substitute: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))

    @date.validator
    def _check_date(self, attribute: attrs.Attribute[dt.date], value: object) -> None:
        _require_date(value, "date")

    @name.validator
    def _check_name(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            raise InvalidCalendar.must("name", "not be blank", value)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_rules(value: object) -> None:
    if value is not None and not isinstance(value, HolidayRules):
        raise TypeError(f"rules must be a HolidayRules or None, got {value!r}")


def _check_tz(instance: object, attribute: attrs.Attribute[dt.tzinfo], value: object) -> None:
    if not isinstance(value, dt.tzinfo):
        raise TypeError(
            f"tz must be a datetime.tzinfo such as zoneinfo.ZoneInfo('Europe/London'), got {value!r}"
        )


def _require_date(value: object, field: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{field} must be a datetime.date, got {value!r}")
    return value


class HolidayRules(enum.Enum):
    """The statutory holiday rules a `HolidayCalendar` computes from.

    ``ENGLAND_AND_WALES``: from 1971 (Banking and Financial Dealings Act 1971, schedule 1,
    and the common-law holidays of Good Friday and Christmas Day):

    - New Year's Day, from 1974;
    - Good Friday and Easter Monday;
    - the early May bank holiday, the first Monday in May, from 1978 (moved to 8 May
      in 1995 and 2020 for the VE Day anniversaries);
    - the spring bank holiday, the last Monday in May (moved in jubilee years: to
      6 June 1977, 4 June 2002, 4 June 2012 and 2 June 2022);
    - the summer bank holiday, the last Monday in August;
    - Christmas Day and Boxing Day;
    - one-off holidays: 14 November 1973, 7 June 1977, 29 July 1981, 31 December 1999,
      3 June 2002, 29 April 2011, 5 June 2012, 3 June 2022, 19 September 2022 and
      8 May 2023.

    >>> HolidayRules.ENGLAND_AND_WALES.years
    range(1971, 4100)
    """

    ENGLAND_AND_WALES = "england-and-wales"

    @property
    def years(self) -> range:
        """The years the rules cover: from their Act to the end of dateutil's Easter tables."""
        return range(1971, 4100)

    @property
    def title(self) -> str:
        """The rules' name in English."""
        return "England and Wales"


# Days moved by proclamation: (year, usual name) -> (date, name kept that year).
_MOVED = {
    (1977, "Spring bank holiday"): dt.date(1977, 6, 6),  # Hansard HC Deb 19 Jan 1977 vol 924 c191W
    (1995, "Early May bank holiday"): dt.date(1995, 5, 8),  # VE Day, 50th anniversary
    (2002, "Spring bank holiday"): dt.date(2002, 6, 4),  # Golden Jubilee
    (2012, "Spring bank holiday"): dt.date(2012, 6, 4),  # Diamond Jubilee
    (2020, "Early May bank holiday"): dt.date(2020, 5, 8),  # VE Day, 75th anniversary
    (2022, "Spring bank holiday"): dt.date(2022, 6, 2),  # Platinum Jubilee
}
_MOVED_NAMES = {
    (1995, "Early May bank holiday"): "Early May bank holiday (VE day)",
    (2020, "Early May bank holiday"): "Early May bank holiday (VE day)",
}
_ONE_OFF = {
    1973: (Holiday(dt.date(1973, 11, 14), "Wedding of Princess Anne"),),
    1977: (Holiday(dt.date(1977, 6, 7), "Queen's Silver Jubilee"),),
    1981: (Holiday(dt.date(1981, 7, 29), "Wedding of the Prince of Wales"),),
    1999: (Holiday(dt.date(1999, 12, 31), "Millennium celebrations"),),
    2002: (Holiday(dt.date(2002, 6, 3), "Queen's Golden Jubilee"),),
    2011: (Holiday(dt.date(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),),
    2012: (Holiday(dt.date(2012, 6, 5), "Queen's Diamond Jubilee"),),
    2022: (
        Holiday(dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        Holiday(dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    ),
    2023: (Holiday(dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),),
}


def _first_monday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(_MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    back = (last.weekday() - _MONDAY) % 7  # pragma: no mutate (Monday is 0: - and + agree)
    return last - dt.timedelta(days=back)


def _require_year(year: object, rules: HolidayRules) -> int:
    if not _is_int(year):
        raise TypeError(f"year must be an int, got {year!r}")
    if year not in rules.years:
        span = rules.years
        raise UnsupportedYearError.must(
            "year", f"be from {span.start} to {span.stop - 1} for the {rules.title} rules", year
        )
    return year


def england_and_wales_holidays(year: int) -> tuple[Holiday, ...]:
    """Return the bank and public holidays of England and Wales in *year*, in date order.

    Only the days kept are listed: a holiday at a weekend appears as its substitute weekday.

    >>> [(h.date.isoformat(), h.name, h.substitute) for h in england_and_wales_holidays(2022)][-3:]
    [('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', False), ('2022-12-26', 'Boxing Day', False), ('2022-12-27', 'Christmas Day', True)]

    Raises:
        pact_core.errors.UnsupportedYearError: *year* is before 1971 or after 4099.
    """
    _require_year(year, HolidayRules.ENGLAND_AND_WALES)
    sunday = easter(year)
    fixed = [
        ("Good Friday", sunday - dt.timedelta(days=2)),
        ("Easter Monday", sunday + dt.timedelta(days=1)),
        ("Spring bank holiday", _last_monday(year, 5)),
        ("Summer bank holiday", _last_monday(year, 8)),
    ]
    if year >= 1978:
        fixed.append(("Early May bank holiday", _first_monday(year, 5)))
    kept = [
        Holiday(_MOVED.get((year, name), day), _MOVED_NAMES.get((year, name), name))
        for name, day in fixed
    ]
    kept.extend(_ONE_OFF.get(year, ()))
    movable = [("Christmas Day", dt.date(year, 12, 25)), ("Boxing Day", dt.date(year, 12, 26))]
    if year >= 1974:
        # First, though the order does not matter: New Year's substitute never meets Christmas's.
        new_year = ("New Year's Day", dt.date(year, 1, 1))
        movable.insert(0, new_year)  # pragma: no mutate
    kept.extend(Holiday(day, name) for name, day in movable if day.weekday() < _SATURDAY)
    taken = {holiday.date for holiday in kept}
    for name, day in movable:
        if day.weekday() >= _SATURDAY:
            substitute = day + dt.timedelta(days=1)
            while substitute.weekday() in _WEEKEND or substitute in taken:
                substitute += dt.timedelta(days=1)
            taken.add(substitute)
            kept.append(Holiday(substitute, name, substitute=True))
    return tuple(sorted(kept))


_RULES = {HolidayRules.ENGLAND_AND_WALES: england_and_wales_holidays}


def _to_additions(value: Mapping[dt.date, str] | Iterable[Holiday]) -> tuple[Holiday, ...]:
    if isinstance(value, Mapping):
        items: list[Any] = [
            Holiday(_require_date(day, "additions key"), name) for day, name in value.items()
        ]
    else:
        items = list(value)
    for item in items:
        if not isinstance(item, Holiday):
            raise TypeError(
                f"additions must be Holiday values or a date-to-name mapping, got {item!r}"
            )
    return tuple(sorted(items))


def _to_removals(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(_require_date(day, "removals") for day in value)


@attrs.frozen(kw_only=True)
class HolidayCalendar:
    """Holidays computed from statutory rules, with the caller's additions and removals.

    A one-off holiday can be proclaimed at a few days' notice, so a system adds it here
    rather than waiting for a new release of pact_core.
    With ``rules=None`` the calendar holds only its additions, for any other set of holidays.

    >>> import datetime as dt
    >>> calendar = HolidayCalendar.england_and_wales(additions={dt.date(2026, 7, 20): "Victory parade"})
    >>> calendar.is_holiday(dt.date(2026, 7, 20)), calendar.is_holiday(dt.date(2026, 12, 28))
    (True, True)

    Raises:
        ExceptionGroup: of `pact_core.errors.InvalidCalendar`, one for each addition that
            is already a holiday, each duplicate addition and each removal that is not a
            holiday under the rules.
    """

    rules: HolidayRules | None = attrs.field(
        default=HolidayRules.ENGLAND_AND_WALES,
        validator=lambda _, __, value: _check_rules(value),
    )
    additions: tuple[Holiday, ...] = attrs.field(default=(), converter=_to_additions)
    removals: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_to_removals)

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidCalendar] = []
        seen: set[dt.date] = set()
        for holiday in self.additions:
            if holiday.date in seen:
                problems.append(
                    InvalidCalendar.must("additions", "have one holiday a day", holiday.date)
                )
            seen.add(holiday.date)
        # Without rules, every year a date can have (none lies past 9999): no mutate.
        years = self.rules.years if self.rules is not None else range(1, 10000)  # pragma: no mutate
        rule = f"lie in the years {years.start} to {years.stop - 1}"
        problems.extend(
            InvalidCalendar.must("additions and removals", rule, day)
            for day in [h.date for h in self.additions] + sorted(self.removals)
            if day.year not in years
        )
        for holiday in self.additions:
            if self._rule_dates(holiday.date.year).get(holiday.date) is not None:
                problems.append(
                    InvalidCalendar.must("additions", "not already be holidays", holiday.date)
                )
            if holiday.date in self.removals:
                problems.append(
                    InvalidCalendar.must("additions", "not also be removed", holiday.date)
                )
        problems.extend(
            InvalidCalendar.must("removals", "be holidays under the rules", day)
            for day in sorted(self.removals)
            if self._rule_dates(day.year).get(day) is None and day not in seen
        )
        if problems:
            raise ExceptionGroup(f"holiday calendar has {len(problems)} problem(s)", problems)

    @classmethod
    def england_and_wales(
        cls,
        *,
        additions: Mapping[dt.date, str] | Iterable[Holiday] = (),
        removals: Iterable[dt.date] = (),
    ) -> Self:
        """Build the England and Wales calendar, with optional additions and removals.

        >>> HolidayCalendar.england_and_wales().holidays(2025)[0]
        Holiday(date=datetime.date(2025, 1, 1), name="New Year's Day", substitute=False)
        """
        return cls(rules=HolidayRules.ENGLAND_AND_WALES, additions=additions, removals=removals)

    def _rule_dates(self, year: int) -> dict[dt.date, Holiday]:
        if self.rules is None or year not in self.rules.years:
            return {}
        return {holiday.date: holiday for holiday in _RULES[self.rules](year)}

    def holidays(self, year: int) -> tuple[Holiday, ...]:
        """Return the holidays kept in *year*, in date order.

        >>> import datetime as dt
        >>> calendar = HolidayCalendar.england_and_wales(removals=[dt.date(2025, 8, 25)])
        >>> [h.date.isoformat() for h in calendar.holidays(2025)][4:]
        ['2025-05-26', '2025-12-25', '2025-12-26']

        Raises:
            pact_core.errors.UnsupportedYearError: the rules do not cover *year*.
        """
        if self.rules is not None:
            _require_year(year, self.rules)
        elif not _is_int(year):
            raise TypeError(f"year must be an int, got {year!r}")
        kept = [h for h in self._rule_dates(year).values() if h.date not in self.removals]
        kept.extend(h for h in self.additions if h.date.year == year)
        return tuple(sorted(kept))

    def is_holiday(self, day: dt.date) -> bool:
        """Whether *day* is a holiday.

        >>> import datetime as dt
        >>> HolidayCalendar.england_and_wales().is_holiday(dt.date(2020, 5, 8))
        True
        """
        _require_date(day, "day")
        return any(h.date == day for h in self.holidays(day.year))


# ----------------------------------------------------------------------------- working time


def _to_weekdays(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


def _to_hours(value: Iterable[tuple[dt.time, dt.time]]) -> tuple[tuple[dt.time, dt.time], ...]:
    return tuple((start, end) for start, end in value)


def _seconds(value: dt.time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


def _end_seconds(value: dt.time) -> int:
    """Seconds into the day of a period end; midnight as an end means the end of the day."""
    return _seconds(value) or 86400


@attrs.frozen
class _Year:
    """One local calendar year of working time, in microseconds since the Unix epoch."""

    starts: list[int]
    ends: list[int]
    cumulative: list[int]  # working time up to the end of each period
    days: list[int]  # ordinals of the working dates
    closes: list[int]  # when each working date's last period ends

    @property
    def total(self) -> int:
        return self.cumulative[-1] if self.cumulative else 0

    def worked_before(self, instant: int) -> int:
        i = bisect.bisect_right(self.starts, instant) - 1
        if i < 0:
            return 0
        return self.cumulative[i] - max(0, self.ends[i] - instant)


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """Working time: weekdays and daily hours in a time zone, less holidays.

    Hours are local wall-clock periods, possibly several a day (08:00-12:00 and
    13:00-17:00, say); an end of ``time(0)`` means midnight at the end of the day.
    A period whose start or end falls in the hour the clocks skip or repeat is taken
    the PEP 495 way (``fold=0``): a skipped 01:30 is 02:30 BST, a repeated 01:30 is its first.
    By default: Monday to Friday, 09:00 to 17:00, and the England and Wales holidays.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
    >>> friday = dt.datetime(2025, 4, 17, 16, tzinfo=office.tz)  # the day before Good Friday
    >>> office.add_working_time(friday, dt.timedelta(hours=2)).isoformat()
    '2025-04-22T10:00:00+01:00'

    Raises:
        TypeError: *tz* is not a `datetime.tzinfo`, or a field has the wrong type.
        ExceptionGroup: of `pact_core.errors.InvalidCalendar`, one for each problem with
            the weekdays and hours.
    """

    tz: dt.tzinfo = attrs.field(validator=_check_tz)
    weekdays: frozenset[int] = attrs.field(default=frozenset(range(5)), converter=_to_weekdays)
    hours: tuple[tuple[dt.time, dt.time], ...] = attrs.field(
        default=((dt.time(9), dt.time(17)),), converter=_to_hours
    )
    holidays: HolidayCalendar = attrs.field(
        factory=HolidayCalendar.england_and_wales, validator=instance_of(HolidayCalendar)
    )
    _years: dict[int, _Year] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidCalendar] = []
        for day in sorted(self.weekdays, key=repr):
            if not _is_int(day):
                raise TypeError(f"weekdays must be ints from 0 (Monday) to 6 (Sunday), got {day!r}")
            if not 0 <= day <= 6:
                problems.append(
                    InvalidCalendar.must("weekdays", "be from 0 (Monday) to 6 (Sunday)", day)
                )
        if not self.weekdays:
            problems.append(InvalidCalendar.must("weekdays", "not be empty", set()))
        if not self.hours:
            problems.append(InvalidCalendar.must("hours", "not be empty", self.hours))
        previous_end = 0
        for start, end in self.hours:
            for value in (start, end):
                if not isinstance(value, dt.time):
                    raise TypeError(f"hours must be pairs of datetime.time, got {value!r}")
                if value.tzinfo is not None or value.microsecond:
                    problems.append(
                        InvalidCalendar.must("hours", "be naive wall times in whole seconds", value)
                    )
            begin, finish = _seconds(start), _end_seconds(end)
            if finish <= begin:
                problems.append(InvalidCalendar.must("hours", "end after they start", (start, end)))
            elif begin < previous_end:
                problems.append(
                    InvalidCalendar.must("hours", "be in order and not overlap", (start, end))
                )
            previous_end = max(previous_end, finish)
        if problems:
            raise ExceptionGroup(f"working calendar has {len(problems)} problem(s)", problems)

    # -- the memo of working periods per local year

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build(year)
        return cached

    def _build(self, year: int) -> _Year:
        if not 1 <= year <= 9998:
            raise InvalidDatetime.must("working time", "lie within the years 1 to 9998", year)
        holidays = {h.date for h in self.holidays.holidays(year)}
        starts: list[int] = []
        ends: list[int] = []
        cumulative: list[int] = []
        days: list[int] = []
        closes: list[int] = []
        worked = 0
        first = dt.date(year, 1, 1).toordinal()
        periods = [(_seconds(start), _end_seconds(end)) for start, end in self.hours]
        for ordinal in range(first, dt.date(year + 1, 1, 1).toordinal()):
            day = dt.date.fromordinal(ordinal)
            if day.weekday() not in self.weekdays or day in holidays:
                continue
            midnight = dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a wall time
            close = None
            for begin_seconds, end_seconds in periods:
                begin = self._instant(ordinal, midnight, begin_seconds)
                finish = self._instant(ordinal, midnight, end_seconds)
                if finish <= begin:  # a clock change ate the whole period
                    continue
                starts.append(begin)
                ends.append(finish)
                worked += finish - begin
                cumulative.append(worked)
                close = finish
            if close is not None:
                days.append(ordinal)
                closes.append(close)
        return _Year(starts, ends, cumulative, days, closes)

    def _instant(self, ordinal: int, midnight: dt.datetime, seconds: int) -> int:
        """The instant of a local wall time, in microseconds since the epoch.

        The offset comes from the zone's ``utcoffset`` for the naive wall time, which is
        what ``astimezone`` would use (``fold=0``), without building aware datetimes.
        """
        offset = self.tz.utcoffset(midnight + dt.timedelta(seconds=seconds))
        if offset is None:
            raise InvalidCalendar.must("tz", "give a UTC offset for every wall time", self.tz)
        local = (ordinal - _EPOCH_ORDINAL) * 86400 + seconds
        return local * 1_000_000 - offset // _MICROSECOND

    def _local_year(self, instant: int) -> int:
        return self._datetime(instant).year

    def _datetime(self, instant: int) -> dt.datetime:
        return (_EPOCH + dt.timedelta(microseconds=instant)).astimezone(self.tz)

    # -- public operations

    def is_working_time(self, instant: dt.datetime) -> bool:
        """Whether *instant* falls within working hours on a working day.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> office.is_working_time(dt.datetime(2025, 12, 24, 16, 59, tzinfo=office.tz))
        True
        >>> office.is_working_time(dt.datetime(2025, 12, 25, 10, tzinfo=office.tz))
        False
        """
        moment = _micros(instant, "instant")
        year = self._year(self._local_year(moment))
        i = bisect.bisect_right(year.starts, moment) - 1
        return i >= 0 and moment < year.ends[i]

    def next_working_instant(self, instant: dt.datetime) -> dt.datetime:
        """Return *instant* if it is working time, or else the moment working time next begins.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> office.next_working_instant(dt.datetime(2025, 12, 24, 17, 30, tzinfo=office.tz)).isoformat()
        '2025-12-29T09:00:00+00:00'
        """
        moment = _micros(instant, "instant")
        number = self._local_year(moment)
        while True:
            year = self._year(number)
            i = bisect.bisect_right(year.ends, moment)
            if i < len(year.starts):
                return self._datetime(max(moment, year.starts[i]))
            number += 1

    def working_time_between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Return the working time from *start* to *end* (negative if *end* is earlier).

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> office.working_time_between(
        ...     dt.datetime(2025, 4, 17, 16, tzinfo=office.tz), dt.datetime(2025, 4, 22, 10, tzinfo=office.tz)
        ... )
        datetime.timedelta(seconds=7200)
        """
        low = _micros(start, "start")
        high = _micros(end, "end")
        if high < low:
            return -self.working_time_between(end, start)
        first, last = self._local_year(low), self._local_year(high)
        worked = -self._year(first).worked_before(low)
        for number in range(first, last):
            worked += self._year(number).total
        worked += self._year(last).worked_before(high)
        return dt.timedelta(microseconds=worked)

    def add_working_time(self, instant: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """Return the instant when *duration* of working time has passed since *instant*.

        The answer is in the calendar's zone.
        When the time runs out exactly at the end of a working period, the answer is that
        end (17:00), not the start of the next period: a deadline of "by 17:00".
        A zero duration gives *instant* back, in the calendar's zone.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> received = dt.datetime(2025, 3, 28, 12, tzinfo=office.tz)  # Friday, GMT
        >>> office.add_working_time(received, dt.timedelta(hours=72)).isoformat()
        '2025-04-10T12:00:00+01:00'

        Raises:
            pact_core.errors.InvalidDuration: *duration* is negative.
        """
        moment = _micros(instant, "instant")
        if not isinstance(duration, dt.timedelta):
            raise TypeError(f"duration must be a datetime.timedelta, got {duration!r}")
        if duration < dt.timedelta(0):
            raise InvalidDuration.must("duration", "not be negative", duration)
        if not duration:
            return instant.astimezone(self.tz)
        needed = duration // _MICROSECOND
        number = self._local_year(moment)
        year = self._year(number)
        done = year.worked_before(moment)
        while done + needed > year.total:
            needed -= year.total - done
            number += 1
            year = self._year(number)
            done = 0
        target = done + needed
        i = bisect.bisect_left(year.cumulative, target)
        return self._datetime(year.ends[i] - (year.cumulative[i] - target))

    def add_working_days(self, instant: dt.datetime, days: int) -> dt.datetime:
        """Return the close of business on the *days*-th working day after *instant*.

        The day of receipt does not count, and anything received after the day's last
        working period, or on a day that is not a working day, counts from the next
        working day. With ``days=0`` the answer is the close of the day it counts from.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> office.add_working_days(dt.datetime(2025, 12, 23, 10, tzinfo=office.tz), 3).isoformat()
        '2025-12-30T17:00:00+00:00'
        >>> office.add_working_days(dt.datetime(2025, 12, 23, 18, tzinfo=office.tz), 3).isoformat()
        '2025-12-31T17:00:00+00:00'
        """
        moment = _micros(instant, "instant")
        if not _is_int(days):
            raise TypeError(f"days must be an int, got {days!r}")
        if days < 0:
            raise InvalidDuration.must("days", "not be negative", days)
        number = self._local_year(moment)
        year = self._year(number)
        # The first working day whose close is after the instant is the day it counts from.
        i = bisect.bisect_right(year.closes, moment)
        remaining = days
        while i + remaining >= len(year.days):
            remaining -= len(year.days) - i
            number += 1
            year = self._year(number)
            i = 0
        return self._datetime(year.closes[i + remaining])

    def working_periods(self, interval: Interval) -> tuple[Interval, ...]:
        """Return the parts of *interval* that are working time, in order.

        >>> from zoneinfo import ZoneInfo
        >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
        >>> office.working_periods(Interval.parse("2025-08-22T12:00+01:00/2025-08-27T00:00+01:00"))
        (Interval.parse('2025-08-22T11:00:00Z/2025-08-22T16:00:00Z'), Interval.parse('2025-08-26T08:00:00Z/2025-08-26T16:00:00Z'))
        """
        if not isinstance(interval, Interval):
            raise TypeError(f"interval must be an Interval, got {interval!r}")
        low = _micros(interval.start, "start")
        high = _micros(interval.end, "end")
        pieces: list[Interval] = []
        for number in range(self._local_year(low), self._local_year(high) + 1):
            year = self._year(number)
            i = bisect.bisect_right(year.ends, low)
            while i < len(year.starts) and year.starts[i] < high:
                start, end = max(low, year.starts[i]), min(high, year.ends[i])
                pieces.append(Interval._trusted(_utc(start), _utc(end)))
                i += 1
        return tuple(pieces)


def _micros(value: dt.datetime, field: str) -> int:
    return (require_aware(value, field=field) - _EPOCH) // _MICROSECOND


def _utc(instant: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=instant)
