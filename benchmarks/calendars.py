"""Working-time arithmetic against businesstimedelta, side by side in one run.

Run with ``python benchmarks/calendars.py`` after ``pip install -e ".[bench]"``.
It adds 72 working hours (Monday to Friday, 09:00-17:00, England and Wales bank holidays,
Europe/London) to the same random instants with both libraries, prints both rates and
their ratio, and explains every disagreement. It also times computing every England and
Wales holiday from 1971 to 2100.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import Counter
from zoneinfo import ZoneInfo

import businesstimedelta
import pytz

from pact_core.calendars import WorkingCalendar, england_and_wales_holidays

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
HOURS = 72
YEARS = range(2018, 2028)


def random_instants(count: int, seed: int) -> list[dt.datetime]:
    rng = random.Random(seed)
    low = dt.datetime(YEARS.start, 1, 1, tzinfo=UTC)
    span = int((dt.datetime(YEARS.stop - 1, 12, 1, tzinfo=UTC) - low).total_seconds())
    return [low + dt.timedelta(seconds=rng.randrange(span)) for _ in range(count)]


def explain(
    start: dt.datetime, ours: dt.datetime, theirs: dt.datetime, office: WorkingCalendar
) -> str:
    """Say which of the two answers is right, and why they differ."""
    ours_ok = office.working_time_between(start, ours) == dt.timedelta(hours=HOURS)
    theirs_worked = office.working_time_between(start, theirs)
    if not ours_ok:
        return "UNEXPLAINED: pact_core's answer does not hold 72 working hours"
    local = start.astimezone(LONDON)
    if theirs_worked == dt.timedelta(hours=HOURS):
        return "same working time, another instant (UNEXPLAINED)"
    changes = [
        d
        for d in (start + dt.timedelta(days=n) for n in range(25))
        if d.astimezone(LONDON).utcoffset() != local.utcoffset()
    ]
    if changes:
        off = theirs_worked - dt.timedelta(hours=HOURS)
        return f"businesstimedelta off by {off} across a clock change (pytz datetimes added to without normalize)"
    return f"businesstimedelta off by {theirs_worked - dt.timedelta(hours=HOURS)} (UNEXPLAINED)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "-n", type=int, default=100_000, help="number of additions (default 100,000)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    holidays = [h.date for year in YEARS for h in england_and_wales_holidays(year)]
    office = WorkingCalendar(tz=LONDON)
    london = pytz.timezone("Europe/London")
    rules = businesstimedelta.Rules(
        [
            businesstimedelta.WorkDayRule(
                start_time=dt.time(9), end_time=dt.time(17), working_days=[0, 1, 2, 3, 4], tz=london
            ),
            businesstimedelta.HolidayRule(holidays, tz=london),
        ]
    )
    delta = dt.timedelta(hours=HOURS)
    peer_delta = businesstimedelta.BusinessTimeDelta(rules, hours=HOURS)
    starts = random_instants(args.n, args.seed)

    began = time.perf_counter()
    ours = [office.add_working_time(start, delta) for start in starts]
    ours_seconds = time.perf_counter() - began

    began = time.perf_counter()
    theirs = [start + peer_delta for start in starts]
    theirs_seconds = time.perf_counter() - began

    # Compare instants in UTC: Python's == between zones is False for any fold=1 datetime (PEP 495).
    kinds = Counter(
        explain(start, a, b, office)
        for start, a, b in zip(starts, ours, theirs, strict=True)
        if a.astimezone(UTC) != b.astimezone(UTC)
    )
    ours_rate = args.n / ours_seconds
    theirs_rate = args.n / theirs_seconds
    print(
        f"add {HOURS} working hours to {args.n:,} random instants in {YEARS.start}-{YEARS.stop - 1}"
    )
    print(f"  pact_core           {ours_rate:12,.0f} additions/s  ({ours_seconds:.2f} s)")
    print(f"  businesstimedelta   {theirs_rate:12,.0f} additions/s  ({theirs_seconds:.2f} s)")
    print(f"  ratio               {ours_rate / theirs_rate:12,.1f}x")
    print(f"disagreements: {sum(kinds.values()):,}")
    for kind, count in kinds.most_common():
        print(f"  {count:8,}  {kind}")
    unexplained = sum(count for kind, count in kinds.items() if "UNEXPLAINED" in kind)
    print(f"unexplained disagreements: {unexplained}")

    began = time.perf_counter()
    total = sum(len(england_and_wales_holidays(year)) for year in range(1971, 2101))
    print(
        f"all England and Wales holidays 1971-2100: {total:,} days in {(time.perf_counter() - began) * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main()
