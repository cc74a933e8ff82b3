"""pact_core's pytest plugin: ready-made forces as fixtures for other projects' test suites.

Installed with ``pip install "pact-core[testing]"``, pytest finds it through the ``pytest11``
entry point. Without the testing extra (no hypothesis), it provides nothing, so it never
breaks a suite that does not use it.

It is a module of its own, outside the ``pact_core`` package, and imports nothing of
pact_core until a test asks for a fixture: pytest loads plugins before coverage starts, so
a plugin inside ``pact_core`` would import the package too early to be measured.

Fixtures (each built once per test session):

* ``pact_synthetic_force``: `pact_core.testing.synthetic_force`, six square wards in three neighbourhoods;
* ``pact_medway_force``: `pact_core.testing.medway_force`, Kent's Medway neighbourhoods on the 24 real wards of 2025.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pact_core.testing import ForceScenario

__all__ = ["pact_medway_force", "pact_synthetic_force"]

if (
    find_spec("hypothesis") is not None
):  # pragma: no branch - the testing extra is installed wherever this is tested

    @pytest.fixture(scope="session")
    def pact_synthetic_force() -> ForceScenario:
        """A small synthetic force whose teams, panels, concerns, queries and roster refer to its map.

        >>> "pact_synthetic_force" in __all__
        True
        """
        from pact_core.testing import synthetic_force  # noqa: PLC0415 - only when a test asks

        return synthetic_force()

    @pytest.fixture(scope="session")
    def pact_medway_force() -> ForceScenario:
        """A real force: Medway's 2025 wards in six neighbourhoods, with teams, panels, concerns, queries and a roster.

        >>> "pact_medway_force" in __all__
        True
        """
        from pact_core.testing import medway_force  # noqa: PLC0415 - only when a test asks

        return medway_force()
