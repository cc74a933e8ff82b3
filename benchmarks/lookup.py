"""Point-to-ward lookup against geopandas and raw shapely, side by side in one run.

Run with ``python benchmarks/lookup.py`` after ``pip install -e ".[bench]"``. It loads the
1,973 ONS 2025 wards in ../shared/data/wards/drkane_geo_lookups_wd25/ (skipping with a
message when that folder is absent) and, with a fixed seed, compares:

- `WardLocator.locate_many` with geopandas ``sjoin`` (predicate ``within``) and with the
  fastest raw shapely 2 query we could write (index the points, query with the wards),
  on 1,000,000 uniform points over the wards' bounding box and 1,000,000 points inside wards;
- 100,000 single `WardLocator.locate` calls with a raw per-point ``STRtree.query`` loop;
- the locator's build time and memory.

All answers must agree off boundaries; the number of disagreements is printed.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
import tracemalloc
from pathlib import Path

import geopandas
import numpy as np
import shapely

from pact_core.geography import WardLocator, wards_from_geojson

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "wards"
    / "drkane_geo_lookups_wd25"
    / "ward"
)


def best_of(repeats: int, function, *args):
    """Run *function* several times; return its result and the fastest time."""
    fastest = float("inf")
    result = None
    for _ in range(repeats):
        began = time.perf_counter()
        result = function(*args)
        fastest = min(fastest, time.perf_counter() - began)
    return result, fastest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "-n", type=int, default=1_000_000, help="points per set (default 1,000,000)"
    )
    parser.add_argument(
        "--single", type=int, default=100_000, help="single lookups (default 100,000)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: no ward files at {args.data}")
        sys.exit(0)

    wards = []
    for path in sorted(args.data.glob("*.geojson")):
        wards.extend(wards_from_geojson(json.loads(path.read_text(encoding="utf-8"))))
    geometries = [ward.geometry for ward in wards]
    codes = np.array([ward.code.value for ward in wards], dtype=object)
    print(f"{len(wards):,} wards from {args.data}")

    began = time.perf_counter()
    locator = WardLocator.from_wards(wards)
    build = time.perf_counter() - began
    tracemalloc.start()  # a second build, for memory alone: tracing slows it down
    WardLocator.from_wards(wards)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(pickle.dumps(locator))
    print(
        f"build: {build:.2f} s, peak memory while building {peak / 1e6:.0f} MB, pickled {size / 1e6:.1f} MB; {locator!r}"
    )

    rng = np.random.default_rng(args.seed)
    x0, y0, x1, y1 = shapely.total_bounds(geometries)
    uniform = (rng.uniform(y0, y1, args.n), rng.uniform(x0, x1, args.n))
    # Points inside wards: uniform points kept where the locator found a ward, topped up.
    inside_lat: list[np.ndarray] = []
    inside_lon: list[np.ndarray] = []
    have = 0
    while have < args.n:
        lat, lon = rng.uniform(y0, y1, args.n), rng.uniform(x0, x1, args.n)
        found = locator.locate_many(lat, lon).ward_index >= 0
        inside_lat.append(lat[found])
        inside_lon.append(lon[found])
        have += int(found.sum())
    inside = (np.concatenate(inside_lat)[: args.n], np.concatenate(inside_lon)[: args.n])

    frame = geopandas.GeoDataFrame({"code": codes}, geometry=geometries, crs="OGC:CRS84")
    frame.sindex  # noqa: B018 - build the index outside the timing, as the locator's is
    tree = shapely.STRtree(geometries)

    def pact(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        return locator.locate_many(lat, lon).ward_codes()

    def sjoin(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Points within wards: geopandas queries the wards' index with the points."""
        points = geopandas.GeoDataFrame(
            geometry=geopandas.points_from_xy(lon, lat), crs="OGC:CRS84"
        )
        joined = geopandas.sjoin(points, frame, how="left", predicate="within")
        joined = joined[~joined.index.duplicated(keep="first")]
        return np.asarray(
            joined["code"].astype(object).where(joined["code"].notna(), None), dtype=object
        )

    def sjoin_indexing_points(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Wards containing points: geopandas indexes the points instead, often faster."""
        points = geopandas.GeoDataFrame(
            geometry=geopandas.points_from_xy(lon, lat), crs="OGC:CRS84"
        )
        joined = geopandas.sjoin(frame, points, how="inner", predicate="contains")
        answer = np.full(len(points), None, dtype=object)
        answer[joined["index_right"].to_numpy()] = joined["code"].to_numpy(dtype=object)
        return answer

    def raw(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        points = shapely.points(lon, lat)
        ward_index, point_index = shapely.STRtree(points).query(geometries, predicate="contains")
        answer = np.full(len(points), None, dtype=object)
        answer[point_index] = codes[ward_index]
        return answer

    for label, (lat, lon) in (("uniform points", uniform), ("points inside wards", inside)):
        ours, ours_time = best_of(3, pact, lat, lon)
        theirs, theirs_time = best_of(3, sjoin, lat, lon)
        theirs_points, theirs_points_time = best_of(3, sjoin_indexing_points, lat, lon)
        shapely_answer, raw_time = best_of(3, raw, lat, lon)
        status = locator.locate_many(lat, lon).status
        off_boundary = status != 1
        disagree_sjoin = int(np.sum((ours != theirs) & off_boundary))
        disagree_sjoin_points = int(np.sum((ours != theirs_points) & off_boundary))
        disagree_raw = int(np.sum((ours != shapely_answer) & off_boundary))
        in_ward = int(np.sum(ours != None))  # noqa: E711 - element-wise, on an object array
        print(
            f"\n{label} ({len(lat):,}; {in_ward:,} in a ward, {int(np.sum(~off_boundary))} on a boundary)"
        )
        print(f"  pact_core locate_many  {len(lat) / ours_time / 1e6:6.2f} M points/s")
        print(
            f"  geopandas sjoin within {len(lat) / theirs_time / 1e6:6.2f} M points/s   ratio {theirs_time / ours_time:5.2f}x"
        )
        print(
            f"  geopandas sjoin, points indexed (contains) {len(lat) / theirs_points_time / 1e6:6.2f} M points/s   "
            f"ratio {theirs_points_time / ours_time:5.2f}x"
        )
        print(
            f"  raw shapely (contains) {len(lat) / raw_time / 1e6:6.2f} M points/s   ratio {raw_time / ours_time:5.2f}x"
        )
        print(
            f"  disagreements off boundaries: sjoin within {disagree_sjoin}, "
            f"sjoin contains {disagree_sjoin_points}, raw shapely {disagree_raw}"
        )

    lat, lon = uniform[0][: args.single], uniform[1][: args.single]
    pairs = list(zip(lat.tolist(), lon.tolist(), strict=True))
    points = shapely.points(lon, lat)

    def singles() -> list[object]:
        return [locator.locate(lat=a, lon=b).ward for a, b in pairs]

    def raw_singles() -> list[object]:
        return [tree.query(point, predicate="intersects") for point in points]

    _, single_time = best_of(3, singles)
    _, raw_single_time = best_of(3, raw_singles)
    print(f"\n{args.single:,} single lookups")
    print(f"  pact_core locate          {single_time / args.single * 1e6:6.2f} µs a point")
    print(
        f"  raw STRtree.query loop    {raw_single_time / args.single * 1e6:6.2f} µs a point   ratio {raw_single_time / single_time:5.2f}x"
    )


if __name__ == "__main__":
    main()
