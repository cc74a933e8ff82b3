"""Every reader of outside data, fed arbitrary JSON-like values and mutations of the real samples.

Only the library's errors may come out: a `PactError` (alone, or every leaf of an
`ExceptionGroup`), or a `TypeError` for a value of the wrong Python type. Anything else
(a `KeyError`, an `AttributeError`, numpy's or shapely's own errors) is an escape.

The samples are the real police.uk answers in tests/data/policeuk, real wards of
tests/data/wards, and real street-level rows of examples/data (see their READMEs for
attribution); a mutation drops a field, retypes it, empties it or nests it wrongly.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import gzip
import io
import itertools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pact_core.abstraction import AbstractionPolicy, account_table
from pact_core.case_review import Application, Body, Complaint
from pact_core.crime import (
    Category,
    Month,
    Outcome,
    crimes_from_csv,
    crimes_from_policeuk,
    crimes_to_policeuk,
    outcomes_from_policeuk,
)
from pact_core.errors import ExceptionGroup, PactError
from pact_core.geography import LocalAuthorityCode, WardCode, wards_from_geojson
from pact_core.intervals import CalendarUnit, Interval
from pact_core.policeuk import (
    Force,
    LocatedNeighbourhood,
    NeighbourhoodDetails,
    boundary_from_policeuk,
    events_from_policeuk,
    forces_from_policeuk,
    members_from_policeuk,
    neighbourhoods_from_policeuk,
    priorities_from_policeuk,
)
from pact_core.selection import (
    RankedProfile,
    approval_ballots,
    ranked_ballots,
    score_ballots,
)
from pact_core.teams import Role

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).parent.parent
POLICEUK = ROOT / "tests" / "data" / "policeuk"
UTC = dt.timezone.utc
AUGUST = Month(2022, 8)
# A fifth of the profile's examples for each reader (they are many); FUZZ=1000 in the
# environment hunts longer. A run at 1,000 found the one escape below (an empty geometry type).
fuzz = settings(
    max_examples=int(os.environ.get("FUZZ", max(10, settings().max_examples // 5))),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _sample(name: str) -> Any:
    return json.loads((POLICEUK / f"{name}.json").read_text(encoding="utf-8"))


def _street_rows() -> list[list[str]]:
    path = ROOT / "examples" / "data" / "kent-2022-01-to-08-medway-maidstone.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(itertools.islice(csv.reader(f), 6))


def _wards() -> dict[str, Any]:
    collection = json.loads(
        (ROOT / "tests" / "data" / "wards" / "E07000110_WD13.geojson").read_text(encoding="utf-8")
    )
    features = collection["features"][:2]
    for feature in features:  # a real ward's ring, cut short: fast to read, still real data
        geometry = feature["geometry"]
        polygon = (
            geometry["coordinates"][0]
            if geometry["type"] == "Polygon"
            else geometry["coordinates"][0][0]
        )
        ring = polygon[:: max(1, len(polygon) // 8)]
        feature["geometry"] = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
    return {"type": "FeatureCollection", "features": features}


def _crimes() -> list[dict[str, Any]]:
    return crimes_to_policeuk(crimes_from_csv(_street_rows(), publication=AUGUST))


def _outcomes() -> list[dict[str, Any]]:
    # The outcomes-at-location shape, around the crimes of the real rows.
    return [
        {"category": {"code": "charged", "name": "Suspect charged"}, "date": "2022-03",
         "person_id": None, "crime": crime}
        for crime in _crimes() if crime["persistent_id"]
    ]  # fmt: skip


def _complaint() -> dict[str, Any]:
    return {
        "reference": "C1", "body": Body.COUNCIL, "complainant": "R-1",
        "behaviour_at": dt.datetime(2025, 3, 1, tzinfo=UTC), "reported_at": dt.datetime(2025, 3, 2, tzinfo=UTC),
        "location": "Park Road",
    }  # fmt: skip


def _complaint_of(value: Any) -> object:
    return Complaint(**value) if isinstance(value, dict) else Complaint(value)  # type: ignore[call-arg]  # on purpose


def _application_of(value: Any) -> object:
    if not isinstance(value, dict):
        return Application(value)  # type: ignore[call-arg]  # on purpose
    given = value.get("complaints")
    if isinstance(given, list):  # the complaints as a caller builds them, from their fields
        value = {
            **value,
            "complaints": [_complaint_of(c) if isinstance(c, dict) else c for c in given],
        }
    return Application(**value)


def _duty_rows(value: Any) -> object:
    # A duty table's rows as a database driver gives them: tuples (a list row is a TypeError).
    rows = (
        [tuple(row) if isinstance(row, list) else row for row in value]
        if isinstance(value, list)
        else value
    )
    return account_table(rows, AbstractionPolicy.default(), tz=UTC)


# name: (reader, real samples to mutate)
READERS: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
    "forces_from_policeuk": (forces_from_policeuk, [[_sample("forces-item__avon-and-somerset__policedatakit")]]),
    "Force.from_policeuk": (Force.from_policeuk, [_sample("force__leicestershire__policedatakit")]),
    "neighbourhoods_from_policeuk": (neighbourhoods_from_policeuk, [_sample("neighbourhoods__leicestershire__tjcain")[:5]]),
    "NeighbourhoodDetails.from_policeuk": (NeighbourhoodDetails.from_policeuk, [
        _sample("neighbourhood__leicestershire-NC04__policedatakit"),
        _sample("neighbourhood__html-entity-in-name__policedatakit"),
        _sample("neighbourhood__empty-force-url__policedatakit")]),
    "LocatedNeighbourhood.from_policeuk": (LocatedNeighbourhood.from_policeuk, [
        _sample("locate-neighbourhood__51.500617,-0.124629__tjcain")]),
    "members_from_policeuk": (members_from_policeuk, [
        _sample("neighbourhood-team__leicestershire-NC04__tjcain"),
        [_sample("senior-officers-item__leicestershire__policedatakit")]]),
    # A member with no rank at all: read when the caller says which role to give them.
    "members_from_policeuk(unknown_rank=)": (lambda v: members_from_policeuk(v, unknown_rank=Role.CONSTABLE), [
        [_sample("neighbourhood-team-item__nulls__policedatakit")]]),
    "events_from_policeuk": (lambda v: events_from_policeuk(v, tz=UTC), [
        _sample("neighbourhood-events__leicestershire-NC04__tjcain")]),
    "priorities_from_policeuk": (lambda v: priorities_from_policeuk(v, tz=UTC), [
        _sample("neighbourhood-priorities__leicestershire-NC04__tjcain")[:3],
        [_sample("neighbourhood-priorities-item__html__policedatakit"),
         _sample("neighbourhood-priorities-item__no-action__policedatakit")]]),
    "boundary_from_policeuk": (boundary_from_policeuk, [
        _sample("neighbourhood-boundary__leicestershire-excerpt__police-api-client")]),
    "wards_from_geojson": (wards_from_geojson, [_wards()]),
    "crimes_from_csv": (lambda v: crimes_from_csv(v, publication=AUGUST), [_street_rows()]),
    "crimes_from_policeuk": (lambda v: crimes_from_policeuk(v, publication=AUGUST), [_crimes()]),
    "outcomes_from_policeuk": (lambda v: outcomes_from_policeuk(v, publication=AUGUST), [_outcomes()]),
    "RankedProfile.from_rankings": (RankedProfile.from_rankings, [[["asb", "drugs"], ["drugs"], ["speeding", "asb", "litter"]]]),
    "ranked_ballots": (ranked_ballots, [[["asb", "drugs"], ["drugs", "asb"]]]),
    "approval_ballots": (approval_ballots, [[["asb", "drugs"], ["litter"]]]),
    "score_ballots": (score_ballots, [[{"asb": 3, "drugs": 1}, {"litter": 5}]]),
    "account_table": (_duty_rows, [[["PC 1", dt.datetime(2025, 3, 3, 7, tzinfo=UTC),
                                     dt.datetime(2025, 3, 3, 15, tzinfo=UTC), "patrol", "Strood", "Strood NPT"]]]),
    "Complaint": (_complaint_of, [_complaint()]),
    "Application": (_application_of, [{"id": "A1", "applicant": "R-1", "received_at": dt.datetime(2025, 4, 1, tzinfo=UTC),
                                       "complaints": [_complaint()]}]),
    "Interval.parse": (Interval.parse, ["2025-03-30T00:30Z/PT2H"]),
    "CalendarUnit.parse": (CalendarUnit.parse, ["month"]),
    "WardCode.parse": (WardCode.parse, ["E05002956"]),
    "LocalAuthorityCode.parse": (LocalAuthorityCode.parse, ["E07000110"]),
    "Category.parse": (Category.parse, ["Violence and sexual offences"]),
    "Outcome.parse": (Outcome.parse, ["Offender given a caution"]),
    "Month.parse": (Month.parse, ["2022-08"]),
}  # fmt: skip

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from(["", "2022-08", "kent", "E05002956", "-1.14", "52.6", "null", "NaN", "&amp;"])
)  # fmt: skip
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def _mutated(draw: st.DrawFn, sample: Any) -> Any:
    """The sample with one to three fields dropped, retyped, emptied or nested wrongly."""
    value = copy.deepcopy(sample)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["drop", "retype", "empty", "nest"]))
        if not path:
            value = [value] if how == "nest" else draw(JSON)
            continue
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        last, item = path[-1], parent[path[-1]]
        if how == "drop":
            del parent[last]
        elif how == "retype":
            parent[last] = draw(JSON)
        elif how == "empty":
            parent[last] = type(item)() if isinstance(item, str | list | dict) else None
        else:
            parent[last] = draw(st.sampled_from([[item], {"value": item}]))
    return value


def _only_the_library_s_errors(reader: Callable[[Any], object], value: Any) -> None:
    try:
        reader(value)
    except TypeError:
        pass
    except ExceptionGroup as group:
        leaves = list(_leaves(group))
        escaped = [e for e in leaves if not isinstance(e, PactError | TypeError)]
        assert not escaped, f"{escaped!r} from {value!r}"
    except PactError:
        pass


def _leaves(error: BaseException) -> Any:
    if isinstance(error, ExceptionGroup):
        for inner in error.exceptions:
            yield from _leaves(inner)
    else:
        yield error


@pytest.mark.parametrize("name", sorted(READERS))
def test_the_real_samples_read(name: str) -> None:
    reader, samples = READERS[name]
    for sample in samples:
        reader(copy.deepcopy(sample))


@pytest.mark.parametrize("name", sorted(READERS))
@fuzz
@given(data=st.data())
def test_mutated_samples_raise_only_the_library_s_errors(name: str, data: st.DataObject) -> None:
    reader, samples = READERS[name]
    value = data.draw(st.sampled_from(samples).flatmap(_mutated))
    _only_the_library_s_errors(reader, value)


@pytest.mark.parametrize("name", sorted(READERS))
@fuzz
@given(value=JSON)
def test_any_json_raises_only_the_library_s_errors(name: str, value: Any) -> None:
    _only_the_library_s_errors(READERS[name][0], value)


def test_the_checker_catches_an_escape() -> None:
    def careless(value: Any) -> object:
        return value["id"]

    with pytest.raises(KeyError):
        _only_the_library_s_errors(careless, {})
    group = ExceptionGroup("two", [PactError("fine"), ValueError("escaped")])

    def grouped(value: Any) -> object:
        raise group

    with pytest.raises(AssertionError, match="escaped"):
        _only_the_library_s_errors(grouped, None)


def test_csv_text_with_a_stray_quote_is_read_or_refused() -> None:
    rows = list(csv.reader(io.StringIO('Crime ID,Month\n"x,2022-01\n')))
    _only_the_library_s_errors(lambda v: crimes_from_csv(v, publication=AUGUST), rows)


def test_a_geometry_of_no_type_is_a_library_error() -> None:
    # Found by the mutations at 1,000 examples: shapely's GeometryTypeError escaped.
    collection = _wards()
    collection["features"][0]["geometry"]["type"] = ""
    with pytest.raises(ExceptionGroup) as caught:
        wards_from_geojson(collection)
    (problem,) = caught.value.exceptions
    assert isinstance(problem, PactError)
    assert str(problem).startswith("features[0]: must be a GeoJSON Feature with a geometry")
