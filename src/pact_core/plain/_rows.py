"""The bulk results as rows, for CSV writers and data frames (private).

A row is a dict of Python scalars a table library understands without pact_core: str,
int, float, bool, None, aware `datetime.datetime`, `datetime.date` and
`datetime.timedelta`; enums give their values. Every row of a table has the same keys, in
the same order, and `to_dataframe` keeps those columns even for an empty table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pact_core.abstraction import Accounts
from pact_core.crime import CrimeTable, Incidence
from pact_core.crime.records import CSV_HEADER
from pact_core.geography import BatchLocation, LocationStatus
from pact_core.response import StatusTable

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["COLUMNS", "to_dataframe", "to_rows"]


def _accounts(table: Accounts) -> list[dict[str, Any]]:
    return [
        {
            "officer": cell.officer,
            "team": cell.team,
            "neighbourhood": cell.neighbourhood,
            "period": cell.period,
            "activity_class": cell.activity_class.value,
            "activity": cell.activity,
            "duration": dt.timedelta(microseconds=microseconds),
        }
        for cell, microseconds in table.cells
    ]


def _batch(table: BatchLocation) -> list[dict[str, Any]]:
    wards, neighbourhoods = table.ward_table, table.neighbourhood_table
    return [
        {
            "ward": None if w < 0 else wards[w].value,
            "neighbourhood": None if n < 0 else neighbourhoods[n],
            "status": LocationStatus(s).name.lower(),
            "candidates": k,
            "distance_metres": d,
        }
        for w, n, s, k, d in zip(
            table.ward_index.tolist(),
            table.neighbourhood_index.tolist(),
            table.status.tolist(),
            table.candidate_count.tolist(),
            table.distance_metres.tolist(),
            strict=True,
        )
    ]


def _status(table: StatusTable) -> list[dict[str, Any]]:
    rows = []
    for i, query in enumerate(table.queries):
        for status in table.row(i):
            row = {"query": query} | status._asdict()
            row["state"] = status.state.value
            rows.append(row)
    return rows


def _incidence(table: Incidence) -> list[dict[str, Any]]:
    return [
        {"area": area, "month": month, "category": category, "count": count}
        for area, month, category, count in table.rows()
    ]


def _crimes(table: CrimeTable) -> list[dict[str, Any]]:
    return [dict(zip(CSV_HEADER, row, strict=True)) for row in table.to_csv()[1:]]


# The tables, their columns in order, and their rows.
COLUMNS: dict[type, tuple[tuple[str, ...], Callable[[Any], list[dict[str, Any]]]]] = {
    Accounts: (
        ("officer", "team", "neighbourhood", "period", "activity_class", "activity", "duration"),
        _accounts,
    ),
    BatchLocation: (("ward", "neighbourhood", "status", "candidates", "distance_metres"), _batch),
    StatusTable: (
        ("query", "goal", "state", "due", "elapsed", "remaining", "warning", "met_at"),
        _status,
    ),
    Incidence: (("area", "month", "category", "count"), _incidence),
    CrimeTable: (CSV_HEADER, _crimes),
}


def _table(table: object) -> tuple[tuple[str, ...], Callable[[Any], list[dict[str, Any]]]]:
    found = COLUMNS.get(type(table))
    if found is None:
        names = ", ".join(kind.__name__ for kind in COLUMNS)
        raise TypeError(f"table must be one of {names}, got {table!r}")
    return found


def to_rows(table: object) -> list[dict[str, Any]]:
    """The rows of a bulk result, one dict a row, every row with the same keys in the same order.

    `Accounts` give a row a cell (an officer's time in one activity and period),
    `BatchLocation` a row a point, `StatusTable` a row a query and goal, `Incidence` a row
    an area, month and category, and `CrimeTable` the rows of the street-level files.

    >>> from pact_core.crime import Category, Crime, CrimeTable, Month
    >>> table = CrimeTable.from_crimes([Crime(id=None, month=Month(2022, 1), point=None,
    ...     location="No Location", category=Category.ANTI_SOCIAL_BEHAVIOUR)], publication=Month(2022, 8))
    >>> to_rows(table)[0]["Crime type"]
    'Anti-social behaviour'

    Raises:
        TypeError: *table* is not one of those tables.
    """
    _, rows = _table(table)
    return rows(table)


def to_dataframe(table: object) -> Any:  # noqa: ANN401 - a pandas DataFrame; pandas is optional
    """The rows of a bulk result as a pandas ``DataFrame``, with its columns even when it is empty.

    pandas is imported only here: install it with ``pip install "pact-core[pandas]"``.

    >>> from pact_core.crime import CrimeTable, Month
    >>> list(to_dataframe(CrimeTable.from_crimes([], publication=Month(2022, 8))).columns)[:3]
    ['Crime ID', 'Month', 'Reported by']

    Raises:
        TypeError: *table* is not one of the tables `to_rows` takes.
        ModuleNotFoundError: pandas is not installed.
    """
    columns, rows = _table(table)
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415 - optional, heavy; stubs vary
    except ModuleNotFoundError as err:
        err.msg = 'to_dataframe needs pandas: pip install "pact-core[pandas]"'
        raise
    return pd.DataFrame(rows(table), columns=list(columns))
