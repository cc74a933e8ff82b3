"""src/pact_core does no I/O and keeps no hidden state (STYLE.md section 0).

The check reads the source as syntax trees, so comments and strings never trip it and a
renamed import (``from os import environ as env``) does not slip past.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "pact_core"

FORBIDDEN_CALLS = {"open", "print", "input", "breakpoint", "exec", "eval", "__import__"}
# Modules whose only use would be I/O, the clock, processes or the network.
FORBIDDEN_MODULES = {
    "asyncio",
    "ftplib",
    "glob",
    "http",
    "io",
    "logging.config",
    "multiprocessing",
    "os",
    "pathlib",
    "requests",
    "shutil",
    "smtplib",
    "socket",
    "sqlite3",
    "ssl",
    "subprocess",
    "tempfile",
    "time",
    "urllib",
}
# Attributes that read the clock, the environment or the local zone, or change global state.
FORBIDDEN_ATTRIBUTES = {
    "now": "reads the clock: take as_of instead",
    "today": "reads the clock: take as_of instead",
    "utcnow": "reads the clock: take as_of instead",
    "fromtimestamp": "uses the machine's local zone",
    "utcfromtimestamp": "reads naive UTC",
    "environ": "reads the environment",
    "environb": "reads the environment",
    "getenv": "reads the environment",
    "putenv": "changes the environment",
    "basicConfig": "configures logging",
    "dictConfig": "configures logging",
    "fileConfig": "configures logging",
    "addHandler": "configures logging",
    "setLevel": "configures logging",
    "simplefilter": "changes the global warnings filters",
    "filterwarnings": "changes the global warnings filters",
    "seed": "seeds the global random generator",
    "stdin": "reads the terminal",
    "stdout": "writes to the terminal",
    "stderr": "writes to the terminal",
    "argv": "reads the command line",
}
# Reading its own package data (the Medway wards) is allowed to one module of pact_core.testing alone.
READS_PACKAGE_DATA = "testing/_scenarios.py"
PACKAGE_DATA = {"resources", "get_data", "files"}
RANDOM_FUNCTIONS = {
    "random", "randint", "randrange", "choice", "choices", "shuffle", "sample", "uniform",
    "gauss", "getrandbits", "randbytes", "triangular", "betavariate", "expovariate",
    "normalvariate", "SystemRandom",
}  # fmt: skip


def problems_in(source: str, *, allow_package_data: bool = False) -> list[str]:
    """Every I/O or hidden-state construct in *source*, as ``line: what``."""
    checker = _Checker(allow_package_data=allow_package_data)
    checker.visit(ast.parse(source))
    return checker.found


class _Checker(ast.NodeVisitor):
    def __init__(self, *, allow_package_data: bool) -> None:
        self.allow_package_data = allow_package_data
        self.found: list[str] = []
        self.random_names: set[str] = set()  # names bound to the global generator's functions

    def report(self, node: ast.stmt | ast.expr, what: str) -> None:
        self.found.append(f"{node.lineno}: {what}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if _forbidden_module(alias.name):
                self.report(node, f"import {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if _forbidden_module(module):
            self.report(node, f"from {module} import ...")
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name in FORBIDDEN_ATTRIBUTES:
                self.report(node, f"from {module} import {alias.name}")
            if module == "random" and alias.name in RANDOM_FUNCTIONS:
                self.random_names.add(bound)
            if module == "random" and alias.name == "Random":
                self.random_names.add(f"{bound}()")
            reads_data = module in {"importlib", "pkgutil"} and alias.name in PACKAGE_DATA
            if reads_data and not self.allow_package_data:
                self.report(node, "reads package data")

    def visit_Global(self, node: ast.Global) -> None:
        self.report(node, f"global {', '.join(node.names)}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in FORBIDDEN_ATTRIBUTES:
            self.report(node, f".{node.attr} {FORBIDDEN_ATTRIBUTES[node.attr]}")
        reads_data = node.attr in PACKAGE_DATA and _root_name(node.value) in {
            "importlib",
            "pkgutil",
        }
        if reads_data and not self.allow_package_data:
            self.report(node, "reads package data")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        seeded = bool(node.args or node.keywords)
        if isinstance(function, ast.Name):
            if function.id in FORBIDDEN_CALLS:
                self.report(node, f"{function.id}()")
            elif function.id in self.random_names:
                self.report(node, f"{function.id}() uses the global random generator")
            elif f"{function.id}()" in self.random_names and not seeded:
                self.report(node, f"{function.id}() without a seed")
        elif isinstance(function, ast.Attribute) and _root_name(function.value) == "random":
            if function.attr in RANDOM_FUNCTIONS:
                self.report(node, f"random.{function.attr}() uses the global random generator")
            elif function.attr == "Random" and not seeded:
                self.report(node, "random.Random() without a seed")
        self.generic_visit(node)


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _forbidden_module(name: str) -> bool:
    return any(name == bad or name.startswith(f"{bad}.") for bad in FORBIDDEN_MODULES)


SOURCES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(SRC)) for p in SOURCES])
def test_source_does_no_io_and_keeps_no_hidden_state(path: Path) -> None:
    reader = path.relative_to(SRC).as_posix() == READS_PACKAGE_DATA
    assert problems_in(path.read_text(encoding="utf-8"), allow_package_data=reader) == []


def test_only_one_module_reads_package_data_and_it_does() -> None:
    source = (SRC / READS_PACKAGE_DATA).read_text(encoding="utf-8")
    assert problems_in(source) == ["7: reads package data"]


def test_the_sources_were_found() -> None:
    assert {p.name for p in SOURCES} >= {"__init__.py", "errors.py", "intervals.py"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("open('x')", "1: open()"),
        ("print(1)", "1: print()"),
        ("input()", "1: input()"),
        ("import datetime\ndatetime.datetime.now()", "2: .now reads the clock: take as_of instead"),
        (
            "from datetime import date\ndate.today()",
            "2: .today reads the clock: take as_of instead",
        ),
        (
            "import datetime as dt\ndt.datetime.utcnow()",
            "2: .utcnow reads the clock: take as_of instead",
        ),
        ("import time\ntime.time()", "1: import time"),
        ("from time import time", "1: from time import ..."),
        ("import os\nos.environ['X']", "2: .environ reads the environment"),
        ("from os import getenv as g", "1: from os import getenv"),
        ("import socket", "1: import socket"),
        ("import os.path", "1: import os.path"),
        ("import sys\nsys.stdout.write('x')", "2: .stdout writes to the terminal"),
        ("import urllib.request", "1: import urllib.request"),
        ("from http import client", "1: from http import ..."),
        ("import subprocess", "1: import subprocess"),
        ("import logging\nlogging.basicConfig()", "2: .basicConfig configures logging"),
        ("import logging.config", "1: import logging.config"),
        (
            "import random\nrandom.choice([1])",
            "2: random.choice() uses the global random generator",
        ),
        ("import random\nrandom.Random()", "2: random.Random() without a seed"),
        (
            "from random import shuffle\nshuffle([])",
            "2: shuffle() uses the global random generator",
        ),
        ("from random import Random\nRandom()", "2: Random() without a seed"),
        ("x = 0\ndef f():\n    global x", "3: global x"),
        ("import importlib.resources\nimportlib.resources.files('x')", "2: reads package data"),
        ("from importlib import resources", "1: reads package data"),
    ],
)
def test_the_checker_catches(source: str, expected: str) -> None:
    assert expected in problems_in(source)


@pytest.mark.parametrize(
    "source",
    [
        "import random\nrandom.Random(42).random()",
        "from random import Random\nRandom(seed).choice([1])",
        "import datetime as dt\ndt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)",
        "text = 'open(print(now))'  # open() in a comment",
        "from importlib import resources",
    ],
)
def test_the_checker_allows(source: str) -> None:
    allow = "resources" in source
    assert problems_in(source, allow_package_data=allow) == []
