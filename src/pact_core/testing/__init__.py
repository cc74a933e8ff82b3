"""Hypothesis strategies for pact_core's value types, for your own test suite.

Install them with ``pip install "pact-core[testing]"``.
Each public value type has a strategy named with its plural, which generates only valid
values and shrinks towards simple ones:

>>> from hypothesis import find
>>> from pact_core.testing import intervals
>>> find(intervals(), lambda interval: True)
Interval.parse('2000-01-01T00:00:00Z/2000-01-01T00:00:00.000001Z')

The strategies are also registered with hypothesis, so ``st.from_type(Interval)`` and
``st.builds(YourClass)`` work for classes with pact_core-typed fields.
"""

from __future__ import annotations

from typing import Any

from pact_core.testing._abstraction import abstraction_policies, duty_records, rosters
from pact_core.testing._calendars import holiday_calendars, holidays, working_calendars
from pact_core.testing._case_review import (
    applications,
    cases,
    complaints,
    procedures,
    threshold_rules,
    thresholds,
    windows,
)
from pact_core.testing._geography import (
    local_authority_codes,
    neighbourhood_maps,
    neighbourhoods,
    ward_codes,
    wards,
)
from pact_core.testing._intervals import aware_datetimes, intervals
from pact_core.testing._panels import councillors, meetings, panels
from pact_core.testing._policeuk import neighbourhood_details, police_events, police_priorities
from pact_core.testing._priorities import (
    concerns,
    harm_assessments,
    issues,
    priorities,
    registers,
)
from pact_core.testing._response import (
    escalation_ladders,
    event_logs,
    goals,
    queries,
    response_policies,
)
from pact_core.testing._selection import approval_ballots, ranked_ballots, score_ballots
from pact_core.testing._teams import members, role_requirements, team_models, teams

__all__ = [
    "abstraction_policies",
    "applications",
    "approval_ballots",
    "aware_datetimes",
    "cases",
    "complaints",
    "concerns",
    "councillors",
    "duty_records",
    "escalation_ladders",
    "event_logs",
    "goals",
    "harm_assessments",
    "holiday_calendars",
    "holidays",
    "intervals",
    "issues",
    "local_authority_codes",
    "meetings",
    "members",
    "neighbourhood_details",
    "neighbourhood_maps",
    "neighbourhoods",
    "panels",
    "police_events",
    "police_priorities",
    "priorities",
    "procedures",
    "queries",
    "ranked_ballots",
    "registers",
    "response_policies",
    "role_requirements",
    "rosters",
    "score_ballots",
    "team_models",
    "teams",
    "threshold_rules",
    "thresholds",
    "ward_codes",
    "wards",
    "windows",
    "working_calendars",
]


def _hypothesis_setup_hook() -> None:
    """Register pact_core's strategies for `hypothesis.strategies.from_type`.

    Hypothesis calls this through the ``hypothesis`` entry point when it is imported.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis asks

    from pact_core.abstraction import AbstractionPolicy, DutyRecord  # noqa: PLC0415
    from pact_core.calendars import (  # noqa: PLC0415
        Holiday,
        HolidayCalendar,
        WorkingCalendar,
    )
    from pact_core.case_review import (  # noqa: PLC0415
        Application,
        Case,
        Complaint,
        Procedure,
        Threshold,
        ThresholdRule,
        Window,
    )
    from pact_core.geography import (  # noqa: PLC0415
        LocalAuthorityCode,
        Neighbourhood,
        NeighbourhoodMap,
        Ward,
        WardCode,
    )
    from pact_core.intervals import Interval  # noqa: PLC0415
    from pact_core.panels import Councillor, Meeting, Panel  # noqa: PLC0415
    from pact_core.policeuk import NeighbourhoodDetails, PoliceEvent, PolicePriority  # noqa: PLC0415
    from pact_core.priorities import (  # noqa: PLC0415
        Concern,
        HarmAssessment,
        Issue,
        Priority,
        Register,
    )
    from pact_core.response import (  # noqa: PLC0415
        EscalationLadder,
        EventLog,
        Goal,
        Query,
        ResponsePolicy,
    )
    from pact_core.selection import ApprovalBallot, RankedBallot, ScoreBallot  # noqa: PLC0415
    from pact_core.teams import Member, RoleRequirement, Team, TeamModel  # noqa: PLC0415

    strategies: dict[type, st.SearchStrategy[Any]] = {
        Interval: intervals(),
        AbstractionPolicy: abstraction_policies(),
        DutyRecord: duty_records(),
        Holiday: holidays(),
        HolidayCalendar: holiday_calendars(),
        WorkingCalendar: working_calendars(),
        WardCode: ward_codes(),
        LocalAuthorityCode: local_authority_codes(),
        Ward: wards(),
        NeighbourhoodMap: neighbourhood_maps(),
        Member: members(),
        Team: teams(),
        TeamModel: team_models(),
        Query: queries(),
        EventLog: event_logs(),
        ResponsePolicy: response_policies(),
        Goal: goals(),
        EscalationLadder: escalation_ladders(),
        Neighbourhood: neighbourhoods(),
        Councillor: councillors(),
        Panel: panels(),
        Meeting: meetings(),
        RoleRequirement: role_requirements(),
        RankedBallot: ranked_ballots(),
        ApprovalBallot: approval_ballots(),
        ScoreBallot: score_ballots(),
        Issue: issues(),
        Concern: concerns(),
        HarmAssessment: harm_assessments(),
        Priority: priorities(),
        Register: registers(),
        Complaint: complaints(),
        Application: applications(),
        Window: windows(),
        ThresholdRule: threshold_rules(),
        Threshold: thresholds(),
        Procedure: procedures(),
        Case: cases(),
        PolicePriority: police_priorities(),
        PoliceEvent: police_events(),
        NeighbourhoodDetails: neighbourhood_details(),
    }
    for kind, strategy in strategies.items():
        st.register_type_strategy(kind, strategy)
