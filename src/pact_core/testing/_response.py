"""Strategies for queries, valid event logs and response policies."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.calendars import HolidayCalendar, WorkingCalendar
from pact_core.response import (
    Channel,
    Clock,
    EscalationLadder,
    EscalationStep,
    Event,
    EventKind,
    EventLog,
    Goal,
    Query,
    ReopenRule,
    Requester,
    ResponsePolicy,
)

__all__ = ["escalation_ladders", "event_logs", "goals", "queries", "response_policies"]

_UTC = dt.timezone.utc


def queries(*, neighbourhoods: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Query]:
    """Generate neighbourhood queries.

    >>> from hypothesis import find
    >>> find(queries(), lambda query: True).requester
    <Requester.RESIDENT: 'resident'>
    """
    if neighbourhoods is None:
        neighbourhoods = st.sampled_from(["Strood", "Chatham", "Gillingham"])
    elif not isinstance(neighbourhoods, st.SearchStrategy):
        raise InvalidArgument(
            f"neighbourhoods must be a SearchStrategy of str, got {neighbourhoods!r}"
        )
    return st.builds(
        Query,
        id=st.integers(1, 10**6).map(lambda n: f"Q{n}"),
        requester=st.sampled_from(Requester),
        channel=st.sampled_from(Channel),
        force=st.just("kent"),
        neighbourhood=neighbourhoods,
    )


def _next_kinds(paused: bool, closed: bool) -> list[EventKind]:  # noqa: FBT001 - private
    if closed:
        return [EventKind.REOPENED]
    kinds = [EventKind.ACKNOWLEDGED, EventKind.RESPONDED, EventKind.REASSIGNED, EventKind.CLOSED]
    kinds.append(EventKind.RESUMED if paused else EventKind.PAUSED)
    return kinds


@st.composite
def _logs(draw: st.DrawFn, received: st.SearchStrategy[dt.datetime], max_events: int) -> EventLog:
    query = draw(queries())
    at = draw(received)
    events = [Event(kind=EventKind.RECEIVED, at=at)]
    paused = closed = False
    for _ in range(draw(st.integers(0, max_events))):
        kind = draw(st.sampled_from(_next_kinds(paused, closed)))
        at = at + draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=6)))
        events.append(
            Event(
                kind=kind,
                at=at,
                reason="awaiting the resident" if kind is EventKind.PAUSED else None,
                to="PC Patel" if kind is EventKind.REASSIGNED else None,
            )
        )
        if kind is EventKind.PAUSED:
            paused = True
        elif kind is EventKind.RESUMED:
            paused = False
        elif kind is EventKind.CLOSED:
            closed, paused = True, False
        elif kind is EventKind.REOPENED:
            closed = False
    return EventLog(query=query, events=events)


def event_logs(
    *, received: st.SearchStrategy[dt.datetime] | None = None, max_events: int = 6
) -> st.SearchStrategy[EventLog]:
    """Generate event logs that are valid by construction: received first, then up to *max_events* events in a possible order.

    >>> from hypothesis import find
    >>> len(find(event_logs(), lambda log: True).events)
    1
    """
    if received is None:
        received = st.datetimes(
            dt.datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds with timezones
            dt.datetime(2030, 1, 1),  # noqa: DTZ001
            timezones=st.just(_UTC),
        )
    elif not isinstance(received, st.SearchStrategy):
        raise InvalidArgument(
            f"received must be a SearchStrategy of aware datetimes, got {received!r}"
        )
    given: object = max_events
    if not isinstance(given, int) or isinstance(given, bool) or given < 0:
        raise InvalidArgument(f"max_events must be an int of at least 0, got {max_events!r}")
    return _logs(received, max_events)


@st.composite
def _policies(draw: st.DrawFn, working: bool) -> ResponsePolicy:  # noqa: FBT001 - private
    calendar = WorkingCalendar(tz=_UTC, holidays=HolidayCalendar(rules=None)) if working else None
    clock = Clock.WORKING if working else Clock.ELAPSED
    goals = [
        Goal(
            name="response",
            target=dt.timedelta(hours=draw(st.sampled_from([24, 72, 168]))),
            clock=clock,
            calendar=calendar,
            pauses_stop_clock=draw(st.booleans()),
            reopen=draw(st.sampled_from(ReopenRule)),
        )
    ]
    if draw(st.booleans()):
        goals.insert(
            0,
            Goal(
                name="acknowledgement",
                met_by=EventKind.ACKNOWLEDGED,
                target=dt.timedelta(hours=24),
                clock=clock,
                calendar=calendar,
            ),
        )
    return ResponsePolicy(goals=goals)


def response_policies(*, working_time: bool | None = None) -> st.SearchStrategy[ResponsePolicy]:
    """Generate response policies: a response goal (24, 72 or 168 hours), sometimes an acknowledgement goal.

    With ``working_time=True`` the clocks count working time (Monday to Friday, 09:00-17:00 UTC).

    >>> from hypothesis import find
    >>> [goal.name for goal in find(response_policies(), lambda policy: True).goals]
    ['response']
    """
    if working_time is None:
        return st.booleans().flatmap(_policies)
    if not isinstance(working_time, bool):
        raise InvalidArgument(f"working_time must be a bool or None, got {working_time!r}")
    return _policies(working_time)


def goals(*, working_time: bool | None = None) -> st.SearchStrategy[Goal]:
    """Generate single response goals, on the elapsed or the working-time clock.

    >>> from hypothesis import find
    >>> find(goals(), lambda goal: True).name
    'response'
    """
    return response_policies(working_time=working_time).map(lambda policy: policy.goals[-1])


@st.composite
def _ladders(draw: st.DrawFn) -> EscalationLadder:
    fractions = draw(st.lists(st.sampled_from([0.5, 0.75, 0.9, 1.0]), unique=True, max_size=3))
    afters = draw(st.lists(st.integers(0, 168), unique=True, max_size=3))
    steps = [EscalationStep(at_fraction=f, to=f"officer at {f:.0%}") for f in sorted(fractions)]
    steps += [
        EscalationStep(after_due=dt.timedelta(hours=h), to=f"lead after {h} h")
        for h in sorted(afters)
    ]
    if not steps:
        steps = [EscalationStep(at_fraction=1.0, to="sergeant")]
    return EscalationLadder(
        steps=steps,
        recourse=draw(st.sampled_from(["write to the PCC", "call 101 and ask for the inspector"])),
    )


def escalation_ladders() -> st.SearchStrategy[EscalationLadder]:
    """Generate escalation ladders for the response goal: rungs by fraction of the goal and by time past it.

    >>> from hypothesis import find
    >>> [step.to for step in find(escalation_ladders(), lambda ladder: True).steps]
    ['sergeant']
    """
    return _ladders()
