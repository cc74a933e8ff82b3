from __future__ import annotations

import pickle
import threading

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from pact_core.errors import InvalidCoordinate
from pact_core.geography import (
    CoordinateSystem,
    LocationStatus,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardLocator,
    WardPart,
)

METRES = CoordinateSystem.METRES


@pytest.fixture(scope="module")
def kent_wards(
    medway_wards: tuple[Ward, ...], maidstone_wards: tuple[Ward, ...]
) -> tuple[Ward, ...]:
    return (*medway_wards, *maidstone_wards)


@pytest.fixture(scope="module")
def locator(kent_wards: tuple[Ward, ...]) -> WardLocator:
    return WardLocator.from_wards(kent_wards)


def covering(wards: tuple[Ward, ...], x: float, y: float) -> list[WardCode]:
    point = shapely.Point(x, y)
    return sorted(w.code for w in wards if w.geometry.intersects(point))


def test_every_ward_finds_itself(locator: WardLocator, kent_wards: tuple[Ward, ...]) -> None:
    for ward in kent_wards:
        point = ward.geometry.point_on_surface()
        found = locator.locate(lat=point.y, lon=point.x)
        assert found.ward == ward.code
        assert found.status is LocationStatus.INSIDE
        assert found.candidates == ((ward.code, None),)


def test_real_corners_are_covered_by_two_to_four_wards(
    locator: WardLocator, kent_wards: tuple[Ward, ...]
) -> None:
    """A lookup by `within` finds no ward at a corner; the locator finds them all and picks the lowest code."""
    checked = 0
    for ward in kent_wards:
        for x, y in shapely.get_coordinates(ward.geometry.boundary)[::7]:
            truth = covering(kent_wards, x, y)
            found = locator.locate(lat=y, lon=x)
            assert [code for code, _ in found.candidates] == truth
            assert found.ward == truth[0]
            if len(truth) > 1:
                assert found.status is LocationStatus.BOUNDARY
                assert not any(
                    w.geometry.contains(shapely.Point(x, y)) for w in kent_wards
                )  # `within` finds none
                assert 2 <= len(truth) <= 4
                checked += 1
    assert checked > 100
    corners = [
        (x, y)
        for ward in kent_wards[:24]
        for x, y in shapely.get_coordinates(ward.geometry.boundary)
        if len(covering(kent_wards, x, y)) >= 3
    ]
    assert corners  # three-ward corners exist in Medway
    x, y = corners[0]
    assert len(locator.locate(lat=y, lon=x).candidates) >= 3


def test_edge_midpoints(locator: WardLocator, kent_wards: tuple[Ward, ...]) -> None:
    for ward in kent_wards[20:30]:
        coordinates = shapely.get_coordinates(
            ward.geometry.exterior
            if ward.geometry.geom_type == "Polygon"
            else ward.geometry.geoms[0].exterior
        )
        for (x0, y0), (x1, y1) in zip(coordinates[:-1:5], coordinates[1::5], strict=False):
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
            truth = covering(kent_wards, x, y)
            assert [code for code, _ in locator.locate(lat=y, lon=x).candidates] == truth


def test_locate_many_equals_locate(locator: WardLocator, kent_wards: tuple[Ward, ...]) -> None:
    rng = np.random.default_rng(7)
    x0, y0, x1, y1 = shapely.total_bounds([w.geometry for w in kent_wards])
    lon = rng.uniform(x0 - 0.05, x1 + 0.05, 4000)
    lat = rng.uniform(y0 - 0.05, y1 + 0.05, 4000)
    corners = shapely.get_coordinates(kent_wards[3].geometry)[:50]
    lon = np.concatenate([lon, corners[:, 0]])
    lat = np.concatenate([lat, corners[:, 1]])
    batch = locator.locate_many(lat, lon)
    assert len(batch) == len(lat)
    codes = batch.ward_codes()
    for i in range(len(lat)):
        one = locator.locate(lat=float(lat[i]), lon=float(lon[i]))
        assert codes[i] == (None if one.ward is None else one.ward.value)
        assert int(batch.status[i]) == one.status
        assert int(batch.candidate_count[i]) == len(one.candidates)
        assert batch.location(i).ward == one.ward
    assert {int(s) for s in batch.status} >= {
        LocationStatus.INSIDE,
        LocationStatus.OUTSIDE,
        LocationStatus.BOUNDARY,
    }
    # sequences work as well as arrays
    assert list(locator.locate_many(list(lat[:5]), list(lon[:5])).ward_codes()) == list(codes[:5])


def test_outside_and_snapping(locator: WardLocator) -> None:
    """The Thames estuary off the Isle of Grain is in no ward."""
    sea = locator.locate(lat=51.48, lon=0.80)
    assert sea.is_outside
    assert sea.ward is None
    assert sea.candidates == ()
    snapped = locator.locate(lat=51.48, lon=0.80, snap_metres=20_000)
    assert snapped.status is LocationStatus.SNAPPED
    assert snapped.ward is not None
    assert 0 < snapped.distance_metres <= 20_000
    assert locator.locate(lat=51.48, lon=0.80, snap_metres=10).is_outside
    batch = locator.locate_many([51.48, 51.48], [0.80, 0.80], snap_metres=20_000)
    assert list(batch.status) == [LocationStatus.SNAPPED] * 2
    assert batch.ward_codes()[0] == snapped.ward.value
    assert batch.distance_metres[0] == pytest.approx(snapped.distance_metres)
    far = locator.locate(lat=-40.0, lon=170.0, snap_metres=1000)
    assert far.is_outside


def test_snap_distance_is_in_metres() -> None:
    ward = Ward(
        code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 0, 1000, 1000)
    )
    locator = WardLocator.from_wards([ward], coordinates=METRES)
    assert locator.locate_xy(1100, 500, snap_metres=150).distance_metres == pytest.approx(100)
    assert locator.locate_xy(1100, 500, snap_metres=50).is_outside
    with pytest.raises(
        InvalidCoordinate, match="^snap_metres must be a finite distance of at least 0, got -1$"
    ):
        locator.locate_xy(1100, 500, snap_metres=-1)
    with pytest.raises(TypeError, match="^snap_metres must be a number"):
        locator.locate_xy(1100, 500, snap_metres="far")  # type: ignore[arg-type]


def test_out_of_range_coordinates(locator: WardLocator) -> None:
    with pytest.raises(
        InvalidCoordinate,
        match=r"^coordinates must be finite, with latitude within ±90 and longitude within ±180, got lat=91.0, lon=0.5 at index 0 \(1 bad in all\)$",
    ):
        locator.locate(lat=91, lon=0.5)
    with pytest.raises(InvalidCoordinate, match="got lat=nan"):
        locator.locate(lat=float("nan"), lon=0.5)
    with pytest.raises(InvalidCoordinate, match=r"at index 2 \(2 bad in all\)$"):
        locator.locate_many([51.0, 51.0, 51.0, 95.0], [0.5, 0.5, 200.0, 0.5])
    with pytest.raises(InvalidCoordinate, match=r"^coordinates must come in pairs of equal length"):
        locator.locate_many([51.0], [0.5, 0.6])
    with pytest.raises(InvalidCoordinate, match="^coordinates must be finite, got x=inf"):
        locator.locate_xy(float("inf"), 0.0)


def test_coordinates_that_are_not_numbers(locator: WardLocator) -> None:
    # Found by fuzzing as a new user's mistakes would be: numpy's own ValueError used to escape.
    with pytest.raises(InvalidCoordinate, match="^lat must be a number, got '51.4x'$") as caught:
        locator.locate(lat="51.4x", lon=0.5)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("lat", "51.4x")
    with pytest.raises(InvalidCoordinate, match="^lon must be a number, got ''$"):
        locator.locate(lat=51.4, lon="")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^lat must be a number, got None$"):
        locator.locate(lat=None, lon=0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^lon must be a number, got True$"):
        locator.locate(lat=51.4, lon=True)
    with pytest.raises(InvalidCoordinate, match="^lats must be numbers, got '51.4x' at index 1$"):
        locator.locate_many([51.4, "51.4x"], [0.5, 0.5])  # type: ignore[arg-type]
    with pytest.raises(InvalidCoordinate, match="^lons must be numbers, got 'east' at index 0$"):
        locator.locate_many(np.array([51.4]), np.array(["east"]))
    with pytest.raises(InvalidCoordinate, match=r"got lat=nan, lon=0.5 at index 0"):
        # numpy reads None as NaN: a missing value
        locator.locate_many([None], [0.5])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^lats must be numbers, got \[51.4\] at index 1$"):
        locator.locate_many([51.4, [51.4]], [0.5, 0.5])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^xs must be numbers, got \[1.0, 2.0\] at index 0$"):
        locator.locate_many_xy([[1.0, 2.0], [3.0]], [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match=r"^xs must be a flat sequence of numbers"):
        locator.locate_many_xy([np.zeros((2, 2)), np.zeros((2, 3))], [1.0])
    with pytest.raises(InvalidCoordinate, match="^x must be a number, got '1e3m'$"):
        locator.locate_xy("1e3m", 0.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidCoordinate, match="^ys must be numbers, got 'y' at index 0$"):
        locator.locate_many_xy([0.0], ["y"])
    # Numbers written as strings read as numpy and float() read them, the same one at a time or in bulk.
    one = locator.locate(lat="51.39", lon=" 0.50 ")  # type: ignore[arg-type]
    assert one == locator.locate(lat=51.39, lon=0.5)
    assert locator.locate_many(["51.39"], [np.float32(0.5)]).ward_codes().tolist() == [
        str(locator.locate(lat=51.39, lon=float(np.float32(0.5))).ward)
    ]


def test_lat_lon_needs_a_lon_lat_locator() -> None:
    ward = Ward(
        code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 0, 1000, 1000)
    )
    locator = WardLocator.from_wards([ward], coordinates=METRES)
    with pytest.raises(InvalidCoordinate, match="^locator must hold longitude/latitude wards"):
        locator.locate(lat=1, lon=1)
    with pytest.raises(InvalidCoordinate, match="^locator must hold longitude/latitude wards"):
        locator.locate_many([1], [1])
    assert locator.locate_many_xy([500, 5000], [500, 500]).ward_codes().tolist() == [
        "E05000001",
        None,
    ]


def test_neighbourhoods_through_part_wards(medway_map: NeighbourhoodMap) -> None:
    locator = WardLocator.from_map(medway_map)
    split = medway_map.ward(WardCode("E05014450"))
    x0, y0, x1, y1 = split.geometry.bounds
    middle = (x0 + x1) / 2
    inside = split.geometry.intersection(shapely.box(x0, y0, middle, y1)).point_on_surface()
    west = locator.locate(lat=inside.y, lon=inside.x)
    assert (west.ward, west.neighbourhood) == (split.code, "Chatham")
    inside = split.geometry.intersection(shapely.box(middle, y0, x1, y1)).point_on_surface()
    assert locator.locate(lat=inside.y, lon=inside.x).neighbourhood == "Gillingham"
    line = shapely.LineString([(middle, y0), (middle, y1)]).intersection(split.geometry)
    on_the_cut = line.interpolate(0.5, normalized=True)
    found = locator.locate(lat=on_the_cut.y, lon=on_the_cut.x)
    assert found.status is LocationStatus.BOUNDARY
    assert found.candidates == ((split.code, "Chatham"), (split.code, "Gillingham"))
    batch = locator.locate_many([on_the_cut.y, inside.y], [on_the_cut.x, inside.x])
    assert batch.neighbourhood_ids().tolist() == ["Chatham", "Gillingham"]
    assert list(batch.status) == [LocationStatus.BOUNDARY, LocationStatus.INSIDE]
    strood = next(
        w for w in medway_map.wards if w.name == "Strood West"
    ).geometry.point_on_surface()
    assert locator.locate(lat=strood.y, lon=strood.x).neighbourhood == "Strood"


def test_pickling_keeps_the_answers(locator: WardLocator, kent_wards: tuple[Ward, ...]) -> None:
    copy = pickle.loads(pickle.dumps(locator))  # noqa: S301 - our own data
    rng = np.random.default_rng(3)
    x0, y0, x1, y1 = shapely.total_bounds([w.geometry for w in kent_wards])
    lat, lon = rng.uniform(y0, y1, 2000), rng.uniform(x0, x1, 2000)
    assert (
        copy.locate_many(lat, lon).ward_codes().tolist()
        == locator.locate_many(lat, lon).ward_codes().tolist()
    )


def test_threads_share_a_locator(locator: WardLocator, kent_wards: tuple[Ward, ...]) -> None:
    rng = np.random.default_rng(5)
    x0, y0, x1, y1 = shapely.total_bounds([w.geometry for w in kent_wards])
    lat, lon = rng.uniform(y0, y1, 20_000), rng.uniform(x0, x1, 20_000)
    expected = locator.locate_many(lat, lon).ward_codes().tolist()
    results: list[list[object]] = []

    def work() -> None:
        results.append(locator.locate_many(lat, lon).ward_codes().tolist())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_build_errors(kent_wards: tuple[Ward, ...]) -> None:
    with pytest.raises(TypeError, match="^wards must be Ward values"):
        WardLocator.from_wards(["E05000001"])  # type: ignore[list-item]
    with pytest.raises(Exception, match="^wards must have unique codes"):
        WardLocator.from_wards([kent_wards[0], kent_wards[0]])
    with pytest.raises(TypeError, match="^neighbourhood_map must be a NeighbourhoodMap"):
        WardLocator.from_map(kent_wards)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^grid_cells must be a positive int, got 0$"):
        WardLocator.from_wards(kent_wards[:2], grid_cells=0)
    with pytest.raises(TypeError, match="^coordinates must be a CoordinateSystem"):
        WardLocator.from_wards(kent_wards[:2], coordinates="metres")  # type: ignore[arg-type]


def test_an_empty_locator_finds_nothing() -> None:
    empty = WardLocator.from_wards([])
    assert empty.locate(lat=51.0, lon=0.0).is_outside
    assert empty.locate(lat=51.0, lon=0.0, snap_metres=1000).is_outside
    assert empty.locate_many([51.0], [0.0], snap_metres=10).ward_codes().tolist() == [None]


def test_repr_and_grid_sizes(kent_wards: tuple[Ward, ...]) -> None:
    coarse = WardLocator.from_wards(kent_wards, grid_cells=100)
    fine = WardLocator.from_wards(kent_wards, grid_cells=100_000)
    assert "46 wards" in repr(fine)
    point = kent_wards[10].geometry.point_on_surface()
    assert coarse.locate(lat=point.y, lon=point.x) == fine.locate(lat=point.y, lon=point.x)


def test_mixed_cells_and_points_in_no_ward() -> None:
    triangle = Ward(
        code=WardCode("E05000001"),
        name="T",
        generation="WD25",
        geometry=shapely.Polygon([(0, 0), (10, 0), (0, 10)]),
    )
    locator = WardLocator.from_wards([triangle], coordinates=METRES, grid_cells=1)
    batch = locator.locate_many_xy([9.0, 1.0], [9.0, 1.0])  # both in the single, mixed cell
    assert batch.ward_codes().tolist() == [None, "E05000001"]
    assert list(batch.status) == [LocationStatus.OUTSIDE, LocationStatus.INSIDE]
    only_outside = locator.locate_many_xy([9.0], [9.0])
    assert only_outside.ward_codes().tolist() == [None]
    inside = locator.locate_many_xy([1.0], [1.0], snap_metres=5)
    assert list(inside.status) == [LocationStatus.INSIDE]
    assert locator.locate_xy(5.0, 5.0).is_ambiguous is False
    assert (
        WardLocator.from_wards(
            [
                triangle,
                Ward(
                    code=WardCode("E05000002"),
                    name="U",
                    generation="WD25",
                    geometry=shapely.Polygon([(10, 0), (10, 10), (0, 10)]),
                ),
            ],
            coordinates=METRES,
        )
        .locate_xy(5.0, 5.0)
        .is_ambiguous
    )


def test_points_on_the_far_edge_of_the_bounds() -> None:
    """Regression: a point on the top or right edge of all the wards' bounds is on a ward, whatever the grid."""
    squares = [
        Ward(
            code=WardCode(f"E0500000{i}"),
            name=f"W{i}",
            generation="WD25",
            geometry=box(i * 1000, 0, (i + 1) * 1000, 1000),
        )
        for i in range(3)
    ]
    for cells in (1, 2, 7, 10_000):
        locator = WardLocator.from_wards(squares, coordinates=METRES, grid_cells=cells)
        for x, y in ((0.0, 1000.0), (3000.0, 500.0), (3000.0, 1000.0), (1500.0, 1000.0)):
            one = locator.locate_xy(x, y)
            assert one.ward is not None, (cells, x, y)
            assert locator.locate_many_xy([x], [y]).ward_codes().tolist() == [one.ward.value]
        assert locator.locate_xy(3000.5, 500.0).is_outside
        assert locator.locate_many_xy([3000.5, 1500.0], [500.0, 1000.5]).ward_codes().tolist() == [
            None,
            None,
        ]


def test_two_parts_of_a_ward_in_one_neighbourhood_meet_inside_it() -> None:
    # On the line between two parts of one ward in one neighbourhood: inside, not a boundary.
    ward = Ward(
        code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 0, 1000, 1000)
    )
    halves = [
        WardPart(ward=ward.code, geometry=box(0, 0, 500, 1000)),
        WardPart(ward=ward.code, geometry=box(500, 0, 1000, 1000)),
    ]
    neighbourhood = Neighbourhood(force="kent", id="N", name="N", parts=halves)
    locator = WardLocator.from_map(
        NeighbourhoodMap(
            force="kent", wards=[ward], neighbourhoods=[neighbourhood], coordinates=METRES
        )
    )
    one = locator.locate_xy(500, 500)
    assert (one.status, one.ward, one.neighbourhood) == (LocationStatus.INSIDE, ward.code, "N")
    many = locator.locate_many_xy([500.0, 250.0], [500.0, 500.0])
    assert many.status.tolist() == [LocationStatus.INSIDE, LocationStatus.INSIDE]
    assert many.candidate_count.tolist() == [1, 1]


def test_overlapping_wards_are_both_candidates() -> None:
    # Wards that overlap (a file with an error, or two generations mixed) answer both,
    # whichever the grid happens to find first.
    small = Ward(
        code=WardCode("E05000001"), name="A", generation="WD25", geometry=box(0, 0, 1000, 1000)
    )
    large = Ward(
        code=WardCode("E05000002"), name="B", generation="WD25", geometry=box(0, 0, 2000, 1000)
    )
    for order in ([small, large], [large, small]):
        locator = WardLocator.from_wards(order, coordinates=METRES, grid_cells=64)
        one = locator.locate_xy(500, 500)
        assert one.status is LocationStatus.BOUNDARY
        assert [str(code) for code, _ in one.candidates] == ["E05000001", "E05000002"]
        many = locator.locate_many_xy([500.0, 1500.0], [500.0, 500.0])
        assert many.status.tolist() == [LocationStatus.BOUNDARY, LocationStatus.INSIDE]
        assert many.candidate_count.tolist() == [2, 1]
