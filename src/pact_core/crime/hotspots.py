"""Hotspots: areas ranked by incidence, how concentrated incidence is, and the areas significantly above what the force-wide rate predicts.

The test is exact and deterministic. Given the force's total *N* over the areas, each
area's count is Binomial(*N*, *p*) under the null hypothesis that every area shares the
force-wide rate, where *p* is the area's share of the exposure (its share of residents when
the caller gives populations, or an equal share of the areas otherwise); this is the
Poisson model conditioned on its total. An area is a hotspot when its one-sided p-value,
corrected for testing every area, is at most *alpha*. A hotspot shows where incidents
concentrate, not why.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core.crime._exact import binomial_upper_tail
from pact_core.crime.incidence import CRIME, Incidence, Unplaced, _positive_int
from pact_core.errors import InvalidCrime

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pact_core.crime.categories import Category, Month

__all__ = ["Correction", "Hotspot", "HotspotAnalysis", "hotspots"]


class Correction(enum.Enum):
    """How p-values are corrected for testing every area at once.

    `HOLM` (the default) controls the chance of any false hotspot (the family-wise error
    rate) and is never weaker than Bonferroni's; `BENJAMINI_HOCHBERG` controls the expected
    share of false hotspots among those found (the false discovery rate), and finds more.

    >>> [c.value for c in Correction]
    ['holm', 'bonferroni', 'benjamini-hochberg', 'none']
    """

    HOLM = "holm"
    BONFERRONI = "bonferroni"
    BENJAMINI_HOCHBERG = "benjamini-hochberg"
    NONE = "none"

    def adjust(self, p_values: list[float]) -> list[float]:
        """The corrected p-values, in the order given (deterministic: ties keep their order).

        >>> Correction.HOLM.adjust([0.01, 0.04, 0.03])
        [0.03, 0.06, 0.06]
        """
        m = len(p_values)
        order = sorted(range(m), key=lambda i: (p_values[i], i))
        adjusted = [0.0] * m
        if self is Correction.NONE:
            return list(p_values)
        if self is Correction.BONFERRONI:
            return [min(1.0, p * m) for p in p_values]
        if self is Correction.HOLM:
            running = 0.0
            for rank, i in enumerate(order):
                running = max(running, min(1.0, (m - rank) * p_values[i]))
                adjusted[i] = running
            return adjusted
        running = 1.0
        for rank in range(m - 1, -1, -1):
            i = order[rank]
            running = min(running, p_values[i] * m / (rank + 1))
            adjusted[i] = min(1.0, running)
        return adjusted


@attrs.frozen(kw_only=True)
class Hotspot:
    """One area's incidence against what the force-wide rate predicts for it.

    *rank* is 1 for the area with the most incidents (ties by area name); *expected* is
    the count the force-wide rate predicts, exactly; *p_value* is the exact one-sided
    binomial p-value of a count at least this high, and *adjusted* that value corrected for
    testing every area.

    >>> Hotspot(area="E05014450", rank=1, count=30, expected=Fraction(10), p_value=1e-7, adjusted=2e-6,
    ...         significant=True).ratio
    Fraction(3, 1)
    """

    area: str = attrs.field(validator=instance_of(str))
    rank: int = attrs.field(validator=instance_of(int))
    count: int = attrs.field(validator=instance_of(int))
    expected: Fraction = attrs.field(validator=instance_of(Fraction))
    p_value: float = attrs.field(validator=instance_of(float))
    adjusted: float = attrs.field(validator=instance_of(float))
    significant: bool = attrs.field(validator=instance_of(bool))

    @property
    def ratio(self) -> Fraction | None:
        """Count over expected (None when nothing is expected)."""
        return self.count / self.expected if self.expected else None


@attrs.frozen(kw_only=True)
class HotspotAnalysis:
    """Every area ranked by incidence, the concentration curve, and the hotspots, with the figures' provenance.

    `concentration` gives, for the top *k* areas (k = 1 .. all), the share of areas and
    the share of incidents in them, exactly: the curve of "x % of areas hold y % of
    incidents".

    >>> from pact_core.crime import CrimeTable, Month, incidence_in_places
    >>> empty = incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {})
    >>> hotspots(empty).areas
    ()
    """

    areas: tuple[Hotspot, ...]
    total: int
    publication: Month
    correction: Correction
    alpha: float
    exposure: str

    @property
    def hotspots(self) -> tuple[Hotspot, ...]:
        """The significant areas, in rank order."""
        return tuple(area for area in self.areas if area.significant)

    @property
    def concentration(self) -> tuple[tuple[Fraction, Fraction], ...]:
        """(share of areas, share of incidents) for the top 1, 2, ... areas."""
        n = len(self.areas)
        running = 0
        curve = []
        for k, area in enumerate(self.areas, start=1):
            running += area.count
            curve.append(
                (Fraction(k, n), Fraction(running, self.total) if self.total else Fraction(0))
            )
        return tuple(curve)

    def share_in_top(self, share_of_areas: Fraction | float) -> Fraction:
        """The share of incidents in the top *share_of_areas* of areas (rounded down to whole areas).

        >>> from pact_core.crime import CrimeTable, Month, incidence_in_places
        >>> hotspots(incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {})).share_in_top(0.1)
        Fraction(0, 1)
        """
        if not 0 <= share_of_areas <= 1:
            raise InvalidCrime.must("share_of_areas", "be from 0 to 1", share_of_areas)
        k = int(Fraction(share_of_areas) * len(self.areas))
        top = sum(area.count for area in self.areas[:k])
        return Fraction(top, self.total) if self.total else Fraction(0)


def hotspots(  # noqa: PLR0913 - keyword-only options of one analysis
    counts: Incidence,
    *,
    categories: Iterable[Category] = CRIME,
    months: Iterable[Month] | None = None,
    populations: Mapping[str, int] | None = None,
    alpha: float = 0.05,
    correction: Correction = Correction.HOLM,
) -> HotspotAnalysis:
    """Rank the areas of an incidence table, and find those significantly above the force-wide rate.

    Only mapped areas take part (never ``<no location>`` or ``<outside>``). With
    *populations*, only the areas given one take part, and each is expected its share of
    residents; without, each area is expected an equal share. Crime by default; pass
    ``categories=ASB`` for anti-social behaviour.

    >>> from shapely import box
    >>> from pact_core.crime import Category, Crime, CrimeTable, Month, incidence_in_places
    >>> places = {name: box(x, 51, x + 0.1, 51.1) for name, x in (("A", 0.0), ("B", 0.1), ("C", 0.2))}
    >>> rows = [(0.05, 40), (0.15, 5), (0.25, 6)]
    >>> table = CrimeTable.from_crimes([Crime(id=f"{x}-{n}", month=Month(2022, 1), category=Category.BURGLARY,
    ...     point=(x, 51.05), location="On or near Lane") for x, count in rows for n in range(count)], publication=Month(2022, 8))
    >>> found = hotspots(incidence_in_places(table, places))
    >>> [(h.area, h.count, h.expected, h.significant) for h in found.areas]
    [('A', 40, Fraction(17, 1), True), ('C', 6, Fraction(17, 1), False), ('B', 5, Fraction(17, 1), False)]
    """
    if not isinstance(counts, Incidence):
        raise TypeError(f"counts must be an Incidence, got {counts!r}")
    if not isinstance(correction, Correction):
        raise TypeError(f"correction must be a Correction, got {correction!r}")
    if not 0 < alpha < 1:
        raise InvalidCrime.must("alpha", "be between 0 and 1", alpha)
    unplaced = {u.value for u in Unplaced}
    by_area = {
        name: n
        for name, n in counts.by_area(months=months, categories=categories).items()
        if name not in unplaced
    }
    if populations is not None:
        bad = {k: v for k, v in populations.items() if not _positive_int(v)}
        unknown = sorted(set(populations) - set(by_area))
        if bad or unknown:
            raise InvalidCrime.must(
                "populations", "give positive ints for areas of the table", bad or unknown
            )
        weights = {name: Fraction(populations[name]) for name in by_area if name in populations}
        exposure = "residents"
    else:
        weights = {name: Fraction(1) for name in by_area}
        exposure = "equal shares of the areas"
    names = sorted(weights, key=lambda name: (-by_area[name], name))
    total = sum(by_area[name] for name in names)
    whole = sum(weights.values())
    p_values = [
        binomial_upper_tail(by_area[name], total, float(weights[name] / whole)) for name in names
    ]
    adjusted = correction.adjust(p_values)
    found = tuple(
        Hotspot(
            area=name,
            rank=rank,
            count=by_area[name],
            expected=total * weights[name] / whole,
            p_value=p,
            adjusted=q,
            significant=q <= alpha and by_area[name] > total * weights[name] / whole,
        )
        # One p-value and one adjusted a name, so strict may be either: no mutate.
        for rank, (name, p, q) in enumerate(
            zip(names, p_values, adjusted, strict=True),  # pragma: no mutate
            start=1,
        )
    )
    return HotspotAnalysis(
        areas=found,
        total=total,
        publication=counts.publication,
        correction=correction,
        alpha=alpha,
        exposure=exposure,
    )
