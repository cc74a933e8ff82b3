"""The police.uk JSON shapes, as plain Python data: the one module that knows them.

The caller does the HTTP and parses the JSON; pact_core converts the parsed answers into
its values and back. Every reader reports every bad field of an answer at once, each an
`pact_core.errors.InvalidPoliceData` naming its JSON path (``[3]["issue-date"]``). Text
that came in as HTML is read as plain text and never goes out unescaped; numbers sent as
strings are numbers; dates without a time zone are read in a caller-given ``tz``.

>>> from pact_core.policeuk import NeighbourhoodReference
>>> NeighbourhoodReference.from_policeuk({"id": "N1", "name": "Leake &amp; Keyworth"}).name
'Leake & Keyworth'
"""

from __future__ import annotations

from pact_core.policeuk._reading import html_to_text, text_to_html
from pact_core.policeuk.activity import (
    PoliceEvent,
    PolicePriority,
    events_from_policeuk,
    priorities_from_policeuk,
)
from pact_core.policeuk.boundaries import boundary_from_policeuk, boundary_to_policeuk
from pact_core.policeuk.forces import (
    EngagementMethod,
    Force,
    ForceReference,
    LocatedNeighbourhood,
    NeighbourhoodDetails,
    NeighbourhoodReference,
    Place,
    PoliceLink,
    forces_from_policeuk,
    neighbourhoods_from_policeuk,
)
from pact_core.policeuk.people import members_from_policeuk, team_to_policeuk

__all__ = [
    "EngagementMethod",
    "Force",
    "ForceReference",
    "LocatedNeighbourhood",
    "NeighbourhoodDetails",
    "NeighbourhoodReference",
    "Place",
    "PoliceEvent",
    "PoliceLink",
    "PolicePriority",
    "boundary_from_policeuk",
    "boundary_to_policeuk",
    "events_from_policeuk",
    "forces_from_policeuk",
    "html_to_text",
    "members_from_policeuk",
    "neighbourhoods_from_policeuk",
    "priorities_from_policeuk",
    "team_to_policeuk",
    "text_to_html",
]
