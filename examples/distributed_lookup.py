"""Geocode a large point table on a Dask cluster, shipping one picklable locator to every worker.

Run it with ``python examples/distributed_lookup.py [points]`` after
``pip install -e ".[dask,examples]"``. It builds a `WardLocator` over Medway's wards, sends
it once to each worker of a local `dask.distributed` cluster, geocodes the table in chunks
there, and checks that the answers equal `WardLocator.locate_many` on one machine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from dask.distributed import Client, LocalCluster

from pact_core.geography import WardLocator, wards_from_geojson

DATA = Path(__file__).parent / "data" / "medway_wards_2025.geojson"


def geocode(chunk: pd.DataFrame, locator: WardLocator) -> pd.DataFrame:
    """Locate one chunk of the table on a worker."""
    found = locator.locate_many(chunk["lat"].to_numpy(), chunk["lon"].to_numpy())
    return chunk.assign(ward=found.ward_codes(), status=found.status)


def main(points: int = 20_000, chunks: int = 8, workers: int = 2) -> pd.DataFrame:
    wards = wards_from_geojson(json.loads(DATA.read_text(encoding="utf-8")))
    locator = WardLocator.from_wards(wards)
    x0, y0, x1, y1 = shapely.total_bounds([ward.geometry for ward in wards])
    rng = np.random.default_rng(2026)
    table = pd.DataFrame({"lat": rng.uniform(y0, y1, points), "lon": rng.uniform(x0, x1, points)})

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        shipped = client.scatter(locator, broadcast=True)  # pickled once, sent to every worker
        size = -(-points // chunks)
        parts = [table.iloc[start : start + size] for start in range(0, points, size)]
        futures = client.map(geocode, parts, locator=shipped)
        result = pd.concat(client.gather(futures))

    expected = locator.locate_many(table["lat"].to_numpy(), table["lon"].to_numpy())
    # pandas may hold "no ward" as a missing value rather than None: compare with a marker
    assert result["ward"].fillna("-").tolist() == [code or "-" for code in expected.ward_codes()]
    assert result["status"].tolist() == expected.status.tolist()
    inside = result["ward"].notna().sum()
    print(
        f"{points:,} points geocoded on {workers} Dask workers: {inside:,} in a Medway ward, the rest outside"
    )
    print("the distributed answers equal locate_many on one machine")
    return result


if __name__ == "__main__":
    counts = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(counts[0] if counts else 20_000)
