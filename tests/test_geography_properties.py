"""Laws of neighbourhood maps, over maps pact_core.testing builds valid by construction."""

from __future__ import annotations

import math
import pickle

import attrs
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.errors import ExceptionGroup, InvalidNeighbourhoodMap
from pact_core.geography import (
    CoordinateSystem,
    LocalAuthorityCode,
    NeighbourhoodMap,
    Ward,
    WardCode,
    carry_map,
    ward_crosswalk,
    wards_from_geojson,
    wards_to_geojson,
)
from pact_core.testing import local_authority_codes, neighbourhood_maps, ward_codes, wards

# Each example builds shapely geometries: a fifth of the profile's examples keeps CI quick.
heavy = settings(max_examples=max(10, settings().max_examples // 5))


@heavy
@given(neighbourhood_maps())
def test_neighbourhoods_tile_the_wards(neighbourhood_map: NeighbourhoodMap) -> None:
    shapes = [neighbourhood_map.geometry_of(n.id) for n in neighbourhood_map.neighbourhoods]
    union = shapely.union_all([w.geometry for w in neighbourhood_map.wards])
    assert math.isclose(sum(s.area for s in shapes), union.area, rel_tol=1e-9)
    assert shapely.union_all(shapes).symmetric_difference(union).area < 1e-6
    for i, a in enumerate(shapes):
        for b in shapes[i + 1 :]:
            assert a.intersection(b).area < 1e-6


@heavy
@given(neighbourhood_maps())
def test_wards_of_and_neighbourhoods_of_agree(neighbourhood_map: NeighbourhoodMap) -> None:
    for item in neighbourhood_map.neighbourhoods:
        for ward in neighbourhood_map.wards_of(item.id):
            assert item in neighbourhood_map.neighbourhoods_of(ward.code)
    for ward in neighbourhood_map.wards:
        covering = neighbourhood_map.neighbourhoods_of(ward.code)
        assert covering
        assert all(ward in neighbourhood_map.wards_of(n.id) for n in covering)


@heavy
@given(neighbourhood_maps())
def test_neighbours_are_symmetric(neighbourhood_map: NeighbourhoodMap) -> None:
    for item in neighbourhood_map.neighbourhoods:
        for other in neighbourhood_map.neighbours(item.id):
            assert item in neighbourhood_map.neighbours(other.id)
            assert other != item


@heavy
@given(neighbourhood_maps(), st.data())
def test_removing_any_link_names_the_ward(
    neighbourhood_map: NeighbourhoodMap, data: st.DataObject
) -> None:
    links: list[tuple[str, WardCode, int | None]] = [
        (n.id, code, None) for n in neighbourhood_map.neighbourhoods for code in sorted(n.wards)
    ]
    links += [
        (n.id, part.ward, i)
        for n in neighbourhood_map.neighbourhoods
        for i, part in enumerate(n.parts)
    ]
    owner, code, part_index = data.draw(st.sampled_from(links))
    changed = []
    for item in neighbourhood_map.neighbourhoods:
        if item.id == owner:
            wards = item.wards - {code} if part_index is None else item.wards
            parts = [p for i, p in enumerate(item.parts) if i != part_index]
            if not wards and not parts:
                continue  # the neighbourhood had nothing else: drop it
            item = attrs.evolve(item, wards=wards, parts=parts)  # noqa: PLW2901
        changed.append(item)
    with pytest.raises(ExceptionGroup) as info:
        attrs.evolve(neighbourhood_map, neighbourhoods=changed)
    named = [e.ward for e in info.value.exceptions if isinstance(e, InvalidNeighbourhoodMap)]
    assert code.value in named


@heavy
@given(neighbourhood_maps())
def test_maps_are_values(neighbourhood_map: NeighbourhoodMap) -> None:
    copy = pickle.loads(pickle.dumps(neighbourhood_map))  # noqa: S301 - our own data
    assert copy == neighbourhood_map
    assert hash(copy) == hash(neighbourhood_map)
    rebuilt = NeighbourhoodMap(
        force=neighbourhood_map.force,
        wards=reversed(neighbourhood_map.wards),
        neighbourhoods=reversed(neighbourhood_map.neighbourhoods),
        coordinates=neighbourhood_map.coordinates,
    )
    assert rebuilt == neighbourhood_map


@heavy
@given(neighbourhood_maps())
def test_carrying_a_map_onto_its_own_wards_keeps_it(neighbourhood_map: NeighbourhoodMap) -> None:
    carried = carry_map(neighbourhood_map, neighbourhood_map.wards, min_share=0.05)
    for ward in neighbourhood_map.wards:
        before = {n.id for n in neighbourhood_map.neighbourhoods_of(ward.code)}
        after = {n.id for n in carried.neighbourhoods_of(ward.code)}
        assert after == before


@heavy
@given(neighbourhood_maps())
def test_a_crosswalk_onto_the_same_wards_is_the_identity(
    neighbourhood_map: NeighbourhoodMap,
) -> None:
    rows = ward_crosswalk(
        neighbourhood_map.wards, neighbourhood_map.wards, coordinates=CoordinateSystem.METRES
    )
    assert [(r.old, r.new, r.share) for r in rows] == [
        (w.code, w.code, 1.0) for w in neighbourhood_map.wards
    ]


@heavy
@given(st.lists(wards(generations=st.just("WD25")), max_size=5, unique_by=lambda ward: ward.code))
def test_geojson_round_trip(items: list[Ward]) -> None:
    assert wards_from_geojson(wards_to_geojson(items)) == tuple(
        sorted(items, key=lambda ward: ward.code)
    )


@heavy
@given(ward_codes(), ward_codes())
def test_ward_codes_order_as_text(a: WardCode, b: WardCode) -> None:
    assert (a < b) == (a.value < b.value)
    assert (a == b) == (hash(a) == hash(b)) or a != b
    assert WardCode.parse(a.value.lower()) == a


@heavy
@given(local_authority_codes())
def test_local_authority_codes_round_trip(code: LocalAuthorityCode) -> None:
    assert LocalAuthorityCode(str(code)) == code
    assert code.kind
