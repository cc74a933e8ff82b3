"""A point to its ward and neighbourhood, one at a time or millions at once.

**Theory of operation.**

Most points fall deep inside a ward, so a locator answers those without a polygon test.
At build time it lays a grid over the wards' bounding box and classifies every cell:

- *inside* one region: the cell (slightly enlarged, to absorb floating-point rounding when
  a point is put in a cell) lies in the interior of that region, so every point in it
  belongs to that region alone;
- *outside*: no region touches the enlarged cell, so no point in it is in any ward;
- *mixed*: a boundary crosses it, and only its points are tested against the polygons,
  through a shapely STRtree with the ``intersects`` predicate.

A *region* is a whole ward, or, in a locator built from a `NeighbourhoodMap`, a part of
a ward that belongs to one neighbourhood.

**Boundary rule.** A point on a shared boundary belongs to every region that covers it
(``intersects``: ``within`` would give no ward at all at a ward corner). The locator
answers with the candidate whose ward code is lowest (then the lowest neighbourhood id),
marks the answer `LocationStatus.BOUNDARY`, and lists every candidate.

**Outside.** About half the bounding box of the real South East wards is sea or estuary:
"no ward" is a normal answer (`LocationStatus.OUTSIDE`). With a snap distance in metres,
a point outside every ward takes the nearest ward within that distance
(`LocationStatus.SNAPPED`); for longitude and latitude the distance uses the same local
approximation as `area_square_metres`.
"""

from __future__ import annotations

import enum
import math
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import shapely

from pact_core.errors import InvalidCode, InvalidCoordinate
from pact_core.geography.neighbourhoods import NeighbourhoodMap
from pact_core.geography.wards import CoordinateSystem, Ward

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy.typing import ArrayLike, NDArray

    from pact_core.geography.codes import WardCode

__all__ = ["BatchLocation", "Location", "LocationStatus", "WardLocator"]

_OUTSIDE = -1
_MIXED = -2  # and below: mixed cell number k is stored as _MIXED - k
_EARTH_RADIUS = 6_371_008.8
_METRES_PER_DEGREE = _EARTH_RADIUS * math.pi / 180


class LocationStatus(enum.IntEnum):
    """How a point was placed.

    >>> [status.name for status in LocationStatus]
    ['INSIDE', 'BOUNDARY', 'OUTSIDE', 'SNAPPED']
    """

    INSIDE = 0
    BOUNDARY = 1
    OUTSIDE = 2
    SNAPPED = 3


@attrs.frozen(kw_only=True)
class Location:
    """Where one point lies: its ward and neighbourhood, and how sure that is.

    *ward* and *neighbourhood* are None outside every ward (and *neighbourhood* is None
    for a locator built from wards alone). *candidates* lists every (ward, neighbourhood)
    that covers the point: one inside a ward, several on a boundary, none outside.
    *distance_metres* is how far a snapped point was moved (0 otherwise).

    >>> Location(ward=None, neighbourhood=None, status=LocationStatus.OUTSIDE).is_outside
    True
    """

    ward: WardCode | None
    neighbourhood: str | None
    status: LocationStatus
    candidates: tuple[tuple[WardCode, str | None], ...] = ()
    distance_metres: float = 0.0

    @property
    def is_outside(self) -> bool:
        """Whether the point lies in no ward (and was not snapped to one)."""
        return self.status is LocationStatus.OUTSIDE

    @property
    def is_ambiguous(self) -> bool:
        """Whether the point lies on a boundary between several candidates."""
        return self.status is LocationStatus.BOUNDARY


@attrs.frozen(kw_only=True, eq=False)
class BatchLocation:
    """Where many points lie, as arrays aligned with the input.

    ``ward_index`` indexes `WardLocator.wards` (-1 outside), ``neighbourhood_index``
    indexes `WardLocator.neighbourhood_ids` (-1 for none), ``status`` holds
    `LocationStatus` values, ``candidate_count`` how many candidates cover each point,
    and ``distance_metres`` how far snapped points moved (0 otherwise).

    >>> BatchLocation.__name__
    'BatchLocation'
    """

    ward_index: NDArray[np.int32]
    neighbourhood_index: NDArray[np.int32]
    status: NDArray[np.uint8]
    candidate_count: NDArray[np.int32]
    distance_metres: NDArray[np.float64]
    ward_table: tuple[WardCode, ...]
    neighbourhood_table: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.status)

    def ward_codes(self) -> NDArray[np.object_]:
        """The ward code of each point as a str, or None outside every ward."""
        table = np.array([code.value for code in self.ward_table] + [None], dtype=object)
        return table[self.ward_index]  # -1 picks the trailing None

    def neighbourhood_ids(self) -> NDArray[np.object_]:
        """The neighbourhood id of each point, or None."""
        table = np.array([*self.neighbourhood_table, None], dtype=object)
        return table[self.neighbourhood_index]

    def location(self, i: int) -> Location:
        """The answer for point *i* as a `Location` (without its candidates list)."""
        ward = int(self.ward_index[i])
        neighbourhood = int(self.neighbourhood_index[i])
        return Location(
            ward=self.ward_table[ward] if ward >= 0 else None,
            neighbourhood=self.neighbourhood_table[neighbourhood] if neighbourhood >= 0 else None,
            status=LocationStatus(int(self.status[i])),
            distance_metres=float(self.distance_metres[i]),
        )


def _number(value: object, field: str) -> float:
    """One coordinate as a float: a number, or a string ``float()`` reads (as numpy reads arrays)."""
    if isinstance(value, float):
        return value
    if isinstance(value, bool) or not isinstance(value, int | str | np.number):
        raise TypeError(f"{field} must be a number, got {value!r}")
    try:
        return float(value)
    except ValueError as err:
        raise InvalidCoordinate.must(field, "be a number", value) from err


def _numbers(values: ArrayLike, field: str) -> NDArray[np.float64]:
    """Coordinates as a flat float array; the first value that is not a number is named, with its index."""
    try:
        return np.asarray(values, dtype=np.float64).ravel()
    except (TypeError, ValueError):
        pass
    try:
        items = np.asarray(values, dtype=object).ravel()
    except ValueError:  # ragged nesting numpy cannot even hold
        raise TypeError(f"{field} must be a flat sequence of numbers, got {values!r}") from None
    for i, item in enumerate(items):
        try:
            _number(item, field)
        except InvalidCoordinate:  # noqa: PERF203 - only on the way to an error
            raise InvalidCoordinate(
                f"{field} must be numbers, got {item!r} at index {i}",
                field=field,
                rule="be numbers",
                value=item,
            ) from None
        except TypeError:
            raise TypeError(f"{field} must be numbers, got {item!r} at index {i}") from None
    raise TypeError(
        f"{field} must be a flat sequence of numbers, got {values!r}"
    )  # pragma: no cover - numpy refused what each item passes


def _check_coordinates(x: NDArray[np.float64], y: NDArray[np.float64], *, lon_lat: bool) -> None:
    bad = ~(np.isfinite(x) & np.isfinite(y))
    if lon_lat:
        bad |= (np.abs(y) > 90) | (np.abs(x) > 180)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        what = (
            f"lat={float(y[i])!r}, lon={float(x[i])!r}"
            if lon_lat
            else f"x={float(x[i])!r}, y={float(y[i])!r}"
        )
        rule = (
            "be finite, with latitude within ±90 and longitude within ±180"
            if lon_lat
            else "be finite"
        )
        raise InvalidCoordinate(
            f"coordinates must {rule}, got {what} at index {i} ({int(bad.sum())} bad in all)",
            field="coordinates",
            rule=rule,
            value=i,
        )


@attrs.frozen(eq=False, repr=False)
class WardLocator:
    """Find the ward (and neighbourhood) of points, one at a time or as arrays.

    Build one with `from_wards` or `from_map`. It is immutable, thread-safe and picklable,
    so it can be shipped to worker processes.

    >>> from shapely import box
    >>> from pact_core.geography import WardCode
    >>> west = Ward(code=WardCode("E05000001"), name="West", generation="WD25", geometry=box(0.0, 51.0, 0.1, 51.1))
    >>> east = Ward(code=WardCode("E05000002"), name="East", generation="WD25", geometry=box(0.1, 51.0, 0.2, 51.1))
    >>> locator = WardLocator.from_wards([west, east])
    >>> locator.locate(lat=51.05, lon=0.05).ward
    WardCode('E05000001')
    >>> on_the_line = locator.locate(lat=51.05, lon=0.1)
    >>> on_the_line.status.name, [str(code) for code, _ in on_the_line.candidates]
    ('BOUNDARY', ['E05000001', 'E05000002'])
    >>> locator.locate(lat=52.0, lon=0.05).status.name
    'OUTSIDE'
    """

    wards: tuple[Ward, ...]
    neighbourhood_ids: tuple[str, ...]
    coordinates: CoordinateSystem
    _region_geometries: NDArray[np.object_]
    _region_ward: NDArray[np.int32]
    _region_neighbourhood: NDArray[np.int32]
    _region_rank: NDArray[np.int64]
    _region_key: NDArray[np.int64]
    _tree: shapely.STRtree
    _grid: NDArray[np.int32]
    # The regions touching each mixed cell, best rank first: cell k's are
    # _candidates[_starts[k]:_starts[k + 1]], with their (prepared) geometries alongside.
    _starts: NDArray[np.int64]
    _candidates: NDArray[np.intp]
    _candidate_geometries: NDArray[np.object_]
    _bounds: tuple[float, float, float, float]
    _cell: tuple[float, float]
    _shape: tuple[int, int]
    _pure: tuple[Location, ...]

    # -- building

    @classmethod
    def from_wards(
        cls,
        wards: Sequence[Ward],
        *,
        coordinates: CoordinateSystem = CoordinateSystem.LONGITUDE_LATITUDE,
        grid_cells: int | None = None,
    ) -> WardLocator:
        """Build a locator over *wards* (their own coordinates; the ONS files are longitude, latitude).

        *grid_cells* is about how many cells the index grid has: more cells answer more
        points without a polygon test, and cost build time and memory (4 bytes a cell).
        By default 1,024 a ward, at most 2,097,152 (a few seconds to build for 1,973 wards).
        """
        for ward in wards:
            if not isinstance(ward, Ward):
                raise TypeError(f"wards must be Ward values, got {ward!r}")
        items = sorted(wards, key=lambda ward: ward.code)
        codes = [ward.code for ward in items]
        if len(set(codes)) != len(codes):
            raise InvalidCode.must(
                "wards", "have unique codes", sorted({c.value for c in codes if codes.count(c) > 1})
            )
        regions = [(ward.geometry, index, -1) for index, ward in enumerate(items)]
        return cls._build(tuple(items), (), coordinates, regions, grid_cells)

    @classmethod
    def from_map(
        cls, neighbourhood_map: NeighbourhoodMap, *, grid_cells: int | None = None
    ) -> WardLocator:
        """Build a locator that also answers the neighbourhood, parts of wards included.

        A ward split between neighbourhoods is located by its parts' geometries.
        """
        if not isinstance(neighbourhood_map, NeighbourhoodMap):
            raise TypeError(
                f"neighbourhood_map must be a NeighbourhoodMap, got {neighbourhood_map!r}"
            )
        wards = neighbourhood_map.wards
        ward_index = {ward.code: i for i, ward in enumerate(wards)}
        ids = tuple(item.id for item in neighbourhood_map.neighbourhoods)
        regions: list[tuple[Any, int, int]] = []
        for n, item in enumerate(neighbourhood_map.neighbourhoods):
            regions.extend(
                (wards[ward_index[code]].geometry, ward_index[code], n)
                for code in sorted(item.wards)
            )
            regions.extend((part.geometry, ward_index[part.ward], n) for part in item.parts)
        return cls._build(wards, ids, neighbourhood_map.coordinates, regions, grid_cells)

    @classmethod
    def _build(
        cls,
        wards: tuple[Ward, ...],
        neighbourhood_ids: tuple[str, ...],
        coordinates: CoordinateSystem,
        regions: list[tuple[Any, int, int]],
        grid_cells: int | None,
    ) -> WardLocator:
        if grid_cells is None:
            grid_cells = min(1 << 21, 1024 * max(1, len(regions)))
        cells: object = grid_cells
        if not isinstance(cells, int) or isinstance(cells, bool) or cells < 1:
            raise TypeError(f"grid_cells must be a positive int, got {grid_cells!r}")
        if not isinstance(coordinates, CoordinateSystem):
            raise TypeError(f"coordinates must be a CoordinateSystem, got {coordinates!r}")
        geometries = np.array([geometry for geometry, _, _ in regions], dtype=object)
        region_ward = np.array([w for _, w, _ in regions], dtype=np.int32)
        region_neighbourhood = np.array([n for _, _, n in regions], dtype=np.int32)
        # Ties go to the lowest ward code, then the lowest neighbourhood id: the wards are
        # sorted by code and the ids by id, so their indices already order them.
        order = (
            np.lexsort((region_neighbourhood, region_ward))
            if regions
            else np.zeros(0, dtype=np.int64)
        )
        rank = np.empty(len(regions), dtype=np.int64)
        rank[order] = np.arange(len(regions))
        key = region_ward.astype(np.int64) * (len(neighbourhood_ids) + 1) + region_neighbourhood + 1
        tree = shapely.STRtree(geometries)
        grid, starts, candidates, bounds, cell, shape = _classify(
            geometries, coordinates, grid_cells, rank
        )
        candidate_geometries = geometries[candidates]
        shapely.prepare(candidate_geometries)
        pure = tuple(
            Location(
                ward=wards[int(region_ward[r])].code,
                neighbourhood=neighbourhood_ids[int(region_neighbourhood[r])]
                if region_neighbourhood[r] >= 0
                else None,
                status=LocationStatus.INSIDE,
                candidates=(
                    (
                        wards[int(region_ward[r])].code,
                        neighbourhood_ids[int(region_neighbourhood[r])]
                        if region_neighbourhood[r] >= 0
                        else None,
                    ),
                ),
            )
            for r in range(len(regions))
        )
        return cls(
            wards,
            neighbourhood_ids,
            coordinates,
            geometries,
            region_ward,
            region_neighbourhood,
            rank,
            key,
            tree,
            grid,
            starts,
            candidates,
            candidate_geometries,
            bounds,
            cell,
            shape,
            pure,
        )

    # Pickled by field, and the candidates' geometries prepared again when unpickled
    # (a prepared geometry does not survive pickling).
    def __getstate__(self) -> dict[str, object]:
        return {field.name: getattr(self, field.name) for field in attrs.fields(type(self))}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        shapely.prepare(self._candidate_geometries)

    def __repr__(self) -> str:
        rows, columns = self._shape
        return (
            f"<WardLocator of {len(self.wards)} wards, {len(self.neighbourhood_ids)} neighbourhoods, "
            f"{rows}x{columns} grid, {float(np.mean(self._grid <= _MIXED)):.1%} of cells mixed>"
        )

    # -- one point

    def locate(self, *, lat: float, lon: float, snap_metres: float | None = None) -> Location:
        """Return the ward (and neighbourhood) of the point at latitude *lat*, longitude *lon*.

        Raises:
            InvalidCoordinate: a value is not a number (a string ``float()`` cannot read), or not finite, or out of range.
            TypeError: a value is not a number or a string.
        """
        if self.coordinates is not _LON_LAT:
            raise InvalidCoordinate.must(
                "locator",
                "hold longitude/latitude wards to take lat and lon (use locate_xy)",
                self.coordinates.value,
            )
        y = lat if type(lat) is float else _number(lat, "lat")
        x = lon if type(lon) is float else _number(lon, "lon")
        if not (-90.0 <= y <= 90.0 and -180.0 <= x <= 180.0):
            _check_coordinates(np.array([x]), np.array([y]), lon_lat=True)
        return self._locate(x, y, snap_metres)

    def locate_xy(self, x: float, y: float, *, snap_metres: float | None = None) -> Location:
        """Return the ward of the point (*x*, *y*) in the wards' own coordinates."""
        x = x if type(x) is float else _number(x, "x")
        y = y if type(y) is float else _number(y, "y")
        if not (math.isfinite(x) and math.isfinite(y)):
            _check_coordinates(np.array([x]), np.array([y]), lon_lat=False)
        return self._locate(x, y, snap_metres)

    def _locate(self, x: float, y: float, snap_metres: float | None) -> Location:
        x0, y0, x1, y1 = self._bounds
        # The closed bounds: a point on their far edge belongs to the last cell.
        if x0 <= x <= x1 and y0 <= y <= y1:
            rows, columns = self._shape
            column = int((x - x0) / self._cell[0])  # not negative here: int() is floor()
            if column >= columns:
                column = columns - 1
            row = int((y - y0) / self._cell[1])
            if row >= rows:
                row = rows - 1
            value = self._grid.item(row * columns + column)
            if value >= 0:
                return self._pure[value]
            if value <= _MIXED:
                # Test the few regions that touch the cell, rather than query the tree.
                start = self._starts.item(_MIXED - value)
                end = self._starts.item(_MIXED - value + 1)
                inside = shapely.intersects_xy(self._candidate_geometries[start:end], x, y)
                hits = self._candidates[start:end][inside].tolist()
                if hits:
                    return self._from_hits(hits)
        if snap_metres is not None:
            return self._snap_one(x, y, snap_metres)
        return _NOWHERE

    def _from_hits(self, hits: list[int]) -> Location:
        """The location of a point in the regions *hits* (at least one), best rank first."""
        if len(hits) == 1:
            return self._pure[hits[0]]
        candidates = tuple(dict.fromkeys(self._pure[r].candidates[0] for r in hits))
        if len(candidates) == 1:
            return self._pure[hits[0]]
        ward, neighbourhood = candidates[0]
        return Location(
            ward=ward,
            neighbourhood=neighbourhood,
            status=LocationStatus.BOUNDARY,
            candidates=candidates,
        )

    def _pair(self, region: int) -> tuple[WardCode, str | None]:
        n = int(self._region_neighbourhood[region])
        return self.wards[int(self._region_ward[region])].code, self.neighbourhood_ids[
            n
        ] if n >= 0 else None

    def _snap_one(self, x: float, y: float, snap_metres: float) -> Location:
        region, distance = self._nearest(np.array([x]), np.array([y]), snap_metres)
        if region[0] < 0:
            return _NOWHERE
        ward, neighbourhood = self._pair(int(region[0]))
        return Location(
            ward=ward,
            neighbourhood=neighbourhood,
            status=LocationStatus.SNAPPED,
            candidates=((ward, neighbourhood),),
            distance_metres=float(distance[0]),
        )

    def _nearest(
        self, x: NDArray[np.float64], y: NDArray[np.float64], snap_metres: float
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The nearest region within *snap_metres* of each point (-1 if none), and the distance."""
        given: object = snap_metres
        if not isinstance(given, int | float) or isinstance(given, bool):
            raise TypeError(f"snap_metres must be a number, got {snap_metres!r}")
        if not (snap_metres >= 0 and math.isfinite(snap_metres)):
            raise InvalidCoordinate.must(
                "snap_metres", "be a finite distance of at least 0", snap_metres
            )
        region = np.full(len(x), -1, dtype=np.int64)
        distance = np.zeros(len(x), dtype=np.float64)
        if not len(x) or not len(self._region_geometries):
            return region, distance
        lon_lat = self.coordinates is CoordinateSystem.LONGITUDE_LATITUDE
        # Search generously in the data's units (a degree of longitude is shortest), then
        # measure candidates in metres.
        reach = snap_metres
        if lon_lat:
            reach = snap_metres / (
                _METRES_PER_DEGREE * max(math.cos(math.radians(float(np.max(np.abs(y))))), 1e-6)
            )
        points = np.asarray(shapely.points(x, y), dtype=object)
        point_index, hits = self._tree.query(points, predicate="dwithin", distance=reach)
        if not len(hits):
            return region, distance
        metres = self._metres(
            points[point_index], self._region_geometries[hits], y[point_index], lon_lat=lon_lat
        )
        close = metres <= snap_metres
        point_index, hits, metres = point_index[close], hits[close], metres[close]
        order = np.lexsort((self._region_rank[hits], metres, point_index))
        point_index, hits, metres = point_index[order], hits[order], metres[order]
        first = (
            np.r_[True, point_index[1:] != point_index[:-1]]
            if len(point_index)
            else np.zeros(0, dtype=bool)
        )
        region[point_index[first]] = hits[first]
        distance[point_index[first]] = metres[first]
        return region, distance

    @staticmethod
    def _metres(
        points: NDArray[np.object_],
        shapes: NDArray[np.object_],
        latitude: NDArray[np.float64],
        *,
        lon_lat: bool,
    ) -> NDArray[np.float64]:
        if not lon_lat:
            return np.asarray(shapely.distance(points, shapes), dtype=np.float64)
        # Scale longitude by cos(latitude) about each point, then measure in degrees of latitude.
        nearest = shapely.shortest_line(points, shapes)
        coords = shapely.get_coordinates(nearest).reshape(-1, 2, 2)
        dx = (coords[:, 1, 0] - coords[:, 0, 0]) * np.cos(np.radians(latitude))
        dy = coords[:, 1, 1] - coords[:, 0, 1]
        return np.asarray(np.hypot(dx, dy) * _METRES_PER_DEGREE, dtype=np.float64)

    # -- many points

    def locate_many(
        self, lats: ArrayLike, lons: ArrayLike, *, snap_metres: float | None = None
    ) -> BatchLocation:
        """Locate many points given as latitudes and longitudes (numpy arrays or sequences).

        Raises:
            InvalidCoordinate: a value is not a number, not finite or out of range (the first is named, with its index).
            TypeError: a value is not a number or a string, or the sequences are nested unevenly.
        """
        if self.coordinates is not CoordinateSystem.LONGITUDE_LATITUDE:
            raise InvalidCoordinate.must(
                "locator",
                "hold longitude/latitude wards to take lats and lons (use locate_many_xy)",
                self.coordinates.value,
            )
        y, x = _numbers(lats, "lats"), _numbers(lons, "lons")
        return self._locate_many(x, y, snap_metres, lon_lat=True)

    def locate_many_xy(
        self, xs: ArrayLike, ys: ArrayLike, *, snap_metres: float | None = None
    ) -> BatchLocation:
        """Locate many points given in the wards' own coordinates."""
        x, y = _numbers(xs, "xs"), _numbers(ys, "ys")
        return self._locate_many(x, y, snap_metres, lon_lat=False)

    def _resolve_mixed(
        self, x: NDArray[np.float64], y: NDArray[np.float64], numbers: NDArray[np.int32]
    ) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
        """For points in mixed cells (by cell number): the best region each is in (-1 for none), and how many distinct candidates.

        Each point is tested against the few regions touching its cell, in one vectorised
        call: pairs of (point, candidate), best rank first within a point.
        """
        first_slot = self._starts[numbers]
        per_point = self._starts[numbers.astype(np.int64) + 1] - first_slot
        point_index = np.repeat(np.arange(len(x)), per_point)
        within = np.arange(len(point_index)) - np.repeat(
            np.cumsum(per_point) - per_point, per_point
        )
        slots = np.repeat(first_slot, per_point) + within
        hit = shapely.intersects_xy(
            self._candidate_geometries[slots], x[point_index], y[point_index]
        )
        point_index, hits = point_index[hit], self._candidates[slots[hit]]
        region = np.full(len(x), -1, dtype=np.int64)
        if not len(hits):
            return region, np.zeros(len(x), dtype=np.int32)
        first = np.r_[True, point_index[1:] != point_index[:-1]]
        region[point_index[first]] = hits[first]
        # Distinct (ward, neighbourhood) candidates: within a point the hits come in rank
        # order, which is key order, so a new key is a change.
        keys = self._region_key[hits]
        new = np.r_[True, (point_index[1:] != point_index[:-1]) | (keys[1:] != keys[:-1])]
        return region, np.bincount(point_index[new], minlength=len(x)).astype(np.int32)

    def _locate_many(
        self,
        x: NDArray[np.float64],
        y: NDArray[np.float64],
        snap_metres: float | None,
        *,
        lon_lat: bool,
    ) -> BatchLocation:
        if x.shape != y.shape:
            raise InvalidCoordinate.must(
                "coordinates", "come in pairs of equal length", (len(y), len(x))
            )
        _check_coordinates(x, y, lon_lat=lon_lat)
        n = len(x)
        rows, columns = self._shape
        x0, y0, x1, y1 = self._bounds
        # The closed bounds: a point on their far edge belongs to the last cell.
        in_grid = np.flatnonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1))
        # Not negative inside the bounds, so truncation is floor.
        column = ((x[in_grid] - x0) / self._cell[0]).astype(np.int64)
        np.minimum(column, columns - 1, out=column)
        row = ((y[in_grid] - y0) / self._cell[1]).astype(np.int64)
        np.minimum(row, rows - 1, out=row)
        row *= columns
        row += column
        value = np.full(n, _OUTSIDE, dtype=np.int32)
        value[in_grid] = self._grid[row]
        region = value.astype(np.int64)
        found = value >= 0
        status = np.full(n, LocationStatus.OUTSIDE, dtype=np.uint8)
        status[found] = LocationStatus.INSIDE
        count = found.astype(np.int32)
        distance = np.zeros(n, dtype=np.float64)
        mixed = np.flatnonzero(value <= _MIXED)
        region[mixed] = -1
        if len(mixed):
            first, distinct = self._resolve_mixed(x[mixed], y[mixed], _MIXED - value[mixed])
            region[mixed] = first
            count[mixed] = distinct
            status[mixed] = np.where(
                distinct == 0,
                LocationStatus.OUTSIDE,
                np.where(distinct == 1, LocationStatus.INSIDE, LocationStatus.BOUNDARY),
            )
        if snap_metres is not None:
            outside = np.flatnonzero(region < 0)
            if len(outside):
                near, metres = self._nearest(x[outside], y[outside], snap_metres)
                snapped = near >= 0
                region[outside[snapped]] = near[snapped]
                status[outside[snapped]] = LocationStatus.SNAPPED
                distance[outside[snapped]] = metres[snapped]
        found = region >= 0
        ward_index = np.full(n, -1, dtype=np.int32)
        neighbourhood_index = np.full(n, -1, dtype=np.int32)
        ward_index[found] = self._region_ward[region[found]]
        neighbourhood_index[found] = self._region_neighbourhood[region[found]]
        return BatchLocation(
            ward_index=ward_index,
            neighbourhood_index=neighbourhood_index,
            status=status,
            candidate_count=count,
            distance_metres=distance,
            ward_table=tuple(ward.code for ward in self.wards),
            neighbourhood_table=self.neighbourhood_ids,
        )


_LON_LAT = CoordinateSystem.LONGITUDE_LATITUDE
_NOWHERE = Location(ward=None, neighbourhood=None, status=LocationStatus.OUTSIDE)


def _classify(
    geometries: NDArray[np.object_],
    coordinates: CoordinateSystem,
    grid_cells: int,
    rank: NDArray[np.int64],
) -> tuple[
    NDArray[np.int32],
    NDArray[np.int64],
    NDArray[np.intp],
    tuple[float, float, float, float],
    tuple[float, float],
    tuple[int, int],
]:
    """Lay the grid over the regions and classify each cell as inside one region, outside, or mixed.

    A mixed cell also gets its number and the regions touching it, best *rank* first.
    """
    if not len(geometries):
        return (
            np.full(1, _OUTSIDE, dtype=np.int32),
            np.zeros(1, dtype=np.int64),
            np.zeros(0, dtype=np.intp),
            (0.0, 0.0, 0.0, 0.0),
            (1.0, 1.0),
            (1, 1),
        )
    x0, y0, x1, y1 = shapely.total_bounds(geometries)
    width, height = max(x1 - x0, 1e-12), max(y1 - y0, 1e-12)
    # Square cells on the ground: a degree of longitude is cos(latitude) of a degree of latitude.
    aspect = (
        math.cos(math.radians((y0 + y1) / 2))
        if coordinates is CoordinateSystem.LONGITUDE_LATITUDE
        else 1.0
    )
    ground_width = width * aspect
    side = math.sqrt(ground_width * height / grid_cells)
    columns = max(1, math.ceil(ground_width / side))
    rows = max(1, math.ceil(height / side))
    dx, dy = width / columns, height / rows
    touched = np.zeros(rows * columns, dtype=np.int32)
    owner = np.full(rows * columns, _OUTSIDE, dtype=np.int32)
    # Enlarge each cell by a sliver so that a point put in a neighbouring cell by rounding
    # is still covered by the cell's classification.
    pad_x, pad_y = dx * 1e-6, dy * 1e-6
    bounds = shapely.bounds(geometries)
    touching_cells: list[NDArray[np.int32]] = []  # 4 bytes a pair, as the grid holds 4 a cell
    touching_regions: list[NDArray[np.int32]] = []
    for r, geometry in enumerate(geometries):
        shapely.prepare(geometry)
        c0 = max(0, math.floor((bounds[r, 0] - x0) / dx) - 1)
        c1 = min(columns - 1, math.floor((bounds[r, 2] - x0) / dx) + 1)
        r0 = max(0, math.floor((bounds[r, 1] - y0) / dy) - 1)
        r1 = min(rows - 1, math.floor((bounds[r, 3] - y0) / dy) + 1)
        column_grid, row_grid = np.meshgrid(np.arange(c0, c1 + 1), np.arange(r0, r1 + 1))
        cs, rs = column_grid.ravel(), row_grid.ravel()
        boxes = shapely.box(
            x0 + cs * dx - pad_x,
            y0 + rs * dy - pad_y,
            x0 + (cs + 1) * dx + pad_x,
            y0 + (rs + 1) * dy + pad_y,
        )
        hit = shapely.intersects(geometry, boxes)
        cells = rs[hit] * columns + cs[hit]
        touched[cells] += 1
        inside = shapely.contains_properly(geometry, boxes[hit])
        # A region is a candidate of the cells it touches: kept here for the cells it only
        # crosses, and through `owner` for those it contains (a displaced owner is kept too,
        # should regions overlap), so that interior cells cost nothing unless mixed.
        inner = cells[inside]
        displaced = owner[inner]
        again = displaced >= 0
        if again.any():
            touching_cells.append(inner[again].astype(np.int32))
            touching_regions.append(displaced[again])
        owner[inner] = r
        edge = cells[~inside]
        touching_cells.append(edge.astype(np.int32))
        touching_regions.append(np.full(len(edge), r, dtype=np.int32))
    grid = np.where(
        touched == 0, _OUTSIDE, np.where((touched == 1) & (owner >= 0), owner, _MIXED)
    ).astype(np.int32)
    starts, candidates = _number_mixed(grid, owner, touching_cells, touching_regions, rank)
    return (
        grid,
        starts,
        candidates,
        (float(x0), float(y0), float(x1), float(y1)),
        (float(dx), float(dy)),
        (rows, columns),
    )


def _number_mixed(
    grid: NDArray[np.int32],
    owner: NDArray[np.int32],
    touching_cells: list[NDArray[np.int32]],
    touching_regions: list[NDArray[np.int32]],
    rank: NDArray[np.int64],
) -> tuple[NDArray[np.int64], NDArray[np.intp]]:
    """Number the mixed cells in *grid* (in place: cell k becomes ``_MIXED - k``) and list the regions touching each, best rank first."""
    mixed = np.flatnonzero(grid == _MIXED)
    number = np.full(len(grid), -1, dtype=np.int64)
    number[mixed] = np.arange(len(mixed))
    owned = mixed[owner[mixed] >= 0]
    pair_cells = number[np.concatenate([*touching_cells, owned.astype(np.int32)])]
    pair_regions = np.concatenate([*touching_regions, owner[owned]]).astype(np.intp)
    keep = pair_cells >= 0
    pair_cells, pair_regions = pair_cells[keep], pair_regions[keep]
    order = np.lexsort((rank[pair_regions], pair_cells))
    pair_cells, pair_regions = pair_cells[order], pair_regions[order]
    starts = np.searchsorted(pair_cells, np.arange(len(mixed) + 1)).astype(np.int64)
    grid[mixed] = _MIXED - np.arange(len(mixed), dtype=np.int32)
    return starts, pair_regions
