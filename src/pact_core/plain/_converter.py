"""The converter behind `pact_core.plain`: cattrs, with a strict hook for every kind of field (private).

Theory of operation: cattrs (the attrs maintainers' converter) generates one function a
class to turn a value into a dict and one to build it back, calling each class's own
constructor, so a stored value is checked exactly as a built one is. pact_core adds:

- strict scalars: JSON's ``"1"`` is never read as an int, nor ``1`` as a str or bool;
- the codecs of `_codecs` for instants, zones, dates, durations and fractions, GeoJSON
  for geometries, arrays for tuples and numpy columns, sorted arrays for sets;
- enums by value, a tagged form for the values of generic fields (a candidate may be a
  string or an `Issue`), and the shapes of `_shapes` for the tables;
- the paths: cattrs collects every failing field of a class and every failing item of an
  array, with notes saying where; `problems` turns that tree into `InvalidPlainData`
  errors, each with its JSON path.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import itertools
import json
import math
import types
import typing
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
import numpy as np
import numpy.typing as npt
import shapely
from cattrs.cols import (
    is_namedtuple,
    namedtuple_dict_structure_factory,
    namedtuple_dict_unstructure_factory,
)
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from shapely.geometry.base import BaseGeometry

from pact_core._hypothesis import _REGISTERED
from pact_core.errors import ExceptionGroup, InvalidPlainData, PactError
from pact_core.plain import _codecs as c
from pact_core.plain._shapes import SHAPES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__: list[str] = []

# The types left out of plain data, and why (the docs list them).
LEFT_OUT: dict[str, str] = {
    "pact_core.geography.WardLocator": (
        "an index computed from its wards: store the wards (or the NeighbourhoodMap) "
        "and build the locator again"
    ),
}


def _mapping_fields() -> dict[type, tuple[str, ...]]:
    from pact_core.crime import OutcomePolicy  # noqa: PLC0415 - the subject modules load with the registry
    from pact_core.priorities import CategoryMap, RoutingPolicy  # noqa: PLC0415
    from pact_core.selection import ScoreBallot, TieBreak  # noqa: PLC0415

    return {
        OutcomePolicy: ("classes",),
        CategoryMap: ("links",),
        RoutingPolicy: ("routes",),
        ScoreBallot: ("scores",),
        TieBreak: ("values",),
    }


def _stored() -> dict[str, type]:
    found: dict[str, type] = {}
    for module, pairs in _REGISTERED.items():
        loaded = importlib.import_module(module)
        for name, _ in pairs:
            if f"{module}.{name}" not in LEFT_OUT:
                found[f"{module}.{name}"] = getattr(loaded, name)
    return dict(sorted(found.items()))


STORED: dict[str, type] = _stored()
NAMES: dict[type, str] = {kind: name for name, kind in STORED.items()}
# The fields stored as pairs whose constructor takes a mapping (each pair's key once).
MAPPING_FIELDS = _mapping_fields()

# The names a generic field's tagged values may carry beyond the stored types.
_SCALARS: dict[str, type] = {
    "datetime": dt.datetime,
    "date": dt.date,
    "time": dt.time,
    "timedelta": dt.timedelta,
    "Fraction": Fraction,
    "float": float,
}
_TAGS: dict[type, str] = {kind: name for name, kind in _SCALARS.items()} | NAMES
_TAGGED: dict[str, type] = _SCALARS | STORED


def _namespace() -> dict[str, Any]:
    space: dict[str, Any] = {
        "NDArray": npt.NDArray,
        "np": np,
        "dt": dt,
        "Fraction": Fraction,
        "BaseGeometry": BaseGeometry,
        "shapely": shapely,
    }
    for module in {*_REGISTERED, "pact_core.calendars", "pact_core.crime.records"}:
        for name, value in vars(importlib.import_module(module)).items():
            if isinstance(value, type) and not name.startswith("__"):
                space.setdefault(name, value)
    return space


_SPACE = _namespace()


def hints(kind: type) -> dict[str, Any]:
    """The resolved types of a class's fields (attrs or NamedTuple), by field name."""
    # The class's own module first: two modules may each have an EventKind.
    space = _SPACE | vars(importlib.import_module(kind.__module__))
    if attrs.has(kind):
        attrs.resolve_types(kind, globalns=space)
        return {f.name: f.type for f in attrs.fields(kind)}
    return typing.get_type_hints(kind, globalns=space)


def _concrete(kind: type) -> Any:  # noqa: ANN401 - a class, or a generic class at Any
    parameters = getattr(kind, "__parameters__", ())
    return kind[(Any,) * len(parameters)] if parameters else kind  # type: ignore[index]  # a generic class


def is_geometry(kind: object) -> bool:
    if isinstance(kind, type):
        return issubclass(kind, BaseGeometry)
    return _is_union(kind) and all(is_geometry(arg) for arg in get_args(kind))


def _is_union(kind: object) -> bool:
    return get_origin(kind) in {Union, types.UnionType}


def is_optional(kind: object) -> bool:
    return _is_union(kind) and type(None) in get_args(kind) and len(get_args(kind)) == 2


def optional_of(kind: object) -> Any:  # noqa: ANN401 - a type expression
    return next(arg for arg in get_args(kind) if arg is not type(None))


def is_any(kind: object) -> bool:
    return kind is Any or kind is object or isinstance(kind, TypeVar)


def is_array(kind: object) -> bool:
    return get_origin(kind) is np.ndarray


def array_dtype(kind: object) -> np.dtype[Any]:
    found: np.dtype[Any] = np.dtype(get_args(get_args(kind)[1])[0])
    return found


def is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def is_stored_class(kind: object) -> bool:
    kind = get_origin(kind) or kind
    return isinstance(kind, type) and (attrs.has(kind) or is_namedtuple(kind))


def _note(err: Exception, note: object) -> Exception:
    err.__notes__ = [*getattr(err, "__notes__", []), note]  # type: ignore[attr-defined]  # as cattrs notes its errors
    return err


def _json_key(item: object) -> str:
    return json.dumps(item, sort_keys=True)


def _items(value: object, kind: object) -> list[Any] | tuple[Any, ...]:
    if type(value) is list or type(value) is tuple:
        return value
    raise c._Bad("be an array", value)


def _build() -> cattrs.Converter:  # noqa: PLR0915 - one place that says how every kind of field is stored
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, use_alias=True)
    structure = conv.get_structure_hook
    unstructure = conv.get_unstructure_hook

    for kind, load in (
        (str, c.load_str),
        (int, c.load_int),
        (bool, c.load_bool),
        (float, c.load_float),
        (Fraction, c.load_fraction),
        (dt.datetime, c.load_datetime),
        (dt.date, c.load_date),
        (dt.time, c.load_time),
        (dt.timedelta, c.load_timedelta),
        (dt.tzinfo, c.load_zone),
    ):
        conv.register_structure_hook(kind, load)
    for kind, dump in (
        (float, c.dump_float),
        (Fraction, c.dump_fraction),
        (dt.datetime, c.dump_datetime),
        (dt.date, c.dump_date),
        (dt.time, c.dump_time),
        (dt.timedelta, c.dump_timedelta),
        (dt.tzinfo, c.zone_name),
    ):
        conv.register_unstructure_hook(kind, dump)

    # -- enums and literals, by value
    def enum_load(kind: type[enum.Enum]) -> Callable[[object, object], object]:
        return _choice({(type(m.value), m.value): m for m in kind})

    conv.register_structure_hook_factory(is_enum, enum_load)
    conv.register_unstructure_hook_factory(is_enum, lambda _: _enum_value)
    # cattrs looks a class up by its MRO before it asks the factories, so an IntEnum would
    # be read as an int: each of pact_core's enums is registered as itself.
    for kind in _SPACE.values():
        if is_enum(kind):
            conv.register_structure_hook(kind, enum_load(kind))
            conv.register_unstructure_hook(kind, _enum_value)

    def literal_load(kind: object) -> Callable[[object, object], object]:
        return _choice({(type(v), v): v for v in get_args(kind)})

    def is_literal(kind: object) -> bool:
        return get_origin(kind) is Literal

    conv.register_structure_hook_factory(is_literal, literal_load)
    conv.register_unstructure_hook_factory(is_literal, lambda _: identity)

    # -- optional values
    def optional_load(kind: object) -> Callable[[object, object], object]:
        inner = optional_of(kind)
        load = structure(inner)

        def optional(value: object, _: object) -> object:
            return None if value is None else load(value, inner)

        return optional

    def optional_dump(kind: object) -> Callable[[object], object]:
        dump = unstructure(optional_of(kind))
        if dump is identity:
            return identity

        def optional(value: object) -> object:
            return None if value is None else dump(value)

        return optional

    def union_load(kind: object) -> Callable[[object, object], object]:
        if is_optional(kind):
            return optional_load(kind)
        raise TypeError(f"pact_core.plain stores no union of {kind!r}")

    def union_dump(kind: object) -> Callable[[object], object]:
        if is_optional(kind):
            return optional_dump(kind)
        raise TypeError(f"pact_core.plain stores no union of {kind!r}")

    conv.register_structure_hook_factory(_is_union, union_load)
    conv.register_unstructure_hook_factory(_is_union, union_dump)

    # -- geometry, as GeoJSON
    def geometry_load(kind: object) -> Callable[[object, object], BaseGeometry]:
        allowed = (kind,) if isinstance(kind, type) else get_args(kind)
        names = sorted(a.__name__ for a in allowed if a is not BaseGeometry)

        def load(value: object, _: object) -> BaseGeometry:
            if not isinstance(value, dict) or not isinstance(value.get("type"), str):
                raise c._Bad("be a GeoJSON geometry object", value)
            try:
                geometry = shapely.geometry.shape(value)
            except Exception:  # noqa: BLE001 - shapely's many errors all mean "not GeoJSON"
                raise c._Bad("be a GeoJSON geometry object", value) from None
            if not isinstance(geometry, allowed):
                raise c._Bad(f"be a GeoJSON {' or '.join(names)}", value.get("type"))
            return geometry  # type: ignore[no-any-return]  # shapely's shape() is untyped

        return load

    conv.register_structure_hook_factory(is_geometry, geometry_load)
    conv.register_unstructure_hook_factory(is_geometry, lambda _: _geojson)

    # -- arrays: tuples, sets and numpy columns
    def is_tuple(kind: object) -> bool:
        return get_origin(kind) is tuple

    def is_frozenset(kind: object) -> bool:
        return get_origin(kind) is frozenset

    def tuple_load(kind: object) -> Callable[[object, object], tuple[Any, ...]]:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence_load(kind, args[0], structure(args[0]), tuple)
        loads = [structure(arg) for arg in args]

        def load(value: object, _: object) -> tuple[Any, ...]:
            items = _items(value, kind)
            if len(items) != len(args):
                raise c._Bad(f"be an array of {len(args)} items", value)
            return tuple(_load_each(kind, items, args, loads))

        return load

    def tuple_dump(kind: object) -> Callable[[tuple[Any, ...]], list[Any]]:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            dump = unstructure(args[0])
            if dump is identity:
                return list
            return lambda value: [dump(item) for item in value]
        dumps = [unstructure(arg) for arg in args]
        return lambda value: [one(item) for one, item in zip(dumps, value, strict=True)]

    conv.register_structure_hook_factory(is_tuple, tuple_load)
    conv.register_unstructure_hook_factory(is_tuple, tuple_dump)

    def frozenset_load(kind: object) -> Callable[[object, object], frozenset[Any]]:
        arg = get_args(kind)[0]
        items = _sequence_load(kind, arg, structure(arg), list)

        def load(value: object, _: object) -> frozenset[Any]:
            found = items(value, kind)
            result = frozenset(found)
            if len(result) != len(found):
                raise c._Bad("not repeat an item", value)
            return result

        return load

    def frozenset_dump(kind: object) -> Callable[[frozenset[Any]], list[Any]]:
        dump = unstructure(get_args(kind)[0])
        return lambda value: sorted((dump(item) for item in value), key=_json_key)

    conv.register_structure_hook_factory(is_frozenset, frozenset_load)
    conv.register_unstructure_hook_factory(is_frozenset, frozenset_dump)

    def array_load(kind: object) -> Callable[[object, object], np.ndarray[Any, Any]]:
        dtype = array_dtype(kind)
        floating = dtype.kind == "f"
        info = None if floating else np.iinfo(dtype)
        one = c.load_float if floating else c.load_int

        def load(value: object, _: object) -> np.ndarray[Any, Any]:
            items = [one(item) for item in _items(value, kind)]
            if info is not None and items and not info.min <= min(items) <= max(items) <= info.max:
                raise c._Bad(f"hold integers from {info.min} to {info.max}", value)
            return np.array(items, dtype=dtype)

        return load

    def array_dump(kind: object) -> Callable[[np.ndarray[Any, Any]], list[Any]]:
        if array_dtype(kind).kind == "f":
            return lambda value: [c.dump_float(item) for item in value.tolist()]
        return lambda value: value.tolist()

    conv.register_structure_hook_factory(is_array, array_load)
    conv.register_unstructure_hook_factory(is_array, array_dump)

    # -- generic fields: JSON's own scalars as they are, anything else tagged with its type
    def any_load(value: object, _: object = None) -> object:
        if value is None or type(value) in {str, int, bool, float}:
            return value
        if not isinstance(value, dict) or set(value) != {"type", "value"}:
            raise c._Bad(
                'be a string, number, true, false, null or {"type": ..., "value": ...}', value
            )
        kind = _TAGGED.get(value["type"]) if isinstance(value["type"], str) else None
        if kind is None:
            raise c._Bad(f"name a stored type ({sorted(_TAGGED)})", value["type"])
        try:
            return conv.structure(value["value"], kind)
        except Exception as err:  # noqa: BLE001 - reported at ["value"]
            raise ClassValidationError(
                "bad tagged value",
                [_note(err, AttributeValidationNote("value", "value", kind))],
                dict,
            ) from None

    def any_dump(value: object) -> object:
        kind = type(value)
        if value is None or kind is str or kind is int or kind is bool:
            return value
        if isinstance(value, float) and kind is float and math.isfinite(value):
            return value
        tag = _TAGS.get(kind)
        if tag is None:
            raise TypeError(
                f"pact_core.plain cannot store a {kind.__name__} in a generic field: {value!r}"
            )
        return {"type": tag, "value": conv.unstructure(value, kind)}

    conv.register_structure_hook_func(is_any, any_load)
    conv.register_unstructure_hook_func(is_any, any_dump)

    # -- classes: attrs classes, named tuples, and the shapes of the tables
    def class_load(kind: type) -> Callable[[object, object], object]:
        # A generic class is stored alike whatever its parameter: its values tagged.
        kind = get_origin(kind) or kind
        if kind in SHAPES:
            shape, _, build = SHAPES[kind]
            load_shape = structure(shape)
            return lambda value, _: build(load_shape(_mapping(value), shape))
        types = hints(kind)
        if is_namedtuple(kind):
            made = namedtuple_dict_structure_factory(kind, conv, True, True)  # noqa: FBT003 - cattrs's positional flags
        else:
            overrides = {
                name: cattrs.gen.override(struct_hook=_pairs_load(types[name]))
                for name in MAPPING_FIELDS.get(kind, ())
            }
            made = cattrs.gen.make_dict_structure_fn(_concrete(kind), conv, **overrides)  # type: ignore[arg-type]  # cattrs types **overrides loosely
        return lambda value, kind: made(_mapping(value), kind)

    def class_dump(kind: type) -> Callable[[object], dict[str, Any]]:
        kind = get_origin(kind) or kind
        if kind in SHAPES:
            shape, view, _ = SHAPES[kind]
            dump_shape = unstructure(shape)
            return lambda value: dump_shape(view(value))
        hints(kind)
        if is_namedtuple(kind):
            return namedtuple_dict_unstructure_factory(kind, conv)
        return cattrs.gen.make_dict_unstructure_fn(_concrete(kind), conv)

    def _pairs_load(kind: object) -> Callable[[object, object], object]:
        load = structure(kind)

        def pairs(value: object, _: object) -> object:
            found = load(value, kind)
            if found is None:
                return None
            mapping = dict(found)
            if len(mapping) != len(found):
                raise c._Bad("give each key once", value)
            return mapping

        return pairs

    conv.register_structure_hook_factory(is_stored_class, class_load)
    conv.register_unstructure_hook_factory(is_stored_class, class_dump)
    return conv


def _sequence_load(
    kind: object,
    arg: object,
    one: Callable[[object, object], object],
    make: Callable[[list[Any]], Any],
) -> Callable[[object, object], Any]:
    def load(value: object, _: object) -> Any:  # noqa: ANN401 - a tuple or a list
        return make(
            _load_each(kind, _items(value, kind), itertools.repeat(arg), itertools.repeat(one))
        )

    return load


def _load_each(
    kind: object,
    items: Iterable[object],
    args: Iterable[object],
    loads: Iterable[Callable[[object, object], object]],
) -> list[Any]:
    """Each item read as its type, every failing item collected with its index."""
    out, errors = [], []
    for i, (item, arg, one) in enumerate(zip(items, args, loads, strict=False)):  # args may repeat
        try:
            out.append(one(item, arg))
        except Exception as err:  # noqa: BLE001, PERF203 - collected, with where
            errors.append(_note(err, IterableValidationNote(f"item {i}", i, arg)))
    if errors:
        raise IterableValidationError("bad items", errors, kind)  # type: ignore[arg-type]  # a type expression
    return out


def _choice(members: dict[tuple[type, object], object]) -> Callable[[object, object], object]:
    """The load of an enum or a Literal: one of *members*, by value and JSON type (``1`` is not ``true``)."""
    values = [value for _, value in members]

    def load(value: object, _: object) -> object:
        try:
            return members[type(value), value]
        except (KeyError, TypeError):
            raise c._Bad(f"be one of {values}", value) from None

    return load


def _mapping(value: object) -> dict[str, Any]:
    if type(value) is dict:
        return value
    raise c._Bad("be a JSON object", value)


def _enum_value(value: enum.Enum) -> object:
    return value._value_  # the enum's own slot: `.value` is a slower descriptor


def _lists(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_lists(item) for item in value]
    return value


def _geojson(value: BaseGeometry) -> dict[str, Any]:
    return {key: _lists(item) for key, item in shapely.geometry.mapping(value).items()}


@functools.cache
def converter() -> cattrs.Converter:
    """The one converter, built when first needed (building it imports every subject module)."""
    return _build()


# --------------------------------------------------------------------------- problems and paths


def key(path: str, name: str | int) -> str:
    """The path of a field or item inside *path*: ``["events"][2]``."""
    return f"{path}[{name}]" if isinstance(name, int) else f'{path}["{name}"]'


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def problems(err: BaseException, path: str = "") -> list[InvalidPlainData]:
    """Every problem in *err* (cattrs's tree of errors), as `InvalidPlainData` with its path."""
    subject = path or "data"
    if isinstance(err, ForbiddenExtraKeysError):
        return [
            InvalidPlainData(
                f"{key(path, name)} must not be given: {err.cl.__name__} has no such field",
                field=key(path, name),
                rule="not be given",
                value=name,
                path=key(path, name),
            )
            for name in sorted(err.extra_fields)
        ]
    if isinstance(err, BaseValidationError):
        found: list[InvalidPlainData] = []
        for sub in err.exceptions:
            notes = [
                note.name if isinstance(note, AttributeValidationNote) else note.index
                for note in getattr(sub, "__notes__", ())
                if isinstance(note, AttributeValidationNote | IterableValidationNote)
            ]
            where = key(path, notes[-1]) if notes else path
            if isinstance(sub, KeyError) and where != path:
                found.append(
                    InvalidPlainData(
                        f"{where} must be given, got nothing",
                        field=where,
                        rule="be given",
                        path=where,
                    )
                )
            else:
                found += problems(sub, where)
        return found
    if isinstance(err, c._Bad):
        return [
            InvalidPlainData(
                f"{subject} must {err.rule}, got {_shown(err.value)}",
                field=subject,
                rule=err.rule,
                value=err.value,
                path=path,
            )
        ]
    if isinstance(err, ExceptionGroup):  # a document-like value's own problems
        return [p for sub in err.exceptions for p in problems(sub, path)]
    rule = err.rule if isinstance(err, PactError) else None
    value = err.value if isinstance(err, PactError) else None
    problem = InvalidPlainData(
        f"{subject}: {err}", field=subject, rule=rule, value=value, path=path
    )
    problem.__cause__ = err
    return [problem]
