"""Round trips: what pact_core models of police.uk comes back exactly, and HTML never goes out unescaped."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pact_core.policeuk import (
    NeighbourhoodDetails,
    PoliceEvent,
    PolicePriority,
    boundary_from_policeuk,
    boundary_to_policeuk,
    html_to_text,
    text_to_html,
)
from pact_core.testing import neighbourhood_details, police_events, police_priorities

heavy = settings(
    max_examples=max(10, settings().max_examples // 5), suppress_health_check=[HealthCheck.too_slow]
)
UTC = dt.timezone.utc


@given(st.text())
def test_text_survives_html(text: str) -> None:
    plain = html_to_text(text_to_html(html_to_text(text)))
    assert plain == html_to_text(text_to_html(plain))
    assert "<" not in text_to_html(plain).replace("<p>", "").replace("</p>", "").replace(
        "<br />", ""
    )


@heavy
@given(police_priorities())
def test_priorities_round_trip(priority: PolicePriority) -> None:
    written = json.loads(json.dumps(priority.to_policeuk(tz=UTC)))
    assert PolicePriority.from_policeuk(written, tz=UTC) == priority


@heavy
@given(police_events())
def test_events_round_trip(event: PoliceEvent) -> None:
    written = json.loads(json.dumps(event.to_policeuk(tz=UTC)))
    assert PoliceEvent.from_policeuk(written, tz=UTC) == event


@heavy
@given(neighbourhood_details())
def test_neighbourhoods_round_trip(details: NeighbourhoodDetails) -> None:
    written = json.loads(json.dumps(details.to_policeuk()))
    assert NeighbourhoodDetails.from_policeuk(written) == details


@given(st.lists(st.tuples(st.floats(-1.6, 1.6), st.floats(50.5, 51.5)), min_size=3, max_size=12))
def test_boundaries_round_trip(points: list[tuple[float, float]]) -> None:
    import shapely  # noqa: PLC0415 - the boundary module's own import discipline

    polygon = shapely.convex_hull(shapely.MultiPoint(points))
    # A hull of nearly collinear points (one at 5e-324, say) can itself be an invalid ring.
    if not isinstance(polygon, shapely.Polygon) or polygon.area == 0 or not polygon.is_valid:
        return
    assert boundary_from_policeuk(boundary_to_policeuk(polygon)) == polygon
