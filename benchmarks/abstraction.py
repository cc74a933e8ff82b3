"""Abstraction accounting of a force-year, side by side with a minimal loop and with pandas, in one run.

Run with ``python benchmarks/abstraction.py`` after ``pip install -e ".[bench,dask]"``.

A force-year of duty records (1,000 officers x 220 shifts x 4 activities, about 880,000
rows of ``(officer, start, end, activity, neighbourhood, team)``, Europe/London, some
night shifts across midnight and month ends) is accounted by officer and month:

* pact_core: `account_table`, which also checks every row (classes, overlaps) and keeps team,
  neighbourhood and activity in its cells;
* a minimal hand-written loop: classify, cut at month starts, sum minutes per
  (officer, month, class), checking nothing;
* pandas, as a force analyst would: a DataFrame, cut rows that cross a month start, groupby-sum.

It prints records per second, peak memory (tracemalloc), the ratios, and the time for a
tenth of the records, to show the cost grows linearly. The three answers must agree.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import time
import tracemalloc
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pandas as pd

from pact_core.abstraction import AbstractionPolicy, ActivityClass, account_table
from pact_core.intervals import CalendarUnit

if TYPE_CHECKING:
    from collections.abc import Callable

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
ACTIVITIES = [
    "patrol",
    "engagement",
    "briefing",
    "admin",
    "response cover",
    "court",
    "training",
    "major incident",
]


def force_year(
    officers: int, shifts: int, seed: int
) -> list[tuple[str, dt.datetime, dt.datetime, str, str, str]]:
    rng = random.Random(seed)
    rows = []
    first = dt.date(2025, 1, 1)
    for n in range(officers):
        officer = f"PC {n:04d}"
        team = f"Team {n % 50:02d}"
        days = sorted(rng.sample(range(365), shifts))
        for day in days:
            date = first + dt.timedelta(days=day)
            hour = rng.choice((7, 14, 22))  # early, late and night shifts
            start = dt.datetime(date.year, date.month, date.day, hour, tzinfo=LONDON)
            for _ in range(4):
                end = start + dt.timedelta(hours=2)
                rows.append((officer, start, end, rng.choice(ACTIVITIES), team, team))
                start = end
    return rows


def month_starts(rows: list[Any]) -> tuple[list[dt.datetime], list[dt.date]]:
    low = min(r[1] for r in rows)
    high = max(r[2] for r in rows)
    period = CalendarUnit.MONTH.period_containing(low, tz=LONDON)
    starts, dates = [], []
    while period.start < high:
        starts.append(period.start)
        dates.append(period.start.astimezone(LONDON).date())
        period = CalendarUnit.MONTH.period_containing(period.end, tz=LONDON)
    return starts, dates


def minimal_loop(
    rows: list[Any], classes: dict[str, ActivityClass]
) -> dict[tuple[str, dt.date, ActivityClass], float]:
    """The least a correct loop must do: instants as POSIX seconds (a datetime's '-' is wall-clock
    time within one zone, wrong across the clock changes), month starts by bisection, sums."""
    month_begins, dates = month_starts(rows)
    starts = [m.timestamp() for m in month_begins]
    totals: dict[tuple[str, dt.date, ActivityClass], float] = {}
    for officer, start, end, activity, _, _ in rows:
        kind = classes[activity]
        begin, finish = start.timestamp(), end.timestamp()
        slot = bisect.bisect_right(starts, begin) - 1
        while True:
            upto = starts[slot + 1] if slot + 1 < len(starts) else finish
            key = (officer, dates[slot], kind)
            if finish <= upto:
                totals[key] = totals.get(key, 0.0) + (finish - begin) / 60
                break
            totals[key] = totals.get(key, 0.0) + (upto - begin) / 60
            begin = upto
            slot += 1
    return totals


def with_pandas(rows: list[Any], classes: dict[str, ActivityClass]) -> pd.Series:
    frame = pd.DataFrame(
        rows, columns=["officer", "start", "end", "activity", "neighbourhood", "team"]
    )
    frame["start"] = pd.to_datetime(frame["start"], utc=True)
    frame["end"] = pd.to_datetime(frame["end"], utc=True)
    frame["class"] = frame["activity"].map({k: v.value for k, v in classes.items()})
    local_end = frame["end"].dt.tz_convert(LONDON)
    # the first instant of the end's local month: where a crossing row is cut
    cut = (
        (local_end.dt.tz_localize(None).dt.to_period("M").dt.to_timestamp())
        .dt.tz_localize(LONDON)
        .dt.tz_convert("UTC")
    )
    crossing = (frame["start"] < cut) & (cut < frame["end"])
    before = frame[crossing].assign(end=cut[crossing])
    after = frame[crossing].assign(start=cut[crossing])
    pieces = pd.concat([frame[~crossing], before, after], ignore_index=True)
    pieces["month"] = pieces["start"].dt.tz_convert(LONDON).dt.tz_localize(None).dt.to_period("M")
    pieces["minutes"] = (pieces["end"] - pieces["start"]).dt.total_seconds() / 60
    return pieces.groupby(["officer", "month", "class"])["minutes"].sum()


def timed(work: Callable[[], Any]) -> tuple[float, int, Any]:
    tracemalloc.start()
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def plain_time(work: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--officers", type=int, default=1000)
    parser.add_argument("--shifts", type=int, default=220)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    policy = AbstractionPolicy.default()
    classes = dict(policy.classes)
    rows = force_year(args.officers, args.shifts, args.seed)
    print(
        f"== a force-year: {len(rows):,} duty records of {args.officers:,} officers, by officer and month =="
    )

    ours_time, ours = plain_time(lambda: account_table(rows, policy, tz=LONDON), args.repeats)
    loop_time, loop = plain_time(lambda: minimal_loop(rows, classes), args.repeats)
    pandas_time, frame = plain_time(lambda: with_pandas(rows, classes), args.repeats)
    _, ours_peak, _ = timed(lambda: account_table(rows, policy, tz=LONDON))
    _, loop_peak, _ = timed(lambda: minimal_loop(rows, classes))
    _, pandas_peak, _ = timed(lambda: with_pandas(rows, classes))

    ours_cells: dict[tuple[str, dt.date, ActivityClass], float] = {}
    for cell, minutes in ours.minutes():
        key = (cell.officer, cell.period, cell.activity_class)
        ours_cells[key] = ours_cells.get(key, 0.0) + float(minutes)
    pandas_cells = {
        (officer, month.to_timestamp().date(), ActivityClass(kind)): minutes
        for (officer, month, kind), minutes in frame.items()
    }
    disagree_loop = sum(
        1 for k in set(ours_cells) | set(loop) if abs(ours_cells.get(k, 0) - loop.get(k, 0)) > 1e-6
    )
    disagree_pandas = sum(
        1
        for k in set(ours_cells) | set(pandas_cells)
        if abs(ours_cells.get(k, 0) - pandas_cells.get(k, 0)) > 1e-6
    )
    for name, seconds, peak in (
        ("pact_core account_table", ours_time, ours_peak),
        ("minimal loop", loop_time, loop_peak),
        ("pandas", pandas_time, pandas_peak),
    ):
        print(
            f"{name:<24} {seconds:7.2f} s   {len(rows) / seconds:>10,.0f} records/s   peak {peak / 2**20:7.1f} MiB"
        )
    print(f"pact_core / minimal loop: {ours_time / loop_time:5.2f}x the time (bar: within 3x)")
    print(
        f"pact_core / pandas:       {ours_time / pandas_time:5.2f}x the time (bar: no slower, at most 1x)"
    )
    print(f"disagreeing cells: minimal loop {disagree_loop}, pandas {disagree_pandas}")

    tenth = rows[: len(rows) // 10]
    tenth_time, _ = plain_time(lambda: account_table(tenth, policy, tz=LONDON), args.repeats)
    print(
        f"a tenth of the records ({len(tenth):,}): {tenth_time:.2f} s; ten times the records took "
        f"{ours_time / tenth_time:.1f}x the time (bar: at most 11x)"
    )


if __name__ == "__main__":
    main()
