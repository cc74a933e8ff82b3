"""Outcomes the public is promised: crime and anti-social behaviour ward by ward, crimes solved and hotspots, from police.uk's street-level data.

pact_core does no I/O: the caller reads police.uk's monthly street-level files (with
`csv.reader`) or its API answers (as parsed JSON) and passes the rows in.
"""

from __future__ import annotations

from pact_core.crime.api import (
    CrimeOutcome,
    crimes_from_policeuk,
    crimes_to_policeuk,
    outcomes_from_policeuk,
    outcomes_to_policeuk,
)
from pact_core.crime.categories import Category, Month, Outcome
from pact_core.crime.compare import RateComparison, before_after
from pact_core.crime.hotspots import Correction, Hotspot, HotspotAnalysis, hotspots
from pact_core.crime.incidence import (
    ASB,
    CRIME,
    Incidence,
    Unplaced,
    incidence,
    incidence_in_places,
    places_mask,
)
from pact_core.crime.pictures import Choropleth, hotspot_map, incidence_map, solved_map
from pact_core.crime.records import CSV_HEADER, Crime, CrimeTable, crimes_from_csv
from pact_core.crime.solved import (
    OutcomePolicy,
    Resolution,
    SolvedShare,
    solved_by_area,
    solved_share,
)

__all__ = [
    "ASB",
    "CRIME",
    "CSV_HEADER",
    "Category",
    "Choropleth",
    "Correction",
    "Crime",
    "CrimeOutcome",
    "CrimeTable",
    "Hotspot",
    "HotspotAnalysis",
    "Incidence",
    "Month",
    "Outcome",
    "OutcomePolicy",
    "RateComparison",
    "Resolution",
    "SolvedShare",
    "Unplaced",
    "before_after",
    "crimes_from_csv",
    "crimes_from_policeuk",
    "crimes_to_policeuk",
    "hotspot_map",
    "hotspots",
    "incidence",
    "incidence_in_places",
    "incidence_map",
    "outcomes_from_policeuk",
    "outcomes_to_policeuk",
    "places_mask",
    "solved_by_area",
    "solved_map",
    "solved_share",
]
