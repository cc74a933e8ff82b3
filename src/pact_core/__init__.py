"""pact_core: domain types and rules for UK neighbourhood policing and PACT panels.

The package does no I/O: callers pass in instants, time zones, geometries and mappings,
and get immutable values back.
The names most users need are re-exported here; each lives in its subject module.
Each is imported only when first used (PEP 562), so ``import pact_core`` imports no
other module at all: not attrs, shapely or dateutil; the first use of a name pays for its
module.

>>> import pact_core
>>> pact_core.Interval.parse("2025-03-28T12:00Z/PT72H").duration.days
3
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pact_core.calendars import HolidayCalendar, WorkingCalendar
    from pact_core.errors import PactError
    from pact_core.geography import NeighbourhoodMap, Ward, WardCode
    from pact_core.intervals import CalendarUnit, Interval, merge

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
    "PactError": "pact_core.errors",
    "CalendarUnit": "pact_core.intervals",
    "Interval": "pact_core.intervals",
    "merge": "pact_core.intervals",
    "HolidayCalendar": "pact_core.calendars",
    "WorkingCalendar": "pact_core.calendars",
    "NeighbourhoodMap": "pact_core.geography",
    "Ward": "pact_core.geography",
    "WardCode": "pact_core.geography",
}


def __getattr__(name: str) -> object:
    """Import each re-exported name's module (and so attrs, dateutil or shapely) only when the name is first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pact_core' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
