"""Laws of intervals, over the whole space pact_core.testing generates."""

from __future__ import annotations

import datetime as dt
import pickle
from itertools import pairwise
from typing import TYPE_CHECKING

import attrs
from hypothesis import given
from hypothesis import strategies as st

from pact_core.intervals import (
    CalendarUnit,
    Interval,
    add_elapsed,
    elapsed,
    merge,
    to_utc,
)
from pact_core.testing import aware_datetimes, intervals

if TYPE_CHECKING:
    import random

UTC = dt.timezone.utc
# Splitting cuts at every local boundary, so keep intervals to a sensible number of pieces.
_SPAN = {
    CalendarUnit.DAY: dt.timedelta(days=100),
    CalendarUnit.WEEK: dt.timedelta(days=700),
    CalendarUnit.MONTH: dt.timedelta(days=3000),
}
units = st.sampled_from(CalendarUnit)


# Periods that lie wholly within the years datetime can count: period_containing needs both ends.
_INNER = (dt.datetime(1, 2, 1, tzinfo=UTC), dt.datetime(9999, 11, 30, tzinfo=UTC))


@st.composite
def split_cases(
    draw: st.DrawFn, *, inner: bool = False
) -> tuple[Interval, CalendarUnit, dt.tzinfo]:
    unit = draw(units)
    bounds = _INNER if inner else ()
    return draw(intervals(*bounds, max_duration=_SPAN[unit])), unit, draw(st.timezones())


def _period_key(unit: CalendarUnit, instant: dt.datetime, tz: dt.tzinfo) -> dt.date:
    """The first local date of the period holding *instant*: computed from astimezone alone."""
    day = instant.astimezone(tz).date()
    if unit is CalendarUnit.DAY:
        return day
    if unit is CalendarUnit.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


# ----------------------------------------------------------------------------- values


@given(intervals())
def test_text_round_trip(interval: Interval) -> None:
    assert Interval.parse(interval.to_text()) == interval


@given(intervals())
def test_repr_round_trip(interval: Interval) -> None:
    assert eval(repr(interval), {"Interval": Interval}) == interval  # noqa: S307 - our own repr


@given(intervals())
def test_pickle_round_trip(interval: Interval) -> None:
    assert pickle.loads(pickle.dumps(interval)) == interval  # noqa: S301 - our own data


@given(intervals(), intervals())
def test_equal_means_equal_hash(a: Interval, b: Interval) -> None:
    assert (a == b) == ((a.start, a.end) == (b.start, b.end))
    if a == b:
        assert hash(a) == hash(b)


@given(aware_datetimes(), aware_datetimes())
def test_construction_from_any_zones(a: dt.datetime, b: dt.datetime) -> None:
    if a == b:
        return
    start, end = sorted([a, b], key=to_utc)
    interval = Interval(start, end)
    assert interval.duration == elapsed(start, end)
    assert interval.contains(start)
    assert not interval.contains(end)


@given(intervals(), intervals())
def test_evolve_keeps_validity(a: Interval, b: Interval) -> None:
    if b.end > a.start:
        assert attrs.evolve(a, end=b.end).duration == b.end - a.start


@given(
    aware_datetimes(max_value=dt.datetime(9000, 1, 1, tzinfo=UTC)),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=300_000)),
)
def test_add_elapsed_then_measure(instant: dt.datetime, duration: dt.timedelta) -> None:
    later = add_elapsed(instant, duration)
    assert elapsed(instant, later) == duration
    assert later.tzinfo is instant.tzinfo


# ----------------------------------------------------------------------------- predicates


@given(intervals(), intervals())
def test_intersection_lies_within_both(a: Interval, b: Interval) -> None:
    both = a.intersection(b)
    assert (both is not None) == a.overlaps(b) == b.overlaps(a)
    assert both == b.intersection(a)
    if both is not None:
        assert a.contains(both)
        assert b.contains(both)


@given(intervals())
def test_intersection_with_itself(a: Interval) -> None:
    assert a.intersection(a) == a
    assert a.overlaps(a)
    assert a.contains(a)


@given(intervals(), aware_datetimes())
def test_contains_instant_agrees_with_bounds(a: Interval, instant: dt.datetime) -> None:
    assert a.contains(instant) == (a.start <= instant < a.end)


# ----------------------------------------------------------------------------- merge


interval_lists = st.lists(
    intervals(
        dt.datetime(2024, 1, 1, tzinfo=UTC),
        dt.datetime(2024, 1, 8, tzinfo=UTC),
        max_duration=dt.timedelta(days=1),
    ),
    max_size=12,
) | st.lists(intervals(), max_size=6)


@given(interval_lists)
def test_merge_is_idempotent(items: list[Interval]) -> None:
    merged = merge(items)
    assert merge(merged) == merged


@given(interval_lists, st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_order(items: list[Interval], rng: random.Random) -> None:
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert merge(shuffled) == merge(items)


@given(interval_lists)
def test_merge_gives_sorted_disjoint_intervals_covering_the_same_instants(
    items: list[Interval],
) -> None:
    merged = merge(items)
    for earlier, later in pairwise(merged):
        assert earlier.end < later.start  # neither overlapping nor touching
    for item in items:
        assert sum(m.contains(item) for m in merged) == 1
    for m in merged:
        assert any(item.start == m.start for item in items)
        assert any(item.end == m.end for item in items)
        covered = merge(i for i in (m.intersection(item) for item in items) if i is not None)
        assert covered == (m,)


# ----------------------------------------------------------------------------- split


@given(split_cases())
def test_split_then_join_gives_back_the_interval(
    case: tuple[Interval, CalendarUnit, dt.tzinfo],
) -> None:
    interval, unit, tz = case
    pieces = interval.split(unit, tz=tz)
    assert pieces[0].start == interval.start
    assert pieces[-1].end == interval.end
    for earlier, later in pairwise(pieces):
        assert earlier.end == later.start
    assert merge(pieces) == (interval,)
    assert sum((p.duration for p in pieces), dt.timedelta(0)) == interval.duration


@given(split_cases())
def test_split_pieces_never_cross_a_local_boundary(
    case: tuple[Interval, CalendarUnit, dt.tzinfo],
) -> None:
    interval, unit, tz = case
    pieces = interval.split(unit, tz=tz)
    keys = [_period_key(unit, p.start, tz) for p in pieces]
    for piece, key in zip(pieces, keys, strict=True):
        assert _period_key(unit, piece.end - dt.timedelta(microseconds=1), tz) == key
    # and every cut is a real boundary: consecutive pieces lie in different periods
    assert keys == sorted(set(keys))


@given(split_cases(inner=True))
def test_split_pieces_lie_in_their_period(case: tuple[Interval, CalendarUnit, dt.tzinfo]) -> None:
    interval, unit, tz = case
    for piece in interval.split(unit, tz=tz):
        period = unit.period_containing(piece.start, tz=tz)
        assert period.contains(piece)


@given(
    aware_datetimes(*_INNER),
    units,
    st.timezones(),
)
def test_period_containing_holds_the_instant(
    instant: dt.datetime, unit: CalendarUnit, tz: dt.tzinfo
) -> None:
    period = unit.period_containing(instant, tz=tz)
    assert period.contains(instant)
    assert _period_key(unit, period.start, tz) == _period_key(unit, instant, tz)
    assert _period_key(unit, period.end, tz) != _period_key(unit, instant, tz)
