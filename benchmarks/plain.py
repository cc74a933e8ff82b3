"""Plain data out and back, against cattrs' preconfigured JSON converter on the same classes, in one run.

Run with ``python benchmarks/plain.py``. It builds 100,000 event logs and 100,000
priorities (``-n``), with instants in Europe/London, and times, for each:

- out: `pact_core.plain.to_plain` against ``cattrs.preconf.json.make_converter()``'s
  ``unstructure`` (no pact_core hooks: datetimes as bare ISO text, the zone lost);
- back: `pact_core.plain.from_plain` (strict scalars, every problem collected with its
  path, unknown fields refused, zones by name) against the preconfigured converter's
  ``structure`` with detailed validation off (the first problem only, no path).

Both call the classes' own constructors on the way back, so both run their validators.
The issue's bars (issue 21): at most 1.5x cattrs' time out and 2x back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time
from zoneinfo import ZoneInfo

import cattrs.preconf.json

from pact_core.panels import Panel, PanelMember
from pact_core.plain import from_plain, to_plain
from pact_core.priorities import EventKind as PriorityKind
from pact_core.priorities import Issue, Priority, PriorityEvent
from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester

LONDON = ZoneInfo("Europe/London")


def event_logs(count: int, seed: int) -> list[EventLog]:
    rng = random.Random(seed)
    origin = dt.datetime(2024, 1, 1, tzinfo=LONDON)
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
        for kind in (EventKind.ACKNOWLEDGED, EventKind.RESPONDED, EventKind.CLOSED):
            at += dt.timedelta(minutes=rng.randrange(1, 60 * 30))
            events.append(Event(kind=kind, at=at))
            if rng.random() < 0.3:  # some logs stop early
                break
        logs.append(EventLog(query=query, events=events))
    return logs


def priorities(count: int, seed: int) -> list[Priority]:
    rng = random.Random(seed)
    panels = [
        Panel(
            force="kent",
            neighbourhood=f"N{n}",
            name=f"N{n} PACT",
            members=[
                PanelMember(
                    name="A. Resident",
                    organisation="Residents' Association",
                    role="chair",
                    voting=True,
                )
            ],
        )
        for n in range(40)
    ]
    origin = dt.datetime(2024, 1, 1, 19, tzinfo=LONDON)
    made = []
    for n in range(count):
        at = origin + dt.timedelta(days=rng.randrange(700))
        events = [PriorityEvent(kind=PriorityKind.ADOPTED, at=at)]
        for _ in range(rng.randrange(3)):
            at += dt.timedelta(days=rng.randrange(1, 40))
            events.append(
                PriorityEvent(kind=PriorityKind.ACTION, at=at, note="Patrols at school times")
            )
        made.append(
            Priority(
                id=f"P{n}",
                panel=panels[n % 40],
                issue=Issue(
                    category=rng.choice(["parking", "litter", "speeding", "drugs"]),
                    place="High Street",
                ),
                text="Parking on the pavement near the station",
                events=events,
            )
        )
    return made


def peer() -> cattrs.Converter:
    converter = cattrs.preconf.json.make_converter(detailed_validation=False)
    # The preconfigured converter has no timedelta (a panel's notice): seconds, as most systems store it.
    converter.register_unstructure_hook(dt.timedelta, lambda value: value.total_seconds())
    converter.register_structure_hook(dt.timedelta, lambda value, _: dt.timedelta(seconds=value))
    return converter


def best(function: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()  # type: ignore[operator]  # a closure
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cattrs_json = peer()
    print(f"{args.n:,} values of each type, best of {args.repeat}")
    for name, kind, values in (
        ("event logs", EventLog, event_logs(args.n, 1)),
        ("priorities", Priority, priorities(args.n, 2)),
    ):
        ours = [to_plain(v) for v in values]
        theirs = [cattrs_json.unstructure(v, kind) for v in values]
        if [from_plain(kind, d, zones=ZoneInfo) for d in ours[:1000]] != values[:1000]:
            raise SystemExit(f"{name} did not round-trip")
        out_ours = best(lambda: [to_plain(v) for v in values], args.repeat)  # noqa: B023 - called at once
        out_theirs = best(lambda: [cattrs_json.unstructure(v, kind) for v in values], args.repeat)  # noqa: B023
        back_ours = best(lambda: [from_plain(kind, d, zones=ZoneInfo) for d in ours], args.repeat)  # noqa: B023
        back_theirs = best(lambda: [cattrs_json.structure(d, kind) for d in theirs], args.repeat)  # noqa: B023
        print(f"\n{name}")
        print(
            f"  out:  pact_core {out_ours * 1000:7.0f} ms   cattrs {out_theirs * 1000:7.0f} ms   ratio {out_ours / out_theirs:.2f}x (bar 1.5x)"
        )
        print(
            f"  back: pact_core {back_ours * 1000:7.0f} ms   cattrs {back_theirs * 1000:7.0f} ms   ratio {back_ours / back_theirs:.2f}x (bar 2x)"
        )


if __name__ == "__main__":
    main()
