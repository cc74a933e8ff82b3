"""Crime counted by ward, month and category: pact_core against geopandas, side by side in one run.

Run with ``python benchmarks/crime.py`` after ``pip install -e ".[bench]"``. It reads the eight
real months of Kent's street-level file in ../shared/data/policeuk/street/ and the 2025 wards
of Kent's districts and Medway in ../shared/data/wards/drkane_geo_lookups_wd25/ward/ (skipping
with a message when either is absent). pact_core does no I/O, so both sides start from the
same parsed input, and the parsing times are printed beside the ratio:

- pact_core from the rows ``csv.reader`` gives: `crimes_from_csv` (every check kept),
  `incidence` (every point located with a prebuilt `WardLocator`, counted column by column);
- geopandas from the ``DataFrame`` ``pandas.read_csv`` gives: ``points_from_xy``, ``sjoin``
  with the wards (predicate ``within``) and ``groupby`` (ward, month, crime type).

It prints the best of five of each, their ratio, the number of cells on which the two tables
disagree, and the time to count ten times the rows (the real rows repeated), to show growth.

It also prints a floor for any reader of ``csv.reader`` rows in CPython: copying every field
once (a value must not share the caller's mutable lists) and looking at each field once,
with no check at all, plus pact_core's own locating and counting. geopandas' time over that
floor is the most any such reader could reach.
"""

from __future__ import annotations

import argparse
import collections
import csv
import itertools
import json
import sys
import time
from pathlib import Path

import geopandas
import pandas

from pact_core.crime import Category, Month, crimes_from_csv, incidence
from pact_core.crime.incidence import _located_index
from pact_core.geography import WardLocator, wards_from_geojson

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
KENT = ["E06000035", *(f"E07000{n}" for n in range(105, 117))]  # Medway and Kent's twelve districts


def best_of(repeats, function, *args):
    fastest, result = float("inf"), None
    for _ in range(repeats):
        began = time.perf_counter()
        result = function(*args)
        fastest = min(fastest, time.perf_counter() - began)
    return result, fastest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    street = args.data / "policeuk" / "street"
    ward_files = args.data / "wards" / "drkane_geo_lookups_wd25" / "ward"
    if not street.is_dir() or not ward_files.is_dir():
        print(f"skipped: no street-level files or wards under {args.data}")
        sys.exit(0)

    features = []
    for code in KENT:
        features += json.loads((ward_files / f"{code}.geojson").read_text(encoding="utf-8"))[
            "features"
        ]
    wards = wards_from_geojson({"type": "FeatureCollection", "features": features})
    locator = WardLocator.from_wards(wards)
    frame = geopandas.GeoDataFrame.from_features(features, crs="OGC:CRS84")[["WD25CD", "geometry"]]
    frame.sindex  # noqa: B018 - build the index outside the timing, as the locator's is
    files = sorted(street.glob("*.csv"))

    def parse_rows():
        rows: list[list[str]] = []
        for path in files:
            with path.open(newline="", encoding="utf-8") as f:
                found = list(csv.reader(f))
            rows += found if not rows else found[1:]
        return rows

    def parse_frame():
        return pandas.concat([pandas.read_csv(path) for path in files], ignore_index=True)

    rows, rows_time = best_of(3, parse_rows)
    data, frame_time = best_of(3, parse_frame)
    print(f"{len(rows) - 1:,} rows in {len(files)} files; {len(wards)} wards")
    print(
        f"parsing (not in the ratio): csv.reader {rows_time * 1000:.0f} ms, pandas.read_csv {frame_time * 1000:.0f} ms"
    )

    def ours(given):
        return incidence(crimes_from_csv(given, publication=Month(2022, 8)), locator)

    def theirs(given):
        points = geopandas.GeoDataFrame(
            given[["Month", "Crime type"]],
            geometry=geopandas.points_from_xy(given["Longitude"], given["Latitude"]),
            crs="OGC:CRS84",
        )
        joined = geopandas.sjoin(points, frame, how="left", predicate="within")
        return joined.groupby(["WD25CD", "Month", "Crime type"], dropna=False).size()

    for _ in range(2):  # warm both up
        ours(rows)
        theirs(data)
    mine, mine_time = best_of(args.repeats, ours, rows)
    other, other_time = best_of(args.repeats, theirs, data)
    print(
        f"rows to counts by ward, month and category: pact_core {mine_time * 1000:.0f} ms, geopandas {other_time * 1000:.0f} ms"
    )
    print(f"ratio (geopandas / pact_core): {other_time / mine_time:.2f}x (target at least 3x)")

    def floor(given):
        cells = list(itertools.chain.from_iterable(given[1:]))  # the copy
        for k in range(12):  # one look at each field: its length, in C
            collections.deque(map(len, cells[k::12]), maxlen=0)
        return cells

    table = crimes_from_csv(rows, publication=Month(2022, 8))
    _, floor_time = best_of(args.repeats, floor, rows)
    _, count_time = best_of(args.repeats, incidence, table, locator)
    _, locate_time = best_of(args.repeats, _located_index, table, locator, "ward")
    print(
        f"of pact_core's time: reading {(mine_time - count_time) * 1000:.0f} ms, locating {locate_time * 1000:.0f} ms, "
        f"counting {(count_time - locate_time) * 1000:.0f} ms"
    )
    print(
        f"floor of any reader of these rows (copy every field, look at each once, no checks): {floor_time * 1000:.0f} ms; "
        f"with pact_core's locating and counting, {(floor_time + count_time) * 1000:.0f} ms: "
        f"geopandas / that = {other_time / (floor_time + count_time):.2f}x"
    )

    labels = {c.value: c.label for c in Category}
    a: dict[tuple[object, str, str], int] = {}
    for area, month, category, count in mine.rows():
        key = (None if area.startswith("<") else area, month, labels[category])
        a[key] = a.get(key, 0) + count
    b = {(None if isinstance(k[0], float) else k[0], k[1], k[2]): int(v) for k, v in other.items()}
    disagree = sum(a.get(key, 0) != b.get(key, 0) for key in set(a) | set(b))
    print(f"cells: {len(set(a) | set(b)):,}, disagreeing: {disagree}")

    ten = [rows[0], *(rows[1:] * 10)]
    _, ten_time = best_of(max(1, args.repeats // 2), ours, ten)
    print(
        f"ten times the rows: {ten_time * 1000:.0f} ms, {ten_time / mine_time:.1f}x the time (target at most 11x)"
    )


if __name__ == "__main__":
    main()
