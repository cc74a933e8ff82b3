"""Strategies for police.uk's street-level data and what pact_core.crime computes from it.

Records are drawn within a small map of four places (a 2 x 2 grid of boxes near Maidstone),
some without a point and some outside the grid, so that every way a row is counted occurs.
Computed values are pact_core's own functions over generated tables.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st
from shapely import box

from pact_core.crime import (
    Category,
    Choropleth,
    Crime,
    CrimeOutcome,
    CrimeTable,
    Hotspot,
    HotspotAnalysis,
    Incidence,
    Month,
    Outcome,
    OutcomePolicy,
    RateComparison,
    Resolution,
    SolvedShare,
    before_after,
    hotspots,
    incidence_in_places,
    incidence_map,
    solved_share,
)
from pact_core.priorities import CategoryMap

__all__ = [
    "PLACES",
    "category_maps",
    "choropleths",
    "crime_hotspots",
    "crime_outcomes",
    "crime_tables",
    "crimes",
    "hotspot_analyses",
    "incidences",
    "months",
    "outcome_policies",
    "rate_comparisons",
    "solved_shares",
]

#: The places generated points fall in: a 2 x 2 grid of boxes near Maidstone (longitude, latitude).
PLACES = {
    f"Place {row}{column}": box(
        0.5 + 0.02 * column, 51.25 + 0.02 * row, 0.52 + 0.02 * column, 51.27 + 0.02 * row
    )
    for row in range(2)
    for column in range(2)
}


def months(*, min_year: int = 2010, max_year: int = 2030) -> st.SearchStrategy[Month]:
    """Generate months of police.uk's data, shrinking to January of *min_year*.

    >>> from hypothesis import find
    >>> find(months(), lambda m: True)
    Month(year=2010, month=1)
    """
    return st.builds(Month, st.integers(min_year, max_year), st.integers(1, 12))


_SIX = st.integers(0, 40_000).map(lambda n: n / 1_000_000)
_POINTS = st.one_of(
    st.none(),
    st.tuples(_SIX, _SIX).map(lambda p: (round(0.5 + p[0], 6), round(51.25 + p[1], 6))),
    st.just((0.7, 51.4)),  # outside every place
)
_IDS = st.text(alphabet="0123456789abcdef", min_size=8, max_size=64)
_TEXT = (
    st.text(alphabet=string.ascii_letters + " &'-", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _crimes(draw: st.DrawFn, month: st.SearchStrategy[Month]) -> Crime:
    category = draw(st.sampled_from(list(Category)))
    point = draw(_POINTS)
    crime = category.is_crime
    return Crime(
        id=draw(_IDS) if crime else None,
        month=draw(month),
        category=category,
        point=point,
        location="No Location" if point is None else "On or near " + draw(_TEXT),
        lsoa_code=None if point is None else draw(st.sampled_from(["E01024367", "E01016015"])),
        lsoa_name=None
        if point is None
        else draw(st.sampled_from(["Maidstone 009B", "Medway 011A"])),
        outcome=draw(st.none() | st.sampled_from(list(Outcome))) if crime else None,
    )


def crimes(*, month: st.SearchStrategy[Month] | None = None) -> st.SearchStrategy[Crime]:
    """Generate crimes and anti-social behaviour as police.uk publishes them (ASB without id or outcome).

    >>> from hypothesis import find
    >>> find(crimes(), lambda c: True).category
    <Category.ANTI_SOCIAL_BEHAVIOUR: 'anti-social-behaviour'>
    """
    return _crimes(months(min_year=2022, max_year=2022) if month is None else month)


def crime_tables(*, max_size: int = 30) -> st.SearchStrategy[CrimeTable]:
    """Generate tables of crimes of one force and publication (August 2022), months January to August 2022.

    >>> from hypothesis import find
    >>> len(find(crime_tables(), lambda t: True))
    0
    """
    month = st.builds(Month, st.just(2022), st.integers(1, 8))
    return st.builds(
        lambda items, force: CrimeTable.from_crimes(items, publication=Month(2022, 8), force=force),
        st.lists(crimes(month=month), max_size=max_size),
        st.sampled_from(["Kent Police", None]),
    )


def crime_outcomes() -> st.SearchStrategy[CrimeOutcome]:
    """Generate outcomes of crimes, as ``outcomes-at-location`` gives them.

    >>> from hypothesis import find
    >>> find(crime_outcomes(), lambda o: True).crime.category.is_crime
    True
    """
    crime = crimes().filter(lambda c: c.category.is_crime)
    return st.builds(
        lambda c, outcome, later, person: CrimeOutcome(
            outcome=outcome, month=c.month + later, crime=c, person_id=person
        ),
        crime,
        st.sampled_from(list(Outcome)),
        st.integers(0, 24),
        st.none() | st.integers(1, 10**6),
    )


def outcome_policies() -> st.SearchStrategy[OutcomePolicy]:
    """Generate outcome policies: the presets, and every outcome classed at random.

    >>> from hypothesis import find
    >>> find(outcome_policies(), lambda p: True).name
    'charged or summonsed, or an out-of-court disposal'
    """
    classes = st.fixed_dictionaries({o: st.sampled_from(list(Resolution)) for o in Outcome})
    return st.one_of(
        st.just(OutcomePolicy.home_office()),
        st.just(OutcomePolicy.charged_only()),
        st.builds(
            lambda c: OutcomePolicy(name="generated", source="hypothesis", classes=c), classes
        ),
    )


def solved_shares() -> st.SearchStrategy[SolvedShare]:
    """Generate solved shares: `pact_core.crime.solved_share` of generated tables.

    >>> from hypothesis import find
    >>> find(solved_shares(), lambda s: True).crimes
    0
    """
    return st.builds(
        lambda table, policy: solved_share(table, policy=policy), crime_tables(), outcome_policies()
    )


def incidences() -> st.SearchStrategy[Incidence]:
    """Generate incidence tables: generated tables counted in `PLACES`.

    >>> from hypothesis import find
    >>> find(incidences(), lambda i: True).total()
    0
    """
    return crime_tables().map(lambda table: incidence_in_places(table, PLACES))


def hotspot_analyses() -> st.SearchStrategy[HotspotAnalysis]:
    """Generate hotspot analyses of generated incidence tables (every area of `PLACES` ranked).

    >>> from hypothesis import find
    >>> len(find(hotspot_analyses(), lambda h: True).areas)
    4
    """
    return st.builds(
        lambda counts, categories: hotspots(counts, categories=categories),
        incidences(),
        st.sampled_from(
            [
                frozenset(c for c in Category if c.is_crime),
                frozenset({Category.ANTI_SOCIAL_BEHAVIOUR}),
            ]
        ),
    )


def crime_hotspots() -> st.SearchStrategy[Hotspot]:
    """Generate single areas of hotspot analyses (named so because `pact_core.crime.hotspots` is the analysis).

    >>> from hypothesis import find
    >>> find(crime_hotspots(), lambda h: True).rank
    1
    """
    return hotspot_analyses().flatmap(lambda analysis: st.sampled_from(analysis.areas))


@st.composite
def rate_comparisons(draw: st.DrawFn) -> RateComparison:
    """Generate before-and-after comparisons of a place against the rest, on tables that cover every month.

    >>> from hypothesis import find
    >>> find(rate_comparisons(), lambda c: True).before
    (Month(year=2022, month=1),)
    """
    table = draw(crime_tables())
    # One anti-social behaviour incident a month outside every place, so that every month holds data.
    filler = CrimeTable.from_crimes(
        [Crime(id=None, month=Month(2022, m), category=Category.ANTI_SOCIAL_BEHAVIOUR, point=(0.7, 51.4),
               location="On or near Road") for m in range(1, 9)],
        publication=Month(2022, 8), force=table.force,
    )  # fmt: skip
    counts = incidence_in_places(table + filler, PLACES)
    split = draw(st.integers(1, 7))
    categories = draw(st.sets(st.sampled_from(list(Category)), min_size=1))
    return before_after(
        counts,
        areas=[draw(st.sampled_from(sorted(PLACES)))],
        categories=categories,
        before=[Month(2022, m) for m in range(1, split + 1)],
        after=[Month(2022, m) for m in range(split + 1, 9)],
    )


def choropleths() -> st.SearchStrategy[Choropleth]:
    """Generate ward maps of generated incidence in `PLACES`.

    >>> from hypothesis import find
    >>> find(choropleths(), lambda c: True).legend
    'incidents'
    """
    return incidences().map(lambda counts: incidence_map(counts, PLACES))


def category_maps() -> st.SearchStrategy[CategoryMap]:
    """Generate maps from priority categories to police.uk's: the default, and random ones.

    >>> from hypothesis import find
    >>> find(category_maps(), lambda m: True).name
    "pact_core's default"
    """
    links = st.dictionaries(
        st.sampled_from(["anti-social behaviour", "drugs", "street drinking", "speeding", "theft"]),
        st.frozensets(st.sampled_from(list(Category)), max_size=3),
        max_size=5,
    )
    return st.just(CategoryMap.default()) | st.builds(
        lambda given: CategoryMap(name="generated", links=given), links
    )
