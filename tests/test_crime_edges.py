"""pact_core.crime at its edges: wrong types, empty inputs, every field of an API answer that can be wrong, tables in metres."""

# This module passes values of the wrong type on purpose, to see them refused.
# mypy: disable-error-code="arg-type, dict-item, list-item, operator, comparison-overlap"

from __future__ import annotations

import datetime as dt
import importlib
import math
from fractions import Fraction
from typing import Any
from xml.etree import ElementTree

import attrs
import numpy as np
import pytest
import shapely
from shapely import box

from pact_core.crime import (
    ASB,
    CSV_HEADER,
    Category,
    Choropleth,
    Correction,
    Crime,
    CrimeTable,
    Incidence,
    Month,
    Outcome,
    OutcomePolicy,
    RateComparison,
    Resolution,
    SolvedShare,
    before_after,
    crimes_from_csv,
    crimes_from_policeuk,
    crimes_to_policeuk,
    hotspot_map,
    hotspots,
    incidence,
    incidence_in_places,
    incidence_map,
    outcomes_from_policeuk,
    pictures,
    places_mask,
    records,
    solved_by_area,
    solved_share,
)
from pact_core.crime._exact import _log_sum, binomial_upper_tail
from pact_core.errors import ExceptionGroup, InvalidCrime, InvalidPoliceData, InvalidPolicy
from pact_core.geography import CoordinateSystem, Ward, WardCode, WardLocator
from pact_core.panels import Panel
from pact_core.priorities import (
    CategoryMap,
    EventKind,
    Issue,
    Priority,
    PriorityEvent,
    priority_areas_effect,
    priority_effect,
)
from pact_core.scorecard import neighbourhood_scorecard, ward_table

AUGUST = Month(2022, 8)


def crime(n: int = 0, **fields: Any) -> Crime:
    base: dict[str, Any] = {"id": f"c{n}", "month": Month(2022, 1), "category": Category.BURGLARY, "point": (0.5, 51.3),
                            "location": "On or near Lane"}  # fmt: skip
    return Crime(**(base | fields))


def paths(answer: object, read: Any = crimes_from_policeuk) -> list[str]:
    with pytest.raises(ExceptionGroup) as caught:
        read(answer, publication=AUGUST)
    return [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)]


def test_exact_tails_at_their_edges() -> None:
    assert _log_sum([]) == -math.inf
    assert _log_sum([-math.inf, -math.inf]) == -math.inf
    assert binomial_upper_tail(1, 5, 0.0) == 0.0
    assert binomial_upper_tail(1, 5, 1.0) == 1.0
    assert binomial_upper_tail(6, 5, 0.5) == 0.0


def test_values_refuse_wrong_types() -> None:
    with pytest.raises(TypeError, match="lsoa_code must be a str or None"):
        crime(lsoa_code=5)
    with pytest.raises(TypeError, match="year must be an int"):
        Month("2022", 1)
    assert Month(2022, 1).__add__("1") is NotImplemented
    assert Month(2022, 1).__sub__(1) is NotImplemented
    with pytest.raises(TypeError, match="crimes must be Crime values"):
        CrimeTable.from_crimes(["x"], publication=AUGUST)
    table = CrimeTable.from_crimes([crime()], publication=AUGUST)
    assert table.__add__(1) is NotImplemented
    assert table.__eq__(1) is NotImplemented
    with pytest.raises(InvalidCrime, match="columns must have one length"):
        CrimeTable(publication=AUGUST, cells=table.cells, month=table.month, category=table.category,
                   longitude=table.longitude, latitude=table.latitude, api=())  # fmt: skip
    share = solved_share(table)
    assert share.__add__(1) is NotImplemented
    counts = incidence_in_places(table, {})
    assert counts.__add__(1) is NotImplemented
    assert counts.__eq__(1) is NotImplemented
    assert hash(counts) == hash(incidence_in_places(table, {}))
    with pytest.raises(InvalidCrime, match="level must be 'ward', 'neighbourhood' or 'place'"):
        Incidence(level="county", publication=AUGUST, areas=(), area=counts.area, month=counts.month,
                  category=counts.category, count=counts.count)  # fmt: skip
    with pytest.raises(InvalidCrime, match="cells must have one length"):
        Incidence(level="place", publication=AUGUST, areas=(), area=counts.area[:0], month=counts.month,
                  category=counts.category, count=counts.count)  # fmt: skip
    other = Incidence(level="ward", publication=AUGUST, areas=counts.areas, area=counts.area, month=counts.month,
                      category=counts.category, count=counts.count)  # fmt: skip
    with pytest.raises(InvalidCrime, match="incidence must share a level and publication to add"):
        counts + other


def test_readers_refuse_wrong_types() -> None:
    header = list(CSV_HEADER)
    with pytest.raises(TypeError, match="rows must all be mappings or all sequences"):
        crimes_from_csv([dict.fromkeys(header, ""), ["x"]], publication=AUGUST)
    with pytest.raises(TypeError, match="rows must all be sequences of str"):
        crimes_from_csv([header, 5], publication=AUGUST)
    good = ["", "2022-01", "K", "K", "", "", "No Location", "", "", "Anti-social behaviour", "", ""]
    # A mapping with the right number of keys but another name for one of them.
    renamed = dict(zip(["Crime Id", *header[1:]], good, strict=True))
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([renamed], publication=AUGUST)
    assert "[0] must have police.uk's street-level columns" in str(caught.value.exceptions[0])
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv(
            [dict(zip(header, good, strict=True)) | {"Context": None}], publication=AUGUST
        )
    assert "a short row" in str(caught.value.exceptions[0])
    bad_month: list[Any] = list(good)
    bad_month[1] = 202201
    with pytest.raises(TypeError, match=r'rows\[0\]\["Month"\] must be a str, got 202201'):
        crimes_from_csv([header, bad_month], publication=AUGUST)
    bad_type: list[Any] = list(good)
    bad_type[9] = None
    with pytest.raises(TypeError, match=r'rows\[0\]\["Crime type"\] must be a str, got None'):
        crimes_from_csv([header, bad_type], publication=AUGUST)
    months = [list(good), list(good)]
    months[0][1], months[1][1] = "2022-1x", "20221-01"
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([header, *months], publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == [
        '[0]["Month"]',
        '[1]["Month"]',
    ]
    accented = list(good)
    accented[1] = "2022-0é"
    with pytest.raises(ExceptionGroup):
        crimes_from_csv([header, accented], publication=AUGUST)
    with pytest.raises(TypeError, match="publication must be a Month"):
        outcomes_from_policeuk([], publication="2022-08")


CRIME_ITEM: dict[str, Any] = {
    "category": "burglary", "location_type": "Force", "context": "",
    "outcome_status": {"category": "Under investigation", "date": "2017-01"},
    "location": {"latitude": "52.6334", "street": {"id": 882380, "name": "On or near Petrol Station"}, "longitude": "-1.14"},
    "persistent_id": "4d83", "id": 54726925, "location_subtype": "", "month": "2017-01",
}  # fmt: skip


def test_every_field_of_an_api_crime_that_can_be_wrong() -> None:
    answer = [
        {key: value for key, value in CRIME_ITEM.items() if key != "category"},
        {**CRIME_ITEM, "context": 5},
        {**CRIME_ITEM, "id": "54726925"},
        {**CRIME_ITEM, "location": "Lane"},
        {**CRIME_ITEM, "location": {**CRIME_ITEM["location"], "street": None}},
        {**CRIME_ITEM, "location": {**CRIME_ITEM["location"], "longitude": 200}},
        {**CRIME_ITEM, "outcome_status": "charged"},
        {**CRIME_ITEM, "outcome_status": {"category": 5, "date": "2017-01"}},
        {**CRIME_ITEM, "month": None},
    ]
    assert paths(answer) == [
        '[0]["category"]', '[1]["context"]', '[2]["id"]', '[3]["location"]', '[4]["location"]["street"]',
        '[5]["location"]["longitude"]', '[6]["outcome_status"]', '[7]["outcome_status"]["category"]',
        '[7]["outcome_status"]["category"]', '[8]["month"]',
    ]  # fmt: skip
    numbers = {
        **CRIME_ITEM,
        "location": {**CRIME_ITEM["location"], "latitude": 52.6334, "longitude": -1},
    }
    table = crimes_from_policeuk([numbers], publication=AUGUST)
    assert table.crime(0).point == (-1.0, 52.6334)


def test_every_field_of_an_api_outcome_that_can_be_wrong() -> None:
    crime_item = {key: value for key, value in CRIME_ITEM.items() if key != "outcome_status"}
    good = {
        "category": {"code": "imprisoned", "name": "Offender sent to prison"},
        "date": "2017-01",
        "person_id": None,
        "crime": crime_item,
    }
    answer = [
        "an outcome",
        {**good, "category": "imprisoned"},
        {**good, "category": {"code": None, "name": "Offender sent to prison"}},
        {**good, "category": {"code": "sorted", "name": "Sorted"}},
        {**good, "category": {"code": "imprisoned", "name": None}},
        {**good, "crime": None},
        {**good, "crime": {**crime_item, "category": "mugging"}},
        {**good, "person_id": True},
    ]
    assert paths(answer, outcomes_from_policeuk) == [
        "[0]", '[1]["category"]', '[2]["category"]["code"]', '[3]["category"]["code"]', '[4]["category"]["name"]',
        '[5]["crime"]', '[6]["crime"]["category"]', '[7]["person_id"]',
    ]  # fmt: skip
    penalty = {
        **good,
        "category": {"code": "penalty-notice-issued", "name": "Offender given a penalty notice"},
    }
    assert (
        outcomes_from_policeuk([penalty], publication=AUGUST)[0].outcome
        is Outcome.PENALTY_NOTICE_ISSUED
    )


def test_policies_and_shares_refuse_what_they_cannot_read() -> None:
    with pytest.raises(TypeError, match="classes must be a mapping"):
        OutcomePolicy(name="x", source="y", classes=[])
    with pytest.raises(TypeError, match="classes must map Outcome to Resolution"):
        OutcomePolicy(name="x", source="y", classes={"charged": Resolution.SOLVED})
    table = CrimeTable.from_crimes(
        [crime(0), crime(1, category=Category.DRUGS, outcome=Outcome.CHARGED)], publication=AUGUST
    )
    with pytest.raises(TypeError, match="crimes must be a CrimeTable"):
        solved_share([])
    with pytest.raises(TypeError, match="policy must be an OutcomePolicy"):
        solved_share(table, policy="strict")
    assert solved_share(table, categories=[Category.DRUGS]).solved == 1
    assert solved_share(table, categories=[Category.BURGLARY]).without == 1
    ward = Ward(code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 51, 1, 52))
    locator = WardLocator.from_wards([ward])
    with pytest.raises(TypeError, match="crimes must be a CrimeTable"):
        solved_by_area([], locator)
    with pytest.raises(TypeError, match="locator must be a WardLocator"):
        solved_by_area(table, [ward])
    with pytest.raises(InvalidCrime, match="by must be 'ward', or 'neighbourhood'"):
        solved_by_area(table, locator, by="neighbourhood")
    nowhere = CrimeTable.from_crimes([crime(0, point=None)], publication=AUGUST)
    assert solved_by_area(nowhere, locator)["E05000001"].crimes == 0


def test_incidence_refuses_what_it_cannot_count() -> None:
    table = CrimeTable.from_crimes([crime(0, point=None)], publication=AUGUST)
    ward = Ward(code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 51, 1, 52))
    locator = WardLocator.from_wards([ward])
    assert incidence(table, locator).by_area() == {
        "E05000001": 0,
        "<no location>": 1,
        "<outside>": 0,
    }
    with pytest.raises(TypeError, match="crimes must be a CrimeTable"):
        incidence([], locator)
    with pytest.raises(TypeError, match="locator must be a WardLocator"):
        incidence(table, [ward])
    with pytest.raises(InvalidCrime, match="by must be 'ward' or 'neighbourhood'"):
        incidence(table, locator, by="county")
    with pytest.raises(TypeError, match="places must be a mapping"):
        places_mask(table, [box(0, 0, 1, 1)])
    with pytest.raises(TypeError, match="crimes must be a CrimeTable"):
        incidence_in_places([], {})


def test_a_wide_span_of_months_counts_sparsely() -> None:
    """Ten thousand years of months and a few rows: the cells are found without a dense array."""
    rows = [crime(n, month=Month(year, 1)) for n, year in enumerate((1, 5000, 9999))]
    counts = incidence_in_places(
        CrimeTable.from_crimes(rows, publication=AUGUST), {"Place": box(0, 51, 1, 52)}
    )
    assert [r[1] for r in counts.rows()] == ["0001-01", "5000-01", "9999-01"]


def test_analyses_refuse_what_they_cannot_read() -> None:
    table = CrimeTable.from_crimes(
        [crime(0, month=Month(2022, m)) for m in range(1, 4)], publication=AUGUST
    )
    counts = incidence_in_places(table, {"Place": box(0, 51, 1, 52)})
    with pytest.raises(TypeError, match="counts must be an Incidence"):
        hotspots([])
    with pytest.raises(TypeError, match="correction must be a Correction"):
        hotspots(counts, correction="holm")
    found = hotspots(counts)
    with pytest.raises(InvalidCrime, match="share_of_areas must be from 0 to 1"):
        found.share_in_top(1.5)
    with pytest.raises(TypeError, match="counts must be an Incidence"):
        before_after(
            [], areas=["Place"], categories=ASB, before=[Month(2022, 1)], after=[Month(2022, 2)]
        )
    with pytest.raises(InvalidCrime, match="confidence must be between 0 and 1"):
        before_after(
            counts,
            areas=["Place"],
            categories=ASB,
            before=[Month(2022, 1)],
            after=[Month(2022, 2)],
            confidence=1.0,
        )
    with pytest.raises(InvalidCrime, match="before must hold at least one Month"):
        before_after(counts, areas=["Place"], categories=ASB, before=[], after=[Month(2022, 2)])
    nothing_before = RateComparison(area_before=0, area_after=2, rest_before=1, rest_after=1, p_value=1.0, interval=(0.0, math.inf),
                                    confidence=0.95, before=(), after=(), areas=(), categories=(), publication=AUGUST)  # fmt: skip
    assert (nothing_before.ratio, nothing_before.area_change, nothing_before.rest_change) == (
        None,
        None,
        1,
    )
    assert RateComparison(area_before=1, area_after=2, rest_before=0, rest_after=1, p_value=1.0, interval=(0.0, 1.0), confidence=0.95,
                          before=(), after=(), areas=(), categories=(), publication=AUGUST).rest_change is None  # fmt: skip


def test_pictures_refuse_what_they_cannot_draw() -> None:
    with pytest.raises(InvalidCrime, match=r"geometries\['A'\] must be a non-empty Polygon"):
        Choropleth(title="t", legend="l", values={"A": 1}, geometries={"A": shapely.Point(0, 0)})
    metres = Choropleth(title="t", legend="l", values={"A": 1}, geometries={"A": box(0, 0, 1000, 1000)},
                        coordinates=CoordinateSystem.METRES)  # fmt: skip
    assert "scale(1.0,-1)" in metres._repr_svg_()
    assert metres.colour(None) == "#d9d9d9"


def test_category_maps_and_priority_effects_refuse_wrong_types() -> None:
    with pytest.raises(TypeError, match="links must be a mapping"):
        CategoryMap(name="x", links=[("drugs", {Category.DRUGS})])
    with pytest.raises(TypeError, match="links must be keyed by category names"):
        CategoryMap(name="x", links={5: {Category.DRUGS}})
    table = CrimeTable.from_crimes(
        [crime(0, month=Month(2022, m)) for m in range(1, 4)], publication=AUGUST
    )
    counts = incidence_in_places(table, {"Place": box(0, 51, 1, 52)})
    priority = Priority(id="P1", panel=Panel(force="kent", neighbourhood="N", name="N PACT"), issue=Issue(category="burglary", place="X"),
                        text="Burglary", events=[PriorityEvent(kind=EventKind.ADOPTED, at=dt.datetime(2022, 2, 1, tzinfo=dt.timezone.utc))])  # fmt: skip
    with pytest.raises(TypeError, match="priority must be a Priority"):
        priority_effect("P1", counts, areas=["Place"], tz=dt.timezone.utc)
    with pytest.raises(TypeError, match="mapping must be a CategoryMap"):
        priority_effect(priority, counts, areas=["Place"], tz=dt.timezone.utc, mapping={})
    with pytest.raises(InvalidPolicy):
        priority_areas_effect(
            [priority],
            counts,
            category="litter",
            areas_of={},
            before=[Month(2022, 1)],
            after=[Month(2022, 3)],
        )


def test_the_scorecard_refuses_wrong_crime_sources() -> None:
    from pact_core.intervals import Interval  # noqa: PLC0415

    period = Interval.parse("2022-01-01T00:00Z/2022-04-01T00:00Z")
    as_of = dt.datetime(2022, 8, 1, tzinfo=dt.timezone.utc)
    with pytest.raises(TypeError, match="incidence must be an Incidence"):
        neighbourhood_scorecard(
            force="kent", neighbourhood="N", period=period, as_of=as_of, incidence={}
        )
    with pytest.raises(TypeError, match="solved must be a SolvedShare"):
        neighbourhood_scorecard(
            force="kent", neighbourhood="N", period=period, as_of=as_of, solved=0.5
        )
    from pact_core.geography import Neighbourhood, NeighbourhoodMap  # noqa: PLC0415

    ward = Ward(code=WardCode("E05000001"), name="W", generation="WD25", geometry=box(0, 0, 1, 1))
    town = NeighbourhoodMap(force="kent", wards=[ward], coordinates=CoordinateSystem.METRES,
                            neighbourhoods=[Neighbourhood(force="kent", id="N", name="N", wards={ward.code})])  # fmt: skip
    with pytest.raises(TypeError, match="incidence must be an Incidence"):
        ward_table(town, [], period=period, as_of=as_of, incidence=[])
    share = SolvedShare(
        solved=1, not_solved=1, pending=0, unknown=0, without=0, publication=AUGUST, policy="p"
    )
    assert np.isclose(
        neighbourhood_scorecard(
            force="kent", neighbourhood="N", period=period, as_of=as_of, solved=share
        )
        .measure("crimes_solved")
        .value
        or 0,
        0.5,
    )
    assert Correction.NONE.adjust([]) == []


def test_the_bulk_paths_fall_back_to_naming_each_bad_field() -> None:
    header = list(CSV_HEADER)
    good = [
        "",
        "2022-01",
        "K",
        "K",
        "0.5",
        "51.3",
        "On or near Lane",
        "",
        "",
        "Anti-social behaviour",
        "",
        "",
    ]
    # A coordinate holding a comma parses to too many numbers in bulk.
    comma = list(good)
    comma[4] = "0.5,0.6"
    # Months of seven characters, one with a letter.
    letter = list(good)
    letter[1] = "2022-1x"
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([header, good, comma, letter], publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == [
        '[1]["Longitude"]',
        '[2]["Month"]',
    ]
    # Mapping rows: a short row among good ones, and a long row among good ones.
    rows = [
        dict(zip(header, good, strict=True)),
        dict(zip(header, good, strict=True)) | {"Context": None},
    ]
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv(rows, publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == ["[1]"]
    rows = [
        dict(zip(header, good, strict=True)),
        dict(zip(header, good, strict=True)) | {None: ["extra"]},
    ]
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv(rows, publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == ["[1]"]


def test_api_coordinates_that_are_missing_or_not_numbers() -> None:
    answer = [
        {**CRIME_ITEM, "location": {**CRIME_ITEM["location"], "latitude": None}},
        {
            **CRIME_ITEM,
            "location": {
                key: value for key, value in CRIME_ITEM["location"].items() if key != "longitude"
            },
        },
    ]
    assert paths(answer) == ['[0]["location"]["latitude"]', '[1]["location"]["longitude"]']


def test_fractions_on_a_map_and_months_of_a_period_that_starts_mid_month() -> None:
    from fractions import Fraction  # noqa: PLC0415

    from pact_core.intervals import Interval  # noqa: PLC0415
    from pact_core.scorecard import period_months  # noqa: PLC0415

    third = Choropleth(
        title="t", legend="l", values={"A": Fraction(1, 3)}, geometries={"A": box(0, 51, 1, 52)}
    )
    assert "0.333" in third._repr_svg_()
    months = period_months(Interval.parse("2022-01-15T00:00Z/2022-04-01T00:00Z"), None)
    assert [str(m) for m in months] == ["2022-02", "2022-03"]


@pytest.mark.parametrize(
    "name",
    [
        "Choropleth",
        "Crime",
        "CrimeOutcome",
        "CrimeTable",
        "Hotspot",
        "HotspotAnalysis",
        "Incidence",
        "OutcomePolicy",
        "RateComparison",
        "SolvedShare",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.crime"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_the_share_in_the_top_areas_takes_both_ends_of_its_range() -> None:
    table = CrimeTable.from_crimes([crime(0, month=Month(2022, 1))], publication=AUGUST)
    found = hotspots(incidence_in_places(table, {"Place": box(0, 51, 1, 52)}))
    assert (found.share_in_top(0), found.share_in_top(1)) == (0, 1)
    with pytest.raises(InvalidCrime, match="share_of_areas must be from 0 to 1"):
        found.share_in_top(-0.01)


def test_fewer_classes_than_colours_spread_over_the_palette() -> None:
    strips = {name: box(i * 400, 0, i * 400 + 400, 1200) for i, name in enumerate("ABC")}
    three = Choropleth(title="t", legend="l", values={"A": 1, "B": 2, "C": 3}, geometries=strips,
                       coordinates=CoordinateSystem.METRES)  # fmt: skip
    assert [colour for _, _, colour in three.classes()] == ["#ffffb2", "#fd8d3c", "#bd0026"]
    # Outlines are a 1,200th of the larger side, drawn twice as wide as the map is scaled down.
    assert 'stroke-width="2.0"' in three._repr_svg_()


def test_a_hotspot_map_holds_the_areas_it_can_draw() -> None:
    table = CrimeTable.from_crimes(
        [crime(n, month=Month(2022, 1)) for n in range(3)], publication=AUGUST
    )
    counts = incidence_in_places(table, {"Place": box(0, 51, 1, 52), "Other": box(5, 51, 6, 52)})
    drawn = hotspot_map(hotspots(counts), {"Place": box(0, 51, 1, 52)})
    assert [area for area, _ in drawn.values] == ["Place"]


def test_a_month_must_have_its_dash() -> None:
    row = ["", "2022/01", "K", "K", "0.5", "51.3", "On or near Lane", "", "", "Anti-social behaviour", "", ""]  # fmt: skip
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([list(CSV_HEADER), row], publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == [
        '[0]["Month"]'
    ]


def test_a_table_s_columns_cannot_be_written() -> None:
    table = CrimeTable.from_crimes([crime(0, month=Month(2022, 1))], publication=AUGUST)
    for column in (table.month, table.category, table.longitude, table.latitude):
        with pytest.raises(ValueError, match="read-only"):
            column[0] = 0


def test_months_of_another_century_read_in_bulk() -> None:
    row = ["", "1999-12", "K", "K", "0.5", "51.3", "On or near Lane", "", "", "Anti-social behaviour", "", ""]  # fmt: skip
    read = crimes_from_csv([list(CSV_HEADER), row, row], publication=AUGUST)
    assert read.months == (Month(1999, 12),)


@pytest.mark.parametrize("tall", [1200, 100])  # the map, or the legend, the taller
def test_a_picture_is_well_formed_svg_its_legend_beside_the_map_row_under_row(tall: int) -> None:
    strips = {name: box(i * 400, 0, i * 400 + 400, tall) for i, name in enumerate("ABCDEFG")}
    picture = Choropleth(
        title="Crime & ASB",
        legend="a legend long enough to wrap over more than one line of the box",
        values={"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": None},
        geometries=strips,
        coordinates=CoordinateSystem.METRES,
        marked=frozenset({"A"}),
    )
    # Our own picture, not untrusted data; a repeated attribute would not parse.
    root = ElementTree.fromstring(picture._repr_svg_())  # noqa: S314
    svg = "{http://www.w3.org/2000/svg}"
    inner = root.find(f"{svg}svg")
    assert inner is not None
    map_top, map_right = float(inner.get("y", "")), float(inner.get("width", ""))
    map_bottom = map_top + float(inner.get("height", ""))
    title, *texts = root.findall(f"{svg}text")
    assert (title.text, title.get("font-size")) == ("Crime & ASB", "15")
    assert float(title.get("y", "")) < map_top
    swatches = [r for r in root.findall(f"{svg}rect") if r.get("x") is not None]
    wrapped, labels = texts[: -len(swatches)], texts[-len(swatches) :]
    assert len(wrapped) == 2
    assert [t.text for t in labels] == ["1", "2", "3", "4", "5 to 6", "no data", "hotspot"]
    # The wrapped legend, then the swatches, one under another, each label beside its swatch.
    lines = [float(t.get("y", "")) for t in wrapped]
    assert lines[0] < lines[1] < float(swatches[0].get("y", ""))
    bottom = 0.0
    for rect, label in zip(swatches, labels, strict=True):
        x, y, height = (float(rect.get(k, "")) for k in ("x", "y", "height"))
        assert x > map_right
        assert float(wrapped[0].get("x", "")) == x
        assert y >= bottom
        assert y < float(label.get("y", "")) <= y + height
        assert float(label.get("x", "")) > x + float(rect.get("width", ""))
        bottom = y + height
    # The picture holds the map and the legend's rows, the lower, and a margin below.
    pitch = float(swatches[1].get("y", "")) - float(swatches[0].get("y", ""))
    rows_end = float(swatches[-1].get("y", "")) + pitch
    assert bottom <= rows_end
    assert float(root.get("height", "")) == max(rows_end, map_bottom) + pictures._MARGIN


def test_each_crime_goes_out_with_its_own_context() -> None:
    table = CrimeTable.from_crimes(
        [crime(0, context="first"), crime(1, context="second")], publication=AUGUST
    )
    assert [c["context"] for c in crimes_to_policeuk(table)] == ["first", "second"]


def test_a_map_of_rates_holds_each_placed_area_s_rate() -> None:
    places = {"Place": box(0, 51, 1, 52), "Other": box(5, 51, 6, 52)}
    table = CrimeTable.from_crimes(
        [*(crime(n) for n in range(3)), crime(3, point=None)], publication=AUGUST
    )
    counts = incidence_in_places(table, places)
    rates = incidence_map(counts, places, populations={"Place": 1000, "Other": 2000})
    # Three crimes among 1,000 residents in one month; none in Other; the unplaced one is not drawn.
    assert dict(rates.values) == {"Place": 3, "Other": 0}


def test_well_formed_months_are_read_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    # Months as YYYY-MM never go the checked way, one by one.
    def refuse(text: str) -> int:
        raise AssertionError(f"{text} was read one by one")

    monkeypatch.setattr(records, "_ordinal", refuse)
    row = ["", "2022-01", "K", "K", "0.5", "51.3", "On or near Lane", "", "", "Anti-social behaviour", "", ""]  # fmt: skip
    read = crimes_from_csv(
        [list(CSV_HEADER), row, [row[0], "1999-12", *row[2:]]], publication=AUGUST
    )
    assert read.months == (Month(1999, 12), Month(2022, 1))


def test_an_incidence_shows_its_levels_and_areas_not_its_columns() -> None:
    counts = incidence_in_places(
        CrimeTable.from_crimes([crime(0)], publication=AUGUST), {"Place": box(0, 51, 1, 52)}
    )
    # The columns may hold millions of cells: the repr leaves them out.
    assert repr(counts) == (
        "Incidence(level='place', publication=Month(year=2022, month=8), "
        "areas=('Place', '<no location>', '<outside>'))"
    )


def test_a_null_context_is_no_context() -> None:
    read = crimes_from_policeuk([{**CRIME_ITEM, "context": None}], publication=AUGUST)
    assert read.column("Context") == ("",)


def test_alpha_lies_strictly_between_nought_and_one() -> None:
    counts = incidence_in_places(
        CrimeTable.from_crimes([crime(0)], publication=AUGUST), {"P": box(0, 51, 1, 52)}
    )
    for alpha in (0.0, 1.0):
        with pytest.raises(InvalidCrime, match="^alpha must be between 0 and 1"):
            hotspots(counts, alpha=alpha)


def test_a_crime_on_a_place_s_edge_is_in_it() -> None:
    edges = [(0.0, 51.5), (1.0, 51.5), (0.5, 51.0), (0.5, 52.0), (1.5, 51.5)]
    table = CrimeTable.from_crimes(
        [crime(n, point=p) for n, p in enumerate(edges)], publication=AUGUST
    )
    assert places_mask(table, {"P": box(0, 51, 1, 52)}).tolist() == [True, True, True, True, False]


def test_a_crime_may_lie_on_a_pole_or_the_antimeridian() -> None:
    for corner in ((-180.0, -90.0), (180.0, 90.0)):
        assert crime(point=corner).point == corner
    for beyond in ((-180.5, 0.0), (180.5, 0.0), (0.0, -90.5), (0.0, 90.5)):
        with pytest.raises(InvalidCrime, match="^point must be"):
            crime(point=beyond)


def test_a_table_shows_its_publication_not_its_columns() -> None:
    # The columns may hold millions of crimes: the repr leaves them out.
    table = CrimeTable.from_crimes([crime(0)], publication=AUGUST)
    assert repr(table) == "CrimeTable(publication=Month(year=2022, month=8))"


def test_a_header_of_the_right_length_with_a_wrong_name_is_refused() -> None:
    header = [*CSV_HEADER[:-1], "Notes"]
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([header], publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == [
        "header"
    ]


def test_a_header_alone_is_an_empty_table() -> None:
    table = crimes_from_csv([list(CSV_HEADER)], publication=AUGUST)
    assert (len(table), table.longitude.shape, table.latitude.shape) == (0, (0,), (0,))


def test_an_unclassed_outcome_list_is_cut_after_three() -> None:
    classes = dict(OutcomePolicy.home_office().classes)
    three = sorted(classes, key=lambda o: o.value)[:3]
    with pytest.raises(InvalidPolicy) as caught:
        OutcomePolicy(
            name="x", source="y", classes={o: r for o, r in classes.items() if o not in three}
        )
    assert str(caught.value).endswith(f"got 3 unclassed: {', '.join(o.value for o in three)}")


def test_pictures_saying_the_same_are_equal_whatever_they_are_drawn_on() -> None:
    values = {"A": 1, "B": 2}
    near = Choropleth(
        title="t",
        legend="l",
        values=values,
        geometries={"A": box(0, 51, 1, 52), "B": box(1, 51, 2, 52)},
    )
    far = Choropleth(
        title="t",
        legend="l",
        values=values,
        geometries={"A": box(5, 51, 6, 52), "B": box(6, 51, 7, 52)},
    )
    assert near == far
    assert hash(near) == hash(far)
    assert near != Choropleth(
        title="t", legend="l", values={"A": 1, "B": 3}, geometries=dict(near.geometries)
    )


def test_a_value_at_a_class_s_lowest_takes_its_colour() -> None:
    strips = {name: box(i * 400, 0, i * 400 + 400, 1200) for i, name in enumerate("ABCDE")}
    picture = Choropleth(title="t", legend="l", values={k: i + 1 for i, k in enumerate("ABCDE")}, geometries=strips,
                         coordinates=CoordinateSystem.METRES)  # fmt: skip
    for low, _, colour in picture.classes():
        assert picture.colour(low) == colour
    assert picture.colour(Fraction(1, 2)) == "#d9d9d9"
