"""pact_core.crime on hand-made rows for every rule and boundary, and on eight real months of Kent's street-level file."""

from __future__ import annotations

import copy
import csv
import gzip
import io
import itertools
import math
import pickle
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from shapely import box

from pact_core.crime import (
    ASB,
    CRIME,
    CSV_HEADER,
    Category,
    Choropleth,
    Correction,
    Crime,
    CrimeTable,
    Month,
    Outcome,
    OutcomePolicy,
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
    outcomes_to_policeuk,
    places_mask,
    solved_by_area,
    solved_map,
    solved_share,
)
from pact_core.crime._exact import binomial_upper_tail, fisher_interval, fisher_tails
from pact_core.errors import ExceptionGroup, InvalidCrime, InvalidPoliceData, InvalidPolicy
from pact_core.geography import Ward, WardLocator

STREET = Path(__file__).parents[1] / "examples" / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "policeuk" / "street"
AUGUST = Month(2022, 8)


def real_rows() -> list[list[str]]:
    with gzip.open(
        STREET / "kent-2022-01-to-08-medway-maidstone.csv.gz", "rt", encoding="utf-8", newline=""
    ) as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    return real_rows()


@pytest.fixture(scope="module")
def table(rows: list[list[str]]) -> CrimeTable:
    return crimes_from_csv(rows, publication=AUGUST)


@pytest.fixture(scope="module")
def wards(medway_wards: tuple[Ward, ...], maidstone_wards: tuple[Ward, ...]) -> tuple[Ward, ...]:
    return medway_wards + maidstone_wards


@pytest.fixture(scope="module")
def locator(wards: tuple[Ward, ...]) -> WardLocator:
    return WardLocator.from_wards(wards)


def row(**fields: str) -> list[str]:
    base = {
        "Crime ID": "7f3e" * 16, "Month": "2022-03", "Reported by": "Kent Police", "Falls within": "Kent Police",
        "Longitude": "0.522000", "Latitude": "51.273000", "Location": "On or near Week Street",
        "LSOA code": "E01024367", "LSOA name": "Maidstone 009B", "Crime type": "Shoplifting",
        "Last outcome category": "Unable to prosecute suspect", "Context": "",
    }  # fmt: skip
    base.update({key.replace("_", " "): value for key, value in fields.items()})
    return [base[name] for name in CSV_HEADER]


def read(*data: list[str]) -> CrimeTable:
    return crimes_from_csv([list(CSV_HEADER), *data], publication=AUGUST)


def problems(*data: list[str]) -> list[str]:
    with pytest.raises(ExceptionGroup) as caught:
        read(*data)
    found = caught.value.exceptions
    assert all(isinstance(p, InvalidPoliceData) for p in found)
    return [str(p) for p in found]


# -- categories, outcomes and months


def test_every_category_reads_from_its_slug_and_its_name() -> None:
    assert len(Category) == 14
    for category in Category:
        assert Category.parse(category.value) is category
        assert Category.parse(category.label) is category
    assert Category.parse("Violence and sexual offences") is Category.VIOLENT_CRIME
    assert [c for c in Category if not c.is_crime] == [Category.ANTI_SOCIAL_BEHAVIOUR]
    with pytest.raises(InvalidPoliceData, match="category must be one of police.uk's 14"):
        Category.parse("violence-and-sexual-offences ")


def test_every_outcome_reads_from_its_code_and_its_name() -> None:
    assert len(Outcome) == 28
    for outcome in Outcome:
        assert Outcome.parse(outcome.value) is outcome
        assert Outcome.parse(outcome.label) is outcome
    assert Outcome.parse("Offender given a penalty notice") is Outcome.PENALTY_NOTICE_ISSUED
    with pytest.raises(InvalidPoliceData, match="outcome must be an outcome category"):
        Outcome.parse("")


@pytest.mark.parametrize(
    "text",
    ["2022-1", "2022-00", "2022-13", "22-01", "2022/01", "2022-01-01", "0000-01", " 2022-01"],
)
def test_a_month_that_is_not_a_month_is_an_error(text: str) -> None:
    with pytest.raises(InvalidPoliceData, match="month must be a month as YYYY-MM"):
        Month.parse(text)


def test_months_order_add_and_subtract() -> None:
    assert Month.parse("2022-12") + 1 == Month(2023, 1)
    assert Month(2023, 1) + -1 == Month(2022, 12)
    assert Month(2023, 3) - Month(2022, 12) == 3
    assert sorted([Month(2023, 1), Month(2022, 12)]) == [Month(2022, 12), Month(2023, 1)]
    assert str(Month(2022, 3)) == "2022-03"
    assert Month(2022, 3).first_day().isoformat() == "2022-03-01"
    with pytest.raises(InvalidPoliceData, match="month must be from 1 to 12, got 13"):
        Month(2022, 13)
    with pytest.raises(InvalidPoliceData, match="year must be from 1 to 9999"):
        Month(9999, 12) + 1
    with pytest.raises(TypeError):
        Month(2022, True)  # noqa: FBT003 - a bool is not a month


# -- one crime


def test_anti_social_behaviour_has_no_id_and_no_outcome() -> None:
    with pytest.raises(InvalidCrime, match="outcome must be None for anti-social behaviour"):
        Crime(id=None, month=AUGUST, category=Category.ANTI_SOCIAL_BEHAVIOUR, point=None, location="No Location",
              outcome=Outcome.CHARGED)  # fmt: skip
    with pytest.raises(InvalidCrime, match=r"point must be \(longitude, latitude\) within"):
        Crime(id="a", month=AUGUST, category=Category.DRUGS, point=(181.0, 51.0), location="x")
    with pytest.raises(InvalidCrime, match="point must be"):
        Crime(id="a", month=AUGUST, category=Category.DRUGS, point=(math.nan, 51.0), location="x")
    with pytest.raises(TypeError, match="point must be a"):
        Crime(id="a", month=AUGUST, category=Category.DRUGS, point=("0.5", "51"), location="x")
    with pytest.raises(InvalidCrime, match="id must be None or not blank"):
        Crime(id=" ", month=AUGUST, category=Category.DRUGS, point=None, location="x")


# -- the street-level reader, hand-made rows


def test_every_bad_row_and_field_is_reported_at_once_in_row_order() -> None:
    found = problems(
        row(Month="2022-13"),
        row(Crime_type="Mugging"),
        row(Last_outcome_category="Sorted"),
        row(Longitude="0.5x"),
        row(Latitude="91.0"),
        row(Longitude=""),
        row(Falls_within="Essex Police"),
        row(Crime_ID="abc", Crime_type="Anti-social behaviour", Last_outcome_category=""),
        row(
            Crime_ID="",
            Crime_type="Anti-social behaviour",
            Last_outcome_category="Local resolution",
        ),
        row(Longitude="nan", Latitude="inf"),
        row(),
        row(),
    )
    assert found == [
        "[0][\"Month\"] must be a month as YYYY-MM, got '2022-13'",
        "[1][\"Crime type\"] must be one of police.uk's 14 categories, got 'Mugging'",
        "[2][\"Last outcome category\"] must be an outcome category police.uk publishes, got 'Sorted'",
        "[3][\"Longitude\"] must be a number (or empty), got '0.5x'",
        "[4][\"Latitude\"] must be a finite number from -90 to 90, got '91.0'",
        "[5] must give both Longitude and Latitude or neither, got ('', '51.273000')",
        "[6][\"Falls within\"] must be the force of the other rows ('Kent Police'), got 'Essex Police'",
        "[7][\"Crime ID\"] must be empty for anti-social behaviour (it has no id), got 'abc'",
        "[8][\"Last outcome category\"] must be empty for anti-social behaviour (it has no outcome), got 'Local resolution'",
        "[9][\"Longitude\"] must be a finite number from -180 to 180, got 'nan'",
        "[9][\"Latitude\"] must be a finite number from -90 to 90, got 'inf'",
    ]


def test_the_force_of_most_rows_is_the_force_and_a_tie_goes_to_the_first_row() -> None:
    assert problems(row(Reported_by="A"), row(Reported_by="B")) == [
        "[1][\"Reported by\"] must be the force of the other rows ('A'), got 'B'"
    ]


def test_the_header_and_the_width_of_every_row_are_checked() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv([["Crime ID", "Month"], ["x", "2022-01"]], publication=AUGUST)
    assert "header must hold police.uk's street-level columns" in str(caught.value.exceptions[0])
    found = problems(row(), row()[:-1], [*row(), "extra"])
    assert [text[:40] for text in found] == ["[1] must have 12 fields, as the header, "] * 1 + [
        "[2] must have 12 fields, as the header, "
    ]


def test_columns_in_another_order_and_dict_reader_rows_read_the_same() -> None:
    data = [
        row(),
        row(
            Crime_type="Anti-social behaviour",
            Crime_ID="",
            Last_outcome_category="",
            Longitude="",
            Latitude="",
        ),
    ]
    expected = read(*data)
    order = list(reversed(CSV_HEADER))
    shuffled = [order, *[[r[CSV_HEADER.index(name)] for name in order] for r in data]]
    assert crimes_from_csv(shuffled, publication=AUGUST) == expected
    text = io.StringIO()
    csv.writer(text).writerows([list(CSV_HEADER), *data])
    assert (
        crimes_from_csv(csv.DictReader(io.StringIO(text.getvalue())), publication=AUGUST)
        == expected
    )
    lines = text.getvalue().split("\r\n")
    lines[1] = lines[1].rsplit(",", 2)[0]  # a row two fields short
    lines[2] += ",extra"  # a row a field long
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_csv(csv.DictReader(io.StringIO("\r\n".join(lines))), publication=AUGUST)
    assert [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)] == [
        "[0]",
        "[1]",
    ]


def test_a_field_that_is_not_text_is_a_type_error() -> None:
    bad: list[Any] = row()
    bad[CSV_HEADER.index("Location")] = None
    with pytest.raises(TypeError, match=r'rows\[0\]\["Location"\] must be a str, got None'):
        read(bad)
    bad = list[Any](row())
    bad[CSV_HEADER.index("Longitude")] = 0.5
    with pytest.raises(TypeError, match=r'rows\[0\]\["Longitude"\] must be a str, got 0.5'):
        read(bad)
    with pytest.raises(TypeError, match="rows must be mappings or sequences of str"):
        crimes_from_csv(["Crime ID,Month"], publication=AUGUST)
    with pytest.raises(TypeError, match="publication must be a Month"):
        crimes_from_csv([], publication="2022-08")  # type: ignore[arg-type]


def test_empty_input_and_a_header_alone_give_an_empty_table() -> None:
    assert len(crimes_from_csv([], publication=AUGUST)) == 0
    assert len(read()) == 0
    assert read().to_csv() == [list(CSV_HEADER)]


def test_no_location_rows_have_no_point() -> None:
    table = read(row(Longitude="", Latitude="", Location="No Location", LSOA_code="", LSOA_name=""))
    crime = table.crime(0)
    assert crime.point is None
    assert crime.lsoa_code is None
    assert crime.location == "No Location"
    assert table.located.tolist() == [False]


def test_a_coordinate_written_otherwise_reads_as_float_does_and_goes_out_as_it_came() -> None:
    data = [row(Longitude="0.5", Latitude="+51.25"), row(Longitude="-1E-3", Latitude=" 51.3")]
    table = read(*data)
    assert table.longitude.tolist() == [0.5, -0.001]
    assert table.latitude.tolist() == [51.25, 51.3]
    assert table.to_csv()[1:] == data


def test_tables_add_and_take() -> None:
    first, second = read(row(Month="2022-01")), read(row(Month="2022-02"), row(Month="2022-03"))
    both = first + second
    assert [str(c.month) for c in both] == ["2022-01", "2022-02", "2022-03"]
    assert both.take([2, 0]).to_csv(header=False) == [row(Month="2022-03"), row(Month="2022-01")]
    assert both.months == (Month(2022, 1), Month(2022, 2), Month(2022, 3))
    assert both.column("Month") == ("2022-01", "2022-02", "2022-03")
    other = crimes_from_csv(
        [list(CSV_HEADER), row(Falls_within="Essex Police", Reported_by="Essex Police")],
        publication=AUGUST,
    )
    with pytest.raises(InvalidCrime, match="tables must share a publication and force to add"):
        first + other
    assert len(read() + first) == 1
    with pytest.raises(InvalidCrime, match="name must be one of"):
        first.column("Nope")


def test_tables_pickle_and_copy_to_equal_tables() -> None:
    table = read(row(), row(Crime_type="Drugs"))
    assert pickle.loads(pickle.dumps(table)) == table  # noqa: S301 - our own bytes
    assert copy.deepcopy(table) == table
    assert hash(copy.deepcopy(table)) == hash(table)


# -- the real files


def test_eight_real_months_read_every_row_and_go_out_exactly(
    rows: list[list[str]], table: CrimeTable
) -> None:
    assert len(table) == len(rows) - 1 == 37_692
    assert table.to_csv() == rows
    assert table.force == table.reported_by == "Kent Police"
    assert table.months == tuple(Month(2022, m) for m in range(1, 9))
    # Every coordinate is the float Python reads from its text.
    lon = [float(r[4]) if r[4] else math.nan for r in rows[1:]]
    assert np.array_equal(table.longitude, np.array(lon), equal_nan=True)
    # Every value agrees with a row-by-row reading.
    for i in range(0, len(table), 997):
        crime = table.crime(i)
        source = rows[i + 1]
        assert crime.category is Category.parse(source[9])
        assert (crime.outcome.label if crime.outcome else "") == source[10]
        assert str(crime.month) == source[1]
        assert (crime.id or "") == source[0]


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the whole of Kent's eight months is in ../shared only"
)
def test_the_whole_of_kent_reads_and_goes_out_exactly() -> None:
    every: list[list[str]] = []
    for path in sorted(SHARED.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            found = list(csv.reader(f))
        every += found if not every else found[1:]
    table = crimes_from_csv(every, publication=AUGUST)
    assert len(table) == 137_424
    assert table.to_csv() == every


def test_counts_by_ward_equal_an_independent_point_in_polygon_count(
    table: CrimeTable, wards: tuple[Ward, ...], locator: WardLocator
) -> None:
    counts = incidence(table, locator)
    by_area = counts.by_area()
    # Every row is accounted for: located in a ward, no location, or outside.
    assert sum(by_area.values()) == counts.total() == len(table)
    assert by_area["<no location>"] == int((~table.located).sum()) == 1467
    x, y = table.longitude, table.latitude
    ok = table.located
    claimed = np.zeros(len(table), dtype=bool)
    for ward in sorted(wards, key=lambda w: w.code):
        inside = np.zeros(len(table), dtype=bool)
        inside[ok] = shapely.intersects_xy(ward.geometry, x[ok], y[ok])
        mine = inside & ~claimed  # a boundary point is the lowest code's
        claimed |= inside
        assert by_area[ward.code.value] == int(mine.sum()), ward.name
    assert by_area["<outside>"] == int((ok & ~claimed).sum())
    crime_total = counts.total(categories=CRIME)
    assert crime_total + counts.total(categories=ASB) == len(table)


def test_incidence_adds_like_accounts(table: CrimeTable, locator: WardLocator) -> None:
    whole = incidence(table, locator)
    parts = [
        incidence(table.take(table.month == Month(2022, m).ordinal), locator) for m in range(1, 9)
    ]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    assert total == whole
    assert whole.rows()[0][1] == "2022-01"


def test_incidence_in_places_counts_a_point_in_each_place_it_lies_in() -> None:
    table = read(
        row(Longitude="0.522000"), row(Longitude="0.700000"), row(Longitude="", Latitude="")
    )
    places = {"Town": box(0.5, 51.2, 0.6, 51.3), "Ward": box(0.4, 51.2, 0.6, 51.3)}
    counts = incidence_in_places(table, places)
    assert counts.by_area() == {"Town": 1, "Ward": 1, "<no location>": 1, "<outside>": 1}
    assert places_mask(table, places).tolist() == [True, False, False]
    with pytest.raises(InvalidCrime, match="places must be named"):
        incidence_in_places(table, {"<outside>": box(0, 0, 1, 1)})
    with pytest.raises(InvalidCrime, match=r"places\['Line'\] must be a valid, non-empty Polygon"):
        incidence_in_places(table, {"Line": shapely.LineString([(0, 0), (1, 1)])})


def test_rates_per_thousand_residents_are_exact() -> None:
    table = read(row(), row(), row(Longitude="0.700000"))
    counts = incidence_in_places(table, {"Town": box(0.5, 51.2, 0.6, 51.3)})
    assert counts.rates({"Town": 3000}) == {"Town": Fraction(2, 3)}
    assert counts.rates({"Town": 3000}, per=100_000) == {"Town": Fraction(200, 3)}
    with pytest.raises(InvalidCrime, match="populations must be positive ints"):
        counts.rates({"Town": 0})


def test_incidence_by_neighbourhood(medway_map: Any, table: CrimeTable) -> None:
    counts = incidence(table, WardLocator.from_map(medway_map), by="neighbourhood")
    assert set(counts.areas) == {n.id for n in medway_map.neighbourhoods} | {
        "<no location>",
        "<outside>",
    }
    assert counts.total() == len(table)
    with pytest.raises(
        InvalidCrime, match="by must be 'ward' for a locator built from wards alone"
    ):
        incidence(table, WardLocator.from_wards(medway_map.wards), by="neighbourhood")


# -- the API shapes


ASB_ITEM: dict[str, Any] = {
    "category": "anti-social-behaviour", "location_type": "Force", "context": "", "outcome_status": None,
    "location": {"latitude": "52.640961", "street": {"id": 884343, "name": "On or near Wharf Street North"}, "longitude": "-1.126371"},
    "persistent_id": "", "id": 54164419, "location_subtype": "", "month": "2017-01",
}  # fmt: skip
CRIME_ITEM: dict[str, Any] = {
    "category": "burglary", "location_type": "Force", "context": "",
    "outcome_status": {"category": "Under investigation", "date": "2017-01"},
    "location": {"latitude": "52.6334", "street": {"id": 882380, "name": "On or near Petrol Station"}, "longitude": "-1.14"},
    "persistent_id": "4d83433f3117b3a4d2c80510c69ea188a145bd7e94f3e98924109e70333ff735", "id": 54726925,
    "location_subtype": "", "month": "2017-01",
}  # fmt: skip
NO_LOCATION_ITEM: dict[str, Any] = {
    "category": "criminal-damage-arson", "location_type": None, "location": None, "context": "",
    "outcome_status": {"category": "Offender given a penalty notice", "date": "2017-02"},
    "persistent_id": "a9d2", "id": 53566126, "location_subtype": "", "month": "2017-01",
}  # fmt: skip


def test_api_crimes_read_and_go_out_exactly() -> None:
    answer = [ASB_ITEM, CRIME_ITEM, NO_LOCATION_ITEM]
    table = crimes_from_policeuk(answer, publication=Month(2017, 3))
    assert crimes_to_policeuk(table) == answer
    burglary = table.crime(1)
    assert (burglary.outcome, burglary.outcome_month, burglary.street_id) == (
        Outcome.UNDER_INVESTIGATION,
        Month(2017, 1),
        882380,
    )
    assert table.crime(2).point is None
    assert table.crime(2).outcome is Outcome.PENALTY_NOTICE_ISSUED
    assert solved_share(table).solved == 1


def test_api_problems_are_all_reported_with_their_paths() -> None:
    bad = [
        {**ASB_ITEM, "category": "all-crime"},
        {
            **CRIME_ITEM,
            "month": "Jan 2017",
            "location": {**CRIME_ITEM["location"], "latitude": "north"},
        },
        {**NO_LOCATION_ITEM, "outcome_status": {"category": "Sorted", "date": "2017-02"}},
        {**ASB_ITEM, "persistent_id": "x"},
        "not an object",
        {key: value for key, value in CRIME_ITEM.items() if key != "month"},
    ]
    with pytest.raises(ExceptionGroup) as caught:
        crimes_from_policeuk(bad, publication=Month(2017, 3))
    paths = [p.path for p in caught.value.exceptions if isinstance(p, InvalidPoliceData)]
    assert paths == [
        '[0]["category"]',
        '[1]["month"]',
        '[1]["location"]["latitude"]',
        '[2]["outcome_status"]["category"]',
        "[3]",
        "[4]",
        '[5]["month"]',
    ]
    with pytest.raises(ExceptionGroup, match="1 problem"):
        crimes_from_policeuk({"crimes": []}, publication=Month(2017, 3))


def test_api_outcomes_read_and_go_out() -> None:
    answer: list[dict[str, Any]] = [{"category": {"code": "imprisoned", "name": "Offender sent to prison"}, "date": "2017-01", "person_id": None,
               "crime": {key: value for key, value in CRIME_ITEM.items() if key != "outcome_status"}}]  # fmt: skip
    answer[0]["crime"]["location"] = {
        **CRIME_ITEM["location"],
        "latitude": "52.633400",
        "longitude": "-1.140000",
    }
    found = outcomes_from_policeuk(answer, publication=Month(2017, 3))
    assert found[0].outcome is Outcome.IMPRISONED
    assert found[0].crime.category is Category.BURGLARY
    assert outcomes_to_policeuk(found) == answer
    wrong = [{**answer[0], "category": {"code": "imprisoned", "name": "Offender fined"}}]
    with pytest.raises(ExceptionGroup) as caught:
        outcomes_from_policeuk(wrong, publication=Month(2017, 3))
    assert "must be the name of 'imprisoned'" in str(caught.value.exceptions[0])


# -- outcome policies and solved shares


def test_both_presets_class_every_outcome_as_documented() -> None:
    default, strict = OutcomePolicy.home_office(), OutcomePolicy.charged_only()
    for outcome in Outcome:
        default.resolution(outcome)
        strict.resolution(outcome)
    for outcome in (
        Outcome.COURT_RESULT_UNAVAILABLE,
        Outcome.AWAITING_COURT_RESULT,
        Outcome.NOT_GUILTY,
        Outcome.CHARGED,
    ):
        assert default.resolution(outcome) is strict.resolution(outcome) is Resolution.SOLVED
    for outcome in (
        Outcome.CAUTIONED,
        Outcome.LOCAL_RESOLUTION,
        Outcome.PENALTY_NOTICE_ISSUED,
        Outcome.DRUGS_POSSESSION_WARNING,
    ):
        assert (default.resolution(outcome), strict.resolution(outcome)) == (
            Resolution.SOLVED,
            Resolution.NOT_SOLVED,
        )
    assert default.resolution(Outcome.STATUS_UPDATE_UNAVAILABLE) is Resolution.UNKNOWN
    assert default.resolution(Outcome.UNDER_INVESTIGATION) is Resolution.PENDING
    assert default.resolution(Outcome.ACTION_TAKEN_BY_ANOTHER_ORGANISATION) is Resolution.NOT_SOLVED
    assert "Home Office" in default.source
    assert "type 1 alone" in strict.source
    with pytest.raises(InvalidPolicy, match="got 28 unclassed"):
        OutcomePolicy(name="none", source="", classes={})


def test_the_solved_share_of_the_real_months_equals_a_row_by_row_count(
    rows: list[list[str]], table: CrimeTable
) -> None:
    policy = OutcomePolicy.home_office()
    expected = dict.fromkeys(Resolution, 0)
    without = 0
    for source in rows[1:]:
        if source[9] == "Anti-social behaviour":
            continue
        if not source[10]:
            without += 1
        else:
            expected[policy.resolution(Outcome.parse(source[10]))] += 1
    share = solved_share(table)
    assert (share.solved, share.not_solved, share.pending, share.unknown, share.without) == (
        expected[Resolution.SOLVED], expected[Resolution.NOT_SOLVED], expected[Resolution.PENDING],
        expected[Resolution.UNKNOWN], without,
    )  # fmt: skip
    assert share.publication == AUGUST
    assert share.share == Fraction(share.solved, share.solved + share.not_solved)


def test_solved_shares_add_up_from_their_areas(table: CrimeTable, locator: WardLocator) -> None:
    shares = solved_by_area(table, locator)
    total = next(iter(shares.values()))
    for share in list(shares.values())[1:]:
        total = total + share
    inside = solved_share(table, rows=incidence_located_mask(table, locator))
    assert total == inside


def incidence_located_mask(table: CrimeTable, locator: WardLocator) -> np.ndarray[Any, Any]:
    mask = np.zeros(len(table), dtype=bool)
    ok = table.located
    mask[ok] = locator.locate_many_xy(table.longitude[ok], table.latitude[ok]).ward_index >= 0
    return mask


def test_town_centre_crimes_solved(table: CrimeTable) -> None:
    chatham = {"Chatham town centre": box(0.515, 51.378, 0.535, 51.386)}
    share = solved_share(table, rows=places_mask(table, chatham))
    assert share.crimes == incidence_in_places(table, chatham).total(
        areas=["Chatham town centre"], categories=CRIME
    )
    assert 0 < share.solved < share.decided


def test_a_share_with_nothing_decided_is_none_never_zero() -> None:
    share = SolvedShare(
        solved=0, not_solved=0, pending=2, unknown=0, without=0, publication=AUGUST, policy="p"
    )
    assert share.share is None
    assert share.pending_share == 1
    with pytest.raises(InvalidCrime, match="shares must share a publication and policy"):
        share + SolvedShare(
            solved=0, not_solved=0, pending=0, unknown=0, without=0, publication=AUGUST, policy="q"
        )
    with pytest.raises(InvalidCrime, match="solved must be a count"):
        SolvedShare(
            solved=-1, not_solved=0, pending=0, unknown=0, without=0, publication=AUGUST, policy="p"
        )
    with pytest.raises(InvalidCrime, match="rows must be a mask"):
        solved_share(read(row()), rows=np.array([True, False]))


# -- exact statistics


def test_exact_tails_agree_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    for k, n, p in [
        (0, 5, 0.3),
        (3, 3, 0.5),
        (50, 100, 0.3),
        (5, 1000, 0.001),
        (400, 137_000, 0.002),
        (200, 137_000, 0.002),
    ]:
        assert binomial_upper_tail(k, n, p) == pytest.approx(
            stats.binom.sf(k - 1, n, p), rel=1e-9, abs=1e-300
        )
    for table in [
        (3, 1, 1, 3),
        (10, 5, 5, 10),
        (40, 52, 9000, 8800),
        (0, 7, 300, 280),
        (7, 0, 300, 280),
        (120, 80, 60_000, 61_000),
    ]:
        a, b, c, d = table
        lower, upper = fisher_tails(table)
        assert lower == pytest.approx(
            stats.fisher_exact([[a, b], [c, d]], alternative="less")[1], rel=1e-9
        )
        assert upper == pytest.approx(
            stats.fisher_exact([[a, b], [c, d]], alternative="greater")[1], rel=1e-9
        )
        ci = stats.contingency.odds_ratio([[a, b], [c, d]], kind="conditional").confidence_interval(
            0.95
        )
        low, high = fisher_interval(table, 0.95)
        assert low == pytest.approx(ci.low, rel=1e-6, abs=1e-12)
        assert high == pytest.approx(ci.high, rel=1e-6) or (
            math.isinf(high) and math.isinf(ci.high)
        )


def test_corrections_by_hand() -> None:
    p = [0.01, 0.04, 0.03, 0.5]
    assert Correction.BONFERRONI.adjust(p) == [0.04, 0.16, 0.12, 1.0]
    assert Correction.HOLM.adjust(p) == pytest.approx([0.04, 0.09, 0.09, 0.5])
    assert Correction.BENJAMINI_HOCHBERG.adjust(p) == pytest.approx(
        [0.04, 0.0533333, 0.0533333, 0.5]
    )
    assert Correction.NONE.adjust(p) == p


def test_real_hotspots_are_the_wards_far_above_the_rate(
    table: CrimeTable, locator: WardLocator, wards: tuple[Ward, ...]
) -> None:
    counts = incidence(table, locator)
    found = hotspots(counts)
    names = {w.code.value: w.name for w in wards}
    placed = counts.by_area(categories=CRIME)
    assert len(found.areas) == len(wards)
    assert (
        found.total
        == counts.total(categories=CRIME) - placed["<no location>"] - placed["<outside>"]
    )
    top = found.areas[0]
    assert names[top.area] == "Chatham Central & Brompton"
    assert top.significant
    assert [h.rank for h in found.areas] == list(range(1, len(wards) + 1))
    assert all(h.count >= later.count for h, later in itertools.pairwise(found.areas))
    assert all(h.significant == (h.adjusted <= 0.05 and h.count > h.expected) for h in found.areas)
    curve = found.concentration
    assert curve[-1] == (Fraction(1), Fraction(1))
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(curve))
    assert found.share_in_top(0.2) > Fraction(
        2, 5
    )  # a fifth of the wards hold more than two-fifths of crime
    fdr = hotspots(counts, correction=Correction.BENJAMINI_HOCHBERG)
    assert len(fdr.hotspots) >= len(found.hotspots)


def test_hotspots_with_populations_expect_each_area_its_share_of_residents() -> None:
    table = read(*[row(Longitude="0.505000")] * 30, *[row(Longitude="0.555000")] * 30)
    places = {"Small": box(0.5, 51.2, 0.51, 51.3), "Large": box(0.55, 51.2, 0.56, 51.3)}
    counts = incidence_in_places(table, places)
    found = hotspots(counts, populations={"Small": 1000, "Large": 9000})
    assert [(h.area, h.expected, h.significant) for h in found.areas] == [
        ("Large", Fraction(54), False),
        ("Small", Fraction(6), True),
    ]
    assert found.exposure == "residents"
    with pytest.raises(InvalidCrime, match="populations must give positive ints"):
        hotspots(counts, populations={"Nowhere": 5})
    with pytest.raises(InvalidCrime, match="alpha must be between 0 and 1"):
        hotspots(counts, alpha=1.0)


def test_before_after_on_the_real_months(table: CrimeTable, locator: WardLocator) -> None:
    counts = incidence(table, locator)
    chatham = "E05014450"
    comparison = before_after(counts, areas=[chatham], categories=ASB, before=[Month(2022, m) for m in (1, 2, 3)],
                              after=[Month(2022, m) for m in (5, 6, 7)])  # fmt: skip
    assert comparison.area_before == counts.total(
        areas=[chatham], categories=ASB, months=comparison.before
    )
    rest = [a for a in counts.areas if a != chatham and not a.startswith("<")]
    assert comparison.rest_after == counts.total(
        areas=rest, categories=ASB, months=comparison.after
    )
    low, high = comparison.interval
    assert comparison.ratio is not None
    assert low <= comparison.ratio <= high
    assert 0 <= comparison.p_value <= 1
    with pytest.raises(InvalidCrime, match="be months the data covers, got \\['2022-09'\\]"):
        before_after(
            counts, areas=[chatham], categories=ASB, before=[Month(2022, 8)], after=[Month(2022, 9)]
        )
    with pytest.raises(InvalidCrime, match="after must begin after the last month before"):
        before_after(
            counts, areas=[chatham], categories=ASB, before=[Month(2022, 3)], after=[Month(2022, 3)]
        )
    with pytest.raises(InvalidCrime, match="areas must name at least one mapped area"):
        before_after(
            counts,
            areas=["<outside>"],
            categories=ASB,
            before=[Month(2022, 1)],
            after=[Month(2022, 3)],
        )


# -- pictures


def test_maps_draw_legends_escape_text_and_outline_hotspots(
    table: CrimeTable, locator: WardLocator, wards: tuple[Ward, ...]
) -> None:
    geometries = {w.code.value: w.geometry for w in wards}
    counts = incidence(table, locator)
    picture = incidence_map(counts, geometries)
    svg = picture._repr_svg_()
    assert svg.startswith("<svg")
    assert svg.count("<rect") == 1 + len(picture.classes())
    assert "Crime (police.uk, published 2022-08)" in svg
    assert len(picture.classes()) == 5
    hot = hotspot_map(hotspots(counts), geometries)._repr_svg_()
    assert "hotspot" in hot
    assert 'stroke="#000000"' in hot
    shares = solved_map(solved_by_area(table, locator), geometries)
    assert shares.percent
    assert " %" in shares._repr_svg_()
    odd = Choropleth(
        title="<b>&", legend="x", values={"A": None}, geometries={"A": box(0, 0, 1, 1)}
    )
    assert "&lt;b&gt;&amp;" in odd._repr_svg_()
    assert "no data" in odd._repr_svg_()
    assert Choropleth(title="t", legend="l", values={}, geometries={})._repr_svg_().endswith("/>")
    rates = incidence_map(counts, geometries, populations={w.code.value: 8000 for w in wards})
    assert rates.legend == "incidents per 1,000 residents"
