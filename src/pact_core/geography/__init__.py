"""Wards, neighbourhoods linked to wards, and a force's neighbourhood map.

This package uses shapely; ``import pact_core`` does not import it.

>>> from pact_core.geography import WardCode
>>> WardCode("W05000001").country
'Wales'
"""

from __future__ import annotations

from pact_core.geography.codes import LocalAuthorityCode, WardCode
from pact_core.geography.crosswalk import CrosswalkShare, carry_map, ward_crosswalk
from pact_core.geography.linking import link_neighbourhoods
from pact_core.geography.lookup import BatchLocation, Location, LocationStatus, WardLocator
from pact_core.geography.neighbourhoods import Neighbourhood, NeighbourhoodMap, WardPart
from pact_core.geography.wards import (
    CoordinateSystem,
    Ward,
    area_square_metres,
    repair_geometry,
    wards_from_geojson,
    wards_to_geojson,
)

__all__ = [
    "BatchLocation",
    "CoordinateSystem",
    "CrosswalkShare",
    "LocalAuthorityCode",
    "Location",
    "LocationStatus",
    "Neighbourhood",
    "NeighbourhoodMap",
    "Ward",
    "WardCode",
    "WardLocator",
    "WardPart",
    "area_square_metres",
    "carry_map",
    "link_neighbourhoods",
    "repair_geometry",
    "ward_crosswalk",
    "wards_from_geojson",
    "wards_to_geojson",
]
