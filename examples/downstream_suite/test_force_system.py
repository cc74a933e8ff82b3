"""The force system's own tests: pact_core's fixtures for real and synthetic forces, its strategies for any force."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from force_system import morning_summary
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.testing import ForceScenario, force_scenarios

LONDON = ZoneInfo("Europe/London")
LATER = dt.datetime(2025, 4, 20, 8, tzinfo=LONDON)


def test_medway_summary_has_every_neighbourhood(pact_medway_force: ForceScenario) -> None:
    lines = morning_summary(pact_medway_force, as_of=LATER, tz=LONDON)
    assert [line.neighbourhood for line in lines] == [
        n.id for n in pact_medway_force.map.neighbourhoods
    ]
    assert sum(line.wards for line in lines) == 24
    # Each neighbourhood has one query never answered, long past its 72 hours.
    assert all(line.queries_breached == 1 for line in lines)


def test_synthetic_summary_counts_the_split_ward_twice(pact_synthetic_force: ForceScenario) -> None:
    lines = {
        line.neighbourhood: line
        for line in morning_summary(pact_synthetic_force, as_of=LATER, tz=LONDON)
    }
    assert (
        sum(line.wards for line in lines.values()) == 7
    )  # six wards, one shared by two neighbourhoods
    assert all(
        line.abstraction_rate is not None and 0 <= line.abstraction_rate <= 1
        for line in lines.values()
    )


@settings(max_examples=25, deadline=None)
@given(force_scenarios(), st.integers(0, 30))
def test_any_force_gets_a_sensible_summary(force: ForceScenario, days: int) -> None:
    as_of = dt.datetime(2025, 4, 7, 8, tzinfo=LONDON) + dt.timedelta(days=days)
    lines = morning_summary(force, as_of=as_of, tz=LONDON)
    assert len(lines) == len(force.map.neighbourhoods)
    for line in lines:
        assert line.queries_open + line.queries_breached <= 3
        assert line.officers >= 3


@settings(max_examples=10, deadline=None)
@given(st.from_type(ForceScenario))
def test_the_force_type_is_registered(force: ForceScenario) -> None:
    assert force.panel_of(force.map.neighbourhoods[0].id).force == force.force
