"""Another project's suite, run as another project would run it: pytest in a subprocess, with pact_core's fixtures and strategies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SUITE = Path(__file__).parent.parent / "examples" / "downstream_suite"


def test_the_downstream_suite_passes() -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter, our own example
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", str(SUITE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=SUITE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_the_fixtures_are_here_too(pact_synthetic_force: object, pact_medway_force: object) -> None:
    from pact_core.testing import ForceScenario, medway_force  # noqa: PLC0415

    assert isinstance(pact_synthetic_force, ForceScenario)
    assert pact_medway_force == medway_force()
