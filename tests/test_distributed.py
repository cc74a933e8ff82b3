"""The Dask examples on small tables: a real local cluster, answers equal to one machine's."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import TYPE_CHECKING

from pact_core.geography import WardLocator, wards_from_geojson

if TYPE_CHECKING:
    import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "distributed_lookup.py"


def test_distributed_answers_equal_locate_many(capsys: pytest.CaptureFixture[str]) -> None:
    example = runpy.run_path(str(EXAMPLE), run_name="distributed_lookup")
    result = example["main"](points=3000, chunks=3, workers=2)
    assert len(result) == 3000
    wards = wards_from_geojson(json.loads(example["DATA"].read_text(encoding="utf-8")))
    expected = WardLocator.from_wards(wards).locate_many(
        result["lat"].to_numpy(), result["lon"].to_numpy()
    )
    assert result["ward"].fillna("-").tolist() == [code or "-" for code in expected.ward_codes()]
    assert (result["ward"].notna()).sum() > 1000
    assert "equal locate_many" in capsys.readouterr().out


ABSTRACTION = Path(__file__).parent.parent / "examples" / "distributed_abstraction.py"


def test_distributed_accounts_equal_one_machine_accounting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from pact_core.abstraction import AbstractionPolicy, DutyRecord, account  # noqa: PLC0415
    from pact_core.intervals import Interval  # noqa: PLC0415

    example = runpy.run_path(str(ABSTRACTION), run_name="distributed_abstraction")
    total = example["main"](officers=6, partitions=3, workers=2)
    table = example["roster"](6)
    records = [
        DutyRecord(
            officer=row.officer,
            interval=Interval(row.start.to_pydatetime(), row.end.to_pydatetime()),
            activity=row.activity,
            neighbourhood=row.neighbourhood,
            team=row.team,
        )
        for row in table.itertuples(index=False)
    ]
    expected = account(records, AbstractionPolicy.default(), tz=ZoneInfo("Europe/London"))
    assert total == expected
    assert len(total.by("officer")) == 6
    assert "equals accounting the whole table" in capsys.readouterr().out


CRIME = Path(__file__).parent.parent / "examples" / "distributed_crime.py"


def test_distributed_crime_counts_equal_one_machine_counting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pact_core.crime import CSV_HEADER, crimes_from_csv, incidence  # noqa: PLC0415

    example = runpy.run_path(str(CRIME), run_name="distributed_crime")
    total = example["main"](rows=9000, partitions=4, workers=2, check=True)
    every = [list(CSV_HEADER)]
    for seed, size in enumerate([2250] * 4):
        every += example["partition"](seed, size)[1:]
    expected = incidence(
        crimes_from_csv(every, publication=example["PUBLICATION"]), example["locator"]()
    )
    assert total == expected
    assert total.total() == 9000
    assert "equals counting every row on one machine" in capsys.readouterr().out
