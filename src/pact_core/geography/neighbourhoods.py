"""Neighbourhoods linked to council wards, and a force's neighbourhood map.

A neighbourhood is a whole ward, part of a ward, or several wards (Home Office, 2005).
A force's neighbourhoods must cover its wards exactly once: each ward belongs wholly to
one neighbourhood, or is split into parts that together cover it with no overlap and no
gap. `NeighbourhoodMap` checks that when it is built and reports every problem at once.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import shapely
from attrs.validators import instance_of
from shapely.geometry import mapping

from pact_core._validation import all_of
from pact_core.errors import ExceptionGroup, InvalidCode, InvalidNeighbourhoodMap
from pact_core.geography.codes import WardCode
from pact_core.geography.wards import (
    Area,
    CoordinateSystem,
    Ward,
    _as_area,
    _nonblank,
    _to_area,
    area_square_metres,
)

__all__ = ["Neighbourhood", "NeighbourhoodMap", "WardPart"]


@attrs.frozen(kw_only=True)
class WardPart:
    """The part of a ward that belongs to a neighbourhood, as a geometry in the ward's coordinates.

    >>> from shapely import box
    >>> WardPart(ward=WardCode("E05014449"), geometry=box(0, 0, 1, 2)).ward
    WardCode('E05014449')
    """

    ward: WardCode = attrs.field(validator=instance_of(WardCode))
    geometry: Area = attrs.field(converter=_to_area)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The part as a GeoJSON Feature whose ``ward`` property is the ward's code."""
        return {
            "type": "Feature",
            "geometry": mapping(self.geometry),
            "properties": {"ward": self.ward.value},
        }


def _to_codes(value: Iterable[WardCode]) -> frozenset[WardCode]:
    return frozenset(all_of(value, WardCode, "wards"))


def _to_parts(value: Iterable[WardPart]) -> tuple[WardPart, ...]:
    parts = all_of(value, WardPart, "parts")
    return tuple(sorted(parts, key=lambda part: (part.ward, part.geometry.wkb)))


def _to_contacts(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(kind), str(detail)) for kind, detail in items))


@attrs.frozen(kw_only=True)
class Neighbourhood:
    """A policing neighbourhood of one force, linked to whole wards and to parts of wards.

    Its identity is ``(force, id)``: police.uk ids are force-local strings
    (``"NC04"``, ``"00BKX6"``, ``"55.CB3001"``) and may contain spaces.
    *contacts* are how the public reach the team (``{"email": ..., "phone": ...}``).

    >>> strood = Neighbourhood(force="kent", id="Strood", name="Strood",
    ...                        wards={WardCode("E05014467"), WardCode("E05014469")})
    >>> strood.key, sorted(map(str, strood.wards))
    (('kent', 'Strood'), ['E05014467', 'E05014469'])
    """

    force: str = attrs.field(validator=_nonblank)
    id: str = attrs.field(validator=_nonblank)
    name: str = attrs.field(validator=_nonblank)
    wards: frozenset[WardCode] = attrs.field(default=frozenset(), converter=_to_codes)
    parts: tuple[WardPart, ...] = attrs.field(default=(), converter=_to_parts)
    contacts: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_to_contacts)

    def __attrs_post_init__(self) -> None:
        if not self.wards and not self.parts:
            raise InvalidNeighbourhoodMap(
                f"neighbourhood {self.id!r} must link to at least one ward or part of a ward, got none",
                problem="no wards",
                neighbourhoods=(self.id,),
            )

    @property
    def key(self) -> tuple[str, str]:
        """The neighbourhood's identity: ``(force, id)``."""
        return (self.force, self.id)

    @property
    def ward_codes(self) -> frozenset[WardCode]:
        """Every ward it covers, wholly or in part."""
        return self.wards | {part.ward for part in self.parts}


def _to_wards(value: Iterable[Ward]) -> tuple[Ward, ...]:
    wards = all_of(value, Ward, "wards")
    return tuple(sorted(wards, key=lambda ward: ward.code))


def _to_neighbourhoods(value: Iterable[Neighbourhood]) -> tuple[Neighbourhood, ...]:
    items = all_of(value, Neighbourhood, "neighbourhoods")
    return tuple(sorted(items, key=lambda item: item.id))


def _problem(
    message: str, problem: str, ward: WardCode | None, *ids: str
) -> InvalidNeighbourhoodMap:
    return InvalidNeighbourhoodMap(
        message,
        problem=problem,
        ward=None if ward is None else ward.value,
        neighbourhoods=tuple(sorted(ids)),
    )


_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


@attrs.frozen(kw_only=True)
class NeighbourhoodMap:
    """A force's neighbourhoods over its wards of one generation, checked to cover each ward exactly once.

    Building a map reports every problem at once, as an `ExceptionGroup` of
    `pact_core.errors.InvalidNeighbourhoodMap`: a ward no neighbourhood covers, a ward
    claimed whole by two neighbourhoods (or whole by one and in part by another), a link
    to a ward the map does not hold, a part that lies outside its ward, parts that
    overlap, parts that leave a gap, two neighbourhoods with one id, or a neighbourhood
    of another force.
    Areas are compared in square metres, with *tolerance* (1 m² by default) to absorb
    the rounding of real boundary files.

    >>> from shapely import box
    >>> east = Ward(code=WardCode("E05000001"), name="East", generation="WD25", geometry=box(1, 0, 2, 1))
    >>> west = Ward(code=WardCode("E05000002"), name="West", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> both = Neighbourhood(force="kent", id="N1", name="Town", wards={east.code, west.code})
    >>> town = NeighbourhoodMap(force="kent", wards=[east, west], neighbourhoods=[both],
    ...                         coordinates=CoordinateSystem.METRES)
    >>> [n.id for n in town.neighbourhoods_of(east.code)], town.geometry_of("N1").area
    (['N1'], 2.0)
    >>> from pact_core.errors import ExceptionGroup
    >>> try:
    ...     NeighbourhoodMap(force="kent", wards=[east, west], neighbourhoods=[], coordinates=CoordinateSystem.METRES)
    ... except ExceptionGroup as group:
    ...     for problem in group.exceptions:
    ...         print(problem)
    ward E05000001 (East) must be covered by a neighbourhood, got none
    ward E05000002 (West) must be covered by a neighbourhood, got none
    """

    force: str = attrs.field(validator=_nonblank)
    wards: tuple[Ward, ...] = attrs.field(converter=_to_wards)
    neighbourhoods: tuple[Neighbourhood, ...] = attrs.field(converter=_to_neighbourhoods)
    coordinates: CoordinateSystem = attrs.field(
        default=CoordinateSystem.LONGITUDE_LATITUDE, validator=instance_of(CoordinateSystem)
    )
    tolerance: float = attrs.field(default=1.0, validator=instance_of((float, int)))

    def __attrs_post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise ExceptionGroup(f"neighbourhood map has {len(problems)} problem(s)", problems)

    # -- checking

    def _problems(self) -> list[InvalidNeighbourhoodMap]:
        problems: list[InvalidNeighbourhoodMap] = []
        generations = sorted({ward.generation for ward in self.wards})
        if len(generations) > 1:
            problems.append(
                _problem(
                    f"wards must share one generation, got {generations}", "mixed generations", None
                )
            )
        seen_ids: set[str] = set()
        for item in self.neighbourhoods:
            if item.id in seen_ids:
                problems.append(
                    _problem(
                        f"neighbourhood ids must be unique, got {item.id!r} twice",
                        "duplicate neighbourhood",
                        None,
                        item.id,
                    )
                )
            seen_ids.add(item.id)
            if item.force != self.force:
                problems.append(
                    _problem(
                        f"neighbourhood {item.id!r} must belong to {self.force!r}, got {item.force!r}",
                        "wrong force",
                        None,
                        item.id,
                    )
                )
        known = {ward.code for ward in self.wards}
        whole: dict[WardCode, list[str]] = {}
        parts: dict[WardCode, list[tuple[str, WardPart]]] = {}
        for item in self.neighbourhoods:
            for code in sorted(item.wards):
                whole.setdefault(code, []).append(item.id)
            for part in item.parts:
                parts.setdefault(part.ward, []).append((item.id, part))
        for code in sorted(set(whole) | set(parts)):
            if code not in known:
                claimants = sorted(set(whole.get(code, [])) | {i for i, _ in parts.get(code, [])})
                problems.append(
                    _problem(
                        f"ward {code.value} must be one of the map's wards, got a link from {', '.join(claimants)}",
                        "unknown ward",
                        code,
                        *claimants,
                    )
                )
        for ward in self.wards:
            problems.extend(
                self._ward_problems(ward, whole.get(ward.code, []), parts.get(ward.code, []))
            )
        return problems

    def _ward_problems(
        self, ward: Ward, whole: list[str], parts: list[tuple[str, WardPart]]
    ) -> list[InvalidNeighbourhoodMap]:
        code = ward.code
        label = f"ward {code.value} ({ward.name})"
        if not whole and not parts:
            return [
                _problem(f"{label} must be covered by a neighbourhood, got none", "uncovered", code)
            ]
        if len(whole) > 1 or (whole and parts):
            claimants = sorted(set(whole) | {i for i, _ in parts})
            return [
                _problem(
                    f"{label} must be claimed once, got whole by {', '.join(whole)}"
                    + (
                        f" and in part by {', '.join(sorted({i for i, _ in parts}))}"
                        if parts
                        else ""
                    ),
                    "claimed twice",
                    code,
                    *claimants,
                )
            ]
        if whole:
            return []
        found: list[InvalidNeighbourhoodMap] = []
        area = functools.partial(area_square_metres, coordinates=self.coordinates)
        for owner, part in parts:
            outside = area(part.geometry.difference(ward.geometry))
            if outside > self.tolerance:
                found.append(
                    _problem(
                        f"{label}: the part in {owner} must lie inside the ward, got {outside:,.0f} m² outside",
                        "part outside ward",
                        code,
                        owner,
                    )
                )
        for i, (first, a) in enumerate(parts):
            for second, b in parts[i + 1 :]:
                overlap = area(a.geometry.intersection(b.geometry))
                if overlap > self.tolerance:
                    found.append(
                        _problem(
                            f"{label}: parts in {first} and {second} must not overlap, got {overlap:,.0f} m² in both",
                            "parts overlap",
                            code,
                            first,
                            second,
                        )
                    )
        union = shapely.union_all([part.geometry for _, part in parts])
        gap = area(ward.geometry.difference(union))
        if gap > self.tolerance:
            owners = sorted({owner for owner, _ in parts})
            found.append(
                _problem(
                    f"{label}: parts must cover the ward, got {gap:,.0f} m² in no part",
                    "parts leave a gap",
                    code,
                    *owners,
                )
            )
        return found

    # -- questions

    @property
    def generation(self) -> str | None:
        """The wards' boundary generation, such as ``"WD25"`` (None for a map with no wards)."""
        return self.wards[0].generation if self.wards else None

    @functools.cached_property
    def _by_code(self) -> dict[WardCode, Ward]:
        return {ward.code: ward for ward in self.wards}

    @functools.cached_property
    def _by_id(self) -> dict[str, Neighbourhood]:
        return {item.id: item for item in self.neighbourhoods}

    @functools.cached_property
    def _covering(self) -> dict[WardCode, tuple[Neighbourhood, ...]]:
        covering: dict[WardCode, list[Neighbourhood]] = {}
        for item in self.neighbourhoods:
            for code in item.ward_codes:
                covering.setdefault(code, []).append(item)
        return {code: tuple(items) for code, items in covering.items()}

    def ward(self, code: WardCode) -> Ward:
        """Return the ward with *code*.

        Raises:
            pact_core.errors.InvalidCode: the map holds no such ward.
        """
        try:
            return self._by_code[code]
        except KeyError:
            raise InvalidCode.must("ward", "be in the map", code) from None

    def neighbourhood(self, id: str) -> Neighbourhood:  # noqa: A002 - the domain's word
        """Return the neighbourhood with *id*.

        Raises:
            pact_core.errors.InvalidCode: the map holds no such neighbourhood.
        """
        try:
            return self._by_id[id]
        except KeyError:
            raise InvalidCode.must("neighbourhood", "be in the map", id) from None

    def neighbourhoods_of(self, code: WardCode) -> tuple[Neighbourhood, ...]:
        """Return the neighbourhoods that cover ward *code*, wholly or in part, by id."""
        self.ward(code)
        return self._covering.get(code, ())

    def wards_of(self, id: str) -> tuple[Ward, ...]:  # noqa: A002 - the domain's word
        """Return the wards neighbourhood *id* covers, wholly or in part, by code."""
        return tuple(self._by_code[code] for code in sorted(self.neighbourhood(id).ward_codes))

    @functools.cached_property
    def _geometries(self) -> dict[str, Area]:
        shapes: dict[str, Area] = {}
        for item in self.neighbourhoods:
            pieces = [self._by_code[code].geometry for code in item.wards]
            pieces.extend(part.geometry for part in item.parts)
            shapes[item.id] = _as_area(shapely.normalize(shapely.union_all(pieces)))
        return shapes

    def geometry_of(self, id: str) -> Area:  # noqa: A002 - the domain's word
        """Return the area neighbourhood *id* covers: the union of its wards and parts."""
        self.neighbourhood(id)
        return self._geometries[id]

    @functools.cached_property
    def _borders(self) -> dict[str, tuple[str, ...]]:
        ids = [item.id for item in self.neighbourhoods]
        shapes = [self._geometries[i] for i in ids]
        tree = shapely.STRtree(shapes)
        found: dict[str, set[str]] = {i: set() for i in ids}
        left, right = tree.query(shapes, predicate="intersects")
        for a, b in zip(left.tolist(), right.tolist(), strict=True):
            if a < b:
                shared = shapes[a].boundary.intersection(shapes[b].boundary)
                if shared.length > 0:
                    found[ids[a]].add(ids[b])
                    found[ids[b]].add(ids[a])
        return {i: tuple(sorted(found[i])) for i in ids}

    def neighbours(self, id: str) -> tuple[Neighbourhood, ...]:  # noqa: A002 - the domain's word
        """Return the neighbourhoods that share a stretch of boundary with *id* (a corner is not enough)."""
        self.neighbourhood(id)
        return tuple(self._by_id[other] for other in self._borders[id])

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The neighbourhoods as a GeoJSON FeatureCollection, one feature per neighbourhood."""
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": mapping(self._geometries[item.id]),
                    "properties": {
                        "force": item.force,
                        "id": item.id,
                        "name": item.name,
                        "wards": sorted(code.value for code in item.ward_codes),
                    },
                }
                for item in self.neighbourhoods
            ],
        }

    def _repr_svg_(self) -> str:
        """Draw the wards coloured by neighbourhood, for notebooks."""
        if not self.wards:
            return '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>'
        everything = shapely.union_all([ward.geometry for ward in self.wards])
        x0, y0, x1, y1 = everything.bounds
        width, height = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        stroke = max(width, height) / 400
        colours = {
            item.id: _PALETTE[i % len(_PALETTE)] for i, item in enumerate(self.neighbourhoods)
        }
        paths = []
        for item in self.neighbourhoods:
            title = html.escape(f"{item.id}: {item.name}")
            shape = self._geometries[item.id]
            paths.append(
                f"<g><title>{title}</title>{shape.svg(scale_factor=stroke, fill_color=colours[item.id])}</g>"
            )
        paths.extend(
            ward.geometry.boundary.svg(scale_factor=stroke / 2, stroke_color="#333333")
            for ward in self.wards
        )
        # SVG's y axis points down; flip it so that north (or grid north) is up. Degrees of
        # longitude shrink with latitude, so squeeze x by cos(latitude) to keep shapes true.
        squeeze = 1.0
        if self.coordinates is CoordinateSystem.LONGITUDE_LATITUDE:
            squeeze = math.cos(math.radians((y0 + y1) / 2))
        shown = width * squeeze
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="{400 * height / shown:.0f}" '
            f'viewBox="{x0 * squeeze} {-y1} {shown} {height}" preserveAspectRatio="xMidYMid meet">'
            f'<g transform="scale({squeeze},-1)">{"".join(paths)}</g></svg>'
        )
