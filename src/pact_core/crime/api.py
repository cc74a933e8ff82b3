"""police.uk's crime API answers in and out: ``crimes-street``, ``crimes-no-location`` and ``outcomes-at-location``.

The caller does the HTTP and parses the JSON; these read the parsed answers, reporting every
bad field at once with its JSON path (``[3]["location"]["latitude"]``), and write them back
in the same shape, exactly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs.validators import instance_of, optional

from pact_core.crime.categories import Month, Outcome
from pact_core.crime.records import (
    _ID,
    _LAT,
    _LOCATION,
    _LON,
    _OUTCOME,
    _WIDTH,
    CATEGORIES,
    Crime,
    CrimeTable,
    _Problems,
)
from pact_core.errors import ExceptionGroup

__all__ = [
    "CrimeOutcome",
    "crimes_from_policeuk",
    "crimes_to_policeuk",
    "outcomes_from_policeuk",
    "outcomes_to_policeuk",
]


@attrs.frozen(kw_only=True)
class CrimeOutcome:
    """One outcome of a crime, as ``outcomes-at-location`` gives it: what happened, in which month, to which crime.

    >>> from pact_core.crime import Category
    >>> crime = Crime(id="8d8f", month=Month(2024, 1), category=Category.SHOPLIFTING, point=None, location="No Location")
    >>> CrimeOutcome(outcome=Outcome.CAUTIONED, month=Month(2024, 2), crime=crime).outcome.label
    'Offender given a caution'
    """

    outcome: Outcome = attrs.field(validator=instance_of(Outcome))
    month: Month = attrs.field(validator=instance_of(Month))
    crime: Crime = attrs.field(validator=instance_of(Crime))
    person_id: int | None = attrs.field(default=None, validator=optional(instance_of(int)))


class _Json:
    """Reads JSON fields, collecting a problem (with its path) for each bad one."""

    def __init__(self) -> None:
        self.problems = _Problems()

    def fail(self, path: str, rule: str, value: object) -> None:
        self.problems.add(path, rule, value, row=len(self.problems.found))

    def field(self, item: Mapping[str, Any], name: str, path: str) -> Any:  # noqa: ANN401 - a JSON value
        if name not in item:
            self.fail(f'{path}["{name}"]', "be present", None)
            return None
        return item[name]

    def text(
        self, item: Mapping[str, Any], name: str, path: str, *, null: bool = False
    ) -> str | None:
        value = self.field(item, name, path)
        if value is None and (null or name not in item):
            return None
        if not isinstance(value, str):
            self.fail(f'{path}["{name}"]', "be a string" + (" or null" if null else ""), value)
            return None
        return value

    def integer(self, item: Mapping[str, Any], name: str, path: str) -> int | None:
        value = self.field(item, name, path)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f'{path}["{name}"]', "be an integer or null", value)
            return None
        return value

    def mapping(self, value: object, path: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path or "answer", "be a JSON object", value)
            return None
        return value

    def month(
        self, item: Mapping[str, Any], name: str, path: str, *, null: bool = False
    ) -> Month | None:
        text = self.text(item, name, path, null=null)
        if text is None:
            return None
        try:
            return Month.parse(text)
        except Exception:  # noqa: BLE001 - reported with its path
            self.fail(f'{path}["{name}"]', "be a month as YYYY-MM", text)
            return None

    def coordinate(
        self, item: Mapping[str, Any], name: str, path: str, limit: float
    ) -> tuple[str, float] | None:
        value = self.field(item, name, path)
        text = value if isinstance(value, str) else None
        number = None
        if text is not None:
            try:
                number = float(text)
            except ValueError:
                number = None
        elif isinstance(value, int | float) and not isinstance(value, bool):
            number, text = float(value), repr(value)
        if number is None or text is None or not math.isfinite(number) or abs(number) > limit:
            if name in item:
                self.fail(f'{path}["{name}"]', f"be a number from {-limit:g} to {limit:g}", value)
            return None
        return text, number

    def raise_all(self, what: str) -> None:
        if self.problems.found:
            problems = [problem for _, problem in self.problems.found]
            raise ExceptionGroup(f"{len(problems)} problem(s) reading police.uk {what}", problems)


def _items(reader: _Json, answer: object) -> list[Any]:
    if not isinstance(answer, Sequence) or isinstance(answer, str | bytes):
        reader.fail("answer", "be a JSON array", answer)
        return []
    return list(answer)


def _read_crime(
    reader: _Json, item: Mapping[str, Any], path: str, *, outcome_status: bool
) -> tuple[list[str], Crime] | None:
    """One crime of the API: its street-level cells and its value (or None, with problems reported)."""
    before = len(reader.problems.found)
    slug = reader.text(item, "category", path)
    category = None
    if slug is not None:
        category = next((c for c in CATEGORIES if c.value == slug), None)
        if category is None:
            reader.fail(f'{path}["category"]', "be one of police.uk's 14 category slugs", slug)
    month = reader.month(item, "month", path)
    persistent = reader.text(item, "persistent_id", path, null=True)
    api_id = reader.integer(item, "id", path)
    context = reader.text(item, "context", path, null=True)
    location_type = reader.text(item, "location_type", path, null=True)
    location_subtype = reader.text(item, "location_subtype", path, null=True)
    where = reader.field(item, "location", path)
    lon = lat = None
    street_id = None
    street_name = "No Location"
    if where is not None:
        place = reader.mapping(where, f'{path}["location"]')
        if place is not None:
            lat = reader.coordinate(place, "latitude", f'{path}["location"]', 90.0)
            lon = reader.coordinate(place, "longitude", f'{path}["location"]', 180.0)
            street = reader.mapping(
                reader.field(place, "street", f'{path}["location"]'),
                f'{path}["location"]["street"]',
            )
            if street is not None:
                street_id = reader.integer(street, "id", f'{path}["location"]["street"]')
                street_name = reader.text(street, "name", f'{path}["location"]["street"]') or ""
    outcome = None
    outcome_text = ""
    outcome_month = None
    if outcome_status:
        status = reader.field(item, "outcome_status", path)
        if status is not None:
            found = reader.mapping(status, f'{path}["outcome_status"]')
            if found is not None:
                outcome_text = reader.text(found, "category", f'{path}["outcome_status"]') or ""
                try:
                    outcome = Outcome.parse(outcome_text)
                except Exception:  # noqa: BLE001 - reported with its path
                    reader.fail(
                        f'{path}["outcome_status"]["category"]',
                        "be an outcome category police.uk publishes",
                        outcome_text,
                    )
                outcome_month = reader.month(found, "date", f'{path}["outcome_status"]', null=True)
    if category is not None and not category.is_crime and (persistent or outcome is not None):
        reader.fail(
            path, "have no persistent_id or outcome_status for anti-social behaviour", dict(item)
        )
    if len(reader.problems.found) > before or category is None or month is None:
        return None
    point = None if lon is None or lat is None else (lon[1], lat[1])
    crime = Crime(
        id=persistent or None,
        month=month,
        category=category,
        point=point,
        location=street_name,
        outcome=outcome,
        context=context or "",
        outcome_month=outcome_month,
        api_id=api_id,
        street_id=street_id,
        location_type=location_type,
        location_subtype=location_subtype,
    )
    cells = [
        "",
        str(month),
        "",
        "",
        "",
        "",
        street_name,
        "",
        "",
        category.label,
        outcome_text,
        context or "",
    ]
    cells[_ID] = persistent or ""
    if point is not None and lon is not None and lat is not None:
        cells[_LON], cells[_LAT] = lon[0], lat[0]
    return cells, crime


def crimes_from_policeuk(answer: object, *, publication: Month) -> CrimeTable:
    """Read an answer of ``crimes-street`` or ``crimes-no-location`` (a list of crimes) into a `CrimeTable`.

    >>> answer = [{"category": "anti-social-behaviour", "location_type": "Force", "context": "",
    ...            "location": {"latitude": "52.640961", "longitude": "-1.126371",
    ...                         "street": {"id": 884343, "name": "On or near Wharf Street North"}},
    ...            "outcome_status": None, "persistent_id": "", "id": 54164419, "location_subtype": "", "month": "2017-01"}]
    >>> table = crimes_from_policeuk(answer, publication=Month(2017, 2))
    >>> table.crime(0).point, crimes_to_policeuk(table) == answer
    ((-1.126371, 52.640961), True)
    """
    reader = _Json()
    cells: list[str] = []
    crimes: list[Crime] = []
    for i, value in enumerate(_items(reader, answer)):
        item = reader.mapping(value, f"[{i}]")
        if item is None:
            continue
        found = _read_crime(reader, item, f"[{i}]", outcome_status=True)
        if found is not None:
            cells += found[0]
            crimes.append(found[1])
    reader.raise_all("crimes")
    table = CrimeTable.from_crimes(crimes, publication=publication)
    return attrs.evolve(table, cells=cells)


def _crime_to_policeuk(table: CrimeTable, i: int, *, outcome_status: bool) -> dict[str, Any]:
    row = table.cells[i * _WIDTH : (i + 1) * _WIDTH]
    api = table.api[i] or (None, None, None, None, None)
    located = not math.isnan(float(table.longitude[i]))
    item: dict[str, Any] = {
        "category": CATEGORIES[int(table.category[i])].value,
        "location_type": api[2],
        "location": {
            "latitude": row[_LAT],
            "street": {"id": api[1], "name": row[_LOCATION]},
            "longitude": row[_LON],
        }
        if located
        else None,
        "context": row[-1],
    }
    if outcome_status:
        item["outcome_status"] = (
            {"category": row[_OUTCOME], "date": str(api[4]) if api[4] is not None else None}
            if row[_OUTCOME]
            else None
        )
    item |= {
        "persistent_id": row[_ID],
        "id": api[0],
        "location_subtype": api[3],
        "month": str(Month.from_ordinal(int(table.month[i]))),
    }
    return item


def crimes_to_policeuk(table: CrimeTable) -> list[dict[str, Any]]:
    """The ``crimes-street`` shape of a table's crimes (rows without a point as ``crimes-no-location`` gives them).

    >>> crimes_to_policeuk(CrimeTable.from_crimes([], publication=Month(2024, 1)))
    []
    """
    return [_crime_to_policeuk(table, i, outcome_status=True) for i in range(len(table))]


def outcomes_from_policeuk(answer: object, *, publication: Month) -> tuple[CrimeOutcome, ...]:
    """Read an answer of ``outcomes-at-location``: each outcome with its month and its crime.

    >>> answer = [{"category": {"code": "imprisoned", "name": "Offender sent to prison"}, "date": "2017-01",
    ...            "person_id": None, "crime": {"category": "theft-from-the-person", "location_type": "Force",
    ...            "location": {"latitude": "52.634407", "street": {"id": 883498, "name": "On or near Kate Street"},
    ...                         "longitude": "-1.149381"}, "context": "", "persistent_id": "a5a98275",
    ...            "id": 53566126, "location_subtype": "", "month": "2016-09"}}]
    >>> [(o.outcome.name, str(o.month), o.crime.category.name) for o in outcomes_from_policeuk(answer, publication=Month(2017, 2))]
    [('IMPRISONED', '2017-01', 'THEFT_FROM_THE_PERSON')]
    >>> outcomes_to_policeuk(outcomes_from_policeuk(answer, publication=Month(2017, 2))) == answer
    True
    """
    if not isinstance(publication, Month):
        raise TypeError(f"publication must be a Month, got {publication!r}")
    reader = _Json()
    found: list[CrimeOutcome] = []
    for i, value in enumerate(_items(reader, answer)):
        path = f"[{i}]"
        item = reader.mapping(value, path)
        if item is None:
            continue
        before = len(reader.problems.found)
        outcome = None
        category = reader.mapping(reader.field(item, "category", path), f'{path}["category"]')
        if category is not None:
            code = reader.text(category, "code", f'{path}["category"]')
            name = reader.text(category, "name", f'{path}["category"]')
            if code is not None:
                outcome = next((o for o in Outcome if o.value == code), None)
                if outcome is None:
                    reader.fail(
                        f'{path}["category"]["code"]',
                        "be an outcome code police.uk publishes",
                        code,
                    )
                elif name is not None and name not in (
                    outcome.label,
                    "Offender given a penalty notice",
                ):
                    reader.fail(
                        f'{path}["category"]["name"]',
                        f"be the name of {code!r} ({outcome.label!r})",
                        name,
                    )
        month = reader.month(item, "date", path)
        person = reader.integer(item, "person_id", path)
        crime_item = reader.mapping(reader.field(item, "crime", path), f'{path}["crime"]')
        crime = None
        if crime_item is not None:
            read = _read_crime(reader, crime_item, f'{path}["crime"]', outcome_status=False)
            crime = None if read is None else read[1]
        if len(reader.problems.found) == before and outcome and month and crime:
            found.append(CrimeOutcome(outcome=outcome, month=month, crime=crime, person_id=person))
    reader.raise_all("outcomes")
    return tuple(found)


def outcomes_to_policeuk(outcomes: Sequence[CrimeOutcome]) -> list[dict[str, Any]]:
    """The ``outcomes-at-location`` shape of outcomes (coordinates in police.uk's six decimals).

    >>> outcomes_to_policeuk(())
    []
    """
    out = []
    for item in outcomes:
        table = CrimeTable.from_crimes([item.crime], publication=item.month)
        out.append({
            "category": {"code": item.outcome.value, "name": item.outcome.label},
            "date": str(item.month),
            "person_id": item.person_id,
            "crime": _crime_to_policeuk(table, 0, outcome_status=False),
        })  # fmt: skip
    return out
