"""Sampled mutation testing: would the tests notice a small change to the code?

Run by hand, not in CI (it takes minutes), from the checkout with the test extra installed::

    python .ci/mutate.py                      # calendars, teams and response, every mutant
    python .ci/mutate.py response --sample 80 --seed 3
    python .ci/mutate.py calendars --list     # the mutants, without running anything

Each mutant changes one thing in one module, as a slip of the pen would:

- a comparison flipped at its edge (``<`` and ``<=``, ``>`` and ``>=``) or negated
  (``==`` and ``!=``, ``is`` and ``is not``, ``in`` and ``not in``);
- a whole-number constant shifted by one (``n`` to ``n + 1``), ``True`` and ``False`` swapped;
- ``and`` and ``or`` swapped, a ``not`` dropped;
- ``+`` and ``-`` swapped.

Docstrings, annotations and the messages of errors are left alone, and so is a line
marked ``# pragma: no mutate`` (an equivalent mutant: the comment says why). The module's own
tests (``tests/test_<module>*.py``, any named for it, and the module's doctests) run
against each mutant in a copy of the checkout, two mutants at a time, with hypothesis's
``mutate`` profile (50 examples, no deadline: a slow run on a busy machine is not a kill).
First run those tests that ran the mutated function (one coverage run of the unmutated
tests says which); if they all pass, all of them run. A mutant is *killed* when a test
fails (or the tests run past the time limit). The score is the share killed. Survivors are printed with their line, to read: some are equivalent (the
change cannot alter any answer), the rest are tests to write.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coverage import CoverageData

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parents[1]
MODULES = {
    "calendars": "src/pact_core/calendars.py",
    "teams": "src/pact_core/teams",  # a package: every module of it
    "response": "src/pact_core/response",  # a package: every module of it
    "selection": "src/pact_core/selection",
    "abstraction": "src/pact_core/abstraction",
    "case_review": "src/pact_core/case_review",
    "priorities": "src/pact_core/priorities",
    "policeuk": "src/pact_core/policeuk",
    "scorecard": "src/pact_core/scorecard.py",
    "crime": "src/pact_core/crime",
}
# Tests that belong to a module without its name: the effect of priorities on crime, and the
# fuzz property, which feeds the police.uk readers with bad data.
EXTRA_TESTS = {
    "priorities": ["tests/test_priority_outcomes.py"],
    "policeuk": ["tests/test_fuzz.py"],
}
DEFAULT = ("calendars", "teams", "response")  # every mutant, when no module is named
_FLIP = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}  # fmt: skip
_SYMBOL = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    module: str
    path: str  # the file changed, from the checkout's root
    number: int  # the position among the file's mutation points, in walk order
    line: int
    change: str


def _files(module: str) -> list[str]:
    """The source files of a module: the file itself, or every module of a package."""
    target = ROOT / MODULES[module]
    if target.is_dir():
        return sorted(str(p.relative_to(ROOT)) for p in target.rglob("*.py"))
    return [MODULES[module]]


def _skipped(tree: ast.Module) -> set[int]:
    """Nodes to leave alone: docstrings, annotations, and the arguments of raised errors."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            skipped.update(id(n) for n in ast.walk(first))
        for annotation in (getattr(node, "annotation", None), getattr(node, "returns", None)):
            if annotation is not None:
                skipped.update(id(n) for n in ast.walk(annotation))
        if isinstance(node, ast.Raise) and node.exc is not None:
            skipped.update(id(n) for n in ast.walk(node.exc))
    return skipped


class _Mutator(ast.NodeTransformer):
    """Walk the module in a fixed order; count mutation points; change the *target*-th."""

    def __init__(self, target: int | None, skipped: set[int], excused: set[int]) -> None:
        self.target = target
        self.skipped = skipped
        self.excused = excused
        self.points: list[tuple[int, str]] = []

    def _point(self, node: ast.AST, change: str) -> bool:
        line = getattr(node, "lineno", 0)
        if line in self.excused:
            return False
        self.points.append((line, change))
        return len(self.points) - 1 == self.target

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        if id(node) in self.skipped:
            return node
        for i, op in enumerate(node.ops):
            flipped = _FLIP.get(type(op))
            if flipped is not None and self._point(
                node, f"{_SYMBOL[type(op)]} -> {_SYMBOL[flipped]}"
            ):
                node.ops[i] = flipped()
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if id(node) in self.skipped:
            return node
        if isinstance(node.value, bool):
            if self._point(node, f"{node.value} -> {not node.value}"):
                return ast.copy_location(ast.Constant(not node.value), node)
        elif isinstance(node.value, int) and self._point(node, f"{node.value} -> {node.value + 1}"):
            return ast.copy_location(ast.Constant(node.value + 1), node)
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        if id(node) in self.skipped:
            return node
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        was, now = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        if self._point(node, f"{was} -> {now}"):
            node.op = other
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if (
            id(node) not in self.skipped
            and isinstance(node.op, ast.Not)
            and self._point(node, "not x -> x")
        ):
            return node.operand
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if id(node) in self.skipped or not isinstance(node.op, ast.Add | ast.Sub):
            return node
        was, now = ("+", "-") if isinstance(node.op, ast.Add) else ("-", "+")
        if self._point(node, f"{was} -> {now}"):
            node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        return node


def _excused(source: str) -> set[int]:
    """Lines marked ``# pragma: no mutate``: equivalent mutants, each with its reason on the line."""
    return {
        n for n, text in enumerate(source.splitlines(), start=1) if "# pragma: no mutate" in text
    }


def mutants(module: str) -> list[Mutant]:
    found = []
    for path in _files(module):
        source = (ROOT / path).read_text(encoding="utf-8")
        tree = ast.parse(source)
        walker = _Mutator(None, _skipped(tree), _excused(source))
        walker.visit(tree)
        found += [
            Mutant(module, path, i, line, change) for i, (line, change) in enumerate(walker.points)
        ]
    return found


def mutated_source(mutant: Mutant) -> str:
    source = (ROOT / mutant.path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    tree = _Mutator(mutant.number, _skipped(tree), _excused(source)).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def _copy_checkout(into: Path) -> None:
    # conftest.py registers the hypothesis profiles, `mutate` among them.
    for name in ("src", "tests", "pyproject.toml", "conftest.py", "docs", "examples"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, into / name)


def _tests(module: str) -> list[str]:
    """A module's own tests: its test files, any tests named for it, and its doctests."""
    tests = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob(f"test_{module}*.py"))
    return [*tests, *EXTRA_TESTS.get(module, []), MODULES[module]]


def _test_command(module: str, selected: Sequence[str] = ()) -> list[str]:
    return [
        sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header",
        "-p", "no:randomly", *(selected or _tests(module)),
    ]  # fmt: skip


# Which tests ran each line, from one coverage run of a module's tests (its baseline): a
# mutant runs only the tests that ran the function it is in. A mutant outside any function
# (a constant, a field's default: run at import) or in a function no test ran runs them all.
Coverage = dict[str, dict[int, frozenset[str]]]


def _baseline(module: str, workdir: Path) -> Coverage:
    """Run *module*'s tests once, unmutated, under coverage with a context per test."""
    datafile = workdir / f".coverage-{module}"
    env = {
        **os.environ,
        "PYTHONPATH": str(workdir / "src"),
        "HYPOTHESIS_PROFILE": "mutate",
        "COVERAGE_FILE": str(datafile),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        *_test_command(module), "--cov=pact_core", "--cov-context=test", "--cov-report=",
        "--cov-fail-under=0",
    ]  # fmt: skip
    result = subprocess.run(  # noqa: S603 - our own interpreter and tests
        command, cwd=workdir, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"the tests of {module} fail before any mutation:\n{result.stdout[-3000:]}")
    data = CoverageData(basename=str(datafile))
    data.read()
    found: Coverage = {}
    for measured in data.measured_files():
        path = Path(measured).resolve()
        if not path.is_relative_to(workdir.resolve()):
            continue
        found[str(path.relative_to(workdir.resolve()))] = {
            line: frozenset(c.rpartition("|")[0] for c in contexts if c)
            for line, contexts in data.contexts_by_lineno(measured).items()
        }
    return found


def _baselines(modules: Sequence[str], workdirs: Sequence[Path]) -> Coverage:
    """Every module's baseline, as many at once as there are work directories."""
    coverage: Coverage = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(workdirs)) as pool:
        runs = [
            pool.submit(_baseline, module, workdirs[i % len(workdirs)])
            for i, module in enumerate(modules)
        ]
        for future in runs:
            coverage |= future.result()
    return coverage


def _selected(mutant: Mutant, coverage: Coverage) -> list[str]:
    """The tests that ran the function holding *mutant* (none: run all of the module's tests)."""
    tree = ast.parse((ROOT / mutant.path).read_text(encoding="utf-8"))
    spans = [
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.lineno <= mutant.line <= (node.end_lineno or node.lineno)
    ]
    if not spans:
        return []
    first, last = max(spans)  # the innermost: it starts last
    lines = coverage.get(mutant.path, {})
    tests: set[str] = set()
    for line in range(first, last + 1):
        tests |= lines.get(line, frozenset())
    own = _tests(mutant.module)
    # The module's own files first, in their order, so that -x stops at the likeliest killer.
    return sorted(
        tests, key=lambda t: (next((i for i, o in enumerate(own) if t.startswith(o)), len(own)), t)
    )


def run(
    mutant: Mutant, workdir: Path, timeout: float, selected: Sequence[str]
) -> tuple[Mutant, str]:
    """Apply *mutant* in *workdir* (a copy of the checkout), run its tests, restore the file.

    *selected* (the tests that ran its function) run first; a mutant they miss runs all of
    the module's tests before it is called a survivor, since a test can depend on a line
    it did not run itself (a value cached by an earlier test, a table built at import).
    """
    target = workdir / mutant.path
    original = (ROOT / mutant.path).read_text(encoding="utf-8")
    target.write_text(mutated_source(mutant), encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(workdir / "src"),
        "HYPOTHESIS_PROFILE": "mutate",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    outcome = "survived"
    try:
        for tests in ([selected] if selected else []) + [[]]:
            result = subprocess.run(  # noqa: S603 - our own interpreter and tests
                _test_command(mutant.module, tests),
                cwd=workdir,
                env=env,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
            if result.returncode != 0:
                outcome = "killed"
                break
    except subprocess.TimeoutExpired:
        outcome = "killed (timeout)"
    finally:
        target.write_text(original, encoding="utf-8")
    return mutant, outcome


def _chosen(args: argparse.Namespace) -> list[Mutant]:
    """The mutants asked for: every one of each module, a sample of each, or those named."""
    chosen: list[Mutant] = []
    for module in args.modules:
        found = mutants(module)
        if args.sample is not None and args.sample < len(found):
            found = sorted(
                random.Random(f"{args.seed}-{module}").sample(found, args.sample),
                key=lambda m: (m.path, m.number),
            )
        chosen.extend(found)
    if args.only:
        chosen = [m for m in chosen if f"{m.path}#{m.number}" in args.only]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "modules", nargs="*", help=f"any of {', '.join(MODULES)} (default: {', '.join(DEFAULT)})"
    )
    parser.add_argument(
        "--sample", type=int, default=None, help="mutants per module (default: all)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds a mutant's tests may run"
    )
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATH#N",
        help="run only these mutants (as listed: src/pact_core/teams/ranks.py#12); repeatable",
    )
    parser.add_argument(
        "--all-tests",
        action="store_true",
        help="run all of a module's tests for every mutant, not only those that ran its function",
    )
    args = parser.parse_args()
    args.modules = args.modules or list(DEFAULT)
    unknown = sorted(set(args.modules) - set(MODULES))
    if unknown:
        parser.error(f"unknown modules {unknown}: choose from {list(MODULES)}")

    chosen = _chosen(args)
    if args.list:
        for m in chosen:
            print(f"{m.path}:{m.line} #{m.number} {m.change}")
        return

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pact-mutate-") as scratch:
        workdirs = [Path(scratch) / f"w{i}" for i in range(max(1, args.jobs))]
        for workdir in workdirs:
            workdir.mkdir()
            _copy_checkout(workdir)
        # The unmutated tests must pass first, or no score means anything; the same run
        # records which tests ran each line.
        coverage = _baselines(args.modules, workdirs)
        print(f"baselines in {time.perf_counter() - began:.0f} s", flush=True)
        results: dict[str, list[tuple[Mutant, str]]] = {module: [] for module in args.modules}
        free = list(workdirs)
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(workdirs)) as pool:
            pending: dict[concurrent.futures.Future[tuple[Mutant, str]], Path] = {}
            queue = list(chosen)
            while queue or pending:
                while queue and free:
                    workdir = free.pop()
                    mutant = queue.pop(0)
                    selected = [] if args.all_tests else _selected(mutant, coverage)
                    pending[pool.submit(run, mutant, workdir, args.timeout, selected)] = workdir
                done, _ = concurrent.futures.wait(
                    pending, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in done:
                    free.append(pending.pop(future))
                    mutant, outcome = future.result()
                    results[mutant.module].append((mutant, outcome))
                    print(
                        f"{mutant.path}:{mutant.line} #{mutant.number} {mutant.change}: {outcome}",
                        flush=True,
                    )
    print(f"\n{len(chosen)} mutants in {time.perf_counter() - began:.0f} s")
    for module, outcomes in results.items():
        killed = sum(outcome != "survived" for _, outcome in outcomes)
        print(
            f"  {module:<10} {killed}/{len(outcomes)} killed, {killed / max(1, len(outcomes)):.1%}"
        )
        for mutant, outcome in sorted(outcomes, key=lambda pair: (pair[0].path, pair[0].number)):
            if outcome == "survived":
                print(f"    survived: {mutant.path}:{mutant.line} {mutant.change}")


if __name__ == "__main__":
    main()
