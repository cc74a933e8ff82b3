"""Properties of the ASB Case Review: monotone thresholds, order and duplicates that do not matter, windows and timelines that behave."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.calendars import WorkingCalendar
from pact_core.case_review import (
    Application,
    Body,
    Case,
    Complaint,
    Procedure,
    StepState,
    Threshold,
    Window,
    evaluate,
    statistics,
    timeline,
)
from pact_core.intervals import Interval
from pact_core.testing import applications, cases, complaints, procedures, thresholds, windows

if TYPE_CHECKING:
    import random as random_module

LONDON = ZoneInfo("Europe/London")
heavy = settings(max_examples=max(10, settings().max_examples // 5))
OFFICE = WorkingCalendar(tz=LONDON)


def _with(application: Application, extra: list[Complaint]) -> Application:
    taken = {(c.body, c.reference) for c in application.complaints}
    fresh = [attrs.evolve(c, reference=f"{c.reference}-new{n}") for n, c in enumerate(extra)]
    assert not taken & {(c.body, c.reference) for c in fresh}
    return attrs.evolve(application, complaints=[*application.complaints, *fresh])


@given(applications(), st.lists(complaints(), max_size=4), thresholds())
def test_adding_complaints_never_turns_a_met_threshold_into_not_met(
    application: Application, extra: list[Complaint], threshold: Threshold
) -> None:
    before = evaluate(application, threshold, tz=LONDON)
    after = evaluate(_with(application, extra), threshold, tz=LONDON)
    assert after.qualifying >= before.qualifying
    if before.met:
        assert after.met
    for old, new in zip(before.rules, after.rules, strict=True):
        assert new.met or not old.met


@given(applications(), thresholds(), st.randoms(use_true_random=False))
def test_the_order_of_complaints_does_not_matter(
    application: Application, threshold: Threshold, random: random_module.Random
) -> None:
    shuffled = list(application.complaints)
    random.shuffle(shuffled)
    again = attrs.evolve(application, complaints=shuffled)
    assert evaluate(again, threshold, tz=LONDON) == evaluate(application, threshold, tz=LONDON)


@given(applications(), thresholds(), st.sampled_from(Body))
def test_duplicates_across_bodies_do_not_count_twice(
    application: Application, threshold: Threshold, body: Body
) -> None:
    copies = [
        attrs.evolve(c, body=body, reference=f"{c.reference}-copy") for c in application.complaints
    ]
    doubled = attrs.evolve(application, complaints=[*application.complaints, *copies])
    before = evaluate(application, threshold, tz=LONDON)
    after = evaluate(doubled, threshold, tz=LONDON)
    assert (after.met, after.qualifying) == (before.met, before.qualifying)
    assert [(r.met, r.incidents, r.hate) for r in after.rules] == [
        (r.met, r.incidents, r.hate) for r in before.rules
    ]


@given(applications(), thresholds())
def test_each_qualifying_incident_counts_through_exactly_one_complaint(
    application: Application, threshold: Threshold
) -> None:
    result = evaluate(application, threshold, tz=LONDON)
    counted = [c.incident for c in result.complaints if c.counts]
    assert len(counted) == len(set(counted)) == result.qualifying
    for check in result.complaints:
        assert check.counts == (not check.reasons)
        if check.counts:
            assert check.complaint.reported_at <= application.received_at
            assert check.complaint.reported_at.astimezone(LONDON).date() <= check.report_by
            assert application.received_at.astimezone(LONDON).date() <= check.apply_by
    assert (result.grounds == ()) or not result.met


@given(windows(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_windows_end_on_or_after_their_start_and_never_run_backwards(
    window: Window, start: dt.date
) -> None:
    last = window.last_day(start)
    assert last >= start
    assert window.last_day(start + dt.timedelta(days=1)) >= last


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(1, 24))
def test_a_statutory_month_ends_the_day_before_the_corresponding_date(
    start: dt.date, months: int
) -> None:
    last = Window.months(months).last_day(start)
    following = last + dt.timedelta(days=1)
    # The next day is the corresponding date, or the first of the month after a short month.
    assert following.day == start.day or (following.day == 1 and start.day > last.day)
    assert (following.year - start.year) * 12 + following.month - start.month in (
        months,
        months + 1,
    )


@given(cases(), procedures(), st.integers(0, 400))
def test_timeline_is_consistent_with_the_record(
    case: Case, procedure: Procedure, days: int
) -> None:
    as_of = case.application.received_at + dt.timedelta(days=days)
    steps = timeline(case, procedure, calendar=OFFICE, as_of=as_of)
    assert [s.stage for s in steps] == [d.stage for d in procedure.deadlines]
    for step in steps:
        event = case.reached(step.stage, as_of=as_of)
        if step.state in (StepState.MET, StepState.MET_LATE):
            assert event is not None
            assert step.done_at == event.at
        if step.state in (StepState.DUE, StepState.OVERDUE, StepState.LAPSED, StepState.WAITING):
            assert event is None
        if step.state is StepState.DUE:
            assert step.due_by is not None
            assert as_of < step.due_by
        if step.due is not None:
            assert step.due >= case.application.received_at.astimezone(LONDON).date()


@given(cases(), procedures(), st.integers(0, 200), st.integers(0, 200))
def test_a_met_deadline_stays_met(
    case: Case, procedure: Procedure, earlier: int, later: int
) -> None:
    start = case.application.received_at
    first = timeline(case, procedure, calendar=OFFICE, as_of=start + dt.timedelta(days=earlier))
    second = timeline(
        case, procedure, calendar=OFFICE, as_of=start + dt.timedelta(days=earlier + later)
    )
    for one, two in zip(first, second, strict=True):
        if one.state in (StepState.MET, StepState.MET_LATE):
            assert two == one


@heavy
@given(st.lists(cases(), max_size=5), st.lists(cases(), max_size=5))
def test_statistics_add_up(first: list[Case], second: list[Case]) -> None:
    year = Interval(dt.datetime(2024, 4, 1, tzinfo=LONDON), dt.datetime(2025, 4, 1, tzinfo=LONDON))
    together = statistics([*first, *second], year).to_dict()
    apart = [statistics(part, year).to_dict() for part in (first, second)]
    for key, value in together.items():
        if key != "period":
            assert value == apart[0][key] + apart[1][key]  # type: ignore[operator]
    assert together["reviews_with_recommendations"] <= together["reviews_carried_out"]  # type: ignore[operator]
