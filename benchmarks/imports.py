"""Import cost of pact_core against attrs alone, as whole processes, side by side in one run.

Run with ``python benchmarks/imports.py``. Each program is started ``-n`` times (20 by
default), the programs interleaved so that the machine's drift touches them all alike,
and the median wall time of each is printed with its cost above ``import attrs``.
Every program runs from bytecode, as an installed copy does (the first, warming run
writes it to a temporary prefix). Bars (issue 15): ``import pact_core`` within 10 ms of ``import attrs``, and
``import pact_core.response`` within 25 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROGRAMS = {
    "python (nothing imported)": "pass",
    "import attrs": "import attrs",
    "import pact_core": "import pact_core",
    "import pact_core.response": "import pact_core.response",
    "import pact_core.calendars": "import pact_core.calendars",
    "import pact_core.geography (shapely)": "import pact_core.geography",
    "import shapely": "import shapely",
}
BARS = {"import pact_core": 5.0, "import pact_core.response": 25.0}


# As a user's installed copy runs: from bytecode. The checkout stays clean (the bytecode
# goes to a temporary prefix), and PYTHONDONTWRITEBYTECODE, set on some machines, would
# otherwise make every run compile pact_core from source.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="pact-imports-")


def run_once(code: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)  # noqa: S603 - our own interpreter
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    times: dict[str, list[float]] = {label: [] for label in PROGRAMS}
    for code in PROGRAMS.values():  # warm the caches once, and write the bytecode
        run_once(code)
    for _ in range(args.n):
        for label, code in PROGRAMS.items():
            times[label].append(run_once(code))
    medians = {label: statistics.median(values) * 1000 for label, values in times.items()}
    attrs_ms = medians["import attrs"]
    print(f"median of {args.n} whole processes each, {sys.version.split()[0]}")
    for label, ms in medians.items():
        above = ms - attrs_ms
        bar = BARS.get(label)
        verdict = (
            "" if bar is None else f"  (bar {bar:.0f} ms: {'met' if above <= bar else 'NOT met'})"
        )
        print(f"  {label:<38} {ms:7.1f} ms  {above:+7.1f} ms vs import attrs{verdict}")


if __name__ == "__main__":
    main()
