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
settings.register_profile(
    "ci",
    max_examples=1000,
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
