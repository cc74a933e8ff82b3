"""Strategies for abstraction policies, duty records and rosters whose records never overlap."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.abstraction import AbstractionPolicy, ActivityClass, DutyRecord
from pact_core.intervals import Interval
from pact_core.testing._selection import _is_int

__all__ = ["abstraction_policies", "duty_records", "rosters"]

_UTC = dt.timezone.utc
_START = dt.datetime(2024, 1, 1, tzinfo=_UTC)
_ACTIVITIES = tuple(name for name, _ in AbstractionPolicy.default().classes)
_OFFICERS = ("PC 1", "PC 2", "PCSO 3", "Sgt 4", "SC 5")
_TEAMS = ("Strood NPT", "Chatham NPT")


def abstraction_policies() -> st.SearchStrategy[AbstractionPolicy]:
    """Generate policies: the presets, or the default with some activities classed otherwise.

    >>> from hypothesis import find
    >>> find(abstraction_policies(), lambda p: True).name
    'pact_core default'
    """
    recast = st.dictionaries(
        st.sampled_from(_ACTIVITIES), st.sampled_from(ActivityClass), max_size=4
    )
    default = AbstractionPolicy.default()
    return st.one_of(
        recast.map(
            lambda changes: AbstractionPolicy(
                name="pact_core default" if not changes else "local variant",
                classes={**dict(default.classes), **changes},
            )
        ),
        st.sampled_from(
            [
                AbstractionPolicy.met_dedicated_ward_officers(),
                AbstractionPolicy.policing_pledge_2008(),
            ]
        ),
    )


def _record(officer: str, start: dt.datetime, minutes: int, activity: str, team: str) -> DutyRecord:
    return DutyRecord(
        officer=officer,
        interval=Interval(start, start + dt.timedelta(minutes=minutes)),
        activity=activity,
        neighbourhood=team.removesuffix(" NPT"),
        team=team,
    )


def duty_records(
    *, activities: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[DutyRecord]:
    """Generate one duty record: an officer, a stretch of 1 minute to 2 days from 2024 on, an activity the default policy classes.

    >>> from hypothesis import find
    >>> find(duty_records(), lambda r: True).interval.duration
    datetime.timedelta(seconds=60)
    """
    if activities is None:
        activities = st.sampled_from(_ACTIVITIES)
    elif not isinstance(activities, st.SearchStrategy):
        raise InvalidArgument(f"activities must be a SearchStrategy of str, got {activities!r}")
    return st.builds(
        _record,
        st.sampled_from(_OFFICERS),
        st.integers(0, 3 * 366 * 24 * 60).map(lambda m: _START + dt.timedelta(minutes=m)),
        st.integers(1, 2 * 24 * 60),
        activities,
        st.sampled_from(_TEAMS),
    )


@st.composite
def _roster(draw: st.DrawFn, min_size: int, max_size: int) -> tuple[DutyRecord, ...]:
    count = draw(st.integers(min_size, max_size))
    ends: dict[str, dt.datetime] = {}
    records = []
    for _ in range(count):
        officer = draw(st.sampled_from(_OFFICERS))
        # Each officer's next record starts at or after the end of their last: no overlaps.
        start = ends.get(officer, _START) + dt.timedelta(minutes=draw(st.integers(0, 40 * 24 * 60)))
        record = _record(
            officer,
            start,
            draw(st.integers(1, 16 * 60)),
            draw(st.sampled_from(_ACTIVITIES)),
            draw(st.sampled_from(_TEAMS)),
        )
        ends[officer] = record.interval.end
        records.append(record)
    return tuple(draw(st.permutations(records)))


def rosters(min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[tuple[DutyRecord, ...]]:
    """Generate rosters: records of several officers, one officer's never overlapping, in any order.

    >>> from hypothesis import find
    >>> find(rosters(), lambda r: True)
    ()
    """
    for name, value in (("min_size", min_size), ("max_size", max_size)):
        if not _is_int(value) or value < 0:
            raise InvalidArgument(f"{name} must be a non-negative int, got {value!r}")
    if max_size < min_size:
        raise InvalidArgument(f"max_size must be at least min_size, got {max_size!r}")
    return _roster(min_size, max_size)
