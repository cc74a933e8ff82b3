"""A tour of pact_core: run it with ``python examples/tour.py``.

Each capability of the library adds a section here, so the tour grows with it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pact_core import CalendarUnit, HolidayCalendar, Interval, PactError, WorkingCalendar, merge
from pact_core.calendars import england_and_wales_holidays
from pact_core.intervals import add_elapsed, elapsed

LONDON = ZoneInfo("Europe/London")


def section(title: str) -> None:
    print(f"\n== {title} ==")


def time_primitives() -> None:
    section("Time: aware instants and the clock changes")
    received = dt.datetime(2025, 3, 28, 12, tzinfo=LONDON)
    naive_deadline = received + dt.timedelta(hours=72)
    deadline = add_elapsed(received, dt.timedelta(hours=72))
    gap = elapsed(received, naive_deadline)
    print(f"query received                 {received.isoformat()}")
    print(f"received + 72h, naive '+'      {naive_deadline.isoformat()}  (only {gap} later)")
    print(f"72 elapsed hours, add_elapsed  {deadline.isoformat()}")

    first = dt.datetime(2025, 10, 26, 1, 30, tzinfo=LONDON)
    second = first.replace(fold=1)
    print(
        f"the two 01:30s on 26 Oct 2025 are {elapsed(first, second)} apart (Python's '-' says {second - first})"
    )

    section("Time: intervals")
    shift = Interval(
        dt.datetime(2025, 10, 25, 20, tzinfo=LONDON), dt.datetime(2025, 10, 26, 6, tzinfo=LONDON)
    )
    print(f"night shift {shift}  lasts {shift.duration}")
    for piece in shift.split(CalendarUnit.DAY, tz=LONDON):
        local = piece.start.astimezone(LONDON)
        print(f"  on {local:%a %d %b}: {piece.duration}")

    visits = [
        Interval.parse("2025-06-02T09:00+01:00/PT2H"),
        Interval.parse("2025-06-02T10:30+01:00/PT1H"),
        Interval.parse("2025-06-02T14:00+01:00/PT30M"),
    ]
    covered = merge(visits)
    total = sum((i.duration for i in covered), dt.timedelta(0))
    print(f"3 overlapping patrol records merge into {len(covered)} intervals, {total} in all")

    for day in (dt.date(2025, 3, 30), dt.date(2025, 6, 1), dt.date(2025, 10, 26)):
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=LONDON)
        length = CalendarUnit.DAY.period_containing(noon, tz=LONDON).duration
        print(f"the local day {day} in London lasts {length}")

    try:
        Interval(dt.datetime(2025, 1, 1, 9), dt.datetime(2025, 1, 1, 17))  # noqa: DTZ001 - the mistake shown
    except PactError as err:
        print(f"a naive datetime is refused: {type(err).__name__}: {err}")


def calendars() -> None:
    section("Calendars: bank holidays and working time")
    for holiday in england_and_wales_holidays(2022)[-5:]:
        note = " (substitute)" if holiday.substitute else ""
        print(f"{holiday.date:%a %d %b %Y}  {holiday.name}{note}")

    office = WorkingCalendar(tz=LONDON)
    received = dt.datetime(2025, 3, 28, 12, tzinfo=LONDON)
    print(f"a query received {received:%a %d %b %H:%M}, answered within 72 working hours:")
    print(f"  due {office.add_working_time(received, dt.timedelta(hours=72)):%a %d %b %H:%M %Z}")

    night = dt.datetime(2025, 8, 24, 23, 30, tzinfo=dt.timezone.utc)
    local = night.astimezone(LONDON)
    print(
        f"received at {night:%H:%M} UTC = {local:%H:%M} on {local:%a %d %b}, a bank holiday in London:"
    )
    print(f"  working time starts {office.next_working_instant(night):%a %d %b %H:%M}")

    application = dt.datetime(2025, 12, 19, 15, tzinfo=LONDON)
    print(
        f"an ASB Case Review application on {application:%a %d %b}: acknowledge within 10 working days"
    )
    print(f"  by {office.add_working_days(application, 10):%a %d %b %Y %H:%M}")

    proclaimed = HolidayCalendar.england_and_wales(
        additions={dt.date(2026, 7, 20): "Victory parade"}
    )
    added = proclaimed.holidays(2026)[5]
    print(f"a holiday proclaimed at short notice: {added.date:%a %d %b %Y}  {added.name}")


def main() -> None:
    print("pact_core tour")
    time_primitives()
    calendars()


if __name__ == "__main__":
    main()
