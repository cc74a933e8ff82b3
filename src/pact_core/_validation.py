"""Validators that several value types share (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import attrs

    from pact_core.errors import PactError

T = TypeVar("T")


def nonblank(error: type[PactError]) -> Callable[[object, attrs.Attribute[str], object], None]:
    """An attrs validator: the field is a str with something in it, or *error* says so."""

    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name} must be a str, got {value!r}")
        if not value.strip():
            raise error.must(attribute.name, "not be blank", value)

    return check


def pseudonymous(
    error: type[PactError], *, optional: bool = False
) -> Callable[[object, attrs.Attribute[str], object], None]:
    """An attrs validator: the field is a pseudonymous id without spaces, so that a name cannot be stored (None allowed when *optional*)."""

    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            kind = "a str or None" if optional else "a str"
            raise TypeError(f"{attribute.name} must be {kind}, got {value!r}")
        if not value or any(char.isspace() for char in value):
            raise error.must(
                attribute.name, "be a pseudonymous id without spaces (never a name)", value
            )

    return check


def all_of(value: Iterable[T], kind: type[T], field: str) -> tuple[T, ...]:
    """The items of *value* as a tuple, each checked to be a *kind* (a `TypeError` names the first that is not)."""
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"{field} must be {kind.__name__} values, got {item!r}")
    return items


def require_int(value: object, *, field: str) -> None:
    """A `TypeError` naming *field* unless *value* is an int (and not a bool)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{field} must be an int, got {value!r}")
