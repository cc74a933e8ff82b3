"""JSON Schema (2020-12) of the plain data of every stored type, generated from the types (private).

The schema walks the same field types the converter does, so what one writes the other
describes. It says what JSON can check (types, patterns, enums, required and unknown
fields, array lengths); the rules that join fields (an interval's end after its start)
stay with the types' constructors, which `from_plain` runs.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any, Literal, get_args, get_origin

import attrs
from cattrs.cols import is_namedtuple

from pact_core.plain import _codecs as c
from pact_core.plain._converter import (
    _TAGGED,
    NAMES,
    STORED,
    array_dtype,
    hints,
    is_any,
    is_array,
    is_enum,
    is_geometry,
    is_optional,
    optional_of,
)
from pact_core.plain._shapes import SHAPES

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: c.FLOAT_SCHEMA,
    Fraction: c.FRACTION_SCHEMA,
    dt.datetime: c.DATETIME_SCHEMA,
    dt.date: c.DATE_SCHEMA,
    dt.time: c.TIME_SCHEMA,
    dt.timedelta: c.DURATION_SCHEMA,
    dt.tzinfo: c.ZONE_SCHEMA,
}

_GEOMETRY_TYPES = {
    "Point": "Point",
    "LineString": "LineString",
    "Polygon": "Polygon",
    "MultiPoint": "MultiPoint",
    "MultiLineString": "MultiLineString",
    "MultiPolygon": "MultiPolygon",
    "GeometryCollection": "GeometryCollection",
}

_ANY: dict[str, Any] = {
    "anyOf": [
        {"type": ["string", "number", "boolean", "null"]},
        {
            "type": "object",
            "properties": {"type": {"enum": sorted(_TAGGED)}, "value": {}},
            "required": ["type", "value"],
            "additionalProperties": False,
        },
    ]
}


def _definition_name(kind: type) -> str:
    return NAMES.get(kind) or f"{kind.__module__}.{kind.__qualname__}"


def _geometry(kind: object) -> dict[str, Any]:
    allowed = (kind,) if isinstance(kind, type) else get_args(kind)
    names = sorted(
        name
        for name in _GEOMETRY_TYPES
        if any(a.__name__ in {name, "BaseGeometry"} for a in allowed)
    )
    return {
        "type": "object",
        "properties": {
            "type": {"enum": names},
            "coordinates": {"type": "array"},
            "geometries": {"type": "array"},
        },
        "required": ["type"],
    }


def _schema(kind: object, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911 - one case a kind of field
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    if is_any(kind):
        return _ANY
    if is_enum(kind):
        return {"enum": [m.value for m in kind]}  # type: ignore[attr-defined]  # an enum
    if get_origin(kind) is Literal:
        return {"enum": list(get_args(kind))}
    if is_geometry(kind):
        return _geometry(kind)
    if is_optional(kind):
        return {"anyOf": [_schema(optional_of(kind), defs), {"type": "null"}]}
    if is_array(kind):
        inner = c.FLOAT_SCHEMA if array_dtype(kind).kind == "f" else {"type": "integer"}
        return {"type": "array", "items": inner}
    origin = get_origin(kind)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_schema(arg, defs) for arg in args],
            "items": False,
            "minItems": len(args),
        }
    if origin is frozenset:
        return {"type": "array", "items": _schema(get_args(kind)[0], defs), "uniqueItems": True}
    kind = get_origin(kind) if get_origin(kind) not in {None, tuple, frozenset} else kind
    if isinstance(kind, type) and (attrs.has(kind) or is_namedtuple(kind) or kind in SHAPES):
        name = _definition_name(kind)
        if name not in defs:
            defs[name] = {}  # a placeholder: a type that holds itself refers to its name
            defs[name] = _object(SHAPES[kind][0] if kind in SHAPES else kind, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"pact_core.plain has no schema for {kind!r}")


def _object(kind: type, defs: dict[str, Any]) -> dict[str, Any]:
    types = hints(kind)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if attrs.has(kind):
        for field in attrs.fields(kind):
            if not field.init:
                continue
            properties[field.alias] = _schema(types[field.name], defs)
            if field.default is attrs.NOTHING:
                required.append(field.alias)
    else:
        defaults = getattr(kind, "_field_defaults", {})
        for name in kind._fields:  # type: ignore[attr-defined]  # a named tuple
            properties[name] = _schema(types[name], defs)
            if name not in defaults:
                required.append(name)
    return {
        "type": "object",
        "title": kind.__name__.removesuffix("Shape"),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(kind: type, *, document: bool = False) -> dict[str, Any]:
    """The JSON Schema (2020-12) of *kind*'s plain data, or with *document* of its `to_document` form.

    >>> from pact_core.crime import Month
    >>> schema = json_schema(Month)
    >>> schema["$ref"], schema["$defs"]["pact_core.crime.Month"]["required"]
    ('#/$defs/pact_core.crime.Month', ['year', 'month'])

    Raises:
        TypeError: *kind* is not a value type pact_core stores.
    """
    from pact_core.plain import FORMAT_VERSION, _name  # noqa: PLC0415 - the package imports this module

    name = _name(kind)
    defs: dict[str, Any] = {}
    data = _schema(STORED[name], defs)
    schema: dict[str, Any] = {"$schema": DIALECT, "title": name}
    if document:
        schema |= {
            "type": "object",
            "properties": {
                "type": {"const": name},
                "version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
                "data": data,
            },
            "required": ["type", "version", "data"],
            "additionalProperties": False,
        }
    else:
        schema |= data
    schema["$defs"] = dict(sorted(defs.items()))
    return schema
