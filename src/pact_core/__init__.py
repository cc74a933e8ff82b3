"""pact_core: domain types and rules for UK neighbourhood policing and PACT panels.

The package does no I/O: callers pass in instants, time zones, geometries and mappings,
and get immutable values back.
The names most users need are re-exported here; each lives in its subject module.
The calendars and the geographic ones are imported only when first used (PEP 562), so
``import pact_core`` does not import shapely or dateutil, and costs little more than attrs.

>>> import pact_core
>>> pact_core.Interval.parse("2025-03-28T12:00Z/PT72H").duration.days
3
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from pact_core.errors import PactError
from pact_core.intervals import CalendarUnit, Interval, merge

if TYPE_CHECKING:
    from pact_core.calendars import HolidayCalendar, WorkingCalendar
    from pact_core.geography import NeighbourhoodMap, Ward, WardCode

__all__ = [
    "CalendarUnit",
    "HolidayCalendar",
    "Interval",
    "NeighbourhoodMap",
    "PactError",
    "Ward",
    "WardCode",
    "WorkingCalendar",
    "__version__",
    "merge",
]

__version__ = "0.1.0.dev0"

_LAZY = {
    "HolidayCalendar": "pact_core.calendars",
    "WorkingCalendar": "pact_core.calendars",
    "NeighbourhoodMap": "pact_core.geography",
    "Ward": "pact_core.geography",
    "WardCode": "pact_core.geography",
}


def __getattr__(name: str) -> object:
    """Import the calendars and the geographic names (and so shapely) only when they are first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pact_core' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
