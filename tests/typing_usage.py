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

# calendars
from pact_core.calendars import (  # noqa: E402
    Holiday,
    HolidayCalendar,
    WorkingCalendar,
    england_and_wales_holidays,
)

office = WorkingCalendar(tz=london)
assert_type(office.add_working_time(received, dt.timedelta(hours=72)), dt.datetime)
assert_type(office.working_time_between(received, received), dt.timedelta)
assert_type(office.add_working_days(received, 10), dt.datetime)
assert_type(office.is_working_time(received), bool)
assert_type(office.working_periods(window), tuple[Interval, ...])
assert_type(england_and_wales_holidays(2025), tuple[Holiday, ...])
assert_type(HolidayCalendar.england_and_wales().holidays(2025), tuple[Holiday, ...])

# geography
from shapely import box  # noqa: E402

from pact_core.geography import (  # noqa: E402
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
    ward_crosswalk,
)

ward = Ward(
    code=WardCode("E05014449"), name="All Saints", generation="WD25", geometry=box(0, 0, 1, 1)
)
part = WardPart(ward=ward.code, geometry=ward.geometry.intersection(box(0, 0, 0.5, 1)))
town = NeighbourhoodMap(
    force="kent",
    wards=[ward],
    neighbourhoods=[Neighbourhood(force="kent", id="N", name="N", wards={ward.code})],
)
assert_type(town.neighbourhoods_of(ward.code), tuple[Neighbourhood, ...])
assert_type(town.wards_of("N"), tuple[Ward, ...])
assert_type(pact_core.WardCode("E05014449"), WardCode)
assert_type(ward_crosswalk([ward], [ward])[0].share, float)

# panels, selection and priorities
from fractions import Fraction  # noqa: E402

from pact_core.panels import Meeting, Panel, directory  # noqa: E402
from pact_core.priorities import Issue, Register, candidates, choose_priorities  # noqa: E402
from pact_core.selection import RankedBallot, Selection, borda, stv  # noqa: E402

panel = Panel(force="kent", neighbourhood="N", name="N PACT")
assert_type(directory(town, [panel])[0].panels, tuple[Panel, ...])
ballot = RankedBallot(("a", "b"))
assert_type(ballot.ranking, tuple[str, ...])
assert_type(stv([ballot], seats=1), Selection[str])
assert_type(borda([ballot]).chosen, tuple[str, ...])
assert_type(borda([ballot]).scores()["a"], Fraction)
meeting = Meeting(panel=panel, start=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
choice = choose_priorities(meeting, {}, candidates([]))
assert_type(choice.priorities, tuple[Issue, ...])
assert_type(Register(panel=panel).adopt(choice), Register)
