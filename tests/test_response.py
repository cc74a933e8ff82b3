from __future__ import annotations

import datetime as dt
import importlib
import itertools
from zoneinfo import ZoneInfo

import attrs
import pytest

from pact_core.calendars import WorkingCalendar
from pact_core.errors import ExceptionGroup, InvalidDatetime, InvalidEventLog, InvalidPolicy
from pact_core.intervals import Interval
from pact_core.response import (
    Channel,
    Clock,
    Compliance,
    Escalation,
    EscalationLadder,
    EscalationStep,
    Event,
    EventKind,
    EventLog,
    Goal,
    GoalState,
    Query,
    ReopenRule,
    Requester,
    ResponsePolicy,
    compliance,
    escalations_due,
    status,
    status_many,
)

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
QUERY = Query(
    id="Q1",
    requester=Requester.RESIDENT,
    channel=Channel.ONLINE,
    force="kent",
    neighbourhood="Strood",
)
OFFICE = WorkingCalendar(tz=LONDON)
K = EventKind


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def log_of(
    *events: tuple[EventKind, dt.datetime] | tuple[EventKind, dt.datetime, str],
    query: Query = QUERY,
) -> EventLog:
    built = []
    for item in events:
        kind, at = item[0], item[1]
        extra = item[2] if len(item) > 2 else None
        built.append(
            Event(
                kind=kind,
                at=at,
                reason=extra if kind is K.PAUSED else None,
                to=extra if kind is K.REASSIGNED else None,
            )
        )
    return EventLog(query=query, events=built)


def one(
    log: EventLog, policy: ResponsePolicy | None = None, *, as_of: dt.datetime
) -> tuple[GoalState, dt.datetime]:
    (goal,) = status(log, policy or ResponsePolicy(), as_of=as_of)
    return goal.state, goal.due


# ----------------------------------------------------------------------------- the 72 hours


def test_72_elapsed_hours_across_the_march_change() -> None:
    """DOMAIN.md: received Fri 28 March 2025 12:00 GMT, due Mon 31 March 13:00 BST."""
    log = log_of((K.RECEIVED, london(2025, 3, 28, 12)))
    state, due = one(log, as_of=london(2025, 3, 28, 13))
    assert state is GoalState.RUNNING
    assert due == london(2025, 3, 31, 13)


def test_72_elapsed_hours_across_the_october_change() -> None:
    log = log_of((K.RECEIVED, london(2025, 10, 24, 12)))
    assert one(log, as_of=london(2025, 10, 24, 13))[1] == london(2025, 10, 27, 11)


def test_72_working_hours_across_the_change_and_bank_holidays() -> None:
    policy = ResponsePolicy.guarantee(calendar=OFFICE)
    march = log_of((K.RECEIVED, london(2025, 3, 28, 12)))
    assert one(march, policy, as_of=london(2025, 3, 28, 13))[1] == london(2025, 4, 10, 12)
    august = log_of(
        (K.RECEIVED, dt.datetime(2025, 8, 24, 23, 30, tzinfo=UTC))
    )  # 00:30 on the bank holiday
    state, due = one(august, policy, as_of=london(2025, 8, 25, 12))
    assert state is GoalState.RUNNING
    assert due == london(2025, 9, 5, 17)  # 9 working days of 8 hours from Tuesday 26 August


def test_states_through_a_life() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of((K.RECEIVED, received))
    assert one(log, as_of=received + dt.timedelta(hours=10))[0] is GoalState.RUNNING
    assert one(log, as_of=received + dt.timedelta(hours=36))[0] is GoalState.AT_RISK
    (goal,) = status(log, ResponsePolicy(), as_of=received + dt.timedelta(hours=60))
    assert (goal.state, goal.warning) == (GoalState.AT_RISK, 0.75)
    assert (
        one(log, as_of=received + dt.timedelta(hours=72))[0] is GoalState.AT_RISK
    )  # due, not yet late
    (late,) = status(log, ResponsePolicy(), as_of=received + dt.timedelta(hours=80))
    assert (late.state, late.remaining) == (GoalState.BREACHED, -dt.timedelta(hours=8))
    answered = log.with_event(Event(kind=K.RESPONDED, at=received + dt.timedelta(hours=70)))
    (met,) = status(answered, ResponsePolicy(), as_of=received + dt.timedelta(hours=100))
    assert (met.state, met.met_at, met.elapsed) == (
        GoalState.MET,
        received + dt.timedelta(hours=70),
        dt.timedelta(hours=70),
    )
    slow = log.with_event(Event(kind=K.RESPONDED, at=received + dt.timedelta(hours=75)))
    assert one(slow, as_of=received + dt.timedelta(hours=100)) == (
        GoalState.MET_LATE,
        received + dt.timedelta(hours=72),
    )


def test_events_after_as_of_are_ignored() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of((K.RECEIVED, received), (K.RESPONDED, received + dt.timedelta(hours=10)))
    assert one(log, as_of=received + dt.timedelta(hours=5))[0] is GoalState.RUNNING
    assert one(log, as_of=received + dt.timedelta(hours=10))[0] is GoalState.MET


def test_pauses_stop_the_clock() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of(
        (K.RECEIVED, received),
        (K.PAUSED, received + dt.timedelta(hours=10), "awaiting the resident"),
        (K.RESUMED, received + dt.timedelta(hours=34)),
    )
    (paused,) = status(log, ResponsePolicy(), as_of=received + dt.timedelta(hours=20))
    assert paused.state is GoalState.PAUSED
    assert paused.elapsed == dt.timedelta(hours=10)
    assert paused.due == received + dt.timedelta(hours=20 + 62)  # as if restarted at as_of
    state, due = one(log, as_of=received + dt.timedelta(hours=40))
    assert (state, due) == (GoalState.RUNNING, received + dt.timedelta(hours=96))
    ignoring = ResponsePolicy(goals=[Goal(name="response", pauses_stop_clock=False)])
    assert one(log, ignoring, as_of=received + dt.timedelta(hours=40))[
        1
    ] == received + dt.timedelta(hours=72)


def test_acknowledgement_never_stops_the_response_clock() -> None:
    policy = ResponsePolicy.guarantee(acknowledgement=dt.timedelta(hours=24))
    received = london(2025, 6, 2, 9)
    log = log_of((K.RECEIVED, received), (K.ACKNOWLEDGED, received + dt.timedelta(hours=2)))
    acknowledgement, response = status(log, policy, as_of=received + dt.timedelta(hours=50))
    assert (acknowledgement.goal, acknowledgement.state) == ("acknowledgement", GoalState.MET)
    assert (response.goal, response.state) == ("response", GoalState.AT_RISK)


def test_closing_meets_and_reopening_restarts_or_continues() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of(
        (K.RECEIVED, received),
        (K.CLOSED, received + dt.timedelta(hours=40)),
        (K.REOPENED, received + dt.timedelta(hours=100)),
    )
    assert one(log, as_of=received + dt.timedelta(hours=50))[0] is GoalState.MET
    restart = one(log, as_of=received + dt.timedelta(hours=110))
    assert restart == (GoalState.RUNNING, received + dt.timedelta(hours=172))
    continuing = ResponsePolicy(goals=[Goal(name="response", reopen=ReopenRule.CONTINUE)])
    assert one(log, continuing, as_of=received + dt.timedelta(hours=110)) == (
        GoalState.AT_RISK,
        received + dt.timedelta(hours=100 + 32),
    )


def test_reassignment_does_not_touch_the_clock() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of(
        (K.RECEIVED, received), (K.REASSIGNED, received + dt.timedelta(hours=3), "PC Patel")
    )
    assert one(log, as_of=received + dt.timedelta(hours=4))[1] == received + dt.timedelta(hours=72)


# ----------------------------------------------------------------------------- impossible logs


def test_impossible_logs_name_every_event() -> None:
    received = london(2025, 6, 2, 9)
    with pytest.raises(ExceptionGroup) as info:
        log_of(
            (K.RESPONDED, received - dt.timedelta(hours=1)),
            (K.RECEIVED, received),
            (K.RESUMED, received + dt.timedelta(hours=1)),
            (K.PAUSED, received + dt.timedelta(hours=2)),
            (K.REOPENED, received + dt.timedelta(hours=3)),
            (K.CLOSED, received + dt.timedelta(hours=4)),
            (K.RESPONDED, received + dt.timedelta(hours=5)),
            (K.RECEIVED, received + dt.timedelta(hours=6)),
            (K.REASSIGNED, received + dt.timedelta(hours=7)),
        )
    messages = [str(e) for e in info.value.exceptions]
    assert messages == [
        "events[0] (responded at 2025-06-02T07:00:00+00:00) must not come before the query was received",
        "events[7] (received at 2025-06-02T14:00:00+00:00) must not receive the query a second time",
        "events[2] (resumed at 2025-06-02T09:00:00+00:00) must not resume a query that is not paused",
        "events[3] (paused at 2025-06-02T10:00:00+00:00) must give a reason for the pause",
        "events[4] (reopened at 2025-06-02T11:00:00+00:00) must not reopen a query that is not closed",
        "events[6] (responded at 2025-06-02T13:00:00+00:00) must not follow closure without a reopen",
        "events[7] (received at 2025-06-02T14:00:00+00:00) must not follow closure without a reopen",
        "events[8] (reassigned at 2025-06-02T15:00:00+00:00) must not follow closure without a reopen",
    ]
    first = info.value.exceptions[0]
    assert isinstance(first, InvalidEventLog)
    assert (first.index, first.kind) == (0, K.RESPONDED)


def test_more_impossible_logs() -> None:
    with pytest.raises(ExceptionGroup, match="has 1 problem"):
        EventLog(query=QUERY, events=[])
    received = london(2025, 6, 2, 9)
    with pytest.raises(ExceptionGroup) as info:
        log_of((K.ACKNOWLEDGED, received))
    assert [str(e) for e in info.value.exceptions] == [
        "events must include the query being received, got none"
    ]
    with pytest.raises(ExceptionGroup) as info:
        log_of(
            (K.RECEIVED, received),
            (K.PAUSED, received, "a"),
            (K.PAUSED, received + dt.timedelta(1), "b"),
            (K.REASSIGNED, received + dt.timedelta(2), " "),
        )
    assert [e.rule for e in info.value.exceptions if isinstance(e, InvalidEventLog)] == [
        "not pause a query that is already paused",
        "say whom the query was reassigned to",
    ]


def test_value_errors() -> None:
    with pytest.raises(InvalidDatetime, match="^at must be timezone-aware"):
        Event(kind=K.RECEIVED, at=dt.datetime(2025, 1, 1))  # noqa: DTZ001
    with pytest.raises(TypeError, match="^events must be Event values"):
        EventLog(query=QUERY, events=["received"])  # type: ignore[list-item]
    with pytest.raises(InvalidEventLog, match="^id must not be blank"):
        Query(
            id="",
            requester=Requester.RESIDENT,
            channel=Channel.ONLINE,
            force="kent",
            neighbourhood="x",
        )
    with pytest.raises(TypeError, match="^force must be a str"):
        Query(
            id="Q",
            requester=Requester.RESIDENT,
            channel=Channel.ONLINE,
            force=None,  # type: ignore[arg-type]
            neighbourhood="x",
        )
    with pytest.raises(TypeError, match="^log must be an EventLog"):
        status("log", ResponsePolicy(), as_of=london(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^policy must be a ResponsePolicy"):
        status(log_of((K.RECEIVED, london(2025, 1, 1))), None, as_of=london(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidDatetime, match="^as_of must be timezone-aware"):
        status(
            log_of((K.RECEIVED, london(2025, 1, 1))),
            ResponsePolicy(),
            as_of=dt.datetime(2025, 1, 1),  # noqa: DTZ001
        )


def test_policy_errors() -> None:
    with pytest.raises(ExceptionGroup) as info:
        Goal(name="g", met_by=K.CLOSED, target=dt.timedelta(0), clock=Clock.WORKING, warnings=[1.5])
    assert [e.field for e in info.value.exceptions if isinstance(e, InvalidPolicy)] == [
        "target",
        "met_by",
        "calendar",
        "warnings",
    ]
    with pytest.raises(InvalidPolicy, match="^goals must be one or more, with distinct names"):
        ResponsePolicy(goals=[Goal(name="a"), Goal(name="a")])
    with pytest.raises(TypeError, match="^goals must be Goal values"):
        ResponsePolicy(goals=["response"])  # type: ignore[list-item]
    with pytest.raises(InvalidPolicy, match=r"^goal must be one of \['response'\], got 'reply'$"):
        ResponsePolicy().goal("reply")
    with pytest.raises(
        InvalidPolicy, match="^escalation step must give exactly one of at_fraction and after_due"
    ):
        EscalationStep(to="x")
    with pytest.raises(InvalidPolicy, match="^at_fraction must be positive"):
        EscalationStep(to="x", at_fraction=0)
    with pytest.raises(InvalidPolicy, match="^after_due must not be negative"):
        EscalationStep(to="x", after_due=-dt.timedelta(hours=1))
    with pytest.raises(TypeError, match="^steps must be EscalationStep values"):
        EscalationLadder(steps=["x"], recourse="y")  # type: ignore[list-item]


# ----------------------------------------------------------------------------- escalation


def test_escalations_fire_once_each_and_stop_when_met() -> None:
    received = dt.datetime(2025, 1, 6, 9, tzinfo=UTC)
    log = log_of((K.RECEIVED, received))
    ladder = EscalationLadder.default()
    window = {"start": received, "end": received + dt.timedelta(days=10)}
    fired = escalations_due([log], ResponsePolicy(), ladder, **window)
    assert [(e.at - received, e.to) for e in fired] == [
        (dt.timedelta(hours=54), "named officer"),
        (dt.timedelta(hours=72), "sergeant"),
        (dt.timedelta(hours=96), "inspector"),
        (dt.timedelta(hours=144), "force's ASB lead"),
    ]
    assert fired[-1].recourse == ladder.recourse
    assert all(e.recourse is None for e in fired[:-1])
    answered = log.with_event(Event(kind=K.RESPONDED, at=received + dt.timedelta(hours=80)))
    assert [e.to for e in escalations_due([answered], ResponsePolicy(), ladder, **window)] == [
        "named officer",
        "sergeant",
    ]


def test_escalations_wait_for_paused_clocks() -> None:
    received = dt.datetime(2025, 1, 6, 9, tzinfo=UTC)
    log = log_of(
        (K.RECEIVED, received), (K.PAUSED, received + dt.timedelta(hours=10), "awaiting CCTV")
    )
    fired = escalations_due(
        [log],
        ResponsePolicy(),
        EscalationLadder.default(),
        start=received,
        end=received + dt.timedelta(days=30),
    )
    assert fired == ()


def test_escalation_windows_concatenate() -> None:
    received = dt.datetime(2025, 1, 6, 9, tzinfo=UTC)
    logs = [
        log_of(
            (K.RECEIVED, received + dt.timedelta(hours=h)),
            query=Query(
                id=f"Q{h}",
                requester=Requester.BUSINESS,
                channel=Channel.EMAIL,
                force="kent",
                neighbourhood="N",
            ),
        )
        for h in range(0, 48, 7)
    ]
    whole = escalations_due(
        logs,
        ResponsePolicy(),
        EscalationLadder.default(),
        start=received,
        end=received + dt.timedelta(days=12),
    )
    cuts = [received + dt.timedelta(hours=h) for h in range(0, 12 * 24 + 1, 13)] + [
        received + dt.timedelta(days=12)
    ]
    pieces = [
        e
        for a, b in itertools.pairwise(cuts)
        for e in escalations_due(logs, ResponsePolicy(), EscalationLadder.default(), start=a, end=b)
    ]
    assert pieces == list(whole)
    assert len({(e.query, e.cycle, e.step) for e in pieces}) == len(pieces)
    assert isinstance(whole[0], Escalation)


# ----------------------------------------------------------------------------- compliance


def test_compliance_per_neighbourhood() -> None:
    def query(n: int, where: str) -> Query:
        return Query(
            id=f"Q{n}",
            requester=Requester.RESIDENT,
            channel=Channel.PHONE,
            force="kent",
            neighbourhood=where,
        )

    start = dt.datetime(2025, 1, 6, 9, tzinfo=UTC)
    hours = dt.timedelta(hours=1)
    logs = [
        log_of((K.RECEIVED, start), (K.RESPONDED, start + 10 * hours), query=query(1, "Strood")),
        log_of((K.RECEIVED, start), (K.RESPONDED, start + 80 * hours), query=query(2, "Strood")),
        log_of((K.RECEIVED, start), query=query(3, "Strood")),
        log_of((K.RECEIVED, start + 200 * hours), query=query(4, "Strood")),
        log_of(
            (K.RECEIVED, start),
            (K.PAUSED, start + hours, "awaiting the resident"),
            query=query(5, "Chatham"),
        ),
        log_of((K.RECEIVED, start - 100 * 24 * hours), query=query(6, "Chatham")),
    ]
    period = Interval.parse("2025-01-01T00:00Z/P31D")
    rows = compliance(logs, ResponsePolicy(), period=period, as_of=start + 210 * hours)
    assert rows == (
        Compliance(
            neighbourhood="Chatham",
            received=1,
            due=0,
            met_on_time=0,
            met_late=0,
            open=1,
            breached=0,
        ),
        Compliance(
            neighbourhood="Strood", received=4, due=3, met_on_time=1, met_late=1, open=1, breached=1
        ),
    )
    assert rows[1].rate == pytest.approx(1 / 3)
    with pytest.raises(TypeError, match="^period must be an Interval"):
        compliance(logs, ResponsePolicy(), period="January", as_of=start)  # type: ignore[arg-type]


def test_status_many() -> None:
    received = london(2025, 6, 2, 9)
    logs = [
        log_of((K.RECEIVED, received)),
        log_of((K.RECEIVED, received), (K.ACKNOWLEDGED, received + dt.timedelta(hours=1))),
    ]
    policy = ResponsePolicy.guarantee(acknowledgement=dt.timedelta(hours=24))
    as_of = received + dt.timedelta(hours=30)
    table = status_many(logs, policy, as_of=as_of)
    assert len(table) == 2
    assert table.queries == ("Q1", "Q1")
    assert [table.row(i) for i in range(2)] == [status(log, policy, as_of=as_of) for log in logs]
    assert table.column("acknowledgement", "state") == [GoalState.BREACHED, GoalState.MET]
    assert table.counts("response") == {GoalState.RUNNING: 2}
    assert table.counts("acknowledgement") == {GoalState.BREACHED: 1, GoalState.MET: 1}
    with pytest.raises(
        InvalidPolicy, match=r"^goal must be one of \['acknowledgement', 'response'\], got 'reply'$"
    ):
        table.column("reply", "state")
    with pytest.raises(InvalidPolicy, match="^field must be one of"):
        table.column("response", "colour")
    with pytest.raises(TypeError, match="^policy must be a ResponsePolicy"):
        status_many(logs, None, as_of=as_of)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^logs must be EventLog values"):
        status_many(["log"], policy, as_of=as_of)  # type: ignore[list-item]
    assert repr(table) == "<StatusTable of 2 queries, goals ['acknowledgement', 'response']>"


def test_status_many_takes_any_iterable_and_subclasses() -> None:
    @attrs.frozen(kw_only=True)
    class TaggedLog(EventLog):
        tag: str = "x"

    received = london(2025, 6, 2, 9)
    hour = dt.timedelta(hours=1)
    # Paused at the instant of receipt: no time runs until it resumes.
    base = log_of((K.RECEIVED, received), (K.PAUSED, received, "awaiting the resident"),
                  (K.RESUMED, received + hour), (K.RESPONDED, received + 3 * hour))  # fmt: skip
    tagged = TaggedLog(query=base.query, events=base.events)
    table = status_many(iter([tagged, base]), ResponsePolicy(), as_of=received + 10 * hour)
    assert table.column("response", "elapsed") == [2 * hour, 2 * hour]
    assert table.column("response", "remaining") == [70 * hour, 70 * hour]
    assert table.column("response", "warning") == [0.0, 0.0]
    waiting = log_of((K.RECEIVED, received), (K.PAUSED, received + hour, "awaiting the resident"))
    assert status_many([waiting], ResponsePolicy(), as_of=received + 5 * hour).column(
        "response", "state"
    ) == [GoalState.PAUSED]
    with pytest.raises(TypeError, match="^logs must be EventLog values, got 'log'$"):
        status_many([tagged, "log"], ResponsePolicy(), as_of=received)  # type: ignore[list-item]


@pytest.mark.parametrize(("rule", "elapsed"), [(ReopenRule.RESTART, 2), (ReopenRule.CONTINUE, 12)])
def test_status_many_after_a_reopening(rule: ReopenRule, elapsed: int) -> None:
    received = london(2025, 6, 2, 9)
    hour = dt.timedelta(hours=1)
    log = log_of(
        (K.RECEIVED, received), (K.CLOSED, received + 10 * hour), (K.REOPENED, received + 20 * hour)
    )
    policy = ResponsePolicy(goals=[Goal(name="response", reopen=rule)])
    as_of = received + 22 * hour
    table = status_many([log], policy, as_of=as_of)
    assert table.column("response", "elapsed") == [elapsed * hour]
    assert table.row(0) == status(log, policy, as_of=as_of)


# ----------------------------------------------------------------------------- edges (mutation testing)

HOUR = dt.timedelta(hours=1)
RECEIVED = dt.datetime(2025, 1, 6, 9, tzinfo=UTC)


def test_values_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        EventLog(QUERY, [])  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Compliance("Strood", 0, 0, 0, 0, 0, 0)  # type: ignore[call-arg]


def test_an_elapsed_goal_ignores_a_calendar_it_was_given() -> None:
    goal = Goal(name="response", clock=Clock.ELAPSED, calendar=OFFICE)
    friday_evening = london(2025, 1, 10, 18)
    assert goal.clock_time(friday_evening, friday_evening + 10 * HOUR) == 10 * HOUR
    assert goal.add_clock_time(friday_evening, 10 * HOUR) == friday_evening + 10 * HOUR


def test_status_many_with_a_working_time_goal_agrees_with_status() -> None:
    policy = ResponsePolicy.guarantee(calendar=OFFICE)
    logs = [
        log_of((K.RECEIVED, london(2025, 1, 10, 16))),
        log_of((K.RECEIVED, london(2025, 1, 10, 16)), (K.RESPONDED, london(2025, 1, 13, 10))),
    ]
    as_of = london(2025, 1, 20, 12)
    table = status_many(logs, policy, as_of=as_of)
    assert [table.row(i) for i in range(2)] == [status(log, policy, as_of=as_of) for log in logs]
    assert table.column("response", "met_at") == [None, london(2025, 1, 13, 10)]


def test_thresholds_at_their_edges() -> None:
    # An escalation step may fire at the deadline itself.
    assert EscalationStep(after_due=dt.timedelta(0), to="sergeant").after_due == dt.timedelta(0)
    log = log_of((K.RECEIVED, RECEIVED))
    # At exactly half the 72 hours: at risk, with the first warning.
    table = status_many([log], ResponsePolicy(), as_of=RECEIVED + 36 * HOUR)
    assert table.column("response", "state") == [GoalState.AT_RISK]
    (half,) = status(log, ResponsePolicy(), as_of=RECEIVED + 36 * HOUR)
    assert (half.state, half.warning) == (GoalState.AT_RISK, 0.5)
    # A response at exactly 72 hours is on time, one way or the other.
    answered = log_of((K.RECEIVED, RECEIVED), (K.RESPONDED, RECEIVED + 72 * HOUR))
    (met,) = status(answered, ResponsePolicy(), as_of=RECEIVED + 100 * HOUR)
    assert met.state is GoalState.MET
    assert status_many([answered], ResponsePolicy(), as_of=RECEIVED + 100 * HOUR).column(
        "response", "state"
    ) == [GoalState.MET]
    # A query whose deadline is exactly as_of counts as due in compliance.
    (row,) = compliance(
        [log],
        ResponsePolicy(),
        period=Interval(RECEIVED, RECEIVED + HOUR),
        as_of=RECEIVED + 72 * HOUR,
    )
    assert (row.received, row.due, row.open) == (1, 1, 1)


def test_a_query_closed_at_its_deadline_and_reopened_on_a_continuing_clock() -> None:
    # Met exactly on time, closed, reopened two days later: the clock continues with
    # nothing left, so the query is due again the instant it reopens.
    continuing = ResponsePolicy(
        goals=[Goal(name="response", target=24 * HOUR, reopen=ReopenRule.CONTINUE)]
    )
    closed, reopened = RECEIVED + 24 * HOUR, RECEIVED + 72 * HOUR
    log = log_of((K.RECEIVED, RECEIVED), (K.CLOSED, closed), (K.REOPENED, reopened))
    as_of = reopened + 30 * HOUR
    (now,) = status(log, continuing, as_of=as_of)
    assert (now.state, now.due) == (GoalState.BREACHED, reopened)
    assert status_many([log], continuing, as_of=as_of).row(0) == (now,)
    # No escalation falls while the query was closed, whichever windows a caller polls with.
    ladder = EscalationLadder(
        goal="response",
        steps=[EscalationStep(after_due=24 * HOUR, to="inspector")],
        recourse="the force's ASB lead",
    )
    whole = escalations_due([log], continuing, ladder, start=RECEIVED, end=as_of)
    pieces = [
        *escalations_due([log], continuing, ladder, start=RECEIVED, end=closed + 25 * HOUR),
        *escalations_due([log], continuing, ladder, start=closed + 25 * HOUR, end=as_of),
    ]
    assert whole == tuple(pieces) == ()


def test_a_query_paused_exactly_at_its_deadline() -> None:
    # The clock stops with nothing left: not breached, and due as soon as it resumes.
    log = log_of((K.RECEIVED, RECEIVED), (K.PAUSED, RECEIVED + 72 * HOUR, "awaiting the resident"))
    as_of = RECEIVED + 80 * HOUR
    (now,) = status(log, ResponsePolicy(), as_of=as_of)
    assert (now.state, now.elapsed, now.due) == (GoalState.PAUSED, 72 * HOUR, as_of)
    assert status_many([log], ResponsePolicy(), as_of=as_of).row(0) == (now,)


def test_more_values_take_keyword_arguments_only_and_warnings_lie_strictly_between() -> None:
    with pytest.raises(TypeError):
        Event(K.RECEIVED, RECEIVED)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        EscalationStep("sergeant", 0.5)  # type: ignore[call-arg]
    for edge in (0.0, 1.0):
        with pytest.raises(ExceptionGroup) as caught:
            Goal(name="response", warnings=(edge,))
        assert [type(e) for e in caught.value.exceptions] == [InvalidPolicy]


def test_policies_are_keyword_only_and_a_resumed_query_runs() -> None:
    with pytest.raises(TypeError):
        Goal("response")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ResponsePolicy([Goal(name="response")])  # type: ignore[call-arg]
    log = log_of(
        (K.RECEIVED, RECEIVED),
        (K.PAUSED, RECEIVED + HOUR, "awaiting the resident"),
        (K.RESUMED, RECEIVED + 2 * HOUR),
    )
    as_of = RECEIVED + 3 * HOUR
    assert status_many([log], ResponsePolicy(), as_of=as_of).column("response", "state") == [
        GoalState.RUNNING
    ]
    assert status(log, ResponsePolicy(), as_of=as_of)[0].state is GoalState.RUNNING


def test_a_query_closed_while_paused() -> None:
    log = log_of(
        (K.RECEIVED, RECEIVED),
        (K.PAUSED, RECEIVED + HOUR, "awaiting the resident"),
        (K.CLOSED, RECEIVED + 5 * HOUR),
    )
    (closed,) = status(log, ResponsePolicy(), as_of=RECEIVED + 9 * HOUR)
    assert (closed.state, closed.elapsed, closed.met_at) == (
        GoalState.MET,
        HOUR,
        RECEIVED + 5 * HOUR,
    )
    assert status_many([log], ResponsePolicy(), as_of=RECEIVED + 9 * HOUR).row(0) == (closed,)


def test_deadlines_found_across_pauses() -> None:
    pause = "awaiting the resident"
    # Overdue before a pause, then resumed and closed: the deadline stays where the clock passed it.
    late = log_of((K.RECEIVED, RECEIVED), (K.PAUSED, RECEIVED + 80 * HOUR, pause),
                  (K.RESUMED, RECEIVED + 90 * HOUR), (K.CLOSED, RECEIVED + 95 * HOUR))  # fmt: skip
    # Paused, resumed, then the clock passes the deadline at a second pause.
    twice = log_of((K.RECEIVED, RECEIVED), (K.PAUSED, RECEIVED + 10 * HOUR, pause),
                   (K.RESUMED, RECEIVED + 20 * HOUR), (K.PAUSED, RECEIVED + 90 * HOUR, pause))  # fmt: skip
    as_of = RECEIVED + 100 * HOUR
    for log, due in ((late, RECEIVED + 72 * HOUR), (twice, RECEIVED + 82 * HOUR)):
        (now,) = status(log, ResponsePolicy(), as_of=as_of)
        assert now.due == due
        assert status_many([log], ResponsePolicy(), as_of=as_of).row(0) == (now,)


def test_no_escalation_falls_at_the_instant_a_query_closes() -> None:
    continuing = ResponsePolicy(
        goals=[Goal(name="response", target=24 * HOUR, reopen=ReopenRule.CONTINUE)]
    )
    ladder = EscalationLadder(goal="response", steps=[EscalationStep(after_due=6 * HOUR, to="inspector")],
                              recourse="the force's ASB lead")  # fmt: skip
    # The clock passes 24 hours, and the query closes just as the rung falls; it reopens later.
    log = log_of(
        (K.RECEIVED, RECEIVED), (K.CLOSED, RECEIVED + 30 * HOUR), (K.REOPENED, RECEIVED + 40 * HOUR)
    )
    assert (
        escalations_due([log], continuing, ladder, start=RECEIVED, end=RECEIVED + 35 * HOUR) == ()
    )
    assert (
        escalations_due([log], continuing, ladder, start=RECEIVED, end=RECEIVED + 45 * HOUR) == ()
    )


def test_an_acknowledgement_while_paused_does_not_resume_the_clock() -> None:
    log = log_of((K.RECEIVED, RECEIVED), (K.PAUSED, RECEIVED + HOUR, "awaiting the resident"),
                 (K.ACKNOWLEDGED, RECEIVED + 2 * HOUR))  # fmt: skip
    as_of = RECEIVED + 10 * HOUR
    (now,) = status(log, ResponsePolicy(), as_of=as_of)
    assert (now.state, now.elapsed) == (GoalState.PAUSED, HOUR)
    assert status_many([log], ResponsePolicy(), as_of=as_of).row(0) == (now,)


def test_a_warning_rung_after_a_pause() -> None:
    # Half the clock is 36 hours: 10 before the pause, 26 after it resumes at hour 20.
    ladder = EscalationLadder(goal="response", steps=[EscalationStep(at_fraction=0.5, to="named officer")],
                              recourse="the force's ASB lead")  # fmt: skip
    log = log_of((K.RECEIVED, RECEIVED), (K.PAUSED, RECEIVED + 10 * HOUR, "awaiting the resident"),
                 (K.RESUMED, RECEIVED + 20 * HOUR))  # fmt: skip
    (rung,) = escalations_due(
        [log], ResponsePolicy(), ladder, start=RECEIVED, end=RECEIVED + 100 * HOUR
    )
    assert rung.at == RECEIVED + 46 * HOUR


@pytest.mark.parametrize(
    "name",
    [
        "Compliance",
        "Escalation",
        "EscalationLadder",
        "EscalationStep",
        "Event",
        "EventLog",
        "Goal",
        "Query",
        "ResponsePolicy",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.response"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_a_rung_that_falls_after_a_reopening_on_a_continuing_clock_is_due() -> None:
    continuing = ResponsePolicy(
        goals=[Goal(name="response", target=24 * HOUR, reopen=ReopenRule.CONTINUE)]
    )
    ladder = EscalationLadder(goal="response", steps=[EscalationStep(after_due=60 * HOUR, to="inspector")],
                              recourse="the force's ASB lead")  # fmt: skip
    # The clock reaches 24 hours as the query closes; it reopens 48 hours later, and the
    # rung, 60 hours after the deadline, falls while it is open again.
    closed, reopened = RECEIVED + 24 * HOUR, RECEIVED + 72 * HOUR
    log = log_of((K.RECEIVED, RECEIVED), (K.CLOSED, closed), (K.REOPENED, reopened))
    found = escalations_due([log], continuing, ladder, start=RECEIVED, end=reopened + 30 * HOUR)
    assert [(e.to, e.at) for e in found] == [("inspector", closed + 60 * HOUR)]


def test_no_rung_falls_at_the_instant_the_response_comes() -> None:
    ladder = EscalationLadder(goal="response", steps=[EscalationStep(after_due=6 * HOUR, to="inspector")],
                              recourse="the force's ASB lead")  # fmt: skip
    policy = ResponsePolicy(goals=[Goal(name="response", target=24 * HOUR)])
    log = log_of((K.RECEIVED, RECEIVED), (K.RESPONDED, RECEIVED + 30 * HOUR))
    assert escalations_due([log], policy, ladder, start=RECEIVED, end=RECEIVED + 35 * HOUR) == ()


def test_a_response_at_the_instant_asked_meets_a_working_time_goal() -> None:
    received = london(2025, 6, 2, 9)
    log = log_of((K.RECEIVED, received), (K.RESPONDED, received + 2 * HOUR))
    working = ResponsePolicy.guarantee(calendar=WorkingCalendar(tz=LONDON))
    assert one(log, working, as_of=received + 2 * HOUR)[0] is GoalState.MET
    assert one(log, working, as_of=received + HOUR)[0] is GoalState.RUNNING


def test_a_working_time_deadline_passed_is_where_the_clock_reached_the_target() -> None:
    # 72 working hours from Monday 2 June 2025, 9:00 to 17:00: the ninth working day's end.
    received = london(2025, 6, 2, 9)
    log = log_of((K.RECEIVED, received), (K.RESPONDED, london(2025, 6, 16, 12)))
    working = ResponsePolicy.guarantee(calendar=WorkingCalendar(tz=LONDON))
    (goal,) = status(log, working, as_of=london(2025, 6, 20, 9))
    assert (goal.state, goal.due) == (GoalState.MET_LATE, london(2025, 6, 12, 17))
    assert goal.elapsed == dt.timedelta(hours=8 * 10 + 3)


# A clock open round the clock, with no bank holiday near: working time is elapsed time, so
# the general path (any clock) must give what the elapsed path gives, edges included.
ROUND_THE_CLOCK = ResponsePolicy(goals=[Goal(
    name="response", clock=Clock.WORKING,
    calendar=WorkingCalendar(tz=UTC, weekdays=range(7), hours=[(dt.time(0), dt.time(0))]),
)])  # fmt: skip


@pytest.mark.parametrize(
    ("events", "hours", "state", "due_hours"),
    [
        # Paused 10 hours: the deadline passes in the second span, at 82 hours.
        ([(K.PAUSED, 10), (K.RESUMED, 20), (K.RESPONDED, 100)], 120, GoalState.MET_LATE, 82),
        ([(K.PAUSED, 10), (K.RESUMED, 20)], 30, GoalState.RUNNING, 82),
        ([(K.RESPONDED, 72)], 80, GoalState.MET, 72),  # met at exactly 72 hours
        ([], 54, GoalState.AT_RISK, 72),  # exactly three quarters of the time
        # Paused as the clock reaches 72 hours: due as if it restarted at as_of.
        ([(K.PAUSED, 72)], 80, GoalState.PAUSED, 80),
        # Reopened: a fresh clock from the reopening, running, not paused.
        ([(K.RESPONDED, 10), (K.CLOSED, 12), (K.REOPENED, 20)], 30, GoalState.RUNNING, 92),
        # Acknowledged while paused: the clock stays stopped until it is resumed.
        ([(K.PAUSED, 10), (K.ACKNOWLEDGED, 15), (K.RESUMED, 20)], 30, GoalState.RUNNING, 82),
    ],
)
def test_the_general_path_meets_the_elapsed_one_at_every_edge(
    events: list[tuple[EventKind, int]], hours: int, state: GoalState, due_hours: int
) -> None:
    received = dt.datetime(2025, 6, 2, 9, tzinfo=UTC)
    log = log_of(
        (K.RECEIVED, received),
        *[(kind, received + n * HOUR, "awaiting the resident") if kind is K.PAUSED
          else (kind, received + n * HOUR) for kind, n in events],
    )  # fmt: skip
    as_of = received + hours * HOUR
    (general,) = status(log, ROUND_THE_CLOCK, as_of=as_of)
    (elapsed,) = status(log, ResponsePolicy(), as_of=as_of)
    assert general == elapsed
    assert status_many([log], ResponsePolicy(), as_of=as_of).row(0) == (elapsed,)
    assert (elapsed.state, elapsed.due) == (state, received + due_hours * HOUR)
    if hours == 54:
        assert elapsed.warning == 0.75
        assert status_many([log], ROUND_THE_CLOCK, as_of=as_of).column("response", "warning") == [
            0.75
        ]


def test_a_status_table_is_a_value_of_its_own() -> None:
    # Tables are compared by identity and can be kept in sets (their columns are lists).
    log = log_of((K.RECEIVED, RECEIVED))
    table = status_many([log], ResponsePolicy(), as_of=RECEIVED + HOUR)
    assert {table: "kept"}[table] == "kept"
    assert table != status_many([log], ResponsePolicy(), as_of=RECEIVED + HOUR)
