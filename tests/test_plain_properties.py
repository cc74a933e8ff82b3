"""Properties of plain data over every stored type: round trips, schemas, documents, mutations."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core._hypothesis import _REGISTERED
from pact_core.errors import ExceptionGroup, InvalidPlainData
from pact_core.plain import (
    LEFT_OUT,
    STORED,
    from_document,
    from_plain,
    json_schema,
    to_document,
    to_plain,
)

# A round trip a type: a tenth of the profile's examples for each of the hundred-odd
# types (20 in CI), since the generators are shared with every other property and this
# one's bugs are about kinds of field, which every type's first examples cover.
each_type = settings(max_examples=max(10, settings().max_examples // 10), deadline=None)
# The mutation property draws a type too: the whole budget, over all of them.
mutating = settings(max_examples=settings().max_examples * 2, deadline=None)

_VALIDATORS: dict[type, Any] = {}


def validator(kind: type) -> Any:
    if kind not in _VALIDATORS:
        schema = json_schema(kind)
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATORS[kind] = jsonschema.Draft202012Validator(schema)
    return _VALIDATORS[kind]


def _identity_equality(kind: type) -> bool:
    return kind.__eq__ is object.__eq__  # type: ignore[comparison-overlap]  # a class's own __eq__


def is_plain(data: object) -> bool:
    """JSON's own types exactly: no tuple, no enum, no str or int subclass."""
    kind = type(data)
    if kind is dict:
        return all(type(k) is str and is_plain(v) for k, v in data.items())  # type: ignore[attr-defined]  # a dict
    if kind is list:
        return all(is_plain(item) for item in data)  # type: ignore[attr-defined]  # a list
    return kind in {str, int, float, bool, type(None)}


def same(a: object, b: object) -> bool:
    """Equal values; for types whose == is identity (bulk tables), equal plain data."""
    if _identity_equality(type(a)):
        return bool(to_plain(a) == to_plain(b))
    return a == b and to_plain(a) == to_plain(b)


def test_every_registered_type_is_stored_or_left_out_with_a_reason() -> None:
    registered = {f"{module}.{name}" for module, pairs in _REGISTERED.items() for name, _ in pairs}
    assert registered == set(STORED) | set(LEFT_OUT)
    assert not set(STORED) & set(LEFT_OUT)
    assert len(STORED) >= 100


@pytest.mark.parametrize("name", sorted(STORED))
@each_type
@given(data=st.data())
def test_plain_data_round_trips_validates_and_pickles(name: str, data: st.DataObject) -> None:
    kind = STORED[name]
    value = data.draw(st.from_type(kind), label="value")
    plain = to_plain(value)
    assert is_plain(plain)
    text = json.dumps(plain, sort_keys=True, allow_nan=False)
    assert json.loads(text) == plain
    back: object = from_plain(kind, json.loads(text), zones=ZoneInfo)
    assert type(back) is kind
    assert same(back, value)
    # The same data for equal values: the value read back gives the same fingerprint.
    assert json.dumps(to_plain(back), sort_keys=True) == text
    validator(kind).validate(plain)
    document = json.loads(json.dumps(to_document(value)))
    assert same(from_document(document, zones=ZoneInfo, kind=kind), value)
    assert same(pickle.loads(pickle.dumps(value)), value)  # noqa: S301 - our own bytes
    assert same(copy.deepcopy(value), value)


# ----------------------------------------------------------------------------- mutations

_JUNK = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    "",
    "x",
    "2024-13-45T99:00:00+00:00",
    [],
    {},
    [None],
    {"a": 1},
]


def _places(value: object, path: str = "") -> list[tuple[str, object, object]]:
    """Every (path of a container, the container, a key or index in it), depth first."""
    found: list[tuple[str, object, object]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((path, value, key))
            found += _places(item, f'{path}["{key}"]')
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((path, value, index))
            found += _places(item, f"{path}[{index}]")
    return found


@st.composite
def mutated(draw: st.DrawFn, plain: object) -> tuple[object, str]:
    """*plain* changed in one place: a field dropped, renamed or retyped, an item retyped or repeated."""
    data = copy.deepcopy(plain)
    places = _places(data)
    if not places:
        return draw(st.sampled_from(_JUNK)), ""
    path, container, key = draw(st.sampled_from(places))
    how = draw(
        st.sampled_from(
            ["drop", "rename", "retype", "repeat"]
            if isinstance(container, dict)
            else ["retype", "repeat", "drop"]
        )
    )
    if isinstance(container, dict):
        assert isinstance(key, str)
        if how == "drop":
            del container[key]
        elif how == "rename":
            container[key + "_"] = container.pop(key)
        else:
            container[key] = draw(st.sampled_from(_JUNK)) if how == "retype" else [container[key]]
    else:
        assert isinstance(container, list)
        assert isinstance(key, int)
        if how == "drop":
            del container[key]
        elif how == "retype":
            container[key] = draw(st.sampled_from(_JUNK))
        else:
            container.insert(key, container[key])
    return data, path


@mutating
@given(data=st.data())
def test_mutated_data_gives_only_the_library_s_errors_at_its_path(data: st.DataObject) -> None:
    kind = STORED[data.draw(st.sampled_from(sorted(STORED)), label="type")]
    plain = json.loads(json.dumps(to_plain(data.draw(st.from_type(kind), label="value"))))
    changed, path = data.draw(mutated(plain), label="mutated")
    valid = validator(kind).is_valid(changed)
    try:
        from_plain(kind, changed, zones=ZoneInfo)
    except ExceptionGroup as group:
        problems = group.exceptions
        assert problems
        assert all(isinstance(p, InvalidPlainData) for p in problems), problems
        paths = [p.path for p in problems if isinstance(p, InvalidPlainData)]
        # Each problem is at the change, inside it, or at a value that holds it (the
        # value's own constructor refused it).
        assert any(path.startswith(p) or p.startswith(path) for p in paths), (path, paths)
    else:
        # A document the schema refuses, the reader refuses too.
        assert valid, (changed, list(validator(kind).iter_errors(changed))[:3])
