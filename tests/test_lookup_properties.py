"""Laws of the ward locator, over maps pact_core.testing builds valid by construction."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.errors import PactError
from pact_core.geography import (
    BatchLocation,
    CoordinateSystem,
    Location,
    LocationStatus,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardLocator,
)
from pact_core.testing import neighbourhood_maps

if TYPE_CHECKING:
    from collections.abc import Callable

fractions = st.floats(0.01, 0.99)


# Each example builds shapely geometries: a fifth of the profile's examples keeps CI quick.
heavy = settings(max_examples=max(10, settings().max_examples // 5))


@heavy
@given(neighbourhood_maps(), st.data())
def test_every_point_inside_a_ward_is_located_to_it(
    neighbourhood_map: NeighbourhoodMap, data: st.DataObject
) -> None:
    locator = WardLocator.from_map(neighbourhood_map)
    for ward in neighbourhood_map.wards:
        x0, y0, x1, y1 = ward.geometry.bounds
        fx, fy = data.draw(fractions), data.draw(fractions)
        x, y = x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy
        found = locator.locate_xy(x, y)
        assert found.ward == ward.code
        point = shapely.Point(x, y)
        owners = sorted(
            {
                n.id
                for n in neighbourhood_map.neighbourhoods_of(ward.code)
                if neighbourhood_map.geometry_of(n.id).intersects(point)
            }
        )
        assert found.neighbourhood == owners[0]
        assert (found.status is LocationStatus.BOUNDARY) == (len(owners) > 1)


@heavy
@given(
    neighbourhood_maps(),
    st.lists(st.tuples(st.floats(-500, 4500), st.floats(-500, 4500)), max_size=30),
    st.integers(1, 5000),
)
def test_locate_many_equals_locate(
    neighbourhood_map: NeighbourhoodMap, points: list[tuple[float, float]], grid_cells: int
) -> None:
    locator = WardLocator.from_map(neighbourhood_map, grid_cells=grid_cells)
    # grid lines and ward corners are the awkward places: include some
    points += [(1000.0, 1000.0), (0.0, 0.0), (500.0, 1000.0)]
    xs = np.array([x for x, _ in points])
    ys = np.array([y for _, y in points])
    batch = locator.locate_many_xy(xs, ys)
    for i, (x, y) in enumerate(points):
        one = locator.locate_xy(x, y)
        assert batch.location(i).ward == one.ward
        assert batch.location(i).neighbourhood == one.neighbourhood
        assert batch.location(i).status == one.status
        assert int(batch.candidate_count[i]) == len(one.candidates)


@heavy
@given(
    neighbourhood_maps(),
    st.lists(st.tuples(st.floats(-500, 4500), st.floats(-500, 4500)), max_size=10),
)
def test_the_grid_never_changes_an_answer(
    neighbourhood_map: NeighbourhoodMap, points: list[tuple[float, float]]
) -> None:
    coarse = WardLocator.from_map(neighbourhood_map, grid_cells=1)
    fine = WardLocator.from_map(neighbourhood_map, grid_cells=10_000)
    for x, y in points:
        assert coarse.locate_xy(x, y) == fine.locate_xy(x, y)


@heavy
@given(neighbourhood_maps())
def test_pickling_round_trips(neighbourhood_map: NeighbourhoodMap) -> None:
    locator = WardLocator.from_map(neighbourhood_map)
    copy = pickle.loads(pickle.dumps(locator))  # noqa: S301 - our own data
    xs = np.linspace(-100, 4100, 50)
    ys = np.linspace(4100, -100, 50)
    assert (
        copy.locate_many_xy(xs, ys).ward_codes().tolist()
        == locator.locate_many_xy(xs, ys).ward_codes().tolist()
    )


_ANYTHING = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=8)
    | st.sampled_from(["51.4", " 0.5 ", "1e3", "nan", "51.4x", "", "-inf"])
    | st.none()
    | st.booleans()
)


@given(_ANYTHING, _ANYTHING, st.lists(st.tuples(_ANYTHING, _ANYTHING), max_size=4))
def test_bad_coordinates_raise_only_the_library_s_errors(
    first: object, second: object, pairs: list[tuple[object, object]]
) -> None:
    # Whatever a caller passes as coordinates: an answer, a PactError or a TypeError, never numpy's.
    def one_ward(geometry: shapely.Polygon, coordinates: CoordinateSystem) -> WardLocator:
        ward = Ward(code=WardCode("E05000001"), name="W", generation="WD25", geometry=geometry)
        return WardLocator.from_wards([ward], coordinates=coordinates)

    lon_lat = one_ward(shapely.box(0, 51, 1, 52), CoordinateSystem.LONGITUDE_LATITUDE)
    metres = one_ward(shapely.box(0, 0, 1, 1), CoordinateSystem.METRES)
    lats: Any = [a for a, _ in pairs]
    lons: Any = [b for _, b in pairs]
    calls: list[Callable[[], object]] = [
        lambda: lon_lat.locate(lat=first, lon=second),  # type: ignore[arg-type]
        lambda: metres.locate_xy(first, second),  # type: ignore[arg-type]
        lambda: lon_lat.locate_many(lats, lons),
        lambda: metres.locate_many_xy(lats, lons),
    ]
    answered = 0
    for call in calls:
        try:
            result = call()
        except (PactError, TypeError):
            continue
        assert isinstance(result, Location | BatchLocation)
        answered += 1
    # Plain numbers in range are always answered.
    if all(type(v) in (int, float) and abs(v) <= 1 for v in (first, second)):  # type: ignore[arg-type]
        assert answered >= 1
