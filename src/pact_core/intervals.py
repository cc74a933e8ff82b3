"""Aware instants and half-open intervals, shared by response deadlines and abstraction accounting.

**Theory of operation.**

Python compares and subtracts two datetimes that share a ``tzinfo`` object by their wall
clocks, not as instants: on the night the clocks go back, the two 01:30s in Europe/London
compare equal and subtract to zero, and ``12:00 GMT + timedelta(hours=72)`` lands on a
wall-clock time that is only 71 elapsed hours later.
So everything here works on instants: an `Interval` stores both ends in UTC, and
`elapsed` and `add_elapsed` do their arithmetic in UTC.

Local calendar periods (days, ISO weeks and months) come from a ``tzinfo`` that the
caller passes in, as pact_core never reads the time-zone database itself.
A local period starts at the *first instant whose local date belongs to it*.
That is local midnight on almost every day, but on a day whose midnight does not exist
(clocks that spring forward at 00:00, as in Havana or, until 2019, Sao Paulo) it is the
instant the clocks jump, and on a day whose midnight happens twice it is the first of them.
In Europe/London the clocks change at 01:00 GMT, so a local day is always 23, 24 or 25
hours long and always starts at 00:00.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from itertools import pairwise
from typing import TYPE_CHECKING, overload

import attrs

from pact_core.errors import InvalidChoice, InvalidDatetime, InvalidInterval

if TYPE_CHECKING:
    from collections.abc import Iterable

    from typing_extensions import Self

__all__ = [
    "CalendarUnit",
    "Interval",
    "add_elapsed",
    "aware",
    "elapsed",
    "is_aware",
    "merge",
    "require_aware",
    "to_utc",
]

_UTC = dt.timezone.utc
_MICROSECOND = dt.timedelta(microseconds=1)
# A UTC offset is strictly less than a day (a rule of the datetime module), so an instant
# two days either side of a local wall-clock time is certainly on another local date.
_SEARCH_WINDOW = dt.timedelta(days=2)


# ----------------------------------------------------------------------------- aware datetimes


def is_aware(value: dt.datetime) -> bool:
    """Whether *value* knows its UTC offset, and so names one instant.

    This is the test the datetime module documents: a ``tzinfo`` that answers
    `None` for the offset does not make a datetime aware.

    >>> import datetime as dt
    >>> is_aware(dt.datetime(2025, 3, 28, 12, tzinfo=dt.timezone.utc))
    True
    >>> is_aware(dt.datetime(2025, 3, 28, 12))
    False
    """
    if not isinstance(value, dt.datetime):
        raise TypeError(f"value must be a datetime.datetime, got {value!r}")
    return value.tzinfo is not None and value.utcoffset() is not None


def require_aware(value: object, *, field: str = "datetime") -> dt.datetime:
    """Return *value* unchanged if it is a timezone-aware datetime, or raise.

    *field* names the value in the error, so the caller can tell which input was wrong.

    >>> import datetime as dt
    >>> require_aware(dt.datetime(2025, 3, 28, 12, tzinfo=dt.timezone.utc)).hour
    12
    >>> require_aware(dt.datetime(2025, 3, 28, 12), field="received")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidDatetime: received must be timezone-aware, got naive 2025-03-28T12:00:00

    Raises:
        TypeError: *value* is not a `datetime.datetime` (a `datetime.date` is not enough).
        pact_core.errors.InvalidDatetime: *value* is naive.
    """
    if not isinstance(value, dt.datetime):
        raise TypeError(f"{field} must be a datetime.datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidDatetime.must(
            field, "be timezone-aware", value, shown=f"naive {value.isoformat()}"
        )
    return value


def aware(instance: object, attribute: attrs.Attribute[dt.datetime], value: object) -> None:
    """Validate an attrs field as a timezone-aware datetime.

    Use it in later value types as ``attrs.field(validator=aware)``;
    the error names the field.

    >>> import datetime as dt
    >>> @attrs.frozen
    ... class Query:
    ...     received: dt.datetime = attrs.field(validator=aware)
    >>> Query(dt.datetime(2025, 3, 28, 12))
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidDatetime: received must be timezone-aware, got naive 2025-03-28T12:00:00
    """
    require_aware(value, field=attribute.name)


def to_utc(value: dt.datetime, *, field: str = "datetime") -> dt.datetime:
    """Return the same instant in UTC.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> to_utc(dt.datetime(2025, 7, 1, 9, tzinfo=ZoneInfo("Europe/London")))
    datetime.datetime(2025, 7, 1, 8, 0, tzinfo=datetime.timezone.utc)
    """
    return _to_utc(require_aware(value, field=field), field)


def _to_utc(value: dt.datetime, field: str) -> dt.datetime:
    try:
        return value.astimezone(_UTC)
    except OverflowError as err:
        raise InvalidDatetime.must(
            field, "be within years 1 to 9999 in UTC", value, shown=value.isoformat()
        ) from err


def elapsed(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """Return the exact time that passes from *start* to *end* (negative if *end* is earlier).

    Unlike ``end - start``, the answer is right even when both share a zone and a clock
    change lies between them, or when one of them is the second of two equal wall times:

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> london = ZoneInfo("Europe/London")
    >>> first = dt.datetime(2025, 10, 26, 1, 30, tzinfo=london)
    >>> second = first.replace(fold=1)
    >>> second - first
    datetime.timedelta(0)
    >>> elapsed(first, second)
    datetime.timedelta(seconds=3600)
    """
    return to_utc(end, field="end") - to_utc(start, field="start")


def add_elapsed(instant: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """Return the instant *duration* of elapsed time after *instant*, in the zone of *instant*.

    Seventy-two elapsed hours across the March clock change end one wall-clock hour
    later than ``instant + duration`` says:

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> received = dt.datetime(2025, 3, 28, 12, tzinfo=ZoneInfo("Europe/London"))
    >>> (received + dt.timedelta(hours=72)).isoformat()
    '2025-03-31T12:00:00+01:00'
    >>> add_elapsed(received, dt.timedelta(hours=72)).isoformat()
    '2025-03-31T13:00:00+01:00'
    """
    require_aware(instant, field="instant")
    if not isinstance(duration, dt.timedelta):
        raise TypeError(f"duration must be a datetime.timedelta, got {duration!r}")
    tz = instant.tzinfo
    assert tz is not None  # noqa: S101 - require_aware has checked; this tells the type checker
    try:
        return (_to_utc(instant, "instant") + duration).astimezone(tz)
    except OverflowError as err:
        raise InvalidDatetime.must(
            "instant + duration",
            "be within years 1 to 9999",
            instant,
            shown=f"{instant.isoformat()} + {duration}",
        ) from err


def _iso(value: dt.datetime) -> str:
    """Render a UTC instant in ISO 8601 with a ``Z``."""
    return value.isoformat().replace("+00:00", "Z")


def _require_tz(tz: object) -> dt.tzinfo:
    if not isinstance(tz, dt.tzinfo):
        raise TypeError(
            f"tz must be a datetime.tzinfo such as zoneinfo.ZoneInfo('Europe/London'), got {tz!r}"
        )
    return tz


# ----------------------------------------------------------------------------- intervals


def _start_to_utc(value: dt.datetime) -> dt.datetime:
    return _to_utc(require_aware(value, field="start"), "start")


def _end_to_utc(value: dt.datetime) -> dt.datetime:
    return _to_utc(require_aware(value, field="end"), "end")


# ISO 8601 durations of exact length only: weeks, days, hours, minutes and seconds.
# Years and months are refused because their length depends on where they fall.
_DURATION = re.compile(
    r"P(?!$)(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:[.,]\d{1,6})?)S)?)?",
    re.ASCII,
)


def _parse_duration(text: str) -> dt.timedelta | None:
    match = _DURATION.fullmatch(text)
    if match is None:
        return None
    parts = {k: float(v.replace(",", ".")) for k, v in match.groupdict().items() if v is not None}
    try:
        return dt.timedelta(**parts)
    except OverflowError:
        return None


def _parse_instant(text: str, field: str) -> dt.datetime:
    # dateutil's parser takes about 25 ms to import (it brings dateutil.tz): only when parsing.
    from dateutil.parser import isoparse  # noqa: PLC0415

    try:
        value = isoparse(text)
    except (ValueError, OverflowError) as err:
        raise InvalidDatetime.must(field, "be an ISO 8601 datetime", text) from err
    return require_aware(value, field=field)


@attrs.frozen(repr=False)
class Interval:
    """The half-open interval of instants ``[start, end)``.

    Both ends must be timezone-aware and are stored in UTC, so two intervals are equal
    when they cover the same instants, whatever zones they were written in.
    An interval is never empty: *end* must be after *start*.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> london = ZoneInfo("Europe/London")
    >>> shift = Interval(dt.datetime(2025, 3, 30, 0, tzinfo=london), dt.datetime(2025, 3, 30, 8, tzinfo=london))
    >>> shift.duration
    datetime.timedelta(seconds=25200)
    >>> shift
    Interval.parse('2025-03-30T00:00:00Z/2025-03-30T07:00:00Z')

    Raises:
        TypeError: an end is not a `datetime.datetime`.
        pact_core.errors.InvalidDatetime: an end is naive.
        pact_core.errors.InvalidInterval: *end* is not after *start*.
    """

    start: dt.datetime = attrs.field(converter=_start_to_utc)
    end: dt.datetime = attrs.field(converter=_end_to_utc)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidInterval.must(
                "end",
                "be after start",
                self.end,
                shown=f"start={_iso(self.start)} end={_iso(self.end)}",
            )

    @classmethod
    def _trusted(cls, start: dt.datetime, end: dt.datetime) -> Self:
        """Build from UTC ends already known to be ordered, skipping the checks (hot paths)."""
        interval = object.__new__(cls)
        object.__setattr__(interval, "start", start)
        object.__setattr__(interval, "end", end)
        return interval

    @classmethod
    def from_start(cls, start: dt.datetime, duration: dt.timedelta) -> Self:
        """Build the interval that starts at *start* and lasts *duration* of elapsed time.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> received = dt.datetime(2025, 3, 28, 12, tzinfo=ZoneInfo("Europe/London"))
        >>> Interval.from_start(received, dt.timedelta(hours=72))
        Interval.parse('2025-03-28T12:00:00Z/2025-03-31T12:00:00Z')
        """
        start = _start_to_utc(start)
        if not isinstance(duration, dt.timedelta):
            raise TypeError(f"duration must be a datetime.timedelta, got {duration!r}")
        if duration <= dt.timedelta(0):
            raise InvalidInterval.must("duration", "be positive", duration)
        return cls(start, add_elapsed(start, duration))

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse an ISO 8601 time interval.

        The forms ``<start>/<end>``, ``<start>/<duration>`` and ``<duration>/<end>``
        are accepted.
        Both datetimes must carry a UTC offset or ``Z``; a duration may use weeks,
        days, hours, minutes and seconds, but not years or months, whose length
        depends on where they fall.

        >>> Interval.parse("2025-03-28T12:00Z/PT72H").to_text()
        '2025-03-28T12:00:00Z/2025-03-31T12:00:00Z'
        >>> Interval.parse("2025-03-28T12:00/PT72H")
        Traceback (most recent call last):
        ...
        pact_core.errors.InvalidDatetime: start must be timezone-aware, got naive 2025-03-28T12:00:00
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {text!r}")
        parts = text.strip().split("/")
        if len(parts) != 2 or not all(parts):
            raise InvalidInterval.must(
                "interval",
                "be ISO 8601 '<start>/<end>', '<start>/<duration>' or '<duration>/<end>'",
                text,
            )
        first, second = parts
        if first.startswith("P"):
            duration = _parse_duration(first)
            if duration is None:
                raise InvalidInterval.must(
                    "duration", "be an ISO 8601 duration in W, D, H, M or S", first
                )
            end = _parse_instant(second, "end")
            start = add_elapsed(end, -duration)
        else:
            start = _parse_instant(first, "start")
            if second.startswith("P"):
                duration = _parse_duration(second)
                if duration is None:
                    raise InvalidInterval.must(
                        "duration", "be an ISO 8601 duration in W, D, H, M or S", second
                    )
                end = add_elapsed(start, duration)
            else:
                end = _parse_instant(second, "end")
        return cls(start, end)

    def to_text(self) -> str:
        """Return the interval as ISO 8601 ``<start>/<end>`` text in UTC, which `parse` reads back.

        >>> Interval.parse("2025-07-01T09:00+01:00/2025-07-01T17:00+01:00").to_text()
        '2025-07-01T08:00:00Z/2025-07-01T16:00:00Z'
        """
        return f"{_iso(self.start)}/{_iso(self.end)}"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"{type(self).__name__}.parse({self.to_text()!r})"

    @property
    def duration(self) -> dt.timedelta:
        """The elapsed time from start to end.

        A local day in Europe/London is 25 hours long when the clocks go back:

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> london = ZoneInfo("Europe/London")
        >>> day = Interval(dt.datetime(2025, 10, 26, tzinfo=london), dt.datetime(2025, 10, 27, tzinfo=london))
        >>> day.duration
        datetime.timedelta(days=1, seconds=3600)
        """
        return self.end - self.start

    @overload
    def contains(self, other: dt.datetime) -> bool: ...
    @overload
    def contains(self, other: Interval) -> bool: ...
    def contains(self, other: dt.datetime | Interval) -> bool:
        """Whether *other*, an instant or an interval, lies wholly within this interval.

        The end is exclusive, so an interval does not contain its own end:

        >>> day = Interval.parse("2025-01-01T00:00Z/2025-01-02T00:00Z")
        >>> day.contains(Interval.parse("2025-01-01T09:00Z/PT8H"))
        True
        >>> day.contains(day.end)
        False
        """
        if isinstance(other, Interval):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, dt.datetime):
            return self.start <= to_utc(other, field="instant") < self.end
        raise TypeError(f"other must be a datetime.datetime or an Interval, got {other!r}")

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share an instant.

        Touching intervals do not overlap, because ``end`` is exclusive:

        >>> a = Interval.parse("2025-01-01T00:00Z/2025-01-02T00:00Z")
        >>> a.overlaps(Interval.parse("2025-01-02T00:00Z/2025-01-03T00:00Z"))
        False
        """
        _require_interval(other, "other")
        return self.start < other.end and other.start < self.end

    def intersection(self, other: Interval) -> Interval | None:
        """Return the instants the two intervals share, or `None` if they share none.

        >>> a = Interval.parse("2025-01-01T00:00Z/2025-01-03T00:00Z")
        >>> a.intersection(Interval.parse("2025-01-02T00:00Z/2025-01-05T00:00Z"))
        Interval.parse('2025-01-02T00:00:00Z/2025-01-03T00:00:00Z')
        """
        _require_interval(other, "other")
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        return Interval._trusted(start, end) if start < end else None

    def split(self, unit: CalendarUnit | str, *, tz: dt.tzinfo) -> tuple[Interval, ...]:
        """Cut the interval where a local day, ISO week (Monday to Sunday) or month of *tz* begins.

        The pieces are in order, touch end to end, and together are the whole interval;
        each lies within one local period, which its start tells:
        ``piece.start.astimezone(tz).date()``.
        An interval inside one period comes back as a single piece.

        A night shift across the October clock change, split into local days:

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> london = ZoneInfo("Europe/London")
        >>> shift = Interval.parse("2025-10-25T20:00+01:00/2025-10-26T06:00Z")
        >>> [(p.start.astimezone(london).date().isoformat(), p.duration) for p in shift.split("day", tz=london)]
        [('2025-10-25', datetime.timedelta(seconds=14400)), ('2025-10-26', datetime.timedelta(seconds=25200))]

        Raises:
            TypeError: *tz* is not a `datetime.tzinfo`, or *unit* is neither a
                `CalendarUnit` nor a str.
            pact_core.errors.InvalidChoice: *unit* is not ``"day"``, ``"week"`` or ``"month"``.
        """
        unit = CalendarUnit.parse(unit) if not isinstance(unit, CalendarUnit) else unit
        _require_tz(tz)
        cuts = [self.start]
        following: dt.date | None
        try:
            following = unit._next_date(unit._first_date(_local_date(self.start, tz)))
        except OverflowError:
            # The local date is before 0001-01-01 or after 9999-12-31, which datetime cannot
            # hold. 0001-01-01 is a Monday and a first of the month, so it starts every unit.
            following = dt.date.min if self.start.year == 1 else None
        while following is not None:
            boundary = _first_instant(following, tz)
            if boundary is None or boundary >= self.end:
                break
            # A boundary at or before the last cut happens only where the clocks went back
            # across midnight and the interval starts in the repeated stretch.
            if boundary > cuts[-1]:
                cuts.append(boundary)
            following = unit._next_date(following)
        cuts.append(self.end)
        return tuple(Interval._trusted(a, b) for a, b in pairwise(cuts))


def _require_interval(value: object, field: str) -> Interval:
    if not isinstance(value, Interval):
        raise TypeError(f"{field} must be an Interval, got {value!r}")
    return value


def merge(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Merge intervals into the fewest disjoint ones that cover the same instants.

    Overlapping and touching intervals join; the result is sorted by start.
    Merging is idempotent and does not depend on the order of its input.

    >>> merge([
    ...     Interval.parse("2025-01-01T12:00Z/2025-01-01T14:00Z"),
    ...     Interval.parse("2025-01-01T09:00Z/2025-01-01T12:00Z"),
    ...     Interval.parse("2025-01-01T16:00Z/2025-01-01T17:00Z"),
    ... ])
    (Interval.parse('2025-01-01T09:00:00Z/2025-01-01T14:00:00Z'), Interval.parse('2025-01-01T16:00:00Z/2025-01-01T17:00:00Z'))
    """
    if isinstance(intervals, Interval):
        raise TypeError(f"intervals must be an iterable of Interval, got {intervals!r}")
    items = [_require_interval(item, f"intervals[{i}]") for i, item in enumerate(intervals)]
    items.sort(key=lambda item: (item.start, item.end))
    merged: list[Interval] = []
    for item in items:
        if merged and item.start <= merged[-1].end:
            if item.end > merged[-1].end:
                merged[-1] = Interval._trusted(merged[-1].start, item.end)
        else:
            merged.append(item)
    return tuple(merged)


# ----------------------------------------------------------------------------- local calendars


class CalendarUnit(enum.Enum):
    """A local calendar period to cut time at: a day, an ISO week or a month.

    >>> CalendarUnit.parse("week")
    <CalendarUnit.WEEK: 'week'>
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @classmethod
    def parse(cls, text: str) -> CalendarUnit:
        """Return the unit named *text* (``"day"``, ``"week"`` or ``"month"``).

        Raises:
            TypeError: *text* is not a str.
            pact_core.errors.InvalidChoice: *text* names no unit.
        """
        if not isinstance(text, str):
            raise TypeError(f"unit must be a CalendarUnit or a str, got {text!r}")
        try:
            return cls(text)
        except ValueError:
            names = ", ".join(repr(member.value) for member in cls)
            raise InvalidChoice.must("unit", f"be one of {names}", text) from None

    def period_containing(self, instant: dt.datetime, *, tz: dt.tzinfo) -> Interval:
        """Return the local day, ISO week or month of *tz* that contains *instant*.

        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> london = ZoneInfo("Europe/London")
        >>> day = CalendarUnit.DAY.period_containing(dt.datetime(2025, 3, 30, 12, tzinfo=london), tz=london)
        >>> day, day.duration
        (Interval.parse('2025-03-30T00:00:00Z/2025-03-30T23:00:00Z'), datetime.timedelta(seconds=82800))

        Raises:
            pact_core.errors.InvalidDatetime: *instant* is naive, or its period
                reaches beyond the years 1 to 9999.
        """
        instant = to_utc(instant, field="instant")
        _require_tz(tz)
        start = end = None
        try:
            first: dt.date | None = self._first_date(_local_date(instant, tz))
        except OverflowError:
            first = None
        while first is not None:
            following = self._next_date(first)
            start = _first_instant(first, tz)
            end = None if following is None else _first_instant(following, tz)
            if end is None or instant < end:
                break
            # The clocks went back across midnight, and the instant is in the repeated
            # stretch after the next period began: it belongs to that period.
            first = following
        if start is None or end is None:
            raise InvalidDatetime.must(
                "instant",
                f"lie in a local {self.value} within years 1 to 9999",
                instant,
                shown=_iso(instant),
            )
        return Interval._trusted(start, end)

    def _first_date(self, day: dt.date) -> dt.date:
        """The first local date of the period that contains *day*."""
        if self is CalendarUnit.DAY:
            return day
        if self is CalendarUnit.WEEK:
            return dt.date.fromordinal(day.toordinal() - day.weekday())
        return day.replace(day=1)

    def _next_date(self, first: dt.date) -> dt.date | None:
        """The first local date of the following period, or None past the year 9999."""
        try:
            if self is CalendarUnit.MONTH:
                return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first + dt.timedelta(days=1 if self is CalendarUnit.DAY else 7)
        except (OverflowError, ValueError):
            return None


def _local_date(instant: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return instant.astimezone(tz).date()


def _first_instant(day: dt.date, tz: dt.tzinfo) -> dt.datetime | None:
    """Return the first instant (in UTC) whose local date in *tz* is *day* or later.

    None means the instant lies outside what datetime can represent.
    """
    midnight = dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a local wall time
    try:
        candidates = [midnight.replace(tzinfo=tz, fold=fold).astimezone(_UTC) for fold in (0, 1)]
        exact = [c for c in candidates if c.astimezone(tz).replace(tzinfo=None) == midnight]
        if exact:
            return min(exact)
        # Local midnight falls in a gap: the day begins when the clocks jump over it.
        low, high = min(candidates), max(candidates)
        if not _local_date(low, tz) < day <= _local_date(high, tz):
            # A tzinfo that ignores fold (PEP 495) brackets nothing; take a wide bracket.
            low = midnight.replace(tzinfo=_UTC) - _SEARCH_WINDOW
            high = midnight.replace(tzinfo=_UTC) + _SEARCH_WINDOW
        while high - low > _MICROSECOND:
            middle = low + (high - low) // 2
            if _local_date(middle, tz) < day:
                low = middle
            else:
                high = middle
    except OverflowError:
        return None
    return high
