"""The ASB Case Review on hand-built cases: windows, each threshold variant, evaluation, the timeline and the figures."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from pact_core.calendars import WorkingCalendar
from pact_core.case_review import (
    Application,
    Body,
    Case,
    CaseEvent,
    Complaint,
    Counting,
    Deadline,
    Decision,
    GroundKind,
    Grouping,
    Procedure,
    Reason,
    Stage,
    StepState,
    Threshold,
    ThresholdRule,
    Window,
    evaluate,
    incidents,
    statistics,
    timeline,
)
from pact_core.errors import (
    ExceptionGroup,
    InvalidCase,
    InvalidComplaint,
    InvalidDatetime,
    InvalidPolicy,
)
from pact_core.intervals import CalendarUnit, Interval

LONDON = ZoneInfo("Europe/London")
OFFICE = WorkingCalendar(tz=LONDON)
_refs = itertools.count(1)


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def report(
    behaviour: dt.datetime,
    reported: dt.datetime | None = None,
    *,
    who: str = "R-1",
    where: str = "Hill Road",
    body: Body = Body.POLICE,
    hate: bool = False,
    incident: str | None = None,
    problem: str | None = None,
) -> Complaint:
    return Complaint(
        reference=f"REF-{next(_refs)}",
        body=body,
        complainant=who,
        behaviour_at=behaviour,
        reported_at=reported or behaviour + dt.timedelta(hours=1),
        location=where,
        problem=problem,
        hate=hate,
        incident=incident,
    )


def apply(complaints: list[Complaint], received: dt.datetime, **kwargs: Any) -> Application:
    return Application(
        id="ASB-1", applicant="A-1", received_at=received, complaints=complaints, **kwargs
    )


def judge(
    complaints: list[Complaint],
    received: dt.datetime,
    threshold: Threshold | None = None,
    **kwargs: Any,
) -> Any:
    return evaluate(
        apply(complaints, received, **kwargs), threshold or Threshold.statutory(), tz=LONDON
    )


# ----------------------------------------------------------------------------- windows


@pytest.mark.parametrize(
    ("window", "start", "last"),
    [
        # The statute: a month beginning with the day ends the day before the corresponding date.
        (Window.months(1), dt.date(2025, 1, 15), dt.date(2025, 2, 14)),
        (Window.months(1), dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
        (Window.months(1), dt.date(2024, 12, 15), dt.date(2025, 1, 14)),
        # No corresponding date: the last day of the month.
        (Window.months(1), dt.date(2025, 1, 31), dt.date(2025, 2, 28)),
        (Window.months(1), dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
        (Window.months(1), dt.date(2024, 1, 30), dt.date(2024, 2, 29)),
        (Window.months(1), dt.date(2025, 1, 29), dt.date(2025, 2, 28)),
        (Window.months(1), dt.date(2025, 3, 31), dt.date(2025, 4, 30)),
        # A leap day.
        (Window.months(1), dt.date(2024, 2, 29), dt.date(2024, 3, 28)),
        (Window.months(6), dt.date(2024, 2, 29), dt.date(2024, 8, 28)),
        (Window.months(6), dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (Window.months(6), dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        (Window.months(6), dt.date(2025, 3, 1), dt.date(2025, 8, 31)),
        # "Within one month of": the day itself is not counted.
        (Window.months(1, counting=Counting.AFTER), dt.date(2025, 1, 15), dt.date(2025, 2, 15)),
        (Window.months(1, counting=Counting.AFTER), dt.date(2025, 1, 31), dt.date(2025, 2, 28)),
        (Window.months(1, counting=Counting.AFTER), dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
        (Window.months(12, counting=Counting.AFTER), dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (Window.days(30, counting=Counting.AFTER), dt.date(2025, 1, 31), dt.date(2025, 3, 2)),
        (Window.days(30), dt.date(2025, 1, 31), dt.date(2025, 3, 1)),
        (Window.days(1), dt.date(2025, 1, 31), dt.date(2025, 1, 31)),
        (Window(amount=2, unit=CalendarUnit.WEEK), dt.date(2025, 1, 1), dt.date(2025, 1, 14)),
        (
            Window(amount=2, unit=CalendarUnit.WEEK, counting=Counting.AFTER),
            dt.date(2025, 1, 1),
            dt.date(2025, 1, 15),
        ),
        # Past the end of the calendar.
        (Window.months(1), dt.date(9999, 12, 15), dt.date.max),
        (Window.days(30), dt.date(9999, 12, 15), dt.date.max),
    ],
)
def test_window_last_day(window: Window, start: dt.date, last: dt.date) -> None:
    assert window.last_day(start) == last


def test_windows_read_as_words() -> None:
    assert str(Window.months(6)) == "6 months beginning with the day"
    assert (
        str(Window(amount=1, unit=CalendarUnit.WEEK, counting=Counting.AFTER))
        == "1 week after the day"
    )


@pytest.mark.parametrize("amount", [0, -1])
def test_window_amount_must_be_positive(amount: int) -> None:
    with pytest.raises(InvalidPolicy, match="amount must be at least 1"):
        Window.months(amount)
    with pytest.raises(TypeError, match="amount must be an int"):
        Window.days(1.5)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- complaints and incidents


def test_complaint_refuses_names_and_reports_before_the_behaviour() -> None:
    with pytest.raises(InvalidComplaint, match="pseudonymous id"):
        report(at(2025, 1, 1), who="Jane Smith")
    with pytest.raises(InvalidComplaint, match="pseudonymous id"):
        report(at(2025, 1, 1), who="")
    with pytest.raises(InvalidComplaint, match="reported_at must not come before the behaviour"):
        report(at(2025, 1, 2), at(2025, 1, 1))
    with pytest.raises(InvalidDatetime, match="behaviour_at must be timezone-aware"):
        report(dt.datetime(2025, 1, 1), at(2025, 1, 2))  # noqa: DTZ001 - on purpose
    with pytest.raises(InvalidComplaint, match="location must not be blank"):
        report(at(2025, 1, 1), where="  ")
    with pytest.raises(TypeError, match="complainant must be a str"):
        report(at(2025, 1, 1), who=7)  # type: ignore[arg-type]


def test_one_incident_reported_to_several_bodies_is_one_incident() -> None:
    night = at(2025, 3, 1, 23)
    council = report(night, body=Body.COUNCIL, incident="X1")
    police = report(night, at(2025, 3, 3), body=Body.POLICE, incident="X1", who="R-2")
    landlord = report(
        night, body=Body.SOCIAL_LANDLORD
    )  # no reference: the same by who, when, where
    landlord_again = report(night, at(2025, 3, 5), body=Body.COUNCIL)
    other = report(night, who="R-3")
    found = incidents([other, landlord_again, police, landlord, council])
    assert [len(i.complaints) for i in found] == [2, 1, 2]  # by earliest report, then body
    assert found[0].complaints == (council, police)
    assert found[0].key == ("incident", "X1")


def test_incident_hate_and_time_come_from_any_report() -> None:
    first = report(at(2025, 3, 1, 22), incident="X1")
    second = report(at(2025, 3, 1, 21), incident="X1", hate=True, body=Body.COUNCIL)
    (incident,) = incidents([first, second])
    assert incident.hate
    assert incident.behaviour_at == at(2025, 3, 1, 21)


def test_application_reports_repeated_references_all_at_once() -> None:
    one = report(at(2025, 1, 1))
    two = report(at(2025, 1, 2))
    with pytest.raises(ExceptionGroup) as caught:
        apply(
            [
                one,
                attrs.evolve(two, reference=one.reference),
                attrs.evolve(one, behaviour_at=at(2024, 12, 31)),
            ],
            at(2025, 2, 1),
        )
    problems = [p for p in caught.value.exceptions if isinstance(p, InvalidComplaint)]
    assert len(problems) == len(caught.value.exceptions)
    assert [(p.index, p.rule) for p in problems] == [
        (1, "be unique per body"),
        (2, "be unique per body"),
    ]
    assert "complaints[1] must not repeat the police's reference" in str(problems[0])


def test_applications_keep_complaints_in_the_order_they_were_made() -> None:
    one, two = report(at(2025, 1, 2)), report(at(2025, 1, 1))
    assert apply([one, two], at(2025, 2, 1)) == apply([two, one], at(2025, 2, 1))
    assert apply([one, two], at(2025, 2, 1)).complaints == (two, one)
    with pytest.raises(TypeError, match="complaints must be Complaint values"):
        apply(["a complaint"], at(2025, 2, 1))  # type: ignore[list-item]


# ----------------------------------------------------------------------------- the statutory threshold


def test_three_qualifying_complaints_meet_the_statutory_threshold() -> None:
    result = judge(
        [report(at(2025, 1, 5)), report(at(2025, 1, 12)), report(at(2025, 1, 19))], at(2025, 2, 1)
    )
    assert result.met
    assert result.qualifying == 3
    assert result.grounds == ()
    assert not result.override
    assert result.rules[0].group == "the whole application"
    assert result.rules[0].shortfall is None


def test_a_complaint_made_on_the_last_day_of_the_month_qualifies_and_the_next_day_does_not() -> (
    None
):
    on_time = report(at(2025, 1, 15, 23), at(2025, 2, 14, 23, 59))
    late = report(at(2025, 1, 15, 1), at(2025, 2, 15, 0, 1))
    result = judge([on_time, late], at(2025, 3, 1))
    checks = {c.complaint.reference: c for c in result.complaints}
    assert checks[on_time.reference].counts
    assert checks[on_time.reference].report_by == dt.date(2025, 2, 14)
    assert checks[late.reference].reasons == (Reason.REPORTED_LATE,)


@pytest.mark.parametrize(
    ("behaviour", "reported", "counts"),
    [
        (at(2025, 1, 31), at(2025, 2, 28, 17), True),
        (at(2025, 1, 31), at(2025, 3, 1, 9), False),
        (at(2024, 1, 31), at(2024, 2, 29, 17), True),  # a leap year
        (at(2024, 2, 29), at(2024, 3, 28, 17), True),  # a leap day
        (at(2024, 2, 29), at(2024, 3, 29, 9), False),
    ],
)
def test_month_end_and_leap_day(
    behaviour: dt.datetime,
    reported: dt.datetime,
    counts: bool,  # noqa: FBT001
) -> None:
    result = judge(
        [report(behaviour, reported)], at(2024 if behaviour.year == 2024 else 2025, 4, 1)
    )
    assert result.complaints[0].counts is counts


def test_dates_are_local_dates() -> None:
    # 00:30 BST on 1 July is 23:30 UTC on 30 June: the month runs from 1 July.
    behaviour = dt.datetime(2025, 7, 1, 0, 30, tzinfo=LONDON)
    complaint = report(behaviour, dt.datetime(2025, 7, 31, 12, tzinfo=LONDON))
    application = apply([complaint], at(2025, 8, 1))
    assert evaluate(application, Threshold.statutory(), tz=LONDON).complaints[0].counts
    late = evaluate(application, Threshold.statutory(), tz=dt.timezone.utc).complaints[0]
    assert late.reasons == (Reason.REPORTED_LATE,)


def test_the_application_must_come_within_six_months_of_the_complaint() -> None:
    complaint = report(at(2025, 2, 20), at(2025, 3, 1, 10))
    assert judge([complaint], at(2025, 8, 31, 23)).complaints[0].counts
    too_old = judge([complaint], at(2025, 9, 1, 0, 5)).complaints[0]
    assert too_old.reasons == (Reason.TOO_OLD,)
    assert too_old.apply_by == dt.date(2025, 8, 31)


def test_complaints_made_after_the_application_never_count() -> None:
    after = report(at(2025, 3, 2), at(2025, 3, 2, 13))
    check = judge([after], at(2025, 3, 2, 12, 30)).complaints[0]
    assert check.reasons == (Reason.AFTER_APPLICATION,)
    both = judge([report(at(2025, 1, 1), at(2025, 5, 1))], at(2025, 4, 1)).complaints[0]
    assert both.reasons == (Reason.AFTER_APPLICATION, Reason.REPORTED_LATE)


def test_one_incident_reported_to_three_bodies_counts_once() -> None:
    night = at(2025, 3, 1, 23)
    reports = [
        report(night, body=body, incident="X1")
        for body in (Body.COUNCIL, Body.POLICE, Body.SOCIAL_LANDLORD)
    ]
    result = judge([*reports, report(at(2025, 3, 8))], at(2025, 4, 1))
    assert not result.met
    assert result.qualifying == 2
    assert [c.reasons for c in result.complaints].count((Reason.DUPLICATE,)) == 2
    assert result.rules[0].shortfall == "1 more qualifying incident"


def test_a_late_report_of_an_incident_another_report_made_in_time_still_counts_once() -> None:
    night = at(2025, 3, 1, 23)
    late = report(night, at(2025, 4, 15), incident="X1", body=Body.COUNCIL)
    prompt = report(night, at(2025, 3, 2), incident="X1")
    result = judge([late, prompt], at(2025, 5, 1))
    checks = {c.complaint.reference: c for c in result.complaints}
    assert checks[prompt.reference].counts
    assert checks[late.reference].reasons == (Reason.REPORTED_LATE,)
    assert result.qualifying == 1


@pytest.mark.parametrize(("count", "met"), [(1, True), (2, True), (3, False)])
def test_a_lower_local_count(count: int, met: bool) -> None:  # noqa: FBT001
    result = judge(
        [report(at(2025, 1, 5)), report(at(2025, 1, 12))],
        at(2025, 2, 1),
        Threshold.statutory(incidents=2),
    )
    assert result.met
    lower = Threshold.statutory(incidents=count)
    assert (
        judge([report(at(2025, 1, 5)), report(at(2025, 1, 12))], at(2025, 2, 1), lower).met is met
    )
    assert lower.name == ("statutory" if count == 3 else f"statutory ({count})")


def test_the_act_caps_the_count_at_three() -> None:
    with pytest.raises(
        InvalidPolicy, match=r"incidents must be at most 3 under the Act \(s.104\(4\)\), got 4"
    ):
        Threshold.statutory(incidents=4)


# ----------------------------------------------------------------------------- local variants


def three_by(*people: str, where: str = "Hill Road") -> list[Complaint]:
    return [report(at(2025, 1, 5 + 3 * n), who=who, where=where) for n, who in enumerate(people)]


def test_three_rivers_three_by_one_person_or_by_three_people() -> None:
    rivers = Threshold.three_rivers()
    by_one = judge(three_by("R-1", "R-1", "R-1"), at(2025, 2, 1), rivers)
    assert [r.met for r in by_one.rules] == [True, False]
    assert by_one.rules[0].group == "R-1"
    by_three = judge(three_by("R-1", "R-2", "R-3"), at(2025, 2, 1), rivers)
    assert [r.met for r in by_three.rules] == [False, True]
    by_two = judge(three_by("R-1", "R-2", "R-1"), at(2025, 2, 1), rivers)
    assert not by_two.met
    assert [r.shortfall for r in by_two.rules] == ["1 more qualifying incident", "1 more person"]
    assert by_two.rules[0].group == "R-1"


def test_wales_five_about_a_linked_location_by_more_than_one_person() -> None:
    wales = Threshold.wales()
    people = ["R-1", "R-2", "R-1", "R-2", "R-3"]
    park = [
        report(at(2025, 1, 5 + n), who=who, where="Victoria Park") for n, who in enumerate(people)
    ]
    result = judge(park, at(2025, 2, 1), wales)
    assert [r.met for r in result.rules] == [False, True, False]
    assert result.rules[1].group == "Victoria Park"
    assert (result.rules[1].incidents, result.rules[1].complainants) == (5, 3)
    # Four at the park and one elsewhere: not about one location.
    moved = [*park[:4], attrs.evolve(park[4], location="Hill Road")]
    assert not judge(moved, at(2025, 2, 1), wales).met
    # Five at the park by one person: the location rule wants more than one person, the first rule is met.
    alone = [attrs.evolve(c, complainant="R-9") for c in park]
    assert [r.met for r in judge(alone, at(2025, 2, 1), wales).rules] == [True, False, False]


def test_a_single_hate_incident() -> None:
    hate = [report(at(2025, 1, 5), hate=True)]
    assert judge(hate, at(2025, 2, 1), Threshold.with_hate_incident()).met
    assert judge(hate, at(2025, 2, 1), Threshold.wales()).met
    assert not judge(hate, at(2025, 2, 1), Threshold.statutory()).met
    # It must qualify like any other complaint.
    late = [report(at(2025, 1, 5), at(2025, 3, 1), hate=True)]
    assert not judge(late, at(2025, 3, 2), Threshold.with_hate_incident()).met


def test_plymouth_two_reports_one_a_hate_incident() -> None:
    plymouth = Threshold.plymouth()
    assert judge(
        [report(at(2025, 1, 5), hate=True), report(at(2025, 1, 9))], at(2025, 2, 1), plymouth
    ).met
    assert not judge([report(at(2025, 1, 5)), report(at(2025, 1, 9))], at(2025, 2, 1), plymouth).met
    assert not judge([report(at(2025, 1, 5), hate=True)], at(2025, 2, 1), plymouth).met
    # Two reports of one hate incident are one incident.
    night = at(2025, 1, 5)
    twice = [
        report(night, hate=True, incident="H"),
        report(night, hate=True, incident="H", body=Body.COUNCIL),
    ]
    result = judge(twice, at(2025, 2, 1), plymouth)
    assert not result.met
    assert result.rules[1].shortfall == "1 more qualifying incident"


def test_cleveland_five_about_one_problem_by_more_than_one_person() -> None:
    cleveland = Threshold.cleveland()
    people = ["R-1", "R-2", "R-1", "R-2", "R-1"]
    places = ["Hill Road", "Hill Road", "Castle Court", "Hill Road", "Park"]
    reports = [report(at(2025, 1, 5 + n), who=who, where=where, problem="drug dealing")
               for n, (who, where) in enumerate(zip(people, places, strict=True))]  # fmt: skip
    assert judge(reports, at(2025, 2, 1), cleveland).rules[1].met
    # Without a problem, the location stands for it.
    unnamed = [attrs.evolve(c, problem=None) for c in reports]
    rule = judge(unnamed, at(2025, 2, 1), cleveland).rules[1]
    assert (rule.met, rule.group, rule.incidents) == (False, "Hill Road", 3)


def test_lincolnshire_thirty_days_and_the_override() -> None:
    lincs = Threshold.lincolnshire()
    behaviour = at(2025, 1, 31)
    day_30 = report(behaviour, at(2025, 3, 2))
    assert judge([day_30], at(2025, 4, 1), lincs).complaints[0].counts
    assert not judge([day_30], at(2025, 4, 1)).complaints[0].counts
    assert (
        not judge([report(behaviour, at(2025, 3, 3))], at(2025, 4, 1), lincs).complaints[0].counts
    )
    vulnerable = judge([day_30], at(2025, 4, 1), lincs, vulnerable=True)
    assert vulnerable.override
    assert not judge([day_30], at(2025, 4, 1), Threshold.statutory(), vulnerable=True).override


def test_rules_describe_themselves() -> None:
    assert [r.description for r in Threshold.plymouth().rules] == [
        "3 qualifying incidents",
        "2 qualifying incidents, 1 of them a hate incident",
    ]
    assert ThresholdRule(incidents=4, hate=2, per=Grouping.PROBLEM).description == (
        "4 qualifying incidents, 2 of them hate incidents about one problem"
    )
    assert ThresholdRule(incidents=2, hate=2).description == "2 qualifying hate incidents"
    assert (
        ThresholdRule(incidents=3, per=Grouping.COMPLAINANT).description
        == "3 qualifying incidents reported by one person"
    )


def test_bad_thresholds() -> None:
    with pytest.raises(InvalidPolicy, match=r"hate must not exceed incidents \(1\), got 2"):
        ThresholdRule(incidents=1, hate=2)
    with pytest.raises(InvalidPolicy, match="hate must not be negative"):
        ThresholdRule(incidents=1, hate=-1)
    with pytest.raises(InvalidPolicy, match="complainants must be at least 1"):
        ThresholdRule(incidents=1, complainants=0)
    with pytest.raises(InvalidPolicy, match="rules must hold at least one rule"):
        Threshold(name="none", rules=[])
    with pytest.raises(TypeError, match="rules must be ThresholdRule values"):
        Threshold(name="none", rules=[3])  # type: ignore[list-item]
    with pytest.raises(InvalidPolicy, match="name must not be blank"):
        Threshold(name=" ", rules=[ThresholdRule(incidents=1)])


# ----------------------------------------------------------------------------- discretion


def test_grounds_for_discretion_when_the_threshold_is_not_met() -> None:
    complaints = [report(at(2025, 1, 5), hate=True), report(at(2025, 1, 10), at(2025, 3, 1))]
    result = judge(
        complaints, at(2025, 3, 2), vulnerable=True, harm="the victim has stopped going out",
        response_concerns="no one called back",
    )  # fmt: skip
    assert not result.met
    assert [(g.kind, g.evidence) for g in result.grounds] == [
        (
            GroundKind.PERSISTENCE,
            "2 incidents reported, from 05 Jan 2025 to 10 Jan 2025, 1 qualifying",
        ),
        (GroundKind.HARM, "1 hate incident"),
        (GroundKind.HARM, "the victim has stopped going out"),
        (GroundKind.VULNERABILITY, "the applicant says the victim is vulnerable"),
        (GroundKind.RESPONSE, "no one called back"),
    ]
    lincs = judge(complaints, at(2025, 3, 2), Threshold.lincolnshire(), vulnerable=True)
    assert lincs.grounds[-1].evidence.endswith(
        "a senior manager may hold a review to safeguard them"
    )
    assert judge([], at(2025, 3, 2)).grounds == ()
    two_hate = judge(
        [report(at(2025, 1, 5), hate=True), report(at(2025, 1, 6), hate=True)], at(2025, 3, 2)
    )
    assert two_hate.grounds[0].evidence.startswith("2 incidents")
    assert two_hate.grounds[1].evidence == "2 hate incidents"


def test_explain_reads_as_a_letter() -> None:
    complaints = [report(at(2025, 1, 5)), report(at(2025, 1, 10), at(2025, 3, 1))]
    lines = judge(complaints, at(2025, 3, 2), Threshold.lincolnshire(), vulnerable=True).explain()
    assert lines[0] == "Lincolnshire threshold not met: 1 qualifying incident"
    assert lines[1] == "rule '3 qualifying incidents': not met (2 more qualifying incidents)"
    assert lines[2].endswith("(05 Jan 2025): counts")
    assert lines[3].endswith("(01 Mar 2025): does not count: made too long after the behaviour")
    assert lines[-1] == "a senior manager may hold a review to safeguard a vulnerable victim"
    met = judge([report(at(2025, 1, d)) for d in (1, 2, 3)], at(2025, 2, 1)).explain()
    assert met[0] == "statutory threshold met: 3 qualifying incidents"


def test_shortfall_in_every_dimension() -> None:
    rule = ThresholdRule(incidents=4, complainants=3, hate=2)
    result = judge(
        [report(at(2025, 1, 5), hate=True)], at(2025, 2, 1), Threshold(name="x", rules=[rule])
    )
    assert (
        result.rules[0].shortfall
        == "3 more qualifying incidents, 2 more people, 1 more hate incident"
    )
    result = judge([report(at(2025, 1, 5))], at(2025, 2, 1), Threshold(name="x", rules=[rule]))
    assert (
        result.rules[0].shortfall
        == "3 more qualifying incidents, 2 more people, 2 more hate incidents"
    )


def test_evaluate_checks_its_arguments() -> None:
    application = apply([], at(2025, 2, 1))
    with pytest.raises(TypeError, match="application must be an Application"):
        evaluate("ASB-1", Threshold.statutory(), tz=LONDON)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="threshold must be a Threshold"):
        evaluate(application, "statutory", tz=LONDON)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tz must be a datetime.tzinfo"):
        evaluate(application, Threshold.statutory(), tz="Europe/London")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- procedures and the timeline


def case_of(received: dt.datetime, *events: CaseEvent) -> Case:
    return Case(application=apply([], received), events=events)


def states(
    case: Case, procedure: Procedure, as_of: dt.datetime
) -> list[tuple[str, str, str | None, bool]]:
    return [
        (s.stage.value, s.state.value, s.due.isoformat() if s.due else None, s.provisional)
        for s in timeline(case, procedure, calendar=OFFICE, as_of=as_of)
    ]


def test_gosport_across_easter_and_the_may_bank_holidays() -> None:
    # Received Thursday 17 April 2025: Good Friday, Easter Monday and the early May bank holiday follow.
    received = at(2025, 4, 17, 11)
    case = case_of(received)
    assert states(case, Procedure.gosport(), at(2025, 4, 22)) == [
        ("acknowledged", "due", "2025-05-06", False),
        (
            "decided",
            "due",
            "2025-05-28",
            True,
        ),  # 15 working days from 6 May, over the spring bank holiday
        ("meeting", "due", "2025-06-25", True),
    ]
    acknowledged = CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 4, 24, 16))
    decided = CaseEvent(stage=Stage.DECIDED, at=at(2025, 5, 20, 10), decision=Decision.REVIEW)
    later = case_of(received, acknowledged, decided)
    assert states(later, Procedure.gosport(), at(2025, 6, 18)) == [
        ("acknowledged", "met", "2025-05-06", False),
        ("decided", "met late", "2025-05-16", False),
        ("meeting", "due", "2025-06-18", False),
    ]
    assert states(later, Procedure.gosport(), at(2025, 6, 19))[2][1] == "overdue"
    # Events after as_of are not known yet.
    assert states(later, Procedure.gosport(), at(2025, 4, 24, 12))[0][1] == "due"


def test_a_deadline_met_on_its_last_day_after_hours_is_met() -> None:
    case = case_of(
        at(2025, 4, 17, 11), CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 5, 6, 23, 59))
    )
    (ack, *_) = timeline(case, Procedure.gosport(), calendar=OFFICE, as_of=at(2025, 6, 1))
    assert ack.state is StepState.MET
    assert ack.due_by == at(2025, 5, 7, 0)
    on_time = timeline(
        case_of(at(2025, 4, 17, 11)),
        Procedure.gosport(),
        calendar=OFFICE,
        as_of=at(2025, 5, 6, 23, 59),
    )
    assert on_time[0].state is StepState.DUE
    overdue = timeline(
        case_of(at(2025, 4, 17, 11)), Procedure.gosport(), calendar=OFFICE, as_of=at(2025, 5, 7, 0)
    )
    assert overdue[0].state is StepState.OVERDUE


def test_bedfordshire_over_the_august_bank_holiday_weekend() -> None:
    # Friday 22 August 2025; Monday 25 August is the summer bank holiday.
    case = case_of(at(2025, 8, 22, 15))
    assert states(case, Procedure.bedfordshire(), at(2025, 8, 26)) == [
        ("acknowledged", "due", "2025-09-01", False),
        ("meeting", "due", "2025-09-19", False),
    ]
    # After hours on the Friday counts from Tuesday, the next working day.
    late = case_of(at(2025, 8, 22, 18))
    assert states(late, Procedure.bedfordshire(), at(2025, 8, 26))[0][2] == "2025-09-02"


def test_east_hertfordshire_calendar_days_and_the_appeal() -> None:
    herts = Procedure.east_hertfordshire()
    received = at(2025, 12, 19, 10)
    decided = CaseEvent(stage=Stage.DECIDED, at=at(2026, 1, 6, 10), decision=Decision.REVIEW)
    case = case_of(received, decided)
    assert states(case, herts, at(2026, 1, 7)) == [
        ("acknowledged", "overdue", "2025-12-24", False),
        ("decided", "met", "2026-01-13", False),  # 14 working days over Christmas and New Year
        ("meeting", "due", "2026-01-27", False),  # 21 calendar days
        ("appeal decided", "waiting", None, False),
    ]
    appealed = case_of(
        received, decided,
        CaseEvent(stage=Stage.MEETING, at=at(2026, 1, 20)),
        CaseEvent(stage=Stage.OUTCOME, at=at(2026, 1, 22), recommendations=True),
        CaseEvent(stage=Stage.APPEAL_REQUESTED, at=at(2026, 2, 2)),
    )  # fmt: skip
    assert states(appealed, herts, at(2026, 2, 3))[3] == (
        "appeal decided",
        "due",
        "2026-02-23",
        False,
    )


def test_no_review_means_no_meeting_and_the_appeal_counts_from_the_decision() -> None:
    birmingham = Procedure.birmingham()
    received = at(2025, 6, 2, 10)
    declined = CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 10, 10), decision=Decision.NO_REVIEW)
    case = case_of(received, CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 6, 3)), declined)
    assert states(case, birmingham, at(2025, 6, 11)) == [
        ("acknowledged", "met", "2025-06-16", False),
        ("outcome", "not needed", None, False),
        ("appeal requested", "due", "2025-07-08", False),
    ]
    assert states(case, birmingham, at(2025, 7, 9))[2][1] == "lapsed"
    herts = Procedure.east_hertfordshire()
    assert states(case, herts, at(2025, 7, 9))[2][1] == "not needed"


def test_a_stage_counted_from_one_that_has_no_deadline_waits() -> None:
    birmingham = Procedure.birmingham()
    case = case_of(
        at(2025, 6, 2, 10),
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 10), decision=Decision.REVIEW),
    )
    assert states(case, birmingham, at(2025, 6, 11))[1:] == [
        ("outcome", "waiting", None, False),
        ("appeal requested", "waiting", None, False),
    ]
    held = case_of(
        at(2025, 6, 2, 10),
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 10), decision=Decision.REVIEW),
        CaseEvent(stage=Stage.MEETING, at=at(2025, 6, 20, 14)),
    )
    assert states(held, birmingham, at(2025, 6, 23))[1:] == [
        ("outcome", "due", "2025-07-04", False),
        ("appeal requested", "due", "2025-08-01", True),
    ]


def test_appeal_lapses_and_its_hearing_is_not_needed() -> None:
    procedure = Procedure(
        name="both appeal steps",
        threshold=Threshold.statutory(),
        deadlines=[
            Deadline(stage=Stage.APPEAL_REQUESTED, days=5, after=Stage.DECIDED),
            Deadline(stage=Stage.APPEAL_DECIDED, days=10, after=Stage.APPEAL_REQUESTED),
        ],
    )
    case = case_of(
        at(2025, 6, 2),
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 10), decision=Decision.NO_REVIEW),
    )
    assert states(case, procedure, at(2025, 6, 12)) == [
        ("appeal requested", "due", "2025-06-17", False),
        ("appeal decided", "waiting", None, False),
    ]
    assert states(case, procedure, at(2025, 7, 1)) == [
        ("appeal requested", "lapsed", "2025-06-17", False),
        ("appeal decided", "not needed", None, False),
    ]


def test_a_stage_done_while_what_it_counts_from_waits_is_met() -> None:
    procedure = Procedure(
        name="meeting after an unscheduled decision",
        threshold=Threshold.statutory(),
        deadlines=[Deadline(stage=Stage.OUTCOME, days=5, after=Stage.MEETING)],
    )
    case = case_of(
        at(2025, 6, 2),
        CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 3), decision=Decision.REVIEW),
        CaseEvent(stage=Stage.OUTCOME, at=at(2025, 6, 4), recommendations=False),
    )
    assert states(case, procedure, at(2025, 6, 5)) == [("outcome", "met", None, False)]


def test_wales_responds_within_28_days_and_lincolnshire_sets_no_deadlines() -> None:
    case = case_of(at(2025, 2, 3, 12))
    assert states(case, Procedure.wales(), at(2025, 3, 4)) == [
        ("outcome", "overdue", "2025-03-03", False)
    ]
    assert timeline(case, Procedure.lincolnshire(), calendar=OFFICE, as_of=at(2025, 3, 4)) == ()


def test_presets_cite_their_sources() -> None:
    presets = [Procedure.gosport(), Procedure.east_hertfordshire(), Procedure.bedfordshire(), Procedure.wales(),
               Procedure.lincolnshire(), Procedure.birmingham()]  # fmt: skip
    for procedure in presets:
        assert procedure.source
        assert procedure.threshold.source
    assert Procedure.gosport().deadline(Stage.MEETING) == Deadline(
        stage=Stage.MEETING, days=20, after=Stage.DECIDED
    )
    assert Procedure.gosport().deadline(Stage.OUTCOME) is None
    assert Procedure.east_hertfordshire().appeal_to


def test_bad_procedures() -> None:
    with pytest.raises(
        InvalidPolicy, match="after must be a stage before 'decided', got 'meeting'"
    ):
        Deadline(stage=Stage.DECIDED, days=3, after=Stage.MEETING)
    with pytest.raises(InvalidPolicy, match="after must be a stage before 'received'"):
        Deadline(stage=Stage.RECEIVED, days=3)
    with pytest.raises(InvalidPolicy, match="days must be at least 1"):
        Deadline(stage=Stage.DECIDED, days=0)
    with pytest.raises(TypeError, match="stage must be a Stage"):
        Deadline(stage="decided", days=3)  # type: ignore[arg-type]
    with pytest.raises(ExceptionGroup) as caught:
        Procedure(name="twice", threshold=Threshold.statutory(),
                  deadlines=[Deadline(stage=Stage.DECIDED, days=3), Deadline(stage=Stage.DECIDED, days=5)])  # fmt: skip
    assert "deadlines[1] must be the only deadline for 'decided'" in str(caught.value.exceptions[0])


def test_case_events_carry_what_their_stage_needs() -> None:
    when = at(2025, 6, 2)
    with pytest.raises(InvalidCase, match="decision must be given for a 'decided' event"):
        CaseEvent(stage=Stage.DECIDED, at=when)
    with pytest.raises(InvalidCase, match="decision must be given only for a 'decided' event"):
        CaseEvent(stage=Stage.MEETING, at=when, decision=Decision.REVIEW)
    with pytest.raises(InvalidCase, match="recommendations must be given for a 'outcome' event"):
        CaseEvent(stage=Stage.OUTCOME, at=when)
    with pytest.raises(InvalidCase, match="upheld must be given only"):
        CaseEvent(stage=Stage.MEETING, at=when, upheld=True)
    with pytest.raises(InvalidCase, match="stage must not be 'received'"):
        CaseEvent(stage=Stage.RECEIVED, at=when)


def test_a_case_reports_every_problem_at_once() -> None:
    received = at(2025, 6, 2)
    with pytest.raises(ExceptionGroup) as caught:
        case_of(
            received,
            CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 6, 1)),
            CaseEvent(stage=Stage.ACKNOWLEDGED, at=at(2025, 6, 3)),
            CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 4), decision=Decision.NO_REVIEW),
            CaseEvent(stage=Stage.MEETING, at=at(2025, 6, 5)),
            CaseEvent(stage=Stage.APPEAL_DECIDED, at=at(2025, 6, 6), upheld=False),
        )
    problems = [p for p in caught.value.exceptions if isinstance(p, InvalidCase)]
    assert len(problems) == len(caught.value.exceptions)
    assert [(p.index, p.rule) for p in problems] == [
        (0, "not come before the application was received (2025-06-02T12:00:00+01:00)"),
        (1, "not repeat the 'acknowledged' stage"),
        (3, "come after a decision to review"),
        (4, "come after an appeal was requested"),
    ]


def test_timeline_checks_its_arguments() -> None:
    case = case_of(at(2025, 6, 2))
    with pytest.raises(TypeError, match="case must be a Case"):
        timeline("case", Procedure.gosport(), calendar=OFFICE, as_of=at(2025, 6, 3))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="procedure must be a Procedure"):
        timeline(case, "gosport", calendar=OFFICE, as_of=at(2025, 6, 3))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="calendar must be a WorkingCalendar"):
        timeline(case, Procedure.gosport(), calendar=LONDON, as_of=at(2025, 6, 3))  # type: ignore[arg-type]
    with pytest.raises(InvalidDatetime, match="as_of must be timezone-aware"):
        timeline(case, Procedure.gosport(), calendar=OFFICE, as_of=dt.datetime(2025, 6, 3))  # noqa: DTZ001
    assert case.reached(Stage.DECIDED) is None
    decided = case_of(
        at(2025, 6, 2), CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 4), decision=Decision.REVIEW)
    )
    assert decided.reached(Stage.DECIDED, as_of=at(2025, 6, 3)) is None
    assert decided.reached(Stage.DECIDED, as_of=at(2025, 6, 4)) == decided.events[0]


# ----------------------------------------------------------------------------- statistics


def test_statistics_count_each_figure_by_its_own_event() -> None:
    year = Interval(at(2025, 4, 1, 0), at(2026, 4, 1, 0))
    review = [CaseEvent(stage=Stage.DECIDED, at=at(2025, 5, 1), decision=Decision.REVIEW),
              CaseEvent(stage=Stage.MEETING, at=at(2025, 5, 20)),
              CaseEvent(stage=Stage.OUTCOME, at=at(2025, 5, 25), recommendations=True)]  # fmt: skip
    discretionary = [CaseEvent(stage=Stage.DECIDED, at=at(2025, 6, 1), decision=Decision.DISCRETIONARY_REVIEW),
                     CaseEvent(stage=Stage.OUTCOME, at=at(2025, 6, 25), recommendations=False)]  # fmt: skip
    cases = [
        case_of(at(2025, 4, 10), *review),
        case_of(at(2025, 5, 10), *discretionary),
        case_of(
            at(2025, 7, 1),
            CaseEvent(stage=Stage.DECIDED, at=at(2025, 7, 2), decision=Decision.NO_REVIEW),
        ),
        case_of(
            at(2026, 3, 20),
            CaseEvent(stage=Stage.DECIDED, at=at(2026, 4, 2), decision=Decision.REVIEW),
        ),
        case_of(
            at(2025, 3, 20),
            CaseEvent(stage=Stage.DECIDED, at=at(2025, 3, 30), decision=Decision.REVIEW),
            CaseEvent(stage=Stage.OUTCOME, at=at(2025, 4, 20), recommendations=True),
        ),
    ]
    figures = statistics(cases, year)
    assert figures.to_dict() == {
        "period": "2025-03-31T23:00:00Z/2026-03-31T23:00:00Z",
        "applications": 4,
        "thresholds_not_met": 1,
        "reviews_carried_out": 3,
        "reviews_with_recommendations": 2,
        "discretionary_reviews": 1,
    }
    with pytest.raises(TypeError, match="period must be an Interval"):
        statistics(cases, "2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cases must be Case values"):
        statistics(["case"], year)  # type: ignore[list-item]


@pytest.mark.parametrize(
    "name",
    [
        "Application",
        "Case",
        "CaseEvent",
        "Complaint",
        "Deadline",
        "Evaluation",
        "Procedure",
        "Statistics",
        "Threshold",
        "ThresholdRule",
        "Window",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.case_review"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_a_complaint_reported_at_the_instant_of_application_is_not_after_it() -> None:
    same = report(at(2025, 3, 2), at(2025, 3, 2, 13))
    assert judge([same], at(2025, 3, 2, 13)).complaints[0].reasons == ()


def test_a_month_window_from_a_day_its_last_month_ends_on() -> None:
    # 30 January + 3 months is 30 April, the last day of April: beginning with the 30th,
    # the window ends the day before.
    assert Window.months(3).last_day(dt.date(2025, 1, 30)) == dt.date(2025, 4, 29)
    assert Window.months(3, counting=Counting.AFTER).last_day(dt.date(2025, 1, 30)) == dt.date(
        2025, 4, 30
    )


def test_a_deadline_may_be_a_single_day() -> None:
    assert Deadline(stage=Stage.ACKNOWLEDGED, days=1).days == 1
    with pytest.raises(InvalidPolicy, match="^days must be at least 1, got 0$"):
        Deadline(stage=Stage.ACKNOWLEDGED, days=0)


def test_reports_alike_but_for_their_problem_sort_by_it_in_any_order() -> None:
    night = at(2025, 1, 5)
    alike = [
        attrs.evolve(report(night), reference="REF-X", problem=p) for p in ("noise", None, "drugs")
    ]
    for given in itertools.permutations(alike):
        ((_, reports),) = incidents(given)
        assert [c.problem for c in reports] == [None, "drugs", "noise"]


def test_a_rule_nothing_qualifies_for_has_counted_nothing() -> None:
    rule = ThresholdRule(incidents=1, hate=1)
    result = judge([], at(2025, 2, 1), Threshold(name="x", rules=[rule])).rules[0]
    assert (result.met, result.group, result.incidents, result.complainants, result.hate) == (
        False, None, 0, 0, 0,
    )  # fmt: skip


def test_the_group_shown_short_is_the_one_nearest_the_rule() -> None:
    # Per location, three incidents by three people: Hill Road has two by two people, the
    # park two by one person. Hill Road is nearer (4 of 6 against 3 of 6).
    rule = ThresholdRule(incidents=3, complainants=3, per=Grouping.LOCATION)
    reports = [report(at(2025, 1, 5), who="R-1"), report(at(2025, 1, 6), who="R-2"),
               report(at(2025, 1, 7), who="R-1", where="Park"), report(at(2025, 1, 8), who="R-1", where="Park")]  # fmt: skip
    result = judge(reports, at(2025, 2, 1), Threshold(name="x", rules=[rule])).rules[0]
    assert (result.met, result.group, result.incidents, result.complainants) == (
        False,
        "Hill Road",
        2,
        2,
    )


def test_a_hate_incident_brings_a_group_nearer_the_rule() -> None:
    # Per location, three incidents, three people and one hate incident: both places have two
    # incidents by two people; the park's hate incident makes it the nearer.
    rule = ThresholdRule(incidents=3, complainants=3, hate=1, per=Grouping.LOCATION)
    reports = [report(at(2025, 1, 5), who="R-1"), report(at(2025, 1, 6), who="R-2"),
               report(at(2025, 1, 7), who="R-1", where="Park", hate=True),
               report(at(2025, 1, 8), who="R-2", where="Park")]  # fmt: skip
    result = judge(reports, at(2025, 2, 1), Threshold(name="x", rules=[rule])).rules[0]
    assert (result.met, result.group, result.hate) == (False, "Park", 1)


def test_a_group_that_meets_the_rule_is_the_one_shown() -> None:
    rule = ThresholdRule(incidents=3, per=Grouping.LOCATION)
    reports = [*three_by("R-1", "R-2", "R-3"), report(at(2025, 1, 20), where="Park")]
    result = judge(reports, at(2025, 2, 1), Threshold(name="x", rules=[rule])).rules[0]
    assert (result.met, result.group, result.incidents) == (True, "Hill Road", 3)


def test_a_rule_for_two_people_shown_one_asks_for_one_more_person() -> None:
    rule = ThresholdRule(incidents=1, complainants=2)
    result = judge([report(at(2025, 1, 5))], at(2025, 2, 1), Threshold(name="x", rules=[rule]))
    assert result.rules[0].shortfall == "1 more person"


def test_a_stage_done_at_the_instant_asked_is_done() -> None:
    acknowledged = at(2025, 4, 22, 10)
    case = case_of(at(2025, 4, 17, 11), CaseEvent(stage=Stage.ACKNOWLEDGED, at=acknowledged))
    (first, *_) = timeline(case, Procedure.gosport(), calendar=OFFICE, as_of=acknowledged)
    assert (first.stage, first.state, first.done_at) == (
        Stage.ACKNOWLEDGED,
        StepState.MET,
        acknowledged,
    )
