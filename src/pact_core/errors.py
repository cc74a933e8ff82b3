"""The exceptions pact_core raises on purpose.

Every error pact_core raises on purpose is a `PactError`, and every concrete error
also subclasses the builtin exception its category fits, so generic code that catches
`ValueError` keeps working:

>>> from pact_core.errors import InvalidInterval, PactError
>>> issubclass(InvalidInterval, PactError) and issubclass(InvalidInterval, ValueError)
True

Messages follow one pattern, ``<subject> must <rule>, got <value>``, and the parts are
kept as attributes so that a caller can act on them without parsing the text:

>>> err = InvalidInterval.must("end", "be after start", "2024-01-01T00:00:00Z")
>>> str(err)
"end must be after start, got '2024-01-01T00:00:00Z'"
>>> err.field, err.rule
('end', 'be after start')

A wrong *type* of argument is a plain `TypeError`, not a `PactError`: it is a bug in the
calling code, not bad data.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

if sys.version_info >= (3, 11):  # pragma: no cover - the branch taken depends on the interpreter
    from builtins import ExceptionGroup
else:  # pragma: no cover
    from exceptiongroup import ExceptionGroup

__all__ = [
    "ExceptionGroup",
    "InvalidBallot",
    "InvalidCalendar",
    "InvalidCase",
    "InvalidChoice",
    "InvalidCode",
    "InvalidComplaint",
    "InvalidCoordinate",
    "InvalidCrime",
    "InvalidDatetime",
    "InvalidDuration",
    "InvalidDutyRecord",
    "InvalidElection",
    "InvalidEventLog",
    "InvalidGeometry",
    "InvalidInterval",
    "InvalidNeighbourhoodMap",
    "InvalidPanel",
    "InvalidPlainData",
    "InvalidPoliceData",
    "InvalidPolicy",
    "InvalidPriority",
    "InvalidTeam",
    "PactError",
    "UnknownRankError",
    "UnsupportedYearError",
]

_E = TypeVar("_E", bound="PactError")

_MISSING: Any = object()


class PactError(Exception):
    """The root of every exception pact_core raises on purpose.

    Catch it to handle any problem pact_core found in your data.
    When the error is about one input, `field` names it, `rule` is the rule it broke,
    and `value` is the offending value itself (not its text).

    >>> try:
    ...     raise PactError.must("ward code", "start with E05", "X05000001")
    ... except PactError as err:
    ...     print(err, "|", err.value)
    ward code must start with E05, got 'X05000001' | X05000001
    """

    field: str | None
    rule: str | None
    value: object

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.rule = rule
        self.value = value

    @classmethod
    def must(
        cls: type[_E],
        field: str,
        rule: str,
        value: object,
        *,
        shown: str = _MISSING,
    ) -> _E:
        """Build the error with the house message ``<field> must <rule>, got <value>``.

        The value is shown with `repr` unless *shown* gives a better rendering
        (an ISO 8601 instant, for example).

        >>> str(InvalidDatetime.must("start", "be timezone-aware", None, shown="2024-01-01T00:00"))
        'start must be timezone-aware, got 2024-01-01T00:00'
        """
        text = repr(value) if shown is _MISSING else shown
        return cls(f"{field} must {rule}, got {text}", field=field, rule=rule, value=value)


class InvalidDatetime(PactError, ValueError):
    """A datetime that pact_core cannot use, usually because it is naive.

    pact_core compares instants, so it needs to know where on the time line a
    datetime lies: a datetime without a UTC offset is ambiguous input.

    >>> import datetime as dt
    >>> from pact_core.intervals import require_aware
    >>> require_aware(dt.datetime(2025, 3, 28, 12), field="received")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidDatetime: received must be timezone-aware, got naive 2025-03-28T12:00:00
    """


class InvalidInterval(PactError, ValueError):
    """An interval that cannot exist, such as one that ends before it starts.

    >>> from pact_core.intervals import Interval
    >>> Interval.parse("2024-01-02T00:00Z/2024-01-01T00:00Z")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidInterval: end must be after start, got start=2024-01-02T00:00:00Z end=2024-01-01T00:00:00Z
    """


class InvalidChoice(PactError, ValueError):
    """An argument that must be one of a fixed set of names, and is not.

    >>> from pact_core.intervals import CalendarUnit
    >>> CalendarUnit.parse("fortnight")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidChoice: unit must be one of 'day', 'week', 'month', got 'fortnight'
    """


class InvalidDuration(PactError, ValueError):
    """A duration that cannot be used, such as a negative amount of working time.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.calendars import WorkingCalendar
    >>> office = WorkingCalendar(tz=ZoneInfo("Europe/London"))
    >>> office.add_working_time(dt.datetime(2025, 1, 6, 9, tzinfo=office.tz), dt.timedelta(hours=-1))
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidDuration: duration must not be negative, got datetime.timedelta(days=-1, seconds=82800)
    """


class InvalidCalendar(PactError, ValueError):
    """A holiday or working calendar that cannot exist.

    Calendars are document-like inputs, so their problems come all at once, each an
    `InvalidCalendar` inside an `ExceptionGroup`:

    >>> import datetime as dt
    >>> from pact_core.calendars import HolidayCalendar
    >>> try:
    ...     HolidayCalendar.england_and_wales(removals=[dt.date(2025, 1, 2), dt.date(2025, 1, 3)])
    ... except ExceptionGroup as group:
    ...     for err in group.exceptions:
    ...         print(err)
    removals must be holidays under the rules, got datetime.date(2025, 1, 2)
    removals must be holidays under the rules, got datetime.date(2025, 1, 3)
    """


class UnsupportedYearError(PactError, ValueError):
    """A year outside the range that a set of holiday rules covers.

    The England and Wales rules start with the Banking and Financial Dealings Act 1971.

    >>> import datetime as dt
    >>> from pact_core.calendars import HolidayCalendar
    >>> HolidayCalendar.england_and_wales().holidays(1970)
    Traceback (most recent call last):
    ...
    pact_core.errors.UnsupportedYearError: year must be from 1971 to 4099 for the England and Wales rules, got 1970
    """


class InvalidCode(PactError, ValueError):
    """A malformed ONS GSS code, such as a ward code with the wrong prefix or length.

    >>> from pact_core.geography import WardCode
    >>> WardCode("E5014449")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidCode: ward code must be E05, W05, S13 or N08 and 6 digits, got 'E5014449'
    """


class InvalidCoordinate(PactError, ValueError):
    """A latitude or longitude out of range, or a coordinate that is not a finite number.

    >>> from shapely import box
    >>> from pact_core.geography import Ward, WardCode, WardLocator
    >>> locator = WardLocator.from_wards([Ward(code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 51, 1, 52))])
    >>> locator.locate(lat=151.5, lon=0.5)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidCoordinate: coordinates must be finite, with latitude within ±90 and longitude within ±180, got lat=151.5, lon=0.5 at index 0 (1 bad in all)
    """


class InvalidGeometry(PactError, ValueError):
    """A geometry that cannot be used: empty, of the wrong type, or invalid.

    `reason` holds shapely's explanation when the geometry is invalid.

    >>> from shapely import Polygon
    >>> from pact_core.geography import Ward, WardCode
    >>> bow_tie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    >>> Ward(code=WardCode("E05000001"), name="Bow", generation="WD25", geometry=bow_tie)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidGeometry: geometry must be valid, got Self-intersection[0.5 0.5]
    """

    reason: str | None

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        value: object = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message, field=field, rule=rule, value=value)
        self.reason = reason


class InvalidNeighbourhoodMap(PactError, ValueError):
    """One problem with a force's neighbourhood map; a map's problems come all at once.

    `problem` names the kind (``"uncovered"``, ``"claimed twice"``, ``"unknown ward"``,
    ``"part outside ward"``, ``"parts overlap"``, ``"parts leave a gap"``,
    ``"duplicate neighbourhood"``, ``"wrong force"``), `ward` the ward code it is about
    (or None) and `neighbourhoods` the ids of the neighbourhoods involved.

    >>> from shapely import box
    >>> from pact_core.geography import CoordinateSystem, NeighbourhoodMap, Ward, WardCode
    >>> ward = Ward(code=WardCode("E05000001"), name="East", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> try:
    ...     NeighbourhoodMap(force="kent", wards=[ward], neighbourhoods=[], coordinates=CoordinateSystem.METRES)
    ... except ExceptionGroup as group:
    ...     problem = group.exceptions[0]
    >>> problem.problem, problem.ward, str(problem)
    ('uncovered', 'E05000001', 'ward E05000001 (East) must be covered by a neighbourhood, got none')
    """

    problem: str
    ward: str | None
    neighbourhoods: tuple[str, ...]

    def __init__(
        self,
        message: str,
        *,
        problem: str,
        ward: str | None = None,
        neighbourhoods: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, field="neighbourhoods", rule=problem, value=ward)
        self.problem = problem
        self.ward = ward
        self.neighbourhoods = neighbourhoods


class InvalidPanel(PactError, ValueError):
    """A PACT panel that cannot exist, such as one whose meeting cadence runs backwards.

    >>> from pact_core.panels import Panel
    >>> Panel(force="kent", neighbourhood="Strood", name="Strood PACT", min_months=4, max_months=2)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPanel: max_months must not be less than min_months, got 2
    """


class InvalidTeam(PactError, ValueError):
    """A team member, team or team model that cannot exist.

    >>> from pact_core.teams import Role, TeamModel
    >>> TeamModel(name="Volunteers only", leader=Role.POLICE_SUPPORT_VOLUNTEER)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidTeam: leader must be a police rank: teams are led by police officers, got <Role.POLICE_SUPPORT_VOLUNTEER: 'police support volunteer'>
    """


class UnknownRankError(PactError, ValueError):
    """A free-text rank title that pact_core cannot map to a role.

    >>> from pact_core.teams import parse_rank
    >>> parse_rank("Wizard")
    Traceback (most recent call last):
    ...
    pact_core.errors.UnknownRankError: rank must be a known police rank or role title, got 'Wizard'
    """


class _Indexed(PactError):
    """An error about one item of a list-like input: `index` is its position (None when about the whole)."""

    index: int | None

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        value: object = None,
        index: int | None = None,
    ) -> None:
        super().__init__(message, field=field, rule=rule, value=value)
        self.index = index


class InvalidEventLog(_Indexed, ValueError):
    """One impossible thing in a query's event log; a log's problems come all at once.

    `index` is the position of the event in time order (None when the problem is the
    log as a whole) and `kind` its `pact_core.response.EventKind`.

    >>> import datetime as dt
    >>> from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester
    >>> query = Query(id="Q1", requester=Requester.RESIDENT, channel=Channel.ONLINE, force="kent", neighbourhood="Strood")
    >>> at = dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc)
    >>> try:
    ...     EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=at), Event(kind=EventKind.RESUMED, at=at)])
    ... except ExceptionGroup as group:
    ...     print(group.exceptions[0])
    events[1] (resumed at 2025-01-06T09:00:00+00:00) must not resume a query that is not paused
    """

    kind: object

    def __init__(  # noqa: PLR0913 - the house keywords, and where in the log
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        value: object = None,
        index: int | None = None,
        kind: object = None,
    ) -> None:
        super().__init__(message, field=field, rule=rule, value=value, index=index)
        self.kind = kind


class InvalidCrime(PactError, ValueError):
    """A crime, a table of crimes or a question about them that cannot be: a point out of range, tables of different publications added, a population that is not a count.

    >>> from pact_core.crime import Category, Crime, Month
    >>> Crime(id=None, month=Month(2022, 1), category=Category.ANTI_SOCIAL_BEHAVIOUR, point=(0.5, 91.0), location="On or near High Street")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidCrime: point must be (longitude, latitude) within -180..180 and -90..90, got (0.5, 91.0)
    """


class InvalidPolicy(PactError, ValueError):
    """A response policy, goal or escalation ladder, or an ASB Case Review threshold or procedure, that cannot be.

    >>> from pact_core.response import EscalationLadder
    >>> EscalationLadder(steps=[], recourse="write to the PCC")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPolicy: steps must hold at least one step, got ()
    """


class InvalidBallot(_Indexed, ValueError):
    """A ballot that cannot be counted; a list of ballots reports every bad one at once.

    `index` is the ballot's position in the list it came in (None for a ballot built alone).

    >>> from pact_core.selection import ranked_ballots
    >>> try:
    ...     ranked_ballots([["a", "b"], ["a", "a"], ["c"]], weights=[1, 2, 0])
    ... except ExceptionGroup as group:
    ...     for err in group.exceptions:
    ...         print(err)
    ballots[1].ranking must rank each candidate once, got ['a']
    ballots[2].weight must be at least 1, got 0
    """


class InvalidElection(PactError, ValueError):
    """Arguments of a selection rule that cannot be, such as no seats to fill.

    >>> from pact_core.selection import plurality
    >>> plurality([], seats=0)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidElection: seats must be at least 1, got 0
    """


class InvalidPriority(PactError, ValueError):
    """A concern, priority or register of priorities that cannot be.

    >>> import datetime as dt
    >>> from pact_core.priorities import Concern
    >>> Concern(id="C1", text="Speeding on Maidstone Road", category="speeding", force="kent",
    ...         neighbourhood="Chatham", raised=dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc), resident="Jane Smith")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPriority: resident must be a pseudonymous id without spaces (never a name), got 'Jane Smith'
    """


class InvalidDutyRecord(_Indexed, ValueError):
    """A duty record, or a set of them, that cannot be accounted; a set's problems come all at once.

    `index` is the position of the record (or row) in what was given, None when the problem
    is not one record's.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.abstraction import AbstractionPolicy, account_table
    >>> at = lambda h: dt.datetime(2025, 3, 3, h, tzinfo=dt.timezone.utc)
    >>> try:
    ...     account_table([("PC 1", at(7), at(15), "patrol", "Strood", "NPT"), ("PC 1", at(14), at(16), "juggling", "Strood", "NPT")],
    ...                   AbstractionPolicy.default(), tz=ZoneInfo("Europe/London"))
    ... except ExceptionGroup as group:
    ...     for err in group.exceptions:
    ...         print(err)
    rows[1] (PC 1, 'juggling') must have an activity the policy 'pact_core default' classes
    rows[0] and rows[1] must not overlap: PC 1 cannot be on 'patrol' (2025-03-03T07:00:00Z/2025-03-03T15:00:00Z) and 'juggling' (2025-03-03T14:00:00Z/2025-03-03T16:00:00Z) at once
    """


class InvalidComplaint(_Indexed, ValueError):
    """A complaint of anti-social behaviour, or an ASB Case Review application, that cannot be.

    An application's problems come all at once; `index` is the position of the complaint
    in the application (None when the problem is the application's own).

    >>> import datetime as dt
    >>> from pact_core.case_review import Body, Complaint
    >>> at = dt.datetime(2025, 3, 1, 22, tzinfo=dt.timezone.utc)
    >>> Complaint(reference="K-1", body=Body.POLICE, complainant="Jane Smith", behaviour_at=at,
    ...           reported_at=at, location="Hill Road")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidComplaint: complainant must be a pseudonymous id without spaces (never a name), got 'Jane Smith'
    """


class InvalidCase(_Indexed, ValueError):
    """One impossible thing in an ASB Case Review's record of events; a case's problems come all at once.

    `index` is the position of the event in time order (None when the problem is the case's own).

    >>> import datetime as dt
    >>> from pact_core.case_review import Application, Case, CaseEvent, Stage
    >>> at = dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone.utc)
    >>> application = Application(id="ASB-1", applicant="A-7", received_at=at, complaints=[])
    >>> try:
    ...     Case(application=application, events=[CaseEvent(stage=Stage.MEETING, at=at - dt.timedelta(days=1))])
    ... except ExceptionGroup as group:
    ...     for err in group.exceptions:
    ...         print(err)
    events[0] (meeting at 2025-03-02T10:00:00+00:00) must not come before the application was received (2025-03-03T10:00:00+00:00)
    events[0] (meeting at 2025-03-02T10:00:00+00:00) must come after a decision to review
    """


class _AtPath(PactError):
    """An error about one field of a JSON-like input: `path` is where it is (empty for the whole)."""

    path: str

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        rule: str | None = None,
        value: object = None,
        path: str = "",
    ) -> None:
        super().__init__(message, field=field, rule=rule, value=value)
        self.path = path


class InvalidPoliceData(_AtPath, ValueError):
    """A field of a police.uk JSON answer that pact_core cannot read; an answer's problems come all at once.

    `path` is where the field is, in the answer as given: ``[3]["issue-date"]``.

    >>> import datetime as dt
    >>> from pact_core.policeuk import priorities_from_policeuk
    >>> try:
    ...     priorities_from_policeuk([{"issue": "<p>Parking</p>", "issue-date": "last Tuesday", "action": None, "action-date": None}],
    ...                              tz=dt.timezone.utc)
    ... except ExceptionGroup as group:
    ...     print(group.exceptions[0].path, "|", group.exceptions[0])
    [0]["issue-date"] | [0]["issue-date"] must be an ISO 8601 date and time, got 'last Tuesday'
    """


class InvalidPlainData(_AtPath, ValueError):
    """A field of plain data (`pact_core.plain`) that cannot be read as the type asked for.

    `path` is where the field is, in the data as given: ``["events"][2]["at"]``
    (empty for the data as a whole). A value's problems come all at once, in an
    `ExceptionGroup`; a problem the value's own constructor found (an interval that ends
    before it starts) is reported at the path of that value, and chained as the cause.

    >>> from pact_core.plain import from_plain
    >>> from pact_core.intervals import Interval
    >>> try:
    ...     from_plain(Interval, {"start": "2024-01-01T00:00:00+00:00", "end": "soon"})
    ... except ExceptionGroup as group:
    ...     print(group.exceptions[0].path, "|", group.exceptions[0])
    ["end"] | ["end"] must be an ISO 8601 date and time with an offset (RFC 9557), got 'soon'
    """
