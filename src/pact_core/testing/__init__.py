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
    "neighbourhood_maps",
    "neighbourhoods",
    "panels",
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

    st.register_type_strategy(Interval, intervals())
    st.register_type_strategy(AbstractionPolicy, abstraction_policies())
    st.register_type_strategy(DutyRecord, duty_records())
    st.register_type_strategy(Holiday, holidays())
    st.register_type_strategy(HolidayCalendar, holiday_calendars())
    st.register_type_strategy(WorkingCalendar, working_calendars())
    st.register_type_strategy(WardCode, ward_codes())
    st.register_type_strategy(LocalAuthorityCode, local_authority_codes())
    st.register_type_strategy(Ward, wards())
    st.register_type_strategy(NeighbourhoodMap, neighbourhood_maps())
    st.register_type_strategy(Member, members())
    st.register_type_strategy(Team, teams())
    st.register_type_strategy(TeamModel, team_models())
    st.register_type_strategy(Query, queries())
    st.register_type_strategy(EventLog, event_logs())
    st.register_type_strategy(ResponsePolicy, response_policies())
    st.register_type_strategy(Goal, goals())
    st.register_type_strategy(EscalationLadder, escalation_ladders())
    st.register_type_strategy(Neighbourhood, neighbourhoods())
    st.register_type_strategy(Councillor, councillors())
    st.register_type_strategy(Panel, panels())
    st.register_type_strategy(Meeting, meetings())
    st.register_type_strategy(RoleRequirement, role_requirements())
    st.register_type_strategy(RankedBallot, ranked_ballots())
    st.register_type_strategy(ApprovalBallot, approval_ballots())
    st.register_type_strategy(ScoreBallot, score_ballots())
    st.register_type_strategy(Issue, issues())
    st.register_type_strategy(Concern, concerns())
    st.register_type_strategy(HarmAssessment, harm_assessments())
    st.register_type_strategy(Priority, priorities())
    st.register_type_strategy(Register, registers())
    st.register_type_strategy(Complaint, complaints())
    st.register_type_strategy(Application, applications())
    st.register_type_strategy(Window, windows())
    st.register_type_strategy(ThresholdRule, threshold_rules())
    st.register_type_strategy(Threshold, thresholds())
    st.register_type_strategy(Procedure, procedures())
    st.register_type_strategy(Case, cases())
