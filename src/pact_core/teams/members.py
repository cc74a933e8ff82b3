"""Members and teams: the posts of a neighbourhood team, who holds them, and the team's FTE."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TypeGuard

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidTeam
from pact_core.teams.ranks import Power, Role

__all__ = ["Member", "Team"]

_text = nonblank(InvalidTeam)


def _to_pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(kind), str(detail)) for kind, detail in items if detail))


def _to_powers(value: Iterable[Power]) -> frozenset[Power]:
    return frozenset(all_of(value, Power, "powers"))


def _to_areas(value: Iterable[str]) -> frozenset[str]:
    areas = frozenset(value)
    for area in areas:
        if not isinstance(area, str):
            raise TypeError(f"areas must be str (ward codes or neighbourhood ids), got {area!r}")
    return areas


@attrs.frozen(kw_only=True)
class Member:
    """A post in a neighbourhood team, and who holds it.

    A vacant post has ``vacant=True`` and needs no name. *fte* counts part-timers as
    fractions; volunteers give *hours_per_month* instead. *powers* are those designated
    to a PCSO or accredited person. *areas* are the wards or neighbourhoods the member
    covers (none: the whole team's area); a sergeant may lead several.

    >>> import datetime as dt
    >>> Member(name="Andy Cooper", role=Role.SERGEANT, contact={"email": "andy.cooper@example.org"},
    ...        posted=dt.date(2023, 4, 1)).is_contactable
    True
    """

    role: Role = attrs.field(validator=instance_of(Role))
    name: str | None = attrs.field(default=None)
    contact: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_to_pairs)
    posted: dt.date | None = attrs.field(default=None)
    leaving: dt.date | None = attrs.field(default=None)
    fte: float = attrs.field(default=1.0)
    hours_per_month: float | None = attrs.field(default=None)
    powers: frozenset[Power] = attrs.field(default=frozenset(), converter=_to_powers)
    areas: frozenset[str] = attrs.field(default=frozenset(), converter=_to_areas)
    acting: bool = attrs.field(default=False, validator=instance_of(bool))
    vacant: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidTeam] = []
        name: object = self.name
        if name is not None and (not isinstance(name, str) or not name.strip()):
            problems.append(InvalidTeam.must("name", "be a non-blank str or None", name))
        if name is None and not self.vacant:
            problems.append(InvalidTeam.must("name", "be given unless the post is vacant", None))
        fte: object = self.fte
        if not isinstance(fte, int | float) or isinstance(fte, bool) or not 0 < fte <= 1:
            problems.append(InvalidTeam.must("fte", "be more than 0 and at most 1", fte))
        hours: object = self.hours_per_month
        if hours is not None and (
            not isinstance(hours, int | float) or isinstance(hours, bool) or hours < 0
        ):
            problems.append(
                InvalidTeam.must("hours_per_month", "be a number of hours, at least 0", hours)
            )
        for field in ("posted", "leaving"):
            value = getattr(self, field)
            if value is not None and (
                not isinstance(value, dt.date) or isinstance(value, dt.datetime)
            ):
                problems.append(InvalidTeam.must(field, "be a datetime.date or None", value))
        posted, leaving = self.posted, self.leaving
        if _is_date(posted) and _is_date(leaving) and leaving < posted:
            problems.append(InvalidTeam.must("leaving", "not be before posted", leaving))
        if problems:
            raise ExceptionGroup(f"member {self.name!r} has {len(problems)} problem(s)", problems)

    @property
    def is_contactable(self) -> bool:
        """Whether the member is named and has at least one way to be reached."""
        return self.name is not None and not self.vacant and bool(self.contact)

    @property
    def label(self) -> str:
        """How findings name the member."""
        return (
            f"vacant {self.role.value} post" if self.vacant else f"{self.name} ({self.role.value})"
        )


def _is_date(value: object) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _to_members(value: Iterable[Member]) -> tuple[Member, ...]:
    return all_of(value, Member, "members")


@attrs.frozen(kw_only=True)
class Team:
    """A neighbourhood team: its members and the wards (or neighbourhoods) it serves.

    >>> team = Team(name="City Centre", areas={"E05000001"}, members=[
    ...     Member(name="Andy Cooper", role=Role.SERGEANT), Member(name="Jo Bloggs", role=Role.PCSO, fte=0.5)])
    >>> team.fte()[Role.PCSO]
    0.5
    """

    name: str = attrs.field(validator=_text)
    areas: frozenset[str] = attrs.field(default=frozenset(), converter=_to_areas)
    members: tuple[Member, ...] = attrs.field(default=(), converter=_to_members)

    def fte(self) -> dict[Role, float]:
        """FTE by role, vacant posts left out, in `Role` order."""
        totals: dict[Role, float] = {}
        for member in self.members:
            if not member.vacant:
                totals[member.role] = totals.get(member.role, 0.0) + member.fte
        return {role: totals[role] for role in Role if role in totals}

    def guarantee_fte(self) -> float:
        """FTE of police officers, PCSOs and specials: what the Guarantee counts."""
        return sum(fte for role, fte in self.fte().items() if role.counts_for_guarantee)
