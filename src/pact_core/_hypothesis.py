"""The hypothesis entry point: pact_core's strategies, registered for `st.from_type` (private).

It lives outside `pact_core.testing` on purpose. Hypothesis runs its entry points while it
is being imported, so a hook inside `pact_core.testing` (which imports hypothesis) would be
asked for while that package is half-imported, and ``import pact_core.testing`` before
hypothesis would fail. Here each type is registered with a resolver that imports its
strategy only when a test asks `from_type` for it.
"""

from __future__ import annotations

import importlib
from typing import Any

# module of the value type: (the type, its strategy in pact_core.testing), ...
_REGISTERED: dict[str, tuple[tuple[str, str], ...]] = {
    "pact_core.scorecard": (
        ("Measure", "measures"),
        ("ForceScorecard", "force_scorecards"),
        ("NeighbourhoodScorecard", "neighbourhood_scorecards"),
        ("WardRow", "ward_rows"),
        ("WardTable", "ward_tables"),
    ),
    "pact_core.intervals": (("Interval", "intervals"),),
    "pact_core.abstraction": (
        ("Standard", "standards"),
        ("AbstractionPolicy", "abstraction_policies"),
        ("DutyRecord", "duty_records"),
        ("Accounts", "accounts"),
        ("Cell", "cells"),
        ("Shortfall", "shortfalls"),
        ("Summary", "summaries"),
    ),
    "pact_core.calendars": (
        ("Holiday", "holidays"),
        ("HolidayCalendar", "holiday_calendars"),
        ("WorkingCalendar", "working_calendars"),
    ),
    "pact_core.geography": (
        ("WardPart", "ward_parts"),
        ("WardCode", "ward_codes"),
        ("LocalAuthorityCode", "local_authority_codes"),
        ("Ward", "wards"),
        ("NeighbourhoodMap", "neighbourhood_maps"),
        ("Neighbourhood", "neighbourhoods"),
        ("BatchLocation", "batch_locations"),
        ("CrosswalkShare", "crosswalk_shares"),
        ("Location", "locations"),
        ("WardLocator", "ward_locators"),
    ),
    "pact_core.teams": (
        ("GuaranteeTarget", "guarantee_targets"),
        ("Member", "members"),
        ("Team", "teams"),
        ("TeamModel", "team_models"),
        ("RoleRequirement", "role_requirements"),
        ("Finding", "findings"),
        ("RankTitle", "rank_titles"),
    ),
    "pact_core.response": (
        ("Event", "query_events"),
        ("EscalationStep", "escalation_steps"),
        ("Query", "queries"),
        ("EventLog", "event_logs"),
        ("ResponsePolicy", "response_policies"),
        ("Goal", "goals"),
        ("EscalationLadder", "escalation_ladders"),
        ("Compliance", "compliances"),
        ("Escalation", "escalations"),
        ("GoalStatus", "goal_statuses"),
        ("StatusTable", "status_tables"),
    ),
    "pact_core.panels": (
        ("PanelMember", "panel_members"),
        ("Councillor", "councillors"),
        ("Panel", "panels"),
        ("Meeting", "meetings"),
        ("Cadence", "cadences"),
        ("DirectoryEntry", "directory_entries"),
    ),
    "pact_core.selection": (
        ("RankedBallot", "ranked_ballots"),
        ("ApprovalBallot", "approval_ballots"),
        ("ScoreBallot", "score_ballots"),
        ("RankedProfile", "ranked_profiles"),
        ("Round", "rounds"),
        ("Selection", "selections"),
        ("Tie", "ties"),
        ("TieBreak", "tie_breaks"),
        ("Transfer", "transfers"),
    ),
    "pact_core.priorities": (
        ("FeedbackResponse", "feedback_responses"),
        ("HarmWeights", "harm_weights"),
        ("PriorityEvent", "priority_events"),
        ("RecurrencePolicy", "recurrence_policies"),
        ("RoutingPolicy", "routing_policies"),
        ("Issue", "issues"),
        ("Concern", "concerns"),
        ("HarmAssessment", "harm_assessments"),
        ("Priority", "priorities"),
        ("Register", "registers"),
        ("Candidate", "priority_candidates"),
        ("Influence", "influences"),
        ("PanelChoice", "panel_choices"),
        ("Recurrence", "priority_recurrences"),
        ("Routing", "routings"),
        ("SharedPriority", "shared_priority_categories"),
        ("CategoryMap", "category_maps"),
    ),
    "pact_core.case_review": (
        ("CaseEvent", "case_events"),
        ("Deadline", "deadlines"),
        ("Complaint", "complaints"),
        ("Application", "applications"),
        ("Window", "windows"),
        ("ThresholdRule", "threshold_rules"),
        ("Threshold", "thresholds"),
        ("Procedure", "procedures"),
        ("Case", "cases"),
        ("ComplaintCheck", "complaint_checks"),
        ("Evaluation", "evaluations"),
        ("Ground", "grounds"),
        ("Incident", "case_review_incidents"),
        ("RuleResult", "rule_results"),
        ("Statistics", "case_review_statistics"),
        ("StepStatus", "step_statuses"),
    ),
    "pact_core.crime": (
        ("Month", "months"),
        ("Crime", "crimes"),
        ("CrimeTable", "crime_tables"),
        ("CrimeOutcome", "crime_outcomes"),
        ("OutcomePolicy", "outcome_policies"),
        ("SolvedShare", "solved_shares"),
        ("Incidence", "incidences"),
        ("Hotspot", "crime_hotspots"),
        ("HotspotAnalysis", "hotspot_analyses"),
        ("RateComparison", "rate_comparisons"),
        ("Choropleth", "choropleths"),
    ),
    "pact_core.policeuk": (
        ("EngagementMethod", "engagement_methods"),
        ("Force", "forces"),
        ("ForceReference", "force_references"),
        ("LocatedNeighbourhood", "located_neighbourhoods"),
        ("NeighbourhoodReference", "neighbourhood_references"),
        ("Place", "places"),
        ("PoliceLink", "police_links"),
        ("PolicePriority", "police_priorities"),
        ("PoliceEvent", "police_events"),
        ("NeighbourhoodDetails", "neighbourhood_details"),
    ),
}


def _resolver(strategy: str) -> Any:  # noqa: ANN401 - hypothesis's resolver: a type in, a strategy out
    def resolve(kind: type) -> Any:  # noqa: ANN401 - the type asked for
        return getattr(importlib.import_module("pact_core.testing"), strategy)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register pact_core's strategies for `hypothesis.strategies.from_type`.

    Hypothesis calls this through the ``hypothesis`` entry point when it is imported.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis asks

    for module, pairs in _REGISTERED.items():
        found = importlib.import_module(module)
        for name, strategy in pairs:
            st.register_type_strategy(getattr(found, name), _resolver(strategy))
