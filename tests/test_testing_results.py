"""The strategies for computed values: every public value type registered, each example valid, each minimal example simple."""

from __future__ import annotations

import enum
import importlib
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pact_core.testing
from pact_core import _hypothesis
from pact_core.abstraction import Accounts, Cell, Shortfall, Summary
from pact_core.case_review import (
    ComplaintCheck,
    Evaluation,
    Ground,
    Incident,
    RuleResult,
    Statistics,
    StepState,
    StepStatus,
)
from pact_core.crime import (
    Choropleth,
    CrimeTable,
    Hotspot,
    HotspotAnalysis,
    Incidence,
    RateComparison,
    SolvedShare,
)
from pact_core.geography import BatchLocation, CrosswalkShare, Location, LocationStatus, WardLocator
from pact_core.panels import Cadence, DirectoryEntry
from pact_core.priorities import (
    Candidate,
    Influence,
    PanelChoice,
    Recurrence,
    RecurrenceKind,
    Routing,
    SharedPriority,
)
from pact_core.response import Compliance, Escalation, GoalState, GoalStatus, StatusTable
from pact_core.scorecard import (
    ForceScorecard,
    MeasureStatus,
    NeighbourhoodScorecard,
    WardRow,
    WardTable,
)
from pact_core.selection import RankedProfile, Round, Selection, Tie, TieBreak, Transfer
from pact_core.teams import Finding, RankTitle, Role, Severity

if TYPE_CHECKING:
    from collections.abc import Callable

VALUE_MODULES = (
    "pact_core.intervals", "pact_core.calendars", "pact_core.geography", "pact_core.teams", "pact_core.panels",
    "pact_core.selection", "pact_core.priorities", "pact_core.response", "pact_core.abstraction",
    "pact_core.case_review", "pact_core.scorecard", "pact_core.policeuk", "pact_core.crime",
)  # fmt: skip


def _value_types() -> list[tuple[str, type]]:
    found = []
    for module in VALUE_MODULES:
        for name in importlib.import_module(module).__all__:
            kind = getattr(importlib.import_module(module), name)
            if not isinstance(kind, type) or issubclass(kind, (enum.Enum, BaseException)):
                continue
            if attrs.has(kind) or issubclass(kind, tuple):  # attrs classes and named tuples
                found.append((module, kind))
    return found


def test_every_public_value_type_has_a_registered_strategy() -> None:
    registered = {
        (module, name): strategy
        for module, pairs in _hypothesis._REGISTERED.items()
        for name, strategy in pairs
    }
    types = _value_types()
    assert len(types) == 113
    missing = [kind.__name__ for module, kind in types if (module, kind.__name__) not in registered]
    assert missing == []
    assert set(registered.values()) <= set(pact_core.testing.__all__)


# Each computed type, with what every example must satisfy.
CHECKS: list[tuple[type, Callable[[Any], bool]]] = [
    (WardLocator, lambda v: len(v.wards) >= 1 and len(v.neighbourhood_ids) >= 1),
    (Location, lambda v: (v.status is LocationStatus.OUTSIDE) == (v.ward is None)),
    (BatchLocation, lambda v: len(v.status) == len(v.ward_index) == len(v)),
    (CrosswalkShare, lambda v: 0 < v.share <= 1 and v.square_metres > 0),
    (Finding, lambda v: bool(v.rule) and bool(v.message)),
    (RankTitle, lambda v: isinstance(v.role, Role) and bool(v.text)),
    (Cadence, lambda v: (v.last is None) == (v.next_due is None)),
    (DirectoryEntry, lambda v: len(v.neighbourhoods) >= 1),
    (RankedProfile, lambda v: len(v.rankings) == len(v.weights)),
    (Selection, lambda v: len(v.chosen) <= v.seats and len(set(v.chosen)) == len(v.chosen)),
    (Round, lambda v: v.number >= 1),
    (Tie, lambda v: len(v.candidates) >= 2 and sorted(v.order) == sorted(v.candidates)),
    (Transfer, lambda v: v.reason in ("surplus", "exclusion") and 0 <= v.value <= 1),
    (TieBreak, lambda v: bool(v.name)),
    (Candidate, lambda v: all(c.issue == v.issue for c in v.concerns)),
    (Routing, lambda v: all(isinstance(p, tuple) for p in v.partners)),
    (Influence, lambda v: 0 <= v.agree <= v.respondents and (v.share is None) == (v.respondents == 0)),
    (PanelChoice, lambda v: len(v.priorities) <= v.selection.seats + len(v.reserved)),
    (Recurrence, lambda v: isinstance(v.kind, RecurrenceKind) and bool(v.history)),
    (SharedPriority, lambda v: len(v.panels) >= 2 and len(set(v.panels)) == len(v.panels)),
    (GoalStatus, lambda v: isinstance(v.state, GoalState)),
    (StatusTable, lambda v: all(len(v.column(goal, "state")) == len(v.queries) for goal in v.goals)),
    (Compliance, lambda v: v.received >= 1 and v.met_on_time + v.met_late + v.open + v.breached >= v.due),
    (Escalation, lambda v: v.step >= 0 and bool(v.to)),
    (Accounts, lambda v: all(minutes > 0 for _, minutes in v.cells)),
    (Cell, lambda v: bool(v.officer)),
    (Summary, lambda v: v.on_duty >= 0),
    (Shortfall, lambda v: v.level in ("officer", "team")),
    (Evaluation, lambda v: v.met or v.override or all(not rule.met for rule in v.rules)),
    (ComplaintCheck, lambda v: v.counts == (not v.reasons)),
    (RuleResult, lambda v: not v.met or v.incidents >= v.rule.incidents),
    (Ground, lambda v: bool(v.evidence)),
    (Incident, lambda v: len(v.complaints) >= 1),
    (StepStatus, lambda v: (v.done_at is not None) == (v.state in (StepState.MET, StepState.MET_LATE))),
    (Statistics, lambda v: v.thresholds_not_met <= v.applications and v.reviews_with_recommendations <= v.reviews_carried_out),
    (NeighbourhoodScorecard, lambda v: all(isinstance(m.status, MeasureStatus) for m in v.measures)),
    (ForceScorecard, lambda v: len(v.neighbourhoods) >= 1),
    (WardTable, lambda v: len(v.rows) >= 1),
    (WardRow, lambda v: len(v.neighbourhoods) >= 1 and v.actions >= 0),
    (CrimeTable, lambda v: len(v.cells) == 12 * len(v)),
    (SolvedShare, lambda v: v.solved <= v.decided <= v.crimes),
    (Incidence, lambda v: v.total() == sum(v.by_area().values())),
    (HotspotAnalysis, lambda v: sum(h.count for h in v.areas) == v.total),
    (Hotspot, lambda v: v.rank >= 1 and 0 <= v.p_value <= v.adjusted <= 1),
    (RateComparison, lambda v: 0 <= v.p_value <= 1 and v.interval[0] <= v.interval[1]),
    (Choropleth, lambda v: len(v.classes()) <= 5),
]  # fmt: skip

light = settings(
    max_examples=max(10, settings().max_examples // 20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.mark.parametrize(("kind", "holds"), CHECKS, ids=[kind.__name__ for kind, _ in CHECKS])
def test_computed_values_are_registered_and_valid(kind: type, holds: Callable[[Any], bool]) -> None:
    @light
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        assert isinstance(value, kind)
        assert holds(value)

    check()


def test_every_computed_type_is_checked() -> None:
    computed = {kind for kind, _ in CHECKS}
    assert len(computed) == len(CHECKS) == 46
    assert all(attrs.has(kind) or issubclass(kind, tuple) for kind in computed)


# Each strategy's minimal example: the simple one.
MINIMAL: list[tuple[str, Callable[[Any], Any], Any]] = [
    ("ward_locators", lambda v: len(v.wards), 1),
    ("locations", lambda v: v.status, LocationStatus.INSIDE),
    ("batch_locations", len, 0),
    ("crosswalk_shares", lambda v: v.share, 1.0),
    ("findings", lambda v: v.severity, Severity.ERROR),
    ("rank_titles", lambda v: (v.role, v.text, v.acting, v.detective), (Role.CONSTABLE, "PC", False, False)),
    ("cadences", lambda v: (v.last, v.overdue), (None, True)),
    ("directory_entries", lambda v: v.panels, ()),
    ("ranked_profiles", lambda v: v.total, 0),
    ("selections", lambda v: v.chosen, ()),
    ("rounds", lambda v: (v.number, v.transfer), (1, None)),
    ("ties", lambda v: v.candidates, ("A", "B")),
    ("transfers", lambda v: (v.reason, v.value), ("exclusion", Fraction(1))),
    ("tie_breaks", lambda v: v, TieBreak.earlier_rounds()),
    ("priority_candidates", lambda v: len(v.concerns), 1),
    ("routings", lambda v: v, Routing(police=(), partners=())),
    ("influences", lambda v: v.respondents, 0),
    ("panel_choices", lambda v: (len(v.priorities), v.reserved), (1, ())),
    ("priority_recurrences", lambda v: v.kind, RecurrenceKind.RETURNED),
    ("shared_priority_categories", lambda v: len(v.panels), 2),
    ("goal_statuses", lambda v: v.state, GoalState.RUNNING),
    ("status_tables", lambda v: v.queries, ()),
    ("compliances", lambda v: v.received, 1),
    ("escalations", lambda v: v.step, 0),
    ("accounts", lambda v: v.cells, ()),
    ("cells", lambda v: v.officer, "PC 1"),
    ("summaries", lambda v: v.on_duty, 0),
    ("shortfalls", lambda v: v.level, "officer"),
    ("evaluations", lambda v: (v.met, len(v.complaints)), (False, 0)),
    ("complaint_checks", lambda v: v.reasons, ()),
    ("rule_results", lambda v: v.met, False),
    ("grounds", lambda v: bool(v.evidence), True),
    ("case_review_incidents", lambda v: len(v.complaints), 1),
    ("step_statuses", lambda v: v.done_at, None),
    ("case_review_statistics", lambda v: v.applications, 0),
    ("neighbourhood_scorecards", lambda v: v.measure("fte_neighbourhood").status, MeasureStatus.NOT_REPORTED),
    ("force_scorecards", lambda v: len(v.neighbourhoods), 1),
    ("ward_tables", lambda v: len(v.rows), 1),
    ("ward_rows", lambda v: (v.priorities, v.actions), ((), 0)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("strategy", "part", "simple"), MINIMAL, ids=[name for name, _, _ in MINIMAL]
)
def test_minimal_examples_are_simple(
    strategy: str, part: Callable[[Any], Any], simple: object
) -> None:
    from hypothesis import find  # noqa: PLC0415 - next to its one use

    minimal = find(getattr(pact_core.testing, strategy)(), lambda value: True)
    assert part(minimal) == simple
