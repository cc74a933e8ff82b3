"""Neighbourhood teams: roles, members, team models, the checks between them, and strength.

Teams are **mixed** and **led by police officers** (Home Office, 2005): constables and
sergeants, PCSOs ("an addition to police officers, not a substitute"), special
constables, police support volunteers, neighbourhood wardens and accredited persons.
"The numbers and staffing mix of teams should be for local forces to determine", so a
`TeamModel` is configuration, with presets from the sources, and `check` reports every
way a team falls short of its model, not just the first.

Counting choices, named: requirements count **FTE** (two half-time constables are one
constable), vacant posts count for nothing, and a member with no listed wards covers
all the team's wards.
"""

from __future__ import annotations

from pact_core.teams.checking import Finding, Severity, check, strength
from pact_core.teams.members import Member, Team
from pact_core.teams.models import GUARANTEE, GuaranteeTarget, RoleRequirement, TeamModel
from pact_core.teams.ranks import Power, RankTitle, Role, classify_rank, parse_rank

__all__ = [
    "GUARANTEE",
    "Finding",
    "GuaranteeTarget",
    "Member",
    "Power",
    "RankTitle",
    "Role",
    "RoleRequirement",
    "Severity",
    "Team",
    "TeamModel",
    "check",
    "classify_rank",
    "parse_rank",
    "strength",
]
