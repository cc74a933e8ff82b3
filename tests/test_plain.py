"""pact_core.plain: the stored forms of awkward values, every problem at its path, documents, rows."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import pytest
import shapely

from pact_core.abstraction import AbstractionPolicy, Accounts, DutyRecord, account
from pact_core.calendars import WorkingCalendar
from pact_core.crime import (
    Category,
    Crime,
    CrimeTable,
    Month,
    OutcomePolicy,
    crimes_from_csv,
    incidence_in_places,
)
from pact_core.crime.records import CSV_HEADER
from pact_core.errors import ExceptionGroup, InvalidPlainData
from pact_core.geography import (
    BatchLocation,
    NeighbourhoodMap,
    WardCode,
    WardLocator,
    WardPart,
)
from pact_core.intervals import CalendarUnit, Interval
from pact_core.panels import Panel, PanelMember
from pact_core.plain import (
    FORMAT_VERSION,
    STORED,
    _codecs,
    from_document,
    from_plain,
    json_schema,
    to_dataframe,
    to_document,
    to_plain,
    to_rows,
)
from pact_core.plain._converter import converter, problems
from pact_core.plain._schema import _object, _schema
from pact_core.plain._shapes import (
    CrimeTableShape,
    GoalColumns,
    IncidenceShape,
    StatusTableShape,
    crime_table,
    incidence,
    status_table,
)
from pact_core.priorities import EventKind as PriorityKind
from pact_core.priorities import Issue, Priority, PriorityEvent, Register
from pact_core.response import (
    Channel,
    Event,
    EventKind,
    EventLog,
    GoalState,
    Query,
    Requester,
    ResponsePolicy,
    status_many,
)
from pact_core.selection import RankedBallot, TieBreak, stv
from pact_core.teams import Member, Role, Team

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
DOCUMENTS = Path(__file__).parent / "data" / "plain" / "v1"


def problems_of(kind: type, data: object, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(ExceptionGroup) as caught:
        from_plain(kind, data, **options)
    found = caught.value.exceptions
    assert all(isinstance(p, InvalidPlainData) for p in found)
    return [(p.path, str(p)) for p in found]  # type: ignore[union-attr]  # InvalidPlainData


# ----------------------------------------------------------------------------- instants and zones


def test_an_instant_keeps_its_zone_and_fold_through_a_clock_change() -> None:
    first = dt.datetime(2024, 10, 27, 1, 30, tzinfo=LONDON)
    second = first.replace(fold=1)
    texts = [_codecs.dump_datetime(first), _codecs.dump_datetime(second)]
    assert texts == [
        "2024-10-27T01:30:00+01:00[Europe/London]",
        "2024-10-27T01:30:00+00:00[Europe/London]",
    ]
    token = _codecs.ZONES.set(ZoneInfo)
    try:
        back = [_codecs.load_datetime(text) for text in texts]
    finally:
        _codecs.ZONES.reset(token)
    assert [b.fold for b in back] == [0, 1]
    assert [b.tzinfo for b in back] == [LONDON, LONDON]
    # DST arithmetic is unchanged: a day after 01:30 BST is 01:30 GMT the next day.
    assert (back[0] + dt.timedelta(days=1)).utcoffset() == dt.timedelta(0)


def test_fixed_offsets_and_utc_need_no_zones() -> None:
    for value in (
        dt.datetime(2024, 1, 1, tzinfo=UTC),
        dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
        dt.datetime(2024, 1, 1, 0, 0, 0, 1, tzinfo=dt.timezone(dt.timedelta(seconds=-75))),
    ):
        back = _codecs.load_datetime(_codecs.dump_datetime(value))
        assert (back, back.utcoffset()) == (value, value.utcoffset())
    assert _codecs.load_datetime("2024-01-01T00:00:00+00:00").tzinfo is UTC


def test_zones_come_only_from_the_caller() -> None:
    data = {"start": "2024-01-01T00:00:00+00:00[Europe/London]", "end": "2024-01-02T00:00:00+00:00"}
    [(path, message)] = problems_of(Interval, data)
    assert path == '["start"]'
    assert "pass zones=zoneinfo.ZoneInfo" in message
    assert (
        from_plain(Interval, data, zones={"Europe/London": LONDON}).start.tzinfo is UTC
    )  # Interval keeps UTC
    [(_, unknown)] = problems_of(Interval, data, zones={})
    assert "name a zone in the zones given" in unknown
    [(_, not_a_zone)] = problems_of(Interval, data, zones=lambda name: "London")
    assert "turn into a tzinfo" in not_a_zone


def test_an_offset_the_zone_never_had_is_refused() -> None:
    token = _codecs.ZONES.set(ZoneInfo)
    try:
        with pytest.raises(_codecs._Bad, match="have an offset Europe/London has"):
            _codecs.load_datetime("2024-07-01T12:00:00+00:00[Europe/London]")
        with pytest.raises(_codecs._Bad, match="RFC 9557"):
            _codecs.load_datetime("2024-02-30T12:00:00+00:00")
        with pytest.raises(_codecs._Bad, match="RFC 9557"):
            _codecs.load_datetime("yesterday")
    finally:
        _codecs.ZONES.reset(token)


def test_datetimes_and_zones_that_cannot_be_stored_are_type_errors() -> None:
    with pytest.raises(TypeError, match="timezone-aware"):
        _codecs.dump_datetime(dt.datetime(2024, 1, 1))  # noqa: DTZ001 - the naive datetime is the test
    odd = ZoneInfo.no_cache("Europe/London")
    assert _codecs.dump_datetime(dt.datetime(2024, 1, 1, tzinfo=odd)).endswith("[Europe/London]")
    with open(Path(__file__).parent / "data" / "plain" / "Europe_London.tzif", "rb") as file:  # noqa: PTH123
        keyless = ZoneInfo.from_file(file)
    with pytest.raises(TypeError, match="zoneinfo.ZoneInfo with a key"):
        _codecs.dump_datetime(dt.datetime(2024, 1, 1, tzinfo=keyless))
    with pytest.raises(TypeError, match="zoneinfo.ZoneInfo with a key"):
        _codecs.zone_name(keyless)


def test_zones_as_fields() -> None:
    assert [_codecs.zone_name(z) for z in (LONDON, UTC, dt.timezone(dt.timedelta(hours=-3)))] == [
        "Europe/London",
        "+00:00",
        "-03:00",
    ]
    assert _codecs.load_zone("-03:00") == dt.timezone(dt.timedelta(hours=-3))
    with pytest.raises(_codecs._Bad, match="IANA name"):
        _codecs.load_zone(3)
    calendar = WorkingCalendar(tz=LONDON)
    assert from_plain(WorkingCalendar, to_plain(calendar), zones=ZoneInfo) == calendar


# ----------------------------------------------------------------------------- other scalars


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.timedelta(0), "PT0S"),
        (dt.timedelta(hours=72), "P3D"),
        (dt.timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5), "P1DT2H3M4.000005S"),
        (dt.timedelta(seconds=-1), "-PT1S"),
        (dt.timedelta(minutes=90), "PT1H30M"),
        (dt.timedelta(days=-999_999_999), "-P999999999D"),
    ],
)
def test_durations_are_iso_8601(value: dt.timedelta, text: str) -> None:
    assert _codecs.dump_timedelta(value) == text
    assert _codecs.load_timedelta(text) == value


@pytest.mark.parametrize("text", ["P", "-P", "PT", "P1Y", "1D", "P1000000000D", 3, "P1DT"])
def test_durations_that_are_not_read(text: object) -> None:
    with pytest.raises(_codecs._Bad):
        _codecs.load_timedelta(text)


def test_fractions_are_exact_text_in_lowest_terms() -> None:
    assert _codecs.dump_fraction(Fraction(-2, 6)) == "-1/3"
    assert _codecs.load_fraction("-1/3") == Fraction(-1, 3)
    for bad in ("2/4", "1/0", "0.5", 0.5, "01"):
        with pytest.raises(_codecs._Bad, match="lowest terms"):
            _codecs.load_fraction(bad)


def test_floats_json_cannot_hold_are_text() -> None:
    assert [_codecs.dump_float(v) for v in (float("nan"), float("inf"), -float("inf"), 1)] == [
        "NaN",
        "Infinity",
        "-Infinity",
        1.0,
    ]
    assert _codecs.load_float("-Infinity") == -float("inf")
    assert _codecs.load_float(2) == 2.0
    with pytest.raises(_codecs._Bad, match="be a number"):
        _codecs.load_float(True)  # noqa: FBT003 - JSON's true is not a number


def test_dates_and_times_of_day() -> None:
    assert _codecs.load_date("2024-02-29") == dt.date(2024, 2, 29)
    for bad in ("2023-02-29", "29/02/2024", None):
        with pytest.raises(_codecs._Bad, match="YYYY-MM-DD"):
            _codecs.load_date(bad)
    assert _codecs.load_time(_codecs.dump_time(dt.time(9, 0, 0, 5))) == dt.time(9, 0, 0, 5)
    for bad in ("25:00:00", "9am"):
        with pytest.raises(_codecs._Bad, match="HH:MM:SS"):
            _codecs.load_time(bad)
    with pytest.raises(TypeError, match="naive"):
        _codecs.dump_time(dt.time(9, tzinfo=UTC))


def test_strict_scalars() -> None:
    for load, good, bad in (
        (_codecs.load_str, "a", 1),
        (_codecs.load_int, 1, True),
        (_codecs.load_bool, True, 1),
    ):
        assert load(good) == good
        with pytest.raises(_codecs._Bad):
            load(bad)


# ----------------------------------------------------------------------------- problems at paths


def _log() -> EventLog:
    query = Query(
        id="Q1",
        requester=Requester.RESIDENT,
        channel=Channel.ONLINE,
        force="kent",
        neighbourhood="Strood",
    )
    return EventLog(
        query=query,
        events=[
            Event(kind=EventKind.RECEIVED, at=dt.datetime(2024, 10, 26, 9, tzinfo=LONDON)),
            Event(kind=EventKind.RESPONDED, at=dt.datetime(2024, 10, 28, 9, tzinfo=LONDON)),
        ],
    )


def test_every_problem_of_a_log_comes_at_once_with_its_path() -> None:
    data = to_plain(_log())
    data["query"]["channel"] = "pigeon"
    data["events"][0]["at"] = "soon"
    data["events"][1]["colour"] = "red"
    del data["events"][1]["kind"]
    data["extra"] = 1
    found = dict(problems_of(EventLog, data, zones=ZoneInfo))
    assert set(found) == {
        '["query"]["channel"]',
        '["events"][0]["at"]',
        '["events"][1]["colour"]',
        '["events"][1]["kind"]',
        '["extra"]',
    }
    assert found['["events"][1]["kind"]'] == '["events"][1]["kind"] must be given, got nothing'
    assert found['["extra"]'] == '["extra"] must not be given: EventLog has no such field'


def test_a_constructor_s_own_problem_is_at_the_value_s_path_with_the_cause() -> None:
    data = to_plain(_accounts_record())
    data["interval"] = {"start": data["interval"]["end"], "end": data["interval"]["start"]}
    with pytest.raises(ExceptionGroup) as caught:
        from_plain(DutyRecord, data)
    [problem] = caught.value.exceptions
    assert problem.path == '["interval"]'  # type: ignore[union-attr]  # InvalidPlainData
    assert str(problem).startswith('["interval"]: end must be after start')
    assert problem.__cause__ is not None


def test_arrays_objects_and_sets_are_checked() -> None:
    team = Team(
        name="Strood", areas={"Strood"}, members=[Member(role=Role.CONSTABLE, name="PC Ann Lee")]
    )
    data = to_plain(team)
    assert data["areas"] == ["Strood"]
    assert problems_of(Team, {**data, "members": "PC Ann Lee"})[0][0] == '["members"]'
    assert "not repeat" in problems_of(Team, {**data, "areas": ["Strood", "Strood"]})[0][1]
    assert "JSON object" in problems_of(Team, [data])[0][1]
    assert problems_of(Team, {**data, "members": [1]})[0][0] == '["members"][0]'
    pairs = to_plain(OutcomePolicy.home_office())
    twice = {**pairs, "classes": [*pairs["classes"], pairs["classes"][0]]}
    assert "each key once" in problems_of(OutcomePolicy, twice)[0][1]
    short = {**pairs, "classes": [["charged"], *pairs["classes"][1:]]}
    assert problems_of(OutcomePolicy, short)[0][0] == '["classes"][0]'
    wrong = {**pairs, "classes": [["charged", 3], *pairs["classes"][1:]]}
    assert problems_of(OutcomePolicy, wrong)[0][0] == '["classes"][0][1]'


def test_literals_and_enums_are_read_by_value_and_type() -> None:
    key = to_plain(TieBreak.by("harm", {"a": 1}, prefer="lower"))
    assert key == {"name": "harm", "values": [["a", 1]], "prefer": "lower", "latest": False}
    assert "be one of" in problems_of(TieBreak, {**key, "prefer": "lowest"})[0][1]
    assert "be one of" in problems_of(TieBreak, {**key, "prefer": ["lower"]})[0][1]
    assert from_plain(TieBreak, {"name": "x"}) == TieBreak(name="x")  # defaults may be left out
    log = to_plain(_log())
    log["events"][0]["kind"] = ["received"]
    assert "be one of" in problems_of(EventLog, log, zones=ZoneInfo)[0][1]


def test_generic_fields_are_tagged_unless_json_has_the_type() -> None:
    issues = [
        Issue(category="litter", place="High Street"),
        Issue(category="parking", place="Station Road"),
    ]
    chosen = stv([RankedBallot(issues), RankedBallot(issues[::-1])], seats=1)
    data = to_plain(chosen)
    assert data["candidates"][0] == {
        "type": "pact_core.priorities.Issue",
        "value": {"category": "litter", "place": "High Street"},
    }
    assert from_plain(type(chosen), data) == chosen
    key = TieBreak.by("raised", {"a": dt.date(2024, 1, 1), "b": float("inf"), "c": 2.5})
    assert to_plain(key)["values"] == [
        ["a", {"type": "date", "value": "2024-01-01"}],
        ["b", {"type": "float", "value": "Infinity"}],
        ["c", 2.5],
    ]
    assert from_plain(TieBreak, to_plain(key)) == key
    bad = {
        "name": "k",
        "values": [
            ["a", {"type": "nothing", "value": 1}],
            ["b", {"type": "date", "value": "x"}],
            ["c", [1]],
        ],
    }
    assert [path for path, _ in problems_of(TieBreak, bad)] == [
        '["values"][0][1]["type"]'[: len('["values"][0][1]')],
        '["values"][1][1]["value"]',
        '["values"][2][1]',
    ]
    with pytest.raises(TypeError, match="cannot store a complex"):
        to_plain(TieBreak.by("odd", {"a": 1j}))


def test_geometry_is_geojson_with_its_coordinates_unchanged() -> None:
    part = WardPart(
        ward=WardCode("E05000001"), geometry=shapely.box(0.1, 0.2, 0.30000000000000004, 0.4)
    )
    data = to_plain(part)
    assert data["geometry"]["type"] == "Polygon"
    assert from_plain(WardPart, json.loads(json.dumps(data))) == part
    assert "GeoJSON geometry" in problems_of(WardPart, {**data, "geometry": "POLYGON"})[0][1]
    assert (
        "GeoJSON geometry"
        in problems_of(WardPart, {**data, "geometry": {"type": "Polygon", "coordinates": 5}})[0][1]
    )
    line = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    assert "MultiPolygon or Polygon" in problems_of(WardPart, {**data, "geometry": line})[0][1]


def test_numpy_columns_are_arrays_checked_against_their_type() -> None:
    table = BatchLocation(
        ward_index=np.array([0, -1], dtype=np.int32),
        neighbourhood_index=np.array([0, -1], dtype=np.int32),
        status=np.array([0, 2], dtype=np.uint8),
        candidate_count=np.array([1, 0], dtype=np.int32),
        distance_metres=np.array([0.0, float("nan")]),
        ward_table=(WardCode("E05000001"),),
        neighbourhood_table=("N1",),
    )
    data = to_plain(table)
    assert data["distance_metres"] == [0.0, "NaN"]
    assert to_plain(from_plain(BatchLocation, data)) == data
    assert (
        "hold integers from 0 to 255"
        in problems_of(BatchLocation, {**data, "status": [0, 256]})[0][1]
    )
    assert problems_of(BatchLocation, {**data, "status": "0"})[0][0] == '["status"]'


# ----------------------------------------------------------------------------- tables and shapes


def _crimes() -> CrimeTable:
    row = [
        "",
        "2022-01",
        "Kent Police",
        "Kent Police",
        "0.5",
        "51.3",
        "On or near High Street",
        "",
        "",
        "Anti-social behaviour",
        "",
        "",
    ]
    return crimes_from_csv([CSV_HEADER, row, row], publication=Month(2022, 8))


def test_a_crime_table_is_stored_as_its_rows_and_read_back_through_the_reader() -> None:
    table = _crimes()
    data = to_plain(table)
    assert data["rows"][0][4] == "0.5"  # the text as read, not reformatted
    assert from_plain(CrimeTable, data) == table
    data["rows"][1][1] = "2022-13"
    [(path, message)] = problems_of(CrimeTable, data)
    assert path == ""
    assert '[1]["Month"]' in message
    with pytest.raises(Exception, match="one item a row"):
        crime_table(CrimeTableShape(publication=Month(2022, 8), rows=(), api=(None,)))


def test_an_incidence_table_is_stored_by_area_month_and_category() -> None:
    counted = incidence_in_places(_crimes(), {"High Street": shapely.box(0, 51, 1, 52)})
    data = to_plain(counted)
    assert data["cells"] == [
        ["High Street", {"year": 2022, "month": 1}, "anti-social-behaviour", 2]
    ]
    assert to_plain(from_plain(type(counted), data)) == data
    shape = IncidenceShape(level="place", publication=Month(2022, 8), areas=("A",), cells=())
    cell = ("A", Month(2022, 1), Category.BURGLARY, 1)
    for changed, message in (
        (attrs.evolve(shape, cells=(("B", Month(2022, 1), Category.BURGLARY, 1),)), "name areas"),
        (attrs.evolve(shape, areas=("A", "A")), "not repeat"),
        (attrs.evolve(shape, cells=(cell, cell)), "each area, month and category once"),
        (attrs.evolve(shape, cells=(("A", Month(2022, 1), Category.BURGLARY, -1),)), "0 or more"),
    ):
        with pytest.raises(Exception, match=message):
            incidence(changed)


def test_a_status_table_keeps_its_columns() -> None:
    table = status_many(
        [_log(), _log()], ResponsePolicy(), as_of=dt.datetime(2024, 10, 27, 12, tzinfo=UTC)
    )
    data = to_plain(table)
    back = from_plain(type(table), data, zones=ZoneInfo)
    assert [back.row(i) for i in range(2)] == [table.row(i) for i in range(2)]
    goal = ResponsePolicy().goals[0]
    columns = GoalColumns(
        goal=goal.name,
        state=(GoalState.MET,),
        due=(None,),
        elapsed=(dt.timedelta(0),),
        met_at=(None,),
    )
    for shape, message in (
        (StatusTableShape(goals=(goal, goal), logs=(), columns=()), "distinct names"),
        (StatusTableShape(goals=(goal,), logs=(), columns=()), "the goals' columns"),
        (StatusTableShape(goals=(goal,), logs=(), columns=(columns,)), "one value a log"),
    ):
        with pytest.raises(Exception, match=message):
            status_table(shape)


# ----------------------------------------------------------------------------- types, documents, schemas


def test_only_stored_types_go_in_or_out() -> None:
    with pytest.raises(TypeError, match="index computed from its wards"):
        to_plain(object.__new__(WardLocator))
    with pytest.raises(TypeError, match="kind must be a pact_core value type"):
        from_plain(dict, {})
    with pytest.raises(TypeError, match="CalendarUnit is not a value pact_core stores"):
        json_schema(CalendarUnit)


def test_a_document_names_its_type_and_version() -> None:
    document = to_document(Month(2022, 8))
    assert document == {
        "type": "pact_core.crime.Month",
        "version": FORMAT_VERSION,
        "data": {"year": 2022, "month": 8},
    }
    assert from_document(document, kind=Month) == Month(2022, 8)


@pytest.mark.parametrize(
    ("document", "paths"),
    [
        ([], ["document"]),
        ({"type": "Month", "version": 0, "data": {}, "x": 1}, ['["type"]', '["version"]', '["x"]']),
        ({"type": "pact_core.crime.Month", "version": 1}, ['["data"]']),
        ({"type": "pact_core.intervals.Interval", "version": 1, "data": {}}, ['["type"]']),
        (
            {"type": "pact_core.crime.Month", "version": 1, "data": {"year": 1}},
            ['["data"]["month"]'],
        ),
    ],
)
def test_a_document_s_problems(document: object, paths: list[str]) -> None:
    with pytest.raises(ExceptionGroup) as caught:
        from_document(document, kind=Month)
    assert [p.path for p in caught.value.exceptions] == paths  # type: ignore[union-attr]  # InvalidPlainData


def test_the_document_schema() -> None:
    schema = json_schema(Month, document=True)
    assert schema["properties"]["type"] == {"const": "pact_core.crime.Month"}
    assert schema["properties"]["version"]["maximum"] == FORMAT_VERSION
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_schema_is_a_valid_2020_12_schema() -> None:
    import jsonschema  # noqa: PLC0415 - only here and in the properties

    for kind in STORED.values():
        jsonschema.Draft202012Validator.check_schema(json_schema(kind, document=True))


def test_kinds_of_field_pact_core_has_none_of_are_refused() -> None:
    with pytest.raises(TypeError, match="stores no union"):
        converter().get_structure_hook(int | str)
    with pytest.raises(TypeError, match="stores no union"):
        converter().get_unstructure_hook(int | str)
    with pytest.raises(TypeError, match="no schema for"):
        _schema(complex, {})


class _WithDefault(NamedTuple):
    name: str
    size: int = 0


def test_a_named_tuple_s_defaults_are_not_required() -> None:
    assert _object(_WithDefault, {})["required"] == ["name"]


def test_problems_outside_cattrs_s_tree_keep_their_cause() -> None:
    [problem] = problems(ValueError("odd"), '["x"]')
    assert str(problem) == '["x"]: odd'
    assert isinstance(problem.__cause__, ValueError)


# ----------------------------------------------------------------------------- documents of version 1


def _register() -> Register:
    panel = Panel(
        force="kent",
        neighbourhood="Strood",
        name="Strood PACT",
        members=[
            PanelMember(
                name="A. Resident", organisation="Residents' Association", role="chair", voting=True
            )
        ],
    )
    priority = Priority(
        id="P1",
        panel=panel,
        issue=Issue(category="parking", place="Station Road"),
        text="Parking on the pavement near the station",
        events=[
            PriorityEvent(
                kind=PriorityKind.ADOPTED, at=dt.datetime(2024, 10, 1, 19, tzinfo=LONDON)
            ),
            PriorityEvent(
                kind=PriorityKind.ACTION,
                at=dt.datetime(2024, 11, 5, 8, tzinfo=LONDON),
                note="Patrols at school times",
            ),
        ],
    )
    return Register(panel=panel, priorities=[priority])


def _accounts_record() -> DutyRecord:
    return DutyRecord(
        officer="PC 1",
        interval=Interval(
            dt.datetime(2024, 10, 26, 22, tzinfo=UTC), dt.datetime(2024, 10, 27, 6, tzinfo=UTC)
        ),
        activity="patrol",
        neighbourhood="Strood",
        team="Strood",
    )


def _accounts() -> Accounts:
    return account(
        [_accounts_record()], AbstractionPolicy.default(), tz=LONDON, unit=CalendarUnit.DAY
    )


def _map() -> NeighbourhoodMap:
    from pact_core.geography import Neighbourhood, Ward  # noqa: PLC0415 - this document only

    ward = Ward(
        code=WardCode("E05000001"),
        name="Abbey",
        generation="WD25",
        geometry=shapely.box(0, 0, 1000, 1000),
    )
    hood = Neighbourhood(force="kent", id="N1", name="Abbey", wards={WardCode("E05000001")})
    return NeighbourhoodMap(force="kent", wards=[ward], neighbourhoods=[hood])


VERSION_1 = {
    "event_log.json": _log,
    "register.json": _register,
    "accounts.json": _accounts,
    "neighbourhood_map.json": _map,
    "crime_table.json": _crimes,
}


@pytest.mark.parametrize("name", sorted(VERSION_1))
def test_documents_of_version_1_are_read(name: str) -> None:
    """Committed documents: a later pact_core must read them, and to the same values."""
    document = json.loads((DOCUMENTS / name).read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert from_document(document, zones=ZoneInfo) == VERSION_1[name]()
    # While version 1 is current, the values are written exactly so.
    assert to_document(VERSION_1[name]()) == document


# ----------------------------------------------------------------------------- rows


def test_rows_of_the_bulk_tables() -> None:
    crimes = to_rows(_crimes())
    assert list(crimes[0]) == list(CSV_HEADER)
    books = to_rows(_accounts())
    assert books[0]["duration"] > dt.timedelta(0)
    assert {row["activity_class"] for row in books} == {"in the community"}
    table = status_many([_log()], ResponsePolicy(), as_of=dt.datetime(2024, 10, 27, 12, tzinfo=UTC))
    status = to_rows(table)
    assert [row["goal"] for row in status] == [goal.name for goal in ResponsePolicy().goals]
    assert status[0]["query"] == "Q1"
    assert isinstance(status[0]["state"], str)
    counted = incidence_in_places(_crimes(), {"High Street": shapely.box(0, 51, 1, 52)})
    assert to_rows(counted) == [
        {"area": "High Street", "month": "2022-01", "category": "anti-social-behaviour", "count": 2}
    ]


def test_rows_of_a_batch_location() -> None:
    table = BatchLocation(
        ward_index=np.array([0, -1], dtype=np.int32),
        neighbourhood_index=np.array([0, -1], dtype=np.int32),
        status=np.array([0, 2], dtype=np.uint8),
        candidate_count=np.array([1, 0], dtype=np.int32),
        distance_metres=np.array([0.0, 0.0]),
        ward_table=(WardCode("E05000001"),),
        neighbourhood_table=("N1",),
    )
    assert to_rows(table) == [
        {
            "ward": "E05000001",
            "neighbourhood": "N1",
            "status": "inside",
            "candidates": 1,
            "distance_metres": 0.0,
        },
        {
            "ward": None,
            "neighbourhood": None,
            "status": "outside",
            "candidates": 0,
            "distance_metres": 0.0,
        },
    ]
    frame = to_dataframe(table)
    assert list(frame.columns) == [
        "ward",
        "neighbourhood",
        "status",
        "candidates",
        "distance_metres",
    ]
    assert len(frame) == 2


def test_an_empty_table_keeps_its_columns_and_other_values_are_refused() -> None:
    frame = to_dataframe(CrimeTable.from_crimes([], publication=Month(2022, 8)))
    assert (len(frame), list(frame.columns)) == (0, list(CSV_HEADER))
    with pytest.raises(TypeError, match="table must be one of"):
        to_rows(Month(2022, 8))


def test_to_dataframe_says_how_to_install_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys  # noqa: PLC0415

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"pact-core\[pandas\]"):
        to_dataframe(_crimes())


def test_crime_records_round_trip() -> None:
    crime = Crime(
        id=None, month=Month(2022, 1), category=Category.BURGLARY, point=(0.5, 51.3), location="x"
    )
    assert from_plain(Crime, to_plain(crime)) == crime
