"""Strategies for team members, team models and teams, including teams that satisfy a model."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.teams import Member, Power, Role, RoleRequirement, Team, TeamModel

__all__ = ["members", "role_requirements", "team_models", "teams"]

_NAMES = st.sampled_from(
    ["Andy Cooper", "Andy Price", "Jo Bloggs", "Sam Patel", "Kim Evans", "Lee Chan"]
)
_CONTACT = st.sampled_from([{"email": "team@example.org"}, {"phone": "101"}, {"twitter": "@team"}])
_POSTED = st.dates(dt.date(2010, 1, 1), dt.date(2025, 1, 1))
_ALLOWED = {
    Role.PCSO: sorted(set(Power) - {Power.ARREST, Power.STOP_AND_SEARCH}, key=lambda p: p.value),
    Role.ACCREDITED_PERSON: [
        Power.FIXED_PENALTY_NOTICE,
        Power.CONFISCATE_ALCOHOL,
        Power.CONFISCATE_TOBACCO,
        Power.REQUIRE_NAME_AND_ADDRESS,
    ],
}


@st.composite
def _member(draw: st.DrawFn, role: Role, area: str | None = None, *, full: bool = False) -> Member:
    """A member of *role*; with *full*, one that no rule can fault (full time, known dates, enough hours)."""
    allowed = _ALLOWED.get(role, [])
    return Member(
        role=role,
        name=draw(_NAMES),
        contact=draw(_CONTACT),
        posted=draw(_POSTED),
        fte=1.0 if full else draw(st.sampled_from([1.0, 0.8, 0.5])),
        hours_per_month=draw(st.floats(16, 60)) if role is Role.SPECIAL_CONSTABLE else None,
        powers=draw(st.sets(st.sampled_from(allowed))) if allowed else frozenset(),
        areas=frozenset() if area is None else frozenset({area}),
    )


def members(*, roles: st.SearchStrategy[Role] | None = None) -> st.SearchStrategy[Member]:
    """Generate valid members of any role (or of *roles*), with powers their role allows.

    >>> from hypothesis import find
    >>> find(members(), lambda member: True).role
    <Role.CONSTABLE: 'constable'>
    """
    if roles is None:
        roles = st.sampled_from(Role)
    elif not isinstance(roles, st.SearchStrategy):
        raise InvalidArgument(f"roles must be a SearchStrategy of Role, got {roles!r}")
    return roles.flatmap(_member)


def role_requirements() -> st.SearchStrategy[RoleRequirement]:
    """Generate role requirements: a role, a minimum FTE, per area or not, and sometimes a tenure.

    >>> from hypothesis import find
    >>> find(role_requirements(), lambda r: True).minimum
    0
    """
    return st.builds(
        RoleRequirement,
        role=st.sampled_from(Role),
        minimum=st.sampled_from([0, 1, 1.5, 2, 3, 16]),
        per_area=st.booleans(),
        min_tenure_months=st.sampled_from([0, 12, 24]),
    )


@st.composite
def _models(draw: st.DrawFn) -> TeamModel:
    leader = draw(st.sampled_from([Role.SERGEANT, Role.INSPECTOR]))
    chosen = draw(st.lists(st.sampled_from(list(Role)), unique=True, max_size=5))
    requirements = [
        RoleRequirement(
            role=role,
            minimum=draw(st.sampled_from([0, 1, 1.5, 2, 3])),
            per_area=draw(st.booleans()) if role in {Role.CONSTABLE, Role.PCSO} else False,
            min_tenure_months=draw(st.sampled_from([0, 0, 24])) if role is Role.CONSTABLE else 0,
        )
        for role in chosen
    ]
    return TeamModel(name="Generated model", leader=leader, requirements=requirements)


def team_models() -> st.SearchStrategy[TeamModel]:
    """Generate team models: a sergeant or inspector leader and up to five role requirements.

    >>> from hypothesis import find
    >>> find(team_models(), lambda model: True).leader
    <Role.SERGEANT: 'sergeant'>
    """
    return _models()


@st.composite
def _teams(draw: st.DrawFn, model: TeamModel | None, max_areas: int) -> Team:
    areas = sorted(
        draw(
            st.sets(
                st.sampled_from([f"E05{n:06d}" for n in range(1, 10)]),
                min_size=1,
                max_size=max_areas,
            )
        )
    )
    if model is None:
        return Team(
            name="Generated team", areas=areas, members=draw(st.lists(members(), max_size=8))
        )
    chosen: list[Member] = []
    for requirement in model.requirements:
        heads = math.ceil(requirement.minimum)
        places = areas if requirement.per_area else [None]
        for place in places:
            chosen.extend(draw(_member(requirement.role, place, full=True)) for _ in range(heads))
    # Every generated member is named and contactable, so the leader is the named officer too.
    if not any(m.role.rank >= model.leader.rank for m in chosen):
        chosen.append(draw(_member(model.leader, full=True)))
    required = {r.role for r in model.requirements}
    spare = [role for role in Role if role not in required]
    chosen.extend(
        draw(
            st.lists(
                st.sampled_from(spare).flatmap(lambda role: _member(role, full=True)), max_size=3
            )
        )
    )
    return Team(name="Generated team", areas=areas, members=draw(st.permutations(chosen)))


def teams(model: TeamModel | None = None, *, max_areas: int = 3) -> st.SearchStrategy[Team]:
    """Generate teams; given a *model*, teams that satisfy it with no finding at all.

    A satisfying team holds exactly the minimum of each required role (whole people,
    rounded up), in each area where the model asks per area, and other roles besides,
    so that removing any required member breaks the model.

    >>> from hypothesis import given
    >>> from pact_core.teams import check
    >>> import datetime as dt
    >>> @given(teams(TeamModel.met_ward_2004()))
    ... def test_generated_teams_pass(team):
    ...     assert check(team, TeamModel.met_ward_2004(), as_of=dt.date(2025, 6, 1)) == ()
    >>> test_generated_teams_pass()
    """
    if model is not None and not isinstance(model, TeamModel):
        raise InvalidArgument(f"model must be a TeamModel or None, got {model!r}")
    given: object = max_areas
    if not isinstance(given, int) or isinstance(given, bool) or given < 1:
        raise InvalidArgument(f"max_areas must be a positive int, got {max_areas!r}")
    return _teams(model, max_areas)
