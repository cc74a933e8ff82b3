"""Neighbourhoods linked to wards from their boundaries: police neighbourhood polygons over council ward polygons.

Forces publish neighbourhood polygons (police.uk boundaries); councils publish wards.
`link_neighbourhoods` overlays the two and builds the `NeighbourhoodMap` the Guarantee
asks for. The rules, each a named choice:

* A neighbourhood's overlap with a ward smaller than *sliver* (a share of the ward's area)
  is a sliver: generalised boundaries that do not quite meet the ward's edges. It links
  nothing.
* A ward overlapped (beyond slivers) by one neighbourhood is linked whole.
* A ward cut by several becomes `WardPart`s, one per neighbourhood: each its overlap with
  the ward, a stretch claimed by two neighbourhoods going to the one with the larger
  overlap, and the slivers and what no neighbourhood covers going to the largest part, so
  that the parts cover the ward exactly.
* What cannot be linked is reported, all at once and with areas: a ward in no
  neighbourhood, a ward with more than *gap* of its area in none, and a neighbourhood
  over no ward.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import shapely

from pact_core._validation import all_of
from pact_core.errors import ExceptionGroup, InvalidNeighbourhoodMap
from pact_core.geography.neighbourhoods import (
    Neighbourhood,
    NeighbourhoodMap,
    WardPart,
    _problem,
)
from pact_core.geography.wards import (
    Area,
    CoordinateSystem,
    Ward,
    _as_area,
    _check_area,
    _overlay_area,
    area_square_metres,
)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from pact_core.geography.codes import WardCode

__all__ = ["link_neighbourhoods"]


def _polygonal(geometry: BaseGeometry) -> Area | None:
    """The polygonal part of an overlay result (lines and points dropped), or None when it has no area."""
    area = _overlay_area(geometry)
    return None if area.is_empty or area.area == 0 else area


def _grid(geometry: BaseGeometry) -> float:
    """The precision grid a ward's cut is built on: a billionth of its extent, rounded down to a power of ten.

    Overlays of nearly coincident edges in floating point are not consistent with each
    other (GEOS can return a difference that overlaps what it subtracted), so the parts of
    a cut ward are built by snap-rounding on one fixed grid, where they are. A billionth
    of a 10 km ward is 0.01 mm: no area a map's tolerance sees.
    """
    x0, y0, x1, y1 = geometry.bounds
    extent = max(x1 - x0, y1 - y0)
    return 10.0 ** (math.floor(math.log10(extent)) - 9)


def _cut(ward: Ward, overlaps: list[tuple[float, str, Area]]) -> list[tuple[str, WardPart]]:
    """The ward's parts, one per overlapping neighbourhood, disjoint and covering the ward exactly (largest overlap first).

    Each smaller part is its overlap less what larger overlaps claim; the largest part is
    the ward less all the others, so that it takes the slivers and what no neighbourhood
    covers, and no stretch is in two parts. Every step is on one precision grid.
    """
    grid = _grid(ward.geometry)
    # Snapping to the grid can collapse a thin stretch to a line: only areas go on.
    own: list[tuple[str, Area]] = []
    claimed = _as_area(shapely.set_precision(overlaps[0][2], grid))
    for _, key, overlap in overlaps[1:]:
        snapped = _as_area(shapely.set_precision(overlap, grid))
        own.append((key, _as_area(shapely.difference(snapped, claimed, grid_size=grid))))
        claimed = _as_area(shapely.union(claimed, snapped, grid_size=grid))
    # The largest part takes what is left: its own overlap, the slivers, and what no neighbourhood covers.
    others = _as_area(shapely.union_all([geometry for _, geometry in own], grid_size=grid))
    rest = _as_area(shapely.difference(ward.geometry, others, grid_size=grid))
    return [
        (key, WardPart(ward=ward.code, geometry=geometry))
        for key, geometry in [(overlaps[0][1], rest), *own]
        if not geometry.is_empty and geometry.area > 0
    ]


def _overlaps(
    ward: Ward,
    tree: shapely.STRtree,
    checked: dict[str, Area],
    sliver: float,
    area: functools.partial[float],
) -> tuple[list[tuple[float, str, Area]], float]:
    """The neighbourhoods over more than a sliver of the ward, as (area, id, overlap), largest first, then by id; and the area in none."""
    ids = list(checked)
    minimum = sliver * area(ward.geometry)
    found = []
    every = []
    for index in sorted(tree.query(ward.geometry)):
        key = ids[int(index)]
        overlap = _polygonal(ward.geometry.intersection(checked[key]))
        if overlap is None:
            continue
        every.append(overlap)
        if (size := area(overlap)) >= minimum:
            found.append((size, key, overlap))
    uncovered = (
        area(ward.geometry.difference(shapely.union_all(every))) if every else area(ward.geometry)
    )
    return sorted(found, key=lambda item: (-item[0], item[1])), uncovered


def link_neighbourhoods(  # noqa: PLR0913 - the overlay's options
    shapes: Mapping[str, BaseGeometry],
    wards: Iterable[Ward],
    *,
    force: str,
    names: Mapping[str, str] | None = None,
    coordinates: CoordinateSystem = CoordinateSystem.LONGITUDE_LATITUDE,
    sliver: float = 0.02,
    gap: float = 0.05,
    tolerance: float = 1.0,
) -> NeighbourhoodMap:
    """Build a force's `NeighbourhoodMap` from neighbourhood polygons (id to geometry) and ward polygons.

    *names* gives each neighbourhood's name (its id when absent); *sliver* is the share of
    a ward's area below which an overlap is a sliver (2 % by default); *gap* the share of a
    ward that may lie in no neighbourhood and still be linked (5 % by default: generalised
    coastlines cut corners); *tolerance* is the map's, in square metres. Problems come as an `ExceptionGroup` of
    `pact_core.errors.InvalidNeighbourhoodMap`.

    >>> from shapely import box
    >>> from pact_core.geography import WardCode
    >>> wards = [Ward(code=WardCode(f"E0500000{n}"), name=f"W{n}", generation="WD25", geometry=box(n, 0, n + 1, 1))
    ...          for n in range(3)]
    >>> shapes = {"N1": box(0, 0, 1.5, 1.004), "N2": box(1.5, -0.003, 3, 1)}  # generalised edges
    >>> linked = link_neighbourhoods(shapes, wards, force="kent", coordinates=CoordinateSystem.METRES)
    >>> [(n.id, sorted(w.value for w in n.wards), [p.ward.value for p in n.parts]) for n in linked.neighbourhoods]
    [('N1', ['E05000000'], ['E05000001']), ('N2', ['E05000002'], ['E05000001'])]
    """
    if not isinstance(shapes, Mapping):
        raise TypeError(f"shapes must be a mapping of neighbourhood id to geometry, got {shapes!r}")
    if not 0 <= sliver < 0.5:
        raise InvalidNeighbourhoodMap(
            f"sliver must be a share of a ward's area from 0 to 0.5, got {sliver!r}",
            problem="bad sliver",
        )
    ward_list = all_of(wards, Ward, "wards")
    checked = {
        str(key): _as_area(_check_area(value, f"shapes[{key!r}]"))
        for key, value in sorted(shapes.items())
    }
    area = functools.partial(area_square_metres, coordinates=coordinates)
    tree = shapely.STRtree(list(checked.values()))
    whole: dict[str, set[WardCode]] = {key: set() for key in checked}
    parts: dict[str, list[WardPart]] = {key: [] for key in checked}
    problems: list[InvalidNeighbourhoodMap] = []
    for ward in ward_list:
        overlaps, uncovered = _overlaps(ward, tree, checked, sliver, area)
        ward_area = area(ward.geometry)
        label = f"ward {ward.code.value} ({ward.name})"
        if not overlaps:
            problems.append(_problem(
                f"{label} must lie in a neighbourhood, got none over more than {sliver:.0%} of its {ward_area:,.0f} m²",
                "ward in no neighbourhood", ward.code))  # fmt: skip
            continue
        if uncovered > max(gap * ward_area, tolerance):
            problems.append(_problem(
                f"{label} must lie in neighbourhoods, got {uncovered:,.0f} m² of its {ward_area:,.0f} m² in none",
                "ward partly in no neighbourhood", ward.code, *(key for _, key, _ in overlaps)))  # fmt: skip
        elif len(overlaps) == 1:
            whole[overlaps[0][1]].add(ward.code)
        else:
            for key, part in _cut(ward, overlaps):
                parts[key].append(part)
    problems.extend(
        _problem(
            f"neighbourhood {key!r} must hold a ward or part of one, got none of its {area(geometry):,.0f} m²",
            "neighbourhood over no ward",
            None,
            key,
        )
        for key, geometry in checked.items()
        if not whole[key] and not parts[key] and not any(key in p.neighbourhoods for p in problems)
    )
    if problems:
        raise ExceptionGroup(
            f"{len(problems)} problem(s) linking neighbourhoods to wards", problems
        )
    names = dict(names or {})
    neighbourhoods = [
        Neighbourhood(
            force=force, id=key, name=names.get(key, key), wards=whole[key], parts=parts[key]
        )
        for key in checked
    ]
    return NeighbourhoodMap(
        force=force,
        wards=ward_list,
        neighbourhoods=neighbourhoods,
        coordinates=coordinates,
        tolerance=tolerance,
    )
