"""Carry neighbourhoods across a ward boundary review.

Ward codes change completely at boundary reviews: Medway's 2013 and 2025 wards share no
code. What carries over is area: the share of each old ward that falls in each new ward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import shapely

from pact_core.errors import InvalidCode
from pact_core.geography.linking import _cut
from pact_core.geography.neighbourhoods import Neighbourhood, NeighbourhoodMap, WardPart
from pact_core.geography.wards import (
    CoordinateSystem,
    Ward,
    _overlay_area,
    area_square_metres,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pact_core.geography.codes import WardCode

__all__ = ["CrosswalkShare", "carry_map", "ward_crosswalk"]


@attrs.frozen(kw_only=True, order=True)
class CrosswalkShare:
    """The part of an old ward that lies in a new ward: its area and its share of the old ward.

    >>> from pact_core.geography import WardCode
    >>> CrosswalkShare(old=WardCode("E05002249"), new=WardCode("E05014450"), share=0.9, square_metres=1.0).share
    0.9
    """

    old: WardCode
    new: WardCode
    share: float
    square_metres: float


def ward_crosswalk(
    old: Sequence[Ward],
    new: Sequence[Ward],
    *,
    coordinates: CoordinateSystem = CoordinateSystem.LONGITUDE_LATITUDE,
    min_share: float = 0.0,
) -> tuple[CrosswalkShare, ...]:
    """Return, for each old ward, the share of its area that falls in each new ward.

    Shares below *min_share* (slivers from boundary generalisation) are left out.
    Rows are ordered by old code, then new code.

    >>> from shapely import box
    >>> from pact_core.geography import WardCode
    >>> before = [Ward(code=WardCode("E05000001"), name="Old", generation="WD13", geometry=box(0, 0, 2, 1))]
    >>> after = [Ward(code=WardCode("E05000011"), name="A", generation="WD25", geometry=box(0, 0, 1, 1)),
    ...          Ward(code=WardCode("E05000012"), name="B", generation="WD25", geometry=box(1, 0, 2, 1))]
    >>> [(str(row.new), row.share) for row in ward_crosswalk(before, after, coordinates=CoordinateSystem.METRES)]
    [('E05000011', 0.5), ('E05000012', 0.5)]
    """
    shapes = [ward.geometry for ward in new]
    tree = shapely.STRtree(shapes)
    rows = []
    for ward in old:
        for index in sorted(tree.query(ward.geometry, predicate="intersects").tolist()):
            piece = ward.geometry.intersection(shapes[index])
            # The share is a ratio in the data's own units, so it is exact whatever the units.
            share = piece.area / ward.geometry.area
            if share > 0 and share >= min_share:
                rows.append(
                    CrosswalkShare(
                        old=ward.code,
                        new=new[index].code,
                        share=share,
                        square_metres=area_square_metres(piece, coordinates),
                    )
                )
    return tuple(sorted(rows))


def carry_map(
    neighbourhood_map: NeighbourhoodMap, new_wards: Sequence[Ward], *, min_share: float = 0.02
) -> NeighbourhoodMap:
    """Carry a neighbourhood map onto a new generation of wards.

    Each new ward goes wholly to the neighbourhood that holds most of it, unless other
    neighbourhoods hold at least *min_share* of it too; then it is split into parts,
    one per such neighbourhood. Smaller shares (slivers where two generations' generalised
    boundaries disagree) go to the largest part, so the parts tile the ward exactly.
    A new ward that no old neighbourhood touches is an error.

    >>> from shapely import box
    >>> from pact_core.geography import Neighbourhood, WardCode
    >>> old = Ward(code=WardCode("E05000001"), name="Old", generation="WD13", geometry=box(0, 0, 2, 1))
    >>> before = NeighbourhoodMap(force="kent", wards=[old], coordinates=CoordinateSystem.METRES,
    ...     neighbourhoods=[Neighbourhood(force="kent", id="N1", name="Town", wards={old.code})])
    >>> new = [Ward(code=WardCode("E05000011"), name="A", generation="WD25", geometry=box(0, 0, 1, 1)),
    ...        Ward(code=WardCode("E05000012"), name="B", generation="WD25", geometry=box(1, 0, 2, 1))]
    >>> after = carry_map(before, new)
    >>> after.generation, [w.name for w in after.wards_of("N1")]
    ('WD25', ['A', 'B'])
    """
    ids = [item.id for item in neighbourhood_map.neighbourhoods]
    shapes = [neighbourhood_map.geometry_of(i) for i in ids]
    tree = shapely.STRtree(shapes)
    coordinates = neighbourhood_map.coordinates
    whole: dict[str, set[WardCode]] = {i: set() for i in ids}
    parts: dict[str, list[WardPart]] = {i: [] for i in ids}
    for ward in new_wards:
        overlaps = []
        for index in tree.query(ward.geometry, predicate="intersects").tolist():
            piece = ward.geometry.intersection(shapes[index])
            size = area_square_metres(piece, coordinates)
            if size > 0:
                overlaps.append((size, ids[index], piece))
        if not overlaps:
            raise InvalidCode.must("new_wards", "each overlap an old neighbourhood", ward.code)
        overlaps.sort(key=lambda item: (-item[0], item[1]))
        total = area_square_metres(ward.geometry, coordinates)
        kept = [item for item in overlaps if item[0] / total >= min_share] or overlaps[:1]
        if len(kept) == 1:
            whole[kept[0][1]].add(ward.code)
            continue
        for owner, part in _cut(
            ward, [(size, owner, _overlay_area(piece)) for size, owner, piece in kept]
        ):
            parts[owner].append(part)
    carried = [
        Neighbourhood(
            force=item.force,
            id=item.id,
            name=item.name,
            wards=whole[item.id],
            parts=parts[item.id],
            contacts=item.contacts,
        )
        for item in neighbourhood_map.neighbourhoods
        if whole[item.id] or parts[item.id]
    ]
    return NeighbourhoodMap(
        force=neighbourhood_map.force,
        wards=new_wards,
        neighbourhoods=carried,
        coordinates=coordinates,
        tolerance=neighbourhood_map.tolerance,
    )
