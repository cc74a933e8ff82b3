from __future__ import annotations

import datetime as dt
import math
import pickle
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box

from pact_core.errors import (
    ExceptionGroup,
    InvalidCode,
    InvalidGeometry,
    InvalidNeighbourhoodMap,
)
from pact_core.geography import (
    CoordinateSystem,
    LocalAuthorityCode,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
    area_square_metres,
    carry_map,
    repair_geometry,
    ward_crosswalk,
    wards_from_geojson,
    wards_to_geojson,
)

if TYPE_CHECKING:
    from collections.abc import Callable

METRES = CoordinateSystem.METRES
UTC = dt.timezone.utc


def square_ward(code: str, x: float, y: float = 0, *, name: str | None = None) -> Ward:
    return Ward(
        code=WardCode(code), name=name or code, generation="WD25", geometry=box(x, y, x + 1, y + 1)
    )


def problems_of(excinfo: pytest.ExceptionInfo[ExceptionGroup[Any]]) -> list[tuple[str, str | None]]:
    found = []
    for err in excinfo.value.exceptions:
        assert isinstance(err, InvalidNeighbourhoodMap)
        found.append((err.problem, err.ward))
    return found


# ----------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("E05014449", "England"),
        ("W05000001", "Wales"),
        ("S13002516", "Scotland"),
        ("N08000101", "Northern Ireland"),
    ],
)
def test_ward_codes(text: str, country: str) -> None:
    assert WardCode(text).country == country
    assert str(WardCode(text)) == text


@pytest.mark.parametrize(
    "text", ["E0501444", "E050144490", "E06000035", "e05014449", "E05O14449", "", "E05 14449"]
)
def test_malformed_ward_codes_show_the_code(text: str) -> None:
    with pytest.raises(InvalidCode) as info:
        WardCode(text)
    assert str(info.value) == f"ward code must be E05, W05, S13 or N08 and 6 digits, got {text!r}"


def test_ward_code_parse_and_types() -> None:
    assert WardCode.parse(" e05014449\n") == WardCode("E05014449")
    with pytest.raises(TypeError, match="^ward code must be a str, got 5014449$"):
        WardCode(5014449)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^ward code must be a str"):
        WardCode.parse(None)  # type: ignore[arg-type]
    assert sorted([WardCode("E05000002"), WardCode("E05000001")])[0] == WardCode("E05000001")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("E06000035", "unitary authority"),
        ("E07000110", "non-metropolitan district"),
        ("E08000001", "metropolitan district"),
        ("E09000001", "London borough"),
        ("W06000001", "Welsh unitary authority"),
        ("S12000033", "Scottish council area"),
        ("N09000001", "Northern Ireland local government district"),
    ],
)
def test_local_authority_codes(text: str, kind: str) -> None:
    assert LocalAuthorityCode(text).kind == kind
    assert str(LocalAuthorityCode.parse(text.lower())) == text


def test_malformed_local_authority_code() -> None:
    with pytest.raises(
        InvalidCode,
        match="^local authority code must be E06, E07, E08, E09, W06, S12 or N09 and 6 digits, got 'E05014449'$",
    ):
        LocalAuthorityCode("E05014449")
    with pytest.raises(TypeError, match="^local authority code must be a str"):
        LocalAuthorityCode.parse(1)  # type: ignore[arg-type]
    assert LocalAuthorityCode("W06000001").country == "Wales"
    assert repr(LocalAuthorityCode("E06000035")) == "LocalAuthorityCode('E06000035')"


# ----------------------------------------------------------------------------- wards


def test_ward_geometry_is_normalised() -> None:
    a = Ward(
        code=WardCode("E05000001"),
        name="A",
        generation="WD25",
        geometry=Polygon([(0, 0), (0, 1), (1, 1), (1, 0)]),
    )
    b = Ward(
        code=WardCode("E05000001"),
        name="A",
        generation="WD25",
        geometry=Polygon([(1, 1), (1, 0), (0, 0), (0, 1)]),
    )
    assert a == b
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a  # noqa: S301 - our own data


def test_invalid_ward_geometry_gives_shapelys_reason() -> None:
    bow_tie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    with pytest.raises(InvalidGeometry) as info:
        Ward(code=WardCode("E05000001"), name="Bow", generation="WD25", geometry=bow_tie)
    assert str(info.value) == "geometry must be valid, got Self-intersection[0.5 0.5]"
    assert info.value.reason == "Self-intersection[0.5 0.5]"
    repaired = repair_geometry(bow_tie)
    assert (
        Ward(
            code=WardCode("E05000001"), name="Bow", generation="WD25", geometry=repaired
        ).geometry.area
        == 0.5
    )


def test_ward_geometry_errors() -> None:
    code = WardCode("E05000001")
    with pytest.raises(
        InvalidGeometry, match="^geometry must be a Polygon or MultiPolygon, got LineString$"
    ):
        Ward(code=code, name="x", generation="WD25", geometry=LineString([(0, 0), (1, 1)]))
    with pytest.raises(InvalidGeometry, match="^geometry must not be empty, got POLYGON EMPTY$"):
        Ward(code=code, name="x", generation="WD25", geometry=Polygon())
    with pytest.raises(
        TypeError, match="^geometry must be a shapely Polygon or MultiPolygon, got 'POLYGON'$"
    ):
        Ward(code=code, name="x", generation="WD25", geometry="POLYGON")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidGeometry, match="^geometry must have an area after repair, got 'LineString'$"
    ):
        repair_geometry(LineString([(0, 0), (1, 1)]))


def test_ward_field_errors() -> None:
    with pytest.raises(
        InvalidCode, match="^generation must be 'WD' and two digits, such as 'WD25', got '2025'$"
    ):
        Ward(code=WardCode("E05000001"), name="x", generation="2025", geometry=box(0, 0, 1, 1))
    with pytest.raises(TypeError, match="^generation must be a str"):
        Ward(code=WardCode("E05000001"), name="x", generation=25, geometry=box(0, 0, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidCode, match="^name must not be blank, got ' '$"):
        Ward(code=WardCode("E05000001"), name=" ", generation="WD25", geometry=box(0, 0, 1, 1))
    with pytest.raises(TypeError, match="^name must be a str, got None$"):
        Ward(code=WardCode("E05000001"), name=None, generation="WD25", geometry=box(0, 0, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'code' must be <class"):
        Ward(code="E05000001", name="x", generation="WD25", geometry=box(0, 0, 1, 1))  # type: ignore[arg-type]


def test_repair_keeps_polygonal_parts_of_a_collection() -> None:
    collection = shapely.GeometryCollection(
        [box(0, 0, 1, 1), LineString([(5, 5), (6, 6)]), box(2, 0, 3, 1)]
    )
    assert repair_geometry(collection).area == 2


def test_area_approximation() -> None:
    """One degree square at the equator, against the spherical formula."""
    exact = 6_371_008.8**2 * math.radians(1) * (math.sin(math.radians(1)) - 0)
    approx = area_square_metres(box(0, 0, 1, 1), CoordinateSystem.LONGITUDE_LATITUDE)
    assert abs(approx - exact) / exact < 1e-4
    assert area_square_metres(box(0, 0, 2, 3), METRES) == 6
    assert area_square_metres(Polygon(), CoordinateSystem.LONGITUDE_LATITUDE) == 0


def test_medway_wards_area_is_medways(medway_wards: tuple[Ward, ...]) -> None:
    """Medway covers about 192 km² to the mean high water line."""
    total = sum(
        area_square_metres(w.geometry, CoordinateSystem.LONGITUDE_LATITUDE) for w in medway_wards
    )
    assert 185e6 < total < 200e6


# ----------------------------------------------------------------------------- GeoJSON


def test_reading_real_wards(medway_wards: tuple[Ward, ...], medway_2013: tuple[Ward, ...]) -> None:
    assert len(medway_wards) == 24
    assert {w.generation for w in medway_wards} == {"WD25"}
    assert {w.local_authority for w in medway_wards} == {LocalAuthorityCode("E06000035")}
    assert sum(isinstance(w.geometry, MultiPolygon) for w in medway_wards) == 8
    assert [w.code for w in medway_wards] == sorted(w.code for w in medway_wards)
    assert len(medway_2013) == 22
    assert {w.generation for w in medway_2013} == {"WD13"}
    assert medway_2013[0].local_authority == LocalAuthorityCode("E06000035")
    # Coordinates stay longitude, latitude: Medway is just east of Greenwich.
    x0, y0, x1, y1 = shapely.union_all([w.geometry for w in medway_wards]).bounds
    assert 0.3 < x0 < x1 < 0.8
    assert 51.2 < y0 < y1 < 51.6


def test_no_ward_code_is_shared_between_generations(
    medway_wards: tuple[Ward, ...], medway_2013: tuple[Ward, ...]
) -> None:
    assert not {w.code for w in medway_wards} & {w.code for w in medway_2013}


def test_round_trip_through_geojson(maidstone_wards: tuple[Ward, ...]) -> None:
    written = wards_to_geojson(maidstone_wards)
    assert written["features"][0]["properties"]["WD25CD"] == maidstone_wards[0].code.value
    assert written["features"][0]["properties"]["LAD25CD"] == "E07000110"
    assert wards_from_geojson(written) == maidstone_wards


def test_writing_mixed_generations_is_refused(
    medway_wards: tuple[Ward, ...], medway_2013: tuple[Ward, ...]
) -> None:
    with pytest.raises(
        InvalidCode, match=r"^wards must share one generation, got \['WD13', 'WD25'\]$"
    ):
        wards_to_geojson([*medway_wards, *medway_2013])


def feature(code: Any, name: Any = "Ward", geometry: Any = None, **extra: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"WD25CD": code, "WD25NM": name, **extra},
        "geometry": geometry
        or {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
    }


def test_reading_reports_every_bad_feature() -> None:
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    collection = {
        "type": "FeatureCollection",
        "features": [
            feature("E05000001"),
            feature("X05000002"),
            feature("E05000003", name=""),
            feature("E05000004", geometry=bow_tie),
            feature("E05000001"),
            {"type": "Feature", "properties": {"WD25CD": "E05000006", "WD25NM": "No geometry"}},
        ],
    }
    with pytest.raises(ExceptionGroup) as info:
        wards_from_geojson(collection)
    messages = [str(e) for e in info.value.exceptions]
    assert messages == [
        "features[1]: ward code must be E05, W05, S13 or N08 and 6 digits, got 'X05000002'",
        "features[2]: name must not be blank, got ''",
        "features[3]: geometry must be valid, got Self-intersection[0.5 0.5]",
        "features[4].WD25CD must be unique, as in features[0], got 'E05000001'",
        "features[5]: must be a GeoJSON Feature with a geometry, got KeyError: 'geometry'",
    ]
    assert str(info.value).startswith("5 of 6 features are not valid wards")
    repaired = wards_from_geojson(
        {"features": [feature("E05000004", geometry=bow_tie)]}, repair=True
    )
    assert repaired[0].geometry.area == 0.5


def test_reading_with_explicit_keys() -> None:
    collection = {
        "features": [
            {
                "type": "Feature",
                "properties": {"code": "E05000001", "label": "One"},
                "geometry": feature("")["geometry"],
            }
        ]
    }
    wards = wards_from_geojson(collection, code_key="code", name_key="label", generation="WD24")
    assert (wards[0].name, wards[0].generation) == ("One", "WD24")
    with pytest.raises(
        InvalidCode, match="^generation must be given when the code key has none, got 'code'$"
    ):
        wards_from_geojson(collection, code_key="code")


def test_reading_detection_errors() -> None:
    with pytest.raises(
        InvalidCode, match=r"^properties must hold a ward code key such as WD25CD, got \['name'\]$"
    ):
        wards_from_geojson({"features": [{"properties": {"name": "x"}}]})
    with pytest.raises(
        InvalidCode,
        match=r"^properties must hold one ward code key, not several, got \['WD13CD', 'WD25CD'\]$",
    ):
        wards_from_geojson({"features": [feature("E05000001", WD13CD="E05000002")]})
    with pytest.raises(
        TypeError, match="^collection must be a GeoJSON FeatureCollection mapping, got list$"
    ):
        wards_from_geojson([])  # type: ignore[arg-type]
    assert wards_from_geojson({"type": "FeatureCollection", "features": []}) == ()


def test_reading_the_local_authority_key() -> None:
    wards = wards_from_geojson({"features": [feature("E05000001", LAD25CD="E07000110")]})
    assert wards[0].local_authority == LocalAuthorityCode("E07000110")
    with pytest.raises(ExceptionGroup) as info:
        wards_from_geojson({"features": [feature("E05000001", LAD25CD="E05000001")]})
    assert "local authority code must be" in str(info.value.exceptions[0])


# ----------------------------------------------------------------------------- neighbourhoods


def test_neighbourhood_values() -> None:
    item = Neighbourhood(
        force="leicestershire",
        id="NC04",
        name="City Centre",
        wards=[WardCode("E05000001")],
        contacts={"email": "a@b"},
    )
    assert item.key == ("leicestershire", "NC04")
    assert item.contacts == (("email", "a@b"),)
    spaced = Neighbourhood(
        force="met", id="00BK X6", name="Westminster", wards=[WardCode("E05000001")]
    )
    assert spaced.id == "00BK X6"
    with pytest.raises(
        InvalidNeighbourhoodMap,
        match="^neighbourhood 'NC05' must link to at least one ward or part of a ward, got none$",
    ):
        Neighbourhood(force="leicestershire", id="NC05", name="Empty")
    with pytest.raises(InvalidCode, match="^id must not be blank"):
        Neighbourhood(force="x", id=" ", name="y", wards=[WardCode("E05000001")])
    with pytest.raises(TypeError, match="^force must be a str"):
        Neighbourhood(force=None, id="a", name="y", wards=[WardCode("E05000001")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^wards must be WardCode values, got 'E05000001'$"):
        Neighbourhood(force="x", id="a", name="y", wards=["E05000001"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^parts must be WardPart values"):
        Neighbourhood(force="x", id="a", name="y", parts=[box(0, 0, 1, 1)])  # type: ignore[list-item]


def test_the_medway_map(medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...]) -> None:
    assert medway_map.generation == "WD25"
    assert [n.id for n in medway_map.neighbourhoods] == [
        "Chatham",
        "Gillingham",
        "Peninsula",
        "Rainham",
        "Rochester",
        "Strood",
    ]
    split = WardCode("E05014450")
    assert [n.id for n in medway_map.neighbourhoods_of(split)] == ["Chatham", "Gillingham"]
    assert [n.id for n in medway_map.neighbourhoods_of(WardCode("E05014449"))] == ["Peninsula"]
    assert [w.name for w in medway_map.wards_of("Rainham")] == [
        "Rainham North",
        "Rainham South East",
        "Rainham South West",
    ]
    assert split in {w.code for w in medway_map.wards_of("Chatham")}
    assert medway_map.ward(split).name == "Chatham Central & Brompton"
    assert medway_map.neighbourhood("Strood").name == "Strood neighbourhood"


def test_neighbourhood_geometries_tile_medway(
    medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...]
) -> None:
    lon_lat = CoordinateSystem.LONGITUDE_LATITUDE
    shapes = [medway_map.geometry_of(n.id) for n in medway_map.neighbourhoods]
    medway = shapely.union_all([w.geometry for w in medway_wards])
    # in the data's own units, so that each shape's local approximation does not differ
    assert math.isclose(sum(s.area for s in shapes), medway.area, rel_tol=1e-9)
    assert area_square_metres(shapely.union_all(shapes).symmetric_difference(medway), lon_lat) < 10
    for i, a in enumerate(shapes):
        for b in shapes[i + 1 :]:
            assert area_square_metres(a.intersection(b), lon_lat) < 1


def test_medway_neighbours_share_boundaries(medway_map: NeighbourhoodMap) -> None:
    borders = {n.id: [m.id for m in medway_map.neighbours(n.id)] for n in medway_map.neighbourhoods}
    for name, others in borders.items():
        for other in others:
            assert name in borders[other]  # symmetric
        assert name not in others
    assert "Gillingham" in borders["Chatham"]  # across the split ward
    assert "Rainham" in borders["Gillingham"]
    assert "Rainham" not in borders["Strood"]


def test_corners_do_not_make_neighbours() -> None:
    wards = [square_ward("E05000001", 0), square_ward("E05000002", 1, 1)]
    items = [
        Neighbourhood(force="f", id=f"N{i}", name="n", wards={w.code}) for i, w in enumerate(wards)
    ]
    corner = NeighbourhoodMap(force="f", wards=wards, neighbourhoods=items, coordinates=METRES)
    assert corner.neighbours("N0") == ()


def test_unknown_names_are_errors(medway_map: NeighbourhoodMap) -> None:
    with pytest.raises(InvalidCode, match="^neighbourhood must be in the map, got 'Atlantis'$"):
        medway_map.wards_of("Atlantis")
    with pytest.raises(
        InvalidCode, match=r"^ward must be in the map, got WardCode\('E05000001'\)$"
    ):
        medway_map.neighbourhoods_of(WardCode("E05000001"))


def test_geo_interface_and_svg(medway_map: NeighbourhoodMap) -> None:
    collection = medway_map.__geo_interface__
    assert [f["properties"]["id"] for f in collection["features"]][:2] == ["Chatham", "Gillingham"]
    assert "E05014450" in collection["features"][0]["properties"]["wards"]
    svg = medway_map._repr_svg_()
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag.endswith("svg")
    assert svg.count("<title>") == 6
    assert "Chatham: Chatham neighbourhood" in svg
    empty = NeighbourhoodMap(force="kent", wards=[], neighbourhoods=[])
    assert empty.generation is None
    assert ET.fromstring(empty._repr_svg_()).tag.endswith("svg")  # noqa: S314


def test_medway_map_is_a_value(
    medway_map: NeighbourhoodMap,
    medway_wards: tuple[Ward, ...],
    medway_builder: Callable[[tuple[Ward, ...]], NeighbourhoodMap],
) -> None:
    again = medway_builder(tuple(reversed(medway_wards)))
    assert again == medway_map
    assert hash(again) == hash(medway_map)
    copy = pickle.loads(pickle.dumps(medway_map))  # noqa: S301 - our own data
    assert copy == medway_map
    assert copy.geometry_of("Strood").equals(medway_map.geometry_of("Strood"))


# ----------------------------------------------------------------------------- the map's checks


def rebuild(medway_map: NeighbourhoodMap, **changes: Any) -> NeighbourhoodMap:
    return attrs.evolve(medway_map, **changes)


def without_ward(item: Neighbourhood, code: str) -> Neighbourhood:
    return attrs.evolve(item, wards=item.wards - {WardCode(code)})


def test_an_uncovered_ward(medway_map: NeighbourhoodMap) -> None:
    items = [
        without_ward(n, "E05014472") if n.id == "Chatham" else n for n in medway_map.neighbourhoods
    ]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    assert problems_of(info) == [("uncovered", "E05014472")]
    assert (
        str(info.value.exceptions[0])
        == "ward E05014472 (Wayfield & Weeds Wood) must be covered by a neighbourhood, got none"
    )


def test_a_ward_claimed_twice(medway_map: NeighbourhoodMap) -> None:
    items = [
        attrs.evolve(n, wards=n.wards | {WardCode("E05014459")}) if n.id == "Gillingham" else n
        for n in medway_map.neighbourhoods
    ]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    assert problems_of(info) == [("claimed twice", "E05014459")]
    err = info.value.exceptions[0]
    assert isinstance(err, InvalidNeighbourhoodMap)
    assert err.neighbourhoods == ("Chatham", "Gillingham")
    assert (
        str(err) == "ward E05014459 (Luton) must be claimed once, got whole by Chatham, Gillingham"
    )


def test_a_ward_claimed_whole_and_in_part(medway_map: NeighbourhoodMap) -> None:
    items = [
        attrs.evolve(n, wards=n.wards | {WardCode("E05014450")}) if n.id == "Rochester" else n
        for n in medway_map.neighbourhoods
    ]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    assert problems_of(info) == [("claimed twice", "E05014450")]
    assert "got whole by Rochester and in part by Chatham, Gillingham" in str(
        info.value.exceptions[0]
    )


def test_a_link_to_an_unknown_ward(
    medway_map: NeighbourhoodMap, maidstone_wards: tuple[Ward, ...]
) -> None:
    stranger = maidstone_wards[0]
    items = [
        attrs.evolve(n, wards=n.wards | {stranger.code}) if n.id == "Rainham" else n
        for n in medway_map.neighbourhoods
    ]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    assert problems_of(info) == [("unknown ward", stranger.code.value)]
    assert (
        str(info.value.exceptions[0])
        == f"ward {stranger.code.value} must be one of the map's wards, got a link from Rainham"
    )


def test_parts_that_overlap_leave_a_gap_or_stray(
    medway_map: NeighbourhoodMap, medway_wards: tuple[Ward, ...]
) -> None:
    split = next(w for w in medway_wards if w.code == WardCode("E05014450"))
    x0, y0, x1, y1 = split.geometry.bounds
    middle = (x0 + x1) / 2
    # west reaches past the middle; east starts at the middle but covers only the southern half
    wide_west = WardPart(
        ward=split.code,
        geometry=split.geometry.intersection(box(x0 - 1, y0 - 1, middle + 0.002, y1 + 1)),
    )
    narrow_east = WardPart(
        ward=split.code,
        geometry=split.geometry.intersection(box(middle, y0 - 1, x1 + 1, (y0 + y1) / 2)),
    )
    stray = WardPart(
        ward=split.code,
        geometry=box(x1, y0, x1 + 0.01, y0 + 0.01).union(box(x1 - 0.001, y0, x1, y0 + 0.01)),
    )
    changed = {
        "Chatham": attrs.evolve(medway_map.neighbourhood("Chatham"), parts=[wide_west]),
        "Gillingham": attrs.evolve(
            medway_map.neighbourhood("Gillingham"), parts=[narrow_east, stray]
        ),
    }
    items = [changed.get(n.id, n) for n in medway_map.neighbourhoods]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    kinds = [problem for problem, _ in problems_of(info)]
    assert kinds == ["part outside ward", "parts overlap", "parts leave a gap"]
    assert all(ward == "E05014450" for _, ward in problems_of(info))
    assert "m² outside" in str(info.value.exceptions[0])


def test_duplicate_ids_wrong_force_and_mixed_generations(
    medway_map: NeighbourhoodMap, medway_2013: tuple[Ward, ...]
) -> None:
    items = [
        *medway_map.neighbourhoods,
        attrs.evolve(medway_map.neighbourhood("Strood"), force="essex"),
    ]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items, wards=[*medway_map.wards, medway_2013[0]])
    kinds = [problem for problem, _ in problems_of(info)]
    assert kinds[:3] == ["mixed generations", "duplicate neighbourhood", "wrong force"]
    assert "uncovered" in kinds
    assert "claimed twice" in kinds  # Strood's wards, now claimed by both Strood entries


def test_every_problem_at_once(medway_map: NeighbourhoodMap) -> None:
    items = [
        without_ward(n, "E05014461") if n.id == "Rainham" else n for n in medway_map.neighbourhoods
    ]
    items = [without_ward(n, "E05014467") if n.id == "Strood" else n for n in items]
    with pytest.raises(ExceptionGroup) as info:
        rebuild(medway_map, neighbourhoods=items)
    assert problems_of(info) == [("uncovered", "E05014461"), ("uncovered", "E05014467")]


def test_map_type_errors(medway_wards: tuple[Ward, ...]) -> None:
    with pytest.raises(TypeError, match="^wards must be Ward values"):
        NeighbourhoodMap(force="kent", wards=["E05014449"], neighbourhoods=[])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^neighbourhoods must be Neighbourhood values"):
        NeighbourhoodMap(force="kent", wards=medway_wards, neighbourhoods=["Strood"])  # type: ignore[list-item]


# ----------------------------------------------------------------------------- crosswalk


@pytest.mark.parametrize("district", ["medway", "maidstone"])
def test_crosswalk_shares_add_up(district: str, request: pytest.FixtureRequest) -> None:
    old: tuple[Ward, ...] = request.getfixturevalue(f"{district}_2013")
    new: tuple[Ward, ...] = request.getfixturevalue(f"{district}_wards")
    rows = ward_crosswalk(old, new)
    totals: dict[WardCode, float] = defaultdict(float)
    for row in rows:
        totals[row.old] += row.share
        assert 0 < row.share <= 1
    assert set(totals) == {w.code for w in old}
    # The generations' generalised coastlines differ a little, so an old ward can lose a sliver.
    assert all(0.98 < total <= 1.0 + 1e-9 for total in totals.values())
    big = ward_crosswalk(old, new, min_share=0.05)
    assert len(big) < len(rows)
    assert all(row.share >= 0.05 for row in big)


def test_crosswalk_names_real_successors(
    medway_2013: tuple[Ward, ...], medway_wards: tuple[Ward, ...]
) -> None:
    names = {w.code: w.name for w in (*medway_2013, *medway_wards)}
    rows = ward_crosswalk(medway_2013, medway_wards, min_share=0.5)
    pairs = {(names[r.old], names[r.new]) for r in rows}
    assert ("Twydall", "Twydall") in pairs
    assert ("Strood Rural", "Strood Rural") in pairs
    assert ("Chatham Central", "Chatham Central & Brompton") in pairs


def test_carrying_medway_to_the_2025_wards(
    medway_2013: tuple[Ward, ...], medway_wards: tuple[Ward, ...]
) -> None:
    groups = {
        "North": ["E05002256", "E05002265", "E05002266", "E05002267", "E05002250"],
        "Rochester": ["E05002262", "E05002263", "E05002264"],
        "Chatham": ["E05002249", "E05002254", "E05002255", "E05002257", "E05002269", "E05002261"],
        "Gillingham": ["E05002251", "E05002252", "E05002253", "E05002268", "E05002270"],
        "Rainham": ["E05002258", "E05002259", "E05002260"],
    }
    old_map = NeighbourhoodMap(
        force="kent",
        wards=medway_2013,
        neighbourhoods=[
            Neighbourhood(force="kent", id=k, name=k, wards={WardCode(c) for c in v})
            for k, v in groups.items()
        ],
    )
    new_map = carry_map(old_map, medway_wards)
    assert new_map.generation == "WD25"
    assert {n.id for n in new_map.neighbourhoods} == set(groups)
    assert [n.id for n in new_map.neighbourhoods_of(WardCode("E05014470"))] == [
        "Gillingham"
    ]  # Twydall
    split = [w for w in new_map.wards if len(new_map.neighbourhoods_of(w.code)) > 1]
    assert split  # the 2023 review moved lines across the old neighbourhoods' borders


def test_carrying_needs_overlap(
    medway_map: NeighbourhoodMap, maidstone_wards: tuple[Ward, ...]
) -> None:
    with pytest.raises(InvalidCode, match="^new_wards must each overlap an old neighbourhood"):
        carry_map(medway_map, maidstone_wards)


def test_svg_keeps_metres_unsqueezed() -> None:
    wards = [square_ward("E05000001", 0), square_ward("E05000002", 1)]
    town = NeighbourhoodMap(
        force="f",
        wards=wards,
        neighbourhoods=[Neighbourhood(force="f", id="N", name="n", wards={w.code for w in wards})],
        coordinates=METRES,
    )
    svg = town._repr_svg_()
    assert 'transform="scale(1.0,-1)"' in svg
    assert 'height="200"' in svg  # two squares side by side: half as high as wide


def test_ward_part_geo_interface() -> None:
    part = WardPart(ward=WardCode("E05000001"), geometry=box(0, 0, 1, 1))
    feature = part.__geo_interface__
    assert feature["properties"] == {"ward": "E05000001"}
    assert shapely.geometry.shape(feature["geometry"]).equals(part.geometry)


def test_overlay_results_keep_their_polygons() -> None:
    from pact_core.geography.wards import _as_area  # noqa: PLC0415 - the private helper under test

    mixed = shapely.GeometryCollection(
        [box(0, 0, 1, 1), LineString([(1, 1), (2, 2)]), box(3, 0, 4, 1)]
    )
    kept = _as_area(mixed)
    assert kept.geom_type == "MultiPolygon"
    assert kept.area == 2
