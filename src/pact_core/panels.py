"""PACT panels: who sits on them, when they meet, which councillors they invite, and the ward-by-ward directory.

PACT panels are engagement, not geography: this module uses `pact_core.geography` to find
the wards a panel serves, and geography knows nothing of panels.
Councillors are automatically invited to any PACT in their ward, with sufficient notice
of meetings (Medway cabinet decision, 2010, d). Panels meet every 2 to 4 months
(Maidstone scrutiny briefing, 2009, 2.5).
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of, optional
from dateutil.relativedelta import relativedelta

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidPanel
from pact_core.geography.codes import WardCode
from pact_core.geography.neighbourhoods import Neighbourhood, NeighbourhoodMap
from pact_core.intervals import Interval, aware, elapsed, require_aware

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pact_core.geography.wards import Ward

__all__ = [
    "Cadence",
    "Councillor",
    "DirectoryEntry",
    "Meeting",
    "MeetingKind",
    "Panel",
    "PanelMember",
    "directory",
]

_nonblank = nonblank(InvalidPanel)


@attrs.frozen(kw_only=True, order=True)
class PanelMember:
    """A member of a PACT panel, the organisation they come from, and whether they vote.

    Councillors and officers often sit on a panel without a vote; *voting* says so.
    A member's identity within a panel is their *name*.

    >>> PanelMember(name="A. Resident", organisation="Strood Residents' Association").voting
    True
    >>> PanelMember(name="Cllr B", organisation="Medway Council", role="councillor", voting=False).voting
    False
    """

    name: str = attrs.field(validator=_nonblank)
    organisation: str = attrs.field(validator=_nonblank)
    role: str = attrs.field(default="member", validator=_nonblank)
    voting: bool = attrs.field(default=True, validator=instance_of(bool))


@attrs.frozen(kw_only=True, order=True)
class Councillor:
    """A ward councillor: plain data the caller passes in, never looked up.

    >>> Councillor(name="Cllr Example", ward=WardCode("E05014467")).ward
    WardCode('E05014467')
    """

    ward: WardCode = attrs.field(validator=instance_of(WardCode))
    name: str = attrs.field(validator=_nonblank)
    contact: str | None = attrs.field(default=None)


def _to_members(value: Iterable[PanelMember]) -> tuple[PanelMember, ...]:
    members = all_of(value, PanelMember, "members")
    return tuple(sorted(members))


def _positive(instance: object, attribute: attrs.Attribute[dt.timedelta], value: object) -> None:
    if not isinstance(value, dt.timedelta):
        raise TypeError(f"{attribute.name} must be a datetime.timedelta, got {value!r}")
    if value < dt.timedelta(0):
        raise InvalidPanel.must(attribute.name, "not be negative", value)


def _months(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {value!r}")
    if value < 1:
        raise InvalidPanel.must(attribute.name, "be at least 1", value)


@attrs.frozen(kw_only=True)
class Panel:
    """A PACT panel: the neighbourhood it serves, its members, its meeting cadence and notice policy.

    The cadence is a number of calendar months between meetings, 2 to 4 by default
    (the guidance). *notice* is how long before a meeting councillors must be invited;
    no source fixes it, so it is policy, 7 days by default.
    Members' names must be unique: a name is how a meeting records who was present.

    >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
    >>> import datetime as dt
    >>> last = dt.datetime(2025, 1, 15, 19, tzinfo=dt.timezone.utc)
    >>> panel.next_meeting_window(last)
    Interval.parse('2025-03-15T19:00:00Z/2025-05-15T19:00:00Z')
    """

    force: str = attrs.field(validator=_nonblank)
    neighbourhood: str = attrs.field(validator=_nonblank)
    name: str = attrs.field(validator=_nonblank)
    members: tuple[PanelMember, ...] = attrs.field(default=(), converter=_to_members)
    min_months: int = attrs.field(default=2, validator=_months)
    max_months: int = attrs.field(default=4, validator=_months)
    notice: dt.timedelta = attrs.field(default=dt.timedelta(days=7), validator=_positive)
    contact: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.max_months < self.min_months:
            raise InvalidPanel.must("max_months", "not be less than min_months", self.max_months)
        names = [member.name for member in self.members]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise InvalidPanel.must("members", "have unique names", repeated)

    @property
    def key(self) -> tuple[str, str]:
        """The panel's identity: ``(force, name)``."""
        return (self.force, self.name)

    def member(self, name: str) -> PanelMember:
        """Return the member called *name*, or raise `InvalidPanel`.

        >>> Panel(force="kent", neighbourhood="Strood", name="Strood PACT").member("Nobody")
        Traceback (most recent call last):
        ...
        pact_core.errors.InvalidPanel: name must be a member of 'Strood PACT', got 'Nobody'
        """
        for member in self.members:
            if member.name == name:
                return member
        raise InvalidPanel.must("name", f"be a member of {self.name!r}", name)

    def next_meeting_window(self, last_meeting: dt.datetime) -> Interval:
        """Return when the next meeting is due: from *min_months* to *max_months* after the last.

        Months are calendar months on the last meeting's own wall clock (a 19:00 meeting
        is due at 19:00 local time, whatever the clocks did in between).
        A panel that meets every *n* months exactly (``min_months == max_months``) is due
        on the day: its window is the 24 hours from the instant *n* months on, though it
        is overdue from that instant (`is_overdue`).

        >>> import datetime as dt
        >>> monthly = Panel(force="kent", neighbourhood="Strood", name="Strood PACT", min_months=1, max_months=1)
        >>> monthly.next_meeting_window(dt.datetime(2025, 1, 31, 19, tzinfo=dt.timezone.utc))
        Interval.parse('2025-02-28T19:00:00Z/2025-03-01T19:00:00Z')
        """
        require_aware(last_meeting, field="last_meeting")
        start = last_meeting + relativedelta(months=self.min_months)
        end = self._due_by(last_meeting)
        return Interval(start, end if end > start else start + dt.timedelta(days=1))

    def _due_by(self, last_meeting: dt.datetime) -> dt.datetime:
        return last_meeting + relativedelta(months=self.max_months)

    def is_overdue(self, last_meeting: dt.datetime, *, as_of: dt.datetime) -> bool:
        """Whether, at *as_of*, *max_months* or more have passed since the last meeting.

        >>> import datetime as dt
        >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
        >>> last = dt.datetime(2025, 1, 15, 19, tzinfo=dt.timezone.utc)
        >>> panel.is_overdue(last, as_of=dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc))
        True
        """
        require_aware(last_meeting, field="last_meeting")
        require_aware(as_of, field="as_of")
        return as_of >= self._due_by(last_meeting)

    def cadence(self, meetings: Iterable[Meeting], *, as_of: dt.datetime) -> Cadence:
        """Return the panel's cadence at *as_of*: its last meeting, the next one due, and every late gap.

        Only panel meetings count (`MeetingKind.counts_for_cadence`): walkabouts and
        surgeries gather concerns but decide nothing.
        Meetings after *as_of* are ignored, as if not yet held.
        A panel with no meeting by *as_of* is overdue: nothing shows it has met.

        >>> import datetime as dt
        >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
        >>> at = lambda *args: dt.datetime(*args, 19, tzinfo=dt.timezone.utc)
        >>> held = [Meeting(panel=panel, start=at(2025, 1, 15)), Meeting(panel=panel, start=at(2025, 7, 1))]
        >>> cadence = panel.cadence(held, as_of=at(2025, 8, 1))
        >>> cadence.overdue, cadence.next_due.end.date(), [m.start.date().isoformat() for m, _ in cadence.late]
        (False, datetime.date(2025, 11, 1), ['2025-01-15'])
        """
        require_aware(as_of, field="as_of")
        held = []
        for meeting in meetings:
            if not isinstance(meeting, Meeting):
                raise TypeError(f"meetings must be Meeting values, got {meeting!r}")
            if meeting.panel.key != self.key:
                raise InvalidPanel.must("meetings", f"be meetings of {self.name!r}", meeting)
            if meeting.kind.counts_for_cadence and meeting.start <= as_of:
                held.append(meeting)
        held.sort(key=lambda meeting: meeting.start)
        late = [
            (before, after)
            for before, after in itertools.pairwise(held)
            if after.start > self._due_by(before.start)
        ]
        if not held:
            return Cadence(panel=self, last=None, next_due=None, overdue=True, late=())
        last = held[-1]
        return Cadence(
            panel=self,
            last=last,
            next_due=self.next_meeting_window(last.start),
            overdue=self.is_overdue(last.start, as_of=as_of),
            late=tuple(late),
        )

    def invitees(
        self, neighbourhood_map: NeighbourhoodMap, councillors: Iterable[Councillor]
    ) -> tuple[Councillor, ...]:
        """Return every councillor of every ward the panel's neighbourhood covers, wholly or in part.

        >>> from shapely import box
        >>> from pact_core.geography import CoordinateSystem, Neighbourhood, Ward
        >>> ward = Ward(code=WardCode("E05014467"), name="Strood North", generation="WD25", geometry=box(0, 0, 1, 1))
        >>> strood = Neighbourhood(force="kent", id="Strood", name="Strood", wards={ward.code})
        >>> medway = NeighbourhoodMap(force="kent", wards=[ward], neighbourhoods=[strood], coordinates=CoordinateSystem.METRES)
        >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
        >>> [c.name for c in panel.invitees(medway, [Councillor(name="Cllr A", ward=ward.code)])]
        ['Cllr A']
        """
        if not isinstance(neighbourhood_map, NeighbourhoodMap):
            raise TypeError(
                f"neighbourhood_map must be a NeighbourhoodMap, got {neighbourhood_map!r}"
            )
        if neighbourhood_map.force != self.force:
            raise InvalidPanel.must(
                "neighbourhood_map", f"be the map of {self.force!r}", neighbourhood_map.force
            )
        wards = neighbourhood_map.neighbourhood(self.neighbourhood).ward_codes
        chosen = []
        for councillor in councillors:
            if not isinstance(councillor, Councillor):
                raise TypeError(f"councillors must be Councillor values, got {councillor!r}")
            if councillor.ward in wards:
                chosen.append(councillor)
        return tuple(sorted(set(chosen)))

    def gives_notice(self, *, meeting: dt.datetime, invited: dt.datetime) -> bool:
        """Whether an invitation sent at *invited* gives the required notice of *meeting*.

        >>> import datetime as dt
        >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
        >>> meeting = dt.datetime(2025, 3, 20, 19, tzinfo=dt.timezone.utc)
        >>> panel.gives_notice(meeting=meeting, invited=meeting - dt.timedelta(days=6))
        False
        """
        return elapsed(invited, meeting) >= self.notice


class MeetingKind(enum.Enum):
    """The kinds of PACT engagement event (Avon and Somerset; Maidstone 2.5).

    >>> MeetingKind("open meeting").counts_for_cadence, MeetingKind.WALKABOUT.counts_for_cadence
    (True, False)
    """

    REGULAR = "regular"
    OPEN_MEETING = "open meeting"
    WALKABOUT = "walkabout"
    SURGERY = "surgery"

    @property
    def counts_for_cadence(self) -> bool:
        """Whether this is a meeting of the panel, where it reviews and sets priorities."""
        return self in (MeetingKind.REGULAR, MeetingKind.OPEN_MEETING)


def _to_present(value: Iterable[str]) -> tuple[str, ...]:
    names = all_of(value, str, "present")
    return tuple(sorted(set(names)))


@attrs.frozen(kw_only=True)
class Meeting:
    """One meeting of a panel: when, what kind, which members were present, and when invitations went out.

    *present* names members of the panel; every name that is not one is reported at once.
    *invited* is when councillors were invited (None when not recorded, which gives no notice).

    >>> import datetime as dt
    >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT", members=[
    ...     PanelMember(name="A", organisation="Residents"),
    ...     PanelMember(name="Cllr B", organisation="Medway Council", voting=False)])
    >>> start = dt.datetime(2025, 3, 20, 19, tzinfo=dt.timezone.utc)
    >>> meeting = Meeting(panel=panel, start=start, present=["A", "Cllr B"], invited=start - dt.timedelta(days=10))
    >>> meeting.voters, meeting.notice_given
    (('A',), True)
    """

    panel: Panel = attrs.field(validator=instance_of(Panel))
    start: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    kind: MeetingKind = attrs.field(default=MeetingKind.REGULAR, validator=instance_of(MeetingKind))
    present: tuple[str, ...] = attrs.field(default=(), converter=_to_present)
    invited: dt.datetime | None = attrs.field(
        default=None, validator=optional([instance_of(dt.datetime), aware])
    )

    def __attrs_post_init__(self) -> None:
        known = {member.name for member in self.panel.members}
        problems = [
            InvalidPanel.must("present", f"name members of {self.panel.name!r}", name)
            for name in self.present
            if name not in known
        ]
        if self.invited is not None and self.invited > self.start:
            problems.append(
                InvalidPanel.must(
                    "invited",
                    "not be after the meeting",
                    self.invited,
                    shown=self.invited.isoformat(),
                )
            )
        if problems:
            raise ExceptionGroup("the meeting is not valid", problems)

    @property
    def voters(self) -> tuple[str, ...]:
        """The names of the voting members present, sorted."""
        return tuple(name for name in self.present if self.panel.member(name).voting)

    @property
    def notice_given(self) -> bool:
        """Whether invitations went out in time for the panel's notice policy."""
        return self.invited is not None and self.panel.gives_notice(
            meeting=self.start, invited=self.invited
        )


@attrs.frozen(kw_only=True)
class Cadence:
    """Where a panel stands against its cadence at an instant (from `Panel.cadence`).

    *last* is the last panel meeting held (None if none), *next_due* the window for the
    next, *overdue* whether it has not met within its cadence, and *late* every pair of
    consecutive meetings further apart than *max_months*.

    >>> Cadence.__name__
    'Cadence'
    """

    panel: Panel
    last: Meeting | None
    next_due: Interval | None
    overdue: bool
    late: tuple[tuple[Meeting, Meeting], ...]


@attrs.frozen(kw_only=True)
class DirectoryEntry:
    """One ward's line in the ward-by-ward directory: who polices it and which panels meet for it.

    >>> DirectoryEntry.__name__
    'DirectoryEntry'
    """

    ward: Ward
    neighbourhoods: tuple[Neighbourhood, ...]
    panels: tuple[Panel, ...]


def directory(
    neighbourhood_map: NeighbourhoodMap, panels: Iterable[Panel] = ()
) -> tuple[DirectoryEntry, ...]:
    """Return the ward-by-ward directory: each ward with its neighbourhoods and PACT panels.

    Medway asked for exactly this: a database of PACTs, the areas they cover and their
    contact details, published ward by ward (Medway cabinet decision, 2010, a).
    Panels are matched to wards through the neighbourhood they serve; panels of other
    forces are left out.

    >>> from shapely import box
    >>> from pact_core.geography import CoordinateSystem, Neighbourhood, Ward
    >>> ward = Ward(code=WardCode("E05014467"), name="Strood North", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> strood = Neighbourhood(force="kent", id="Strood", name="Strood", wards={ward.code})
    >>> medway = NeighbourhoodMap(force="kent", wards=[ward], neighbourhoods=[strood], coordinates=CoordinateSystem.METRES)
    >>> [(e.ward.name, [p.name for p in e.panels]) for e in directory(medway, [Panel(force="kent", neighbourhood="Strood", name="Strood PACT")])]
    [('Strood North', ['Strood PACT'])]
    """
    if not isinstance(neighbourhood_map, NeighbourhoodMap):
        raise TypeError(f"neighbourhood_map must be a NeighbourhoodMap, got {neighbourhood_map!r}")
    by_neighbourhood: dict[str, list[Panel]] = {}
    for panel in all_of(panels, Panel, "panels"):
        if panel.force == neighbourhood_map.force:
            by_neighbourhood.setdefault(panel.neighbourhood, []).append(panel)
    entries = []
    for ward in neighbourhood_map.wards:
        items = neighbourhood_map.neighbourhoods_of(ward.code)
        serving = [p for item in items for p in by_neighbourhood.get(item.id, [])]
        entries.append(
            DirectoryEntry(
                ward=ward,
                neighbourhoods=items,
                panels=tuple(sorted(serving, key=lambda p: p.name)),
            )
        )
    return tuple(entries)
