"""Strategies for ward codes, wards and valid neighbourhood maps.

Geometries are in metres (`CoordinateSystem.METRES`), on a grid of one-kilometre cells,
so that maps are valid by construction and fast to check.
"""

from __future__ import annotations

import itertools

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from shapely.geometry import MultiPolygon, Polygon, box

from pact_core.geography import (
    CoordinateSystem,
    LocalAuthorityCode,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
)

__all__ = [
    "local_authority_codes",
    "neighbourhood_maps",
    "neighbourhoods",
    "ward_codes",
    "wards",
]

_CELL = 1000.0


def ward_codes(*, prefixes: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[WardCode]:
    """Generate ward codes: a prefix (``E05``, ``W05``, ``S13``, ``N08``) and six digits.

    >>> from hypothesis import find
    >>> find(ward_codes(), lambda code: True)
    WardCode('E05000000')
    """
    if prefixes is None:
        prefixes = st.sampled_from(["E05", "W05", "S13", "N08"])
    elif not isinstance(prefixes, st.SearchStrategy):
        raise InvalidArgument(f"prefixes must be a SearchStrategy of str, got {prefixes!r}")
    return st.builds(
        lambda prefix, number: WardCode(f"{prefix}{number:06d}"), prefixes, st.integers(0, 999_999)
    )


def local_authority_codes() -> st.SearchStrategy[LocalAuthorityCode]:
    """Generate local authority codes of every kind.

    >>> from hypothesis import find
    >>> find(local_authority_codes(), lambda code: True)
    LocalAuthorityCode('E06000000')
    """
    prefixes = st.sampled_from(["E06", "E07", "E08", "E09", "W06", "S12", "N09"])
    return st.builds(
        lambda prefix, number: LocalAuthorityCode(f"{prefix}{number:06d}"),
        prefixes,
        st.integers(0, 999_999),
    )


@st.composite
def _wards(draw: st.DrawFn, generations: st.SearchStrategy[str]) -> Ward:
    x = draw(st.integers(-50, 50)) * _CELL
    y = draw(st.integers(-50, 50)) * _CELL
    width = draw(st.integers(1, 5)) * _CELL
    height = draw(st.integers(1, 5)) * _CELL
    main = box(x, y, x + width, y + height)
    shape: Polygon | MultiPolygon = main
    if draw(st.booleans()):
        # an island a cell away, as the many multi-part coastal wards have
        shape = MultiPolygon([main, box(x + width + _CELL, y, x + width + 2 * _CELL, y + _CELL)])
    return Ward(
        code=draw(ward_codes()),
        name=draw(
            st.sampled_from(["Abbey", "Brompton", "Castle", "Docks", "Priory", "St Mary's Island"])
        ),
        generation=draw(generations),
        geometry=shape,
        local_authority=draw(st.none() | local_authority_codes()),
    )


def wards(*, generations: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Ward]:
    """Generate wards: rectangles in metres, some with an island, in the given generations.

    >>> from hypothesis import find
    >>> find(wards(), lambda ward: True).geometry.area
    1000000.0
    """
    if generations is None:
        generations = st.sampled_from(["WD25", "WD24", "WD13"])
    elif not isinstance(generations, st.SearchStrategy):
        raise InvalidArgument(f"generations must be a SearchStrategy of str, got {generations!r}")
    return _wards(generations)


@st.composite
def _maps(draw: st.DrawFn, max_rows: int, max_columns: int, force: str) -> NeighbourhoodMap:
    rows = draw(st.integers(1, max_rows))
    columns = draw(st.integers(1, max_columns))
    cells = [(row, column) for row in range(rows) for column in range(columns)]
    ward_list = [
        Ward(
            code=WardCode(f"E05{index:06d}"),
            name=f"Ward {index}",
            generation="WD25",
            geometry=box(column * _CELL, row * _CELL, (column + 1) * _CELL, (row + 1) * _CELL),
        )
        for index, (row, column) in enumerate(cells)
    ]
    # Runs of consecutive cells (row by row) make the neighbourhoods.
    cuts = sorted(
        draw(st.sets(st.integers(1, len(cells) - 1), max_size=len(cells) - 1))
        if len(cells) > 1
        else set()
    )
    bounds = [0, *cuts, len(cells)]
    groups = [list(range(a, b)) for a, b in itertools.pairwise(bounds)]
    whole: list[set[WardCode]] = [{ward_list[i].code for i in group} for group in groups]
    parts: list[list[WardPart]] = [[] for _ in groups]
    if draw(st.booleans()):
        # Split one ward at a fraction of its width between its own group and another.
        target = draw(st.integers(0, len(cells) - 1))
        home = next(g for g, group in enumerate(groups) if target in group)
        other = draw(st.integers(0, len(groups) - 1))
        fraction = draw(st.integers(1, 9)) / 10
        ward = ward_list[target]
        x0, y0, x1, y1 = ward.geometry.bounds
        middle = x0 + (x1 - x0) * fraction
        whole[home].discard(ward.code)
        parts[home].append(WardPart(ward=ward.code, geometry=box(x0, y0, middle, y1)))
        parts[other].append(WardPart(ward=ward.code, geometry=box(middle, y0, x1, y1)))
    items = [
        Neighbourhood(
            force=force, id=f"N{g:02d}", name=f"Neighbourhood {g}", wards=whole[g], parts=parts[g]
        )
        for g in range(len(groups))
    ]
    return NeighbourhoodMap(
        force=force, wards=ward_list, neighbourhoods=items, coordinates=CoordinateSystem.METRES
    )


def neighbourhood_maps(
    *, max_rows: int = 4, max_columns: int = 4, force: str = "test"
) -> st.SearchStrategy[NeighbourhoodMap]:
    """Generate valid neighbourhood maps, by construction, from a grid of square wards.

    Wards are one-kilometre squares (in metres); neighbourhoods are runs of neighbouring
    wards, and sometimes one ward is split in two between its own neighbourhood and another.
    Examples shrink towards a single ward in a single neighbourhood.

    >>> from hypothesis import given
    >>> @given(neighbourhood_maps())
    ... def test_every_ward_is_covered(neighbourhood_map):
    ...     for ward in neighbourhood_map.wards:
    ...         assert neighbourhood_map.neighbourhoods_of(ward.code)
    >>> test_every_ward_is_covered()
    """
    arguments: dict[str, object] = {
        "max_rows": max_rows,
        "max_columns": max_columns,
        "force": force,
    }
    for name in ("max_rows", "max_columns"):
        value = arguments[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InvalidArgument(f"{name} must be a positive int, got {value!r}")
    if not isinstance(arguments["force"], str) or not force.strip():
        raise InvalidArgument(f"force must be a non-blank str, got {force!r}")
    return _maps(max_rows, max_columns, force)


def _check_force(force: object) -> None:
    if not isinstance(force, str) or not force.strip():
        raise InvalidArgument(f"force must be a non-blank str, got {force!r}")


_IDS = st.sampled_from(["NC04", "00BKX6", "55.CB3001", "Strood West", "N01"])


def neighbourhoods(*, force: str = "test") -> st.SearchStrategy[Neighbourhood]:
    """Generate neighbourhoods of whole wards (police.uk-style ids, some with spaces) and contacts.

    >>> from hypothesis import find
    >>> len(find(neighbourhoods(), lambda n: True).wards)
    1
    """
    _check_force(force)
    return st.builds(
        Neighbourhood,
        force=st.just(force),
        id=_IDS,
        name=st.sampled_from(["City Centre", "Strood", "Westminster"]),
        wards=st.frozensets(ward_codes(), min_size=1, max_size=4),
        contacts=st.dictionaries(
            st.sampled_from(["email", "phone", "twitter"]),
            st.sampled_from(["team@example.org", "101"]),
            max_size=2,
        ),
    )
