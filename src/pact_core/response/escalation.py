"""Escalation: the steps of recourse when a goal is at risk or breached, and which are due."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from pact_core._validation import all_of
from pact_core.errors import InvalidPolicy
from pact_core.intervals import to_utc
from pact_core.response.log import _ZERO, EventLog, _text
from pact_core.response.status import _CLOSED, _REOPENED, _cycles

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pact_core.response.policy import Goal, ResponsePolicy


__all__ = ["Escalation", "EscalationLadder", "EscalationStep", "escalations_due"]


@attrs.frozen(kw_only=True)
class EscalationStep:
    """One rung of an escalation ladder: when it fires, and to whom.

    It fires at a fraction of the goal's clock (*at_fraction*, 1.0 being the deadline)
    or an elapsed time past the deadline (*after_due*). *to* names who it goes to: the
    named officer, their sergeant, the inspector or the force's ASB lead.

    >>> EscalationStep(after_due=dt.timedelta(hours=24), to="inspector").to
    'inspector'
    """

    to: str = attrs.field(validator=_text)
    at_fraction: float | None = attrs.field(default=None)
    after_due: dt.timedelta | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if (self.at_fraction is None) == (self.after_due is None):
            raise InvalidPolicy.must(
                "escalation step",
                "give exactly one of at_fraction and after_due",
                (self.at_fraction, self.after_due),
            )
        if self.at_fraction is not None and not self.at_fraction > 0:
            raise InvalidPolicy.must("at_fraction", "be positive", self.at_fraction)
        if self.after_due is not None and self.after_due < _ZERO:
            raise InvalidPolicy.must("after_due", "not be negative", self.after_due)


def _to_steps(value: Iterable[EscalationStep]) -> tuple[EscalationStep, ...]:
    return all_of(value, EscalationStep, "steps")


@attrs.frozen(kw_only=True)
class EscalationLadder:
    """Who hears about a goal that is running late, rung by rung, and the recourse route at the end.

    *recourse* is what the person who raised the query is told when the last rung fires:
    how to seek recourse (the Guarantee asks for "a clear process").

    >>> ladder = EscalationLadder.default()
    >>> [step.to for step in ladder.steps]
    ['named officer', 'sergeant', 'inspector', "force's ASB lead"]
    """

    goal: str = attrs.field(default="response", validator=_text)
    steps: tuple[EscalationStep, ...] = attrs.field(converter=_to_steps)
    recourse: str = attrs.field(validator=_text)

    def __attrs_post_init__(self) -> None:
        if not self.steps:
            raise InvalidPolicy.must("steps", "hold at least one step", ())

    @classmethod
    def default(cls) -> EscalationLadder:
        """A ladder in the style of SLA engines: warn at 75 %, then escalate at and past the deadline."""
        return cls(
            steps=[
                EscalationStep(at_fraction=0.75, to="named officer"),
                EscalationStep(at_fraction=1.0, to="sergeant"),
                EscalationStep(after_due=dt.timedelta(hours=24), to="inspector"),
                EscalationStep(after_due=dt.timedelta(hours=72), to="force's ASB lead"),
            ],
            recourse="contact the force's professional standards department, or the Police and Crime Commissioner",
        )


@attrs.frozen(kw_only=True, order=True)
class Escalation:
    """An escalation that fell due: when, for which query and clock, to whom; the last carries the recourse route.

    *cycle* counts the query's clocks: 0 for the first, 1 after a reopening that
    restarted the clock, and so on, so each clock escalates afresh.

    >>> Escalation.__name__
    'Escalation'
    """

    at: dt.datetime
    query: str
    cycle: int
    step: int
    to: str
    recourse: str | None = None


def _reached(
    goal: Goal, running: Sequence[tuple[dt.datetime, dt.datetime]], clock_time: dt.timedelta
) -> dt.datetime | None:
    """When a clock that ran over *running* reached *clock_time* (None if it never did)."""
    used = _ZERO
    for start, end in running:
        if start >= end:  # pragma: no mutate (for an empty interval, > would do as well)
            continue
        part = goal.clock_time(start, end)
        if used + part >= clock_time:
            return goal.add_clock_time(start, clock_time - used)
        used += part
    return None


def _stopped_at(log: EventLog, goal: Goal, instant: dt.datetime) -> bool:
    """Whether the goal's clock had stopped (met or closed, not reopened since) at *instant*.

    Judged from the events up to *instant* alone, so that a reopening after it, with a
    clock that continues, cannot make a rung fire while the query was closed.
    """
    stopped = False
    for event in log.events:
        if event.at > instant:
            break
        if event.kind is _REOPENED:
            stopped = False
        elif event.kind is goal.met_by or event.kind is _CLOSED:
            stopped = True
    return stopped


def escalations_due(
    logs: Iterable[EventLog],
    policy: ResponsePolicy,
    ladder: EscalationLadder,
    *,
    start: dt.datetime,
    end: dt.datetime,
) -> tuple[Escalation, ...]:
    """Return the escalations that fall due in ``[start, end)``, in time order.

    A caller that polls with consecutive windows gets each escalation exactly once.
    An escalation falls due only if the goal's clock got that far before the goal was
    met; a reopening that restarts the clock starts the ladder again.

    >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester, ResponsePolicy
    >>> import datetime as dt
    >>> utc = dt.timezone.utc
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 1, 6, 9, tzinfo=utc))])
    >>> for e in escalations_due([log], ResponsePolicy(), EscalationLadder.default(),
    ...                          start=dt.datetime(2025, 1, 6, tzinfo=utc), end=dt.datetime(2025, 1, 10, tzinfo=utc)):
    ...     print(e.at.isoformat(), e.to)
    2025-01-08T15:00:00+00:00 named officer
    2025-01-09T09:00:00+00:00 sergeant
    """
    moment_start = to_utc(start, field="start")
    moment_end = to_utc(end, field="end")
    goal = policy.goal(ladder.goal)
    found: list[Escalation] = []
    last = len(ladder.steps) - 1
    for log in logs:
        for cycle, (running, stop, _) in enumerate(_cycles(log, goal, moment_end)):
            deadline = _reached(goal, running, goal.target)
            for index, step in enumerate(ladder.steps):
                if step.at_fraction is not None:
                    at = _reached(goal, running, goal.target * step.at_fraction)
                elif deadline is None:
                    at = None
                else:
                    assert step.after_due is not None  # noqa: S101 - the step's own check guarantees one
                    at = deadline + step.after_due
                    # Stopped at the rung's instant is caught by _stopped_at too: no mutate.
                    met_before = stop is not None and stop <= at  # pragma: no mutate
                    if met_before or _stopped_at(log, goal, at):
                        at = None  # met before this rung, or closed when it falls
                if at is not None and moment_start <= at < moment_end:
                    found.append(
                        Escalation(
                            at=at,
                            query=log.query.id,
                            cycle=cycle,
                            step=index,
                            to=step.to,
                            recourse=ladder.recourse if index == last else None,
                        )
                    )
    return tuple(sorted(found))
