"""Real Medway and Maidstone wards, and a Medway neighbourhood map built on them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shapely

from pact_core.geography import (
    LocalAuthorityCode,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
    wards_from_geojson,
)

if TYPE_CHECKING:
    from collections.abc import Callable

WARDS = Path(__file__).parent / "data" / "wards"

# Medway's 2025 wards grouped into six neighbourhoods of whole wards, except Chatham Central
# & Brompton, which is split at its middle between Chatham and Gillingham.
MEDWAY_GROUPS = {
    "Strood": ["E05014467", "E05014468", "E05014469"],
    "Peninsula": ["E05014449", "E05014457"],
    "Rochester": ["E05014451", "E05014452", "E05014453", "E05014464", "E05014465"],
    "Chatham": ["E05014458", "E05014459", "E05014460", "E05014472"],
    "Gillingham": ["E05014454", "E05014455", "E05014456", "E05014466", "E05014470", "E05014471"],
    "Rainham": ["E05014461", "E05014462", "E05014463"],
}
SPLIT_WARD = WardCode("E05014450")  # Chatham Central & Brompton


def load_wards(name: str, local_authority: str | None = None) -> tuple[Ward, ...]:
    collection = json.loads((WARDS / name).read_text(encoding="utf-8"))
    authority = None if local_authority is None else LocalAuthorityCode(local_authority)
    return wards_from_geojson(collection, local_authority=authority)


def split_in_two(ward: Ward) -> tuple[WardPart, WardPart]:
    """Cut a ward at the middle of its bounding box, west and east."""
    x0, y0, x1, y1 = ward.geometry.bounds
    middle = (x0 + x1) / 2
    west = ward.geometry.intersection(shapely.box(x0 - 1, y0 - 1, middle, y1 + 1))
    east = ward.geometry.intersection(shapely.box(middle, y0 - 1, x1 + 1, y1 + 1))
    return WardPart(ward=ward.code, geometry=west), WardPart(ward=ward.code, geometry=east)


def build_medway_map(wards: tuple[Ward, ...]) -> NeighbourhoodMap:
    split = next(ward for ward in wards if ward.code == SPLIT_WARD)
    west, east = split_in_two(split)
    extra = {"Chatham": [west], "Gillingham": [east]}
    neighbourhoods = [
        Neighbourhood(
            force="kent",
            id=name,
            name=f"{name} neighbourhood",
            wards={WardCode(code) for code in codes},
            parts=extra.get(name, []),
            contacts={"email": f"{name.lower()}@kent.police.uk"},
        )
        for name, codes in MEDWAY_GROUPS.items()
    ]
    return NeighbourhoodMap(force="kent", wards=wards, neighbourhoods=neighbourhoods)


@pytest.fixture(scope="session")
def medway_wards() -> tuple[Ward, ...]:
    return load_wards("E06000035_WD25.geojson")


@pytest.fixture(scope="session")
def medway_2013() -> tuple[Ward, ...]:
    return load_wards("E06000035_WD13.geojson", "E06000035")


@pytest.fixture(scope="session")
def maidstone_wards() -> tuple[Ward, ...]:
    return load_wards("E07000110_WD25.geojson")


@pytest.fixture(scope="session")
def maidstone_2013() -> tuple[Ward, ...]:
    return load_wards("E07000110_WD13.geojson", "E07000110")


@pytest.fixture(scope="session")
def medway_builder() -> Callable[[tuple[Ward, ...]], NeighbourhoodMap]:
    return build_medway_map


@pytest.fixture(scope="session")
def medway_map(medway_wards: tuple[Ward, ...]) -> NeighbourhoodMap:
    return build_medway_map(medway_wards)
