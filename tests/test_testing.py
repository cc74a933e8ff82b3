"""The strategies in pact_core.testing: valid, within bounds, simple when shrunk, strict about arguments."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, Phase, example, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.abstraction import AbstractionPolicy, DutyRecord, Standard, account
from pact_core.calendars import Holiday, HolidayCalendar, WorkingCalendar
from pact_core.case_review import (
    Application,
    Body,
    Case,
    CaseEvent,
    Complaint,
    Counting,
    Deadline,
    Decision,
    Grouping,
    Procedure,
    Stage,
    Threshold,
    ThresholdRule,
    Window,
    evaluate,
)
from pact_core.geography import (
    LocalAuthorityCode,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
)
from pact_core.intervals import CalendarUnit, Interval, is_aware
from pact_core.panels import Councillor, Meeting, MeetingKind, Panel, PanelMember
from pact_core.policeuk import (
    EngagementMethod,
    Force,
    ForceReference,
    LocatedNeighbourhood,
    NeighbourhoodDetails,
    NeighbourhoodReference,
    Place,
    PoliceEvent,
    PoliceLink,
    PolicePriority,
)
from pact_core.priorities import (
    COMMON_CATEGORIES,
    Channel,
    Concern,
    FeedbackResponse,
    HarmAssessment,
    HarmWeights,
    Issue,
    Priority,
    PriorityEvent,
    RecurrencePolicy,
    Register,
    RoutingPolicy,
)
from pact_core.priorities import EventKind as PriorityEventKind
from pact_core.priorities import Status as PriorityStatus
from pact_core.response import (
    Clock,
    EscalationLadder,
    EscalationStep,
    Event,
    EventKind,
    EventLog,
    Goal,
    Query,
    ResponsePolicy,
)
from pact_core.scorecard import Measure, MeasureStatus
from pact_core.selection import ApprovalBallot, RankedBallot, ScoreBallot
from pact_core.teams import GuaranteeTarget, Member, Power, Role, RoleRequirement, Team, TeamModel
from pact_core.testing import (
    ForceScenario,
    abstraction_policies,
    applications,
    approval_ballots,
    aware_datetimes,
    case_events,
    cases,
    complaints,
    concerns,
    councillors,
    deadlines,
    duty_records,
    escalation_ladders,
    event_logs,
    force_scenarios,
    goals,
    harm_assessments,
    holiday_calendars,
    holidays,
    intervals,
    issues,
    local_authority_codes,
    measures,
    medway_force,
    meetings,
    members,
    neighbourhood_details,
    neighbourhood_maps,
    neighbourhoods,
    panels,
    police_events,
    police_priorities,
    priorities,
    priority_events,
    procedures,
    queries,
    ranked_ballots,
    registers,
    response_policies,
    role_requirements,
    rosters,
    score_ballots,
    standards,
    synthetic_force,
    team_models,
    teams,
    threshold_rules,
    thresholds,
    ward_codes,
    wards,
    windows,
    working_calendars,
)

if TYPE_CHECKING:
    from collections.abc import Callable

UTC = dt.timezone.utc
# Each example builds panels, registers or several kinds of value: a fifth of the profile's
# examples keeps CI quick. The `*_types_are_registered` tests use it too: they check that
# `st.from_type` reaches the strategies, whose own tests (at the full budget) check the values.
heavy = settings(max_examples=max(10, settings().max_examples // 5))
# A found example that nothing looks at need not be shrunk: generation alone (shrinking a
# rich value took up to 20 s a search).
_UNSHRUNK = settings(phases=[Phase.generate], database=None, max_examples=2000)


def covers(
    strategy: st.SearchStrategy[Any],
    condition: Callable[[Any], bool],
    *,
    settings: settings = _UNSHRUNK,
) -> None:
    """*strategy* can generate a value meeting *condition* (`find` raises `NoSuchExample` if not)."""
    find(strategy, condition, settings=settings)


LOW = dt.datetime(2025, 3, 1, tzinfo=UTC)
HIGH = dt.datetime(2025, 4, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@given(aware_datetimes(LOW, HIGH))
def test_aware_datetimes_are_aware_and_within_bounds(value: dt.datetime) -> None:
    assert is_aware(value)
    assert LOW <= value <= HIGH


@given(aware_datetimes())
def test_aware_datetimes_are_real_local_times(value: dt.datetime) -> None:
    """Never in a gap: converting to UTC and back gives the same wall time and fold."""
    tz = value.tzinfo
    assert tz is not None
    again = value.astimezone(UTC).astimezone(tz)
    assert (again.replace(tzinfo=None), again.fold) == (value.replace(tzinfo=None), value.fold)


@given(aware_datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=-3)))))
def test_aware_datetimes_use_the_given_zones(value: dt.datetime) -> None:
    assert value.utcoffset() == dt.timedelta(hours=-3)


def test_aware_datetimes_shrink_to_2000_in_utc() -> None:
    assert find(aware_datetimes(), lambda _: True) == dt.datetime(2000, 1, 1, tzinfo=UTC)
    assert find(aware_datetimes(LOW, HIGH), lambda _: True) == LOW


@given(intervals(LOW, HIGH))
def test_intervals_lie_within_bounds(interval: Interval) -> None:
    assert LOW <= interval.start < interval.end <= HIGH


@given(intervals(min_duration=dt.timedelta(hours=1), max_duration=dt.timedelta(hours=2)))
def test_intervals_respect_duration_bounds(interval: Interval) -> None:
    assert dt.timedelta(hours=1) <= interval.duration <= dt.timedelta(hours=2)


@given(intervals(LOW, LOW + dt.timedelta(hours=1), min_duration=dt.timedelta(hours=1)))
def test_intervals_with_exactly_enough_room(interval: Interval) -> None:
    assert interval == Interval(LOW, LOW + dt.timedelta(hours=1))


@given(intervals())
def test_intervals_are_valid(interval: Interval) -> None:
    assert Interval(interval.start, interval.end) == interval
    assert interval.start.tzinfo is UTC


def test_intervals_shrink_to_a_microsecond_in_2000() -> None:
    assert find(intervals(), lambda _: True) == Interval.parse("2000-01-01T00:00Z/PT0.000001S")
    long = find(intervals(), lambda i: i.duration >= dt.timedelta(days=1))
    assert long.duration == dt.timedelta(days=1)


def test_intervals_cover_tiny_and_huge() -> None:
    covers(intervals(), lambda i: i.duration > dt.timedelta(days=365 * 1000))
    covers(intervals(), lambda i: i.duration < dt.timedelta(seconds=1) and i.start.year != 2000)


@heavy
@given(st.from_type(Interval))
def test_from_type_is_registered(interval: Interval) -> None:
    assert isinstance(interval, Interval)


def test_reprs_are_readable() -> None:
    assert repr(intervals()).startswith("_intervals(")
    assert "datetimes(" in repr(aware_datetimes())


NAIVE = dt.datetime(2025, 1, 1)  # noqa: DTZ001 - naive on purpose


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"min_value": NAIVE},
            "^min_value must be a timezone-aware datetime, got datetime.datetime",
        ),
        ({"max_value": "2025"}, "^max_value must be a timezone-aware datetime, got '2025'$"),
        (
            {"min_value": dt.datetime(1, 1, 1, tzinfo=UTC)},
            "^min_value must lie from 0001-01-02T00:00:00\\+00:00 to 9999-12-30T23:59:59.999999\\+00:00, so that it has a local time in every zone, got 0001-01-01T00:00:00\\+00:00$",
        ),
        (
            {"min_value": dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
            "^min_value must lie from",
        ),
        (
            {
                "max_value": dt.datetime(
                    9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-2))
                )
            },
            "^max_value must lie from",
        ),
        (
            {"min_value": HIGH, "max_value": LOW},
            "^min_value must not be after max_value, got min_value=2025-03-31T23:00:00\\+00:00 max_value=2025-03-01T00:00:00\\+00:00$",
        ),
    ],
)
def test_bad_bounds(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        aware_datetimes(**kwargs)
    with pytest.raises(InvalidArgument, match=message):
        intervals(**kwargs)


def test_bad_timezones_argument() -> None:
    with pytest.raises(
        InvalidArgument,
        match="^timezones must be a SearchStrategy of tzinfo, got datetime.timezone.utc$",
    ):
        aware_datetimes(timezones=UTC)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"min_duration": dt.timedelta(0)},
            "^min_duration must be a positive timedelta, got datetime.timedelta\\(0\\)$",
        ),
        ({"min_duration": 5}, "^min_duration must be a positive timedelta, got 5$"),
        ({"max_duration": dt.timedelta(seconds=-1)}, "^max_duration must be a positive timedelta"),
        (
            {"min_duration": dt.timedelta(hours=2), "max_duration": dt.timedelta(hours=1)},
            "^max_duration must not be less than min_duration",
        ),
        (
            {"min_value": LOW, "max_value": LOW, "min_duration": dt.timedelta(seconds=1)},
            "^max_value - min_value must be at least min_duration",
        ),
    ],
)
def test_bad_durations(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        intervals(**kwargs)


# ----------------------------------------------------------------------------- calendars


@given(holidays(2000, 2001))
def test_holidays_within_years(holiday: Holiday) -> None:
    assert holiday.date.year in (2000, 2001)


@given(holiday_calendars(2020, 2021))
@example(
    HolidayCalendar.england_and_wales(
        additions={
            dt.date(2021, 12, 31): "Extra bank holiday",
            dt.date(2021, 12, 30): "Extra bank holiday",
        }
    )
)
def test_holiday_calendars_are_valid(calendar: HolidayCalendar) -> None:
    rebuilt = HolidayCalendar(
        rules=calendar.rules, additions=calendar.additions, removals=calendar.removals
    )
    assert rebuilt == calendar
    assert all(2020 <= h.date.year <= 2021 for h in calendar.additions)
    assert all(2020 <= d.year <= 2021 for d in calendar.removals)


@given(working_calendars(timezones=st.just(UTC), holidays=st.just(HolidayCalendar(rules=None))))
def test_working_calendars_use_the_given_strategies(calendar: WorkingCalendar) -> None:
    assert calendar.tz is UTC
    assert calendar.holidays.rules is None
    assert 1 <= len(calendar.hours) <= 3
    assert calendar.weekdays


def test_calendar_strategies_cover_their_space() -> None:
    covers(
        holiday_calendars(),
        lambda c: c.rules is not None and bool(c.additions) and bool(c.removals),
    )
    covers(working_calendars(), lambda c: len(c.hours) == 3 and c.hours[-1][1] == dt.time(0))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_year": 1970}, "^min_year must be from 1971 to 4099, got 1970$"),
        ({"max_year": "2000"}, "^max_year must be an int, got '2000'$"),
        (
            {"min_year": 2001, "max_year": 2000},
            "^min_year must not be after max_year, got min_year=2001 max_year=2000$",
        ),
    ],
)
def test_bad_year_bounds(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        holidays(**kwargs)
    with pytest.raises(InvalidArgument, match=message):
        holiday_calendars(**kwargs)


def test_bad_working_calendar_arguments() -> None:
    with pytest.raises(InvalidArgument, match="^timezones must be a SearchStrategy of tzinfo"):
        working_calendars(timezones=UTC)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidArgument, match="^holidays must be a SearchStrategy of HolidayCalendar"
    ):
        working_calendars(holidays=HolidayCalendar())  # type: ignore[arg-type]


@heavy
@given(st.from_type(Holiday), st.from_type(HolidayCalendar), st.from_type(WorkingCalendar))
def test_calendar_types_are_registered(
    holiday: Holiday, holidays: HolidayCalendar, working: WorkingCalendar
) -> None:
    assert isinstance(holiday, Holiday)
    assert isinstance(holidays, HolidayCalendar)
    assert isinstance(working, WorkingCalendar)


# ----------------------------------------------------------------------------- geography


@given(wards(generations=st.just("WD13")))
def test_wards_use_the_given_generations(ward: Ward) -> None:
    assert ward.generation == "WD13"
    assert ward.geometry.is_valid


@given(ward_codes(prefixes=st.just("W05")), local_authority_codes())
def test_codes_are_well_formed(code: WardCode, authority: LocalAuthorityCode) -> None:
    assert code.country == "Wales"
    assert LocalAuthorityCode(authority.value) == authority


@given(neighbourhood_maps(max_rows=2, max_columns=2, force="kent"))
def test_maps_respect_their_arguments(neighbourhood_map: NeighbourhoodMap) -> None:
    assert len(neighbourhood_map.wards) <= 4
    assert neighbourhood_map.force == "kent"


def test_geography_strategies_cover_their_space() -> None:
    covers(
        neighbourhood_maps(),
        lambda m: any(n.parts for n in m.neighbourhoods) and len(m.neighbourhoods) > 2,
    )
    covers(wards(), lambda w: w.geometry.geom_type == "MultiPolygon")


def test_bad_geography_arguments() -> None:
    with pytest.raises(
        InvalidArgument, match="^prefixes must be a SearchStrategy of str, got 'E05'$"
    ):
        ward_codes(prefixes="E05")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^generations must be a SearchStrategy of str"):
        wards(generations="WD25")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^max_rows must be a positive int, got 0$"):
        neighbourhood_maps(max_rows=0)
    with pytest.raises(InvalidArgument, match="^force must be a non-blank str, got ''$"):
        neighbourhood_maps(force="")


@heavy
@given(st.from_type(WardCode), st.from_type(Ward), st.from_type(NeighbourhoodMap))
def test_geography_types_are_registered(
    code: WardCode, ward: Ward, neighbourhood_map: NeighbourhoodMap
) -> None:
    assert isinstance(code, WardCode)
    assert isinstance(ward, Ward)
    assert isinstance(neighbourhood_map, NeighbourhoodMap)


# ----------------------------------------------------------------------------- teams


@given(members(roles=st.just(Role.PCSO)))
def test_members_have_allowed_powers(member: Member) -> None:
    assert member.role is Role.PCSO
    assert Power.ARREST not in member.powers


@given(team_models(), teams(max_areas=1))
def test_team_strategies_are_valid(model: TeamModel, team: Team) -> None:
    assert model.leader.is_police_officer
    assert len(team.areas) == 1


def test_team_strategies_cover_their_space() -> None:
    covers(teams(TeamModel.met_dedicated_ward_officers(), max_areas=3), lambda t: len(t.areas) == 3)
    covers(team_models(), lambda m: any(r.per_area for r in m.requirements))


def test_bad_team_arguments() -> None:
    with pytest.raises(
        InvalidArgument, match="^roles must be a SearchStrategy of Role, got <Role.PCSO: 'PCSO'>$"
    ):
        members(roles=Role.PCSO)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^model must be a TeamModel or None, got '1-2-3'$"):
        teams("1-2-3")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^max_areas must be a positive int, got 0$"):
        teams(max_areas=0)


@heavy
@given(st.from_type(Member), st.from_type(Team), st.from_type(TeamModel))
def test_team_types_are_registered(member: Member, team: Team, model: TeamModel) -> None:
    assert isinstance(member, Member)
    assert isinstance(team, Team)
    assert isinstance(model, TeamModel)


def test_additions_at_the_end_of_the_range_stay_in_range() -> None:
    """Regression: an addition moved off a holiday on 31 December must not leave the years asked for."""
    covers(
        holiday_calendars(2021, 2021),
        lambda c: (
            any(h.date >= dt.date(2021, 12, 28) for h in c.additions) and len(c.additions) >= 2
        ),
    )

    @given(holiday_calendars(2022, 2022))
    def in_range(calendar: HolidayCalendar) -> None:
        assert all(h.date.year == 2022 for h in calendar.additions)

    in_range()


# ----------------------------------------------------------------------------- response


@given(
    event_logs(max_events=3),
    queries(neighbourhoods=st.just("Strood")),
    response_policies(working_time=True),
)
def test_response_strategies_respect_their_arguments(
    log: EventLog, query: Query, policy: ResponsePolicy
) -> None:
    assert len(log.events) <= 4
    assert query.neighbourhood == "Strood"
    assert all(goal.clock is Clock.WORKING for goal in policy.goals)


def test_response_strategies_cover_their_space() -> None:
    covers(event_logs(), lambda log: any(e.kind is EventKind.REOPENED for e in log.events))
    covers(response_policies(), lambda p: len(p.goals) == 2)


def test_bad_response_arguments() -> None:
    with pytest.raises(InvalidArgument, match="^neighbourhoods must be a SearchStrategy of str"):
        queries(neighbourhoods="Strood")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidArgument, match="^received must be a SearchStrategy of aware datetimes"
    ):
        event_logs(received=UTC)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^max_events must be an int of at least 0, got -1$"):
        event_logs(max_events=-1)
    with pytest.raises(InvalidArgument, match="^working_time must be a bool or None, got 'yes'$"):
        response_policies(working_time="yes")  # type: ignore[arg-type]


@heavy
@given(st.from_type(Query), st.from_type(EventLog), st.from_type(ResponsePolicy))
def test_response_types_are_registered(query: Query, log: EventLog, policy: ResponsePolicy) -> None:
    assert isinstance(query, Query)
    assert isinstance(log, EventLog)
    assert isinstance(policy, ResponsePolicy)


def test_an_addition_on_the_last_day_moves_back_into_range() -> None:
    """31 December 1999 was a holiday: an addition drawn there must move back, not into 2000."""
    from pact_core.testing._calendars import _free_day  # noqa: PLC0415 - the private helper under test

    taken = {dt.date(1999, 12, 31), dt.date(1999, 12, 30)}
    assert _free_day(dt.date(1999, 12, 31), 1999, taken.__contains__) == dt.date(1999, 12, 29)
    assert _free_day(dt.date(1999, 12, 29), 1999, taken.__contains__) == dt.date(1999, 12, 29)
    assert _free_day(dt.date(1999, 12, 30), 2000, taken.__contains__) == dt.date(2000, 1, 1)


@given(event_logs(received=st.just(dt.datetime(2025, 1, 6, 9, tzinfo=UTC))))
def test_event_logs_use_the_given_receipt(log: EventLog) -> None:
    assert log.received == dt.datetime(2025, 1, 6, 9, tzinfo=UTC)


# ----------------------------------------------------------------------------- secondary value types

EXTRA_TYPES: tuple[type, ...] = (
    Neighbourhood,
    Councillor,
    Panel,
    Meeting,
    RoleRequirement,
    Goal,
    EscalationLadder,
)


@given(neighbourhoods(force="kent"), councillors(), panels(force="kent"))
def test_geography_extras_are_valid(
    neighbourhood: Neighbourhood, councillor: Councillor, panel: Panel
) -> None:
    assert neighbourhood.force == "kent"
    assert neighbourhood.wards
    assert councillor.ward.country
    assert panel.force == "kent"
    assert 1 <= panel.min_months <= panel.max_months <= 6


@given(role_requirements(), goals(working_time=True), escalation_ladders())
def test_team_and_response_extras_are_valid(
    requirement: RoleRequirement, goal: Goal, ladder: EscalationLadder
) -> None:
    assert requirement.minimum >= 0
    assert goal.clock is Clock.WORKING
    assert ladder.steps
    assert ladder.recourse


def test_extras_cover_their_space() -> None:
    covers(neighbourhoods(), lambda n: " " in n.id and len(n.contacts) == 2)
    covers(escalation_ladders(), lambda ladder: len(ladder.steps) >= 4)
    covers(panels(), lambda p: len(p.members) >= 2 and p.max_months > p.min_months)
    covers(panels(), lambda p: any(not m.voting for m in p.members))
    covers(meetings(), lambda m: m.kind is MeetingKind.SURGERY and m.notice_given and m.voters)


@given(meetings(panels=panels(force="kent")))
def test_meetings_are_valid(meeting: Meeting) -> None:
    assert meeting.panel.force == "kent"
    assert set(meeting.present) <= {member.name for member in meeting.panel.members}
    assert meeting.invited is None or meeting.invited <= meeting.start


def test_bad_extra_arguments() -> None:
    with pytest.raises(InvalidArgument, match="^force must be a non-blank str, got ''$"):
        neighbourhoods(force="")
    with pytest.raises(InvalidArgument, match="^force must be a non-blank str, got None$"):
        panels(force=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^panels must be a SearchStrategy of Panel"):
        meetings(panels=[])  # type: ignore[arg-type]


@heavy
@given(st.tuples(*(st.from_type(kind) for kind in EXTRA_TYPES)))
def test_extra_types_are_registered(values: tuple[object, ...]) -> None:
    assert all(isinstance(value, kind) for value, kind in zip(values, EXTRA_TYPES, strict=True))


# ----------------------------------------------------------------------------- selection and priorities


@given(
    ranked_ballots(candidates=st.integers(0, 9)),
    approval_ballots(),
    score_ballots(minimum=1, maximum=10),
)
def test_ballot_strategies_are_valid(
    ranked: RankedBallot[Any], approved: ApprovalBallot[Any], scored: ScoreBallot[Any]
) -> None:
    assert len(set(ranked.ranking)) == len(ranked.ranking)
    assert all(0 <= c <= 9 for c in ranked.ranking)
    assert ranked.weight >= 1
    assert approved.approved <= {"A", "B", "C", "D", "E"}
    assert all(1 <= s <= 10 for _, s in scored.scores)


@given(ranked_ballots(3, 3, candidates=st.sampled_from("xyz"), weights=st.integers(-5, 2)))
def test_ranked_ballots_respect_their_size_bounds(ballot: RankedBallot[Any]) -> None:
    assert sorted(ballot.ranking) == ["x", "y", "z"]
    assert ballot.weight >= 1


@heavy
@given(
    concerns(force="kent"),
    issues(),
    harm_assessments(),
    priorities(),
    registers(panels=panels(force="kent"), max_size=3),
)
def test_priority_strategies_are_valid(
    concern: Concern, issue: Issue, harm: HarmAssessment, priority: Priority, register: Register
) -> None:
    assert concern.force == "kent"
    assert concern.resident is None or " " not in concern.resident
    assert issue.category in COMMON_CATEGORIES
    assert 1 <= harm.harm <= 5
    assert priority.events[0].kind is PriorityEventKind.ADOPTED
    assert len(register.priorities) <= 3
    assert register.panel.force == "kent"
    assert all(p.panel.key == register.panel.key for p in register.priorities)


def test_selection_and_priority_strategies_shrink_and_cover_their_space() -> None:
    assert find(ranked_ballots(), lambda b: True) == RankedBallot(())
    assert find(score_ballots(), lambda b: True).scores == ()
    covers(ranked_ballots(), lambda b: len(b.ranking) == 5 and b.weight == 5)
    covers(registers(), lambda r: len({p.status() for p in r.priorities}) >= 2)
    covers(priorities(), lambda p: p.action is not None and p.status() is not PriorityStatus.ACTIVE)
    covers(concerns(), lambda c: c.channel is Channel.DATA_ANALYSIS and c.resident is not None)
    covers(issues(categories=st.just("noise"), places=st.just("Park")), lambda i: i.place == "Park")


def test_bad_selection_and_priority_arguments() -> None:
    with pytest.raises(InvalidArgument, match="^candidates must be a SearchStrategy"):
        ranked_ballots(candidates=["a"])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^weights must be a SearchStrategy of int"):
        approval_ballots(weights=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^min_size must be a non-negative int, got -1$"):
        ranked_ballots(-1)
    with pytest.raises(
        InvalidArgument, match="^max_size must be None or an int of at least min_size, got 1$"
    ):
        ranked_ballots(2, 1)
    with pytest.raises(InvalidArgument, match="^maximum must be an int, got 5.0$"):
        score_ballots(maximum=5.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^maximum must be above minimum, got 1$"):
        score_ballots(minimum=1, maximum=1)
    with pytest.raises(InvalidArgument, match="^categories must be a SearchStrategy of str"):
        issues(categories="noise")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^issues must be a SearchStrategy of Issue"):
        concerns(issues=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^force must be a non-blank str"):
        concerns(force="")
    with pytest.raises(InvalidArgument, match="^panels must be a SearchStrategy of Panel"):
        priorities(panels=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^panels must be a SearchStrategy of Panel"):
        registers(panels=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^max_size must be a non-negative int, got -1$"):
        registers(max_size=-1)


SELECTION_TYPES: tuple[type, ...] = (
    RankedBallot,
    ApprovalBallot,
    ScoreBallot,
    Issue,
    Concern,
    HarmAssessment,
    Priority,
    Register,
)


@heavy
@given(st.tuples(*(st.from_type(kind) for kind in SELECTION_TYPES)))
def test_selection_and_priority_types_are_registered(values: tuple[object, ...]) -> None:
    assert all(isinstance(v, kind) for v, kind in zip(values, SELECTION_TYPES, strict=True))


# ----------------------------------------------------------------------------- abstraction


@given(duty_records(), abstraction_policies(), rosters(max_size=12))
def test_abstraction_strategies_are_valid(
    record: DutyRecord, policy: AbstractionPolicy, roster: tuple[DutyRecord, ...]
) -> None:
    assert record.interval.duration >= dt.timedelta(minutes=1)
    policy.classify(record.activity)
    assert len(roster) <= 12
    by_officer: dict[str, list[DutyRecord]] = {}
    for item in roster:
        by_officer.setdefault(item.officer, []).append(item)
    for items in by_officer.values():
        items.sort(key=lambda r: r.interval.start)
        assert all(a.interval.end <= b.interval.start for a, b in itertools.pairwise(items))


def test_abstraction_strategies_shrink_cover_and_refuse_bad_arguments() -> None:
    assert find(rosters(2), lambda r: True)[0].interval.duration == dt.timedelta(minutes=1)
    covers(rosters(), lambda r: len({x.officer for x in r}) >= 3)
    covers(abstraction_policies(), lambda p: p.name == "local variant")
    covers(
        duty_records(activities=st.just("court")),
        lambda r: r.interval.duration > dt.timedelta(days=1),
    )
    with pytest.raises(InvalidArgument, match="^min_size must be a non-negative int, got -1$"):
        rosters(-1)
    with pytest.raises(InvalidArgument, match="^max_size must be at least min_size, got 1$"):
        rosters(2, 1)
    with pytest.raises(InvalidArgument, match="^activities must be a SearchStrategy of str"):
        duty_records(activities="patrol")  # type: ignore[arg-type]


@heavy
@given(st.from_type(DutyRecord), st.from_type(AbstractionPolicy))
def test_abstraction_types_are_registered(record: DutyRecord, policy: AbstractionPolicy) -> None:
    assert isinstance(record, DutyRecord)
    assert isinstance(policy, AbstractionPolicy)


# ----------------------------------------------------------------------------- case review

CASE_REVIEW_TYPES = (Complaint, Application, Window, ThresholdRule, Threshold, Procedure, Case)


@given(complaints(max_delay_days=3), applications(max_complaints=5), thresholds(), cases())
def test_case_review_strategies_are_valid(
    complaint: Complaint, application: Application, threshold: Threshold, case: Case
) -> None:
    assert complaint.reported_at - complaint.behaviour_at <= dt.timedelta(days=3)
    assert len(application.complaints) <= 5
    assert len({(c.body, c.reference) for c in application.complaints}) == len(
        application.complaints
    )
    assert threshold.rules
    assert all(event.at >= case.application.received_at for event in case.events)


def test_case_review_strategies_shrink_cover_and_refuse_bad_arguments() -> None:
    assert find(complaints(), lambda c: True).body is Body.COUNCIL
    assert find(cases(), lambda c: True).events == ()
    covers(cases(), lambda c: c.reached(Stage.APPEAL_DECIDED) is not None)
    covers(cases(), lambda c: any(e.decision is Decision.NO_REVIEW for e in c.events))
    unshrunk = settings(phases=[Phase.generate], database=None, max_examples=2000)
    met = find(
        applications(),
        lambda a: evaluate(a, Threshold.statutory(), tz=dt.timezone.utc).met,
        settings=unshrunk,
    )
    assert len(met.complaints) >= 3
    covers(thresholds(), lambda t: t.name == "local" and len(t.rules) == 3, settings=unshrunk)
    covers(
        threshold_rules(), lambda r: r.per is Grouping.LOCATION and r.hate == 2, settings=unshrunk
    )
    covers(windows(), lambda w: w.counting is Counting.AFTER and w.unit is CalendarUnit.MONTH)
    covers(procedures(), lambda p: p.name == "Birmingham")
    empty = find(cases(applications=applications(max_complaints=0)), lambda c: len(c.events) >= 2)
    assert empty.application.complaints == ()
    pair = find(
        applications(complaints=complaints(max_delay_days=0)),
        lambda a: len(a.complaints) == 2,
        settings=unshrunk,
    )
    assert all(c.reported_at == c.behaviour_at for c in pair.complaints)
    with pytest.raises(InvalidArgument, match="^max_delay_days must be an int >= 0, got -1$"):
        complaints(max_delay_days=-1)
    with pytest.raises(InvalidArgument, match="^max_complaints must be an int >= 0, got 1.5$"):
        applications(max_complaints=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="^complaints must be a SearchStrategy of Complaint"):
        applications(complaints=[])  # type: ignore[arg-type]
    with pytest.raises(
        InvalidArgument, match="^applications must be a SearchStrategy of Application"
    ):
        cases(applications=[])  # type: ignore[arg-type]


@heavy
@given(st.tuples(*(st.from_type(kind) for kind in CASE_REVIEW_TYPES)))
def test_case_review_types_are_registered(values: tuple[object, ...]) -> None:
    assert all(isinstance(v, kind) for v, kind in zip(values, CASE_REVIEW_TYPES, strict=True))


# ----------------------------------------------------------------------------- police.uk

POLICEUK_TYPES = (PolicePriority, PoliceEvent, NeighbourhoodDetails)


@settings(heavy, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*(st.from_type(kind) for kind in POLICEUK_TYPES)))
def test_policeuk_types_are_registered_and_valid(values: tuple[object, ...]) -> None:
    assert all(isinstance(v, kind) for v, kind in zip(values, POLICEUK_TYPES, strict=True))
    priority, event, _ = values
    assert isinstance(priority, PolicePriority)
    assert isinstance(event, PoliceEvent)
    assert (priority.action is None) == (priority.action_date is None)
    assert event.end is None or event.end >= event.start


def test_policeuk_strategies_cover_their_space() -> None:
    unshrunk = settings(phases=[Phase.generate], database=None, max_examples=2000)
    covers(
        police_priorities(), lambda p: p.action is not None and "&" in p.issue, settings=unshrunk
    )
    covers(
        police_events(),
        lambda e: e.description is not None and "\n" in e.description,
        settings=unshrunk,
    )
    covers(
        neighbourhood_details(),
        lambda n: any(p.latitude is not None for p in n.locations),
        settings=unshrunk,
    )


# ----------------------------------------------------------------------------- whole forces


@heavy
@given(force_scenarios())
def test_every_part_of_a_force_refers_to_its_map(force: ForceScenario) -> None:
    ids = {n.id for n in force.map.neighbourhoods}
    assert {t.name for t in force.teams} == {f"{i} NPT" for i in ids}
    assert {p.neighbourhood for p in force.panels} == ids
    assert {c.neighbourhood for c in force.concerns} <= ids
    assert {log.query.neighbourhood for log in force.queries} <= ids
    assert {(r.neighbourhood, r.team) for r in force.roster} <= {(i, f"{i} NPT") for i in ids}
    account(
        force.roster, AbstractionPolicy.default(), tz=dt.timezone.utc
    )  # classed, and no overlaps
    for neighbourhood in ids:
        assert force.panel_of(neighbourhood).force == force.force
        assert force.team_of(neighbourhood).areas


def test_the_ready_made_forces() -> None:
    synthetic, medway = synthetic_force(), medway_force()
    assert synthetic == synthetic_force()
    assert [len(f.map.wards) for f in (synthetic, medway)] == [6, 24]
    with pytest.raises(KeyError):
        synthetic.team_of("Nowhere")
    with pytest.raises(KeyError):
        medway.panel_of("Nowhere")
    with pytest.raises(InvalidArgument, match="max_rows must be a positive int"):
        force_scenarios(max_rows=0)


# ----------------------------------------------------------------------------- the smaller values

SMALL_TYPES = (
    PriorityEvent, Event, EscalationStep, Deadline, CaseEvent, Standard, RecurrencePolicy, HarmWeights, RoutingPolicy,
    FeedbackResponse, PanelMember, WardPart, GuaranteeTarget, Measure, Force, ForceReference, NeighbourhoodReference,
    EngagementMethod, Place, PoliceLink, LocatedNeighbourhood,
)  # fmt: skip


@heavy
@given(st.tuples(*(st.from_type(kind) for kind in SMALL_TYPES)))
def test_the_smaller_values_are_registered(values: tuple[object, ...]) -> None:
    assert all(isinstance(v, kind) for v, kind in zip(values, SMALL_TYPES, strict=True))


def test_the_smaller_values_cover_their_space() -> None:
    unshrunk = settings(phases=[Phase.generate], database=None, max_examples=2000)
    covers(priority_events(), lambda e: e.partner is not None, settings=unshrunk)
    covers(case_events(), lambda e: e.decision is not None, settings=unshrunk)
    covers(deadlines(), lambda d: d.after is not Stage.RECEIVED, settings=unshrunk)
    covers(measures(), lambda m: m.status is MeasureStatus.NOTHING_TO_MEASURE, settings=unshrunk)
    covers(standards(), lambda s: s.name == "local standard", settings=unshrunk)
