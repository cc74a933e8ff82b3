"""pact_core: domain types and rules for UK neighbourhood policing and PACT panels.

The package does no I/O: callers pass in instants, time zones, geometries and mappings,
and get immutable values back.
The names most users need are re-exported here; each lives in its subject module.

>>> import pact_core
>>> pact_core.Interval.parse("2025-03-28T12:00Z/PT72H").duration.days
3
"""

from __future__ import annotations

from pact_core.calendars import HolidayCalendar, WorkingCalendar
from pact_core.errors import PactError
from pact_core.intervals import CalendarUnit, Interval, merge

__all__ = [
    "CalendarUnit",
    "HolidayCalendar",
    "Interval",
    "PactError",
    "WorkingCalendar",
    "__version__",
    "merge",
]

__version__ = "0.1.0.dev0"
