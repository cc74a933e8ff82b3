"""Check what the built sdist and wheel hold, as a user (or a packager) would receive them.

Run by ``.ci/run`` after ``python -m build``::

    python .ci/check_dist.py DIST_DIRECTORY

- The wheel holds the library, its ``py.typed`` marker and the pytest plugin module, the
  entry points of the plugin and the hypothesis hook, and **no tests**.
- The sdist holds everything needed to rebuild and test: the sources, tests (with their
  data), docs, examples, the CHANGELOG, the README and the suite's conftest.

Exits with a list of every problem found, or prints what it checked.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path


def _check_wheel(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        entry_points = next(
            (wheel.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")),
            "",
        )
    files = ("pact_core/__init__.py", "pact_core/py.typed", "pytest_pact_core.py",
             "pact_core/testing/__init__.py", "pact_core/response/__init__.py")  # fmt: skip
    points = ("pact_core = pytest_pact_core", "pact_core._hypothesis:_hypothesis_setup_hook")
    return (
        [f"wheel holds a test file: {n}" for n in names if n.startswith(("tests/", "conftest"))]
        + [f"wheel lacks {wanted}" for wanted in files if wanted not in names]
        + [f"wheel's entry points lack {p!r}" for p in points if p not in entry_points]
    )


def _check_sdist(path: Path) -> list[str]:
    with tarfile.open(path) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    files = ("pyproject.toml", "README.md", "CHANGELOG.md", "RELEASING.md", "conftest.py",
             "src/pact_core/__init__.py", "tests/test_public_api.py", "tests/data/README.md",
             "docs/index.md", "examples/tour.py", "examples/downstream_suite/test_force_system.py")  # fmt: skip
    return [f"sdist lacks {wanted}" for wanted in files if wanted not in names]


def main(directory: str) -> None:
    dist = Path(directory)
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        sys.exit(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
    problems = _check_wheel(wheels[0]) + _check_sdist(sdists[0])
    if problems:
        sys.exit("\n".join(problems))
    print(
        f"{wheels[0].name}: no tests, the plugin and its entry points; {sdists[0].name}: tests, docs, examples"
    )


if __name__ == "__main__":
    main(sys.argv[1])
