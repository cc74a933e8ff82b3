"""Every police.uk sample converts; what pact_core models round-trips; bad answers name each bad field's path."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs
import pytest
import shapely
from shapely import Polygon

from pact_core.errors import ExceptionGroup, InvalidDatetime, InvalidGeometry, InvalidPoliceData
from pact_core.geography import Location, LocationStatus, WardCode
from pact_core.policeuk import (
    Force,
    ForceReference,
    LocatedNeighbourhood,
    NeighbourhoodDetails,
    NeighbourhoodReference,
    Place,
    PoliceEvent,
    PolicePriority,
    boundary_from_policeuk,
    boundary_to_policeuk,
    events_from_policeuk,
    forces_from_policeuk,
    html_to_text,
    members_from_policeuk,
    neighbourhoods_from_policeuk,
    priorities_from_policeuk,
    text_to_html,
)
from pact_core.teams import Role

if TYPE_CHECKING:
    from collections.abc import Callable

SAMPLES = Path(__file__).parent / "data" / "policeuk"
LONDON = ZoneInfo("Europe/London")


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def problems(group: pytest.ExceptionInfo[ExceptionGroup[Exception]]) -> list[tuple[str, str]]:
    found = [e for e in group.value.exceptions if isinstance(e, InvalidPoliceData)]
    assert len(found) == len(group.value.exceptions)
    return [(e.path, str(e)) for e in found]


def test_every_sample_is_read() -> None:
    names = sorted(p.stem for p in SAMPLES.glob("*.json"))
    assert len(names) == 23
    for name in names:
        endpoint = name.split("__")[0]
        data = sample(name)
        readers: dict[str, Callable[[Any], object]] = {
            "force": Force.from_policeuk,
            "forces-item": ForceReference.from_policeuk,
            "locate-neighbourhood": LocatedNeighbourhood.from_policeuk,
            "neighbourhood-boundary": boundary_from_policeuk,
            "neighbourhood-events": lambda d: events_from_policeuk(d, tz=LONDON),
            "neighbourhood-location-item": lambda d: NeighbourhoodDetails.from_policeuk(
                {"id": "X", "name": "X", "locations": [d]}
            ),
            "neighbourhood-priorities-item": lambda d: PolicePriority.from_policeuk(d, tz=LONDON),
            "neighbourhood-priorities": lambda d: priorities_from_policeuk(d, tz=LONDON),
            "neighbourhood-team-item": lambda d: members_from_policeuk(
                [d], unknown_rank=Role.POLICE_STAFF
            ),
            "neighbourhood-team": members_from_policeuk,
            "neighbourhood": NeighbourhoodDetails.from_policeuk,
            "neighbourhoods-item": NeighbourhoodReference.from_policeuk,
            "neighbourhoods": neighbourhoods_from_policeuk,
            "senior-officers-item": lambda d: members_from_policeuk([d]),
        }
        assert readers[endpoint](data) is not None, name


def test_a_neighbourhood_with_html_numbers_as_strings_and_nulls() -> None:
    details = NeighbourhoodDetails.from_policeuk(
        sample("neighbourhood__leicestershire-NC04__tjcain")
    )
    assert (details.id, details.name, details.population) == ("NC04", "City Centre", 0)
    assert details.centre == (52.6389, -1.13619)
    assert details.description is not None
    assert details.description.startswith(
        "The Castle neighbourhood is a diverse covering all of the City Centre."
    )
    assert "\n\nThe Highcross and Haymarket" in details.description
    assert "<p>" not in details.description
    assert dict(details.contact_details)["telephone"] == "101"
    (station,) = details.locations
    assert (station.name, station.type, station.latitude, station.postcode) == (
        "Mansfield House",
        "station",
        None,
        "LE1 3GG",
    )
    assert station.address == "74 Belgrave Gate , Leicester"
    assert details.links[0].title == "Leicester City Council"
    assert details.links[0].description is None


def test_html_entities_in_names_and_empty_strings() -> None:
    entity = NeighbourhoodDetails.from_policeuk(
        sample("neighbourhood__html-entity-in-name__policedatakit")
    )
    assert entity.name == "Leake & Keyworth"
    assert entity.to_policeuk()["name"] == "Leake &amp; Keyworth"
    empty = NeighbourhoodDetails.from_policeuk(
        sample("neighbourhood__empty-force-url__policedatakit")
    )
    assert (empty.url_force, empty.contact_details, empty.locations, empty.links) == (
        None,
        (),
        (),
        (),
    )
    assert (empty.name, empty.description, empty.population) == (
        "Banks & Hesketh",
        "Some & description",
        1000,
    )
    out = empty.to_policeuk()
    assert (out["name"], out["description"], out["url_force"]) == (
        "Banks &amp; Hesketh",
        "<p>Some &amp; description</p>",
        "",
    )


@pytest.mark.parametrize(
    "name",
    [
        "neighbourhood__leicestershire-NC04__tjcain",
        "neighbourhood__leicestershire-NC04__policedatakit",
        "neighbourhood__html-entity-in-name__policedatakit",
        "neighbourhood__empty-force-url__policedatakit",
    ],
)
def test_neighbourhoods_round_trip(name: str) -> None:
    details = NeighbourhoodDetails.from_policeuk(sample(name))
    assert NeighbourhoodDetails.from_policeuk(details.to_policeuk()) == details
    assert (
        NeighbourhoodDetails.from_policeuk(json.loads(json.dumps(details.to_policeuk()))) == details
    )


def test_locations_with_null_coordinates_and_types() -> None:
    def place(name: str) -> Any:
        return NeighbourhoodDetails.from_policeuk(
            {"id": "X", "name": "X", "locations": [sample(name)]}
        ).locations[0]

    assert place("neighbourhood-location-item__station__policedatakit").latitude == 52.6389
    assert place("neighbourhood-location-item__null-coordinates__policedatakit").longitude is None
    hq = place("neighbourhood-location-item__null-type__policedatakit")
    assert (hq.type, hq.latitude, hq.longitude) == (None, 52.2253, -2.17512)


def test_forces_and_references_round_trip() -> None:
    force = Force.from_policeuk(sample("force__leicestershire__policedatakit"))
    assert (force.id, force.name, force.telephone) == (
        "leicestershire",
        "Leicestershire Constabulary",
        "0116 222 2222",
    )
    assert force.description is not None
    assert force.description.startswith("h2.A police service for everyone")
    assert "\n\nLeicestershire Constabulary provides" in force.description
    assert [m.title for m in force.engagement_methods][-1] == "telephone"
    assert force.engagement_methods[-1].url is None
    assert Force.from_policeuk(force.to_policeuk()) == force
    item = ForceReference.from_policeuk(sample("forces-item__avon-and-somerset__policedatakit"))
    assert ForceReference.from_policeuk(item.to_policeuk()) == item
    assert forces_from_policeuk([item.to_policeuk()]) == (item,)
    found = neighbourhoods_from_policeuk(sample("neighbourhoods__leicestershire__tjcain"))
    assert [(n.id, n.name) for n in found] == [
        ("NC04", "City Centre"),
        ("NC66", "Cultural Quarter"),
        ("NC67", "Riverside"),
    ]
    assert neighbourhoods_from_policeuk([n.to_policeuk() for n in found]) == found


def test_priorities_read_html_and_naive_dates_in_the_given_zone() -> None:
    (docs,) = priorities_from_policeuk(
        sample("neighbourhood-priorities__leicestershire-NC04__tjcain"), tz=LONDON
    )
    assert (
        docs.issue == "To reduce the amount of Anti-Social Behaviour Humberstone Gate, Leicester."
    )
    assert docs.issue_date == dt.datetime(2016, 4, 14, tzinfo=LONDON)
    assert docs.issue_date.utcoffset() == dt.timedelta(hours=1)
    assert (docs.action, docs.action_date) == (None, None)
    html = PolicePriority.from_policeuk(
        sample("neighbourhood-priorities-item__html__policedatakit"), tz=LONDON
    )
    assert html.issue.startswith("Beggars and homeless persons")
    assert "\n\nThere have also been concerns" in html.issue
    assert html.action is not None
    assert html.action.endswith("Sgt Dyer")
    assert html.action_date == dt.datetime(2019, 1, 14, tzinfo=LONDON)
    for name in ("neighbourhood-priorities-item__html__policedatakit", "neighbourhood-priorities-item__leicestershire-NC04__policedatakit",
                 "neighbourhood-priorities-item__no-action__policedatakit"):  # fmt: skip
        read = PolicePriority.from_policeuk(sample(name), tz=LONDON)
        written = read.to_policeuk(tz=LONDON)
        assert PolicePriority.from_policeuk(written, tz=LONDON) == read
        assert written["issue-date"] == sample(name)["issue-date"]


def test_html_never_goes_out_unescaped() -> None:
    sneaky = PolicePriority(issue="<script>alert(1)</script> & more", issue_date=dt.datetime(2025, 1, 1, tzinfo=LONDON),
                            action=None, action_date=None)  # fmt: skip
    written = sneaky.to_policeuk(tz=LONDON)
    assert written["issue"] == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
    assert PolicePriority.from_policeuk(written, tz=LONDON) == sneaky
    assert html_to_text(text_to_html("a < b\n\nc > d")) == "a < b\n\nc > d"
    assert html_to_text("<ul><li>one</li><li>two</li></ul>") == "one\n\ntwo"
    assert html_to_text("<p>  </p>") == ""
    assert (
        html_to_text("<br/>See <a href='https://example.org'>the council</a>.<br/>")
        == "See the council."
    )
    with pytest.raises(TypeError, match="value must be a str"):
        html_to_text(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="value must be a str"):
        text_to_html(3)  # type: ignore[arg-type]


def test_events_round_trip() -> None:
    (event,) = events_from_policeuk(
        sample("neighbourhood-events__leicestershire-NC04__tjcain"), tz=LONDON
    )
    assert (event.title, event.type, event.description) == ("Drop In Beat Surgery", "meeting", None)
    assert event.start == dt.datetime(2016, 9, 17, 12, tzinfo=LONDON)
    assert event.address == "Nagarjuna Buddhist Centre, 17 Guildhall Lane"
    written = event.to_policeuk(tz=LONDON)
    assert written["start_date"] == "2016-09-17T12:00:00"
    assert PoliceEvent.from_policeuk(written, tz=LONDON) == event
    odd = PoliceEvent(title="Tea & talk", type=None, description="Bring a <friend>", address=None, contact_details=(),
                      start=dt.datetime(2025, 1, 1, 10, tzinfo=LONDON), end=None)  # fmt: skip
    assert odd.to_policeuk(tz=LONDON)["title"] == "Tea &amp; talk"
    assert PoliceEvent.from_policeuk(odd.to_policeuk(tz=LONDON), tz=LONDON) == odd


def test_boundaries_are_longitude_latitude_polygons_and_round_trip() -> None:
    nc04 = boundary_from_policeuk(sample("neighbourhood-boundary__leicestershire-NC04__tjcain"))
    assert nc04.is_valid
    assert nc04.exterior.coords[0] == (-1.1458618876, 52.6394052587)
    assert nc04.exterior.coords[0] == nc04.exterior.coords[-1]
    excerpt = boundary_from_policeuk(
        sample("neighbourhood-boundary__leicestershire-excerpt__police-api-client")
    )
    assert len(excerpt.exterior.coords) == 5
    assert excerpt.bounds == (-1.1433951806, 52.6220381746, -1.1424250637, 52.6235790036)
    for polygon in (nc04, excerpt):
        written = boundary_to_policeuk(polygon)
        assert written[0] == written[-1]
        assert written[0] in [{"latitude": p["latitude"], "longitude": p["longitude"]}
                              for p in sample("neighbourhood-boundary__leicestershire-NC04__tjcain")] or polygon is excerpt  # fmt: skip
        assert boundary_from_policeuk(written) == polygon


def test_bad_boundaries() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        boundary_from_policeuk([{"latitude": "52.6", "longitude": "east"}, {"latitude": "152.6", "longitude": "1"},
                                {"latitude": "1", "longitude": "190"}, "x", {"latitude": None, "longitude": "1"}])  # fmt: skip
    assert [path for path, _ in problems(caught)] == [
        '[0]["longitude"]', '[1]["latitude"]', '[2]["longitude"]', "[3]", '[4]["latitude"]',
    ]  # fmt: skip
    with pytest.raises(ExceptionGroup, match="problems reading a boundary"):
        boundary_from_policeuk([{"latitude": "1", "longitude": "1"}] * 3)
    with pytest.raises(ExceptionGroup) as bow:
        boundary_from_policeuk(
            [{"latitude": str(y), "longitude": str(x)} for x, y in [(0, 0), (1, 1), (1, 0), (0, 1)]]
        )
    assert isinstance(bow.value.exceptions[0], InvalidGeometry)
    with pytest.raises(TypeError, match="must be a shapely Polygon"):
        boundary_to_policeuk(shapely.MultiPolygon([shapely.box(0, 0, 1, 1)]))
    with pytest.raises(InvalidGeometry, match="not be empty"):
        boundary_to_policeuk(Polygon())


def test_malformed_answers_name_every_bad_field_at_once() -> None:
    bad = [
        {
            "issue": "<p>Parking</p>",
            "issue-date": "2016-04-14T00:00:00",
            "action": None,
            "action-date": None,
        },
        {"issue": "", "issue-date": "yesterday", "action": 7, "action-date": "2016-13-01T00:00:00"},
        "not an object",
        {"issue": "<p> </p>", "issue-date": None},
    ]
    with pytest.raises(ExceptionGroup) as caught:
        priorities_from_policeuk(bad, tz=LONDON)
    assert problems(caught) == [
        ('[1]["issue"]', "[1][\"issue\"] must be a non-empty string, got ''"),
        (
            '[1]["issue-date"]',
            "[1][\"issue-date\"] must be an ISO 8601 date and time, got 'yesterday'",
        ),
        ('[1]["action"]', '[1]["action"] must be a string, got 7'),
        (
            '[1]["action-date"]',
            "[1][\"action-date\"] must be an ISO 8601 date and time, got '2016-13-01T00:00:00'",
        ),
        ("[2]", "[2] must be a JSON object, got 'not an object'"),
        ('[3]["issue"]', "[3][\"issue\"] must have some text, got '<p> </p>'"),
        ('[3]["issue-date"]', '[3]["issue-date"] must be an ISO 8601 date and time, got None'),
    ]
    with pytest.raises(ExceptionGroup) as whole:
        priorities_from_policeuk({"issue": "x"}, tz=LONDON)
    assert problems(whole) == [("answer", "answer must be a JSON array, got {'issue': 'x'}")]


def test_malformed_neighbourhoods() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        NeighbourhoodDetails.from_policeuk({
            "id": "NC04", "name": None, "population": "lots", "centre": {"latitude": "52.6", "longitude": "inf"},
            "contact_details": {"telephone": 101, "email": ""}, "locations": [{"name": "Station", "latitude": "52.6"}, 3],
            "links": [{"url": "", "title": "Council"}, None],
        })  # fmt: skip
    assert [path for path, _ in problems(caught)] == [
        '["centre"]["longitude"]', '["locations"][0]', '["locations"][1]', '["links"][0]["url"]', '["links"][1]',
        '["name"]', '["population"]', '["contact_details"]["telephone"]',
    ]  # fmt: skip
    with pytest.raises(ExceptionGroup) as whole:
        NeighbourhoodDetails.from_policeuk([])
    assert problems(whole)[0][0] == "answer"
    with pytest.raises(ExceptionGroup):
        Force.from_policeuk("leicestershire")
    with pytest.raises(ExceptionGroup):
        Force.from_policeuk({"id": "x", "name": "X", "engagement_methods": [None]})
    with pytest.raises(ExceptionGroup):
        ForceReference.from_policeuk({"id": "x"})
    with pytest.raises(ExceptionGroup):
        NeighbourhoodReference.from_policeuk(None)
    with pytest.raises(ExceptionGroup):
        forces_from_policeuk([{"name": "X"}])
    with pytest.raises(ExceptionGroup):
        LocatedNeighbourhood.from_policeuk({"force": "metropolitan"})
    with pytest.raises(ExceptionGroup):
        LocatedNeighbourhood.from_policeuk("x")
    assert (
        NeighbourhoodDetails.from_policeuk(
            {"id": "N", "name": "N", "population": 12, "centre": None}
        ).population
        == 12
    )
    with pytest.raises(ExceptionGroup):
        NeighbourhoodDetails.from_policeuk(
            {"id": "N", "name": "N", "centre": "here", "contact_details": "x"}
        )


def test_malformed_events_and_arguments() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        events_from_policeuk(
            [
                {
                    "title": "Surgery",
                    "start_date": "2016-09-17T14:00:00",
                    "end_date": "2016-09-17T12:00:00",
                }
            ],
            tz=LONDON,
        )
    assert problems(caught)[0][0] == '[0]["end_date"]'
    with pytest.raises(ExceptionGroup):
        PoliceEvent.from_policeuk({"title": None}, tz=LONDON)
    with pytest.raises(ExceptionGroup):
        events_from_policeuk(["an event"], tz=LONDON)
    with pytest.raises(ExceptionGroup):
        PolicePriority.from_policeuk([], tz=LONDON)
    with pytest.raises(TypeError, match="tz must be a datetime.tzinfo"):
        priorities_from_policeuk([], tz="Europe/London")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tz must be a datetime.tzinfo"):
        events_from_policeuk([], tz=None)  # type: ignore[arg-type]
    aware = PolicePriority.from_policeuk(
        {"issue": "x", "issue-date": "2016-04-14T00:00:00+00:00"}, tz=LONDON
    )
    assert aware.issue_date.utcoffset() == dt.timedelta(0)


def test_locate_neighbourhood_to_and_from_a_locator_answer() -> None:
    answer = LocatedNeighbourhood.from_policeuk(
        sample("locate-neighbourhood__51.500617,-0.124629__tjcain")
    )
    assert answer == LocatedNeighbourhood.from_policeuk(
        sample("locate-neighbourhood__metropolitan-00BKX6__policedatakit")
    )
    assert answer.to_policeuk() == {"force": "metropolitan", "neighbourhood": "00BKX6"}
    ward = WardCode("E05013806")
    inside = Location(
        ward=ward,
        neighbourhood="00BKX6",
        status=LocationStatus.INSIDE,
        candidates=((ward, "00BKX6"),),
    )
    assert LocatedNeighbourhood.from_location(inside, force="metropolitan") == answer
    assert answer.matches(inside, force="metropolitan")
    assert not answer.matches(inside, force="kent")
    on_edge = Location(ward=ward, neighbourhood="00BKX5", status=LocationStatus.BOUNDARY,
                       candidates=((ward, "00BKX5"), (WardCode("E05013807"), "00BKX6")))  # fmt: skip
    assert answer.matches(on_edge, force="metropolitan")
    outside = Location(ward=None, neighbourhood=None, status=LocationStatus.OUTSIDE)
    assert LocatedNeighbourhood.from_location(outside, force="metropolitan") is None
    assert not answer.matches(outside, force="metropolitan")


def test_contact_details_that_are_not_an_object_of_strings_are_errors_with_their_path() -> None:
    """Issue 22's known escape: a string where police.uk gives an object raised AttributeError."""
    people: list[dict[str, Any]] = [
        {"name": "A", "rank": "PC", "bio": None, "contact_details": "a@example.org"},
        {
            "name": "B",
            "rank": "PC",
            "bio": None,
            "contact_details": {"email": "b@example.org", "phone": 101, "web": None},
        },
        {"name": "C", "rank": "Chief Wizard", "bio": None, "contact_details": None},
    ]
    with pytest.raises(ExceptionGroup) as caught:
        members_from_policeuk(people)
    found = [(type(p).__name__, getattr(p, "path", None)) for p in caught.value.exceptions]
    assert found == [
        ("InvalidPoliceData", '[0]["contact_details"]'),
        ("InvalidPoliceData", '[1]["contact_details"]["phone"]'),
        ("UnknownRankError", None),
    ]
    assert "must be a string or null, got 101" in str(caught.value.exceptions[1])
    (member,) = members_from_policeuk(
        [{**people[1], "contact_details": {"email": "b@example.org", "web": None, "x": ""}}]
    )
    assert dict(member.contact) == {"email": "b@example.org"}


@pytest.mark.parametrize(
    "name",
    [
        "EngagementMethod",
        "Force",
        "ForceReference",
        "LocatedNeighbourhood",
        "NeighbourhoodDetails",
        "NeighbourhoodReference",
        "Place",
        "PoliceEvent",
        "PoliceLink",
        "PolicePriority",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.policeuk"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_an_engagement_method_needs_only_a_title() -> None:
    data = sample("force__leicestershire__policedatakit")
    data["engagement_methods"] = [{"title": "telephone"}]
    (method,) = Force.from_policeuk(data).engagement_methods
    assert (method.title, method.url, method.description) == ("telephone", None, None)


def test_a_boundary_point_must_lie_within_the_longitudes() -> None:
    square = [{"latitude": lat, "longitude": lon} for lat, lon in
              ((0.0, 179.0), (0.0, 180.0), (1.0, 180.0), (1.0, 179.0), (0.0, 179.0))]  # fmt: skip
    assert boundary_from_policeuk(square).bounds == (179.0, 0.0, 180.0, 1.0)
    beyond = [{**p, "longitude": 180.5} if p["longitude"] == 180.0 else p for p in square]
    with pytest.raises(ExceptionGroup) as caught:
        boundary_from_policeuk(beyond)
    assert [str(e) for e in caught.value.exceptions] == [
        f'[{n}]["longitude"] must be within ±180, got 180.5' for n in (1, 2)
    ]


def test_a_bad_value_is_shown_whole_up_to_eighty_characters() -> None:
    for text, shown in (("x" * 78, repr("x" * 78)), ("x" * 79, repr("x" * 79)[:77] + "...")):
        point = {"latitude": text, "longitude": 0.0}
        with pytest.raises(ExceptionGroup) as caught:
            boundary_from_policeuk([point, {"latitude": 0.0, "longitude": 0.0}])
        assert (
            str(caught.value.exceptions[0])
            == f'[0]["latitude"] must be a finite number, got {shown}'
        )


def test_a_force_needs_no_description() -> None:
    data = sample("force__leicestershire__policedatakit")
    del data["description"]
    assert Force.from_policeuk(data).description is None


def test_a_boundary_may_reach_the_poles_and_the_antimeridian_from_either_side() -> None:
    edges = [{"latitude": lat, "longitude": lon} for lat, lon in
             ((-90.0, -180.0), (90.0, -180.0), (90.0, -179.0), (-90.0, -179.0), (-90.0, -180.0))]  # fmt: skip
    assert boundary_from_policeuk(edges).bounds == (-180.0, -90.0, -179.0, 90.0)
    for field, value in (("latitude", -90.5), ("latitude", 90.5), ("longitude", -180.5)):
        beyond = [{**edges[0], field: value}, *edges[1:4], {**edges[0], field: value}]
        with pytest.raises(ExceptionGroup) as caught:
            boundary_from_policeuk(beyond)
        assert [e.path for e in caught.value.exceptions if isinstance(e, InvalidPoliceData)] == [
            f'[{n}]["{field}"]' for n in (0, 4)
        ]


def test_an_event_may_end_as_it_starts() -> None:
    instant = {"title": "Street briefing", "start_date": "2025-01-01T10:00:00",
               "end_date": "2025-01-01T10:00:00"}  # fmt: skip
    (event,) = events_from_policeuk([instant], tz=LONDON)
    assert event.end == event.start == dt.datetime(2025, 1, 1, 10, tzinfo=LONDON)


def test_a_population_of_nought_given_as_a_number_is_read() -> None:
    data = sample("neighbourhood__leicestershire-NC04__tjcain")
    assert NeighbourhoodDetails.from_policeuk({**data, "population": 0}).population == 0


def test_quotes_are_text_not_markup() -> None:
    # Only <, > and & need escaping in an element's text: quotes go out as they are.
    said = 'He said "slow down" and it\'s quieter'
    assert text_to_html(said) == f"<p>{said}</p>"


def test_a_coordinate_that_is_true_or_false_is_not_a_number() -> None:
    square = [
        {"latitude": lat, "longitude": lon} for lat, lon in ((0, 0), (0, 1), (1, 1), (1, 0), (0, 0))
    ]
    with pytest.raises(ExceptionGroup) as caught:
        boundary_from_policeuk([{**square[0], "latitude": True}, *square[1:]])
    assert [str(e) for e in caught.value.exceptions] == [
        '[0]["latitude"] must be a finite number, got True'
    ]


def test_a_priority_without_its_issue_is_reported_with_its_path() -> None:
    item = {"issue": None, "issue-date": "2015-10-08T00:00:00", "action": None, "action-date": None}
    with pytest.raises(ExceptionGroup) as caught:
        priorities_from_policeuk([item], tz=LONDON)
    assert [e.path for e in caught.value.exceptions if isinstance(e, InvalidPoliceData)] == [
        '[0]["issue"]'
    ]
    undated = {**item, "issue": "Street drinking", "issue-date": None}
    with pytest.raises(ExceptionGroup) as caught:
        priorities_from_policeuk([undated], tz=LONDON)
    assert [e.path for e in caught.value.exceptions if isinstance(e, InvalidPoliceData)] == [
        '[0]["issue-date"]'
    ]


def test_values_built_in_code_are_checked_field_by_field() -> None:
    start = dt.datetime(2025, 1, 1, 10, tzinfo=LONDON)
    with pytest.raises(TypeError, match="issue"):
        PolicePriority(issue=None, issue_date=start, action=None, action_date=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidDatetime, match="^issue_date must be timezone-aware"):
        PolicePriority(
            issue="Parking", issue_date=start.replace(tzinfo=None), action=None, action_date=None
        )
    with pytest.raises(TypeError, match="^contact_details must be a tuple of"):
        PoliceEvent(title="Surgery", type=None, description=None, address=None,
                    contact_details={"email": "a@b"}, start=start, end=None)  # type: ignore[arg-type]  # fmt: skip
    with pytest.raises(InvalidPoliceData, match="^latitude must be a finite number, got nan"):
        Place(name="Station", address=None, postcode=None, type=None, latitude=math.nan, longitude=0.0,
              description=None)  # fmt: skip
    with pytest.raises(TypeError, match="^longitude must be a number, got True"):
        Place(name="Station", address=None, postcode=None, type=None, latitude=0.0, longitude=True,
              description=None)  # fmt: skip
    details = NeighbourhoodDetails.from_policeuk(
        sample("neighbourhood__leicestershire-NC04__tjcain")
    )
    with pytest.raises(InvalidPoliceData, match="^population must not be negative, got -1"):
        attrs.evolve(details, population=-1)
    for population in (True, "12", 12.0):
        with pytest.raises(TypeError, match="^population must be an int"):
            attrs.evolve(details, population=population)  # type: ignore[arg-type]
    assert attrs.evolve(details, contact_details=(("email", "a@b"),)).contact_details == (
        ("email", "a@b"),
    )
    for contact in (
        [("email", "a@b")],
        (["email", "a@b"],),
        (("email",),),
        (("email", "a@b", "c"),),
        (("email", 1),),
    ):
        with pytest.raises(TypeError, match="^contact_details must be a tuple of"):
            attrs.evolve(details, contact_details=contact)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^centre must be a .latitude, longitude. tuple"):
        attrs.evolve(details, centre=[52.6, -1.1])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="locations"):
        attrs.evolve(details, locations=[])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="engagement_methods"):
        attrs.evolve(
            Force.from_policeuk(sample("force__leicestershire__policedatakit")),
            engagement_methods=("phone",),  # type: ignore[arg-type]
        )


def test_an_event_without_a_title_or_a_start_is_reported_with_its_path() -> None:
    event = {"title": "Street briefing", "start_date": "2025-01-01T10:00:00"}
    for field in ("title", "start_date"):
        with pytest.raises(ExceptionGroup) as caught:
            events_from_policeuk([{**event, field: None}], tz=LONDON)
        assert [e.path for e in caught.value.exceptions if isinstance(e, InvalidPoliceData)] == [
            f'[0]["{field}"]'
        ]


def test_quotes_in_a_name_go_out_as_they_are() -> None:
    said = 'St Mary\'s "Old Town"'
    assert NeighbourhoodReference(id="N", name=said).to_policeuk() == {"id": "N", "name": said}


def test_a_force_needs_no_telephone() -> None:
    data = sample("force__leicestershire__policedatakit")
    del data["telephone"]
    assert Force.from_policeuk(data).telephone is None
