"""A miniature force system built on pact_core: a duty officer's morning summary for each neighbourhood."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from pact_core.abstraction import AbstractionPolicy, account
from pact_core.response import GoalState, ResponsePolicy, status

if TYPE_CHECKING:
    import datetime as dt

    from pact_core.testing import ForceScenario


class Summary(NamedTuple):
    """One line of the morning summary."""

    neighbourhood: str
    wards: int
    officers: int
    queries_open: int
    queries_breached: int
    abstraction_rate: float | None


def morning_summary(force: ForceScenario, *, as_of: dt.datetime, tz: dt.tzinfo) -> list[Summary]:
    """What the duty officer reads at 8 o'clock: per neighbourhood, its size, its open and breached queries, and how much of its time was taken away."""
    policy = ResponsePolicy()
    books = account(force.roster, AbstractionPolicy.default(), tz=tz, unit="month")
    lines = []
    for neighbourhood in force.map.neighbourhoods:
        states = [
            status(log, policy, as_of=as_of)[0].state
            for log in force.queries
            if log.query.neighbourhood == neighbourhood.id and log.received <= as_of
        ]
        summary = books.summary(neighbourhood=neighbourhood.id)
        lines.append(
            Summary(
                neighbourhood=neighbourhood.id,
                wards=len(neighbourhood.ward_codes),
                officers=sum(1 for m in force.team_of(neighbourhood.id).members if not m.vacant),
                queries_open=sum(
                    s in (GoalState.RUNNING, GoalState.AT_RISK, GoalState.PAUSED) for s in states
                ),
                queries_breached=sum(s is GoalState.BREACHED for s in states),
                abstraction_rate=None if summary.rate is None else float(summary.rate),
            )
        )
    return lines
