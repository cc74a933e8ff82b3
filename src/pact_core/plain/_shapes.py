"""The stored shapes of the values that hold columns rather than fields (private).

A table such as `CrimeTable` keeps numpy columns and text cells that only its own
builders may fill. Each is stored as a plain attrs *shape* of named fields, which the
converter and the schema treat like any other class, and is rebuilt through the builder
that checks it: a crime table through `crimes_from_csv`, so a stored table is checked as
thoroughly as a file read from police.uk.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - the shapes' field types are resolved at run time
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from pact_core.crime import Category, CrimeTable, Incidence, Month, crimes_from_csv
from pact_core.crime.records import CATEGORIES, CSV_HEADER, _column
from pact_core.errors import InvalidCrime, InvalidPolicy
from pact_core.response import EventLog, Goal, GoalState, StatusTable

if TYPE_CHECKING:
    from collections.abc import Callable

__all__: list[str] = []

_ApiShape = tuple[int | None, int | None, str | None, str | None, Month | None]


@attrs.frozen(kw_only=True)
class CrimeTableShape:
    """A crime table: its rows as the street-level files write them, and the API's extra fields."""

    publication: Month
    rows: tuple[tuple[str, str, str, str, str, str, str, str, str, str, str, str], ...]
    api: tuple[_ApiShape | None, ...]


def crime_table_shape(table: CrimeTable) -> CrimeTableShape:
    width = len(CSV_HEADER)
    cells = table.cells
    return CrimeTableShape(
        publication=table.publication,
        rows=tuple(tuple(cells[i : i + width]) for i in range(0, len(cells), width)),  # type: ignore[misc]  # rows of the header's width
        api=table.api,
    )


def crime_table(shape: CrimeTableShape) -> CrimeTable:
    if len(shape.api) != len(shape.rows):
        raise InvalidCrime.must("api", f"have one item a row ({len(shape.rows)})", len(shape.api))
    table = crimes_from_csv([CSV_HEADER, *shape.rows], publication=shape.publication)
    return attrs.evolve(table, api=shape.api)


@attrs.frozen(kw_only=True)
class IncidenceShape:
    """An incidence table: its areas, and its cells as (area, month, category, count)."""

    level: str
    publication: Month
    areas: tuple[str, ...]
    cells: tuple[tuple[str, Month, Category, int], ...]


def incidence_shape(table: Incidence) -> IncidenceShape:
    return IncidenceShape(
        level=table.level,
        publication=table.publication,
        areas=table.areas,
        cells=tuple(
            (area, Month.parse(month), Category(slug), count)
            for area, month, slug, count in table.rows()
        ),
    )


def incidence(shape: IncidenceShape) -> Incidence:
    index = {name: i for i, name in enumerate(shape.areas)}
    unknown = sorted({area for area, *_ in shape.cells} - index.keys())
    if unknown:
        raise InvalidCrime.must("cells", f"name areas of the table ({list(shape.areas)})", unknown)
    if len(index) != len(shape.areas):
        raise InvalidCrime.must("areas", "not repeat", shape.areas)
    keys = [
        (index[area], month.ordinal, category, count)
        for area, month, category, count in shape.cells
    ]
    if len({key[:3] for key in keys}) != len(keys):
        raise InvalidCrime.must("cells", "count each area, month and category once", len(keys))
    if any(count < 0 for *_, count in keys):
        raise InvalidCrime.must("cells", "count 0 or more", min(count for *_, count in keys))
    position = {c: i for i, c in enumerate(CATEGORIES)}
    return Incidence(
        level=shape.level,
        publication=shape.publication,
        areas=shape.areas,
        area=_column((k[0] for k in keys), np.int32),
        month=_column((k[1] for k in keys), np.int32),
        category=_column((position[k[2]] for k in keys), np.int8),
        count=_column((k[3] for k in keys), np.int64),
    )


@attrs.frozen(kw_only=True)
class GoalColumns:
    """One goal's stored columns of a status table, a value a query."""

    goal: str
    state: tuple[GoalState, ...]
    due: tuple[dt.datetime | None, ...]
    elapsed: tuple[dt.timedelta, ...]
    met_at: tuple[dt.datetime | None, ...]


@attrs.frozen(kw_only=True)
class StatusTableShape:
    """A status table: the goals it was computed for, the logs, and each goal's columns."""

    goals: tuple[Goal, ...]
    logs: tuple[EventLog, ...]
    columns: tuple[GoalColumns, ...]


def status_table_shape(table: StatusTable) -> StatusTableShape:
    specs = table._specs
    columns = table._columns
    return StatusTableShape(
        goals=tuple(specs[name] for name in table.goals),
        logs=table._logs,
        columns=tuple(
            GoalColumns(
                goal=name,
                state=tuple(columns[name][0]),  # type: ignore[arg-type]  # the state column
                due=tuple(columns[name][1]),  # type: ignore[arg-type]  # the due column
                elapsed=tuple(columns[name][2]),  # type: ignore[arg-type]  # the elapsed column
                met_at=tuple(columns[name][3]),  # type: ignore[arg-type]  # the met_at column
            )
            for name in table.goals
        ),
    )


def status_table(shape: StatusTableShape) -> StatusTable:
    names = tuple(goal.name for goal in shape.goals)
    if len(set(names)) != len(names):
        raise InvalidPolicy.must("goals", "have distinct names", list(names))
    if tuple(c.goal for c in shape.columns) != names:
        raise InvalidPolicy.must(
            "columns",
            f"be the goals' columns in their order ({list(names)})",
            [c.goal for c in shape.columns],
        )
    count = len(shape.logs)
    for c in shape.columns:
        lengths = {len(c.state), len(c.due), len(c.elapsed), len(c.met_at)}
        if lengths != {count}:
            raise InvalidPolicy.must(
                f"columns of {c.goal!r}", f"have one value a log ({count})", sorted(lengths)
            )
    return StatusTable(
        names,
        shape.logs,
        {
            c.goal: (list(c.state), list(c.due), list(c.elapsed), list(c.met_at))
            for c in shape.columns
        },
        {goal.name: goal for goal in shape.goals},
    )


# The real type: (its shape, the shape of a value, the value of a shape).
SHAPES: dict[type, tuple[type, Callable[[Any], Any], Callable[[Any], Any]]] = {
    CrimeTable: (CrimeTableShape, crime_table_shape, crime_table),
    Incidence: (IncidenceShape, incidence_shape, incidence),
    StatusTable: (StatusTableShape, status_table_shape, status_table),
}
