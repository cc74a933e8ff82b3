"""Test-suite set-up shared by tests/, docs/ and README.md.

Hypothesis profiles: ``dev`` (the default, quick) and ``ci`` (thorough); choose one with
the ``HYPOTHESIS_PROFILE`` environment variable.
Sybil runs every ``python`` code block in README.md and docs/*.md.
"""

from __future__ import annotations

import doctest
import os

from hypothesis import HealthCheck, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

settings.register_profile("dev", max_examples=50)
# 250 examples a property in CI (was 1,000): the whole run must stay under 20 minutes on a
# 2-core machine, and the properties that find bugs here do so well inside 250; tests that
# need more or fewer scale from this (see `heavy` and `light` in the property modules).
settings.register_profile(
    "ci",
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md"],
).pytest()
