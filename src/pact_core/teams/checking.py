"""Checking a team against its model, every shortfall at once, and the strength of several teams."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
from dateutil.relativedelta import relativedelta

from pact_core.teams.members import Member, Team
from pact_core.teams.models import TeamModel
from pact_core.teams.ranks import _ALLOWED_POWERS, Role

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


__all__ = ["Finding", "Severity", "check", "strength"]


class Severity(enum.IntEnum):
    """How much a finding matters: an error breaks the model, a warning needs a look.

    >>> sorted([Severity.INFO, Severity.ERROR])[0].name
    'ERROR'
    """

    ERROR = 0
    WARNING = 1
    INFO = 2


@attrs.frozen(kw_only=True, order=True)
class Finding:
    """One way a team departs from its model: how serious, which rule, and whom it is about.

    >>> Finding(severity=Severity.ERROR, rule="minimum", message="needs 2 constables, has 1", role=Role.CONSTABLE).rule
    'minimum'
    """

    severity: Severity
    rule: str
    message: str
    role: Role | None = attrs.field(default=None, eq=True, order=False)
    member: str | None = None


def check(team: Team, model: TeamModel, *, as_of: dt.date) -> tuple[Finding, ...]:
    """Check *team* against *model* at *as_of*, and return every finding, errors first.

    Rules: led by a police officer of at least the model's rank; minimum FTE of each role
    (per area where the model says so); PCSOs do not stand in for missing constables; at
    least one named, contactable officer; minimum tenure; specials' commitment; powers
    designated only as the role allows; vacant posts and acting ranks.

    >>> import datetime as dt
    >>> team = Team(name="Strood", members=[Member(name="A. Sergeant", role=Role.SERGEANT, contact={"phone": "101"}),
    ...     Member(name="B. Constable", role=Role.CONSTABLE), Member(name="C. PCSO", role=Role.PCSO),
    ...     Member(name="D. PCSO", role=Role.PCSO), Member(name="E. PCSO", role=Role.PCSO), Member(name="F. PCSO", role=Role.PCSO)])
    >>> for finding in check(team, TeamModel.met_ward_2004(), as_of=dt.date(2025, 6, 1)):
    ...     print(finding.severity.name, finding.rule, "|", finding.message)
    ERROR minimum | needs at least 2 FTE of constable, has 1
    ERROR no substitution | PCSOs are an addition to police officers, not a substitute: 1 FTE of PCSO above the model does not make up for 1 FTE of constable missing
    """
    if not isinstance(team, Team):
        raise TypeError(f"team must be a Team, got {team!r}")
    if not isinstance(model, TeamModel):
        raise TypeError(f"model must be a TeamModel, got {model!r}")
    day: object = as_of
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise TypeError(f"as_of must be a datetime.date, got {as_of!r}")
    findings: list[Finding] = []
    present = [m for m in team.members if not m.vacant]
    findings.extend(_leadership(present, model))
    findings.extend(_minimums(team, present, model))
    if not any(
        (m.role.is_police_officer or m.role is Role.PCSO) and m.is_contactable for m in present
    ):
        findings.append(
            Finding(
                severity=Severity.ERROR,
                rule="contactable",
                message="needs at least one named officer with contact details, has none",
            )
        )
    findings.extend(_tenure(present, model, as_of))
    for member in present:
        findings.extend(_member_findings(member, model))
    findings.extend(
        Finding(
            severity=Severity.WARNING,
            rule="vacancy",
            message="post is vacant",
            role=m.role,
            member=m.label,
        )
        for m in team.members
        if m.vacant
    )
    return tuple(sorted(findings, key=lambda f: (f.severity, f.rule, f.member or "", f.message)))


def _leadership(present: Sequence[Member], model: TeamModel) -> list[Finding]:
    leaders = [m for m in present if m.role.rank >= model.leader.rank]
    if not leaders:
        return [
            Finding(
                severity=Severity.ERROR,
                rule="leadership",
                message=f"must be led by a police officer of at least {model.leader.value} rank, has none",
                role=model.leader,
            )
        ]
    if all(m.acting for m in leaders):
        return [
            Finding(
                severity=Severity.WARNING,
                rule="leadership",
                message=f"is led only by acting {model.leader.value}s",
                role=model.leader,
                member=leaders[0].label,
            )
        ]
    return []


def _fte(members: Iterable[Member], role: Role) -> float:
    return round(sum(m.fte for m in members if m.role is role), 6)


def _number(value: float) -> str:
    return f"{value:g}"


def _minimums(team: Team, present: Sequence[Member], model: TeamModel) -> list[Finding]:
    findings = []
    for requirement in model.requirements:
        if requirement.per_area and team.areas:
            for area in sorted(team.areas):
                here = [m for m in present if not m.areas or area in m.areas]
                has = _fte(here, requirement.role)
                if has < requirement.minimum:
                    findings.append(
                        Finding(
                            severity=Severity.ERROR,
                            rule="minimum",
                            message=f"needs at least {_number(requirement.minimum)} FTE of {requirement.role.value} in {area}, has {_number(has)}",
                            role=requirement.role,
                        )
                    )
            continue
        has = _fte(present, requirement.role)
        if has < requirement.minimum:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    rule="minimum",
                    message=f"needs at least {_number(requirement.minimum)} FTE of {requirement.role.value}, has {_number(has)}",
                    role=requirement.role,
                )
            )
    required = {r.role: r.minimum for r in model.requirements if not r.per_area}
    missing = required.get(Role.CONSTABLE, 0) - _fte(present, Role.CONSTABLE)
    surplus = _fte(present, Role.PCSO) - required.get(Role.PCSO, 0)
    if missing > 0 and surplus > 0:
        findings.append(
            Finding(
                severity=Severity.ERROR,
                rule="no substitution",
                message=(
                    "PCSOs are an addition to police officers, not a substitute: "
                    f"{_number(surplus)} FTE of PCSO above the model does not make up for "
                    f"{_number(missing)} FTE of constable missing"
                ),
                role=Role.CONSTABLE,
            )
        )
    return findings


def _tenure(present: Sequence[Member], model: TeamModel, as_of: dt.date) -> list[Finding]:
    findings = []
    for requirement in model.requirements:
        if not requirement.min_tenure_months:
            continue
        for member in (m for m in present if m.role is requirement.role):
            if member.posted is None:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        rule="tenure",
                        message=f"posting date unknown, so the {requirement.min_tenure_months}-month minimum tenure cannot be checked",
                        role=member.role,
                        member=member.label,
                    )
                )
            elif member.leaving is not None and member.leaving < member.posted + relativedelta(
                months=requirement.min_tenure_months
            ):
                served = relativedelta(member.leaving, member.posted)
                findings.append(
                    Finding(
                        severity=Severity.ERROR,
                        rule="tenure",
                        message=(
                            f"leaves after {served.years * 12 + served.months} months, "
                            f"before the {requirement.min_tenure_months}-month minimum tenure"
                        ),
                        role=member.role,
                        member=member.label,
                    )
                )
    del as_of  # tenure is judged on the posting and leaving dates recorded
    return findings


def _member_findings(member: Member, model: TeamModel) -> list[Finding]:
    findings = []
    if member.role is Role.SPECIAL_CONSTABLE:
        if member.hours_per_month is None:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    rule="commitment",
                    message="committed hours unknown",
                    role=member.role,
                    member=member.label,
                )
            )
        elif member.hours_per_month < model.special_hours_per_month:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    rule="commitment",
                    message=(
                        f"commits {_number(member.hours_per_month)} hours a month, "
                        f"below the minimum of {_number(model.special_hours_per_month)}"
                    ),
                    role=member.role,
                    member=member.label,
                )
            )
    if member.powers:
        allowed = _ALLOWED_POWERS.get(member.role, frozenset())
        findings.extend(
            Finding(
                severity=Severity.ERROR,
                rule="powers",
                message=f"a {member.role.value} cannot be designated the power to {power.value}",
                role=member.role,
                member=member.label,
            )
            for power in sorted(member.powers - allowed, key=lambda p: p.value)
        )
    if member.acting:
        findings.append(
            Finding(
                severity=Severity.INFO,
                rule="acting rank",
                message=f"acting {member.role.value}",
                role=member.role,
                member=member.label,
            )
        )
    return findings


def strength(teams: Iterable[Team]) -> dict[Role, float]:
    """FTE by role across many teams: a neighbourhood's, or a whole force's, in `Role` order.

    >>> strength([Team(name="A", members=[Member(name="Jo", role=Role.PCSO)]),
    ...           Team(name="B", members=[Member(name="Sam", role=Role.PCSO, fte=0.5)])])
    {<Role.PCSO: 'PCSO'>: 1.5}
    """
    totals: dict[Role, float] = {}
    for team in teams:
        if not isinstance(team, Team):
            raise TypeError(f"teams must be Team values, got {team!r}")
        for role, fte in team.fte().items():
            totals[role] = totals.get(role, 0.0) + fte
    return {role: totals[role] for role in Role if role in totals}
