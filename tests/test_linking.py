"""Neighbourhoods linked to wards from their boundaries: real Medway wards, generalised boundaries, every problem at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest
import shapely
from hypothesis import given, settings

from pact_core.errors import ExceptionGroup, InvalidGeometry, InvalidNeighbourhoodMap
from pact_core.geography import (
    CoordinateSystem,
    NeighbourhoodMap,
    Ward,
    WardCode,
    link_neighbourhoods,
)
from pact_core.testing import neighbourhood_maps

if TYPE_CHECKING:
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
