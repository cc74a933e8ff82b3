"""Accounting duty records: time cut by local period and summed per cell, and the rates that follow."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of
from pact_core.abstraction.policy import (
    _EPOCH,
    AbstractionPolicy,
    ActivityClass,
    DutyRecord,
    _activity,
)
from pact_core.errors import ExceptionGroup, InvalidDutyRecord
from pact_core.intervals import CalendarUnit, Interval, require_aware

if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["Accounts", "Cell", "Overlaps", "Row", "Summary", "account", "account_table"]


class Cell(NamedTuple):
    """One line of the accounts: whose time, which period (its first local date), which class and activity.

    >>> import datetime as dt
    >>> Cell("PC 1", "Strood NPT", "Strood", dt.date(2025, 3, 1), ActivityClass.COMMUNITY, "patrol").period
    datetime.date(2025, 3, 1)
    """

    officer: str
    team: str
    neighbourhood: str
    period: dt.date
    activity_class: ActivityClass
    activity: str


def _cell_order(item: tuple[Cell, int]) -> tuple[object, ...]:
    cell = item[0]
    return (
        cell.officer,
        cell.team,
        cell.neighbourhood,
        cell.period,
        cell.activity_class.value,
        cell.activity,
    )


_Level = Literal["officer", "team", "neighbourhood", "period", "force"]
_ORDER = {kind: n for n, kind in enumerate(ActivityClass)}


def _to_minutes(
    value: Mapping[ActivityClass, Fraction] | Iterable[tuple[ActivityClass, Fraction]],
) -> tuple[tuple[ActivityClass, Fraction], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(((k, Fraction(v)) for k, v in items if v), key=lambda kv: _ORDER[kv[0]]))


@attrs.frozen(kw_only=True)
class Summary:
    """Minutes by class for one officer, team, neighbourhood, period or the force, and the rates they give.

    Rates are None when there is no on-duty time to divide by (never 0).

    >>> Summary(minutes={ActivityClass.COMMUNITY: Fraction(300), ActivityClass.ABSTRACTED: Fraction(100)}).rate
    Fraction(1, 4)
    """

    minutes: tuple[tuple[ActivityClass, Fraction], ...] = attrs.field(converter=_to_minutes)

    def of(self, activity_class: ActivityClass) -> Fraction:
        """The minutes in one class."""
        return dict(self.minutes).get(activity_class, Fraction(0))

    @property
    def on_duty(self) -> Fraction:
        """Minutes on duty: everything but off duty."""
        return sum((v for k, v in self.minutes if k.on_duty), Fraction(0))

    @property
    def rate(self) -> Fraction | None:
        """(abstracted + exceptional emergency) / on duty."""
        if not self.on_duty:
            return None
        return (self.of(ActivityClass.ABSTRACTED) + self.of(ActivityClass.EMERGENCY)) / self.on_duty

    @property
    def rate_excluding_emergencies(self) -> Fraction | None:
        """Abstracted / (on duty - exceptional emergency)."""
        routine = self.on_duty - self.of(ActivityClass.EMERGENCY)
        return self.of(ActivityClass.ABSTRACTED) / routine if routine else None

    @property
    def community_share(self) -> Fraction | None:
        """Time in the community / on duty."""
        return self.of(ActivityClass.COMMUNITY) / self.on_duty if self.on_duty else None


def _is_tz(instance: object, attribute: attrs.Attribute[dt.tzinfo], value: object) -> None:
    if not isinstance(value, dt.tzinfo):
        raise TypeError(f"tz must be a datetime.tzinfo, got {value!r}")


def _to_cells(value: Iterable[tuple[Cell, int]]) -> tuple[tuple[Cell, int], ...]:
    merged: dict[Cell, int] = {}
    for cell, microseconds in value:
        merged[cell] = merged.get(cell, 0) + microseconds
    return tuple(sorted(((c, m) for c, m in merged.items() if m), key=_cell_order))


@attrs.frozen(kw_only=True)
class Accounts:
    """Accounted duty time: whole microseconds per `Cell`, for one kind of period in one time zone. Accounts add.

    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.intervals import Interval
    >>> london = ZoneInfo("Europe/London")
    >>> night = DutyRecord(officer="PC 1", interval=Interval.parse("2025-03-31T22:00+01:00/2025-04-01T06:00+01:00"),
    ...                    activity="patrol", neighbourhood="Strood", team="Strood NPT")
    >>> books = account([night], AbstractionPolicy.default(), tz=london)
    >>> [(cell.period.isoformat(), minutes) for cell, minutes in books.minutes()]
    [('2025-03-01', Fraction(120, 1)), ('2025-04-01', Fraction(360, 1))]
    """

    unit: CalendarUnit = attrs.field(validator=instance_of(CalendarUnit))
    tz: dt.tzinfo = attrs.field(validator=_is_tz)
    cells: tuple[tuple[Cell, int], ...] = attrs.field(default=(), converter=_to_cells)

    def __add__(self, other: Accounts) -> Accounts:
        if not isinstance(other, Accounts):
            return NotImplemented
        if (other.unit, other.tz) != (self.unit, self.tz):
            raise InvalidDutyRecord.must(
                "accounts",
                f"share a unit and zone to add ({self.unit.value}, {self.tz})",
                (other.unit.value, str(other.tz)),
            )
        return Accounts(unit=self.unit, tz=self.tz, cells=self.cells + other.cells)

    def minutes(self) -> tuple[tuple[Cell, Fraction], ...]:
        """Every cell with its minutes (exact)."""
        return tuple((cell, Fraction(m, 60_000_000)) for cell, m in self.cells)

    def summary(self, **where: object) -> Summary:
        """One `Summary` for the cells that match *where* (``officer=``, ``team=``, ``neighbourhood=``, ``period=``)."""
        for key in where:
            if key not in ("officer", "team", "neighbourhood", "period"):
                raise TypeError(f"summary() got an unexpected keyword argument {key!r}")
        return self._summaries((), where).get((), Summary(minutes={}))

    def by(self, *levels: _Level) -> dict[tuple[object, ...], Summary]:
        """A `Summary` for each combination of *levels* (``"officer"``, ``"team"``, ``"neighbourhood"``, ``"period"``; ``"force"`` for all).

        >>> from zoneinfo import ZoneInfo
        >>> Accounts(unit=CalendarUnit.MONTH, tz=ZoneInfo("Europe/London")).by("team")
        {}
        """
        fields = [level for level in levels if level != "force"]
        for level in fields:
            if level not in Cell._fields[:4]:
                raise TypeError(
                    f"levels must be officer, team, neighbourhood, period or force, got {level!r}"
                )
        return self._summaries(tuple(fields), {})

    def _summaries(
        self, fields: tuple[str, ...], where: Mapping[str, object]
    ) -> dict[tuple[object, ...], Summary]:
        """Minutes by class of the cells that match *where*, grouped by *fields*."""
        grouped: dict[tuple[object, ...], dict[ActivityClass, int]] = {}
        for cell, m in self.cells:
            if any(getattr(cell, key) != value for key, value in where.items()):
                continue
            key = tuple(getattr(cell, level) for level in fields)
            totals = grouped.setdefault(key, {})
            totals[cell.activity_class] = totals.get(cell.activity_class, 0) + m
        return {
            key: Summary(minutes={k: Fraction(v, 60_000_000) for k, v in totals.items()})
            for key, totals in sorted(grouped.items(), key=lambda item: tuple(map(str, item[0])))
        }


def _boundaries(
    unit: CalendarUnit, tz: dt.tzinfo, start: dt.datetime, end: dt.datetime
) -> tuple[list[int], list[dt.date]]:
    """The microseconds since the epoch at which each period from *start* to *end* begins, and its first local date."""
    period = unit.period_containing(start, tz=tz)
    starts: list[int] = []
    dates: list[dt.date] = []
    while True:
        starts.append((period.start - _EPOCH) // dt.timedelta(microseconds=1))
        dates.append(period.start.astimezone(tz).date())
        # Going on past *end* would add an empty period, never a cell: no mutate.
        if period.end >= end:  # pragma: no mutate
            break
        period = unit.period_containing(period.end, tz=tz)
    return starts, dates


class Overlaps(enum.Enum):
    """What accounting does where one officer's records overlap: an officer is in one place at a time.

    * ``ERROR`` (the default): every overlapping pair is an error, naming both records;
    * ``LATER_WINS``: the shared time goes to the record that starts later (the change of
      activity: a patrol interrupted by an hour of response cover is that hour's cover);
      of records that start together, the one given later wins (a correction);
    * ``SPLIT``: the shared time is divided equally between the records that share it,
      within each period, to the microsecond (a leftover microsecond goes to the record
      given first).

    Either way every microsecond of the officer's time is counted once.

    >>> [rule.value for rule in Overlaps]
    ['error', 'later wins', 'split']
    """

    ERROR = "error"
    LATER_WINS = "later wins"
    SPLIT = "split"


Row = tuple[str, dt.datetime, dt.datetime, str, str, str]
"""A duty record as a plain row: (officer, start, end, activity, neighbourhood, team)."""

_MICRO = dt.timedelta(microseconds=1)


def _overlaps(
    rows: Sequence[Row], starts: list[int], ends: list[int], noun: str
) -> list[InvalidDutyRecord]:
    """Every pair of one officer's rows that overlap (each later row against the one reaching furthest before it)."""
    problems = []
    by_officer: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_officer.setdefault(row[0], []).append(index)
    for indices in by_officer.values():
        indices.sort(key=lambda i: (starts[i], ends[i]))
        latest = indices[0]
        for index in indices[1:]:
            if starts[index] < ends[latest]:
                a, b = sorted((latest, index))
                first, second = rows[a], rows[b]
                problems.append(
                    InvalidDutyRecord(
                        f"{noun}[{a}] and {noun}[{b}] must not overlap: {first[0]} cannot be on "
                        f"{first[3]!r} ({Interval(first[1], first[2])}) and "
                        f"{second[3]!r} ({Interval(second[1], second[2])}) at once",
                        field="interval",
                        rule="not overlap",
                        value=(a, b),
                        index=b,
                    )
                )
            if ends[index] > ends[latest]:
                latest = index
    return problems


def _instant_error(start: object, end: object, where: str) -> Exception:
    """Why a row's start or end is not an instant: naive, not a datetime, or one that will not subtract."""
    for value, name in ((start, "start"), (end, "end")):
        try:
            require_aware(value, field=f"{where} {name}")
        except (TypeError, ValueError) as err:  # noqa: PERF203 - two values, on the error path
            return err
    return TypeError(f"{where} start and end must be aware datetimes, got {start!r} and {end!r}")


def _checked(
    rows: Sequence[Row], policy: AbstractionPolicy, noun: str, overlaps: Overlaps
) -> tuple[list[ActivityClass | None], list[int], list[int]]:
    """Class every row and read its instants, reporting every problem of the set at once."""
    known = dict(policy.classes)
    problems: list[InvalidDutyRecord] = []
    classes: list[ActivityClass | None] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, (officer, start, end, activity, _, _) in enumerate(rows):
        try:
            # Subtracting an aware datetime gives elapsed time whatever its zone; a naive one
            # (or anything else) cannot be subtracted, and _instant_error says why.
            begin = (start - _EPOCH) // _MICRO
            finish = (end - _EPOCH) // _MICRO
        except TypeError as err:
            raise _instant_error(start, end, f"{noun}[{index}]") from err
        starts.append(begin)
        ends.append(finish)
        kind = known.get(activity)
        if kind is None:
            kind = known.get(_activity(activity))
        classes.append(kind)
        if kind is None:
            problems.append(
                InvalidDutyRecord(
                    f"{noun}[{index}] ({officer}, {activity!r}) must have an activity the policy {policy.name!r} classes",
                    field="activity",
                    rule="be classed by the policy",
                    value=activity,
                    index=index,
                )
            )
        if finish <= begin:
            problems.append(
                InvalidDutyRecord(
                    f"{noun}[{index}] ({officer}) must end after it starts, got {start.isoformat()} to {end.isoformat()}",
                    field="end",
                    rule="be after start",
                    value=end,
                    index=index,
                )
            )
    if overlaps is Overlaps.ERROR:
        problems.extend(_overlaps(rows, starts, ends, noun))
    if problems:
        unindexed = -1  # pragma: no mutate (first: any number below 0 would do)
        problems.sort(key=lambda err: err.index if err.index is not None else unindexed)
        raise ExceptionGroup(f"{len(problems)} problems in {len(rows)} duty records", problems)
    return classes, starts, ends


def _pieces(
    rows: Sequence[Row], starts: list[int], ends: list[int], overlaps: Overlaps, cuts: list[int]
) -> list[tuple[int, int, int]]:
    """Each row's time as (row, begin, end) pieces, overlapping time given as *overlaps* says (*cuts*: period starts, for SPLIT)."""
    if overlaps is Overlaps.ERROR:  # checked: nothing overlaps
        return [(i, begin, end) for i, (begin, end) in enumerate(zip(starts, ends, strict=True))]
    by_officer: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_officer.setdefault(row[0], []).append(index)
    pieces: list[tuple[int, int, int]] = []
    for indices in by_officer.values():
        indices.sort(key=lambda i: (starts[i], ends[i], i))
        cluster, reach = [indices[0]], ends[indices[0]]
        for index in [*indices[1:], -1]:
            if index >= 0 and starts[index] < reach:
                cluster.append(index)
                reach = max(reach, ends[index])
                continue
            pieces += _shared(cluster, starts, ends, overlaps, cuts)
            cluster, reach = [index], ends[index]
    return pieces


def _shared(
    cluster: list[int], starts: list[int], ends: list[int], overlaps: Overlaps, cuts: list[int]
) -> list[tuple[int, int, int]]:
    """The pieces of one officer's records that overlap one another, in a chain."""
    if len(cluster) == 1:
        return [(cluster[0], starts[cluster[0]], ends[cluster[0]])]
    # A cut is needed only where records overlap, never before the second starts, and one
    # at an edge changes nothing: so low may be any start, and < may be <=: no mutate.
    low, high = starts[cluster[0]], max(ends[i] for i in cluster)  # pragma: no mutate
    edges = {starts[i] for i in cluster} | {ends[i] for i in cluster}
    if overlaps is Overlaps.SPLIT:  # a share never crosses into another period
        edges |= {cut for cut in cuts if low < cut < high}  # pragma: no mutate
    points = sorted(edges)
    pieces = []
    for a, b in itertools.pairwise(points):
        here = sorted(i for i in cluster if starts[i] <= a and ends[i] >= b)
        if overlaps is Overlaps.LATER_WINS or len(here) == 1:
            pieces.append((max(here, key=lambda i: (starts[i], i)), a, b))
            continue
        share, extra = divmod(b - a, len(here))
        cursor = a
        for n, i in enumerate(here):
            length = share + (n < extra)
            if length:
                pieces.append((i, cursor, cursor + length))
                cursor += length
    return pieces


def _account_rows(  # noqa: PLR0913 - private, the one core of two entry points
    rows: Sequence[Row],
    policy: AbstractionPolicy,
    *,
    tz: dt.tzinfo,
    unit: CalendarUnit,
    noun: str,
    within: Interval | None,
    overlaps: Overlaps = Overlaps.ERROR,
) -> Accounts:
    """Check every row at once, then cut and sum them: the one core of `account` and `account_table`."""
    classes, starts, ends = _checked(rows, policy, noun, overlaps)
    cuts: list[int] = []
    if overlaps is Overlaps.SPLIT and rows:
        # Period starts over a wider span only add cuts outside every overlap: no mutate.
        first = _EPOCH + min(starts) * _MICRO  # pragma: no mutate
        last = _EPOCH + max(ends) * _MICRO  # pragma: no mutate
        cuts = _boundaries(unit, tz, first, last)[0]
    pieces = _pieces(rows, starts, ends, overlaps, cuts)
    low, high = (
        # Without rows nothing is kept, whatever the bounds: no mutate.
        (min(starts, default=0), max(ends, default=0))  # pragma: no mutate
        if within is None
        # Every record was checked; only the time inside the period is accounted.
        else ((within.start - _EPOCH) // _MICRO, (within.end - _EPOCH) // _MICRO)
    )
    kept = [
        (rows[i], classes[i], max(begin, low), min(finish, high))
        for i, begin, finish in pieces
        if begin < high
        # A piece ending as the period starts has no length, so makes no cell: no mutate.
        and finish > low  # pragma: no mutate
    ]
    cells: dict[tuple[Any, ...], int] = {}  # (officer, team, neighbourhood, slot, class, activity)
    dates: list[dt.date] = []
    if kept:
        # Periods from any earlier start only add empty ones, never a cell: no mutate.
        first = _EPOCH + min(item[2] for item in kept) * _MICRO  # pragma: no mutate
        last_micro = max(item[3] for item in kept)
        bounds, dates = _boundaries(unit, tz, first, _EPOCH + last_micro * _MICRO)
        bounds.append(last_micro)
        find = bisect.bisect_right
        names: dict[str, str] = {}
        for row, kind, begin, finish in kept:
            slot = find(bounds, begin) - 1
            known_name = names.get(row[3])  # pragma: no mutate (a cache: a miss reads it again)
            activity = (
                known_name
                if known_name is not None
                else names.setdefault(row[3], _activity(row[3]))
            )
            cursor = begin
            while True:
                upto = bounds[slot + 1]
                cell = (row[0], row[5], row[4], slot, kind, activity)
                if finish <= upto:
                    cells[cell] = cells.get(cell, 0) + finish - cursor
                    break
                cells[cell] = cells.get(cell, 0) + upto - cursor
                cursor = upto
                slot += 1
    return Accounts(
        unit=unit,
        tz=tz,
        cells=[
            (Cell(officer, team, place, dates[slot], kind, activity), micro)
            for (officer, team, place, slot, kind, activity), micro in cells.items()
        ],
    )


def _arguments(
    policy: object, tz: object, unit: CalendarUnit | str, overlaps: object
) -> CalendarUnit:
    if not isinstance(overlaps, Overlaps):
        raise TypeError(f"overlaps must be an Overlaps, got {overlaps!r}")
    if not isinstance(policy, AbstractionPolicy):
        raise TypeError(f"policy must be an AbstractionPolicy, got {policy!r}")
    if not isinstance(tz, dt.tzinfo):
        raise TypeError(f"tz must be a datetime.tzinfo, got {tz!r}")
    return CalendarUnit.parse(unit) if not isinstance(unit, CalendarUnit) else unit


def _within(within: object) -> Interval | None:
    if within is not None and not isinstance(within, Interval):
        raise TypeError(f"within must be an Interval or None, got {within!r}")
    return within


def account(  # noqa: PLR0913 - the options are keyword-only
    records: Iterable[DutyRecord],
    policy: AbstractionPolicy,
    *,
    tz: dt.tzinfo,
    unit: CalendarUnit | str = CalendarUnit.MONTH,
    within: Interval | None = None,
    overlaps: Overlaps = Overlaps.ERROR,
) -> Accounts:
    """Account duty records by local *unit* of *tz*: every record checked, cut at period boundaries, summed.

    An activity the policy does not class, and every pair of one officer's overlapping
    records, are reported at once (an `ExceptionGroup` of `InvalidDutyRecord`, each
    naming the records by index): nothing is silently defaulted or counted twice.
    With *overlaps* ``Overlaps.LATER_WINS`` or ``Overlaps.SPLIT``, overlapping records
    are no error: their shared time goes to one of them, or is divided, once.
    With *within*, only the time inside that interval is accounted (a record that
    straddles its edge counts in part); every record given is still checked.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.intervals import Interval
    >>> records = [DutyRecord(officer="PC 1", interval=Interval.parse(text), activity=what, neighbourhood="Strood", team="Strood NPT")
    ...            for text, what in [("2025-03-03T07:00Z/PT6H", "patrol"), ("2025-03-03T13:00Z/PT2H", "response cover")]]
    >>> summary = account(records, AbstractionPolicy.default(), tz=ZoneInfo("Europe/London")).summary(officer="PC 1")
    >>> summary.rate, summary.community_share
    (Fraction(1, 4), Fraction(3, 4))
    """
    checked = _arguments(policy, tz, unit, overlaps)
    rows = [
        (r.officer, r.interval.start, r.interval.end, r.activity, r.neighbourhood, r.team)
        for r in all_of(records, DutyRecord, "records")
    ]
    return _account_rows(
        rows, policy, tz=tz, unit=checked, noun="records", within=_within(within), overlaps=overlaps
    )


def account_table(  # noqa: PLR0913 - the options are keyword-only
    rows: Iterable[Row],
    policy: AbstractionPolicy,
    *,
    tz: dt.tzinfo,
    unit: CalendarUnit | str = CalendarUnit.MONTH,
    within: Interval | None = None,
    overlaps: Overlaps = Overlaps.ERROR,
) -> Accounts:
    """Account plain rows ``(officer, start, end, activity, neighbourhood, team)``, as a force's duty table holds them.

    The same checks and the same `Accounts` as `account`, without building a `DutyRecord`
    for each row: the way to account a large table, or a partition of one.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> start = dt.datetime(2025, 3, 3, 7, tzinfo=dt.timezone.utc)
    >>> books = account_table([("PC 1", start, start + dt.timedelta(hours=8), "patrol", "Strood", "Strood NPT")],
    ...                       AbstractionPolicy.default(), tz=ZoneInfo("Europe/London"))
    >>> books.summary().community_share
    Fraction(1, 1)
    """
    checked = _arguments(policy, tz, unit, overlaps)
    items = list(rows)
    given: list[object] = list(items)
    for row in given:
        if not isinstance(row, tuple) or len(row) != 6:
            raise TypeError(
                f"rows must be (officer, start, end, activity, neighbourhood, team) tuples, got {row!r}"
            )
    return _account_rows(
        items, policy, tz=tz, unit=checked, noun="rows", within=_within(within), overlaps=overlaps
    )
