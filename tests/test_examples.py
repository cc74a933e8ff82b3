"""Every script in examples/ runs, and the README keeps exactly its two set-up commands."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


# Arguments for examples whose default is a full-size run (a national year of crime, 40 s on
# two cores): the suite runs them smaller, and tests/test_distributed.py checks their answers.
ARGUMENTS = {"distributed_crime.py": ["20000"]}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", [str(path), *ARGUMENTS.get(path.name, [])])
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip(), f"{path.name} printed nothing"


def test_there_is_a_tour() -> None:
    assert (ROOT / "examples" / "tour.py") in EXAMPLES


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|shell|bash|console)\n(.*?)```", readme, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_has_exactly_two_set_up_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2, commands
    tour, tests = commands
    assert "examples/tour.py" in tour
    assert "pytest" in tests
    assert "[test]" in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci
    assert "HYPOTHESIS_PROFILE=ci" in ci


def test_ci_builds_the_documentation_with_warnings_as_errors() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m sphinx -b html -W --keep-going -q docs" in ci
    pages = {p.stem for p in (ROOT / "docs").glob("*.md")}
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert all(f"\n{page}\n" in index for page in pages - {"index"}), (
        "every page must be in the toctree"
    )
