"""The query and its event log: who asked, how, and what happened to it, checked as a whole."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidEventLog
from pact_core.intervals import to_utc

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from typing_extensions import Self


__all__ = ["Channel", "Event", "EventKind", "EventLog", "Query", "Requester"]


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
