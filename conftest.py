"""Test-suite set-up shared by tests/, docs/ and README.md.

Hypothesis profiles: ``dev`` (the default, quick), ``ci`` (thorough) and ``mutate`` (for
`.ci/mutate.py`); choose one with the ``HYPOTHESIS_PROFILE`` environment variable.
Sybil runs every ``python`` code block in README.md and docs/*.md, under the ``docs``
profile (20 examples a property).
"""

from __future__ import annotations

import doctest
import os

from hypothesis import HealthCheck, Phase, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

# No explain phase: it re-runs a found example's strategy hundreds of times to say which
# parts of it mattered, which costs 20 s for one `find` of a rich strategy (the toolkit's
# minimal-example tests are all `find`s); a failing property still reports its example.
_PHASES = [phase for phase in Phase if phase is not Phase.explain]
settings.register_profile("dev", max_examples=50, phases=_PHASES)
# 200 examples a property in CI (was 1,000, then 250): the whole run must stay under 20
# minutes on the slowest 2-core machine of its kind, and the properties that find bugs here
# do so well inside 200; tests that need more or fewer scale from this (see `heavy` and
# `light` in the property modules).
settings.register_profile(
    "ci",
    max_examples=200,
    phases=_PHASES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# `.ci/mutate.py`: dev's examples without a deadline, so that a slow run on a busy machine
# is never counted as a mutant killed.
settings.register_profile("mutate", settings.get_profile("dev"), deadline=None)
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(_PROFILE)
# The documentation's examples show how to write a property; they are run to prove that
# they work, not to hunt bugs (the suite's own properties do that), so 20 examples each.
settings.register_profile("docs", settings.get_profile(_PROFILE), max_examples=20)


def _docs_profile(namespace: dict[str, object]) -> None:
    settings.load_profile("docs")


def _back_to_the_suite_s_profile(namespace: dict[str, object]) -> None:
    settings.load_profile(_PROFILE)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md"],
    setup=_docs_profile,
    teardown=_back_to_the_suite_s_profile,
).pytest()
