"""What changed where: an area's incidents before and after a date, against the rest of the force in the same months.

The counts make a 2x2 table: the area and the rest of the force, before and after. The
ratio of rates is the area's after/before ratio over the rest's, which is the table's odds
ratio (a difference in differences, on the ratio scale). It is tested by Fisher's exact
test, conditional on the table's margins (two-sided: twice the smaller tail), and bounded by
Cornfield's exact conditional confidence interval. Both are exact and deterministic.

A ratio below 1 says incidents in the area fell more (or rose less) than in the rest of the
force over the same months: an **association in time**, never proof that what began on the
date caused it. Other changes in the same months, reporting that a priority itself
encourages, displacement to neighbouring areas, and regression to the mean (a priority is
often chosen when a problem peaks) all move the figure too.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core.crime._exact import fisher_interval, fisher_tails
from pact_core.crime.categories import Category, Month
from pact_core.crime.incidence import Incidence, Unplaced
from pact_core.errors import InvalidCrime

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["RateComparison", "before_after"]


@attrs.frozen(kw_only=True)
class RateComparison:
    """An area's incidents before and after, against the rest of the force in the same months.

    >>> c = RateComparison(area_before=40, area_after=20, rest_before=1000, rest_after=1000, p_value=0.01,
    ...                    interval=(0.29, 0.87), confidence=0.95, before=(Month(2022, 1),), after=(Month(2022, 3),),
    ...                    areas=("E05014450",), categories=(Category.ANTI_SOCIAL_BEHAVIOUR,), publication=Month(2022, 8))
    >>> c.ratio, c.area_change, c.rest_change
    (Fraction(1, 2), Fraction(1, 2), Fraction(1, 1))
    """

    area_before: int = attrs.field(validator=instance_of(int))
    area_after: int = attrs.field(validator=instance_of(int))
    rest_before: int = attrs.field(validator=instance_of(int))
    rest_after: int = attrs.field(validator=instance_of(int))
    p_value: float = attrs.field(validator=instance_of(float))
    interval: tuple[float, float] = attrs.field(validator=instance_of(tuple))
    confidence: float = attrs.field(validator=instance_of(float))
    before: tuple[Month, ...] = attrs.field(validator=instance_of(tuple))
    after: tuple[Month, ...] = attrs.field(validator=instance_of(tuple))
    areas: tuple[str, ...] = attrs.field(validator=instance_of(tuple))
    categories: tuple[Category, ...] = attrs.field(validator=instance_of(tuple))
    publication: Month = attrs.field(validator=instance_of(Month))

    @property
    def area_change(self) -> Fraction | None:
        """The area's incidents after over before (None when there were none before)."""
        return Fraction(self.area_after, self.area_before) if self.area_before else None

    @property
    def rest_change(self) -> Fraction | None:
        """The rest of the force's incidents after over before."""
        return Fraction(self.rest_after, self.rest_before) if self.rest_before else None

    @property
    def ratio(self) -> Fraction | None:
        """The ratio of rates: the area's change over the rest's (None when either is undefined or the rest fell to 0)."""
        if not self.area_before or not self.rest_before or not self.rest_after:
            return None
        return Fraction(self.area_after * self.rest_before, self.area_before * self.rest_after)


def _window(value: Iterable[Month], name: str) -> tuple[Month, ...]:
    months = tuple(sorted(set(value)))
    if not months or not all(isinstance(m, Month) for m in months):
        raise InvalidCrime.must(name, "hold at least one Month", months)
    return months


def before_after(  # noqa: PLR0913 - keyword-only parts of one comparison
    counts: Incidence,
    *,
    areas: Iterable[str],
    categories: Iterable[Category],
    before: Iterable[Month],
    after: Iterable[Month],
    confidence: float = 0.95,
) -> RateComparison:
    """Compare the incidents of *categories* in *areas* (one or several of the table's) before and after, against the rest of the force.

    The rest is every other mapped area of the table (rows without a location, or outside
    the map, take no part). Every month of both windows must hold data (some incident
    anywhere in the table), so that a month the data does not cover is never read as 0.

    >>> from shapely import box
    >>> from pact_core.crime import Crime, CrimeTable, incidence_in_places
    >>> places = {"Centre": box(0, 51, 0.1, 51.1), "Rest": box(0.1, 51, 0.5, 51.1)}
    >>> crimes = [((0.05, 51.05), 1, 30), ((0.05, 51.05), 3, 10), ((0.3, 51.05), 1, 200), ((0.3, 51.05), 3, 190)]
    >>> table = CrimeTable.from_crimes([Crime(id=None, month=Month(2022, m), category=Category.ANTI_SOCIAL_BEHAVIOUR,
    ...     point=p, location="On or near Square") for p, m, n in crimes for _ in range(n)], publication=Month(2022, 8))
    >>> c = before_after(incidence_in_places(table, places), areas=["Centre"], categories=[Category.ANTI_SOCIAL_BEHAVIOUR],
    ...                  before=[Month(2022, 1)], after=[Month(2022, 3)])
    >>> c.ratio, round(c.p_value, 4), [round(x, 2) for x in c.interval]
    (Fraction(20, 57), 0.0059, [0.15, 0.76])
    """
    if not isinstance(counts, Incidence):
        raise TypeError(f"counts must be an Incidence, got {counts!r}")
    if not 0 < confidence < 1:
        raise InvalidCrime.must("confidence", "be between 0 and 1", confidence)
    chosen = tuple(sorted(set(areas)))
    unplaced = {u.value for u in Unplaced}
    mapped = [name for name in counts.areas if name not in unplaced]
    unknown = [name for name in chosen if name not in mapped]
    if not chosen or unknown:
        raise InvalidCrime.must(
            "areas", "name at least one mapped area of the table", unknown or chosen
        )
    rest = [name for name in mapped if name not in chosen]
    wanted = tuple(sorted(set(categories), key=lambda c: c.value))
    first, second = _window(before, "before"), _window(after, "after")
    if first[-1] >= second[0]:
        raise InvalidCrime.must(
            "after", f"begin after the last month before ({first[-1]})", str(second[0])
        )
    covered = {int(m) for m in counts.month.tolist()}
    missing = [str(m) for m in first + second if m.ordinal not in covered]
    if missing:
        raise InvalidCrime.must("before and after", "be months the data covers", missing)
    table = (
        counts.total(areas=chosen, months=second, categories=wanted),
        counts.total(areas=chosen, months=first, categories=wanted),
        counts.total(areas=rest, months=second, categories=wanted),
        counts.total(areas=rest, months=first, categories=wanted),
    )
    lower, upper = fisher_tails(table)
    p_value = min(1.0, 2 * min(lower, upper))
    low, high = fisher_interval(table, confidence)
    return RateComparison(
        area_before=table[1],
        area_after=table[0],
        rest_before=table[3],
        rest_after=table[2],
        p_value=p_value,
        interval=(low, high if math.isfinite(high) else math.inf),
        confidence=float(confidence),
        before=first,
        after=second,
        areas=chosen,
        categories=wanted,
        publication=counts.publication,
    )
