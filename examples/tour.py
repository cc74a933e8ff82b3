"""A tour of pact_core: run it with ``python examples/tour.py``.

Each capability of the library adds a section here, so the tour grows with it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import shapely
from attrs import evolve as attrs_evolve

from pact_core import CalendarUnit, HolidayCalendar, Interval, PactError, WorkingCalendar, merge
from pact_core.calendars import england_and_wales_holidays
from pact_core.intervals import add_elapsed, elapsed

LONDON = ZoneInfo("Europe/London")


def section(title: str) -> None:
    print(f"\n== {title} ==")


def time_primitives() -> None:
    section("Time: aware instants and the clock changes")
    received = dt.datetime(2025, 3, 28, 12, tzinfo=LONDON)
    naive_deadline = received + dt.timedelta(hours=72)
    deadline = add_elapsed(received, dt.timedelta(hours=72))
    gap = elapsed(received, naive_deadline)
    print(f"query received                 {received.isoformat()}")
    print(f"received + 72h, naive '+'      {naive_deadline.isoformat()}  (only {gap} later)")
    print(f"72 elapsed hours, add_elapsed  {deadline.isoformat()}")

    first = dt.datetime(2025, 10, 26, 1, 30, tzinfo=LONDON)
    second = first.replace(fold=1)
    print(
        f"the two 01:30s on 26 Oct 2025 are {elapsed(first, second)} apart (Python's '-' says {second - first})"
    )

    section("Time: intervals")
    shift = Interval(
        dt.datetime(2025, 10, 25, 20, tzinfo=LONDON), dt.datetime(2025, 10, 26, 6, tzinfo=LONDON)
    )
    print(f"night shift {shift}  lasts {shift.duration}")
    for piece in shift.split(CalendarUnit.DAY, tz=LONDON):
        local = piece.start.astimezone(LONDON)
        print(f"  on {local:%a %d %b}: {piece.duration}")

    visits = [
        Interval.parse("2025-06-02T09:00+01:00/PT2H"),
        Interval.parse("2025-06-02T10:30+01:00/PT1H"),
        Interval.parse("2025-06-02T14:00+01:00/PT30M"),
    ]
    covered = merge(visits)
    total = sum((i.duration for i in covered), dt.timedelta(0))
    print(f"3 overlapping patrol records merge into {len(covered)} intervals, {total} in all")

    for day in (dt.date(2025, 3, 30), dt.date(2025, 6, 1), dt.date(2025, 10, 26)):
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=LONDON)
        length = CalendarUnit.DAY.period_containing(noon, tz=LONDON).duration
        print(f"the local day {day} in London lasts {length}")

    try:
        Interval(dt.datetime(2025, 1, 1, 9), dt.datetime(2025, 1, 1, 17))  # noqa: DTZ001 - the mistake shown
    except PactError as err:
        print(f"a naive datetime is refused: {type(err).__name__}: {err}")


def calendars() -> None:
    section("Calendars: bank holidays and working time")
    for holiday in england_and_wales_holidays(2022)[-5:]:
        note = " (substitute)" if holiday.substitute else ""
        print(f"{holiday.date:%a %d %b %Y}  {holiday.name}{note}")

    office = WorkingCalendar(tz=LONDON)
    received = dt.datetime(2025, 3, 28, 12, tzinfo=LONDON)
    print(f"a query received {received:%a %d %b %H:%M}, answered within 72 working hours:")
    print(f"  due {office.add_working_time(received, dt.timedelta(hours=72)):%a %d %b %H:%M %Z}")

    night = dt.datetime(2025, 8, 24, 23, 30, tzinfo=dt.timezone.utc)
    local = night.astimezone(LONDON)
    print(
        f"received at {night:%H:%M} UTC = {local:%H:%M} on {local:%a %d %b}, a bank holiday in London:"
    )
    print(f"  working time starts {office.next_working_instant(night):%a %d %b %H:%M}")

    application = dt.datetime(2025, 12, 19, 15, tzinfo=LONDON)
    print(
        f"an ASB Case Review application on {application:%a %d %b}: acknowledge within 10 working days"
    )
    print(f"  by {office.add_working_days(application, 10):%a %d %b %Y %H:%M}")

    proclaimed = HolidayCalendar.england_and_wales(
        additions={dt.date(2026, 7, 20): "Victory parade"}
    )
    added = proclaimed.holidays(2026)[5]
    print(f"a holiday proclaimed at short notice: {added.date:%a %d %b %Y}  {added.name}")


def geography() -> object:
    section("Geography: Medway's wards and neighbourhoods")
    from pact_core.geography import (  # noqa: PLC0415 - shapely only when this section runs
        Neighbourhood,
        NeighbourhoodMap,
        WardCode,
        WardPart,
        wards_from_geojson,
    )
    from pact_core.panels import Councillor, Panel, directory  # noqa: PLC0415

    data = Path(__file__).parent / "data" / "medway_wards_2025.geojson"
    wards = wards_from_geojson(json.loads(data.read_text(encoding="utf-8")))
    print(
        f"{len(wards)} Medway wards of generation {wards[0].generation}, e.g. {wards[0].code} {wards[0].name}"
    )
    groups = {
        "Strood": ["E05014467", "E05014468", "E05014469"],
        "Peninsula": ["E05014449", "E05014457"],
        "Rochester": ["E05014451", "E05014452", "E05014453", "E05014464", "E05014465"],
        "Chatham": ["E05014458", "E05014459", "E05014460", "E05014472"],
        "Gillingham": [
            "E05014454",
            "E05014455",
            "E05014456",
            "E05014466",
            "E05014470",
            "E05014471",
        ],
        "Rainham": ["E05014461", "E05014462", "E05014463"],
    }
    split = next(w for w in wards if w.code == WardCode("E05014450"))
    x0, y0, x1, y1 = split.geometry.bounds
    middle = (x0 + x1) / 2
    parts = {
        "Chatham": [
            WardPart(
                ward=split.code,
                geometry=split.geometry.intersection(shapely.box(x0, y0, middle, y1)),
            )
        ],
        "Gillingham": [
            WardPart(
                ward=split.code,
                geometry=split.geometry.intersection(shapely.box(middle, y0, x1, y1)),
            )
        ],
    }
    medway = NeighbourhoodMap(
        force="kent",
        wards=wards,
        neighbourhoods=[
            Neighbourhood(
                force="kent",
                id=name,
                name=name,
                wards={WardCode(c) for c in codes},
                parts=parts.get(name, []),
            )
            for name, codes in groups.items()
        ],
    )
    print(
        "a valid map: every ward covered exactly once; Chatham Central & Brompton is split between"
    )
    print(f"  {[n.id for n in medway.neighbourhoods_of(split.code)]}")
    print(f"Chatham borders {[n.id for n in medway.neighbours('Chatham')]}")
    panel = Panel(force="kent", neighbourhood="Gillingham", name="Gillingham PACT")
    councillors = [
        Councillor(name="Cllr Brompton", ward=split.code),
        Councillor(name="Cllr Strood", ward=WardCode("E05014469")),
    ]
    print(f"{panel.name} must invite {[c.name for c in panel.invitees(medway, councillors)]}")
    print("the ward-by-ward directory begins:")
    for entry in directory(medway, [panel])[:3]:
        print(
            f"  {entry.ward.code} {entry.ward.name:<30} {[n.id for n in entry.neighbourhoods]} {[p.name for p in entry.panels]}"
        )
    return medway


def lookup(medway: object) -> None:
    section("Lookup: a point to its ward and neighbourhood")
    import numpy as np  # noqa: PLC0415 - only when this section runs

    from pact_core.geography import NeighbourhoodMap, WardLocator  # noqa: PLC0415

    assert isinstance(medway, NeighbourhoodMap)
    locator = WardLocator.from_map(medway)
    for label, lat, lon in (
        ("Rochester Cathedral", 51.3889, 0.5031),
        ("the Thames off the Isle of Grain", 51.48, 0.80),
    ):
        found = locator.locate(lat=lat, lon=lon)
        ward = "no ward" if found.ward is None else f"{found.ward} {medway.ward(found.ward).name}"
        print(f"{label:<33} -> {found.status.name:<8} {ward}, neighbourhood {found.neighbourhood}")
    snapped = locator.locate(lat=51.48, lon=0.80, snap_metres=10_000)
    print(
        f"  ...snapped within 10 km        -> {snapped.ward} ({snapped.distance_metres:,.0f} m away)"
    )
    rng = np.random.default_rng(1)
    lats, lons = rng.uniform(51.30, 51.50, 100_000), rng.uniform(0.40, 0.75, 100_000)
    batch = locator.locate_many(lats, lons)
    inside = int((batch.ward_index >= 0).sum())
    boundary = int((batch.status == 1).sum())
    print(f"100,000 random points at once: {inside:,} in Medway, {boundary} on a boundary")


def teams() -> Any:  # noqa: ANN401 - a Team; the tour imports each part where it is shown
    section("Teams: mixed, officer-led, checked against a model")
    from pact_core.teams import GUARANTEE, Member, Role, Team, TeamModel, check, parse_rank  # noqa: PLC0415

    for title in ("Sgt", "A/Insp", "PCSO", "Special Constable"):
        rank = parse_rank(title)
        print(
            f"police.uk rank {title!r:<20} -> {rank.role.value}{' (acting)' if rank.acting else ''}"
        )
    contact = {"email": "strood.team@example.org"}
    team = Team(
        name="Strood",
        members=[
            Member(name="Andy Cooper", role=Role.SERGEANT, contact=contact),
            Member(name="Sam Patel", role=Role.CONSTABLE),
            Member(role=Role.CONSTABLE, vacant=True),
            Member(name="Jo Bloggs", role=Role.PCSO),
            Member(name="Kim Evans", role=Role.PCSO),
            Member(name="Lee Chan", role=Role.PCSO),
            Member(name="Ash Grey", role=Role.PCSO),
        ],
    )
    print(f"checked against {TeamModel.met_ward_2004().name}:")
    for finding in check(team, TeamModel.met_ward_2004(), as_of=dt.date(2025, 6, 1)):
        print(f"  {finding.severity.name:<7} {finding.message}")
    print(
        f"the Guarantee: 21,500 FTE would be {GUARANTEE.progress(21_500):.0%} of the way from 17,175 to 30,175"
    )
    return team


def response() -> None:
    section("Response: the 72-hour guarantee, from the event log")
    from pact_core.response import (  # noqa: PLC0415
        Channel,
        EscalationLadder,
        Event,
        EventKind,
        EventLog,
        Query,
        Requester,
        ResponsePolicy,
        escalations_due,
        status,
    )

    query = Query(
        id="KENT-0412",
        requester=Requester.BUSINESS,
        channel=Channel.ONLINE,
        force="kent",
        neighbourhood="Strood",
    )
    received = dt.datetime(2025, 3, 28, 12, tzinfo=LONDON)
    log = EventLog(query=query, events=[Event(kind=EventKind.RECEIVED, at=received)])
    for label, policy in (
        ("72 elapsed hours", ResponsePolicy()),
        ("72 working hours", ResponsePolicy.guarantee(calendar=WorkingCalendar(tz=LONDON))),
    ):
        (goal,) = status(log, policy, as_of=add_elapsed(received, dt.timedelta(hours=40)))
        print(
            f"{label}: {goal.state.value} 40 hours in, due {goal.due.astimezone(LONDON):%a %d %b %H:%M %Z}"
        )
    paused = log.with_event(
        Event(
            kind=EventKind.PAUSED,
            at=add_elapsed(received, dt.timedelta(hours=10)),
            reason="awaiting the resident",
        )
    )
    (goal,) = status(paused, ResponsePolicy(), as_of=add_elapsed(received, dt.timedelta(hours=40)))
    print(
        f"paused awaiting the resident after 10 hours: {goal.state.value}, {goal.remaining} left on the clock"
    )
    week = add_elapsed(received, dt.timedelta(days=7))
    for escalation in escalations_due(
        [log], ResponsePolicy(), EscalationLadder.default(), start=received, end=week
    ):
        print(f"  escalate {escalation.at.astimezone(LONDON):%a %d %b %H:%M} to {escalation.to}")


def priorities() -> Any:  # noqa: ANN401 - the Gillingham PACT's Register
    section("Priorities: the Gillingham PACT from concerns to its published top three")
    from pact_core.panels import Meeting, Panel, PanelMember  # noqa: PLC0415
    from pact_core.priorities import (  # noqa: PLC0415
        Channel,
        Concern,
        EventKind,
        Issue,
        PriorityEvent,
        Register,
        RoutingPolicy,
        candidates,
        choose_priorities,
        recurrences,
    )
    from pact_core.selection import RankedBallot  # noqa: PLC0415

    panel = Panel(
        force="kent",
        neighbourhood="Gillingham",
        name="Gillingham PACT",
        members=[
            *(PanelMember(name=n, organisation="Twydall Residents") for n in ("Ann", "Bob")),
            PanelMember(name="Cy", organisation="Gillingham Business Forum"),
            PanelMember(name="Di", organisation="Medway Housing"),
            PanelMember(name="Cllr Ed", organisation="Medway Council", voting=False),
        ],
    )
    said = [
        ("speeding", "Twydall Lane", Channel.BEAT_SURGERY, "R-11"),
        ("speeding", "Twydall Lane", Channel.ONLINE, "R-12"),
        ("speeding", "Twydall Lane", Channel.MEETING, "R-11"),
        ("drugs", "Great Lines Park", Channel.STREET_BRIEFING, "R-13"),
        ("drugs", "Great Lines Park", Channel.ONLINE, "R-14"),
        ("anti-social behaviour", "High Street", Channel.MEETING, "R-15"),
        ("dog fouling", "Great Lines Park", Channel.ONLINE, "R-16"),
        ("litter", "High Street", Channel.SURVEY, None),
    ]
    concerns = [
        Concern(
            id=f"G{n}",
            text=f"{category} at {place}",
            category=category,
            force="kent",
            neighbourhood="Gillingham",
            place=place,
            channel=channel,
            resident=resident,
            raised=dt.datetime(2025, 2, 1 + n, 12, tzinfo=LONDON),
        )
        for n, (category, place, channel, resident) in enumerate(said)
    ]
    routed = RoutingPolicy.default().route(concerns)
    print(
        f"{len(concerns)} concerns raised; {len(routed.police)} for the police, "
        + ", ".join(f"{len(items)} routed to the {p}" for p, items in routed.partners)
    )
    pool = candidates(routed.police)
    for candidate in pool:
        print(
            f"  candidate {candidate.issue.category} at {candidate.issue.place}: "
            f"concerns {candidate.count}, distinct residents {candidate.residents}"
        )
    march = Meeting(
        panel=panel,
        start=dt.datetime(2025, 3, 20, 19, tzinfo=LONDON),
        present=["Ann", "Bob", "Cy", "Di", "Cllr Ed"],
        invited=dt.datetime(2025, 3, 6, 9, tzinfo=LONDON),
    )
    speeding, drugs, asb = (c.issue for c in pool)
    violence = Issue(category="violence", place="Gillingham town centre")
    ballots = {
        "Ann": RankedBallot([speeding, drugs]),
        "Bob": RankedBallot([speeding, asb]),
        "Cy": RankedBallot([asb, drugs]),
        "Di": RankedBallot([drugs, speeding]),
    }
    choice = choose_priorities(march, ballots, pool, reserved=[violence])
    print(
        f"{len(march.voters)} voting members present (Cllr Ed sits without a vote); "
        f"STV with quota {choice.selection.quota} chose:"
    )
    register = Register(panel=panel).adopt(choice)
    register = register.record(
        register.priorities[1].id,
        PriorityEvent(
            kind=EventKind.ACTION,
            at=dt.datetime(2025, 4, 9, 21, tzinfo=LONDON),
            note="Speed checks on six evenings",
        ),
    )
    for priority in register.priorities:
        print(
            f"  {priority.text:<45} issued {priority.issue_date:%d %b %Y}, "
            f"action: {priority.action or 'none yet'}"
        )
    july = dt.datetime(2025, 7, 1, tzinfo=LONDON)
    print(
        f"on 1 July: {len(register.current(as_of=july))} current, "
        f"{float(register.share_updated(as_of=july) or 0):.0%} updated in the last three months, "
        f"next review by {register.priorities[0].next_review():%d %b %Y}"
    )
    june = Meeting(panel=panel, start=dt.datetime(2025, 6, 19, 19, tzinfo=LONDON))
    register = register.review(
        june,
        {
            register.priorities[0].id: EventKind.RETAINED,
            register.priorities[1].id: EventKind.ACHIEVED,
            register.priorities[2].id: EventKind.RETAINED,
        },
    )
    again = attrs_evolve(concerns[0], id="G99", raised=dt.datetime(2025, 8, 2, 23, tzinfo=LONDON))
    september = Meeting(panel=panel, start=dt.datetime(2025, 9, 18, 19, tzinfo=LONDON))
    for flag in recurrences([*concerns, again], [march, june, september], register=register):
        print(f"recurring: {flag.issue.category} at {flag.issue.place} ({flag.kind.value})")
    return register


def abstraction() -> Any:  # noqa: ANN401 - the Accounts
    section("Abstraction: how much of their time Strood's officers are taken away")
    from pact_core.abstraction import (  # noqa: PLC0415
        AbstractionPolicy,
        DutyRecord,
        Standard,
        account,
        check_standards,
    )

    def duty(officer: str, start: dt.datetime, hours: float, activity: str) -> DutyRecord:
        return DutyRecord(
            officer=officer,
            interval=Interval.from_start(start, dt.timedelta(hours=hours)),
            activity=activity,
            neighbourhood="Strood",
            team="Strood NPT",
        )

    def at(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
        return dt.datetime(year, month, day, hour, tzinfo=LONDON)

    records = [
        duty("PC 1234", at(2025, 10, 25, 22), 9, "patrol"),  # the night the clocks go back
        duty("PC 1234", at(2025, 10, 27, 14), 8, "response cover"),
        duty("PC 1234", at(2025, 10, 28, 7), 2, "briefing"),
        duty("PC 1234", at(2025, 10, 28, 9), 6, "engagement"),
        duty("PCSO 5678", at(2025, 10, 27, 8), 8, "patrol"),
        duty("PCSO 5678", at(2025, 10, 28, 8), 8, "major incident"),
        duty("PCSO 5678", at(2025, 10, 29, 0), 24, "annual leave"),
    ]
    books = account(records, AbstractionPolicy.default(), tz=LONDON, unit="day")
    night = [
        (cell.period.isoformat(), float(minutes) / 60)
        for cell, minutes in books.minutes()
        if cell.officer == "PC 1234" and cell.activity == "patrol"
    ]
    print(f"a 22:00-07:00 patrol as the clocks go back, by local day: {night} hours")
    for (officer,), summary in books.by("officer").items():
        print(
            f"  {officer:<10} on duty {float(summary.on_duty) / 60:4.0f} h, abstraction rate "
            f"{float(summary.rate or 0):4.0%} ({float(summary.rate_excluding_emergencies or 0):.0%} "
            f"excluding emergencies), in the community {float(summary.community_share or 0):.0%}"
        )
    for shortfall in check_standards(books, [Standard.guarantee_majority()]):
        print(
            f"  short of the Guarantee's majority: {shortfall.level} {shortfall.key[0]} at {float(shortfall.value):.0%}"
        )
    return books


def case_review() -> Any:  # noqa: ANN401 - the cases
    section(
        "ASB Case Review: a Chatham resident's complaints, a Gosport timeline, the published figures"
    )
    from pact_core.case_review import (  # noqa: PLC0415
        Application,
        Body,
        Case,
        CaseEvent,
        Complaint,
        Decision,
        Procedure,
        Stage,
        Threshold,
        evaluate,
        statistics,
        timeline,
    )

    def at(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
        return dt.datetime(year, month, day, hour, tzinfo=LONDON)

    def report(
        body: Body, ref: str, behaviour: dt.datetime, reported: dt.datetime, *, hate: bool = False
    ) -> Complaint:
        return Complaint(reference=ref, body=body, complainant="R-17", behaviour_at=behaviour,
                         reported_at=reported, location="Castle Court flats", hate=hate)  # fmt: skip

    complaints = [
        report(
            Body.POLICE, "01/2203", at(2025, 1, 31, 23), at(2025, 2, 28, 10)
        ),  # the last day of a short month
        report(
            Body.COUNCIL, "ASB/551", at(2025, 1, 31, 23), at(2025, 2, 3, 9)
        ),  # the same night, to the council
        report(
            Body.POLICE, "01/2291", at(2025, 2, 10, 23), at(2025, 3, 17, 10)
        ),  # five weeks later: too late
        report(Body.SOCIAL_LANDLORD, "HS-88", at(2025, 3, 1, 23), at(2025, 3, 3, 10), hate=True),
    ]
    application = Application(id="MED-ASB-25-014", applicant="R-17", received_at=at(2025, 4, 1, 9),
                              complaints=complaints, vulnerable=True)  # fmt: skip
    for threshold in (Threshold.statutory(), Threshold.with_hate_incident()):
        result = evaluate(application, threshold, tz=LONDON)
        print(
            f"{threshold.name}: {'met' if result.met else 'not met'}, {result.qualifying} qualifying incidents"
        )
    for line in evaluate(application, Threshold.statutory(), tz=LONDON).explain()[2:]:
        print(f"  {line}")

    received = Application(
        id="GOS-25-003", applicant="R-40", received_at=at(2025, 4, 17, 11), complaints=[]
    )
    case = Case(
        application=received, events=[CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 4, 24, 16))]
    )
    print(
        f"a Gosport application on {received.received_at:%a %d %b %Y}, before Easter, seen on Thu 01 May:"
    )
    for step in timeline(
        case, Procedure.gosport(), calendar=WorkingCalendar(tz=LONDON), as_of=at(2025, 5, 1, 9)
    ):
        note = " (provisional)" if step.provisional else ""
        print(f"  {step.stage.value:<13} {step.state.value:<5} due {step.due:%a %d %b}{note}")

    reviewed = attrs_evolve(case, events=[*case.events,
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 5, 9, 12), decision=Decision.REVIEW),
        CaseEvent(stage=Stage.MEETING, at=at(2025, 6, 2, 10)),
        CaseEvent(stage=Stage.OUTCOME, at=at(2025, 6, 5, 10), recommendations=True)])  # fmt: skip
    declined = Case(application=application, events=[
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 4, 10, 12), decision=Decision.NO_REVIEW)])  # fmt: skip
    year = Interval(at(2025, 4, 1), at(2026, 4, 1))
    print(f"published for 2025/26: {statistics([reviewed, declined], year).to_dict()}")
    return [reviewed, declined]


def crime(medway: Any) -> None:  # noqa: ANN401 - the map from the geography section
    section(
        "Outcomes: crime and anti-social behaviour in Medway, January to August 2022 (police.uk)"
    )
    import csv  # noqa: PLC0415
    import gzip  # noqa: PLC0415

    from pact_core.crime import (  # noqa: PLC0415
        ASB,
        CRIME,
        Month,
        before_after,
        crimes_from_csv,
        hotspots,
        incidence,
        places_mask,
        solved_share,
    )
    from pact_core.geography import WardLocator  # noqa: PLC0415

    path = Path(__file__).parent / "data" / "kent-2022-01-to-08-medway-maidstone.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        crimes = crimes_from_csv(list(csv.reader(f)), publication=Month(2022, 8))
    counts = incidence(crimes, WardLocator.from_map(medway))
    names = {w.code.value: w.name for w in medway.wards}
    print(
        f"{len(crimes):,} rows read (Medway, Maidstone and Kent's rows with no location); every one counted:"
    )
    by_area = counts.by_area()
    inside = sum(n for code, n in by_area.items() if code in names)
    print(
        f"  {inside:,} in Medway's wards, {by_area['<no location>']:,} with no location, {by_area['<outside>']:,} outside Medway"
    )
    crime_by_ward = counts.by_area(categories=CRIME)
    top = sorted((n, names[code]) for code, n in crime_by_ward.items() if code in names)[-3:]
    print("  most crime: " + ", ".join(f"{name} {n:,}" for n, name in reversed(top)))
    share = solved_share(crimes)
    print(f"  Medway and Maidstone crimes solved (charge, summons or out-of-court disposal): {share.solved:,} of {share.decided:,} "
          f"decided ({float(share.share or 0):.1%}), {share.pending:,} pending, read from the {share.publication} publication")  # fmt: skip
    centre = {"Chatham town centre": shapely.box(0.515, 51.378, 0.535, 51.386)}
    town = solved_share(crimes, rows=places_mask(crimes, centre))
    print(
        f"  Chatham town centre crimes solved: {town.solved} of {town.decided} ({float(town.share or 0):.1%})"
    )
    found = hotspots(counts)
    print(
        f"  hotspots (exact binomial test, Holm): {', '.join(names[h.area] for h in found.hotspots[:4])}, ..."
    )
    change = before_after(counts, areas=["E05014450"], categories=ASB, before=[Month(2022, m) for m in (1, 2, 3)],
                          after=[Month(2022, m) for m in (5, 6, 7)])  # fmt: skip
    print(f"  ASB in Chatham Central & Brompton, Jan-Mar to May-Jul: {change.area_before} to {change.area_after}, "
          f"against the rest of Medway: ratio {float(change.ratio or 0):.2f} (p = {change.p_value:.3f}), an association, not a cause")  # fmt: skip


def scorecard(medway: Any, team: Any, register: Any, books: Any, cases: Any) -> None:  # noqa: ANN401
    section("Scorecard: Medway's published measures, April to December 2025")
    from pact_core.scorecard import force_scorecard, neighbourhood_scorecard, ward_table  # noqa: PLC0415
    from pact_core.teams import TeamModel  # noqa: PLC0415

    period = Interval(
        dt.datetime(2025, 4, 1, tzinfo=LONDON), dt.datetime(2026, 1, 1, tzinfo=LONDON)
    )
    as_of = dt.datetime(2026, 1, 5, 9, tzinfo=LONDON)
    cards = [
        neighbourhood_scorecard(force="kent", neighbourhood="Strood", name="Strood", period=period, as_of=as_of,
                                teams=[team], model=TeamModel.met_ward_2004(), accounts=books, cases=cases),
        neighbourhood_scorecard(force="kent", neighbourhood="Gillingham", name="Gillingham", period=period,
                                as_of=as_of, registers=[register]),
    ]  # fmt: skip
    kent = force_scorecard(cards, force="kent")
    for measure in kent.measures:
        if measure.key.startswith("fte."):
            continue
        note = f"  ({measure.note})" if measure.note else ""
        print(f"  {measure.label:<52} {measure.text:>14}{note}")
    table = ward_table(medway, [register], period=period, as_of=as_of)
    print("ward by ward, for the scrutiny committee:")
    for row in table.rows:
        if row.priorities or row.actions:
            outcomes = ", ".join(f"{k} {n}" for k, n in row.outcomes) or "none"
            print(
                f"  {row.name:<28} {len(row.priorities)} current, {row.actions} actions, outcomes: {outcomes}"
            )


def storing(register: Any) -> None:  # noqa: ANN401 - the Gillingham PACT's Register
    section("Storing: the register as a versioned JSON document, checked against its schema")
    import json  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from pact_core.errors import ExceptionGroup  # noqa: PLC0415
    from pact_core.plain import from_document, json_schema, to_document  # noqa: PLC0415

    text = json.dumps(to_document(register), sort_keys=True)
    document = json.loads(text)
    schema = json_schema(type(register), document=True)
    print(f"  {document['type']}, version {document['version']}: {len(text):,} bytes of JSON")
    print(f"  the schema defines {len(schema['$defs'])} types; read back equal: "
          f"{from_document(document, zones=ZoneInfo) == register}")  # fmt: skip
    broken = json.loads(text)
    broken["data"]["priorities"][0]["events"][0]["at"] = "last Tuesday"
    del broken["data"]["panel"]["name"]
    try:
        from_document(broken, zones=ZoneInfo)
    except ExceptionGroup as group:
        for problem in group.exceptions:
            print(f"  refused: {problem}")


def main() -> None:
    print("pact_core tour")
    time_primitives()
    calendars()
    medway = geography()
    lookup(medway)
    team = teams()
    response()
    register = priorities()
    books = abstraction()
    cases = case_review()
    crime(medway)
    scorecard(medway, team, register, books, cases)
    storing(register)


if __name__ == "__main__":
    main()
