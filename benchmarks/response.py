"""Response status of many queries, against a minimal hand-written deadline loop, in one run.

Run with ``python benchmarks/response.py``. It builds 1,000,000 queries (``-n``) with
realistic logs of 3-6 events (received, acknowledged, sometimes paused and resumed,
responded, closed), then times `pact_core.response.status` in elapsed mode and in
working-time mode against a loop that computes only the elapsed deadline and whether the
response came before it, and prints queries a second and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pact_core.calendars import WorkingCalendar
from pact_core.response import (
    Channel,
    Event,
    EventKind,
    EventLog,
    Query,
    Requester,
    ResponsePolicy,
    StatusTable,
    status,
    status_many,
)

if TYPE_CHECKING:
    from collections.abc import Callable

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
H = dt.timedelta(hours=1)


def realistic_logs(count: int, seed: int) -> list[EventLog]:
    rng = random.Random(seed)
    origin = dt.datetime(2024, 1, 1, tzinfo=UTC)
    logs = []
    for n in range(count):
        query = Query(
            id=f"Q{n}",
            requester=rng.choice(list(Requester)),
            channel=rng.choice(list(Channel)),
            force="kent",
            neighbourhood=f"N{n % 40}",
        )
        at = origin + dt.timedelta(minutes=rng.randrange(60 * 24 * 700))
        events = [Event(kind=EventKind.RECEIVED, at=at)]
        at += H * rng.uniform(0.5, 20)
        events.append(Event(kind=EventKind.ACKNOWLEDGED, at=at))
        if rng.random() < 0.3:
            at += H * rng.uniform(1, 30)
            events.append(Event(kind=EventKind.PAUSED, at=at, reason="awaiting the resident"))
            at += H * rng.uniform(1, 48)
            events.append(Event(kind=EventKind.RESUMED, at=at))
        if rng.random() < 0.85:
            at += H * rng.uniform(1, 90)
            events.append(Event(kind=EventKind.RESPONDED, at=at))
            if rng.random() < 0.7:
                at += H * rng.uniform(1, 200)
                events.append(Event(kind=EventKind.CLOSED, at=at))
        logs.append(EventLog(query=query, events=events))
    return logs


def minimal(logs: list[EventLog], as_of: dt.datetime) -> list[str]:
    """Only the elapsed deadline: received + 72 h, and whether a response came by then."""
    limit = dt.timedelta(hours=72)
    answers = []
    for log in logs:
        events = log.events
        due = events[0].at + limit
        responded = None
        for event in events:
            if event.kind is EventKind.RESPONDED:
                responded = event.at
                break
        if responded is not None:
            answers.append("met" if responded <= due else "met late")
        else:
            answers.append("breached" if as_of > due else "running")
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    began = time.perf_counter()
    logs = realistic_logs(args.n, args.seed)
    events = sum(len(log.events) for log in logs)
    print(
        f"built {args.n:,} query logs ({events / args.n:.1f} events each) in {time.perf_counter() - began:.1f} s"
    )
    as_of = dt.datetime(2026, 1, 1, tzinfo=UTC)
    elapsed_policy = ResponsePolicy()
    working_policy = ResponsePolicy.guarantee(calendar=WorkingCalendar(tz=LONDON))

    tasks: dict[str, Callable[[], object]] = {
        "minimal elapsed-deadline loop": lambda: minimal(logs, as_of),
        "pact_core status_many, elapsed": lambda: status_many(logs, elapsed_policy, as_of=as_of),
        # The table works out remaining, warning and the ids when asked: here all of them are.
        "  ... and every column read": lambda: read_all(
            status_many(logs, elapsed_policy, as_of=as_of)
        ),
        "pact_core status_many, working time": lambda: status_many(
            logs, working_policy, as_of=as_of
        ),
        "pact_core status one by one, elapsed": lambda: [
            status(log, elapsed_policy, as_of=as_of) for log in logs
        ],
    }
    # timeit's convention: the cyclic collector paused while timing. Each `status` result is
    # two tuples that live on (the minimal loop's answers are constant strings), so with the
    # collector running its full passes over the million logs count against `status` alone.
    tasks["minimal loop, collector paused"] = paused(tasks["minimal elapsed-deadline loop"])
    tasks["status one by one, collector paused"] = paused(
        tasks["pact_core status one by one, elapsed"]
    )
    # Interleaved rounds, the best of each: the machine's drift touches every task alike.
    best = dict.fromkeys(tasks, float("inf"))
    for _ in range(args.rounds):
        for label, task in tasks.items():
            gc.collect()
            began = time.perf_counter()
            task()
            best[label] = min(best[label], time.perf_counter() - began)
    for label, seconds in best.items():
        print(f"  {label:<38} {args.n / seconds:12,.0f} queries/s")
    base = best["minimal elapsed-deadline loop"]
    elapsed = best["pact_core status_many, elapsed"]
    print(
        f"elapsed mode is {elapsed / base:.2f}x the minimal loop's time (bar: within 2x); "
        f"with every column read {best['  ... and every column read'] / base:.2f}x; "
        f"working mode {best['pact_core status_many, working time'] / base:.2f}x; "
        f"one call a query {best['pact_core status one by one, elapsed'] / base:.2f}x"
    )
    print(
        "one call a query with the collector paused (timeit's convention): "
        f"{best['status one by one, collector paused'] / best['minimal loop, collector paused']:.2f}x"
        " the minimal loop's time (bar: within 3x)"
    )
    # Where the collector's time goes when it runs: the results kept (two tuples a query,
    # kept alive by the GoalState inside) wake full collections, each of which walks every
    # live object, the benchmark's own logs too.
    whole, full, count = collected(tasks["pact_core status one by one, elapsed"])
    print(
        f"one call a query with the collector running: {whole:.2f} s, of which {full:.2f} s in "
        f"{count} full collection(s) over {len(gc.get_objects()):,} live objects; without them "
        f"{(whole - full) / base:.2f}x the minimal loop's time"
    )
    table = status_many(logs, elapsed_policy, as_of=as_of)
    counts = table.counts()
    print(f"states (elapsed): {', '.join(f'{state.value} {n:,}' for state, n in counts.items())}")
    sample = range(0, args.n, max(1, args.n // 20_000))
    disagreements = sum(
        table.row(i) != status(logs[i], elapsed_policy, as_of=as_of) for i in sample
    )
    print(
        f"status_many against status, {len(sample):,} queries sampled: {disagreements} disagreements"
    )


def paused(task: Callable[[], object]) -> Callable[[], object]:
    """*task*, run with the cyclic garbage collector paused, as `timeit` runs what it times."""

    def run() -> object:
        gc.disable()
        try:
            return task()
        finally:
            gc.enable()

    return run


def collected(task: Callable[[], object]) -> tuple[float, float, int]:
    """*task*'s time with the collector running, the time its full collections took, and their number."""
    spans: list[float] = []
    began = [0.0]

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:  # the oldest generation: a full collection
            if phase == "start":
                began[0] = time.perf_counter()
            else:
                spans.append(time.perf_counter() - began[0])

    gc.collect()
    gc.callbacks.append(watch)
    try:
        started = time.perf_counter()
        task()
        whole = time.perf_counter() - started
    finally:
        gc.callbacks.remove(watch)
    return whole, sum(spans), len(spans)


def read_all(table: StatusTable) -> None:
    table.queries  # noqa: B018 - worked out when first read
    for goal in table.goals:
        for field in ("state", "due", "elapsed", "remaining", "warning", "met_at"):
            table.column(goal, field)


if __name__ == "__main__":
    main()
