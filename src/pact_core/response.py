"""Response deadlines and escalation: the 72-hour guarantee, computed from the event log.

The Neighbourhood Policing Guarantee promises a response to neighbourhood queries within
72 hours, "and a clear process for the public to seek recourse if this response time is
not met". Nothing published defines the clock or what a response is, so each is named
policy here, with the literal reading as the default: a meaningful response within 72
**elapsed** hours.

**Theory of operation.**

A query's state is never kept in timers: it is computed from its `EventLog` at an
``as_of`` instant that the caller passes in, so the same log and instant always give the
same answer. For each `Goal` the log is walked once: the clock runs from receipt, stops
while paused (if the goal says pauses stop it), and stops for good at the goal's event
(or at closure). A reopened query starts a new clock, or continues the old one, as the
goal says. Time on the clock is elapsed time, or working time on a `WorkingCalendar`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import operator
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidEventLog, InvalidPolicy
from pact_core.intervals import Interval, to_utc

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from typing_extensions import Self

    from pact_core.calendars import WorkingCalendar

__all__ = [
    "Channel",
    "Clock",
    "Compliance",
    "Escalation",
    "EscalationLadder",
    "EscalationStep",
    "Event",
    "EventKind",
    "EventLog",
    "Goal",
    "GoalState",
    "GoalStatus",
    "Query",
    "ReopenRule",
    "Requester",
    "ResponsePolicy",
    "StatusTable",
    "compliance",
    "escalations_due",
    "status",
    "status_many",
]

_ZERO = dt.timedelta(0)


class Requester(enum.Enum):
    """Who raised the query.

    >>> Requester.BUSINESS.value
    'business'
    """

    RESIDENT = "resident"
    BUSINESS = "business"
    COUNCILLOR = "councillor"
    PARTNER = "partner"


class Channel(enum.Enum):
    """How the query came in.

    >>> Channel.BEAT_SURGERY.value
    'beat surgery'
    """

    ONLINE = "online"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in person"
    BEAT_SURGERY = "beat surgery"
    PACT_MEETING = "PACT meeting"
    SOCIAL_MEDIA = "social media"
    LETTER = "letter"


_text = nonblank(InvalidEventLog)


@attrs.frozen(kw_only=True)
class Query:
    """A neighbourhood query: who raised it, how, and in which neighbourhood.

    >>> Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood").id
    'Q1'
    """

    id: str = attrs.field(validator=_text)
    requester: Requester = attrs.field(validator=instance_of(Requester))
    channel: Channel = attrs.field(validator=instance_of(Channel))
    force: str = attrs.field(validator=_text)
    neighbourhood: str = attrs.field(validator=_text)


class EventKind(enum.Enum):
    """What happened to a query.

    >>> [kind.value for kind in EventKind][:3]
    ['received', 'acknowledged', 'responded']
    """

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    RESPONDED = "responded"
    PAUSED = "paused"
    RESUMED = "resumed"
    REASSIGNED = "reassigned"
    CLOSED = "closed"
    REOPENED = "reopened"


def _event_time(value: dt.datetime) -> dt.datetime:
    return to_utc(value, field="at")


@attrs.frozen(kw_only=True)
class Event:
    """One thing that happened to a query, at an aware instant (stored in UTC).

    *reason* says why a query was paused (``"awaiting the resident"``); *to* says whom a
    reassigned query went to.

    >>> import datetime as dt
    >>> Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 3, 28, 12, tzinfo=dt.timezone.utc)).kind.value
    'received'
    """

    kind: EventKind = attrs.field(validator=instance_of(EventKind))
    at: dt.datetime = attrs.field(converter=_event_time)
    reason: str | None = attrs.field(default=None)
    to: str | None = attrs.field(default=None)


def _to_events(value: Iterable[Event]) -> tuple[Event, ...]:
    events = all_of(value, Event, "events")
    # Stable: events at the same instant keep the order they were given in.
    return tuple(sorted(events, key=lambda event: event.at))


@attrs.frozen(kw_only=True)
class EventLog:
    """A query and everything that happened to it, in time order.

    An impossible log is refused with every problem at once (an `ExceptionGroup` of
    `pact_core.errors.InvalidEventLog`, each naming the event): anything before receipt,
    a second receipt, a pause without a reason or while paused, a resume without a pause,
    a reopen of an open query, and events after closure without a reopen.

    >>> import datetime as dt
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> at = lambda hours: dt.datetime(2025, 3, 28, 12, tzinfo=dt.timezone.utc) + dt.timedelta(hours=hours)
    >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=at(0)), Event(kind=EventKind.RESPONDED, at=at(30))])
    >>> log.received
    datetime.datetime(2025, 3, 28, 12, 0, tzinfo=datetime.timezone.utc)
    """

    query: Query = attrs.field(validator=instance_of(Query))
    events: tuple[Event, ...] = attrs.field(converter=_to_events)

    def __attrs_post_init__(self) -> None:
        problems = _log_problems(self.events)
        if problems:
            raise ExceptionGroup(
                f"event log of {self.query.id!r} has {len(problems)} problem(s)", problems
            )

    @property
    def received(self) -> dt.datetime:
        """When the query was received."""
        return self.events[0].at

    def with_event(self, event: Event) -> Self:
        """Return the log with one more event (checked like any log).

        >>> import datetime as dt
        >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
        >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc))])
        >>> len(log.with_event(Event(kind=EventKind.CLOSED, at=dt.datetime(2025, 1, 7, 9, tzinfo=dt.timezone.utc))).events)
        2
        """
        return attrs.evolve(self, events=(*self.events, event))


def _log_problems(events: Sequence[Event]) -> list[InvalidEventLog]:  # noqa: PLR0912 - a branch per event kind
    problems: list[InvalidEventLog] = []

    def problem(index: int, event: Event, rule: str) -> None:
        problems.append(
            InvalidEventLog(
                f"events[{index}] ({event.kind.value} at {event.at.isoformat()}) must {rule}",
                field=f"events[{index}]",
                rule=rule,
                value=event,
                index=index,
                kind=event.kind,
            )
        )

    if not events:
        problems.append(
            InvalidEventLog(
                "events must start with the query being received, got none",
                field="events",
                rule="start with received",
                value=(),
                index=None,
                kind=None,
            )
        )
        return problems
    received = [i for i, e in enumerate(events) if e.kind is EventKind.RECEIVED]
    if not received:
        problems.append(
            InvalidEventLog(
                "events must include the query being received, got none",
                field="events",
                rule="include received",
                value=tuple(events),
                index=None,
                kind=None,
            )
        )
    else:
        for index in range(received[0]):
            problem(index, events[index], "not come before the query was received")
        for index in received[1:]:
            problem(index, events[index], "not receive the query a second time")
    paused = closed = False
    for index, event in enumerate(events):
        kind = event.kind
        if closed and kind is not EventKind.REOPENED:
            problem(index, event, "not follow closure without a reopen")
            continue
        if kind is EventKind.PAUSED:
            if paused:
                problem(index, event, "not pause a query that is already paused")
            if not (event.reason and event.reason.strip()):
                problem(index, event, "give a reason for the pause")
            paused = True
        elif kind is EventKind.RESUMED:
            if not paused:
                problem(index, event, "not resume a query that is not paused")
            paused = False
        elif kind is EventKind.CLOSED:
            closed, paused = True, False
        elif kind is EventKind.REOPENED:
            if not closed:
                problem(index, event, "not reopen a query that is not closed")
            closed = False
        elif kind is EventKind.REASSIGNED and not (event.to and event.to.strip()):
            problem(index, event, "say whom the query was reassigned to")
    return problems


# ----------------------------------------------------------------------------- policy


class Clock(enum.Enum):
    """How a goal's time is counted: elapsed time, or working time on a calendar.

    >>> Clock.ELAPSED.value
    'elapsed'
    """

    ELAPSED = "elapsed"
    WORKING = "working"


class ReopenRule(enum.Enum):
    """What reopening a closed query does to a goal's clock.

    ``RESTART``: a new clock from the reopening. ``CONTINUE``: the old clock resumes
    where it stopped at closure (the closed time does not count).

    >>> ReopenRule.RESTART.value
    'restart'
    """

    RESTART = "restart"
    CONTINUE = "continue"


def _thresholds(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(sorted(value))


@attrs.frozen(kw_only=True)
class Goal:
    """A response goal: which event meets it, within how long, on which clock.

    Closing a query without the goal's event also stops its clock, and counts as meeting
    it at closure (a query withdrawn or resolved another way needs no response).

    >>> Goal.response_72h().target
    datetime.timedelta(days=3)
    """

    name: str = attrs.field(validator=_text)
    met_by: EventKind = attrs.field(default=EventKind.RESPONDED, validator=instance_of(EventKind))
    target: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=72), validator=instance_of(dt.timedelta)
    )
    clock: Clock = attrs.field(default=Clock.ELAPSED, validator=instance_of(Clock))
    calendar: WorkingCalendar | None = attrs.field(default=None)
    pauses_stop_clock: bool = attrs.field(default=True, validator=instance_of(bool))
    reopen: ReopenRule = attrs.field(default=ReopenRule.RESTART, validator=instance_of(ReopenRule))
    warnings: tuple[float, ...] = attrs.field(default=(0.5, 0.75), converter=_thresholds)

    @functools.cached_property
    def _warning_times(self) -> tuple[tuple[float, dt.timedelta], ...]:
        return tuple((w, self.target * w) for w in self.warnings)

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidPolicy] = []
        if self.target <= _ZERO:
            problems.append(InvalidPolicy.must("target", "be positive", self.target))
        if self.met_by not in {EventKind.ACKNOWLEDGED, EventKind.RESPONDED}:
            problems.append(
                InvalidPolicy.must("met_by", "be ACKNOWLEDGED or RESPONDED", self.met_by)
            )
        if self.clock is Clock.WORKING:
            # Imported only for a working-time goal: `import pact_core.response` stays light
            # for the many systems that count elapsed time.
            from pact_core.calendars import WorkingCalendar  # noqa: PLC0415

            if not isinstance(self.calendar, WorkingCalendar):
                problems.append(
                    InvalidPolicy.must(
                        "calendar", "be a WorkingCalendar for a working-time clock", self.calendar
                    )
                )
        if any(not 0 < w < 1 for w in self.warnings):
            problems.append(
                InvalidPolicy.must(
                    "warnings", "be fractions of the goal between 0 and 1", self.warnings
                )
            )
        if problems:
            raise ExceptionGroup(f"goal {self.name!r} has {len(problems)} problem(s)", problems)

    @classmethod
    def response_72h(cls) -> Goal:
        """The Guarantee read literally: a meaningful response within 72 elapsed hours."""
        return cls(name="response")

    def clock_time(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Time on this goal's clock from *start* to *end*."""
        if self.calendar is not None and self.clock is Clock.WORKING:
            return self.calendar.working_time_between(start, end)
        return end - start

    def add_clock_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant *duration* of this goal's clock after *start*, in UTC."""
        if self.calendar is not None and self.clock is Clock.WORKING:
            return to_utc(self.calendar.add_working_time(start, duration))
        return start + duration


def _to_goals(value: Iterable[Goal]) -> tuple[Goal, ...]:
    return all_of(value, Goal, "goals")


@attrs.frozen(kw_only=True)
class ResponsePolicy:
    """The goals a force sets for neighbourhood queries.

    By default one goal: a meaningful response within 72 elapsed hours. An
    acknowledgement goal (the 2008 Policing Pledge replied within 24 hours) runs beside
    it and never stops the response clock.

    >>> [goal.name for goal in ResponsePolicy.guarantee(acknowledgement=dt.timedelta(hours=24)).goals]
    ['acknowledgement', 'response']
    """

    goals: tuple[Goal, ...] = attrs.field(
        factory=lambda: (Goal.response_72h(),), converter=_to_goals
    )

    def __attrs_post_init__(self) -> None:
        names = [goal.name for goal in self.goals]
        if not names or len(set(names)) != len(names):
            raise InvalidPolicy.must("goals", "be one or more, with distinct names", names)

    @classmethod
    def guarantee(
        cls, *, acknowledgement: dt.timedelta | None = None, calendar: WorkingCalendar | None = None
    ) -> ResponsePolicy:
        """The Guarantee's 72 hours (working hours on *calendar*, if given), with an optional acknowledgement goal."""
        clock = Clock.WORKING if calendar is not None else Clock.ELAPSED
        goals = [Goal(name="response", clock=clock, calendar=calendar)]
        if acknowledgement is not None:
            goals.insert(
                0,
                Goal(
                    name="acknowledgement",
                    met_by=EventKind.ACKNOWLEDGED,
                    target=acknowledgement,
                    clock=clock,
                    calendar=calendar,
                ),
            )
        return cls(goals=goals)

    def goal(self, name: str) -> Goal:
        """The goal called *name*."""
        for goal in self.goals:
            if goal.name == name:
                return goal
        raise InvalidPolicy.must("goal", f"be one of {[g.name for g in self.goals]}", name)


# ----------------------------------------------------------------------------- status


class GoalState(enum.Enum):
    """Where a goal stands.

    >>> [state.value for state in GoalState]
    ['running', 'at risk', 'breached', 'met', 'met late', 'paused']
    """

    RUNNING = "running"
    AT_RISK = "at risk"
    BREACHED = "breached"
    MET = "met"
    MET_LATE = "met late"
    PAUSED = "paused"


class GoalStatus(NamedTuple):
    """A goal's standing at an instant.

    *due* is when the goal falls (or fell) due: while the clock is paused it assumes the
    clock restarts at ``as_of``. *elapsed* and *remaining* are on the goal's clock
    (*remaining* is negative once breached). *warning* is the highest warning threshold
    reached (0 when none). *met_at* is when the goal was met.

    It is a named tuple rather than an attrs class because `status_many` makes millions
    of them: it is just as immutable and comparable, and three times cheaper to build.

    >>> GoalStatus._fields
    ('goal', 'state', 'due', 'elapsed', 'remaining', 'warning', 'met_at')
    """

    goal: str
    state: GoalState
    due: dt.datetime
    elapsed: dt.timedelta
    remaining: dt.timedelta
    warning: float
    met_at: dt.datetime | None


_REOPENED, _CLOSED, _PAUSED, _RESUMED = (
    EventKind.REOPENED,
    EventKind.CLOSED,
    EventKind.PAUSED,
    EventKind.RESUMED,
)
_RESTART = ReopenRule.RESTART
_AT = operator.attrgetter("at")
_ELAPSED = Clock.ELAPSED
_MET, _MET_LATE, _BREACHED = GoalState.MET, GoalState.MET_LATE, GoalState.BREACHED
_PAUSED_STATE, _AT_RISK, _RUNNING = GoalState.PAUSED, GoalState.AT_RISK, GoalState.RUNNING
_Cycle = tuple[list[tuple[dt.datetime, dt.datetime]], "dt.datetime | None", bool]


def _cycles(log: EventLog, goal: Goal, as_of: dt.datetime) -> list[_Cycle]:
    """Each clock the goal ran, oldest first: its running intervals, when it stopped for good, whether it is paused.

    A reopening that restarts the clock begins a new cycle; one that continues it does not.
    """
    # Locals and module constants: this loop runs once per goal per query.
    events = log.events
    met_by = goal.met_by
    pauses = goal.pauses_stop_clock
    restart = goal.reopen is _RESTART
    cycles: list[_Cycle] = []
    running: list[tuple[dt.datetime, dt.datetime]] = []
    start = events[0].at
    active = True
    paused = False
    stop: dt.datetime | None = None
    for index in range(1, len(events)):
        event = events[index]
        at = event.at
        if at > as_of:
            break
        kind = event.kind
        if kind is _REOPENED:
            if restart:
                # An ended cycle's pause is never read: a mutant of it is equivalent.
                cycles.append((running, stop, False))  # pragma: no mutate
                running = []
            start, active, paused, stop = at, True, False, None
        elif stop is not None:
            continue
        elif kind is met_by or kind is _CLOSED:
            if active:
                running.append((start, at))
                active = False
            stop = at
            paused = False  # pragma: no mutate (a stopped clock is met, whatever this says)
        elif kind is _PAUSED:
            if pauses and active:
                running.append((start, at))
                active = False
                paused = True
        elif kind is _RESUMED and paused:
            start, active, paused = at, True, False
    if active:
        running.append((start, as_of))
    cycles.append((running, stop, paused))
    return cycles


_Values = tuple[
    str, GoalState, dt.datetime, dt.timedelta, dt.timedelta, float, "dt.datetime | None"
]


def _goal_status(log: EventLog, goal: Goal, as_of: dt.datetime) -> GoalStatus:
    return GoalStatus(*_goal_values(log, goal, as_of))


def _goal_values(log: EventLog, goal: Goal, as_of: dt.datetime) -> _Values:
    # One query: the general path, any clock. `status_many` runs its own loop for elapsed
    # goals over many queries, and a property test holds the two to the same answers.
    return _clock_status(log, goal, as_of)


def _clock_status(log: EventLog, goal: Goal, as_of: dt.datetime) -> _Values:
    """Any clock: walk the last cycle's running intervals on the goal's clock."""
    running, stop, paused = _cycles(log, goal, as_of)[-1]
    target = goal.target
    used = _ZERO
    due: dt.datetime | None = None
    for start, end in running:
        # Skips an interval that ends before it starts (as_of before the query was
        # received); for an empty one, > would do as well.
        if start >= end:  # pragma: no mutate
            continue
        part = goal.clock_time(start, end)
        if due is None and used + part > target:
            due = goal.add_clock_time(start, target - used)
        used += part
    if due is None:
        # Not yet reached: project from where the clock stands (stopped, paused or now).
        due = goal.add_clock_time(stop if stop is not None else as_of, target - used)
    return _finish(goal, due, used, stop, paused=paused)


def _warning(goal: Goal, used: dt.timedelta) -> float:
    """The highest warning threshold *used* has reached (0.0 for none)."""
    warning = 0.0
    for threshold, time in goal._warning_times:
        if used >= time:
            warning = threshold
    return warning


def _values(goal: Goal, state: object, due: object, used: object, stop: object) -> _Values:
    """A whole status from the four stored fields: remaining and warning follow from the time used."""
    spent: dt.timedelta = used  # type: ignore[assignment]
    return (goal.name, state, due, spent, goal.target - spent, _warning(goal, spent), stop)  # type: ignore[return-value]


def _elapsed_columns(  # noqa: PLR0912, PLR0915 - one pass, by design
    logs: Sequence[EventLog], goal: Goal, as_of: dt.datetime, columns: tuple[list[object], ...]
) -> None:
    """Elapsed time for every log, appended to *columns*: the hot path of `status_many`.

    It gives the same answers as `_clock_status`, which `status` uses (a property test
    checks `status_many` against `status`), but it is
    written for speed, millions of queries of a few events each: one loop over the logs
    with everything in locals, no call and no record per log, and `_finish` inlined.
    """
    add_state, add_due, add_elapsed, add_met_at = (column.append for column in columns)
    met_by = goal.met_by
    pauses = goal.pauses_stop_clock
    restart = goal.reopen is _RESTART
    target = goal.target
    # The lowest warning time: whether a running query is at risk. The threshold itself,
    # and the time remaining, follow from the time used and are worked out when asked.
    at_risk = goal._warning_times[0][1] if goal._warning_times else None
    for log in logs:
        events = log.events
        start = events[0].at
        last = events[-1].at
        # Rare: a log read as it stood in the past (an event at as_of itself is kept either way).
        if last > as_of:  # pragma: no mutate
            events = events[: bisect.bisect_right(events, as_of, key=_AT)]
        active = True
        paused = False
        stop: dt.datetime | None = None
        used = _ZERO
        due: dt.datetime | None = None
        for event in events:
            at = event.at
            kind = event.kind
            if stop is not None:
                if kind is _REOPENED:
                    if restart:
                        used, due = _ZERO, None
                    start, active, paused, stop = at, True, False, None
                continue
            if kind is met_by or kind is _CLOSED:
                if active:
                    part = at - start
                    if due is None and used + part > target:
                        due = start + (target - used)
                    used += part
                active = paused = False
                stop = at
            elif kind is _PAUSED:
                if pauses and active:
                    part = at - start
                    if due is None and used + part > target:
                        due = start + (target - used)
                    used += part
                    active, paused = False, True
            elif kind is _RESUMED and paused:
                start, active, paused = at, True, False
            # A valid log reopens only a closed query, whose clock has stopped (above).
        # Not before the query was received (an empty span would add nothing either way).
        # A deadline passed in this last span is found below: as_of less the span is start.
        later = as_of > start  # pragma: no mutate
        if active and later:
            used += as_of - start
        if due is None:
            due = (stop if stop is not None else as_of) + (target - used)
        if stop is not None:
            state = _MET if used <= target else _MET_LATE
        elif used > target:
            state = _BREACHED
        elif paused:
            state = _PAUSED_STATE
        else:
            state = _AT_RISK if at_risk is not None and used >= at_risk else _RUNNING
        # Plain values into columns: a million kept records would wake the collector again and again.
        add_state(state)
        add_due(due)
        add_elapsed(used)
        add_met_at(stop)


def _finish(
    goal: Goal, due: dt.datetime, used: dt.timedelta, stop: dt.datetime | None, *, paused: bool
) -> _Values:
    target = goal.target
    warning = _warning(goal, used)
    if stop is not None:
        state = _MET if used <= target else _MET_LATE
    elif used > target:
        state = _BREACHED
    elif paused:
        state = _PAUSED_STATE
    else:
        state = _AT_RISK if warning else _RUNNING
    # A plain tuple: `status` wraps it in a GoalStatus, `status_many` spreads it into columns.
    return (goal.name, state, due, used, target - used, warning, stop)


def status(log: EventLog, policy: ResponsePolicy, *, as_of: dt.datetime) -> tuple[GoalStatus, ...]:
    """Return each goal's standing at *as_of*, computed from the log alone.

    Events after *as_of* are ignored, so a past instant gives the status as it was then.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> london = ZoneInfo("Europe/London")
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 3, 28, 12, tzinfo=london))])
    >>> (goal,) = status(log, ResponsePolicy(), as_of=dt.datetime(2025, 3, 30, 9, tzinfo=london))
    >>> goal.state.value, goal.due.astimezone(london).isoformat(), goal.warning
    ('at risk', '2025-03-31T13:00:00+01:00', 0.5)
    """
    if not isinstance(log, EventLog):
        raise TypeError(f"log must be an EventLog, got {log!r}")
    if not isinstance(policy, ResponsePolicy):
        raise TypeError(f"policy must be a ResponsePolicy, got {policy!r}")
    moment = to_utc(as_of, field="as_of")
    return tuple(_goal_status(log, goal, moment) for goal in policy.goals)


@attrs.frozen(eq=False)
class StatusTable:
    """The standing of many queries at one instant, held by column.

    `status_many` returns one: for a million queries, columns of plain values cost far
    less to build and keep than a million records. `row` gives one query's
    `GoalStatus` values, `column` one field of one goal for every query.
    It keeps what it cannot derive (state, due, elapsed, met_at) and works out the rest
    when asked: ``remaining`` and ``warning`` from ``elapsed``, `queries` (the ids) from
    the logs it holds.

    >>> StatusTable.__name__
    'StatusTable'
    """

    goals: tuple[str, ...]
    _logs: tuple[EventLog, ...]
    _columns: dict[str, tuple[list[object], ...]]
    _specs: dict[str, Goal]

    def __len__(self) -> int:
        return len(self._logs)

    def __repr__(self) -> str:
        return f"<StatusTable of {len(self)} queries, goals {list(self.goals)}>"

    @functools.cached_property
    def queries(self) -> tuple[str, ...]:
        """The queries' ids, in the order the logs were given (worked out when first asked)."""
        return tuple(log.query.id for log in self._logs)

    def column(self, goal: str, field: str) -> list[object]:
        """One field (a name in `GoalStatus._fields`, other than ``goal``) of *goal*, for every query, in order.

        ``remaining`` and ``warning`` follow from ``elapsed`` and are worked out when asked
        (`status_many` keeps only what it cannot derive).

        >>> import datetime as dt
        >>> utc = dt.timezone.utc
        >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
        >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 1, 6, 9, tzinfo=utc))])
        >>> table = status_many([log, log], ResponsePolicy(), as_of=dt.datetime(2025, 1, 8, 10, tzinfo=utc))
        >>> [state.value for state in table.column("response", "state")], table.column("response", "warning")
        (['at risk', 'at risk'], [0.5, 0.5])
        """
        if goal not in self._columns:
            raise InvalidPolicy.must("goal", f"be one of {list(self.goals)}", goal)
        if field not in _FIELDS:
            raise InvalidPolicy.must("field", f"be one of {list(_FIELDS)}", field)
        if field in _STORED:
            return self._columns[goal][_STORED.index(field)]
        spec = self._specs[goal]
        elapsed: list[dt.timedelta] = self._columns[goal][_STORED.index("elapsed")]  # type: ignore[assignment]
        if field == "remaining":
            target = spec.target
            return [target - used for used in elapsed]
        return [_warning(spec, used) for used in elapsed]

    def row(self, index: int) -> tuple[GoalStatus, ...]:
        """The `GoalStatus` of each goal for the query at *index*, as `status` gives it."""
        return tuple(
            GoalStatus._make(
                _values(self._specs[goal], *(column[index] for column in self._columns[goal]))
            )
            for goal in self.goals
        )

    def counts(self, goal: str = "response") -> dict[GoalState, int]:
        """How many queries are in each state of *goal*, in `GoalState` order."""
        states = self.column(goal, "state")
        return {state: n for state in GoalState if (n := states.count(state))}


_FIELDS = GoalStatus._fields[1:]
_STORED = ("state", "due", "elapsed", "met_at")


def status_many(
    logs: Iterable[EventLog], policy: ResponsePolicy, *, as_of: dt.datetime
) -> StatusTable:
    """Compute `status` for many logs at one instant, as a `StatusTable`.

    >>> import datetime as dt
    >>> utc = dt.timezone.utc
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=dt.datetime(2025, 1, 6, 9, tzinfo=utc))])
    >>> table = status_many([log], ResponsePolicy(), as_of=dt.datetime(2025, 1, 9, 10, tzinfo=utc))
    >>> len(table), table.counts()
    (1, {<GoalState.BREACHED: 'breached'>: 1})
    """
    if not isinstance(policy, ResponsePolicy):
        raise TypeError(f"policy must be a ResponsePolicy, got {policy!r}")
    moment = to_utc(as_of, field="as_of")
    goals = policy.goals
    columns: dict[str, tuple[list[object], ...]] = {
        goal.name: tuple([] for _ in _STORED) for goal in goals
    }
    chosen = tuple(logs)
    if set(map(type, chosen)) - {EventLog}:  # one C-level pass; the rare subclass is checked below
        for log in chosen:
            if not isinstance(log, EventLog):
                raise TypeError(f"logs must be EventLog values, got {log!r}")
    for goal in goals:
        if goal.clock is _ELAPSED:
            _elapsed_columns(chosen, goal, moment, columns[goal.name])
            continue
        state, due, elapsed, met_at = (c.append for c in columns[goal.name])
        for log in chosen:
            result = _clock_status(log, goal, moment)
            state(result[1])
            due(result[2])
            elapsed(result[3])
            met_at(result[6])
    return StatusTable(
        tuple(goal.name for goal in goals), chosen, columns, {goal.name: goal for goal in goals}
    )


# ----------------------------------------------------------------------------- escalation


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
                    if (stop is not None and stop <= at) or _stopped_at(log, goal, at):
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


# ----------------------------------------------------------------------------- compliance


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
