"""Plain JSON data in and out for every pact_core value, with a JSON Schema for each, versioned.

`to_plain` turns a value into JSON-ready data (dicts with string keys, lists, str, int,
float, bool and None), the same data for equal values, so that
``json.dumps(data, sort_keys=True)`` is a stable fingerprint. `from_plain` builds a value
of a named type back, through the type's own constructor, and reports every bad field at
once with its JSON path. `to_document` and `from_document` wrap the data in a document
that names its type and the format's version, and `json_schema` gives the JSON Schema
(2020-12) of either, for other systems to validate against.

>>> import datetime as dt, json
>>> from zoneinfo import ZoneInfo
>>> from pact_core.panels import Meeting, MeetingKind, Panel
>>> panel = Panel(force="kent", neighbourhood="Strood", name="Strood PACT")
>>> meeting = Meeting(panel=panel, start=dt.datetime(2024, 10, 28, 19, tzinfo=ZoneInfo("Europe/London")),
...                   kind=MeetingKind.REGULAR)
>>> data = to_plain(meeting)
>>> data["start"]
'2024-10-28T19:00:00+00:00[Europe/London]'
>>> from_plain(Meeting, json.loads(json.dumps(data)), zones=ZoneInfo) == meeting
True

Reading is free of I/O like the rest of pact_core: an instant stored with a zone's name
is read in the zone that *zones* (a mapping, or a function such as `zoneinfo.ZoneInfo`)
gives for that name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, get_origin

from pact_core.errors import ExceptionGroup, InvalidPlainData
from pact_core.plain import _codecs
from pact_core.plain._converter import LEFT_OUT, NAMES, STORED, converter, problems
from pact_core.plain._rows import to_dataframe, to_rows
from pact_core.plain._schema import json_schema

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "FORMAT_VERSION",
    "LEFT_OUT",
    "STORED",
    "from_document",
    "from_plain",
    "json_schema",
    "to_dataframe",
    "to_document",
    "to_plain",
    "to_rows",
]

FORMAT_VERSION = 1
"""The version of the stored format that `to_document` writes.

A later pact_core reads every earlier version: a change to the stored form of any type
adds a version, and `from_document` turns a document of an earlier one into the current
form before reading it.
"""

T = TypeVar("T")

# Each stored type's functions to plain data and back, found once (cattrs generates them).
_DUMPS: dict[type, Callable[[Any], Any]] = {}
_LOADS: dict[object, Callable[[object, Any], Any]] = {}


def _loader(kind: type, subject: str, path: str) -> Callable[[object, Any], Any]:
    """Read data as *kind*, the caller's zones in force; every problem at once, inside *path*."""
    structure = converter().get_structure_hook(kind)

    def read(data: object, zones: Any) -> Any:  # noqa: ANN401 - a value of kind; the caller's zones
        token = _codecs.ZONES.set(zones)
        try:
            return structure(data, kind)
        except Exception as err:  # noqa: BLE001 - every failure is reported with its path
            found = problems(err, path)
            raise ExceptionGroup(f"{subject} has {len(found)} problem(s)", found) from None
        finally:
            _codecs.ZONES.reset(token)

    return read


def _name(kind: object) -> str:
    found = NAMES.get(get_origin(kind) or kind)  # type: ignore[arg-type]  # a class or a generic alias
    if found is not None:
        return found
    name = getattr(kind, "__qualname__", None)
    if isinstance(kind, type) and kind.__module__.startswith("pact_core."):
        why = next(
            (why for left, why in LEFT_OUT.items() if left.rpartition(".")[2] == name),
            "not a value pact_core stores",
        )
        raise TypeError(f"{name} is {why}")
    raise TypeError(f"kind must be a pact_core value type, got {kind!r}")


def to_plain(value: object) -> Any:  # noqa: ANN401 - JSON data: a dict for every value type
    """JSON-ready data of a pact_core value: the same data for equal values.

    >>> from pact_core.geography import WardCode
    >>> from pact_core.panels import Councillor
    >>> to_plain(Councillor(ward=WardCode("E05015960"), name="Cllr Ann Smith", contact=None))
    {'ward': {'value': 'E05015960'}, 'name': 'Cllr Ann Smith', 'contact': None}

    Raises:
        TypeError: *value* is not a value pact_core stores, or holds a datetime whose zone
            has no IANA name or fixed offset.
    """
    kind = type(value)
    dump = _DUMPS.get(kind)
    if dump is None:
        _name(kind)
        dump = _DUMPS[kind] = converter().get_unstructure_hook(kind)
    return dump(value)


def from_plain(
    kind: type[T],
    data: object,
    *,
    zones: Mapping[str, Any] | Callable[[str], Any] | None = None,
) -> T:
    """Build a value of *kind* from plain data, checking everything its constructor checks.

    *zones* turns a zone's IANA name into a `datetime.tzinfo`: a mapping, or a function
    such as `zoneinfo.ZoneInfo`. It is needed only when the data names zones.

    >>> from pact_core.crime import Month
    >>> from_plain(Month, {"year": 2022, "month": 8})
    Month(year=2022, month=8)

    Every problem comes at once, each an `InvalidPlainData` naming its JSON path:

    >>> try:
    ...     from_plain(Month, {"year": "2022", "month": 13, "day": 1})
    ... except ExceptionGroup as group:
    ...     for problem in group.exceptions:
    ...         print(problem)
    ["year"] must be an integer, got '2022'
    ["day"] must not be given: Month has no such field

    The month is checked once the fields can be read, by `Month` itself:

    >>> try:
    ...     from_plain(Month, {"year": 2022, "month": 13})
    ... except ExceptionGroup as group:
    ...     print(group.exceptions[0])
    data: month must be from 1 to 12, got 13

    Raises:
        ExceptionGroup: of `pact_core.errors.InvalidPlainData`, one for each problem.
        TypeError: *kind* is not a value type pact_core stores.
    """
    load = _LOADS.get(kind)
    if load is None:
        name = _name(kind)
        load = _LOADS[kind] = _loader(STORED[name], f"plain data of {name}", "")
    return load(data, zones)  # type: ignore[no-any-return]  # a value of kind


def to_document(value: object) -> dict[str, Any]:
    """A versioned document of a value: its type's name, the format's version and its data.

    >>> from pact_core.crime import Month
    >>> to_document(Month(2022, 8))
    {'type': 'pact_core.crime.Month', 'version': 1, 'data': {'year': 2022, 'month': 8}}
    """
    return {"type": _name(type(value)), "version": FORMAT_VERSION, "data": to_plain(value)}


def from_document(
    document: object,
    *,
    zones: Mapping[str, Any] | Callable[[str], Any] | None = None,
    kind: type[T] | None = None,
) -> T:
    """The value a document holds, of any version this pact_core reads (1 to `FORMAT_VERSION`).

    With *kind*, the document must hold a value of that type.

    >>> from pact_core.crime import Month
    >>> from_document({"type": "pact_core.crime.Month", "version": 1, "data": {"year": 2022, "month": 8}})
    Month(year=2022, month=8)

    Raises:
        ExceptionGroup: of `pact_core.errors.InvalidPlainData`: the document's own fields
            (``["type"]``, ``["version"]``) or its data's (``["data"]["month"]``).
    """
    expected = None if kind is None else _name(kind)
    found: list[InvalidPlainData] = []

    def bad(path: str, rule: str, value: object) -> None:
        found.append(
            InvalidPlainData(
                f"{path} must {rule}, got {value!r}", field=path, rule=rule, value=value, path=path
            )
        )

    if not isinstance(document, dict):
        bad("document", "be a JSON object", document)
        raise ExceptionGroup("the document has 1 problem(s)", found)
    name, version = document.get("type"), document.get("version")
    if not isinstance(name, str) or name not in STORED:
        bad('["type"]', "name a type pact_core stores", name)
    elif expected is not None and name != expected:
        bad('["type"]', f"be {expected!r}", name)
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        bad('["version"]', f"be a format version from 1 to {FORMAT_VERSION}", version)
    if "data" not in document:
        bad('["data"]', "be given", None)
    for extra in sorted(set(document) - {"type", "version", "data"}):
        bad(f'["{extra}"]', "not be given: a document has type, version and data", document[extra])
    if found:
        raise ExceptionGroup(f"the document has {len(found)} problem(s)", found)
    read = _loader(STORED[str(name)], f"the document of {name}", '["data"]')
    found_value: T = read(document["data"], zones)
    return found_value
