"""Strategies for the values pact_core computes (response, abstraction, the ASB Case Review, the scorecard).

As in `pact_core.testing._results`, each is the library's own function applied to
generated inputs: valid because the library made it, and shrinking as its inputs shrink.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from pact_core.abstraction import (
    AbstractionPolicy,
    Accounts,
    Cell,
    Shortfall,
    Summary,
    account,
    check_standards,
)
from pact_core.calendars import WorkingCalendar
from pact_core.case_review import (
    ComplaintCheck,
    Evaluation,
    Ground,
    Incident,
    RuleResult,
    Statistics,
    StepStatus,
    evaluate,
    incidents,
    statistics,
    timeline,
)
from pact_core.intervals import CalendarUnit, Interval
from pact_core.response import (
    Compliance,
    Escalation,
    EscalationLadder,
    GoalStatus,
    ResponsePolicy,
    StatusTable,
    compliance,
    escalations_due,
    status,
    status_many,
)
from pact_core.scorecard import (
    ForceScorecard,
    NeighbourhoodScorecard,
    WardRow,
    WardTable,
    force_scorecard,
    neighbourhood_scorecard,
    ward_table,
)
from pact_core.teams import TeamModel
from pact_core.testing._abstraction import rosters
from pact_core.testing._case_review import applications, cases, procedures, thresholds
from pact_core.testing._priorities import registers
from pact_core.testing._response import escalation_ladders, event_logs, response_policies
from pact_core.testing._results import _one_of
from pact_core.testing._scenarios import ForceScenario, force_scenarios
from pact_core.testing._values import guarantee_targets, standards

__all__ = [
    "accounts",
    "case_review_incidents",
    "case_review_statistics",
    "cells",
    "complaint_checks",
    "compliances",
    "escalations",
    "evaluations",
    "force_scorecards",
    "goal_statuses",
    "grounds",
    "neighbourhood_scorecards",
    "rule_results",
    "shortfalls",
    "status_tables",
    "step_statuses",
    "summaries",
    "ward_rows",
    "ward_tables",
]

_UTC = dt.timezone.utc
_ZONES = st.sampled_from([_UTC, dt.timezone(dt.timedelta(hours=1), "BST")])
_HOURS = st.integers(0, 24 * 40).map(lambda h: dt.timedelta(hours=h))

# ----------------------------------------------------------------------------- response


def goal_statuses() -> st.SearchStrategy[GoalStatus]:
    """Generate where one goal of a query stands (`status`): any valid log, any policy, up to 40 days after receipt.

    >>> from hypothesis import find
    >>> find(goal_statuses(), lambda s: True).state.value
    'running'
    """
    return _one_of(
        st.builds(
            lambda log, policy, later: status(log, policy, as_of=log.received + later),
            event_logs(),
            response_policies(),
            _HOURS,
        )
    )


def status_tables() -> st.SearchStrategy[StatusTable]:
    """Generate status tables (`status_many`) of up to six queries against one policy.

    >>> from hypothesis import find
    >>> len(find(status_tables(), lambda table: True).queries)
    0
    """
    start = dt.datetime(2025, 1, 6, 9, tzinfo=_UTC)
    return st.builds(
        lambda logs, policy, later: status_many(logs, policy, as_of=start + later),
        st.lists(event_logs(), max_size=6, unique_by=lambda log: log.query.id),
        response_policies(), _HOURS,
    )  # fmt: skip


_PERIOD = Interval(dt.datetime(2025, 1, 1, tzinfo=_UTC), dt.datetime(2025, 2, 1, tzinfo=_UTC))
_IN_PERIOD = st.integers(0, 31 * 24 * 60 - 1).map(lambda m: _PERIOD.start + dt.timedelta(minutes=m))


def compliances() -> st.SearchStrategy[Compliance]:
    """Generate a neighbourhood's compliance with a goal over January 2025 (`compliance`), from one to six queries received in it.

    >>> from hypothesis import find
    >>> find(compliances(), lambda c: True).received
    1
    """
    return _one_of(
        st.builds(
            lambda logs, policy, later: compliance(
                logs, policy, period=_PERIOD, as_of=_PERIOD.end + later
            ),
            st.lists(
                event_logs(received=_IN_PERIOD),
                min_size=1,
                max_size=6,
                unique_by=lambda log: log.query.id,
            ),
            response_policies(),
            _HOURS,
        )
    )


def escalations() -> st.SearchStrategy[Escalation]:
    """Generate escalations falling due (`escalations_due`) for queries received in January 2025, over the following 40 days.

    >>> from hypothesis import find
    >>> find(escalations(), lambda e: True).step
    0
    """
    ladders = st.just(EscalationLadder.default()) | escalation_ladders()
    policies = st.just(ResponsePolicy()) | response_policies()
    return _one_of(
        st.builds(
            lambda logs, policy, ladder: escalations_due(
                logs, policy, ladder, start=_PERIOD.start, end=_PERIOD.end + dt.timedelta(days=40)
            ),
            st.lists(
                event_logs(received=_IN_PERIOD),
                min_size=1,
                max_size=4,
                unique_by=lambda log: log.query.id,
            ),
            policies,
            ladders,
        ).filter(bool)
    )


# ----------------------------------------------------------------------------- abstraction

_UNITS = st.sampled_from([CalendarUnit.MONTH, CalendarUnit.WEEK, CalendarUnit.DAY])


def _accounts(min_size: int) -> st.SearchStrategy[Accounts]:
    return st.builds(
        lambda records, tz, unit: account(records, AbstractionPolicy.default(), tz=tz, unit=unit),
        rosters(min_size=min_size, max_size=12), _ZONES, _UNITS,
    )  # fmt: skip


def accounts() -> st.SearchStrategy[Accounts]:
    """Generate abstraction accounts (`account`) of rosters of up to twelve duty records, by month, week or day.

    >>> from hypothesis import find
    >>> find(accounts(), lambda a: True).cells
    ()
    """
    return _accounts(0)


def cells() -> st.SearchStrategy[Cell]:
    """Generate cells of abstraction accounts: an officer's minutes of one activity in one period.

    >>> from hypothesis import find
    >>> find(cells(), lambda cell: True).officer
    'PC 1'
    """
    return _one_of(_accounts(1).map(lambda found: tuple(cell for cell, _ in found.cells)))


def summaries() -> st.SearchStrategy[Summary]:
    """Generate summaries of abstraction accounts (`Accounts.summary`), of the whole account or of one officer.

    >>> from hypothesis import find
    >>> find(summaries(), lambda s: True).on_duty
    Fraction(0, 1)
    """
    return st.builds(
        lambda found, officer: found.summary() if officer is None else found.summary(officer=officer),
        _accounts(0), st.none() | st.sampled_from(["PC 1", "PCSO 3"]),
    )  # fmt: skip


def shortfalls() -> st.SearchStrategy[Shortfall]:
    """Generate shortfalls against abstraction standards (`check_standards`), for officers and teams.

    >>> from hypothesis import find
    >>> find(shortfalls(), lambda s: True).level
    'officer'
    """
    return _one_of(
        st.builds(
            check_standards,
            _accounts(1),
            st.lists(standards(), min_size=1, max_size=3),
        ).filter(bool)
    )


# ----------------------------------------------------------------------------- case review


def evaluations() -> st.SearchStrategy[Evaluation]:
    """Generate evaluations of applications against thresholds (`evaluate`), met or not.

    >>> from hypothesis import find
    >>> find(evaluations(), lambda e: True).met
    False
    """
    return st.builds(
        lambda application, threshold, tz: evaluate(application, threshold, tz=tz),
        applications(), thresholds(), _ZONES,
    )  # fmt: skip


def complaint_checks() -> st.SearchStrategy[ComplaintCheck]:
    """Generate how each complaint of an application counted in an evaluation, with its reasons.

    >>> from hypothesis import find
    >>> find(complaint_checks(), lambda c: True).counts
    True
    """
    return _one_of(evaluations().map(lambda e: e.complaints).filter(bool))


def rule_results() -> st.SearchStrategy[RuleResult]:
    """Generate the results of a threshold's rules in evaluations.

    >>> from hypothesis import find
    >>> find(rule_results(), lambda r: True).met
    False
    """
    return _one_of(evaluations().map(lambda e: e.rules))


def grounds() -> st.SearchStrategy[Ground]:
    """Generate the grounds for discretion an evaluation gives when a threshold is not met.

    Every ground names its evidence (which ground a minimal example shows depends on how
    the evaluation it came from shrank, so that is not shown here).

    >>> from hypothesis import find
    >>> bool(find(grounds(), lambda g: True).evidence)
    True
    """
    return _one_of(evaluations().map(lambda e: e.grounds).filter(bool))


def case_review_incidents() -> st.SearchStrategy[Incident]:
    """Generate incidents (`incidents`): an application's complaints, one incident reported to several bodies counted once.

    Not called ``incidents``, which is the function that makes them.

    >>> from hypothesis import find
    >>> len(find(case_review_incidents(), lambda i: True).complaints)
    1
    """
    return _one_of(
        applications().map(lambda application: incidents(application.complaints)).filter(bool)
    )


def step_statuses() -> st.SearchStrategy[StepStatus]:
    """Generate where each deadline of a case stands (`timeline`) under any preset procedure, up to 40 days on.

    >>> from hypothesis import find
    >>> find(step_statuses(), lambda s: True).done_at is None
    True
    """
    calendar = WorkingCalendar(tz=_UTC)

    def steps(case: Any, procedure: Any, later: dt.timedelta) -> tuple[StepStatus, ...]:  # noqa: ANN401
        as_of = max([case.application.received_at, *(e.at for e in case.events)]) + later
        return timeline(case, procedure, calendar=calendar, as_of=as_of)

    return _one_of(st.builds(steps, cases(), procedures(), _HOURS).filter(bool))


def case_review_statistics() -> st.SearchStrategy[Statistics]:
    """Generate the published ASB Case Review figures (`statistics`) of up to five cases over 2024-2025.

    Not called ``statistics``, which is the function that counts them.

    >>> from hypothesis import find
    >>> find(case_review_statistics(), lambda s: True).applications
    0
    """
    period = Interval(dt.datetime(2024, 1, 1, tzinfo=_UTC), dt.datetime(2026, 1, 1, tzinfo=_UTC))
    return st.lists(cases(), max_size=5, unique_by=lambda c: c.application.id).map(
        lambda chosen: statistics(chosen, period)
    )


# ----------------------------------------------------------------------------- scorecard

_QUARTER = Interval(dt.datetime(2025, 4, 1, tzinfo=_UTC), dt.datetime(2025, 7, 1, tzinfo=_UTC))
_AS_OF = _QUARTER.end


@st.composite
def _cards(draw: st.DrawFn, force: ForceScenario) -> tuple[NeighbourhoodScorecard, ...]:
    # Each source of figures given or not, the same for every neighbourhood of the force.
    given = draw(
        st.fixed_dictionaries(
            {k: st.booleans() for k in ("teams", "registers", "accounts", "queries")}
        )
    )
    cards = []
    for neighbourhood in force.map.neighbourhoods:
        n = neighbourhood.id
        sources: dict[str, Any] = {}
        if given["teams"]:
            sources.update(teams=[force.team_of(n)], model=TeamModel.met_interim())
        if given["registers"]:
            sources["registers"] = [draw(registers(panels=st.just(force.panel_of(n)), max_size=3))]
        if given["accounts"]:
            roster = [record for record in force.roster if record.neighbourhood == n]
            sources["accounts"] = account(roster, AbstractionPolicy.default(), tz=_UTC)
        if given["queries"]:
            sources["queries"] = [log for log in force.queries if log.query.neighbourhood == n]
        cards.append(
            neighbourhood_scorecard(
                force=force.force,
                neighbourhood=n,
                name=neighbourhood.name,
                period=_QUARTER,
                as_of=_AS_OF,
                **sources,
            )
        )
    return tuple(cards)


def neighbourhood_scorecards() -> st.SearchStrategy[NeighbourhoodScorecard]:
    """Generate neighbourhood scorecards of whole forces (`force_scenarios`), each source of figures given or not reported.

    >>> from hypothesis import find
    >>> find(neighbourhood_scorecards(), lambda card: True).measure("fte_neighbourhood").status.value
    'not reported'
    """
    return _one_of(force_scenarios().flatmap(_cards))


def force_scorecards() -> st.SearchStrategy[ForceScorecard]:
    """Generate force scorecards (`force_scorecard`) rolled up from a whole force's neighbourhood scorecards, with or without a Guarantee target.

    >>> from hypothesis import find
    >>> len(find(force_scorecards(), lambda card: True).neighbourhoods)
    1
    """
    return force_scenarios().flatmap(
        lambda force: st.builds(
            lambda cards, target: force_scorecard(cards, force=force.force, target=target),
            _cards(force),
            st.none() | guarantee_targets(),
        )
    )


@st.composite
def _ward_tables(draw: st.DrawFn) -> WardTable:
    force = draw(force_scenarios())
    chosen = [draw(registers(panels=st.just(panel), max_size=3)) for panel in force.panels]
    return ward_table(force.map, chosen, period=_QUARTER, as_of=_AS_OF)


def ward_tables() -> st.SearchStrategy[WardTable]:
    """Generate ward tables (`ward_table`) of whole forces, each panel with a register of up to three priorities.

    >>> from hypothesis import find
    >>> len(find(ward_tables(), lambda table: True).rows)
    1
    """
    return _ward_tables()


def ward_rows() -> st.SearchStrategy[WardRow]:
    """Generate rows of ward tables: a ward's priorities, actions and outcomes.

    >>> from hypothesis import find
    >>> find(ward_rows(), lambda row: True).priorities
    ()
    """
    return _one_of(_ward_tables().map(lambda table: table.rows))
