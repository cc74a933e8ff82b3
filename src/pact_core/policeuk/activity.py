"""Neighbourhood priorities and events in the police.uk shapes.

police.uk sends dates without a time zone: they are read as wall-clock time in a
caller-given ``tz`` (Europe/London for England and Wales) and written back the same way.
Issues and actions come as HTML and are read as plain text; they go out escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from pact_core.policeuk._reading import (
    MAYBE_TEXT,
    MAYBE_WHEN,
    PAIRS,
    TEXT,
    WHEN,
    Reader,
    key,
    local_text,
    text_to_html,
)

if TYPE_CHECKING:
    from pact_core.priorities import Priority

__all__ = [
    "PoliceEvent",
    "PolicePriority",
    "events_from_policeuk",
    "priorities_from_policeuk",
]


def _check_tz(tz: object) -> dt.tzinfo:
    if not isinstance(tz, dt.tzinfo):
        raise TypeError(f"tz must be a datetime.tzinfo, got {tz!r}")
    return tz


_T = TypeVar("_T")
_ItemReader = Callable[[Reader, object, str, dt.tzinfo], "_T | None"]


def _read_one(read: _ItemReader[_T], data: object, tz: dt.tzinfo, what: str) -> _T:
    """Read one object, every bad field reported at once."""
    reader = Reader()
    found = read(reader, data, "", _check_tz(tz))
    reader.done(what)
    assert found is not None  # noqa: S101 - done() raised otherwise
    return found


def _read_all(read: _ItemReader[_T], data: object, tz: dt.tzinfo, what: str) -> tuple[_T, ...]:
    """Read a list of objects, every bad field of every item reported at once with its path."""
    tz = _check_tz(tz)
    reader = Reader()
    found = [read(reader, item, key("", n), tz) for n, item in enumerate(reader.items(data, ""))]
    reader.done(what)
    return tuple(item for item in found if item is not None)


@attrs.frozen(kw_only=True)
class PolicePriority:
    """A neighbourhood priority as police.uk publishes it: the issue, when it was set, and the latest action.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> item = {"issue": "<p>To reduce street drinking in Museum Square.</p>", "issue-date": "2015-10-08T00:00:00",
    ...         "action": None, "action-date": None}
    >>> priority = PolicePriority.from_policeuk(item, tz=ZoneInfo("Europe/London"))
    >>> priority.issue, priority.issue_date.isoformat(), priority.action
    ('To reduce street drinking in Museum Square.', '2015-10-08T00:00:00+01:00', None)
    """

    issue: str = attrs.field(validator=TEXT)
    issue_date: dt.datetime = attrs.field(validator=WHEN)
    action: str | None = attrs.field(validator=MAYBE_TEXT)
    action_date: dt.datetime | None = attrs.field(validator=MAYBE_WHEN)

    @classmethod
    def from_policeuk(cls, data: object, *, tz: dt.tzinfo) -> PolicePriority:
        """Read one ``{issue, issue-date, action, action-date}`` object."""
        return _read_one(_priority, data, tz, "a priority")

    @classmethod
    def from_priority(cls, priority: Priority) -> PolicePriority:
        """What police.uk shows of a priority of the register: its text, issue date and latest action.

        >>> import datetime as dt
        >>> from pact_core.panels import Panel
        >>> from pact_core.priorities import EventKind, Issue, Priority, PriorityEvent
        >>> at = lambda *a: dt.datetime(*a, 19, tzinfo=dt.timezone.utc)
        >>> p = Priority(id="P1", panel=Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT"),
        ...              issue=Issue(category="speeding", place="Maidstone Road"), text="Speeding on Maidstone Road",
        ...              events=[PriorityEvent(kind=EventKind.ADOPTED, at=at(2025, 1, 15)),
        ...                      PriorityEvent(kind=EventKind.ACTION, at=at(2025, 2, 3), note="Speed checks")])
        >>> PolicePriority.from_priority(p).action
        'Speed checks'
        """
        return cls(issue=priority.text, issue_date=priority.issue_date, action=priority.action,
                   action_date=priority.action_date)  # fmt: skip

    def to_policeuk(self, *, tz: dt.tzinfo) -> dict[str, Any]:
        """The police.uk object: text as escaped HTML, dates as wall-clock time in *tz*."""
        _check_tz(tz)
        return {
            "issue": text_to_html(self.issue),
            "issue-date": local_text(self.issue_date, tz),
            "action": None if self.action is None else text_to_html(self.action),
            "action-date": None if self.action_date is None else local_text(self.action_date, tz),
        }


def _priority(reader: Reader, data: object, path: str, tz: dt.tzinfo) -> PolicePriority | None:
    found = reader.mapping(data, path)
    if found is None:
        return None
    issue = reader.text(found, "issue", path, markup=True)
    issued = reader.instant(found, "issue-date", path, tz)
    action = reader.text(found, "action", path, required=False, markup=True)
    acted = reader.instant(found, "action-date", path, tz, required=False)
    if issue is None or issued is None:
        return None
    return PolicePriority(issue=issue, issue_date=issued, action=action, action_date=acted)


def priorities_from_policeuk(data: object, *, tz: dt.tzinfo) -> tuple[PolicePriority, ...]:
    """Read a ``/{force}/{neighbourhood}/priorities`` list, every bad field reported at once with its path.

    >>> import datetime as dt
    >>> [p.issue for p in priorities_from_policeuk([{"issue": "Parking", "issue-date": "2016-04-14T00:00:00",
    ...                                              "action": None, "action-date": None}], tz=dt.timezone.utc)]
    ['Parking']
    """
    return _read_all(_priority, data, tz, "the priorities")


@attrs.frozen(kw_only=True)
class PoliceEvent:
    """A neighbourhood event police.uk lists: a beat surgery, a meeting, a street briefing.

    >>> import datetime as dt
    >>> event = PoliceEvent.from_policeuk({"title": "Drop In Beat Surgery", "type": "meeting", "description": None,
    ...     "address": "17 Guildhall Lane", "contact_details": {}, "start_date": "2016-09-17T12:00:00",
    ...     "end_date": "2016-09-17T14:00:00"}, tz=dt.timezone.utc)
    >>> event.title, event.end - event.start
    ('Drop In Beat Surgery', datetime.timedelta(seconds=7200))
    """

    title: str = attrs.field(validator=TEXT)
    type: str | None = attrs.field(validator=MAYBE_TEXT)
    description: str | None = attrs.field(validator=MAYBE_TEXT)
    address: str | None = attrs.field(validator=MAYBE_TEXT)
    contact_details: tuple[tuple[str, str], ...] = attrs.field(validator=PAIRS)
    start: dt.datetime = attrs.field(validator=WHEN)
    end: dt.datetime | None = attrs.field(validator=MAYBE_WHEN)

    @classmethod
    def from_policeuk(cls, data: object, *, tz: dt.tzinfo) -> PoliceEvent:
        """Read one event object."""
        return _read_one(_event, data, tz, "an event")

    def to_policeuk(self, *, tz: dt.tzinfo) -> dict[str, Any]:
        """The police.uk object: text escaped, dates as wall-clock time in *tz*."""
        _check_tz(tz)
        return {
            "title": text_to_html(self.title).removeprefix("<p>").removesuffix("</p>"),
            "type": self.type,
            "description": None if self.description is None else text_to_html(self.description),
            "address": None
            if self.address is None
            else text_to_html(self.address).removeprefix("<p>").removesuffix("</p>"),
            "contact_details": dict(self.contact_details),
            "start_date": local_text(self.start, tz),
            "end_date": None if self.end is None else local_text(self.end, tz),
        }


def _event(reader: Reader, data: object, path: str, tz: dt.tzinfo) -> PoliceEvent | None:
    found = reader.mapping(data, path)
    if found is None:
        return None
    title = reader.text(found, "title", path)
    start = reader.instant(found, "start_date", path, tz)
    end = reader.instant(found, "end_date", path, tz, required=False)
    if start is not None and end is not None and end < start:
        reader.fail(
            key(path, "end_date"),
            f"not come before the start ({found.get('start_date')})",
            found.get("end_date"),
        )
    event_type = reader.text(found, "type", path, required=False)
    description = reader.text(found, "description", path, required=False, markup=True)
    address = reader.text(found, "address", path, required=False)
    contact = reader.pairs(found, "contact_details", path)
    if title is None or start is None:
        return None
    return PoliceEvent(title=title, type=event_type, description=description, address=address,
                       contact_details=contact, start=start, end=end)  # fmt: skip


def events_from_policeuk(data: object, *, tz: dt.tzinfo) -> tuple[PoliceEvent, ...]:
    """Read a ``/{force}/{neighbourhood}/events`` list, every bad field reported at once with its path.

    >>> import datetime as dt
    >>> events_from_policeuk([], tz=dt.timezone.utc)
    ()
    """
    tz = _check_tz(tz)
    reader = Reader()
    found = [_event(reader, item, key("", n), tz) for n, item in enumerate(reader.items(data, ""))]
    reader.done("the events")
    return tuple(e for e in found if e is not None)
