"""Neighbourhoods linked to wards from their boundaries: real Medway wards, generalised boundaries, every problem at once."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pytest
import shapely
import shapely.affinity
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.errors import ExceptionGroup, InvalidGeometry, InvalidNeighbourhoodMap
from pact_core.geography import (
    CoordinateSystem,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    area_square_metres,
    link_neighbourhoods,
)
from pact_core.testing import neighbourhood_maps

if TYPE_CHECKING:
    from collections.abc import Mapping

    from shapely.geometry.base import BaseGeometry

heavy = settings(max_examples=max(10, settings().max_examples // 5))


def assert_same_map(
    linked: NeighbourhoodMap, original: NeighbourhoodMap, *, within: float = 1e-9
) -> None:
    """The same wards whole, and parts of the same wards whose shapes differ by at most *within* (in the map's units)."""
    assert [n.id for n in linked.neighbourhoods] == [n.id for n in original.neighbourhoods]
    for ours, theirs in zip(linked.neighbourhoods, original.neighbourhoods, strict=True):
        assert ours.wards == theirs.wards, ours.id
        assert [p.ward for p in ours.parts] == [p.ward for p in theirs.parts], ours.id
        for mine, yours in zip(ours.parts, theirs.parts, strict=True):
            assert shapely.symmetric_difference(mine.geometry, yours.geometry).area <= within


def own_shapes(neighbourhood_map: NeighbourhoodMap) -> dict[str, BaseGeometry]:
    return {n.id: neighbourhood_map.geometry_of(n.id) for n in neighbourhood_map.neighbourhoods}


def test_medway_linked_from_its_own_neighbourhood_boundaries(
    medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...]
) -> None:
    names = {n.id: n.name for n in medway_map.neighbourhoods}
    linked = link_neighbourhoods(own_shapes(medway_map), medway_wards, force="kent", names=names)
    assert_same_map(linked, medway_map)
    assert [n.name for n in linked.neighbourhoods] == [n.name for n in medway_map.neighbourhoods]
    chatham = linked.neighbourhood("Chatham")
    assert [p.ward.value for p in chatham.parts] == [
        "E05014450"
    ]  # Chatham Central & Brompton, cut in two


@pytest.mark.parametrize(("degrees", "sliver"), [(0.0002, 0.02), (0.0005, 0.02), (0.001, 0.06)])
def test_generalised_boundaries_link_the_same_wards(
    medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...], degrees: float, sliver: float
) -> None:
    # police.uk boundaries are generalised: simplified by about 15, 35 and 70 metres, they cut
    # corners and leave slivers over the neighbouring wards (up to 1.7 % of a ward at 35 m,
    # 5.5 % at 70 m), and the links must not change.
    simplified = {
        key: shapely.simplify(shape, degrees) for key, shape in own_shapes(medway_map).items()
    }
    linked = link_neighbourhoods(simplified, medway_wards, force="kent", sliver=sliver)
    assert_same_map(
        linked, medway_map, within=1.0
    )  # parts cover the ward exactly, whatever the generalisation
    split = linked.ward(WardCode("E05014450"))
    parts = [p for n in linked.neighbourhoods for p in n.parts]
    assert abs(shapely.union_all([p.geometry for p in parts]).area - split.geometry.area) < 1e-12


def test_what_cannot_be_linked_is_reported_all_at_once(
    medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...]
) -> None:
    shapes = own_shapes(medway_map)
    del shapes["Strood"]
    shapes["Thames"] = shapely.box(0.80, 51.50, 0.85, 51.52)  # out in the estuary
    half = medway_map.ward(WardCode("E05014461"))  # Rainham North
    x0, y0, x1, y1 = half.geometry.bounds
    shapes["Rainham"] = shapes["Rainham"].difference(
        half.geometry.intersection(shapely.box(x0, y0, (x0 + x1) / 2, y1))
    )
    with pytest.raises(ExceptionGroup) as caught:
        link_neighbourhoods(shapes, medway_wards, force="kent")
    found = [e for e in caught.value.exceptions if isinstance(e, InvalidNeighbourhoodMap)]
    assert len(found) == len(caught.value.exceptions)
    assert sorted((p.problem, p.ward or "", p.neighbourhoods) for p in found) == [
        ("neighbourhood over no ward", "", ("Thames",)),
        ("ward in no neighbourhood", "E05014467", ()),
        ("ward in no neighbourhood", "E05014468", ()),
        ("ward in no neighbourhood", "E05014469", ()),
        ("ward partly in no neighbourhood", "E05014461", ("Rainham",)),
    ]
    messages = "\n".join(map(str, found))
    assert "neighbourhood 'Thames' must hold a ward or part of one, got none of its " in messages
    assert "m² of its" in messages


def test_an_overlap_between_two_neighbourhoods_goes_to_the_larger() -> None:
    ward = Ward(
        code=WardCode("E05000001"),
        name="Middle",
        generation="WD25",
        geometry=shapely.box(0, 0, 100, 100),
    )
    shapes = {
        "West": shapely.box(0, 0, 70, 100),
        "East": shapely.box(40, 0, 100, 100),
    }  # 30 m overlap
    linked = link_neighbourhoods(shapes, [ward], force="f", coordinates=CoordinateSystem.METRES)
    west, east = linked.neighbourhood("West"), linked.neighbourhood("East")
    assert west.parts[0].geometry.area == 7000
    assert east.parts[0].geometry.area == 3000


def test_a_neighbourhood_wholly_claimed_by_larger_ones_holds_nothing() -> None:
    ward = Ward(
        code=WardCode("E05000001"),
        name="Middle",
        generation="WD25",
        geometry=shapely.box(0, 0, 100, 100),
    )
    shapes = {
        "West": shapely.box(0, 0, 70, 100),
        "East": shapely.box(40, 0, 100, 100),
        "Mid": shapely.box(45, 0, 55, 100),
    }
    with pytest.raises(ExceptionGroup) as caught:
        link_neighbourhoods(shapes, [ward], force="f", coordinates=CoordinateSystem.METRES)
    (problem,) = caught.value.exceptions
    assert isinstance(problem, InvalidNeighbourhoodMap)
    assert (problem.problem, problem.neighbourhoods) == ("neighbourhood over no ward", ("Mid",))


def test_slivers_and_small_gaps_go_to_the_largest_part() -> None:
    ward = Ward(
        code=WardCode("E05000001"),
        name="Middle",
        generation="WD25",
        geometry=shapely.box(0, 0, 100, 100),
    )
    shapes = {
        "West": shapely.box(-5, 1, 60, 99),
        "East": shapely.box(60, 0, 105, 100),
        "Far": shapely.box(-50, 0, 0.5, 100),
    }
    with pytest.raises(ExceptionGroup) as caught:
        link_neighbourhoods(shapes, [ward], force="f", coordinates=CoordinateSystem.METRES)
    (problem,) = caught.value.exceptions
    assert isinstance(problem, InvalidNeighbourhoodMap)
    assert problem.problem == "neighbourhood over no ward"  # Far's 0.5 % is a sliver
    del shapes["Far"]
    linked = link_neighbourhoods(shapes, [ward], force="f", coordinates=CoordinateSystem.METRES)
    west = linked.neighbourhood("West").parts[0].geometry
    assert west.area == 6000  # with the 2 % strip West's boundary missed
    assert linked.neighbourhood("East").parts[0].geometry.area == 4000


def test_bad_arguments() -> None:
    ward = Ward(
        code=WardCode("E05000001"), name="W", generation="WD25", geometry=shapely.box(0, 0, 1, 1)
    )
    with pytest.raises(TypeError, match="shapes must be a mapping"):
        link_neighbourhoods([shapely.box(0, 0, 1, 1)], [ward], force="f")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidNeighbourhoodMap,
        match="sliver must be a share of a ward's area from 0 to 0.5, got 0.5",
    ):
        link_neighbourhoods({"N": shapely.box(0, 0, 1, 1)}, [ward], force="f", sliver=0.5)
    with pytest.raises(InvalidGeometry, match=r"shapes\['N'\] must be a Polygon or MultiPolygon"):
        link_neighbourhoods({"N": shapely.Point(0, 0)}, [ward], force="f")
    with pytest.raises(TypeError, match="wards must be Ward values"):
        link_neighbourhoods({"N": shapely.box(0, 0, 1, 1)}, ["E05000001"], force="f")  # type: ignore[list-item]


def canonical(neighbourhood_map: NeighbourhoodMap) -> NeighbourhoodMap:
    """The map with every ward whose parts all belong to one neighbourhood linked whole, as linking gives it."""
    owners: dict[WardCode, set[str]] = {}
    for n in neighbourhood_map.neighbourhoods:
        for part in n.parts:
            owners.setdefault(part.ward, set()).add(n.id)
    single = {code for code, ids in owners.items() if len(ids) == 1}
    return attrs.evolve(neighbourhood_map, neighbourhoods=[
        attrs.evolve(n, wards=n.wards | {p.ward for p in n.parts if p.ward in single},
                     parts=[p for p in n.parts if p.ward not in single])
        for n in neighbourhood_map.neighbourhoods
    ])  # fmt: skip


@heavy
@given(neighbourhood_maps())
def test_linking_a_maps_own_boundaries_gives_back_the_map(
    neighbourhood_map: NeighbourhoodMap,
) -> None:
    """For any valid map, linking its own boundaries to its wards gives back the same map (a ward split between parts of one neighbourhood comes back whole)."""
    linked = link_neighbourhoods(
        own_shapes(neighbourhood_map),
        neighbourhood_map.wards,
        force=neighbourhood_map.force,
        names={n.id: n.name for n in neighbourhood_map.neighbourhoods},
        coordinates=neighbourhood_map.coordinates,
        sliver=1e-9,
        tolerance=neighbourhood_map.tolerance,
    )
    assert_same_map(linked, canonical(neighbourhood_map), within=1e-6)


# -- issue 23: neighbourhoods drawn on another generation (or generalisation) than the wards

REAL_PROBLEMS = {
    "ward in no neighbourhood",
    "ward partly in no neighbourhood",
    "neighbourhood over no ward",
}


def assert_links_agree_with_an_overlay(
    linked: NeighbourhoodMap, shapes: Mapping[str, BaseGeometry], sliver: float
) -> None:
    """A ward is linked whole exactly when one neighbourhood holds more than the sliver of it; its parts cover it once."""

    def square_metres(geometry: BaseGeometry) -> float:
        return area_square_metres(geometry, linked.coordinates)

    for ward in linked.wards:
        holders = {
            key
            for key, shape in shapes.items()
            if (held := ward.geometry.intersection(shape).area) > 0
            and held >= sliver * ward.geometry.area
        }
        whole = {n.id for n in linked.neighbourhoods if ward.code in n.wards}
        parts = [(n.id, p) for n in linked.neighbourhoods for p in n.parts if p.ward == ward.code]
        if len(holders) == 1:
            assert (whole, parts) == (holders, []), ward.code
        else:
            assert not whole, ward.code
            assert {key for key, _ in parts} <= holders, ward.code
            union = shapely.union_all([p.geometry for _, p in parts])
            missed = shapely.symmetric_difference(union, ward.geometry)
            assert square_metres(missed) <= linked.tolerance, ward.code
            # Parts that overlap would add up to more than the ward (in the ward's own square metres).
            scale = square_metres(ward.geometry) / ward.geometry.area
            total = sum(p.geometry.area for _, p in parts)
            assert abs(total - ward.geometry.area) * scale <= linked.tolerance, ward.code


def test_maidstone_2013_wards_link_to_its_2025_wards_with_the_default_options(
    maidstone_2013: tuple[Ward, ...], maidstone_wards: tuple[Ward, ...]
) -> None:
    """The case a new user met: Boxley Downs's parts overlapped by 69 m² (an overlay of nearly coincident edges)."""
    shapes = {w.code.value: w.geometry for w in maidstone_2013}
    linked = link_neighbourhoods(shapes, maidstone_wards, force="kent")
    assert len(linked.neighbourhoods) == 26
    boxley = linked.ward(WardCode("E05015597"))
    owners = sorted(n.id for n in linked.neighbourhoods_of(boxley.code))
    assert owners == [
        "E05004986",
        "E05004989",
        "E05005001",
    ]  # Boxley, Detling & Thurnham, North Downs
    assert_links_agree_with_an_overlay(linked, shapes, 0.02)


@pytest.mark.parametrize("sliver", [0.0, 0.02, 0.06])
@pytest.mark.parametrize("council", ["medway", "maidstone"])
def test_2013_wards_link_to_2025_wards_at_any_sliver(
    request: pytest.FixtureRequest, council: str, sliver: float
) -> None:
    old: tuple[Ward, ...] = request.getfixturevalue(f"{council}_2013")
    new: tuple[Ward, ...] = request.getfixturevalue(
        "medway_wards" if council == "medway" else "maidstone_wards"
    )
    shapes = {w.code.value: w.geometry for w in old}
    linked = link_neighbourhoods(shapes, new, force="kent", sliver=sliver)
    assert {w.code for w in linked.wards} == {w.code for w in new}
    assert_links_agree_with_an_overlay(linked, shapes, sliver)


def _jitter(shape: BaseGeometry, seed: int, metres: float) -> BaseGeometry:
    """*shape* with every vertex (one every 50 m) moved by up to *metres*, as a function of the vertex and *seed*, repaired."""

    def move(xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        return xy + metres * np.stack(
            [np.sin(x * 0.37 + y * 0.11 + seed), np.cos(x * 0.13 - y * 0.29 + seed)], axis=1
        )

    return shapely.make_valid(shapely.transform(shapely.segmentize(shape, 50.0), move))


@st.composite
def regenerated(draw: st.DrawFn) -> tuple[NeighbourhoodMap, dict[str, BaseGeometry], float]:
    """A map of irregular (Voronoi) wards, and its neighbourhood polygons each generalised on its own."""
    points = draw(
        st.lists(
            st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=2, max_size=12, unique=True
        )
    )
    frame = shapely.box(0, 0, 4100, 4100)
    cells = shapely.voronoi_polygons(
        shapely.MultiPoint([(x * 100 + 50, y * 100 + 50) for x, y in points]), extend_to=frame
    )
    ward_list = [
        Ward(
            code=WardCode(f"E05{index:06d}"),
            name=f"Ward {index}",
            generation="WD25",
            geometry=cell.intersection(frame),
        )
        for index, cell in enumerate(sorted(cells.geoms, key=lambda g: g.centroid.coords[0]))
    ]
    groups = draw(st.lists(st.integers(0, 3), min_size=len(ward_list), max_size=len(ward_list)))
    shapes: dict[str, BaseGeometry] = {}
    for group in sorted(set(groups)):
        shape = shapely.union_all(
            [w.geometry for w, g in zip(ward_list, groups, strict=True) if g == group]
        )
        how = draw(st.sampled_from(["simplify", "buffer", "jitter", "shift"]))
        size = draw(st.floats(1.0, 60.0))
        if how == "simplify":
            shape = shapely.simplify(shape, size)
        elif how == "buffer":
            shape = shapely.buffer(shape, draw(st.sampled_from([-1, 1])) * size, quad_segs=2)
        elif how == "jitter":
            shape = _jitter(shape, draw(st.integers(0, 1000)), size / 10)
        else:
            shape = shapely.affinity.translate(shape, size / 3, -size / 7)
        if not shape.is_empty and shape.area > 0:
            shapes[f"N{group}"] = shape
    neighbourhood_map = NeighbourhoodMap(
        force="f",
        wards=ward_list,
        neighbourhoods=[
            Neighbourhood(force="f", id=f"W{i}", name=f"W{i}", wards={w.code})
            for i, w in enumerate(ward_list)
        ],
        coordinates=CoordinateSystem.METRES,
    )
    if draw(st.booleans()):
        # The same in longitude and latitude near Maidstone, where coordinates carry more digits.
        to_degrees = functools.partial(shapely.transform, transformation=_DEGREES)
        neighbourhood_map = NeighbourhoodMap(
            force="f",
            wards=[attrs.evolve(w, geometry=to_degrees(w.geometry)) for w in ward_list],
            neighbourhoods=neighbourhood_map.neighbourhoods,
        )
        shapes = {key: to_degrees(shape) for key, shape in shapes.items()}
    return neighbourhood_map, shapes, draw(st.sampled_from([0.0, 0.02, 0.06]))


def _DEGREES(xy: np.ndarray) -> np.ndarray:  # noqa: N802 - a constant transform
    return xy / [69_800.0, 111_250.0] + [0.4837, 51.2119]


def assert_only_real_problems(
    group: ExceptionGroup[Exception],
    wards_map: NeighbourhoodMap,
    polygonal: Mapping[str, BaseGeometry],
    sliver: float,
) -> None:
    """Each problem is one the input really has: never parts that overlap or leave a gap."""
    area = functools.partial(area_square_metres, coordinates=wards_map.coordinates)
    problems = [p for p in group.exceptions if isinstance(p, InvalidNeighbourhoodMap)]
    assert len(problems) == len(group.exceptions)
    assert {p.problem for p in problems} <= REAL_PROBLEMS, [str(p) for p in problems]
    for problem in problems:
        if problem.problem == "ward partly in no neighbourhood":
            ward = wards_map.ward(WardCode(problem.ward or ""))
            covered = shapely.union_all(list(polygonal.values()))
            assert ward.geometry.difference(covered).area > 0.05 * ward.geometry.area
        elif problem.problem == "neighbourhood over no ward":
            (key,) = problem.neighbourhoods
            shape = polygonal[key]
            others = shapely.union_all([s for k, s in polygonal.items() if k != key])
            # Each of its overlaps is a sliver, or it overlaps other neighbourhoods (a real overlap).
            assert area(shape.intersection(others)) > 1.0 or all(
                shape.intersection(w.geometry).area < sliver * w.geometry.area
                for w in wards_map.wards
            )


@heavy
@given(regenerated())
def test_linking_another_generalisation_gives_a_map_or_only_real_problems(
    case: tuple[NeighbourhoodMap, dict[str, BaseGeometry], float],
) -> None:
    """Neighbours' edges no longer coincide: linking never makes overlapping parts (or gaps) of its own."""
    wards_map, shapes, sliver = case
    from pact_core.geography.wards import _as_area, _overlay_area  # noqa: PLC0415

    repaired = {key: _as_area(_overlay_area(shape)) for key, shape in shapes.items()}
    polygonal: dict[str, BaseGeometry] = {
        key: shape for key, shape in repaired.items() if shape.area > 0
    }
    try:
        linked = link_neighbourhoods(
            polygonal, wards_map.wards, force="f", coordinates=wards_map.coordinates, sliver=sliver
        )
    except ExceptionGroup as group:
        assert_only_real_problems(group, wards_map, polygonal, sliver)
    else:
        assert_links_agree_with_an_overlay(linked, polygonal, sliver)
