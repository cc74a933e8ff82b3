"""Validators that several value types share (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

    from pact_core.errors import PactError


def nonblank(error: type[PactError]) -> Callable[[object, attrs.Attribute[str], object], None]:
    """An attrs validator: the field is a str with something in it, or *error* says so."""

    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name} must be a str, got {value!r}")
        if not value.strip():
            raise error.must(attribute.name, "not be blank", value)

    return check
