"""The published scorecard on a hand-built Medway neighbourhood, every figure computed by hand here."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import html
import importlib
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
import shapely

from pact_core.abstraction import AbstractionPolicy, Accounts, DutyRecord, account
from pact_core.case_review import Application, Case, CaseEvent, Decision, Stage
from pact_core.crime import (
    ASB,
    CRIME,
    CrimeTable,
    Incidence,
    Month,
    crimes_from_csv,
    incidence,
    solved_by_area,
    solved_share,
)
from pact_core.geography import (
    CoordinateSystem,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardLocator,
)
from pact_core.intervals import Interval
from pact_core.panels import Panel
from pact_core.priorities import EventKind, Issue, Priority, PriorityEvent, Register
from pact_core.response import Channel, Event, EventLog, Query, Requester
from pact_core.response import EventKind as QueryEventKind
from pact_core.scorecard import (
    ForceScorecard,
    Measure,
    MeasureKind,
    MeasureStatus,
    NeighbourhoodScorecard,
    force_scorecard,
    neighbourhood_scorecard,
    period_months,
    ward_table,
)
from pact_core.teams import GuaranteeTarget, Member, Role, Team, TeamModel

LONDON = ZoneInfo("Europe/London")
QUARTER = Interval(dt.datetime(2025, 4, 1, tzinfo=LONDON), dt.datetime(2025, 7, 1, tzinfo=LONDON))
AS_OF = dt.datetime(2025, 7, 1, 9, tzinfo=LONDON)


def at(month: int, day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, tzinfo=LONDON)


def strood_team() -> Team:
    return Team(name="Strood NPT", members=[
        Member(name="Sgt Andy Cooper", role=Role.SERGEANT, contact={"email": "strood.npt@kent.police.uk"}),
        Member(name="PC Sam Patel", role=Role.CONSTABLE, contact={"phone": "101"}),
        Member(role=Role.CONSTABLE, vacant=True),
        Member(name="PCSO Jo Bloggs", role=Role.PCSO, fte=0.5),
        Member(name="SC Lee Chan", role=Role.SPECIAL_CONSTABLE, hours_per_month=16),
    ])  # fmt: skip


def strood_register() -> Register:
    panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT", max_months=3)

    def priority(pid: str, text: str, *events: PriorityEvent) -> Priority:
        return Priority(
            id=pid, panel=panel, issue=Issue(category=pid, place="Strood"), text=text, events=events
        )

    return Register(panel=panel, priorities=[
        # adopted in January, achieved in May: not current, achieved in the quarter
        priority("drugs", "Drug dealing at Strood station", PriorityEvent(kind=EventKind.ADOPTED, at=at(1, 20)),
                 PriorityEvent(kind=EventKind.ACTION, at=at(4, 10), note="Warrants executed"),
                 PriorityEvent(kind=EventKind.ACHIEVED, at=at(5, 15))),
        # adopted in February, never touched since: current, not updated in three months, overdue (3-month review)
        priority("parking", "Parking on Frindsbury Hill", PriorityEvent(kind=EventKind.ADOPTED, at=at(2, 10))),
        # adopted in May, an action in June: current, updated, not overdue
        priority("speeding", "Speeding on Cuxton Road", PriorityEvent(kind=EventKind.ADOPTED, at=at(5, 15)),
                 PriorityEvent(kind=EventKind.ACTION, at=at(6, 3), note="Speed checks on four evenings")),
    ])  # fmt: skip


def strood_accounts() -> Accounts:
    def duty(
        officer: str, start: dt.datetime, hours: int, activity: str, place: str = "Strood"
    ) -> DutyRecord:
        return DutyRecord(officer=officer, interval=Interval.from_start(start, dt.timedelta(hours=hours)),
                          activity=activity, neighbourhood=place, team=f"{place} NPT")  # fmt: skip

    records = [
        duty("PC 1", at(4, 7, 8), 8, "patrol"),  # community 480
        duty("PC 1", at(4, 8, 8), 8, "response cover"),  # abstracted 480
        duty("PC 1", at(5, 6, 8), 6, "briefing"),  # neighbourhood work 360
        duty("PC 1", at(6, 2, 8), 4, "major incident"),  # emergency 240
        duty("PC 1", at(6, 9, 0), 24, "annual leave"),  # off duty: out of the denominator
        duty("PC 1", at(3, 3, 8), 8, "response cover"),  # March: outside the quarter
        duty("PC 9", at(4, 7, 8), 8, "response cover", place="Chatham"),  # another neighbourhood
    ]
    return account(records, AbstractionPolicy.default(), tz=LONDON, unit="month")


def strood_queries() -> list[EventLog]:
    def log(
        qid: str, received: dt.datetime, responded: dt.datetime | None, place: str = "Strood"
    ) -> EventLog:
        query = Query(
            id=qid,
            requester=Requester.RESIDENT,
            channel=Channel.ONLINE,
            force="kent",
            neighbourhood=place,
        )
        events = [Event(kind=QueryEventKind.RECEIVED, at=received)]
        if responded is not None:
            events.append(Event(kind=QueryEventKind.RESPONDED, at=responded))
        return EventLog(query=query, events=events)

    return [
        log("Q1", at(4, 1), at(4, 2)),  # on time
        log("Q2", at(4, 10), at(4, 14)),  # 96 hours: late
        log("Q3", at(5, 1), None),  # never answered: breached
        log("Q4", at(6, 30, 18), None),  # due 3 July: open at as_of
        log("Q5", at(3, 30), at(3, 31)),  # received before the quarter
        log("Q6", at(4, 1), at(4, 2), place="Chatham"),
    ]


def strood_cases() -> list[Case]:
    def application(aid: str, received: dt.datetime) -> Application:
        return Application(id=aid, applicant="R-1", received_at=received, complaints=[])

    return [
        Case(application=application("A1", at(4, 3)), events=[
            CaseEvent(stage=Stage.DECIDED, at=at(4, 20), decision=Decision.NO_REVIEW)]),
        Case(application=application("A2", at(3, 25)), events=[
            CaseEvent(stage=Stage.DECIDED, at=at(4, 2), decision=Decision.REVIEW),
            CaseEvent(stage=Stage.MEETING, at=at(4, 28)),
            CaseEvent(stage=Stage.OUTCOME, at=at(5, 2), recommendations=True)]),
    ]  # fmt: skip


def strood_card() -> NeighbourhoodScorecard:
    return neighbourhood_scorecard(
        force="kent", neighbourhood="Strood", name="Strood neighbourhood", period=QUARTER, as_of=AS_OF,
        teams=[strood_team()], model=TeamModel.met_interim(), registers=[strood_register()],
        accounts=strood_accounts(), queries=strood_queries(), cases=strood_cases(),
    )  # fmt: skip


def test_a_hand_built_strood_scorecard() -> None:
    card = strood_card()
    figures = {m.key: (m.status, m.value, m.numerator, m.denominator) for m in card.measures}
    reported = MeasureStatus.REPORTED
    # Teams: 1 sergeant + 1 constable + 0.5 PCSO = 2.5 FTE of officers and PCSOs; the special is counted apart.
    assert figures["fte_neighbourhood"] == (reported, 2.5, None, None)
    assert figures["fte.sergeant"][1] == 1.0
    assert figures["fte.constable"][1] == 1.0
    assert figures["fte.pcso"][1] == 0.5
    assert figures["fte.special_constable"][1] == 1.0
    # The sergeant has an email address: a named officer contactable online.
    assert figures["named_officer_online"][1] == 1.0
    assert card.measure("named_officer_online").note == "Sgt Andy Cooper"
    # The Met's interim model wants 2 PCSOs: 0.5 is short, so the team does not meet it.
    assert figures["team_model"][1] == 0.0
    assert "needs at least 2 FTE of PCSO, has 0.5" in (card.measure("team_model").note or "")
    # Priorities: parking and speeding current; only speeding updated since 1 April; parking overdue
    # (reviewed 10 February, due 10 May); drugs achieved in May.
    assert figures["priorities_current"][1] == 2
    assert figures["priorities_updated"] == (reported, 0.5, 1.0, 2.0)
    assert figures["priorities_overdue"][1] == 1
    assert figures["priorities_achieved"][1] == 1
    # Abstraction, April to June: on duty 480 + 480 + 360 + 240 = 1,560 minutes;
    # abstracted 480 and emergency 240; community 480.
    assert figures["abstraction_rate"] == (reported, 720 / 1560, 720.0, 1560.0)
    assert figures["abstraction_rate_excluding_emergencies"] == (
        reported,
        480 / 1320,
        480.0,
        1320.0,
    )
    assert figures["community_time"] == (reported, 480 / 1560, 480.0, 1560.0)
    # Response: Q1 on time, Q2 late, Q3 breached, Q4 open; Q5 before the quarter, Q6 Chatham's.
    assert figures["response_on_time"] == (reported, 1 / 3, 1.0, 3.0)
    assert card.measure("response_on_time").note == "4 received, 1 late, 1 breached, 1 open"
    # ASB Case Review: A1 received and declined in the quarter; A2 received in March, its outcome in May.
    assert [figures[k][1] for k in ("case_review_applications", "case_review_thresholds_not_met",
                                     "case_review_reviews", "case_review_recommendations")] == [1, 1, 1, 1]  # fmt: skip


def test_missing_sources_are_not_reported_never_zero() -> None:
    card = neighbourhood_scorecard(
        force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF
    )
    assert {m.status for m in card.measures} == {MeasureStatus.NOT_REPORTED}
    assert all(m.value is None and m.text == "not reported" for m in card.measures)
    assert all(
        m["value"] is None and m["status"] == "not reported" for m in card.to_dict()["measures"]
    )
    without_model = neighbourhood_scorecard(
        force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF, teams=[strood_team()]
    )
    assert without_model.measure("team_model").note == "no model given"
    empty = neighbourhood_scorecard(
        force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF, queries=[], registers=[]
    )
    assert empty.measure("response_on_time").status is MeasureStatus.NOTHING_TO_MEASURE
    assert empty.measure("response_on_time").text == "nothing to measure"
    assert empty.measure("priorities_updated").status is MeasureStatus.NOTHING_TO_MEASURE
    assert empty.measure("priorities_current").text == "0"


def chatham_card() -> NeighbourhoodScorecard:
    team = Team(
        name="Chatham NPT",
        members=[Member(name="PC Kim Evans", role=Role.CONSTABLE, contact={"phone": "101"})],
    )
    return neighbourhood_scorecard(force="kent", neighbourhood="Chatham", period=QUARTER, as_of=AS_OF, teams=[team],
                                   accounts=strood_accounts(), queries=strood_queries())  # fmt: skip


def test_rolled_up_to_the_force() -> None:
    force = force_scorecard([strood_card(), chatham_card()], force="kent")
    figures = {m.key: m for m in force.measures}
    assert figures["fte_neighbourhood"].value == 3.5
    assert figures["fte_neighbourhood"].note is None
    # Strood has a named officer online, Chatham's officer has only a phone: one of two.
    assert (
        figures["named_officer_online"].numerator,
        figures["named_officer_online"].denominator,
    ) == (1, 2)
    assert (
        figures["named_officer_online"].label == "Neighbourhoods: named officer contactable online"
    )
    # Chatham's 480 abstracted minutes join Strood's: (720 + 480) / (1,560 + 480).
    assert figures["abstraction_rate"].value == pytest.approx(1200 / 2040)
    # Chatham's one query (Q6) was answered on time: (1 + 1) / (3 + 1).
    assert figures["response_on_time"].value == 0.5
    # Only Strood gave priorities and cases: they cover one of two neighbourhoods, and say so.
    assert figures["priorities_current"].value == 2
    assert figures["priorities_current"].note == "1 of 2 neighbourhoods reporting"
    assert figures["team_model"].note == "1 of 2 neighbourhoods reporting"
    assert figures["guarantee_progress"].status is MeasureStatus.NOT_REPORTED
    assert figures["guarantee_progress"].note == "no force target given"
    target = GuaranteeTarget(
        baseline=3.0,
        baseline_date=dt.date(2025, 3, 31),
        target=5.0,
        target_date=dt.date(2029, 3, 31),
    )
    progress = force_scorecard(
        [strood_card(), chatham_card()], force="kent", target=target
    ).measure("guarantee_progress")
    assert (progress.value, progress.note) == (0.25, "3.5 FTE against 3.1 expected by now")
    alone = force_scorecard(
        [neighbourhood_scorecard(force="kent", neighbourhood="X", period=QUARTER, as_of=AS_OF)],
        force="kent",
    )
    assert alone.measure("named_officer_online").status is MeasureStatus.NOT_REPORTED
    assert alone.measure("guarantee_progress").status is MeasureStatus.NOT_REPORTED


def test_to_dict_is_json_ready_and_keeps_every_figure() -> None:
    force = force_scorecard([strood_card(), chatham_card()], force="kent")
    data = json.loads(json.dumps(force.to_dict()))
    assert data["period"] == "2025-03-31T23:00:00Z/2025-06-30T23:00:00Z"
    strood = data["neighbourhoods"][0]
    assert strood["name"] == "Strood neighbourhood"
    rate = next(m for m in strood["measures"] if m["key"] == "abstraction_rate")
    assert rate == {"key": "abstraction_rate", "label": "Abstraction rate", "kind": "share", "status": "reported",
                    "value": 720 / 1560, "numerator": 720.0, "denominator": 1560.0, "text": "46.2%", "note": None}  # fmt: skip


def test_html_is_escaped_and_shows_not_reported() -> None:
    card = neighbourhood_scorecard(force="kent", neighbourhood="<b>Strood</b>", name="Strood & <i>Frindsbury</i>",
                                   period=QUARTER, as_of=AS_OF, teams=[Team(name="t", members=[
                                       Member(name="<script>alert(1)</script>", role=Role.SERGEANT, contact={"email": "a@b"})])])  # fmt: skip
    page = card._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "Strood &amp; &lt;i&gt;Frindsbury&lt;/i&gt;: 01 Apr 2025 to 30 Jun 2025" in page
    assert page.count("not reported") == len(
        [m for m in card.measures if m.status is MeasureStatus.NOT_REPORTED]
    )
    force = force_scorecard([card], force="kent & medway")
    assert "kent &amp; medway" in force._repr_html_()
    assert isinstance(force, ForceScorecard)


def test_measures_read_as_text() -> None:
    assert Measure.figure("n", "N", MeasureKind.COUNT, 1234).text == "1,234"
    assert Measure.figure("f", "F", MeasureKind.FTE, 2.25).text == "2.2"
    assert Measure.figure("y", "Y", MeasureKind.FLAG, 1).text == "yes"
    assert Measure.share("s", "S", 1, 3).text == "33.3%"
    assert Measure.share("s", "S", 0, 0).text == "nothing to measure"
    with pytest.raises(KeyError):
        strood_card().measure("nope")
    with pytest.raises(KeyError):
        force_scorecard([strood_card()], force="kent").measure("nope")


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="period must be an Interval"):
        neighbourhood_scorecard(force="kent", neighbourhood="S", period="2025-Q2", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="model must be a TeamModel"):
        neighbourhood_scorecard(
            force="kent",
            neighbourhood="S",
            period=QUARTER,
            as_of=AS_OF,
            model="1-2-3",  # type: ignore[arg-type]
        )
    with pytest.raises(TypeError, match="accounts must be Accounts"):
        neighbourhood_scorecard(
            force="kent",
            neighbourhood="S",
            period=QUARTER,
            as_of=AS_OF,
            accounts={},  # type: ignore[arg-type]
        )
    with pytest.raises(TypeError, match="cards must hold at least one"):
        force_scorecard([], force="kent")
    with pytest.raises(TypeError, match="cards must be NeighbourhoodScorecard values"):
        force_scorecard(["card"], force="kent")  # type: ignore[list-item]
    later = neighbourhood_scorecard(
        force="kent", neighbourhood="S", period=QUARTER, as_of=AS_OF + dt.timedelta(days=1)
    )
    with pytest.raises(TypeError, match="cards must share one period and one as_of"):
        force_scorecard([strood_card(), later], force="kent")


def test_ward_by_ward_for_scrutiny(medway_map: NeighbourhoodMap) -> None:
    register = strood_register()
    table = ward_table(medway_map, [register], period=QUARTER, as_of=AS_OF,
                       priority_wards={"speeding": [WardCode("E05014467")]})  # fmt: skip
    rows = {row.ward: row for row in table.rows}
    assert [row.ward for row in table.rows] == sorted(rows)
    strood_north = rows["E05014467"]  # Strood North & Frindsbury
    assert strood_north.neighbourhoods == ("Strood",)
    assert strood_north.priorities == ("Parking on Frindsbury Hill", "Speeding on Cuxton Road")
    assert (strood_north.actions, strood_north.outcomes) == (2, (("achieved", 1),))
    strood_west = rows["E05014469"]
    assert strood_west.priorities == (
        "Parking on Frindsbury Hill",
    )  # speeding is pinned to Strood North
    assert (strood_west.actions, strood_west.outcomes) == (1, (("achieved", 1),))
    chatham = rows["E05014458"]
    assert (chatham.priorities, chatham.actions, chatham.outcomes) == ((), 0, ())
    assert rows["E05014450"].neighbourhoods == ("Chatham", "Gillingham")
    data = json.loads(json.dumps(table.to_dict()))
    assert data["rows"][0]["ward"] == "E05014449"
    page = table._repr_html_()
    assert html.escape("Strood North & Frindsbury") in page
    with pytest.raises(TypeError, match="period must be an Interval"):
        ward_table(medway_map, [], period="Q2", as_of=AS_OF)  # type: ignore[arg-type]


# -- crime and anti-social behaviour from police.uk


def _medway_crime(medway_map: NeighbourhoodMap) -> tuple[CrimeTable, WardLocator, Incidence]:

    data = (
        Path(__file__).parents[1]
        / "examples"
        / "data"
        / "kent-2022-01-to-08-medway-maidstone.csv.gz"
    )
    with gzip.open(data, "rt", encoding="utf-8", newline="") as f:
        crimes = crimes_from_csv(list(csv.reader(f)), publication=Month(2022, 8))
    locator = WardLocator.from_map(medway_map)
    return crimes, locator, incidence(crimes, locator, by="neighbourhood")


def test_crime_asb_and_crimes_solved_on_the_scorecard(medway_map: NeighbourhoodMap) -> None:
    crimes, locator, by_neighbourhood = _medway_crime(medway_map)
    assert isinstance(crimes, CrimeTable)
    quarter = Interval(
        dt.datetime(2022, 4, 1, tzinfo=LONDON), dt.datetime(2022, 7, 1, tzinfo=LONDON)
    )
    as_of = dt.datetime(2022, 8, 31, tzinfo=LONDON)
    months = [Month(2022, m) for m in (4, 5, 6)]
    shares = solved_by_area(crimes, locator, by="neighbourhood", months=months)
    centre = solved_share(crimes, months=months)
    cards = [
        neighbourhood_scorecard(force="kent", neighbourhood=n.id, period=quarter, as_of=as_of,
                                incidence=by_neighbourhood, solved=shares[n.id],
                                town_centre_solved=centre if n.id == "Chatham" else None)
        for n in medway_map.neighbourhoods
    ]  # fmt: skip
    chatham = next(card for card in cards if card.neighbourhood == "Chatham")
    expected = by_neighbourhood.total(areas=["Chatham"], months=months, categories=CRIME)
    assert chatham.measure("crime_recorded").value == expected
    assert chatham.measure("asb_recorded").value == by_neighbourhood.total(
        areas=["Chatham"], months=months, categories=ASB
    )
    assert chatham.measure("crimes_solved").numerator == shares["Chatham"].solved
    assert chatham.measure("crimes_solved").denominator == shares["Chatham"].decided
    assert "published 2022-08" in (chatham.measure("crimes_solved").note or "")
    force = force_scorecard(cards, force="kent")
    # Counts add; shares roll up from their parts, never an average of averages.
    placed = incidence(crimes, locator, by="neighbourhood").total(
        months=months, categories=CRIME
    ) - sum(
        by_neighbourhood.total(areas=[u], months=months, categories=CRIME)
        for u in ("<no location>", "<outside>")
    )
    assert force.measure("crime_recorded").value == placed
    solved = sum(share.solved for share in shares.values())
    decided = sum(share.decided for share in shares.values())
    assert (
        force.measure("crimes_solved").numerator,
        force.measure("crimes_solved").denominator,
    ) == (solved, decided)
    town = force.measure("town_centre_crimes_solved")
    assert town.note == f"1 of {len(cards)} neighbourhoods reporting"
    bare = neighbourhood_scorecard(
        force="kent", neighbourhood="Chatham", period=quarter, as_of=as_of
    )
    for key in ("crime_recorded", "asb_recorded", "crimes_solved", "town_centre_crimes_solved"):
        assert bare.measure(key).status is MeasureStatus.NOT_REPORTED


def test_the_ward_table_gains_crime_and_asb(medway_map: NeighbourhoodMap) -> None:
    crimes, locator, _ = _medway_crime(medway_map)
    by_ward = incidence(crimes, locator)
    quarter = Interval(
        dt.datetime(2022, 4, 1, tzinfo=LONDON), dt.datetime(2022, 7, 1, tzinfo=LONDON)
    )
    table = ward_table(
        medway_map,
        [],
        period=quarter,
        as_of=dt.datetime(2022, 8, 31, tzinfo=LONDON),
        incidence=by_ward,
    )
    months = [Month(2022, m) for m in (4, 5, 6)]
    for row in table.rows:
        assert row.crime == by_ward.total(areas=[row.ward], months=months, categories=CRIME)
        assert row.asb == by_ward.total(areas=[row.ward], months=months, categories=ASB)
    assert json.loads(json.dumps(table.to_dict()))["rows"][0]["crime"] == table.rows[0].crime
    assert "<th style='text-align:left'>Crime</th>" in table._repr_html_()
    plain = ward_table(
        medway_map, [], period=quarter, as_of=dt.datetime(2022, 8, 31, tzinfo=LONDON)
    )
    assert plain.rows[0].crime is None
    assert "not reported" in plain._repr_html_()


@pytest.mark.parametrize(
    "name",
    [
        "ForceScorecard",
        "Measure",
        "NeighbourhoodScorecard",
        "WardRow",
        "WardTable",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.scorecard"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_the_core_roles_are_always_shown_and_the_others_when_present() -> None:
    team = Team(name="Small NPT", members=[
        Member(name="Sgt Andy Cooper", role=Role.SERGEANT),
        Member(name="Pat Volunteer", role=Role.POLICE_SUPPORT_VOLUNTEER, hours_per_month=8),
    ])  # fmt: skip
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", name="Strood neighbourhood",
                                   period=QUARTER, as_of=AS_OF, teams=[team])  # fmt: skip
    shown = [m.key for m in card.measures if m.key.startswith("fte.")]
    assert shown == ["fte.constable", "fte.sergeant", "fte.pcso", "fte.special_constable",
                     "fte.police_support_volunteer"]  # fmt: skip
    assert card.measure("fte.pcso").value == 0.0


def test_the_neighbourhood_fte_comes_before_each_role_s() -> None:
    keys = [m.key for m in strood_card().measures]
    assert keys.index("fte_neighbourhood") < keys.index("fte.sergeant") < keys.index("fte.pcso")


def test_no_queries_is_a_share_of_nothing_not_of_none() -> None:
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", name="Strood neighbourhood",
                                   period=QUARTER, as_of=AS_OF, queries=[])  # fmt: skip
    measure = card.measure("response_on_time")
    assert (measure.numerator, measure.denominator, measure.value) == (0, 0, None)
    assert measure.note == "no queries received"


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_time_on_the_day_the_period_ends_is_not_in_it() -> None:
    # The quarter ends at midnight on 1 July: a patrol that day belongs to the next.
    july = DutyRecord(officer="PC 1", interval=Interval.from_start(at(7, 1, 8), dt.timedelta(hours=8)),
                      activity="patrol", neighbourhood="Strood", team="Strood NPT")  # fmt: skip
    both = account([july], AbstractionPolicy.default(), tz=LONDON, unit="month") + strood_accounts()
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF,
                                   accounts=both)  # fmt: skip
    assert card.measure("community_time").numerator == 480.0
    assert card.measure("community_time").denominator == 1560.0


def test_the_guarantee_comes_second_whether_or_not_it_is_reported() -> None:
    target = GuaranteeTarget(baseline=3.0, baseline_date=dt.date(2025, 3, 31), target=5.0,
                             target_date=dt.date(2029, 3, 31))  # fmt: skip
    for given in (None, target):
        force = force_scorecard([strood_card(), chatham_card()], force="kent", target=given)
        assert [m.key for m in force.measures[:2]] == ["fte_neighbourhood", "guarantee_progress"]


def _two_ward_town() -> NeighbourhoodMap:
    wards = [Ward(code=WardCode(code), name=name, generation="WD25", geometry=shapely.box(x, 0, x + 1, 1))
             for x, (code, name) in enumerate((("E05000001", "East"), ("E05000002", "West")))]  # fmt: skip
    return NeighbourhoodMap(force="kent", wards=wards, coordinates=CoordinateSystem.METRES,
                            neighbourhoods=[Neighbourhood(force="kent", id=f"N{n}", name=ward.name,
                                                          wards={ward.code}) for n, ward in enumerate(wards)])  # fmt: skip


def test_the_ward_table_counts_actions_alone_and_only_those_in_the_period() -> None:
    panel = Panel(force="kent", neighbourhood="N0", name="East PACT")

    def event(kind: EventKind, month: int, day: int) -> PriorityEvent:
        return PriorityEvent(
            kind=kind, at=at(month, day), note=None if kind is EventKind.ADOPTED else "done"
        )

    litter = Priority(id="litter", panel=panel, issue=Issue(category="litter", place="East"),
                      text="Litter in East Park", events=[
                          event(EventKind.ADOPTED, 3, 1), event(EventKind.ACTION, 3, 20),  # before the quarter
                          event(EventKind.ACTION, 4, 10), event(EventKind.ACTION, 5, 10),
                          event(EventKind.RETAINED, 6, 1), event(EventKind.ACTION, 7, 20)])  # after as_of  # fmt: skip
    table = ward_table(_two_ward_town(), [Register(panel=panel, priorities=[litter])],
                       period=QUARTER, as_of=AS_OF)  # fmt: skip
    east, west = table.rows
    assert (east.priorities, east.actions, east.outcomes) == (("Litter in East Park",), 2, ())
    assert (west.priorities, west.actions) == ((), 0)
    page = table._repr_html_()
    cells = [row.split("</td>")[2] for row in page.split("<tr>")[2:]]
    assert [cell.rpartition(">")[2] for cell in cells] == ["Litter in East Park", "none"]


def test_a_ward_the_incidence_does_not_name_had_no_crime_and_no_asb() -> None:
    from pact_core.crime import Category, Crime, incidence_in_places  # noqa: PLC0415

    table = CrimeTable.from_crimes(
        [Crime(id=None, month=Month(2022, 1), category=Category.ANTI_SOCIAL_BEHAVIOUR, point=(0.5, 51.3),
               location="On or near Lane")], publication=Month(2022, 8))  # fmt: skip
    counts = incidence_in_places(table, {"E05000001": shapely.box(0, 51, 1, 52)})
    january = Interval(
        dt.datetime(2022, 1, 1, tzinfo=LONDON), dt.datetime(2022, 2, 1, tzinfo=LONDON)
    )
    rows = ward_table(_two_ward_town(), [], period=january, as_of=dt.datetime(2022, 3, 1, tzinfo=LONDON),
                      incidence=counts).rows  # fmt: skip
    assert [(row.ward, row.crime, row.asb) for row in rows] == [
        ("E05000001", 0, 1),
        ("E05000002", 0, 0),
    ]


def test_figures_not_reported_are_shown_quietly() -> None:
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF,
                                   queries=[])  # fmt: skip
    page = card._repr_html_()
    quiet = "color:#595959;font-style:italic"
    assert page.count(quiet) == sum(m.status is not MeasureStatus.REPORTED for m in card.measures)
    assert f"{quiet}'>0</td>" not in page  # priorities: 0 current, reported


def test_a_period_ending_just_after_midnight_takes_in_that_day() -> None:
    # [1 April, 1 July 00:00:00.000001): the first microsecond of 1 July is in it.
    period = Interval(QUARTER.start, QUARTER.end + dt.timedelta(microseconds=1))
    july = DutyRecord(officer="PC 1", interval=Interval.from_start(at(7, 1, 8), dt.timedelta(hours=8)),
                      activity="patrol", neighbourhood="Strood", team="Strood NPT")  # fmt: skip
    books = account([july], AbstractionPolicy.default(), tz=LONDON, unit="day")
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=period, as_of=AS_OF,
                                   accounts=books)  # fmt: skip
    assert card.measure("community_time").numerator == 480.0
    assert "01 Apr 2025 to 01 Jul 2025" in card._repr_html_()


def test_a_month_a_period_starts_inside_is_not_one_of_its_months() -> None:
    second = Interval(
        dt.datetime(2022, 4, 2, tzinfo=LONDON), dt.datetime(2022, 7, 1, tzinfo=LONDON)
    )
    assert [str(m) for m in period_months(second, LONDON)] == ["2022-05", "2022-06"]
    first = Interval(dt.datetime(2022, 4, 1, tzinfo=LONDON), dt.datetime(2022, 7, 1, tzinfo=LONDON))
    assert [str(m) for m in period_months(first, LONDON)] == ["2022-04", "2022-05", "2022-06"]


def test_a_pcso_contactable_online_is_a_named_officer_and_a_volunteer_is_not() -> None:
    def online(member: Member) -> Measure:
        return neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=QUARTER, as_of=AS_OF,
                                       teams=[Team(name="t", members=[member])]).measure("named_officer_online")  # fmt: skip

    email = {"email": "jo@kent.police.uk"}
    assert online(Member(name="Jo", role=Role.PCSO, contact=email)).value == 1.0
    volunteer = Member(
        name="Jo", role=Role.POLICE_SUPPORT_VOLUNTEER, contact=email, hours_per_month=8
    )
    assert online(volunteer).value == 0.0


def test_the_team_model_comes_third_whether_or_not_one_is_given() -> None:
    for model in (None, TeamModel.met_interim()):
        card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=QUARTER,
                                       as_of=AS_OF, teams=[strood_team()], model=model)  # fmt: skip
        assert [m.key for m in card.measures[:3]] == [
            "fte_neighbourhood", "named_officer_online", "team_model",
        ]  # fmt: skip


def test_a_priority_achieved_at_the_instant_asked_is_achieved() -> None:
    panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
    done = Priority(id="p", panel=panel, issue=Issue(category="p", place="Strood"), text="Litter",
                    events=[PriorityEvent(kind=EventKind.ADOPTED, at=at(4, 2)),
                            PriorityEvent(kind=EventKind.ACHIEVED, at=AS_OF)])  # fmt: skip
    register = Register(panel=panel, priorities=[done])
    period = Interval(QUARTER.start, AS_OF + dt.timedelta(days=1))
    card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=period, as_of=AS_OF,
                                   registers=[register])  # fmt: skip
    assert card.measure("priorities_achieved").value == 1


def test_the_ward_table_shows_outcomes_and_takes_events_at_the_instant_asked() -> None:
    panel = Panel(force="kent", neighbourhood="N0", name="East PACT")
    done = Priority(id="graffiti", panel=panel, issue=Issue(category="graffiti", place="East"),
                    text="Graffiti on the underpass",
                    events=[PriorityEvent(kind=EventKind.ADOPTED, at=at(4, 2)),
                            PriorityEvent(kind=EventKind.ACTION, at=AS_OF, note="Cleaned"),
                            PriorityEvent(kind=EventKind.ACHIEVED, at=AS_OF)])  # fmt: skip
    period = Interval(QUARTER.start, AS_OF + dt.timedelta(days=1))
    table = ward_table(_two_ward_town(), [Register(panel=panel, priorities=[done])], period=period,
                       as_of=AS_OF)  # fmt: skip
    east, west = table.rows
    assert (east.actions, east.outcomes) == (1, (("achieved", 1),))
    assert (west.actions, west.outcomes) == (0, ())
    outcomes = [
        row.split("</td>")[4].rpartition(">")[2] for row in table._repr_html_().split("<tr>")[2:]
    ]
    assert outcomes == ["achieved 1", "none"]
