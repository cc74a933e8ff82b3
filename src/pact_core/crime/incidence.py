"""Incidence: crime and anti-social behaviour counted per area, month and category, located in bulk.

Areas are wards or neighbourhoods (through a `pact_core.geography.WardLocator`) or any
named places the caller draws (town centres, estates). Every row is counted somewhere:
a row without a point under `Unplaced.NO_LOCATION`, a point in no area under
`Unplaced.OUTSIDE`, so that the counts always add up to the rows read. A point on the
boundary of two wards counts once, in the ward the locator answers (the lowest code).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs
import numpy as np
import shapely
from attrs.validators import instance_of

from pact_core.crime.categories import Category, Month
from pact_core.crime.records import CATEGORIES, CrimeTable, _column
from pact_core.errors import InvalidCrime
from pact_core.geography import WardLocator

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "ASB",
    "CRIME",
    "Incidence",
    "Unplaced",
    "incidence",
    "incidence_in_places",
    "places_mask",
]

#: The 13 categories that are crimes.
CRIME = frozenset(c for c in Category if c.is_crime)
#: Anti-social behaviour, kept apart from crime.
ASB = frozenset({Category.ANTI_SOCIAL_BEHAVIOUR})

_C = len(CATEGORIES)


class Unplaced(enum.Enum):
    """Where rows that lie in no area are counted.

    >>> [u.value for u in Unplaced]
    ['<no location>', '<outside>']
    """

    NO_LOCATION = "<no location>"
    OUTSIDE = "<outside>"


Level = Literal["ward", "neighbourhood", "place"]


def _check_level(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in ("ward", "neighbourhood", "place"):
        raise InvalidCrime.must("level", "be 'ward', 'neighbourhood' or 'place'", value)


@attrs.frozen(kw_only=True, eq=False)
class Incidence:
    """Counts of incidents per area, month and category, read from one police.uk publication. Incidence tables add.

    *areas* names the areas counted into (ward codes, neighbourhood ids or place names,
    sorted, then the two `Unplaced` keys); each cell is an index into them, a month
    (as `Month.ordinal`), a category (an index into `Category` in definition order) and a
    count. Only cells with a count are kept. Build one with `incidence` or
    `incidence_in_places`.

    >>> from pact_core.crime import Crime, CrimeTable
    >>> table = CrimeTable.from_crimes([Crime(id=None, month=Month(2022, 1), category=Category.ANTI_SOCIAL_BEHAVIOUR,
    ...                                       point=None, location="No Location")], publication=Month(2022, 8))
    >>> counts = incidence_in_places(table, {})
    >>> counts.rows(), counts.total()
    ((('<no location>', '2022-01', 'anti-social-behaviour', 1),), 1)
    """

    level: str = attrs.field(validator=_check_level)
    publication: Month = attrs.field(validator=instance_of(Month))
    areas: tuple[str, ...] = attrs.field(validator=instance_of(tuple))
    area: NDArray[np.int32] = attrs.field(repr=False)
    month: NDArray[np.int32] = attrs.field(repr=False)
    category: NDArray[np.int8] = attrs.field(repr=False)
    count: NDArray[np.int64] = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        lengths = {len(self.area), len(self.month), len(self.category), len(self.count)}
        if len(lengths) > 1:
            raise InvalidCrime.must("cells", "have one length", sorted(lengths))

    @classmethod
    def _from_keys(  # noqa: PLR0913, PLR0917 - the key's columns, private
        cls,
        level: str,
        publication: Month,
        areas: tuple[str, ...],
        area: NDArray[np.int64],
        month: NDArray[np.int64],
        category: NDArray[np.int64],
        weight: NDArray[np.int64] | None = None,
    ) -> Incidence:
        """Aggregate (area, month, category) keys into cells, in key order."""
        if len(area) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(level=level, publication=publication, areas=areas, area=_column(empty, np.int32),
                       month=_column(empty, np.int32), category=_column(empty, np.int8), count=_column(empty, np.int64))  # fmt: skip
        low = int(month.min())
        # Any span at least as wide as the months keeps keys apart and reads them back: no mutate.
        span = int(month.max()) - low + 1  # pragma: no mutate
        key = (area * span + (month - low)) * _C + category
        size = len(areas) * span * _C
        # Dense counting or sparse, the same cells: the bound only picks the quicker (no mutate).
        if size <= 4 * len(key) + 1_000_000:  # pragma: no mutate
            totals = np.bincount(key, weights=weight, minlength=size)
            cells = np.flatnonzero(totals)
            counts = totals[cells].astype(np.int64)
        else:
            cells, inverse = np.unique(key, return_inverse=True)
            counts = np.bincount(inverse, weights=weight).astype(np.int64)
            keep = counts != 0
            cells, counts = cells[keep], counts[keep]
        return cls(
            level=level,
            publication=publication,
            areas=areas,
            area=_column(cells // (span * _C), np.int32),
            month=_column(cells // _C % span + low, np.int32),
            category=_column(cells % _C, np.int8),
            count=_column(counts, np.int64),
        )

    def __add__(self, other: Incidence) -> Incidence:
        if not isinstance(other, Incidence):
            return NotImplemented
        if (self.level, self.publication) != (other.level, other.publication):
            raise InvalidCrime.must(
                "incidence",
                f"share a level and publication to add ({self.level}, {self.publication})",
                (other.level, str(other.publication)),
            )
        areas = _ordered(set(self.areas) | set(other.areas))
        index = {name: i for i, name in enumerate(areas)}
        remap = [np.array([index[a] for a in t.areas], dtype=np.int64) for t in (self, other)]
        return Incidence._from_keys(
            self.level,
            self.publication,
            areas,
            np.concatenate([remap[0][self.area], remap[1][other.area]]),
            np.concatenate([self.month, other.month]).astype(np.int64),
            np.concatenate([self.category, other.category]).astype(np.int64),
            np.concatenate([self.count, other.count]),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Incidence):
            return NotImplemented
        return (self.level, self.publication) == (
            other.level,
            other.publication,
        ) and self.rows() == other.rows()

    def __hash__(self) -> int:
        return hash((self.level, self.publication, self.rows()))

    def rows(self) -> tuple[tuple[str, str, str, int], ...]:
        """Every cell as plain data: (area, ``YYYY-MM``, category slug, count), in area, month and category order."""
        months = {m: str(Month.from_ordinal(m)) for m in np.unique(self.month).tolist()}
        slugs = [c.value for c in CATEGORIES]
        return tuple(
            (self.areas[a], months[m], slugs[c], n)
            for a, m, c, n in zip(
                self.area.tolist(),
                self.month.tolist(),
                self.category.tolist(),
                self.count.tolist(),
                strict=True,
            )
        )

    def _mask(
        self,
        areas: Iterable[str] | None,
        months: Iterable[Month] | None,
        categories: Iterable[Category] | None,
    ) -> NDArray[np.bool_]:
        keep = np.ones(len(self.count), dtype=bool)
        if areas is not None:
            wanted = [i for i, name in enumerate(self.areas) if name in set(areas)]
            keep &= np.isin(self.area, wanted)
        if months is not None:
            keep &= np.isin(self.month, [m.ordinal for m in months])
        if categories is not None:
            keep &= np.isin(self.category, [CATEGORIES.index(c) for c in categories])
        return keep

    def total(
        self,
        *,
        areas: Iterable[str] | None = None,
        months: Iterable[Month] | None = None,
        categories: Iterable[Category] | None = None,
    ) -> int:
        """How many incidents in the given areas, months and categories (every one by default).

        Pass ``categories=CRIME`` or ``categories=ASB`` to keep crime and anti-social behaviour apart.
        """
        return int(self.count[self._mask(areas, months, categories)].sum())

    def by_area(
        self, *, months: Iterable[Month] | None = None, categories: Iterable[Category] | None = None
    ) -> dict[str, int]:
        """The count of each area (every area of the table, 0 where none), the `Unplaced` keys included.

        >>> from pact_core.crime import CrimeTable
        >>> incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {}).by_area()
        {'<no location>': 0, '<outside>': 0}
        """
        keep = self._mask(None, months, categories)
        sums = np.bincount(self.area[keep], weights=self.count[keep], minlength=len(self.areas))
        return {name: int(n) for name, n in zip(self.areas, sums.tolist(), strict=True)}

    def rates(
        self,
        populations: Mapping[str, int],
        *,
        per: int = 1000,
        months: Iterable[Month] | None = None,
        categories: Iterable[Category] | None = None,
    ) -> dict[str, Fraction]:
        """Incidents per *per* residents (1,000 by default), exactly, for each area the caller gives a population.

        An area with no population given has no rate; a population must be a positive int.

        >>> from pact_core.crime import CrimeTable
        >>> incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {}).rates({"<outside>": 500})
        {'<outside>': Fraction(0, 1)}
        """
        problems = [
            (name, value) for name, value in populations.items() if not _positive_int(value)
        ]
        if problems:
            raise InvalidCrime.must("populations", "be positive ints (residents)", dict(problems))
        counts = self.by_area(months=months, categories=categories)
        return {
            name: Fraction(counts.get(name, 0) * per, population)
            for name, population in sorted(populations.items())
        }


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _ordered(names: Iterable[str]) -> tuple[str, ...]:
    """Area names sorted, the `Unplaced` keys last."""
    unplaced = [u.value for u in Unplaced]
    return tuple(sorted(n for n in names if n not in unplaced)) + tuple(unplaced)


def _located_index(crimes: CrimeTable, locator: WardLocator, by: str) -> NDArray[np.int64]:
    """Each row's ward (or neighbourhood) index in the locator, located in one call: -1 outside, -2 without a point."""
    index = np.full(len(crimes), -2, dtype=np.int64)
    located = crimes.located
    if located.any():
        found = locator.locate_many_xy(crimes.longitude[located], crimes.latitude[located])
        index[located] = found.ward_index if by == "ward" else found.neighbourhood_index
    return index


def incidence(
    crimes: CrimeTable,
    locator: WardLocator,
    *,
    by: Literal["ward", "neighbourhood"] = "ward",
) -> Incidence:
    """Count a table's rows per ward (or neighbourhood), month and category, locating every point in one call.

    Areas are every ward (or neighbourhood) of the locator, so that an area with nothing
    counted is there with 0; rows without a point count under ``<no location>``, points in
    no ward under ``<outside>``.

    >>> from shapely import box
    >>> from pact_core.crime import Crime, CrimeTable
    >>> from pact_core.geography import Ward, WardCode
    >>> wards = [Ward(code=WardCode(f"E0500000{n}"), name=f"W{n}", generation="WD25", geometry=box(n / 10, 51, (n + 1) / 10, 51.1))
    ...          for n in range(2)]
    >>> table = CrimeTable.from_crimes([Crime(id=f"c{n}", month=Month(2022, 1), category=Category.BURGLARY, point=(x, 51.05),
    ...                                       location="On or near Lane") for n, x in enumerate([0.05, 0.15, 0.17, 0.5])],
    ...                                publication=Month(2022, 8))
    >>> incidence(table, WardLocator.from_wards(wards)).by_area()
    {'E05000000': 1, 'E05000001': 2, '<no location>': 0, '<outside>': 1}
    """
    if not isinstance(crimes, CrimeTable):
        raise TypeError(f"crimes must be a CrimeTable, got {crimes!r}")
    if not isinstance(locator, WardLocator):
        raise TypeError(f"locator must be a WardLocator, got {locator!r}")
    if by not in ("ward", "neighbourhood"):
        raise InvalidCrime.must("by", "be 'ward' or 'neighbourhood'", by)
    if by == "neighbourhood" and not locator.neighbourhood_ids:
        raise InvalidCrime.must("by", "be 'ward' for a locator built from wards alone", by)
    names = (
        tuple(w.code.value for w in locator.wards)
        if by == "ward"
        else tuple(locator.neighbourhood_ids)
    )
    areas = _ordered(names)
    position = np.array(
        [areas.index(n) for n in names] + [len(areas) - 1], dtype=np.int64
    )  # -1: outside
    index = _located_index(crimes, locator, by)
    # Rows without a point are -2 and count as no location; -1 (outside) picks the last position.
    area = np.where(index == -2, len(areas) - 2, position[np.maximum(index, -1)])
    return Incidence._from_keys(
        by,
        crimes.publication,
        areas,
        area,
        crimes.month.astype(np.int64),
        crimes.category.astype(np.int64),
    )


def _check_places(places: Mapping[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    given: object = places
    if not isinstance(given, Mapping):
        raise TypeError(f"places must be a mapping of name to polygon, got {places!r}")
    checked: dict[str, BaseGeometry] = {}
    for name, shape in places.items():
        label: object = name
        if not isinstance(label, str) or not name.strip() or name.startswith("<"):
            raise InvalidCrime.must(
                "places", "be named with non-blank text not starting with '<'", name
            )
        if (
            not isinstance(shape, shapely.Polygon | shapely.MultiPolygon)
            or shape.is_empty
            or not shape.is_valid
        ):
            raise InvalidCrime.must(
                f"places[{name!r}]", "be a valid, non-empty Polygon or MultiPolygon", shape
            )
        checked[name] = shape
    return checked


def places_mask(crimes: CrimeTable, places: Mapping[str, BaseGeometry]) -> NDArray[np.bool_]:
    """Which rows of a table lie in (or on the edge of) any of the *places*, polygons in the table's longitude and latitude.

    >>> from shapely import box
    >>> from pact_core.crime import CrimeTable
    >>> places_mask(CrimeTable.from_crimes([], publication=Month(2022, 8)), {"Town centre": box(0.5, 51.2, 0.6, 51.3)}).tolist()
    []
    """
    checked = _check_places(places)
    inside = np.zeros(len(crimes), dtype=bool)
    x, y = crimes.longitude, crimes.latitude
    for shape in checked.values():
        inside |= _covers(shape, x, y)
    return inside


def _covers(
    shape: BaseGeometry, x: NDArray[np.float64], y: NDArray[np.float64]
) -> NDArray[np.bool_]:
    x0, y0, x1, y1 = shape.bounds
    with np.errstate(invalid="ignore"):
        near = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    found = np.zeros(len(x), dtype=bool)
    if near.any():
        shapely.prepare(shape)
        found[near] = shapely.intersects_xy(shape, x[near], y[near])
    return found


def incidence_in_places(crimes: CrimeTable, places: Mapping[str, BaseGeometry]) -> Incidence:
    """Count a table's rows in named places (polygons in longitude and latitude), month and category.

    Places may overlap (a town centre inside a ward): a point in two places counts in
    each, so the places' counts add up to the rows only when the places do not overlap.
    A point in none counts under ``<outside>``, a row without a point under ``<no location>``.

    >>> from shapely import box
    >>> from pact_core.crime import Crime, CrimeTable
    >>> table = CrimeTable.from_crimes([Crime(id="c1", month=Month(2022, 3), category=Category.SHOPLIFTING,
    ...                                       point=(0.52, 51.27), location="On or near Week Street")], publication=Month(2022, 8))
    >>> incidence_in_places(table, {"Maidstone town centre": box(0.51, 51.26, 0.53, 51.28)}).rows()
    (('Maidstone town centre', '2022-03', 'shoplifting', 1),)
    """
    if not isinstance(crimes, CrimeTable):
        raise TypeError(f"crimes must be a CrimeTable, got {crimes!r}")
    checked = _check_places(places)
    areas = _ordered(checked)
    x, y = crimes.longitude, crimes.latitude
    located = crimes.located
    parts_area = []
    parts_row = []
    anywhere = np.zeros(len(crimes), dtype=bool)
    for name, shape in checked.items():
        rows = np.flatnonzero(_covers(shape, x, y))
        anywhere[rows] = True
        parts_row.append(rows)
        parts_area.append(np.full(len(rows), areas.index(name), dtype=np.int64))
    elsewhere = np.flatnonzero(~anywhere)
    parts_row.append(elsewhere)
    parts_area.append(np.where(located[elsewhere], len(areas) - 1, len(areas) - 2).astype(np.int64))
    rows = np.concatenate(parts_row)
    return Incidence._from_keys(
        "place",
        crimes.publication,
        areas,
        np.concatenate(parts_area),
        crimes.month[rows].astype(np.int64),
        crimes.category[rows].astype(np.int64),
    )
