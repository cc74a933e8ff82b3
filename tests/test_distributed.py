"""examples/distributed_lookup.py on a small table: a real local Dask cluster, answers equal to locate_many."""

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
