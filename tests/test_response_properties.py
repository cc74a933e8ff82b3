"""Laws of response status and escalation, over logs built valid by construction."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.response import (
    EscalationLadder,
    Event,
    EventKind,
    EventLog,
    GoalState,
    GoalStatus,
    ResponsePolicy,
    escalations_due,
    status,
    status_many,
)
from pact_core.response.status import _goal_status
from pact_core.testing import event_logs, response_policies

hours = st.integers(0, 400).map(lambda h: dt.timedelta(hours=h))


# Each example walks several logs or builds whole teams: a fifth of the profile's examples keeps CI quick.
heavy = settings(max_examples=max(10, settings().max_examples // 5))


@heavy
@given(event_logs(max_events=3), response_policies(), hours, hours, hours)
def test_a_pause_never_brings_a_deadline_forward(
    log: EventLog,
    policy: ResponsePolicy,
    pause_at: dt.timedelta,
    pause_for: dt.timedelta,
    later: dt.timedelta,
) -> None:
    """Pausing a log at its end (if it can be paused there) never makes any goal due sooner."""
    paused_or_closed = False
    for event in log.events:
        if event.kind in {EventKind.PAUSED, EventKind.CLOSED}:
            paused_or_closed = True
        elif event.kind in {EventKind.RESUMED, EventKind.REOPENED}:
            paused_or_closed = False
    if paused_or_closed:
        return
    start = log.events[-1].at + pause_at
    paused = attrs.evolve(
        log,
        events=[
            *log.events,
            Event(kind=EventKind.PAUSED, at=start, reason="awaiting the resident"),
            Event(kind=EventKind.RESUMED, at=start + pause_for),
        ],
    )
    as_of = start + pause_for + later
    for before, after in zip(
        status(log, policy, as_of=as_of), status(paused, policy, as_of=as_of), strict=True
    ):
        assert after.due >= before.due
        assert after.elapsed <= before.elapsed


@heavy
@given(st.lists(event_logs(), min_size=2, max_size=5), response_policies(), hours)
def test_status_does_not_depend_on_evaluation_order(
    logs: list[EventLog], policy: ResponsePolicy, offset: dt.timedelta
) -> None:
    as_of = max(log.events[-1].at for log in logs) + offset
    forwards = [status(log, policy, as_of=as_of) for log in logs]
    backwards = [status(log, policy, as_of=as_of) for log in reversed(logs)]
    assert forwards == backwards[::-1]


@heavy
@given(
    st.lists(event_logs(max_events=4), max_size=4, unique_by=lambda log: log.query.id),
    response_policies(),
    st.lists(st.integers(1, 24 * 40), min_size=1, max_size=6),
)
def test_escalation_windows_concatenate_without_duplicates(
    logs: list[EventLog], policy: ResponsePolicy, cuts: list[int]
) -> None:
    if not logs:
        return
    origin = min(log.received for log in logs)
    points = [origin, *sorted({origin + dt.timedelta(hours=c) for c in cuts})]
    ladder = EscalationLadder.default()
    whole = escalations_due(logs, policy, ladder, start=points[0], end=points[-1])
    pieces = [
        e
        for a, b in itertools.pairwise(points)
        for e in escalations_due(logs, policy, ladder, start=a, end=b)
    ]
    assert pieces == list(whole)
    assert len({(e.query, e.cycle, e.step) for e in pieces}) == len(pieces)


@heavy
@given(event_logs(), response_policies(), hours)
def test_states_agree_with_the_clock(
    log: EventLog, policy: ResponsePolicy, offset: dt.timedelta
) -> None:
    as_of = log.events[-1].at + offset
    for goal_status in status(log, policy, as_of=as_of):
        goal = policy.goal(goal_status.goal)
        assert goal_status.elapsed + goal_status.remaining == goal.target
        assert goal_status.elapsed >= dt.timedelta(0)
        if goal_status.state is GoalState.BREACHED:
            assert goal_status.due < as_of
        if goal_status.state in {GoalState.MET, GoalState.MET_LATE}:
            assert goal_status.met_at is not None
            assert (goal_status.state is GoalState.MET) == (goal_status.met_at <= goal_status.due)
        else:
            assert goal_status.met_at is None


@heavy
@given(
    st.lists(event_logs(), max_size=5),
    response_policies() | response_policies(working_time=False),
    hours,
)
def test_status_many_agrees_with_status(
    logs: list[EventLog], policy: ResponsePolicy, offset: dt.timedelta
) -> None:
    # status and status_many share a fast loop for elapsed goals; the general path (any
    # clock, by running intervals) is the reference both must agree with.
    as_of = (
        (logs[0].events[-1].at if logs else dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
        + offset
        - dt.timedelta(hours=100)
    )
    table = status_many(logs, policy, as_of=as_of)
    assert len(table) == len(logs)
    assert table.queries == tuple(log.query.id for log in logs)
    for i, log in enumerate(logs):
        assert table.row(i) == status(log, policy, as_of=as_of)
        moment = as_of.astimezone(dt.timezone.utc)
        assert table.row(i) == tuple(_goal_status(log, goal, moment) for goal in policy.goals)
    for goal in table.goals:
        for field in GoalStatus._fields[1:]:
            assert table.column(goal, field) == [
                getattr(next(g for g in table.row(i) if g.goal == goal), field)
                for i in range(len(logs))
            ]
