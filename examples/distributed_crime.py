"""Count a partitioned national year of street-level crime on a Dask cluster, and add the counts up.

Run it with ``python examples/distributed_crime.py [rows]`` after
``pip install -e ".[dask,examples]"`` (6,000,000 rows by default, about a year of
England and Wales). The rows are synthetic but shaped like the real ones: each is a real
row of Medway and Maidstone's eight months of 2022 (``examples/data``) with a new id and a
month of 2022, so its point, category and outcome are real. They come in partitions, as
police.uk's monthly files do; each worker of a local `dask.distributed` cluster makes its
partitions' rows, reads them with `crimes_from_csv` and counts them with `incidence`, and
the partial `Incidence` tables are added. Incidence tables add, so the sum equals counting
every row on one machine, which the example checks when asked to (``--check``).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
import time
from functools import reduce
from operator import add
from pathlib import Path

from dask.distributed import Client, LocalCluster

from pact_core.crime import CSV_HEADER, Incidence, Month, crimes_from_csv, incidence
from pact_core.geography import WardLocator, wards_from_geojson

DATA = Path(__file__).parent / "data"
PUBLICATION = Month(2023, 1)


def real_rows() -> list[list[str]]:
    with gzip.open(
        DATA / "kent-2022-01-to-08-medway-maidstone.csv.gz", "rt", encoding="utf-8", newline=""
    ) as f:
        return list(csv.reader(f))[1:]


def locator() -> WardLocator:
    wards = []
    for name in ("medway_wards_2025.geojson", "maidstone_wards_2025.geojson"):
        wards += wards_from_geojson(json.loads((DATA / name).read_text(encoding="utf-8")))
    return WardLocator.from_wards(wards)


def partition(seed: int, size: int) -> list[list[str]]:
    """One partition of synthetic rows (the header first): real rows with new ids and months."""
    rng = random.Random(seed)  # noqa: S311 - reproducible made-up rows
    sample = real_rows()
    rows = [list(CSV_HEADER)]
    for n in range(size):
        row = list(rng.choice(sample))
        if row[0]:
            row[0] = f"{seed:08x}{n:056x}"
        row[1] = f"2022-{rng.randint(1, 12):02d}"
        rows.append(row)
    return rows


def count_partition(seed: int, size: int, where: WardLocator) -> Incidence:
    """Make, read and count one partition on a worker."""
    return incidence(crimes_from_csv(partition(seed, size), publication=PUBLICATION), where)


def main(
    rows: int = 6_000_000, partitions: int = 60, workers: int = 2, *, check: bool = False
) -> Incidence:
    where = locator()
    sizes = [rows // partitions + (1 if p < rows % partitions else 0) for p in range(partitions)]
    began = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        shared = client.scatter(where, broadcast=True)
        futures = client.map(count_partition, range(partitions), sizes, where=shared)
        total = reduce(add, client.gather(futures))
    took = time.perf_counter() - began
    assert total.total() == rows
    print(
        f"{rows:,} rows in {partitions} partitions counted on {workers} Dask workers in {took:.1f} s"
    )
    crime = total.by_area()
    print(
        f"{len(total.rows()):,} cells; {crime['<no location>']:,} rows without a location, {crime['<outside>']:,} outside the wards"
    )
    if check:
        every = [list(CSV_HEADER)]
        for seed, size in enumerate(sizes):
            every += partition(seed, size)[1:]
        assert total == incidence(crimes_from_csv(every, publication=PUBLICATION), where)
        print("the sum of the partitions' counts equals counting every row on one machine")
    return total


if __name__ == "__main__":
    counts = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(counts[0] if counts else 6_000_000, check="--check" in sys.argv)
