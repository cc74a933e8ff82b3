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

from hypothesis import strategies as st

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
from pact_core.testing._outcomes import (
    accounts,
    case_review_incidents,
    case_review_statistics,
    cells,
    complaint_checks,
    compliances,
    escalations,
    evaluations,
    force_scorecards,
    goal_statuses,
    grounds,
    neighbourhood_scorecards,
    rule_results,
    shortfalls,
    status_tables,
    step_statuses,
    summaries,
    ward_rows,
    ward_tables,
)
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
from pact_core.testing._results import (
    batch_locations,
    cadences,
    crosswalk_shares,
    directory_entries,
    findings,
    influences,
    locations,
    panel_choices,
    priority_candidates,
    priority_recurrences,
    rank_titles,
    ranked_profiles,
    rounds,
    routings,
    selections,
    shared_priority_categories,
    tie_breaks,
    ties,
    transfers,
    ward_locators,
)
from pact_core.testing._scenarios import (
    ForceScenario,
    force_scenarios,
    medway_force,
    synthetic_force,
)
from pact_core.testing._selection import approval_ballots, ranked_ballots, score_ballots
from pact_core.testing._teams import members, role_requirements, team_models, teams
from pact_core.testing._values import (
    case_events,
    deadlines,
    engagement_methods,
    escalation_steps,
    feedback_responses,
    force_references,
    forces,
    guarantee_targets,
    harm_weights,
    located_neighbourhoods,
    measures,
    neighbourhood_references,
    panel_members,
    places,
    police_links,
    priority_events,
    query_events,
    recurrence_policies,
    routing_policies,
    standards,
    ward_parts,
)

__all__ = [
    "ForceScenario",
    "abstraction_policies",
    "accounts",
    "applications",
    "approval_ballots",
    "aware_datetimes",
    "batch_locations",
    "cadences",
    "case_events",
    "case_review_incidents",
    "case_review_statistics",
    "cases",
    "cells",
    "complaint_checks",
    "complaints",
    "compliances",
    "concerns",
    "councillors",
    "crosswalk_shares",
    "deadlines",
    "directory_entries",
    "duty_records",
    "engagement_methods",
    "escalation_ladders",
    "escalation_steps",
    "escalations",
    "evaluations",
    "event_logs",
    "feedback_responses",
    "findings",
    "force_references",
    "force_scenarios",
    "force_scorecards",
    "forces",
    "goal_statuses",
    "goals",
    "grounds",
    "guarantee_targets",
    "harm_assessments",
    "harm_weights",
    "holiday_calendars",
    "holidays",
    "influences",
    "intervals",
    "issues",
    "local_authority_codes",
    "located_neighbourhoods",
    "locations",
    "measures",
    "medway_force",
    "meetings",
    "members",
    "neighbourhood_details",
    "neighbourhood_maps",
    "neighbourhood_references",
    "neighbourhood_scorecards",
    "neighbourhoods",
    "panel_choices",
    "panel_members",
    "panels",
    "places",
    "police_events",
    "police_links",
    "police_priorities",
    "priorities",
    "priority_candidates",
    "priority_events",
    "priority_recurrences",
    "procedures",
    "queries",
    "query_events",
    "rank_titles",
    "ranked_ballots",
    "ranked_profiles",
    "recurrence_policies",
    "registers",
    "response_policies",
    "role_requirements",
    "rosters",
    "rounds",
    "routing_policies",
    "routings",
    "rule_results",
    "score_ballots",
    "selections",
    "shared_priority_categories",
    "shortfalls",
    "standards",
    "status_tables",
    "step_statuses",
    "summaries",
    "synthetic_force",
    "team_models",
    "teams",
    "threshold_rules",
    "thresholds",
    "tie_breaks",
    "ties",
    "transfers",
    "ward_codes",
    "ward_locators",
    "ward_parts",
    "ward_rows",
    "ward_tables",
    "wards",
    "windows",
    "working_calendars",
]

# ForceScenario is defined here, so it is registered here: the entry point cannot import
# this package while hypothesis is being imported.
st.register_type_strategy(ForceScenario, force_scenarios())
