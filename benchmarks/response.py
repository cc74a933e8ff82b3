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
import random
import time
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
    status,
    status_many,
)

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

    def run(label: str, function) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for _ in range(2):
            began = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - began)
        print(f"  {label:<34} {args.n / best:12,.0f} queries/s")
        return best

    base = run("minimal elapsed-deadline loop", lambda: minimal(logs, as_of))
    elapsed = run(
        "pact_core status_many, elapsed", lambda: status_many(logs, elapsed_policy, as_of=as_of)
    )
    working = run(
        "pact_core status_many, working time",
        lambda: status_many(logs, working_policy, as_of=as_of),
    )
    one_by_one = run(
        "pact_core status one by one, elapsed",
        lambda: [status(log, elapsed_policy, as_of=as_of) for log in logs],
    )
    print(
        f"elapsed mode is {elapsed / base:.2f}x the minimal loop's time (bar: within 5x); "
        f"working mode {working / base:.2f}x; one call a query {one_by_one / base:.2f}x"
    )
    counts = status_many(logs, elapsed_policy, as_of=as_of).counts()
    print(f"states (elapsed): {', '.join(f'{state.value} {n:,}' for state, n in counts.items())}")


if __name__ == "__main__":
    main()
