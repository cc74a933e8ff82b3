"""A tour of pact_core: run it with ``python examples/tour.py``.

Each capability of the library adds a section here, so the tour grows with it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pact_core import CalendarUnit, Interval, PactError, merge
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


def main() -> None:
    print("pact_core tour")
    time_primitives()


if __name__ == "__main__":
    main()
