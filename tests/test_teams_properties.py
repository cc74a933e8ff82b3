"""Laws of team checks, over teams and models from pact_core.testing."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.policeuk import members_from_policeuk, team_to_policeuk
from pact_core.teams import (
    Member,
    Role,
    Team,
    TeamModel,
    check,
)
from pact_core.testing import members, team_models, teams

AS_OF = dt.date(2025, 6, 1)


@st.composite
def satisfied(draw: st.DrawFn) -> tuple[TeamModel, Team]:
    model = draw(team_models())
    return model, draw(teams(model))


# Each example walks several logs or builds whole teams: a fifth of the profile's examples keeps CI quick.
heavy = settings(max_examples=max(10, settings().max_examples // 5))


@heavy
@given(satisfied())
def test_a_team_made_to_satisfy_a_model_passes_its_check(case: tuple[TeamModel, Team]) -> None:
    model, team = case
    assert check(team, model, as_of=AS_OF) == ()


@heavy
@given(satisfied(), st.data())
def test_removing_a_required_member_names_the_role(
    case: tuple[TeamModel, Team], data: st.DataObject
) -> None:
    model, team = case
    required = {r.role for r in model.requirements if r.minimum > 0}
    candidates = [i for i, m in enumerate(team.members) if m.role in required]
    if not candidates:
        return
    gone = data.draw(st.sampled_from(candidates))
    removed = team.members[gone]
    smaller = attrs.evolve(team, members=[m for i, m in enumerate(team.members) if i != gone])
    findings = check(smaller, model, as_of=AS_OF)
    assert any(f.role is removed.role and f.rule in {"minimum", "leadership"} for f in findings)


@heavy
@given(teams(), team_models())
def test_checks_are_deterministic_and_order_free(team: Team, model: TeamModel) -> None:
    findings = check(team, model, as_of=AS_OF)
    shuffled = attrs.evolve(team, members=list(reversed(team.members)))
    assert check(shuffled, model, as_of=AS_OF) == findings
    assert list(findings) == sorted(
        findings, key=lambda f: (f.severity, f.rule, f.member or "", f.message)
    )


@heavy
@given(st.lists(members(), max_size=8))
def test_policeuk_round_trip_keeps_names_roles_and_contacts(items: list[Member]) -> None:
    team = Team(name="t", members=items)
    back = members_from_policeuk(team_to_policeuk(team))
    assert [(m.name, m.role, m.contact) for m in back] == [
        (m.name, m.role, m.contact) for m in items if not m.vacant
    ]


@heavy
@given(teams())
def test_guarantee_fte_counts_officers_pcsos_and_specials(team: Team) -> None:
    counted = sum(
        m.fte
        for m in team.members
        if not m.vacant
        and (m.role.is_police_officer or m.role in {Role.PCSO, Role.SPECIAL_CONSTABLE})
    )
    assert abs(team.guarantee_fte() - counted) < 1e-9
