"""ONS GSS codes for wards and local authorities.

A GSS code is nine characters: a three-character entity code (``E05`` is an English ward)
and six digits.
Codes change completely at boundary reviews, so a code names one ward of one generation.
"""

from __future__ import annotations

import re

import attrs

from pact_core.errors import InvalidCode

__all__ = ["LocalAuthorityCode", "WardCode"]

_WARD_PREFIXES = {"E05": "England", "W05": "Wales", "S13": "Scotland", "N08": "Northern Ireland"}
_AUTHORITY_KINDS = {
    "E06": "unitary authority",
    "E07": "non-metropolitan district",
    "E08": "metropolitan district",
    "E09": "London borough",
    "W06": "Welsh unitary authority",
    "S12": "Scottish council area",
    "N09": "Northern Ireland local government district",
}
_COUNTRIES = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}
_DIGITS = re.compile(r"[0-9]{6}", re.ASCII)


def _check(value: object, prefixes: dict[str, str], subject: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{subject} must be a str, got {value!r}")
    if len(value) != 9 or value[:3] not in prefixes or not _DIGITS.fullmatch(value[3:]):
        names = ", ".join(prefixes)
        names = " or ".join(names.rsplit(", ", 1))
        raise InvalidCode.must(subject, f"be {names} and 6 digits", value)


@attrs.frozen(order=True)
class WardCode:
    """The ONS GSS code of an electoral ward: ``E05``, ``W05``, ``S13`` or ``N08`` and 6 digits.

    Codes order as text, which is the order pact_core uses to break ties.

    >>> code = WardCode("E05014449")
    >>> code, code.country
    (WardCode('E05014449'), 'England')
    >>> WardCode.parse(" e05014449 ") == code
    True
    """

    value: str

    def __attrs_post_init__(self) -> None:
        _check(self.value, _WARD_PREFIXES, "ward code")

    @classmethod
    def parse(cls, text: str) -> WardCode:
        """Read a code written loosely: surrounding spaces and lower case are forgiven."""
        if not isinstance(text, str):
            raise TypeError(f"ward code must be a str, got {text!r}")
        return cls(text.strip().upper())

    @property
    def country(self) -> str:
        """The country the ward lies in."""
        return _WARD_PREFIXES[self.value[:3]]

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"WardCode({self.value!r})"


@attrs.frozen(order=True)
class LocalAuthorityCode:
    """The ONS GSS code of a local authority district (``E06``-``E09``, ``W06``, ``S12``, ``N09``).

    >>> code = LocalAuthorityCode("E06000035")
    >>> code.kind, code.country
    ('unitary authority', 'England')
    """

    value: str

    def __attrs_post_init__(self) -> None:
        _check(self.value, _AUTHORITY_KINDS, "local authority code")

    @classmethod
    def parse(cls, text: str) -> LocalAuthorityCode:
        """Read a code written loosely: surrounding spaces and lower case are forgiven.

        >>> LocalAuthorityCode.parse("e07000110")
        LocalAuthorityCode('E07000110')
        """
        if not isinstance(text, str):
            raise TypeError(f"local authority code must be a str, got {text!r}")
        return cls(text.strip().upper())

    @property
    def kind(self) -> str:
        """What kind of authority the code names."""
        return _AUTHORITY_KINDS[self.value[:3]]

    @property
    def country(self) -> str:
        """The country the authority lies in."""
        return _COUNTRIES[self.value[0]]

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"LocalAuthorityCode({self.value!r})"
