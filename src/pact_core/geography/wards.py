"""Council wards: codes, names, boundary generations and valid, normalised geometries.

Coordinates stay in the data's own order and units. The ONS ward files are longitude,
latitude (CRS84); say so with `CoordinateSystem`, and pact_core converts areas to square
metres with a local approximation (no pyproj): an equirectangular projection about the
geometry's own mean latitude on a sphere of the Earth's mean radius, 6,371,008.8 m.
For a ward a few kilometres across that is within a fraction of a per cent, which is
what area tolerances need.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
import shapely
from attrs.validators import instance_of
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from pact_core._validation import nonblank
from pact_core.errors import ExceptionGroup, InvalidCode, InvalidGeometry, PactError
from pact_core.geography.codes import LocalAuthorityCode, WardCode

__all__ = [
    "CoordinateSystem",
    "Ward",
    "area_square_metres",
    "repair_geometry",
    "wards_from_geojson",
    "wards_to_geojson",
]

Area = Polygon | MultiPolygon
_EARTH_RADIUS = 6_371_008.8
_GENERATION = re.compile(r"WD[0-9]{2}", re.ASCII)


class CoordinateSystem(enum.Enum):
    """The units of a geometry's coordinates.

    ``LONGITUDE_LATITUDE``: degrees, longitude first (CRS84, as the ONS ward files).
    ``METRES``: a projected grid in metres, such as the British National Grid.

    >>> CoordinateSystem.LONGITUDE_LATITUDE.value
    'longitude-latitude'
    """

    LONGITUDE_LATITUDE = "longitude-latitude"
    METRES = "metres"


def area_square_metres(geometry: BaseGeometry, coordinates: CoordinateSystem) -> float:
    """Return the area of *geometry* in square metres.

    For longitude and latitude this uses the local approximation described in the
    module's documentation.

    >>> from shapely import box
    >>> round(area_square_metres(box(0, 51, 0.01, 51.01), CoordinateSystem.LONGITUDE_LATITUDE))
    778030
    """
    if coordinates is CoordinateSystem.METRES:
        return float(geometry.area)
    if geometry.is_empty:
        return 0.0
    low, high = geometry.bounds[1], geometry.bounds[3]
    latitude = math.radians((low + high) / 2)
    metres_per_degree = _EARTH_RADIUS * math.pi / 180
    return float(geometry.area) * metres_per_degree**2 * math.cos(latitude)


def repair_geometry(geometry: BaseGeometry) -> Area:
    """Return a valid polygonal version of *geometry*, keeping its polygonal parts.

    >>> bow_tie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    >>> repair_geometry(bow_tie).geom_type, repair_geometry(bow_tie).area
    ('MultiPolygon', 0.5)
    """
    fixed = shapely.make_valid(geometry)
    polygons = [part for part in _polygons(fixed) if not part.is_empty]
    if not polygons:
        raise InvalidGeometry.must("geometry", "have an area after repair", geometry.geom_type)
    result = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
    return _as_area(result)


def _polygons(geometry: BaseGeometry) -> Iterator[Polygon]:
    if isinstance(geometry, Polygon):
        yield geometry
    elif hasattr(geometry, "geoms"):
        for part in geometry.geoms:
            yield from _polygons(part)


def _as_area(geometry: BaseGeometry) -> Area:
    if isinstance(geometry, Polygon | MultiPolygon):
        return geometry
    return MultiPolygon(list(_polygons(geometry)))


def _overlay_area(geometry: BaseGeometry) -> Area:
    """Keep the polygonal parts of an overlay result (overlays can add stray lines)."""
    return _as_area(shapely.make_valid(geometry))


def _to_area(value: BaseGeometry) -> Area:
    """Check a geometry and normalise it, so that ``==`` and hashing mean "same shape"."""
    checked = _check_area(value)
    return _as_area(shapely.normalize(checked))


def _check_area(value: object, field: str = "geometry") -> BaseGeometry:
    """Check that *value* is a valid, non-empty Polygon or MultiPolygon, and return it."""
    if not isinstance(value, BaseGeometry):
        raise TypeError(f"{field} must be a shapely Polygon or MultiPolygon, got {value!r}")
    if not isinstance(value, Polygon | MultiPolygon):
        raise InvalidGeometry.must(
            field, "be a Polygon or MultiPolygon", value.geom_type, shown=value.geom_type
        )
    if value.is_empty:
        raise InvalidGeometry.must(field, "not be empty", value.wkt, shown=value.wkt)
    if not value.is_valid:
        reason = shapely.is_valid_reason(value)
        raise InvalidGeometry(
            f"{field} must be valid, got {reason}",
            field=field,
            rule="be valid",
            value=value,
            reason=reason,
        )
    return value


def _check_generation(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"generation must be a str, got {value!r}")
    if not _GENERATION.fullmatch(value):
        raise InvalidCode.must("generation", "be 'WD' and two digits, such as 'WD25'", value)


_nonblank = nonblank(InvalidCode)


@attrs.frozen(kw_only=True)
class Ward:
    """An electoral ward of one boundary generation, with its valid, normalised boundary.

    *generation* names the ONS boundary set, such as ``"WD25"``: codes change completely
    at boundary reviews, so a ward is only comparable with wards of its own generation.
    The geometry is stored normalised (`shapely.normalize`), so two wards with the same
    shape compare equal.

    >>> from shapely import box
    >>> ward = Ward(code=WardCode("E05014449"), name="All Saints", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> ward.__geo_interface__["properties"]
    {'WD25CD': 'E05014449', 'WD25NM': 'All Saints'}
    """

    code: WardCode = attrs.field(validator=instance_of(WardCode))
    name: str = attrs.field(validator=_nonblank)
    generation: str = attrs.field(validator=_check_generation)
    geometry: Area = attrs.field(converter=_to_area)
    local_authority: LocalAuthorityCode | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(LocalAuthorityCode))
    )

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The ward as a GeoJSON Feature, with properties keyed by its generation."""
        year = self.generation[2:]
        properties: dict[str, Any] = {f"WD{year}CD": self.code.value, f"WD{year}NM": self.name}
        if self.local_authority is not None:
            properties[f"LAD{year}CD"] = self.local_authority.value
        return {"type": "Feature", "geometry": mapping(self.geometry), "properties": properties}


def _detect(keys: Sequence[str], pattern: str, what: str) -> str | None:
    found = sorted(k for k in keys if re.fullmatch(pattern, k))
    if len(found) > 1:
        raise InvalidCode.must("properties", f"hold one {what} key, not several", found)
    return found[0] if found else None


def wards_from_geojson(  # noqa: PLR0913, PLR0912 - keyword-only options of one reader
    collection: Mapping[str, Any],
    *,
    code_key: str | None = None,
    name_key: str | None = None,
    generation: str | None = None,
    local_authority_key: str | None = None,
    local_authority: LocalAuthorityCode | None = None,
    repair: bool = False,
) -> tuple[Ward, ...]:
    """Read the wards of a GeoJSON FeatureCollection that the caller has parsed.

    The keys are found from the features' properties: ``WD25CD`` and ``WD25NM`` give the code,
    the name and the generation ``"WD25"``; ``LAD25CD``, if present, the local authority.
    Pass them explicitly for other data, and pass *local_authority* when the file holds
    one authority but does not say which.
    Coordinates are kept as they are, in the data's own order.
    An invalid geometry is an error unless *repair* is true.
    Every problem with every feature is reported at once.

    >>> collection = {"type": "FeatureCollection", "features": [{
    ...     "type": "Feature",
    ...     "properties": {"WD25CD": "E05014449", "WD25NM": "All Saints"},
    ...     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
    ... }]}
    >>> [(ward.code, ward.generation) for ward in wards_from_geojson(collection)]
    [(WardCode('E05014449'), 'WD25')]

    Raises:
        TypeError: *collection* is not a mapping with a ``features`` list.
        ExceptionGroup: of `pact_core.errors.PactError`, one for each bad feature.
    """
    raw: object = collection
    features: Any = raw.get("features") if isinstance(raw, Mapping) else None
    if not isinstance(features, list):
        raise TypeError(
            f"collection must be a GeoJSON FeatureCollection mapping, got {type(raw).__name__}"
        )
    if not features:
        return ()
    keys = sorted(
        {
            key
            for feature in features
            if isinstance(feature, Mapping) and isinstance(feature.get("properties"), Mapping)
            for key in feature["properties"]
        }
    )
    if code_key is None:
        code_key = _detect(keys, r"WD[0-9]{2}CD", "ward code")
        if code_key is None:
            raise InvalidCode.must(
                "properties", "hold a ward code key such as WD25CD", sorted(keys)
            )
    year = code_key[2:4] if re.fullmatch(r"WD[0-9]{2}CD", code_key) else None
    if generation is None:
        if year is None:
            raise InvalidCode.must("generation", "be given when the code key has none", code_key)
        generation = f"WD{year}"
    if name_key is None:
        name_key = f"WD{year}NM" if year is not None else "name"
    if local_authority_key is None and year is not None and f"LAD{year}CD" in keys:
        local_authority_key = f"LAD{year}CD"

    wards: list[Ward] = []
    problems: list[Exception] = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        where = f"features[{index}]"
        try:
            properties: dict[str, Any] = feature.get("properties") or {}
            code_value: Any = properties.get(code_key)
            code = WardCode(code_value)
            authority = local_authority
            if local_authority_key is not None and properties.get(local_authority_key) is not None:
                authority = LocalAuthorityCode(properties[local_authority_key])
            geometry = shape(feature["geometry"])
            if repair and not geometry.is_valid:
                geometry = repair_geometry(geometry)
            name_value: Any = properties.get(name_key)
            ward = Ward(
                code=code,
                name=name_value,
                generation=generation,
                geometry=geometry,
                local_authority=authority,
            )
        # shapely's own errors too: a geometry of type "" is a GeometryTypeError (found by fuzzing).
        except (PactError, TypeError, KeyError, AttributeError, ValueError, ShapelyError) as err:
            problems.append(_located(err, where))
            continue
        if ward.code.value in seen:
            problems.append(
                InvalidCode.must(
                    f"{where}.{code_key}",
                    f"be unique, as in features[{seen[ward.code.value]}]",
                    ward.code.value,
                )
            )
            continue
        seen[ward.code.value] = index
        wards.append(ward)
    if problems:
        raise ExceptionGroup(
            f"{len(problems)} of {len(features)} features are not valid wards", problems
        )
    return tuple(sorted(wards, key=lambda ward: ward.code))


def _located(err: Exception, where: str) -> Exception:
    """The same problem, its message prefixed with the feature it is in."""
    if isinstance(err, InvalidGeometry):
        return InvalidGeometry(
            f"{where}: {err}", field=err.field, rule=err.rule, value=err.value, reason=err.reason
        )
    if isinstance(err, PactError):
        return type(err)(f"{where}: {err}", field=err.field, rule=err.rule, value=err.value)
    return InvalidGeometry(
        f"{where}: must be a GeoJSON Feature with a geometry, got {type(err).__name__}: {err}"
    )


def wards_to_geojson(wards: Sequence[Ward]) -> dict[str, Any]:
    """Write wards as a GeoJSON FeatureCollection mapping, keyed by their generation.

    >>> from shapely import box
    >>> ward = Ward(code=WardCode("E05014449"), name="All Saints", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> wards_from_geojson(wards_to_geojson([ward])) == (ward,)
    True
    """
    generations = sorted({ward.generation for ward in wards})
    if len(generations) > 1:
        raise InvalidCode.must("wards", "share one generation", generations)
    return {"type": "FeatureCollection", "features": [ward.__geo_interface__ for ward in wards]}
