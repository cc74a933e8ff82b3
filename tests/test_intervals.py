from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import attrs
import pytest

from pact_core.errors import InvalidChoice, InvalidDatetime, InvalidInterval, PactError
from pact_core.intervals import (
    CalendarUnit,
    Interval,
    _first_instant,
    add_elapsed,
    aware,
    elapsed,
    is_aware,
    merge,
    require_aware,
    to_utc,
)

UTC = dt.timezone.utc
LONDON = ZoneInfo("Europe/London")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def london(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON, fold=fold)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def iv(text: str) -> Interval:
    return Interval.parse(text)


# ----------------------------------------------------------------------------- aware helpers


def test_is_aware() -> None:
    assert is_aware(utc(2025, 1, 1))
    assert not is_aware(dt.datetime(2025, 1, 1))  # noqa: DTZ001 - naive on purpose


class _NoOffset(dt.tzinfo):
    """A tzinfo that does not know its offset: it does not make a datetime aware."""

    def utcoffset(self, value: dt.datetime | None) -> None:
        return None

    def dst(self, value: dt.datetime | None) -> None:
        return None

    def tzname(self, value: dt.datetime | None) -> None:
        return None


def test_a_tzinfo_without_an_offset_is_not_aware() -> None:
    value = dt.datetime(2025, 1, 1, tzinfo=_NoOffset())
    assert not is_aware(value)
    with pytest.raises(
        InvalidDatetime, match="^start must be timezone-aware, got naive 2025-01-01T00:00:00$"
    ):
        require_aware(value, field="start")


def test_is_aware_rejects_a_date() -> None:
    with pytest.raises(
        TypeError, match=r"^value must be a datetime.datetime, got datetime.date\(2025, 1, 1\)$"
    ):
        is_aware(dt.date(2025, 1, 1))  # type: ignore[arg-type]


def test_require_aware_returns_the_value_unchanged() -> None:
    value = london(2025, 10, 26, 1, 30, fold=1)
    assert require_aware(value) is value


def test_require_aware_names_the_field_and_value() -> None:
    with pytest.raises(InvalidDatetime) as info:
        require_aware(dt.datetime(2025, 3, 28, 12), field="received")  # noqa: DTZ001
    assert str(info.value) == "received must be timezone-aware, got naive 2025-03-28T12:00:00"
    assert info.value.field == "received"
    assert info.value.rule == "be timezone-aware"
    assert info.value.value == dt.datetime(2025, 3, 28, 12)  # noqa: DTZ001
    assert isinstance(info.value, ValueError)


def test_require_aware_rejects_other_types() -> None:
    with pytest.raises(
        TypeError, match=r"^received must be a datetime.datetime, got '2025-03-28'$"
    ):
        require_aware("2025-03-28", field="received")


def test_aware_validator_names_the_attrs_field() -> None:
    @attrs.frozen
    class Query:
        received: dt.datetime = attrs.field(validator=aware)

    assert Query(utc(2025, 1, 1)).received == utc(2025, 1, 1)
    with pytest.raises(InvalidDatetime, match="^received must be timezone-aware"):
        Query(dt.datetime(2025, 1, 1))  # noqa: DTZ001


def test_to_utc() -> None:
    assert to_utc(london(2025, 7, 1, 9)) == utc(2025, 7, 1, 8)
    assert to_utc(london(2025, 7, 1, 9)).tzinfo is UTC


def test_to_utc_out_of_range() -> None:
    tz = dt.timezone(dt.timedelta(hours=5))
    with pytest.raises(
        InvalidDatetime,
        match="^start must be within years 1 to 9999 in UTC, got 0001-01-01T01:00:00\\+05:00$",
    ):
        to_utc(dt.datetime(1, 1, 1, 1, tzinfo=tz), field="start")


def test_elapsed_across_the_autumn_repeated_hour() -> None:
    first = london(2025, 10, 26, 1, 30)
    second = london(2025, 10, 26, 1, 30, fold=1)
    assert second - first == dt.timedelta(0)  # the trap: same tzinfo, wall-clock arithmetic
    assert elapsed(first, second) == dt.timedelta(hours=1)
    assert elapsed(second, first) == -dt.timedelta(hours=1)


def test_elapsed_across_the_spring_clock_change() -> None:
    assert elapsed(london(2025, 3, 30), london(2025, 3, 31)) == dt.timedelta(hours=23)


def test_elapsed_names_the_naive_end() -> None:
    with pytest.raises(InvalidDatetime, match="^end must be timezone-aware"):
        elapsed(utc(2025, 1, 1), dt.datetime(2025, 1, 2))  # noqa: DTZ001


def test_add_elapsed_72_hours_across_march_clock_change() -> None:
    """DOMAIN.md section 5: Fri 28 Mar 2025 12:00 GMT + 72 h = Mon 31 Mar 13:00 BST."""
    result = add_elapsed(london(2025, 3, 28, 12), dt.timedelta(hours=72))
    assert result == london(2025, 3, 31, 13)
    assert result.tzinfo is LONDON
    assert result.isoformat() == "2025-03-31T13:00:00+01:00"


def test_add_elapsed_72_hours_across_october_clock_change() -> None:
    result = add_elapsed(london(2025, 10, 24, 12), dt.timedelta(hours=72))
    assert result.isoformat() == "2025-10-27T11:00:00+00:00"


def test_add_elapsed_into_the_repeated_hour_sets_fold() -> None:
    result = add_elapsed(london(2025, 10, 26, 0, 30), dt.timedelta(hours=2))
    assert (result.hour, result.minute, result.fold) == (1, 30, 1)
    assert result.utcoffset() == dt.timedelta(0)


def test_add_elapsed_rejects_naive_and_wrong_types() -> None:
    with pytest.raises(InvalidDatetime, match="^instant must be timezone-aware"):
        add_elapsed(dt.datetime(2025, 1, 1), dt.timedelta(hours=1))  # noqa: DTZ001
    with pytest.raises(TypeError, match="^duration must be a datetime.timedelta, got 72$"):
        add_elapsed(utc(2025, 1, 1), 72)  # type: ignore[arg-type]


def test_add_elapsed_overflow() -> None:
    with pytest.raises(
        InvalidDatetime,
        match=r"^instant \+ duration must be within years 1 to 9999, got 9999-12-31T00:00:00\+00:00 \+ 2 days, 0:00:00$",
    ):
        add_elapsed(utc(9999, 12, 31), dt.timedelta(days=2))


# ----------------------------------------------------------------------------- Interval


def test_interval_stores_utc() -> None:
    interval = Interval(london(2025, 7, 1, 9), london(2025, 7, 1, 17))
    assert interval.start == utc(2025, 7, 1, 8)
    assert interval.start.tzinfo is UTC
    assert interval.end.tzinfo is UTC


def test_intervals_written_in_different_zones_are_equal() -> None:
    a = Interval(london(2025, 7, 1, 9), london(2025, 7, 1, 17))
    b = Interval(utc(2025, 7, 1, 8), utc(2025, 7, 1, 16))
    assert a == b
    assert hash(a) == hash(b)


def test_interval_across_the_repeated_hour_is_not_empty() -> None:
    """Same tzinfo and the same wall time, yet an hour apart: an interval sees instants."""
    interval = Interval(london(2025, 10, 26, 1, 30), london(2025, 10, 26, 1, 30, fold=1))
    assert interval.duration == dt.timedelta(hours=1)


def test_interval_must_end_after_start() -> None:
    with pytest.raises(InvalidInterval) as info:
        Interval(utc(2025, 1, 2), utc(2025, 1, 1))
    assert (
        str(info.value)
        == "end must be after start, got start=2025-01-02T00:00:00Z end=2025-01-01T00:00:00Z"
    )
    assert info.value.field == "end"
    assert info.value.value == utc(2025, 1, 1)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, PactError)


def test_interval_must_not_be_empty() -> None:
    with pytest.raises(InvalidInterval, match="^end must be after start"):
        Interval(utc(2025, 1, 1), utc(2025, 1, 1))


def test_interval_rejects_naive_ends() -> None:
    with pytest.raises(
        InvalidDatetime, match="^start must be timezone-aware, got naive 2025-01-01T00:00:00$"
    ):
        Interval(dt.datetime(2025, 1, 1), utc(2025, 1, 2))  # noqa: DTZ001
    with pytest.raises(
        InvalidDatetime, match="^end must be timezone-aware, got naive 2025-01-02T00:00:00$"
    ):
        Interval(utc(2025, 1, 1), dt.datetime(2025, 1, 2))  # noqa: DTZ001


def test_interval_rejects_wrong_types() -> None:
    with pytest.raises(TypeError, match="^start must be a datetime.datetime, got '2025-01-01'$"):
        Interval("2025-01-01", utc(2025, 1, 2))  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"^end must be a datetime.datetime, got datetime.date\(2025, 1, 2\)$"
    ):
        Interval(utc(2025, 1, 1), dt.date(2025, 1, 2))  # type: ignore[arg-type]


def test_interval_is_frozen() -> None:
    interval = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        interval.start = utc(2024, 1, 1)  # type: ignore[misc]


def test_evolve_revalidates() -> None:
    interval = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    assert attrs.evolve(interval, end=london(2025, 7, 1)).end == utc(2025, 6, 30, 23)
    with pytest.raises(InvalidInterval, match="^end must be after start"):
        attrs.evolve(interval, end=utc(2024, 1, 1))


def test_pickle_round_trip() -> None:
    interval = iv("2025-01-01T00:00Z/2025-01-02T00:00:00.5Z")
    assert pickle.loads(pickle.dumps(interval)) == interval  # noqa: S301 - our own data


def test_repr_evaluates_back() -> None:
    interval = iv("2025-01-01T00:00Z/2025-01-02T00:00:00.000001Z")
    assert repr(interval) == "Interval.parse('2025-01-01T00:00:00Z/2025-01-02T00:00:00.000001Z')"
    assert eval(repr(interval), {"Interval": Interval}) == interval  # noqa: S307 - our own repr


def test_str_is_the_text() -> None:
    assert str(iv("2025-01-01T00:00Z/P1D")) == "2025-01-01T00:00:00Z/2025-01-02T00:00:00Z"


def test_from_start_is_elapsed_time() -> None:
    interval = Interval.from_start(london(2025, 3, 28, 12), dt.timedelta(hours=72))
    assert interval.end == london(2025, 3, 31, 13)
    assert interval.duration == dt.timedelta(hours=72)


def test_from_start_rejects_bad_durations() -> None:
    with pytest.raises(
        InvalidInterval, match=r"^duration must be positive, got datetime.timedelta\(0\)$"
    ):
        Interval.from_start(utc(2025, 1, 1), dt.timedelta(0))
    with pytest.raises(TypeError, match="^duration must be a datetime.timedelta, got 3600$"):
        Interval.from_start(utc(2025, 1, 1), 3600)  # type: ignore[arg-type]
    with pytest.raises(InvalidDatetime, match="^start must be timezone-aware"):
        Interval.from_start(dt.datetime(2025, 1, 1), dt.timedelta(hours=1))  # noqa: DTZ001


# ----------------------------------------------------------------------------- parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-01T00:00Z/2025-01-02T00:00Z", "2025-01-01T00:00:00Z/2025-01-02T00:00:00Z"),
        (
            "2025-07-01T09:00+01:00/2025-07-01T17:00+01:00",
            "2025-07-01T08:00:00Z/2025-07-01T16:00:00Z",
        ),
        ("2025-03-28T12:00Z/PT72H", "2025-03-28T12:00:00Z/2025-03-31T12:00:00Z"),
        ("PT72H/2025-03-31T12:00Z", "2025-03-28T12:00:00Z/2025-03-31T12:00:00Z"),
        ("2025-01-01T00:00Z/P1W2DT3H4M5.5S", "2025-01-01T00:00:00Z/2025-01-10T03:04:05.500000Z"),
        ("2025-01-01T00:00Z/PT0,25S", "2025-01-01T00:00:00Z/2025-01-01T00:00:00.250000Z"),
        (" 20250101T000000Z/20250102T000000Z ", "2025-01-01T00:00:00Z/2025-01-02T00:00:00Z"),
    ],
)
def test_parse(text: str, expected: str) -> None:
    assert Interval.parse(text).to_text() == expected


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("2025-01-01T00:00Z", InvalidInterval, "^interval must be ISO 8601 '<start>/<end>'"),
        ("2025-01-01T00:00Z/", InvalidInterval, "^interval must be ISO 8601"),
        ("a/b/c", InvalidInterval, "^interval must be ISO 8601 .*, got 'a/b/c'$"),
        (
            "2025-13-01T00:00Z/PT1H",
            InvalidDatetime,
            "^start must be an ISO 8601 datetime, got '2025-13-01T00:00Z'$",
        ),
        (
            "2025-01-01T00:00Z/tomorrow",
            InvalidDatetime,
            "^end must be an ISO 8601 datetime, got 'tomorrow'$",
        ),
        (
            "2025-01-01T00:00Z/P1M",
            InvalidInterval,
            "^duration must be an ISO 8601 duration in W, D, H, M or S, got 'P1M'$",
        ),
        (
            "P1Y/2025-01-01T00:00Z",
            InvalidInterval,
            "^duration must be an ISO 8601 duration .*, got 'P1Y'$",
        ),
        ("2025-01-01T00:00Z/P", InvalidInterval, "^duration must be .*, got 'P'$"),
        ("2025-01-01T00:00Z/PT", InvalidInterval, "^duration must be .*, got 'PT'$"),
        (
            "2025-01-01T00:00Z/P99999999999D",
            InvalidInterval,
            "^duration must be .*, got 'P99999999999D'$",
        ),
        ("2025-01-01T00:00Z/PT0S", InvalidInterval, "^end must be after start"),
        (
            "2025-01-01T00:00/PT1H",
            InvalidDatetime,
            "^start must be timezone-aware, got naive 2025-01-01T00:00:00$",
        ),
        ("PT1H/2025-01-01T00:00", InvalidDatetime, "^end must be timezone-aware"),
        (
            "9999-12-31T00:00Z/P2D",
            InvalidDatetime,
            r"^instant \+ duration must be within years 1 to 9999",
        ),
    ],
)
def test_parse_errors(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Interval.parse(text)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="^text must be a str, got 42$"):
        Interval.parse(42)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- predicates


def test_contains_instants_half_open() -> None:
    day = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    assert day.contains(day.start)
    assert day.contains(london(2025, 1, 1, 23, 59))
    assert not day.contains(day.end)
    assert not day.contains(day.start - dt.timedelta(microseconds=1))


def test_contains_an_instant_in_the_repeated_hour() -> None:
    hour = iv("2025-10-26T01:00Z/2025-10-26T02:00Z")  # the second 01:00-02:00 in London
    assert hour.contains(london(2025, 10, 26, 1, 30, fold=1))
    assert not hour.contains(london(2025, 10, 26, 1, 30, fold=0))


def test_contains_intervals() -> None:
    day = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    assert day.contains(day)
    assert day.contains(iv("2025-01-01T09:00Z/PT8H"))
    assert not day.contains(iv("2025-01-01T20:00Z/PT8H"))


def test_contains_rejects_naive_and_other_types() -> None:
    day = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    with pytest.raises(InvalidDatetime, match="^instant must be timezone-aware"):
        day.contains(dt.datetime(2025, 1, 1, 12))  # noqa: DTZ001
    with pytest.raises(
        TypeError, match="^other must be a datetime.datetime or an Interval, got '2025-01-01'$"
    ):
        day.contains("2025-01-01")  # type: ignore[call-overload]


def test_overlaps() -> None:
    a = iv("2025-01-01T00:00Z/2025-01-02T00:00Z")
    assert a.overlaps(iv("2025-01-01T23:00Z/2025-01-03T00:00Z"))
    assert not a.overlaps(iv("2025-01-02T00:00Z/2025-01-03T00:00Z"))
    assert not iv("2025-01-02T00:00Z/2025-01-03T00:00Z").overlaps(a)
    with pytest.raises(TypeError, match="^other must be an Interval, got None$"):
        a.overlaps(None)  # type: ignore[arg-type]


def test_intersection() -> None:
    a = iv("2025-01-01T00:00Z/2025-01-03T00:00Z")
    assert a.intersection(iv("2025-01-02T00:00Z/2025-01-05T00:00Z")) == iv(
        "2025-01-02T00:00Z/2025-01-03T00:00Z"
    )
    assert a.intersection(iv("2025-01-03T00:00Z/2025-01-05T00:00Z")) is None
    with pytest.raises(TypeError, match="^other must be an Interval"):
        a.intersection("x")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- merge


def test_merge_joins_overlapping_and_touching() -> None:
    assert merge(
        [
            iv("2025-01-01T12:00Z/2025-01-01T14:00Z"),
            iv("2025-01-01T09:00Z/2025-01-01T12:00Z"),
            iv("2025-01-01T10:00Z/2025-01-01T11:00Z"),
            iv("2025-01-01T16:00Z/2025-01-01T17:00Z"),
        ]
    ) == (iv("2025-01-01T09:00Z/2025-01-01T14:00Z"), iv("2025-01-01T16:00Z/2025-01-01T17:00Z"))


def test_merge_of_nothing() -> None:
    assert merge([]) == ()
    assert merge(iter([])) == ()


def test_merge_rejects_non_intervals_by_position() -> None:
    with pytest.raises(TypeError, match="^intervals\\[1\\] must be an Interval, got 'x'$"):
        merge([iv("2025-01-01T00:00Z/PT1H"), "x"])  # type: ignore[list-item]


def test_merge_rejects_a_single_interval() -> None:
    with pytest.raises(TypeError, match="^intervals must be an iterable of Interval"):
        merge(iv("2025-01-01T00:00Z/PT1H"))  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- calendar units


def test_calendar_unit_parse() -> None:
    assert CalendarUnit.parse("month") is CalendarUnit.MONTH
    with pytest.raises(InvalidChoice) as info:
        CalendarUnit.parse("fortnight")
    assert str(info.value) == "unit must be one of 'day', 'week', 'month', got 'fortnight'"
    assert info.value.field == "unit"
    with pytest.raises(TypeError, match="^unit must be a CalendarUnit or a str, got 7$"):
        CalendarUnit.parse(7)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        ((2025, 3, 30), 23),
        ((2025, 10, 26), 25),
        ((2025, 6, 1), 24),
        ((2024, 3, 31), 23),
        ((2024, 10, 27), 25),
    ],
)
def test_london_days_are_23_24_or_25_hours(day: tuple[int, int, int], hours: int) -> None:
    period = CalendarUnit.DAY.period_containing(london(*day, 12), tz=LONDON)
    assert period.start == london(*day)
    assert period.duration == dt.timedelta(hours=hours)


def test_period_containing_a_week_and_month() -> None:
    week = CalendarUnit.WEEK.period_containing(london(2025, 10, 29, 12), tz=LONDON)
    assert week.start == london(2025, 10, 27)  # a Monday
    assert week.duration == dt.timedelta(days=7)
    month = CalendarUnit.MONTH.period_containing(london(2025, 10, 1), tz=LONDON)
    assert month == Interval(london(2025, 10, 1), london(2025, 11, 1))
    assert month.duration == dt.timedelta(days=31, hours=1)


def test_period_containing_uses_the_local_date() -> None:
    """23:30 UTC on 31 May is 00:30 on 1 June in London."""
    period = CalendarUnit.MONTH.period_containing(utc(2025, 5, 31, 23, 30), tz=LONDON)
    assert period.start == london(2025, 6, 1)


def test_period_containing_errors() -> None:
    with pytest.raises(InvalidDatetime, match="^instant must be timezone-aware"):
        CalendarUnit.DAY.period_containing(dt.datetime(2025, 1, 1), tz=LONDON)  # noqa: DTZ001
    with pytest.raises(
        TypeError,
        match=r"^tz must be a datetime.tzinfo such as zoneinfo.ZoneInfo\('Europe/London'\), got 'Europe/London'$",
    ):
        CalendarUnit.DAY.period_containing(utc(2025, 1, 1), tz="Europe/London")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidDatetime,
        match="^instant must lie in a local month within years 1 to 9999, got 9999-12-31T00:00:00Z$",
    ):
        CalendarUnit.MONTH.period_containing(utc(9999, 12, 31), tz=UTC)
    with pytest.raises(
        InvalidDatetime, match="^instant must lie in a local day within years 1 to 9999"
    ):
        CalendarUnit.DAY.period_containing(
            utc(9999, 12, 31, 23), tz=dt.timezone(dt.timedelta(hours=2))
        )
    with pytest.raises(
        InvalidDatetime, match="^instant must lie in a local day within years 1 to 9999"
    ):
        CalendarUnit.DAY.period_containing(utc(1, 1, 1, 1), tz=dt.timezone(dt.timedelta(hours=2)))


def test_a_day_whose_midnight_does_not_exist() -> None:
    """Sao Paulo sprang forward at 00:00 on 4 November 2018: that day began at 01:00."""
    day = CalendarUnit.DAY.period_containing(
        dt.datetime(2018, 11, 4, 12, tzinfo=SAO_PAULO), tz=SAO_PAULO
    )
    assert day.start == utc(2018, 11, 4, 3)
    assert day.start.astimezone(SAO_PAULO).hour == 1
    assert day.duration == dt.timedelta(hours=23)


def test_a_day_whose_midnight_happens_twice() -> None:
    """Sao Paulo fell back at 00:00 on 17 February 2019, to 23:00 on the 16th: the 16th lasted 25 hours."""
    day = CalendarUnit.DAY.period_containing(
        dt.datetime(2019, 2, 16, 12, tzinfo=SAO_PAULO), tz=SAO_PAULO
    )
    assert day.duration == dt.timedelta(hours=25)
    assert CalendarUnit.DAY.period_containing(day.end, tz=SAO_PAULO).start == day.end


class _FoldBlindZone(dt.tzinfo):
    """A zone in the style before PEP 495: it ignores fold, and springs forward at midnight.

    UTC-4 until 2025-06-01 00:00 local, then UTC-3 (so 00:00-01:00 on 1 June never happens).
    """

    _CHANGE = dt.datetime(2025, 6, 1)  # noqa: DTZ001 - a wall-clock time, as tzinfo methods see

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=-4) + self.dst(value)

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        assert value is not None
        return (
            dt.timedelta(hours=1) if value.replace(tzinfo=None) >= self._CHANGE else dt.timedelta(0)
        )

    def tzname(self, value: dt.datetime | None) -> str:
        return "FB"


def test_a_gap_at_midnight_in_a_zone_that_ignores_fold() -> None:
    zone = _FoldBlindZone()
    assert _first_instant(dt.date(2025, 6, 1), zone) == utc(2025, 6, 1, 4)
    assert _first_instant(dt.date(2025, 6, 2), zone) == utc(2025, 6, 2, 3)


# ----------------------------------------------------------------------------- split


def test_split_a_night_shift_across_the_october_change() -> None:
    shift = iv("2025-10-25T20:00+01:00/2025-10-26T06:00Z")
    pieces = shift.split("day", tz=LONDON)
    assert pieces == (
        Interval(london(2025, 10, 25, 20), london(2025, 10, 26)),
        Interval(london(2025, 10, 26), london(2025, 10, 26, 6)),
    )
    assert [p.duration for p in pieces] == [dt.timedelta(hours=4), dt.timedelta(hours=7)]


def test_split_whole_days_across_both_changes() -> None:
    year = Interval(london(2025, 1, 1), london(2026, 1, 1))
    days = year.split(CalendarUnit.DAY, tz=LONDON)
    assert len(days) == 365
    hours = sorted({d.duration // dt.timedelta(hours=1) for d in days})
    assert hours == [23, 24, 25]
    assert all(d.start.astimezone(LONDON).time() == dt.time(0) for d in days)


def test_split_into_iso_weeks_starts_on_mondays() -> None:
    pieces = Interval(london(2025, 12, 25), london(2026, 1, 14)).split("week", tz=LONDON)
    assert [p.start.astimezone(LONDON).date().isoformat() for p in pieces] == [
        "2025-12-25",
        "2025-12-29",
        "2026-01-05",
        "2026-01-12",
    ]
    assert pieces[1].start.astimezone(LONDON).isocalendar()[:2] == (2026, 1)


def test_split_into_months() -> None:
    pieces = Interval(london(2025, 1, 15), london(2025, 4, 15)).split("month", tz=LONDON)
    assert [p.start.astimezone(LONDON).date().isoformat() for p in pieces] == [
        "2025-01-15",
        "2025-02-01",
        "2025-03-01",
        "2025-04-01",
    ]
    assert pieces[2].duration == dt.timedelta(days=31, hours=-1)  # March loses an hour


def test_split_within_one_period_is_the_interval_itself() -> None:
    interval = iv("2025-01-01T09:00Z/PT8H")
    assert interval.split("month", tz=LONDON) == (interval,)


def test_split_ending_exactly_at_a_boundary() -> None:
    assert len(Interval(london(2025, 1, 1), london(2025, 1, 3)).split("day", tz=LONDON)) == 2


def test_split_in_a_fixed_offset_zone() -> None:
    tz = dt.timezone(dt.timedelta(hours=-5))
    pieces = iv("2025-01-01T00:00Z/2025-01-02T00:00Z").split("day", tz=tz)
    assert [p.start for p in pieces] == [utc(2025, 1, 1), utc(2025, 1, 1, 5)]


def test_split_errors() -> None:
    interval = iv("2025-01-01T00:00Z/P1D")
    with pytest.raises(
        InvalidChoice, match="^unit must be one of 'day', 'week', 'month', got 'year'$"
    ):
        interval.split("year", tz=LONDON)
    with pytest.raises(TypeError, match="^unit must be a CalendarUnit or a str, got None$"):
        interval.split(None, tz=LONDON)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^tz must be a datetime.tzinfo"):
        interval.split("day", tz="Europe/London")  # type: ignore[arg-type]


def test_split_at_the_ends_of_time() -> None:
    east = dt.timezone(dt.timedelta(hours=23))
    west = dt.timezone(dt.timedelta(hours=-23))
    start = dt.datetime.min.replace(tzinfo=UTC)
    end = dt.datetime.max.replace(tzinfo=UTC)
    # The local date of the start is before 0001-01-01 in the west: the first cut is local 0001-01-01.
    assert Interval(start, utc(1, 1, 3)).split("month", tz=west) == (
        Interval(start, utc(1, 1, 1, 23)),
        Interval(utc(1, 1, 1, 23), utc(1, 1, 3)),
    )
    # In the east, 0001-01-01 began before datetime can count: the first cut is 0001-01-02.
    assert [p.start for p in Interval(start, utc(1, 1, 3)).split("day", tz=east)] == [
        start,
        utc(1, 1, 1, 1),
        utc(1, 1, 2, 1),
    ]
    # At the far end, local dates after 9999-12-31 have no boundaries to cut at.
    assert Interval(utc(9999, 12, 31, 2), end).split("day", tz=east) == (
        Interval(utc(9999, 12, 31, 2), end),
    )
    assert Interval(utc(9999, 12, 30), end).split("week", tz=east) == (
        Interval(utc(9999, 12, 30), end),
    )
    assert Interval(utc(9999, 12, 30), end).split("day", tz=UTC) == (
        Interval(utc(9999, 12, 30), utc(9999, 12, 31)),
        Interval(utc(9999, 12, 31), end),
    )


class _BackAcrossMidnight(dt.tzinfo):
    """A PEP 495 zone whose clocks go back across midnight.

    UTC-3 until 2025-06-01 03:30 UTC (00:30 local), then UTC-4: the wall clock goes from
    00:30 on 1 June back to 23:30 on 31 May, so midnight on 1 June happens twice.
    """

    _CHANGE = dt.datetime(2025, 6, 1, 3, 30)  # noqa: DTZ001 - UTC, naive as tzinfo methods see it
    _REPEAT = (dt.datetime(2025, 5, 31, 23, 30), dt.datetime(2025, 6, 1, 0, 30))  # noqa: DTZ001

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        assert value is not None
        wall = value.replace(tzinfo=None)
        before = wall < self._REPEAT[0] or (wall < self._REPEAT[1] and value.fold == 0)
        return dt.timedelta(hours=-3 if before else -4)

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, value: dt.datetime | None) -> str:
        return "BM"

    def fromutc(self, value: dt.datetime) -> dt.datetime:
        moment = value.replace(tzinfo=None)
        if moment < self._CHANGE:
            return (moment - dt.timedelta(hours=3)).replace(tzinfo=self)
        wall = moment - dt.timedelta(hours=4)
        fold = int(self._REPEAT[0] <= wall < self._REPEAT[1])
        return wall.replace(tzinfo=self, fold=fold)


def test_a_day_whose_midnight_comes_back() -> None:
    """Periods never overlap: the repeated evening after a day began belongs to that day."""
    zone = _BackAcrossMidnight()
    in_repeat = utc(2025, 6, 1, 3, 45)  # 23:45 on 31 May, the second time
    assert in_repeat.astimezone(zone).date() == dt.date(2025, 5, 31)
    day = CalendarUnit.DAY.period_containing(in_repeat, tz=zone)
    assert day == Interval(
        utc(2025, 6, 1, 3), utc(2025, 6, 2, 4)
    )  # 1 June, from its first midnight
    may = CalendarUnit.DAY.period_containing(utc(2025, 5, 31, 12), tz=zone)
    assert may.end == day.start
    assert Interval(in_repeat, utc(2025, 6, 2, 12)).split("day", tz=zone) == (
        Interval(in_repeat, utc(2025, 6, 2, 4)),
        Interval(utc(2025, 6, 2, 4), utc(2025, 6, 2, 12)),
    )
