"""Neighbourhood boundaries in the police.uk shape: a ring of latitude and longitude strings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pact_core.errors import ExceptionGroup, InvalidGeometry
from pact_core.policeuk._reading import Reader, key, number_text

if TYPE_CHECKING:
    from shapely.geometry import Polygon
    from shapely.geometry.base import BaseGeometry

__all__ = ["boundary_from_policeuk", "boundary_to_policeuk"]


def boundary_from_policeuk(data: object) -> Polygon:
    """Read a ``/{force}/{neighbourhood}/boundary`` answer as a valid polygon in longitude, latitude order.

    police.uk sends ``[{latitude, longitude}]`` as strings, latitude first, and does not
    always repeat the first point at the end; the ring is closed here. A ring that crosses
    itself is an `pact_core.errors.InvalidGeometry` (repair it with
    `pact_core.geography.repair_geometry` if that is what you want).

    >>> ring = [{"latitude": "52.6394052587", "longitude": "-1.1458618876"}, {"latitude": "52.6389452755", "longitude": "-1.1457057759"},
    ...         {"latitude": "52.6383706746", "longitude": "-1.1455755443"}]
    >>> boundary_from_policeuk(ring).exterior.coords[0]
    (-1.1458618876, 52.6394052587)
    """
    reader = Reader()
    points = []
    for n, item in enumerate(reader.items(data, "")):
        point = reader.mapping(item, key("", n))
        if point is None:
            continue
        lat = reader.number(point, "latitude", key("", n))
        lon = reader.number(point, "longitude", key("", n))
        if lat is not None and not -90 <= lat <= 90:
            reader.fail(key(key("", n), "latitude"), "be within ±90", point.get("latitude"))
        elif lon is not None and not -180 <= lon <= 180:
            reader.fail(key(key("", n), "longitude"), "be within ±180", point.get("longitude"))
        elif lat is not None and lon is not None:
            points.append((lon, lat))
    if not reader.problems and len(set(points)) < 3:
        reader.fail("answer", "hold at least three distinct points", data)
    reader.done("a boundary")
    import shapely  # noqa: PLC0415 - shapely only when a boundary is read, so pact_core.policeuk stays light

    polygon = shapely.Polygon(points)
    if not polygon.is_valid:
        raise ExceptionGroup("a boundary is not valid", [InvalidGeometry(
            f"boundary must be a valid ring, got {shapely.is_valid_reason(polygon)}",
            field="boundary", rule="be a valid ring", value=polygon, reason=shapely.is_valid_reason(polygon))])  # fmt: skip
    return polygon


def boundary_to_policeuk(geometry: BaseGeometry) -> list[dict[str, Any]]:
    """A polygon (longitude, latitude) as police.uk's ring of latitude and longitude strings, closed.

    Numbers are written so that they read back to the same floats: reading the answer
    gives back the same polygon.

    >>> from shapely import Polygon
    >>> boundary_to_policeuk(Polygon([(-1.5, 52.5), (-1.4, 52.5), (-1.4, 52.6)]))[:2]
    [{'latitude': '52.5', 'longitude': '-1.5'}, {'latitude': '52.5', 'longitude': '-1.4'}]
    """
    import shapely  # noqa: PLC0415 - as above

    if not isinstance(geometry, shapely.Polygon):
        raise TypeError(
            f"geometry must be a shapely Polygon (police.uk boundaries are one ring), got {geometry!r}"
        )
    if geometry.is_empty:
        raise InvalidGeometry.must("geometry", "not be empty", geometry.wkt)
    return [
        {"latitude": number_text(lat), "longitude": number_text(lon)}
        for lon, lat in geometry.exterior.coords
    ]
