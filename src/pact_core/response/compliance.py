"""Compliance: how a neighbourhood's queries received in a period fared against a goal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from pact_core.intervals import Interval, to_utc
from pact_core.response.status import GoalState, _goal_status

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from pact_core.response.log import EventLog
    from pact_core.response.policy import ResponsePolicy


__all__ = ["Compliance", "compliance"]


@attrs.frozen(kw_only=True)
class Compliance:
    """How one neighbourhood's queries received in a period fared against a goal, at an instant.

    *due* counts those whose deadline had come by ``as_of`` (met or not).

    >>> Compliance(neighbourhood="Strood", received=0, due=0, met_on_time=0, met_late=0, open=0, breached=0).rate is None
    True
    """

    neighbourhood: str
    received: int
    due: int
    met_on_time: int
    met_late: int
    open: int
    breached: int

    @property
    def rate(self) -> float | None:
        """The share met on time, of those met or breached (None when there are none yet)."""
        decided = self.met_on_time + self.met_late + self.breached
        return None if decided == 0 else self.met_on_time / decided


def compliance(
    logs: Iterable[EventLog],
    policy: ResponsePolicy,
    *,
    period: Interval,
    as_of: dt.datetime,
    goal: str = "response",
) -> tuple[Compliance, ...]:
    """Count, per neighbourhood, the queries received in *period* that met *goal* on time, late, or not yet.

    "Open" means neither met nor breached at *as_of*; paused queries are open.

    >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester, ResponsePolicy
    >>> import datetime as dt
    >>> utc = dt.timezone.utc
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 1, 6, 9, tzinfo=utc)),
    ...                                     Event(kind=EventKind.RESPONDED, at=dt.datetime(2025, 1, 7, 9, tzinfo=utc))])
    >>> compliance([log], ResponsePolicy(), period=Interval.parse("2025-01-01T00:00Z/P31D"), as_of=dt.datetime(2025, 2, 1, tzinfo=utc))
    (Compliance(neighbourhood='Strood', received=1, due=1, met_on_time=1, met_late=0, open=0, breached=0),)
    """
    if not isinstance(period, Interval):
        raise TypeError(f"period must be an Interval, got {period!r}")
    chosen = policy.goal(goal)
    moment = to_utc(as_of, field="as_of")
    counts: dict[str, list[int]] = {}
    slots = {GoalState.MET: 2, GoalState.MET_LATE: 3, GoalState.BREACHED: 5}
    for log in logs:
        if not period.contains(log.received):
            continue
        row = counts.setdefault(log.query.neighbourhood, [0, 0, 0, 0, 0, 0])
        row[0] += 1
        result = _goal_status(log, chosen, moment)
        row[1] += result.due <= moment
        row[slots.get(result.state, 4)] += 1
    return tuple(
        Compliance(
            neighbourhood=name,
            received=r[0],
            due=r[1],
            met_on_time=r[2],
            met_late=r[3],
            open=r[4],
            breached=r[5],
        )
        for name, r in sorted(counts.items())
    )
