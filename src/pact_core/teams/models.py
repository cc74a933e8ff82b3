"""Team models (what a team should have) and the Guarantee's targets of neighbourhood FTE."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, nonblank
from pact_core.errors import InvalidTeam
from pact_core.teams.ranks import Role

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["GUARANTEE", "GuaranteeTarget", "RoleRequirement", "TeamModel"]

_text = nonblank(InvalidTeam)


@attrs.frozen(kw_only=True)
class RoleRequirement:
    """At least *minimum* FTE of *role*, in the team or (with *per_area*) in each of its areas.

    >>> RoleRequirement(role=Role.CONSTABLE, minimum=2, per_area=True).per_area
    True
    """

    role: Role = attrs.field(validator=instance_of(Role))
    minimum: float = attrs.field()
    per_area: bool = attrs.field(default=False, validator=instance_of(bool))
    min_tenure_months: int = attrs.field(default=0)

    @minimum.validator
    def _check_minimum(self, attribute: attrs.Attribute[float], value: object) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise InvalidTeam.must("minimum", "be a number of FTE, at least 0", value)

    @min_tenure_months.validator
    def _check_tenure(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidTeam.must(
                "min_tenure_months", "be a whole number of months, at least 0", value
            )


def _to_requirements(value: Iterable[RoleRequirement]) -> tuple[RoleRequirement, ...]:
    return all_of(value, RoleRequirement, "requirements")


@attrs.frozen(kw_only=True)
class TeamModel:
    """A configurable team model: who must lead it, and the minimum of each role.

    *special_hours_per_month* is the specials' minimum commitment (policy: 16 hours a
    month by default; "at least four hours a week" is about 17.3).

    >>> [(r.role.value, r.minimum) for r in TeamModel.met_ward_2004().requirements]
    [('sergeant', 1), ('constable', 2), ('PCSO', 3)]
    """

    name: str = attrs.field(validator=_text)
    source: str = attrs.field(default="", validator=instance_of(str))
    leader: Role = attrs.field(default=Role.SERGEANT, validator=instance_of(Role))
    requirements: tuple[RoleRequirement, ...] = attrs.field(default=(), converter=_to_requirements)
    special_hours_per_month: float = attrs.field(default=16.0)

    def __attrs_post_init__(self) -> None:
        if not self.leader.is_police_officer:
            raise InvalidTeam.must(
                "leader", "be a police rank: teams are led by police officers", self.leader
            )

    @classmethod
    def met_ward_2004(cls) -> TeamModel:
        """The Met's Safer Neighbourhoods ward team, "1-2-3": 1 sergeant, 2 constables, 3 PCSOs."""
        return cls(
            name="Met Safer Neighbourhoods ward team (1-2-3)",
            source="Home Office 2005; standard across London by 2010",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=2),
                RoleRequirement(role=Role.PCSO, minimum=3),
            ],
        )

    @classmethod
    def met_interim(cls) -> TeamModel:
        """The Met's interim model (about 2006): 1 sergeant, 1 constable, 2 PCSOs."""
        return cls(
            name="Met interim ward team (1-1-2)",
            source="Metropolitan Police, about 2006",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=1),
                RoleRequirement(role=Role.PCSO, minimum=2),
            ],
        )

    @classmethod
    def met_dedicated_ward_officers(cls) -> TeamModel:
        """The Met's dedicated ward officers (2016-17): in each ward at least 2 constables and 1 PCSO; the sergeant may be shared."""
        return cls(
            name="Met dedicated ward officers",
            source="Metropolitan Police, 2016-17",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=2, per_area=True),
                RoleRequirement(role=Role.PCSO, minimum=1, per_area=True),
            ],
        )

    @classmethod
    def merseyside(cls) -> TeamModel:
        """Merseyside's inspector-led team: usually 3 sergeants and 16 constables, with PCSOs, specials and volunteers."""
        return cls(
            name="Merseyside neighbourhood team",
            source="Home Office 2005",
            leader=Role.INSPECTOR,
            requirements=[
                RoleRequirement(role=Role.INSPECTOR, minimum=1),
                RoleRequirement(role=Role.SERGEANT, minimum=3),
                RoleRequirement(role=Role.CONSTABLE, minimum=16),
                RoleRequirement(role=Role.PCSO, minimum=1),
                RoleRequirement(role=Role.SPECIAL_CONSTABLE, minimum=1),
                RoleRequirement(role=Role.POLICE_SUPPORT_VOLUNTEER, minimum=1),
            ],
        )

    @classmethod
    def devon_and_cornwall(cls) -> TeamModel:
        """Devon and Cornwall's sergeant-led team, constables as Neighbourhood Beat Managers on a two-year minimum tenure."""
        return cls(
            name="Devon and Cornwall neighbourhood team",
            source="Home Office 2005",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=1, min_tenure_months=24),
            ],
        )


# ----------------------------------------------------------------------------- the Guarantee


@attrs.frozen(kw_only=True)
class GuaranteeTarget:
    """A baseline and a target of neighbourhood FTE, and progress between them.

    `GUARANTEE` holds the Neighbourhood Policing Guarantee's: 17,175 FTE at 31 March 2025,
    and 13,000 more (30,175) by 31 March 2029.

    >>> GUARANTEE.progress(20_000)
    0.2173076923076923
    """

    baseline: float
    baseline_date: dt.date
    target: float
    target_date: dt.date

    def progress(self, current: float) -> float:
        """The share of the increase achieved: 0 at the baseline, 1 at the target."""
        return (current - self.baseline) / (self.target - self.baseline)

    def expected(self, as_of: dt.date) -> float:
        """The FTE a straight line from baseline to target expects at *as_of*."""
        span = (self.target_date - self.baseline_date).days
        done = min(max((as_of - self.baseline_date).days, 0), span)
        return self.baseline + (self.target - self.baseline) * done / span

    def on_track(self, current: float, *, as_of: dt.date) -> bool:
        """Whether *current* FTE is at or above the straight line at *as_of*.

        >>> import datetime as dt
        >>> GUARANTEE.on_track(20_000, as_of=dt.date(2026, 3, 31))
        False
        """
        return current >= self.expected(as_of)


GUARANTEE = GuaranteeTarget(
    baseline=17_175,
    baseline_date=dt.date(2025, 3, 31),
    target=30_175,
    target_date=dt.date(2029, 3, 31),
)
