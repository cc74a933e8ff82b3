"""Account a force's duty table in partitions on a Dask cluster, and add the accounts up.

Run it with ``python examples/distributed_abstraction.py [officers]`` after
``pip install -e ".[dask,examples]"``. It makes a month-by-month roster table for a
number of officers, splits it into partitions, accounts each partition on a worker of a
local `dask.distributed` cluster with `account_table`, adds the partial `Accounts`
together, and checks the sum equals accounting the whole table on one machine.
Accounts add, so any partition of the records gives the same answer.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from functools import reduce
from operator import add
from zoneinfo import ZoneInfo

import pandas as pd
from dask.distributed import Client, LocalCluster

from pact_core.abstraction import AbstractionPolicy, Accounts, account_table
from pact_core.intervals import CalendarUnit

LONDON = ZoneInfo("Europe/London")
ACTIVITIES = ["patrol", "engagement", "briefing", "admin", "response cover", "court", "training"]


def roster(officers: int, seed: int = 2026) -> pd.DataFrame:
    """Eight-hour shifts of four activities each, Monday to Friday, January to June 2025."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible made-up roster
    rows = []
    day = dt.date(2025, 1, 1)
    while day < dt.date(2025, 7, 1):
        if day.weekday() < 5:
            for n in range(officers):
                start = dt.datetime(day.year, day.month, day.day, 7, tzinfo=LONDON)
                for _ in range(4):
                    end = start + dt.timedelta(hours=2)
                    team = f"Team {n % 5}"
                    rows.append((f"PC {n}", start, end, rng.choice(ACTIVITIES), team, team))
                    start = end
        day += dt.timedelta(days=1)
    return pd.DataFrame(
        rows, columns=["officer", "start", "end", "activity", "neighbourhood", "team"]
    )


def account_partition(part: pd.DataFrame, policy: AbstractionPolicy) -> Accounts:
    """Account one partition of the table on a worker."""
    rows = [
        (o, s.to_pydatetime(), e.to_pydatetime(), a, n, t)
        for o, s, e, a, n, t in part.itertuples(index=False, name=None)
    ]
    return account_table(rows, policy, tz=LONDON)


def main(officers: int = 40, partitions: int = 6, workers: int = 2) -> Accounts:
    table = roster(officers)
    policy = AbstractionPolicy.default()
    # Partition by officer, as a force's table is sharded: one officer's records stay together,
    # so each partition can check them for overlaps.
    number = table["officer"].str.split().str[1].astype(int)
    groups = [table[number % partitions == p] for p in range(partitions)]
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        futures = client.map(account_partition, groups, policy=policy)
        total = reduce(add, client.gather(futures), Accounts(unit=CalendarUnit.MONTH, tz=LONDON))

    assert total == account_partition(table, policy)
    force = total.summary()
    print(
        f"{len(table):,} duty records of {officers} officers, accounted in {partitions} partitions on {workers} Dask workers"
    )
    print(
        f"force-wide: abstraction rate {float(force.rate or 0):.1%}, time in the community {float(force.community_share or 0):.1%}"
    )
    print("the sum of the partitions' accounts equals accounting the whole table on one machine")
    return total


if __name__ == "__main__":
    counts = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(counts[0] if counts else 40)
