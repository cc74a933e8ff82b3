"""The shape of the public API: sorted, resolvable, documented, and light to import."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import pact_core

ROOT = Path(__file__).parent.parent
PUBLIC_MODULES = [
    "pact_core",
    "pact_core.abstraction",
    "pact_core.abstraction.accounts",
    "pact_core.abstraction.policy",
    "pact_core.abstraction.standards",
    "pact_core.calendars",
    "pact_core.case_review",
    "pact_core.case_review.complaints",
    "pact_core.case_review.statistics",
    "pact_core.case_review.thresholds",
    "pact_core.case_review.timeline",
    "pact_core.errors",
    "pact_core.geography",
    "pact_core.geography.codes",
    "pact_core.crime",
    "pact_core.crime.api",
    "pact_core.crime.categories",
    "pact_core.crime.compare",
    "pact_core.crime.hotspots",
    "pact_core.crime.incidence",
    "pact_core.crime.pictures",
    "pact_core.crime.records",
    "pact_core.crime.solved",
    "pact_core.geography.crosswalk",
    "pact_core.geography.linking",
    "pact_core.geography.lookup",
    "pact_core.geography.neighbourhoods",
    "pact_core.geography.wards",
    "pact_core.intervals",
    "pact_core.panels",
    "pact_core.plain",
    "pact_core.priorities",
    "pact_core.priorities.choosing",
    "pact_core.priorities.concerns",
    "pact_core.priorities.outcomes",
    "pact_core.priorities.recurrence",
    "pact_core.priorities.register",
    "pact_core.policeuk",
    "pact_core.policeuk.activity",
    "pact_core.policeuk.boundaries",
    "pact_core.policeuk.forces",
    "pact_core.policeuk.people",
    "pact_core.response",
    "pact_core.response.compliance",
    "pact_core.response.escalation",
    "pact_core.response.log",
    "pact_core.response.policy",
    "pact_core.response.status",
    "pact_core.scorecard",
    "pact_core.selection",
    "pact_core.selection.ballots",
    "pact_core.selection.profile",
    "pact_core.selection.results",
    "pact_core.selection.rules",
    "pact_core.selection.stv",
    "pact_core.teams",
    "pact_core.teams.checking",
    "pact_core.teams.members",
    "pact_core.teams.models",
    "pact_core.teams.ranks",
    "pact_core.testing",
]
DOCS = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))


def _discovered_modules() -> list[str]:
    """Every module under src/pact_core whose name has no leading underscore."""
    src = ROOT / "src"
    names = []
    for path in sorted((src / "pact_core").rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not any(part.startswith("_") for part in parts):
            names.append(".".join(parts))
    return names


def _isort_style(name: str) -> tuple[int, str]:
    if name.isupper():
        return (0, name)
    return (1 if name[0].isupper() else 2, name)


def test_public_modules_are_all_listed() -> None:
    assert sorted(_discovered_modules()) == sorted(PUBLIC_MODULES)


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions, each alphabetical.
    assert list(exported) == sorted(exported, key=_isort_style)
    assert len(set(exported)) == len(exported)
    for attribute in exported:
        assert hasattr(module, attribute), f"{name}.{attribute} is in __all__ but missing"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_name_is_documented(name: str) -> None:
    module = importlib.import_module(name)
    missing = [
        attribute
        for attribute in module.__all__
        if f"`{attribute}" not in DOCS and f".{attribute}`" not in DOCS
    ]
    assert not missing, f"not mentioned in docs/: {missing}"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_name_has_a_runnable_example(name: str) -> None:
    module = importlib.import_module(name)
    for attribute in module.__all__:
        value = getattr(module, attribute)
        if attribute.startswith("__") or getattr(value, "__module__", name) != name:
            continue  # re-exports and dunders are documented where they are defined
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue  # constants are documented in docs/, as STYLE.md section 7 asks of classes and functions
        assert ">>>" in (value.__doc__ or ""), f"{name}.{attribute} has no >>> example"


def test_version_matches_the_installed_distribution() -> None:
    assert pact_core.__version__ == importlib.metadata.version("pact-core")


def test_import_is_light() -> None:
    """``import pact_core`` must not pull in geometry or test libraries."""
    code = (
        "import sys, pact_core, pact_core.errors, pact_core.intervals, pact_core.calendars\n"
        "import pact_core.selection, pact_core.abstraction, pact_core.case_review, pact_core.policeuk\n"
        "heavy = {'shapely', 'numpy', 'hypothesis', 'pytest'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# What each top-level import may load beyond the standard library (issue 15): the
# package itself nothing (its names are imported on first use), each module attrs; dateutil's parser and tz (25 ms) never at import; shapely
# and numpy only with geography. Timings live in benchmarks/imports.py, not here. (six is
# dateutil's own dependency in some of its versions.)
_LIGHT = {"attr", "attrs"}
_EASTER = {"attr", "attrs", "dateutil", "dateutil.easter"}
_MONTHS = {"attr", "attrs", "dateutil", "dateutil.relativedelta"}
_GEOMETRY = {"numpy", "shapely"}
IMPORT_LOADS = {
    "pact_core": set(),
    "pact_core.errors": set(),
    "pact_core.intervals": _LIGHT,
    "pact_core.selection": _LIGHT,
    "pact_core.abstraction": _LIGHT,
    "pact_core.calendars": _EASTER,
    "pact_core.response": _LIGHT,
    "pact_core.case_review": _EASTER,
    "pact_core.teams": _MONTHS,
    "pact_core.policeuk": _MONTHS,
    "pact_core.geography": _LIGHT | _GEOMETRY,
    "pact_core.crime": _LIGHT | _GEOMETRY,
    "pact_core.panels": _MONTHS | _GEOMETRY,
    "pact_core.priorities": _MONTHS | _GEOMETRY,
    "pact_core.scorecard": _EASTER | _MONTHS | _GEOMETRY,
    # Every subject module, and cattrs (with its typing_extensions) to store their values.
    "pact_core.plain": _EASTER | _MONTHS | _GEOMETRY | {"cattrs", "typing_extensions"},
}


@pytest.mark.parametrize("module", sorted(IMPORT_LOADS))
def test_what_each_import_loads(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "outside = {n for n in sys.modules if n.split('.')[0] not in sys.stdlib_module_names}\n"
        "named = {n.split('.')[0] for n in outside} | {'.'.join(n.split('.')[:2]) for n in outside if n.startswith('dateutil.')}\n"
        "print(sorted(n for n in named if not n.startswith(('pact_core', '_')) and n not in ('cython_runtime', 'six', 'dateutil._version', 'dateutil._common')))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(sorted(IMPORT_LOADS[module]))


def test_every_public_top_level_module_is_in_the_import_table() -> None:
    tops = {name for name in PUBLIC_MODULES if name.count(".") <= 1}
    assert tops - {"pact_core.testing"} == set(IMPORT_LOADS)


def test_testing_imports_first_without_hypothesis() -> None:
    """``import pact_core.testing`` must work as a program's first import: the entry point may not need it half-imported."""
    code = (
        "import sys\n"
        "from pact_core.testing import intervals\n"
        "from hypothesis import find, strategies as st\n"
        "from pact_core.intervals import Interval\n"
        "print(find(st.from_type(Interval), lambda i: True) == find(intervals(), lambda i: True))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "True"), result.stderr


def test_testing_is_not_imported_by_the_package() -> None:
    code = "import sys, pact_core; print('pact_core.testing' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_geographic_names_are_lazy() -> None:
    code = (
        "import sys, pact_core\n"
        "before = 'shapely' in sys.modules\n"
        "code = pact_core.WardCode('E05014449')\n"
        "print(before, 'shapely' in sys.modules, type(code).__module__)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True", "pact_core.geography.codes"]


def test_unknown_attributes_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="^module 'pact_core' has no attribute 'Nope'$"):
        pact_core.Nope  # noqa: B018 - the access is the test


def _pact_imports(path: Path) -> set[str]:
    """The pact_core modules a source file imports, at any depth (type-checking imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pact_core"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pact_core"))
    return found


def _sources(package: str) -> list[Path]:
    base = ROOT / "src" / "pact_core" / package
    return sorted(base.rglob("*.py")) if base.is_dir() else [base.with_suffix(".py")]


# Each part of the domain may import only what lies below it (the layout of STYLE.md and the issues).
ALLOWED = {
    "teams": {"errors", "teams"},
    "errors": set(),
    "intervals": {"errors"},
    "calendars": {"errors", "intervals"},
    "geography": {"errors", "intervals", "geography"},
    "panels": {"errors", "intervals", "geography"},
    "selection": {"errors", "selection"},
    "crime": {"errors", "geography", "crime"},
    "priorities": {
        "errors",
        "intervals",
        "geography",
        "panels",
        "selection",
        "priorities",
        "crime",
    },
    "abstraction": {"errors", "intervals", "abstraction"},
    "response": {"errors", "intervals", "calendars", "response"},
    "case_review": {"errors", "intervals", "calendars", "case_review"},
    "policeuk": {"errors", "intervals", "geography", "teams", "priorities", "policeuk"},
    "scorecard": {
        "errors",
        "intervals",
        "geography",
        "teams",
        "priorities",
        "abstraction",
        "response",
        "case_review",
        "crime",
    },
}


# The plain-data module sits above every value it stores; `_hypothesis` lists those types.
ALLOWED["plain"] = {name for name in ALLOWED if name != "plain"} | {"_hypothesis", "plain"}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_dependencies_point_down(package: str) -> None:
    imported = set()
    for path in _sources(package):
        imported |= {name.split(".")[1] for name in _pact_imports(path) if name.count(".") >= 1} - {
            "_validation"
        }
    assert imported <= ALLOWED[package], sorted(imported - ALLOWED[package])
