"""PACT panels: who sits on them, how often they meet, and which councillors they must invite.

Councillors are automatically invited to any PACT in their ward, with sufficient notice
of meetings (Medway cabinet decision, 2010, d). Panels meet every 2 to 4 months
(Maidstone scrutiny briefing, 2009, 2.5).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of
from dateutil.relativedelta import relativedelta

from pact_core._validation import all_of
from pact_core.errors import InvalidPanel
from pact_core.geography.codes import WardCode
from pact_core.geography.neighbourhoods import NeighbourhoodMap
from pact_core.geography.wards import _nonblank
from pact_core.intervals import Interval, elapsed, require_aware

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Councillor", "Panel", "PanelMember"]


@attrs.frozen(kw_only=True, order=True)
class PanelMember:
    """A member of a PACT panel and the organisation they come from.

    >>> PanelMember(name="A. Resident", organisation="Strood Residents' Association").organisation
    "Strood Residents' Association"
    """

    name: str = attrs.field(validator=_nonblank)
    organisation: str = attrs.field(validator=_nonblank)
    role: str = attrs.field(default="member", validator=_nonblank)


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

    def next_meeting_window(self, last_meeting: dt.datetime) -> Interval:
        """Return when the next meeting is due: from *min_months* to *max_months* after the last.

        Months are calendar months on the last meeting's own wall clock (a 19:00 meeting
        is due at 19:00 local time, whatever the clocks did in between).
        """
        require_aware(last_meeting, field="last_meeting")
        return Interval(
            last_meeting + relativedelta(months=self.min_months),
            last_meeting + relativedelta(months=self.max_months),
        )

    def is_overdue(self, last_meeting: dt.datetime, *, as_of: dt.datetime) -> bool:
        """Whether, at *as_of*, more than *max_months* have passed since the last meeting.

        >>> import datetime as dt
        >>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
        >>> last = dt.datetime(2025, 1, 15, 19, tzinfo=dt.timezone.utc)
        >>> panel.is_overdue(last, as_of=dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc))
        True
        """
        require_aware(as_of, field="as_of")
        return not self.next_meeting_window(last_meeting).end > as_of

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
