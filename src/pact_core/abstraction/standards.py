"""Published standards of abstraction and community time, and the shortfalls against them."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, nonblank
from pact_core.abstraction.accounts import Accounts, Summary, _Level
from pact_core.errors import InvalidDutyRecord

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Shortfall", "Standard", "check_standards"]

_text = nonblank(InvalidDutyRecord)


@attrs.frozen(kw_only=True)
class Standard:
    """A published standard an officer, team or neighbourhood must meet, on one measure.

    >>> Standard.guarantee_majority().threshold
    Fraction(1, 2)
    """

    name: str = attrs.field(validator=_text)
    measure: Literal["community share", "rate", "rate excluding emergencies"] = attrs.field()
    threshold: Fraction = attrs.field(converter=Fraction)
    at_least: bool = attrs.field(validator=instance_of(bool))
    strictly: bool = attrs.field(default=False, validator=instance_of(bool))
    source: str | None = attrs.field(default=None)

    @measure.validator
    def _measure(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value not in ("community share", "rate", "rate excluding emergencies"):
            raise InvalidDutyRecord.must(
                "measure", "be 'community share', 'rate' or 'rate excluding emergencies'", value
            )

    @classmethod
    def guarantee_majority(cls) -> Standard:
        """The majority of time in the community: more than 50 % (Neighbourhood Policing Guarantee, 2025)."""
        return cls(name="majority of time in the community", measure="community share",
                   threshold=Fraction(1, 2), at_least=True, strictly=True,
                   source="Neighbourhood Policing Guarantee (2025)")  # fmt: skip

    @classmethod
    def pledge_visible_80(cls) -> Standard:
        """At least 80 % of time visibly in the neighbourhood (the Policing Pledge, 2008)."""
        return cls(name="80 % visible", measure="community share", threshold=Fraction(4, 5),
                   at_least=True, source="The Policing Pledge (Home Office, 2008)")  # fmt: skip

    @classmethod
    def maximum_rate(
        cls, threshold: Fraction | int, *, excluding_emergencies: bool = True
    ) -> Standard:
        """A force's own ceiling on the abstraction rate (by default, on routine abstraction)."""
        measure: Literal["rate", "rate excluding emergencies"] = (
            "rate excluding emergencies" if excluding_emergencies else "rate"
        )
        return cls(name=f"abstraction at most {Fraction(threshold)}", measure=measure,
                   threshold=Fraction(threshold), at_least=False)  # fmt: skip

    def value_of(self, summary: Summary) -> Fraction | None:
        """The measure for one summary."""
        if self.measure == "community share":
            return summary.community_share
        if self.measure == "rate":
            return summary.rate
        return summary.rate_excluding_emergencies

    def met_by(self, value: Fraction) -> bool:
        """Whether *value* meets the standard."""
        if self.at_least:
            return value > self.threshold if self.strictly else value >= self.threshold
        return value < self.threshold if self.strictly else value <= self.threshold


@attrs.frozen(kw_only=True)
class Shortfall:
    """One officer, team or neighbourhood that falls short of a standard, with the figures.

    >>> Shortfall.__name__
    'Shortfall'
    """

    standard: Standard
    level: str
    key: tuple[object, ...]
    value: Fraction
    summary: Summary


def check_standards(
    accounts: Accounts,
    standards: Iterable[Standard],
    *,
    levels: Iterable[_Level] = ("officer", "team"),
) -> tuple[Shortfall, ...]:
    """Every officer and team (or other *levels*) that falls short of each standard, with figures.

    Those with no on-duty time are not judged: there is nothing to measure.

    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.intervals import CalendarUnit
    >>> check_standards(Accounts(unit=CalendarUnit.MONTH, tz=ZoneInfo("Europe/London")), [Standard.guarantee_majority()])
    ()
    """
    if not isinstance(accounts, Accounts):
        raise TypeError(f"accounts must be Accounts, got {accounts!r}")
    found = []
    for level in levels:
        for key, summary in accounts.by(level).items():
            for standard in all_of(standards, Standard, "standards"):
                value = standard.value_of(summary)
                if value is not None and not standard.met_by(value):
                    found.append(
                        Shortfall(
                            standard=standard, level=level, key=key, value=value, summary=summary
                        )
                    )
    return tuple(found)
