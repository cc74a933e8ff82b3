"""Where a query's goals stand at an instant, one query at a time (`status`) or by column for millions (`status_many`)."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import operator
from typing import TYPE_CHECKING, NamedTuple

import attrs

from pact_core.errors import InvalidPolicy
from pact_core.intervals import to_utc
from pact_core.response.log import _ZERO, EventKind, EventLog
from pact_core.response.policy import Clock, Goal, ReopenRule, ResponsePolicy

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


__all__ = ["GoalState", "GoalStatus", "StatusTable", "status", "status_many"]


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
_UTC = dt.timezone.utc
_DATETIME = dt.datetime
_AT = operator.attrgetter("at")
_new = tuple.__new__
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


def _elapsed_status(log: EventLog, goal: Goal, as_of: dt.datetime) -> GoalStatus:
    """An elapsed goal of a policy of several goals: the loop of `status_many`, on one log."""
    columns: tuple[list[object], ...] = ([], [], [], [])
    _elapsed_columns((log,), goal, as_of, columns)
    return GoalStatus._make(_values(goal, *(column[0] for column in columns)))


def _elapsed_columns(  # noqa: PLR0912, PLR0915 - one pass, by design
    logs: Sequence[EventLog], goal: Goal, as_of: dt.datetime, columns: tuple[list[object], ...]
) -> None:
    """Elapsed time for every log, appended to *columns*: the hot path of `status_many`.

    The loop `status` runs for one query, inlined in a loop over the logs: a call per log
    would cost a third more here (measured: 1.6x a bare deadline loop inlined, 2.1x with a
    call a log). Both are held to the general path, `_clock_status`, by a property test.
    """
    add_state, add_due, add_elapsed, add_met_at = (column.append for column in columns)
    # The lowest warning time says whether a running query is at risk. The threshold itself,
    # and the time remaining, follow from the time used and are worked out when asked.
    met_by, pauses, restart, target, at_risk = goal._elapsed_spec
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
        # An event's instant is read only where it counts: most events (received, acknowledged,
        # anything after the clock stopped) only need their kind.
        for event in events:
            kind = event.kind
            if stop is not None:
                if kind is _REOPENED:
                    if restart:
                        used, due = _ZERO, None
                    start, active, paused, stop = event.at, True, False, None
                continue
            if kind is met_by or kind is _CLOSED:
                stop = event.at
                if active:
                    used += stop - start
                    if due is None and used > target:
                        due = stop + (target - used)
                active = paused = False
            elif kind is _PAUSED:
                if pauses and active:
                    at = event.at
                    used += at - start
                    if due is None and used > target:
                        due = at + (target - used)
                    active, paused = False, True
            elif kind is _RESUMED and paused:
                start, active, paused = event.at, True, False
            # A valid log reopens only a closed query, whose clock has stopped (above).
        if active:  # noqa: SIM102 - the inner test alone is marked no mutate
            # Not before the query was received (an empty span would add nothing either way).
            # A deadline passed in this last span is found below: as_of less the span is start.
            if as_of > start:  # pragma: no mutate
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


def status(  # noqa: PLR0912, PLR0915 - the hot path, one pass, by design
    log: EventLog, policy: ResponsePolicy, *, as_of: dt.datetime
) -> tuple[GoalStatus, ...]:
    """Return each goal's standing at *as_of*, computed from the log alone.

    Events after *as_of* are ignored, so a past instant gives the status as it was then.

    >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester, ResponsePolicy
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
    # An instant already in UTC is its own UTC (the common case, and 2 us a call).
    moment = (
        as_of
        if type(as_of) is _DATETIME and as_of.tzinfo is _UTC  # pragma: no mutate (a shortcut)
        else to_utc(as_of, field="as_of")
    )
    single = policy._single
    if single is None:
        return tuple(
            _elapsed_status(log, goal, moment)
            if goal.clock is _ELAPSED
            else _goal_status(log, goal, moment)
            for goal in policy.goals
        )
    # The hot path, one elapsed goal: the loop of `_elapsed_columns` for one query, inlined
    # (a call costs a twentieth of the whole), everything in locals, `_finish` inlined, and
    # no time made that is not kept (a deadline passed is found from the time used after a
    # span, not before it). A property test holds it to the general path, `_clock_status`.
    met_by, pauses, restart, target, _, name, warnings = single
    events = log.events
    start = events[0].at
    # Rare: a log read as it stood in the past (an event at as_of itself is kept either way).
    if events[-1].at > moment:  # pragma: no mutate
        events = events[: bisect.bisect_right(events, moment, key=_AT)]
    active = True
    paused = False
    stop: dt.datetime | None = None
    used = _ZERO
    due: dt.datetime | None = None
    # An event's instant is read only where it counts: most events (received, acknowledged,
    # anything after the clock stopped) only need their kind.
    for event in events:
        kind = event.kind
        if stop is not None:
            if kind is _REOPENED:
                if restart:
                    used, due = _ZERO, None
                start, active, paused, stop = event.at, True, False, None
            continue
        if kind is met_by or kind is _CLOSED:
            stop = event.at
            if active:
                used += stop - start
                if due is None and used > target:
                    due = stop + (target - used)
            active = paused = False
        elif kind is _PAUSED:
            if pauses and active:
                at = event.at
                used += at - start
                if due is None and used > target:
                    due = at + (target - used)
                active, paused = False, True
        elif kind is _RESUMED and paused:
            start, active, paused = event.at, True, False
        # A valid log reopens only a closed query, whose clock has stopped (above).
    if active:  # noqa: SIM102 - the inner test alone is marked no mutate
        # Not before the query was received (an empty span would add nothing either way).
        # A deadline passed in this last span is found below: as_of less the span is start.
        if moment > start:  # pragma: no mutate
            used += moment - start
    left = target - used
    if due is None:
        due = (stop if stop is not None else moment) + left
    warning = 0.0
    for threshold, time in warnings:  # highest first
        if used >= time:
            warning = threshold
            break
    if stop is not None:
        state = _MET if used <= target else _MET_LATE
    elif used > target:
        state = _BREACHED
    elif paused:
        state = _PAUSED_STATE
    else:
        state = _AT_RISK if warning else _RUNNING
    # tuple.__new__ skips the named tuple's own __new__, a Python function: a third of the cost.
    return (_new(GoalStatus, (name, state, due, used, left, warning, stop)),)


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

        >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester, ResponsePolicy
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

    >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester, ResponsePolicy
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
