from __future__ import annotations

import datetime as dt
import importlib
import itertools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from pact_core.errors import ExceptionGroup, InvalidTeam, UnknownRankError
from pact_core.policeuk import members_from_policeuk, team_to_policeuk
from pact_core.teams import (
    GUARANTEE,
    Finding,
    GuaranteeTarget,
    Member,
    Power,
    RankTitle,
    Role,
    RoleRequirement,
    Severity,
    Team,
    TeamModel,
    check,
    classify_rank,
    parse_rank,
)

POLICEUK = Path(__file__).parent / "data" / "policeuk"
AS_OF = dt.date(2025, 6, 1)
CONTACT = {"email": "team@example.org"}


def person(role: Role, name: str = "Jo Bloggs", **extra: Any) -> Member:
    extra.setdefault("posted", dt.date(2022, 1, 1))
    return Member(role=role, name=name, contact=CONTACT, **extra)


def rules(findings: tuple[Finding, ...]) -> list[tuple[str, str, Role | None]]:
    return [(f.severity.name, f.rule, f.role) for f in findings]


def met_team(constables: int = 2, pcsos: int = 3, sergeants: int = 1) -> Team:
    members = [person(Role.SERGEANT, f"Sgt {i}") for i in range(sergeants)]
    members += [person(Role.CONSTABLE, f"PC {i}") for i in range(constables)]
    members += [person(Role.PCSO, f"PCSO {i}") for i in range(pcsos)]
    return Team(name="Ward team", areas={"E05000001"}, members=members)


# ----------------------------------------------------------------------------- roles and ranks


def test_role_facts() -> None:
    assert [
        r.rank for r in (Role.CONSTABLE, Role.SERGEANT, Role.INSPECTOR, Role.CHIEF_OFFICER)
    ] == [1, 2, 3, 7]
    assert Role.SPECIAL_CONSTABLE.warranted
    assert Role.SPECIAL_CONSTABLE.volunteer
    assert not Role.SPECIAL_CONSTABLE.is_police_officer
    assert not Role.PCSO.warranted
    assert Role.PCSO.employer == "police"
    assert Role.NEIGHBOURHOOD_WARDEN.employer == "partner" == Role.ACCREDITED_PERSON.employer
    assert Role.POLICE_SUPPORT_VOLUNTEER.volunteer
    assert not Role.POLICE_SUPPORT_VOLUNTEER.warranted
    assert Role.PCSO.counts_for_guarantee
    assert not Role.NEIGHBOURHOOD_WARDEN.counts_for_guarantee
    assert Role.INSPECTOR.outranks(Role.SERGEANT)
    assert not Role.PCSO.outranks(Role.CONSTABLE)


@pytest.mark.parametrize(
    ("text", "role", "acting", "detective"),
    [
        ("PC", Role.CONSTABLE, False, False),
        ("Police Constable", Role.CONSTABLE, False, False),
        ("DC", Role.CONSTABLE, False, True),
        ("Sgt", Role.SERGEANT, False, False),
        ("A/Sgt", Role.SERGEANT, True, False),
        ("Acting Sergeant", Role.SERGEANT, True, False),
        ("T/Insp", Role.INSPECTOR, True, False),
        ("Det. Sgt.", Role.SERGEANT, False, True),
        ("Insp", Role.INSPECTOR, False, False),
        ("Ch Insp", Role.CHIEF_INSPECTOR, False, False),
        ("PCSO", Role.PCSO, False, False),
        ("Police Community Support Officer", Role.PCSO, False, False),
        ("Special Constable", Role.SPECIAL_CONSTABLE, False, False),
        ("Special Sergeant", Role.SPECIAL_CONSTABLE, False, False),
        ("Police Staff", Role.POLICE_STAFF, False, False),
        ("Assistant Chief Officer (Crime)", Role.POLICE_STAFF, False, False),
        ("Assistant Chief Constable", Role.CHIEF_OFFICER, False, False),
        ("Neighbourhood Warden", Role.NEIGHBOURHOOD_WARDEN, False, False),
        ("  pcso  ", Role.PCSO, False, False),
    ],
)
def test_rank_titles(text: str, role: Role, acting: bool, detective: bool) -> None:  # noqa: FBT001
    title = parse_rank(text)
    assert (title.role, title.acting, title.detective, title.text) == (
        role,
        acting,
        detective,
        text,
    )


# Titles forces publish on police.uk and their own sites; the role each names.
PUBLISHED_TITLES = {
    "Neighbourhood Sergeant": Role.SERGEANT,
    "Safer Neighbourhood Sergeant": Role.SERGEANT,
    "Neighbourhood Policing Team Sergeant": Role.SERGEANT,
    "Ward Sergeant": Role.SERGEANT,
    "Neighbourhood Inspector": Role.INSPECTOR,
    "Neighbourhood Beat Manager": Role.CONSTABLE,  # Devon and Cornwall's dedicated constables (seed 003)
    "Dedicated Ward Officer": Role.CONSTABLE,  # the Met's ward constables
    "Neighbourhood Police Constable": Role.CONSTABLE,
    "Beat Officer": Role.CONSTABLE,
    "PC 1234": Role.CONSTABLE,
    "P.C.": Role.CONSTABLE,
    "P.C.S.O.": Role.PCSO,
    "Sgt.": Role.SERGEANT,
    "Ch. Insp.": Role.CHIEF_INSPECTOR,
    "Supt.": Role.SUPERINTENDENT,
    "Student Officer": Role.CONSTABLE,
    "Student Police Officer": Role.CONSTABLE,
    "Probationer Constable": Role.CONSTABLE,
    "Probationary PC": Role.CONSTABLE,
    "Safer Neighbourhoods PCSO": Role.PCSO,
    "Rural PCSO": Role.PCSO,
    "Neighbourhood PCSO": Role.PCSO,
    "Special Police Constable": Role.SPECIAL_CONSTABLE,
    "A/Neighbourhood Sgt": Role.SERGEANT,
}
NAMES_NO_RANK = ["Police Officer", "Neighbourhood Officer", "Neighbourhood Police Officer", "NPO",
                 "Response Officer", "Community Officer", "Team Leader"]  # fmt: skip


@pytest.mark.parametrize(("text", "role"), sorted(PUBLISHED_TITLES.items()))
def test_titles_forces_publish(text: str, role: Role) -> None:
    title = parse_rank(text)
    assert title.role is role
    assert title.student == text.startswith(("Student", "Probation"))
    assert title.acting == text.startswith("A/")


@pytest.mark.parametrize("text", NAMES_NO_RANK)
def test_titles_that_name_no_rank_stay_unknown(text: str) -> None:
    assert classify_rank(text) is None


def test_unknown_ranks_say_so() -> None:
    assert classify_rank(None) is None
    assert classify_rank("Chief Bottle Washer") is None
    with pytest.raises(
        UnknownRankError, match="^rank must be a known police rank or role title, got None$"
    ):
        parse_rank(None)
    with pytest.raises(TypeError, match="^rank must be a str or None, got 3$"):
        classify_rank(3)  # type: ignore[arg-type]


def test_real_policeuk_ranks() -> None:
    team = json.loads(
        (POLICEUK / "neighbourhood-team__leicestershire-NC04__tjcain.json").read_text(
            encoding="utf-8"
        )
    )
    senior = json.loads(
        (POLICEUK / "senior-officers-item__leicestershire__policedatakit.json").read_text(
            encoding="utf-8"
        )
    )
    nulls = json.loads(
        (POLICEUK / "neighbourhood-team-item__nulls__policedatakit.json").read_text(
            encoding="utf-8"
        )
    )
    assert [parse_rank(p["rank"]).role for p in team] == [Role.SERGEANT, Role.SERGEANT]
    assert parse_rank(senior["rank"]).role is Role.POLICE_STAFF
    assert classify_rank(nulls["rank"]) is None


# ----------------------------------------------------------------------------- members and teams


def test_member_validation_reports_every_problem() -> None:
    with pytest.raises(ExceptionGroup) as info:
        Member(
            role=Role.CONSTABLE,
            fte=1.5,
            hours_per_month=-1,
            posted=dt.date(2025, 1, 1),
            leaving="soon",  # type: ignore[arg-type]
        )
    assert [str(e) for e in info.value.exceptions] == [
        "name must be given unless the post is vacant, got None",
        "fte must be more than 0 and at most 1, got 1.5",
        "hours_per_month must be a number of hours, at least 0, got -1",
        "leaving must be a datetime.date or None, got 'soon'",
    ]
    with pytest.raises(ExceptionGroup) as info:
        Member(
            role=Role.CONSTABLE, name=" ", posted=dt.date(2025, 1, 2), leaving=dt.date(2025, 1, 1)
        )
    assert [str(e) for e in info.value.exceptions] == [
        "name must be a non-blank str or None, got ' '",
        "leaving must not be before posted, got datetime.date(2025, 1, 1)",
    ]
    assert Member(role=Role.CONSTABLE, vacant=True).label == "vacant constable post"


def test_member_type_errors() -> None:
    with pytest.raises(TypeError, match="'role' must be"):
        Member(role="PC", name="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^powers must be Power values"):
        Member(role=Role.PCSO, name="x", powers=["arrest"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^areas must be str"):
        Member(role=Role.PCSO, name="x", areas=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^members must be Member values"):
        Team(name="t", members=["x"])  # type: ignore[list-item]
    with pytest.raises(InvalidTeam, match="^name must not be blank"):
        Team(name="")
    with pytest.raises(TypeError, match="^name must be a str"):
        Team(name=None)  # type: ignore[arg-type]


def test_team_fte() -> None:
    team = Team(
        name="t",
        members=[
            person(Role.CONSTABLE, fte=0.5),
            person(Role.CONSTABLE, fte=0.5),
            person(Role.PCSO),
            Member(role=Role.PCSO, vacant=True),
            person(Role.NEIGHBOURHOOD_WARDEN),
        ],
    )
    assert team.fte() == {Role.CONSTABLE: 1.0, Role.PCSO: 1.0, Role.NEIGHBOURHOOD_WARDEN: 1.0}
    assert team.guarantee_fte() == 2.0


# ----------------------------------------------------------------------------- models and checks


@pytest.mark.parametrize(
    ("model", "leader", "minimums"),
    [
        (
            TeamModel.met_ward_2004(),
            Role.SERGEANT,
            {Role.SERGEANT: 1, Role.CONSTABLE: 2, Role.PCSO: 3},
        ),
        (
            TeamModel.met_interim(),
            Role.SERGEANT,
            {Role.SERGEANT: 1, Role.CONSTABLE: 1, Role.PCSO: 2},
        ),
        (
            TeamModel.met_dedicated_ward_officers(),
            Role.SERGEANT,
            {Role.SERGEANT: 1, Role.CONSTABLE: 2, Role.PCSO: 1},
        ),
        (
            TeamModel.merseyside(),
            Role.INSPECTOR,
            {
                Role.INSPECTOR: 1,
                Role.SERGEANT: 3,
                Role.CONSTABLE: 16,
                Role.PCSO: 1,
                Role.SPECIAL_CONSTABLE: 1,
                Role.POLICE_SUPPORT_VOLUNTEER: 1,
            },
        ),
        (TeamModel.devon_and_cornwall(), Role.SERGEANT, {Role.SERGEANT: 1, Role.CONSTABLE: 1}),
    ],
)
def test_presets(model: TeamModel, leader: Role, minimums: dict[Role, int]) -> None:
    assert model.leader is leader
    assert {r.role: r.minimum for r in model.requirements} == minimums
    assert model.source


def test_a_met_123_team_passes() -> None:
    assert check(met_team(), TeamModel.met_ward_2004(), as_of=AS_OF) == ()


def test_pcsos_do_not_stand_in_for_constables() -> None:
    findings = check(met_team(constables=1, pcsos=4), TeamModel.met_ward_2004(), as_of=AS_OF)
    assert rules(findings) == [
        ("ERROR", "minimum", Role.CONSTABLE),
        ("ERROR", "no substitution", Role.CONSTABLE),
    ]
    assert findings[0].message == "needs at least 2 FTE of constable, has 1"


def test_leadership() -> None:
    findings = check(met_team(sergeants=0), TeamModel.met_ward_2004(), as_of=AS_OF)
    assert rules(findings) == [
        ("ERROR", "leadership", Role.SERGEANT),
        ("ERROR", "minimum", Role.SERGEANT),
    ]
    assert (
        findings[0].message == "must be led by a police officer of at least sergeant rank, has none"
    )
    inspector_led = attrs.evolve(
        met_team(sergeants=0), members=[*met_team(sergeants=0).members, person(Role.INSPECTOR)]
    )
    assert rules(check(inspector_led, TeamModel.met_ward_2004(), as_of=AS_OF)) == [
        ("ERROR", "minimum", Role.SERGEANT)
    ]
    acting = Team(name="t", members=[person(Role.SERGEANT, acting=True), *met_team().members[1:]])
    assert rules(check(acting, TeamModel.met_ward_2004(), as_of=AS_OF)) == [
        ("WARNING", "leadership", Role.SERGEANT),
        ("INFO", "acting rank", Role.SERGEANT),
    ]


def test_named_contactable_officer() -> None:
    silent = Team(name="t", members=[Member(role=m.role, name=m.name) for m in met_team().members])
    assert rules(check(silent, TeamModel.met_ward_2004(), as_of=AS_OF)) == [
        ("ERROR", "contactable", None)
    ]
    wardens_only = Team(name="t", members=[*silent.members, person(Role.NEIGHBOURHOOD_WARDEN)])
    assert ("ERROR", "contactable", None) in rules(
        check(wardens_only, TeamModel.met_ward_2004(), as_of=AS_OF)
    )


def test_minimums_count_fte_and_ignore_vacancies() -> None:
    team = Team(
        name="t",
        members=[
            person(Role.SERGEANT),
            person(Role.CONSTABLE, fte=0.5),
            person(Role.CONSTABLE, fte=0.5),
            Member(role=Role.CONSTABLE, vacant=True),
            person(Role.PCSO),
            person(Role.PCSO),
        ],
    )
    findings = check(team, TeamModel.met_interim(), as_of=AS_OF)
    assert rules(findings) == [("WARNING", "vacancy", Role.CONSTABLE)]
    assert findings[0].member == "vacant constable post"


def test_per_ward_minimums() -> None:
    model = TeamModel.met_dedicated_ward_officers()
    team = Team(
        name="Cluster",
        areas={"E05000001", "E05000002"},
        members=[
            person(Role.SERGEANT),  # shared across both wards
            person(Role.CONSTABLE, "A", areas={"E05000001"}),
            person(Role.CONSTABLE, "B", areas={"E05000001"}),
            person(Role.CONSTABLE, "C", areas={"E05000002"}),
            person(Role.PCSO, "D"),  # no areas: covers both wards
        ],
    )
    findings = check(team, model, as_of=AS_OF)
    assert [f.message for f in findings] == [
        "needs at least 2 FTE of constable in E05000002, has 1"
    ]


def test_tenure() -> None:
    model = TeamModel.devon_and_cornwall()
    sergeant = person(Role.SERGEANT)
    early = person(
        Role.CONSTABLE, "Beat Manager", posted=dt.date(2024, 1, 1), leaving=dt.date(2025, 3, 1)
    )
    unknown = Member(role=Role.CONSTABLE, name="New", contact=CONTACT)
    settled = person(Role.CONSTABLE, "Settled", leaving=dt.date(2025, 1, 1))
    findings = check(
        Team(name="t", members=[sergeant, early, unknown, settled]), model, as_of=AS_OF
    )
    assert [(f.severity.name, f.member, f.message) for f in findings] == [
        (
            "ERROR",
            "Beat Manager (constable)",
            "leaves after 14 months, before the 24-month minimum tenure",
        ),
        (
            "WARNING",
            "New (constable)",
            "posting date unknown, so the 24-month minimum tenure cannot be checked",
        ),
    ]


def test_specials_commitment() -> None:
    model = attrs.evolve(TeamModel.met_ward_2004(), special_hours_per_month=16.0)
    team = Team(
        name="t",
        members=[
            *met_team().members,
            person(Role.SPECIAL_CONSTABLE, "Keen", hours_per_month=20),
            person(Role.SPECIAL_CONSTABLE, "Busy", hours_per_month=8),
            person(Role.SPECIAL_CONSTABLE, "Unknown"),
        ],
    )
    findings = check(team, model, as_of=AS_OF)
    assert [(f.severity.name, f.member, f.message) for f in findings] == [
        ("ERROR", "Busy (special constable)", "commits 8 hours a month, below the minimum of 16"),
        ("WARNING", "Unknown (special constable)", "committed hours unknown"),
    ]
    weekly = attrs.evolve(model, special_hours_per_month=4 * 52 / 12)
    assert (
        any(f.member == "Keen (special constable)" for f in check(team, weekly, as_of=AS_OF))
        is False
    )


def test_designated_powers() -> None:
    team = Team(
        name="t",
        members=[
            *met_team().members,
            person(
                Role.PCSO, "Fine", powers={Power.FIXED_PENALTY_NOTICE, Power.CONFISCATE_ALCOHOL}
            ),
            person(Role.PCSO, "Arresting", powers={Power.ARREST, Power.STOP_AND_SEARCH}),
            person(Role.ACCREDITED_PERSON, "Detaining", powers={Power.DETAIN_PENDING_CONSTABLE}),
            person(Role.NEIGHBOURHOOD_WARDEN, "Warden", powers={Power.FIXED_PENALTY_NOTICE}),
        ],
    )
    findings = check(team, TeamModel.met_ward_2004(), as_of=AS_OF)
    assert [(f.member, f.message) for f in findings] == [
        ("Arresting (PCSO)", "a PCSO cannot be designated the power to arrest"),
        ("Arresting (PCSO)", "a PCSO cannot be designated the power to stop and search"),
        (
            "Detaining (accredited person)",
            "a accredited person cannot be designated the power to detain pending a constable",
        ),
        (
            "Warden (neighbourhood warden)",
            "a neighbourhood warden cannot be designated the power to issue fixed penalty notices",
        ),
    ]


def test_every_finding_at_once_in_a_stable_order() -> None:
    team = Team(
        name="t",
        members=[Member(role=Role.PCSO, name="Alone"), Member(role=Role.CONSTABLE, vacant=True)],
    )
    findings = check(team, TeamModel.met_ward_2004(), as_of=AS_OF)
    assert [f.rule for f in findings] == [
        "contactable",
        "leadership",
        "minimum",
        "minimum",
        "minimum",
        "vacancy",
    ]
    assert findings == check(
        Team(name="t", members=list(reversed(team.members))), TeamModel.met_ward_2004(), as_of=AS_OF
    )
    assert sorted(findings) == sorted(findings)


def test_check_type_errors() -> None:
    with pytest.raises(TypeError, match="^team must be a Team"):
        check("team", TeamModel.met_interim(), as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^model must be a TeamModel"):
        check(met_team(), "1-2-3", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^as_of must be a datetime.date"):
        check(
            met_team(),
            TeamModel.met_interim(),
            as_of=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc),
        )


def test_model_validation() -> None:
    with pytest.raises(InvalidTeam, match="^leader must be a police rank"):
        TeamModel(name="x", leader=Role.PCSO)
    with pytest.raises(InvalidTeam, match="^minimum must be a number of FTE, at least 0, got -1$"):
        RoleRequirement(role=Role.PCSO, minimum=-1)
    with pytest.raises(
        InvalidTeam,
        match="^min_tenure_months must be a whole number of months, at least 0, got 1.5$",
    ):
        RoleRequirement(role=Role.PCSO, minimum=1, min_tenure_months=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^requirements must be RoleRequirement values"):
        TeamModel(name="x", requirements=[(Role.PCSO, 1)])  # type: ignore[list-item]


# ----------------------------------------------------------------------------- strength and the Guarantee


def test_guarantee_progress() -> None:
    assert GUARANTEE.baseline == 17_175
    assert GUARANTEE.target == 30_175
    assert GUARANTEE.progress(17_175) == 0
    assert GUARANTEE.progress(30_175) == 1
    assert GUARANTEE.expected(dt.date(2025, 3, 31)) == 17_175
    assert GUARANTEE.expected(dt.date(2030, 1, 1)) == 30_175
    assert GUARANTEE.expected(dt.date(2020, 1, 1)) == 17_175
    assert GUARANTEE.on_track(24_000, as_of=dt.date(2027, 3, 31))
    assert not GUARANTEE.on_track(23_000, as_of=dt.date(2027, 3, 31))


# ----------------------------------------------------------------------------- police.uk


def test_members_from_real_policeuk_people() -> None:
    people = json.loads(
        (POLICEUK / "neighbourhood-team__leicestershire-NC04__tjcain.json").read_text(
            encoding="utf-8"
        )
    )
    members = members_from_policeuk(people)
    assert [(m.name, m.role) for m in members] == [
        ("Andy Cooper", Role.SERGEANT),
        ("Andy Price", Role.SERGEANT),
    ]
    assert all(m.contact == () for m in members)  # the sample publishes no contact details
    findings = check(
        Team(name="City Centre", members=members), TeamModel.met_interim(), as_of=AS_OF
    )
    assert ("ERROR", "contactable", None) in rules(findings)


def test_unknown_ranks_in_policeuk_people() -> None:
    nulls = json.loads(
        (POLICEUK / "neighbourhood-team-item__nulls__policedatakit.json").read_text(
            encoding="utf-8"
        )
    )
    with pytest.raises(ExceptionGroup) as info:
        members_from_policeuk([nulls, {"name": "X", "rank": "Wizard"}, {"name": "Y", "rank": "PC"}])
    assert [str(e) for e in info.value.exceptions] == [
        "people[0].rank must be a known police rank or role title, got None",
        "people[1].rank must be a known police rank or role title, got 'Wizard'",
    ]
    members = members_from_policeuk([nulls], unknown_rank=Role.POLICE_STAFF)
    assert members[0].role is Role.POLICE_STAFF
    with pytest.raises(TypeError, match=r"^people\[0\] must be a mapping"):
        members_from_policeuk(["Dave"])  # type: ignore[list-item]


def test_policeuk_round_trip() -> None:
    team = Team(
        name="t",
        members=[
            person(Role.SERGEANT, "Andy", acting=True),
            person(Role.PCSO, "Jo"),
            Member(role=Role.CONSTABLE, vacant=True),
            person(Role.SPECIAL_CONSTABLE, "Sam"),
        ],
    )
    exported = team_to_policeuk(team)
    assert [p["rank"] for p in exported] == ["A/Sgt", "PCSO", "Special Constable"]
    back = members_from_policeuk(exported)
    assert [(m.name, m.role, m.acting, m.contact) for m in back] == [
        (m.name, m.role, m.acting, m.contact) for m in team.members if not m.vacant
    ]


def test_every_exported_title_reads_back() -> None:
    for role in Role:
        exported = team_to_policeuk(Team(name="t", members=[Member(role=role, name="X")]))[0][
            "rank"
        ]
        assert parse_rank(exported).role is role


def test_strength_across_teams() -> None:
    from pact_core.teams import strength  # noqa: PLC0415

    force = [met_team(), met_team(constables=1), Team(name="empty")]
    assert strength(force) == {Role.CONSTABLE: 3.0, Role.SERGEANT: 2.0, Role.PCSO: 6.0}
    assert strength([]) == {}
    with pytest.raises(TypeError, match="^teams must be Team values"):
        strength(["Strood"])  # type: ignore[list-item]


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_a_rank_does_not_outrank_itself_and_the_senior_ranks_are_in_order() -> None:
    assert not Role.SERGEANT.outranks(Role.SERGEANT)
    ladder = [Role.CONSTABLE, Role.SERGEANT, Role.INSPECTOR, Role.CHIEF_INSPECTOR,
              Role.SUPERINTENDENT, Role.CHIEF_SUPERINTENDENT, Role.CHIEF_OFFICER]  # fmt: skip
    for junior, senior in itertools.pairwise(ladder):
        assert senior.outranks(junior), (senior, junior)
        assert not junior.outranks(senior), (junior, senior)


def test_fte_and_hours_at_their_bounds() -> None:
    assert person(Role.CONSTABLE, fte=1).fte == 1
    assert person(Role.CONSTABLE, fte=0.01).fte == 0.01
    with pytest.raises(ExceptionGroup) as caught:
        person(Role.CONSTABLE, fte=0)
    assert [str(e) for e in caught.value.exceptions] == [
        "fte must be more than 0 and at most 1, got 0"
    ]
    assert person(Role.SPECIAL_CONSTABLE, hours_per_month=0).hours_per_month == 0


def test_values_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        Member(Role.CONSTABLE, "PC 1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Team("Strood", [])  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        RoleRequirement(Role.CONSTABLE, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        GuaranteeTarget(100.0, dt.date(2024, 7, 1), 113.0, dt.date(2029, 3, 31))  # type: ignore[call-arg]


def test_vacancies_are_listed_by_post_whatever_the_order_given() -> None:
    team = met_team()
    vacancies = [Member(role=Role.CONSTABLE, vacant=True), Member(role=Role.PCSO, vacant=True)]
    found = check(
        attrs.evolve(team, members=[*team.members, *vacancies]),
        TeamModel.met_ward_2004(),
        as_of=AS_OF,
    )
    assert [f.member for f in found if f.rule == "vacancy"] == [
        "vacant PCSO post",
        "vacant constable post",
    ]


def test_no_substitution_needs_a_surplus() -> None:
    # One constable short, and exactly the PCSOs the model asks for: nothing stands in.
    findings = check(met_team(constables=1, pcsos=3), TeamModel.met_ward_2004(), as_of=AS_OF)
    assert rules(findings) == [("ERROR", "minimum", Role.CONSTABLE)]


def test_more_edges() -> None:
    # A rank read with no student flag is not a student's.
    assert not RankTitle(role=Role.CONSTABLE, acting=False, detective=False, text="PC").student
    # Findings that differ only in their role are different findings.
    one = Finding(severity=Severity.ERROR, rule="minimum", message="short", role=Role.CONSTABLE)
    assert one != attrs.evolve(one, role=Role.PCSO)
    # FTE is summed to six places: what a roster can say, and no float dust.
    odd = Team(name="Odd", members=[person(Role.CONSTABLE, fte=0.1234567)])
    findings = check(odd, TeamModel.met_ward_2004(), as_of=AS_OF)
    assert "needs at least 2 FTE of constable, has 0.123457" in [f.message for f in findings]
    # On the Guarantee's straight line exactly is on track.
    target = GuaranteeTarget(baseline=100.0, baseline_date=dt.date(2025, 1, 1), target=200.0,
                             target_date=dt.date(2025, 1, 11))  # fmt: skip
    assert target.on_track(150.0, as_of=dt.date(2025, 1, 6))
    assert not target.on_track(149.99, as_of=dt.date(2025, 1, 6))


def test_pcsos_above_a_model_that_asks_for_none_still_do_not_stand_in() -> None:
    model = TeamModel(
        name="constables only", requirements=[RoleRequirement(role=Role.CONSTABLE, minimum=2)]
    )
    team = Team(
        name="T",
        members=[
            person(Role.SERGEANT, "Sgt"),
            person(Role.CONSTABLE, "PC"),
            person(Role.PCSO, "PCSO"),
        ],
    )
    assert rules(check(team, model, as_of=AS_OF)) == [
        ("ERROR", "minimum", Role.CONSTABLE),
        ("ERROR", "no substitution", Role.CONSTABLE),
    ]


def test_leaving_exactly_at_the_minimum_tenure_is_enough() -> None:
    model = TeamModel(
        name="two years",
        requirements=[RoleRequirement(role=Role.CONSTABLE, minimum=1, min_tenure_months=24)],
    )
    posted = dt.date(2024, 6, 1)
    stays = person(Role.CONSTABLE, "PC Stays", posted=posted, leaving=dt.date(2026, 6, 1))
    goes = person(Role.CONSTABLE, "PC Goes", posted=posted, leaving=dt.date(2026, 5, 31))
    team = Team(name="T", members=[person(Role.SERGEANT, "Sgt"), stays, goes])
    assert [f.member for f in check(team, model, as_of=AS_OF) if f.rule == "tenure"] == [
        "PC Goes (constable)"
    ]


def test_team_values_are_keyword_only_and_findings_sort_without_comparing_roles() -> None:
    with pytest.raises(TypeError):
        TeamModel("1-1-3")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Finding(Severity.ERROR, "minimum", "short")  # type: ignore[call-arg]
    same = {"severity": Severity.ERROR, "rule": "minimum", "message": "short"}
    pair = [Finding(**same, role=Role.PCSO), Finding(**same, role=Role.CONSTABLE)]  # type: ignore[arg-type]
    assert sorted(pair) == pair  # the role takes no part in the order


def test_more_edges_of_models() -> None:
    # The Met's dedicated ward officers: constables and PCSOs counted in each ward.
    per_ward = {r.role: r.per_area for r in TeamModel.met_dedicated_ward_officers().requirements}
    assert per_ward == {Role.SERGEANT: False, Role.CONSTABLE: True, Role.PCSO: True}
    # Three thirds (as a roster writes them) make one FTE.
    model = TeamModel(
        name="one constable", requirements=[RoleRequirement(role=Role.CONSTABLE, minimum=1)]
    )
    thirds = [person(Role.CONSTABLE, f"PC {i}", fte=0.3333333) for i in range(3)]
    team = Team(name="T", members=[person(Role.SERGEANT, "Sgt"), *thirds])
    assert [f for f in check(team, model, as_of=AS_OF) if f.rule == "minimum"] == []
    # A special who commits exactly the minimum hours is committed enough.
    special = person(Role.SPECIAL_CONSTABLE, "SC", hours_per_month=16)
    assert [f.rule for f in check(Team(name="T", members=[person(Role.SERGEANT, "Sgt"), special]), model, as_of=AS_OF)
            if f.rule == "commitment"] == []  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "Finding",
        "GuaranteeTarget",
        "Member",
        "RoleRequirement",
        "Team",
        "TeamModel",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.teams"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_severities_keep_their_stored_values() -> None:
    # Stored data (pact_core.plain) holds a finding's severity by value.
    assert [(s.name, s.value) for s in Severity] == [("ERROR", 0), ("WARNING", 1), ("INFO", 2)]


def test_a_member_may_leave_on_the_day_they_were_posted() -> None:
    day = dt.date(2025, 4, 1)
    member = Member(name="PC Day", role=Role.CONSTABLE, posted=day, leaving=day)
    assert (member.posted, member.leaving) == (day, day)
