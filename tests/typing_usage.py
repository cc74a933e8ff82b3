"""The public API as a user's code sees it: mypy checks these types never regress.

This file is checked by ``mypy --strict`` (it lies under tests/) and never run.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from typing_extensions import assert_type

import pact_core
from pact_core.errors import InvalidDatetime, PactError
from pact_core.intervals import (
    CalendarUnit,
    Interval,
    add_elapsed,
    elapsed,
    is_aware,
    merge,
    require_aware,
    to_utc,
)
from pact_core.testing import aware_datetimes, intervals

london = ZoneInfo("Europe/London")
received = dt.datetime(2025, 3, 28, 12, tzinfo=london)
window = Interval.from_start(received, dt.timedelta(hours=72))

assert_type(pact_core.__version__, str)
assert_type(window, Interval)
assert_type(Interval.parse("2025-03-28T12:00Z/PT72H"), Interval)
assert_type(window.start, dt.datetime)
assert_type(window.duration, dt.timedelta)
assert_type(window.contains(received), bool)
assert_type(window.contains(window), bool)
assert_type(window.overlaps(window), bool)
assert_type(window.intersection(window), Interval | None)
assert_type(window.split("day", tz=london), tuple[Interval, ...])
assert_type(window.split(CalendarUnit.WEEK, tz=london), tuple[Interval, ...])
assert_type(window.to_text(), str)
assert_type(merge([window]), tuple[Interval, ...])
assert_type(CalendarUnit.parse("month"), CalendarUnit)
assert_type(CalendarUnit.DAY.period_containing(received, tz=london), Interval)
assert_type(is_aware(received), bool)
assert_type(require_aware(received), dt.datetime)
assert_type(to_utc(received), dt.datetime)
assert_type(elapsed(received, received), dt.timedelta)
assert_type(add_elapsed(received, dt.timedelta(hours=1)), dt.datetime)
assert_type(aware_datetimes(), st.SearchStrategy[dt.datetime])
assert_type(intervals(), st.SearchStrategy[Interval])

err = InvalidDatetime.must("received", "be timezone-aware", received)
assert_type(err, InvalidDatetime)
assert_type(err.field, str | None)
assert isinstance(err, PactError)
assert isinstance(err, ValueError)
