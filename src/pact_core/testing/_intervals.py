"""Strategies for aware datetimes and intervals."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.intervals import Interval

__all__ = ["aware_datetimes", "intervals"]

_UTC = dt.timezone.utc
# One day inside what datetime can hold, so that every instant in range has a local time
# in every zone (a UTC offset is always less than a day).
_MIN = dt.datetime(1, 1, 2, tzinfo=_UTC)
_MAX = dt.datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=_UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def _check_bound(name: str, value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgument(f"{name} must be a timezone-aware datetime, got {value!r}")
    try:
        utc = value.astimezone(_UTC)
    except OverflowError:
        utc = dt.datetime.min.replace(tzinfo=_UTC) if value.year == 1 else _MAX + _MICROSECOND
    if not _MIN <= utc <= _MAX:
        raise InvalidArgument(
            f"{name} must lie from {_MIN.isoformat()} to {_MAX.isoformat()}, "
            f"so that it has a local time in every zone, got {value.isoformat()}"
        )
    return utc


def _check_bounds(min_value: object, max_value: object) -> tuple[dt.datetime, dt.datetime]:
    low = _check_bound("min_value", min_value)
    high = _check_bound("max_value", max_value)
    if low > high:
        raise InvalidArgument(
            f"min_value must not be after max_value, got min_value={low.isoformat()} "
            f"max_value={high.isoformat()}"
        )
    return low, high


def _naive(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=None)


def _in_zone(naive_utc: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return naive_utc.replace(tzinfo=_UTC).astimezone(tz)


def aware_datetimes(
    min_value: dt.datetime = _MIN,
    max_value: dt.datetime = _MAX,
    *,
    timezones: st.SearchStrategy[dt.tzinfo] = st.timezones(),  # noqa: B008 - hypothesis's own idiom
) -> st.SearchStrategy[dt.datetime]:
    """Generate timezone-aware datetimes between two instants, inclusive.

    The bounds are instants, compared as such whatever their zones.
    Each example is an instant drawn between them, shown in a zone drawn from
    *timezones*, so it is never in a gap and its ``fold`` is right.
    Examples shrink towards 2000-01-01 00:00 UTC (or the nearest bound), as
    hypothesis's own `~hypothesis.strategies.datetimes` do.

    >>> import datetime as dt
    >>> from hypothesis import find
    >>> find(aware_datetimes(), lambda value: True)
    datetime.datetime(2000, 1, 1, 0, 0, tzinfo=zoneinfo.ZoneInfo(key='UTC'))

    Raises:
        hypothesis.errors.InvalidArgument: a bound is naive, outside
            0001-01-02 to 9999-12-30 UTC, or *min_value* is after *max_value*.
    """
    low, high = _check_bounds(min_value, max_value)
    if not isinstance(timezones, st.SearchStrategy):
        raise InvalidArgument(f"timezones must be a SearchStrategy of tzinfo, got {timezones!r}")
    return st.builds(_in_zone, st.datetimes(_naive(low), _naive(high)), timezones)


@st.composite
def _intervals(
    draw: st.DrawFn,
    low: dt.datetime,
    high: dt.datetime,
    min_duration: dt.timedelta,
    max_duration: dt.timedelta | None,
) -> Interval:
    start = draw(st.datetimes(_naive(low), _naive(high - min_duration))).replace(tzinfo=_UTC)
    longest = high - start
    if max_duration is not None:
        longest = min(longest, max_duration)
    duration = draw(st.timedeltas(min_duration, longest))
    return Interval._trusted(start, start + duration)


def intervals(
    min_value: dt.datetime = _MIN,
    max_value: dt.datetime = _MAX,
    *,
    min_duration: dt.timedelta = _MICROSECOND,
    max_duration: dt.timedelta | None = None,
) -> st.SearchStrategy[Interval]:
    """Generate intervals that lie within ``[min_value, max_value]``.

    Durations range from *min_duration* (one microsecond by default) to *max_duration*
    (by default, as long as the bounds allow), so tiny and millennia-long intervals
    both appear.
    Examples shrink towards a one-microsecond interval starting at 2000-01-01 00:00 UTC.
    An `Interval` keeps its ends in UTC, so there is no zone to choose.

    A test a downstream user could paste:

    >>> import datetime as dt
    >>> from hypothesis import given
    >>> @given(intervals(max_duration=dt.timedelta(days=7)))
    ... def test_a_week_or_less(interval):
    ...     assert interval.duration <= dt.timedelta(days=7)
    >>> test_a_week_or_less()

    Raises:
        hypothesis.errors.InvalidArgument: a bound is naive or out of range, the
            durations are not positive or not ordered, or no interval of
            *min_duration* fits between the bounds.
    """
    low, high = _check_bounds(min_value, max_value)
    for name, value in (("min_duration", min_duration), ("max_duration", max_duration)):
        if value is None and name == "max_duration":
            continue
        if not isinstance(value, dt.timedelta) or value <= dt.timedelta(0):
            raise InvalidArgument(f"{name} must be a positive timedelta, got {value!r}")
    if max_duration is not None and max_duration < min_duration:
        raise InvalidArgument(
            f"max_duration must not be less than min_duration, got min_duration={min_duration!r} "
            f"max_duration={max_duration!r}"
        )
    if high - low < min_duration:
        raise InvalidArgument(
            f"max_value - min_value must be at least min_duration, got {high - low!r} "
            f"for min_duration={min_duration!r}"
        )
    return _intervals(low, high, min_duration, max_duration)
