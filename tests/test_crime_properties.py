"""Laws of pact_core.crime over generated tables: round trips, sums that add, shares that add, tests that stay in range."""

from __future__ import annotations

import copy
import pickle
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.crime import (
    CRIME,
    Category,
    Correction,
    Crime,
    CrimeTable,
    HotspotAnalysis,
    Incidence,
    Month,
    OutcomePolicy,
    RateComparison,
    Resolution,
    crimes_from_csv,
    crimes_from_policeuk,
    crimes_to_policeuk,
    hotspots,
    incidence_in_places,
    solved_share,
)
from pact_core.crime._exact import binomial_upper_tail, fisher_interval, fisher_tails
from pact_core.testing import (
    PLACES,
    crime_tables,
    crimes,
    hotspot_analyses,
    incidences,
    outcome_policies,
    rate_comparisons,
)

light = settings(max_examples=max(10, settings().max_examples // 10))


@light
@given(crime_tables())
def test_street_level_rows_round_trip(table: CrimeTable) -> None:
    again = crimes_from_csv(table.to_csv(), publication=table.publication)
    assert again == table
    assert list(again) == list(table)


@light
@given(crime_tables())
def test_api_crimes_round_trip_to_the_same_crimes(table: CrimeTable) -> None:
    answer = crimes_to_policeuk(table)
    again = crimes_from_policeuk(answer, publication=table.publication)
    assert crimes_to_policeuk(again) == answer
    for ours, theirs in zip(again, table, strict=True):
        assert (ours.id, ours.month, ours.category, ours.point, ours.outcome) == (
            theirs.id, theirs.month, theirs.category, theirs.point, theirs.outcome,
        )  # fmt: skip


@light
@given(crimes())
def test_crimes_pickle_and_copy(crime: Crime) -> None:
    assert pickle.loads(pickle.dumps(crime)) == crime  # noqa: S301 - our own bytes
    assert copy.deepcopy(crime) == crime


@light
@given(crime_tables(), crime_tables())
def test_incidence_of_two_tables_is_the_sum_of_their_incidence(
    first: CrimeTable, second: CrimeTable
) -> None:
    if (
        (first.force, first.reported_by) != (second.force, second.reported_by)
        and len(first)
        and len(second)
    ):
        second = CrimeTable.from_crimes(
            list(second), publication=second.publication, force=first.force
        )
    whole = incidence_in_places(first + second, PLACES)
    assert whole == incidence_in_places(first, PLACES) + incidence_in_places(second, PLACES)
    assert whole.total() == len(first) + len(second) + _in_two_places(first + second)


def _in_two_places(table: CrimeTable) -> int:
    """Points counted twice: the generated places touch along their edges."""
    extra = 0
    for crime in table:
        if crime.point is not None:
            from shapely import Point  # noqa: PLC0415

            extra += max(
                0, sum(shape.intersects(Point(crime.point)) for shape in PLACES.values()) - 1
            )
    return extra


@light
@given(crime_tables(), outcome_policies(), st.integers(1, 8))
def test_solved_shares_add_over_a_partition_of_months(
    table: CrimeTable, policy: OutcomePolicy, split: int
) -> None:
    early = [Month(2022, m) for m in range(1, split)]
    late = [Month(2022, m) for m in range(split, 9)]
    whole = solved_share(table, policy=policy)
    parts = solved_share(table, policy=policy, months=early) + solved_share(
        table, policy=policy, months=late
    )
    assert parts == whole
    assert whole.crimes == sum(1 for c in table if c.category.is_crime)
    solved_outcomes = sum(
        1
        for c in table
        if c.outcome is not None and policy.resolution(c.outcome) is Resolution.SOLVED
    )
    assert whole.solved == solved_outcomes


@light
@given(incidences())
def test_rows_are_plain_and_add_up(counts: Incidence) -> None:
    rows = counts.rows()
    assert sum(n for *_, n in rows) == counts.total()
    assert all(isinstance(v, str | int) for r in rows for v in r)
    assert list(rows) == sorted(
        rows,
        key=lambda r: (counts.areas.index(r[0]), r[1], [c.value for c in Category].index(r[2])),
    )


@light
@given(hotspot_analyses())
def test_hotspot_ranks_and_curve(analysis: HotspotAnalysis) -> None:
    areas = analysis.areas
    assert [a.rank for a in areas] == list(range(1, len(areas) + 1))
    assert sum(a.expected for a in areas) == analysis.total
    assert all(0 <= a.p_value <= a.adjusted <= 1 for a in areas)
    curve = analysis.concentration
    assert all(share >= share_of_areas or analysis.total == 0 for share_of_areas, share in curve)


@light
@given(incidences(), st.sampled_from(list(Correction)))
def test_a_hotspot_under_a_weaker_correction_stays_one(
    counts: Incidence, correction: Correction
) -> None:
    strict = {
        h.area
        for h in hotspots(counts, categories=CRIME, correction=Correction.BONFERRONI).hotspots
    }
    weaker = {h.area for h in hotspots(counts, categories=CRIME, correction=correction).hotspots}
    assert strict <= weaker


@light
@given(rate_comparisons())
def test_the_interval_holds_the_ratio_and_the_p_value_is_a_probability(
    comparison: RateComparison,
) -> None:
    low, high = comparison.interval
    ratio = comparison.ratio
    assert 0 <= low <= high
    assert 0 <= comparison.p_value <= 1
    if ratio is not None and ratio > 0:
        assert low * (1 - 1e-9) <= ratio <= high * (1 + 1e-9)


@given(st.integers(0, 60), st.integers(0, 60), st.floats(0.001, 0.999))
def test_binomial_tails_are_monotone_and_complementary(k: int, n: int, p: float) -> None:
    upper = binomial_upper_tail(k, n, p)
    assert 0 <= upper <= 1
    assert binomial_upper_tail(k + 1, n, p) <= upper + 1e-12
    exact = sum(
        Fraction(_choose(n, j)) * Fraction(p) ** j * (1 - Fraction(p)) ** (n - j)
        for j in range(k, n + 1)
    )
    assert abs(upper - float(exact)) <= 1e-9


def _choose(n: int, k: int) -> int:
    from math import comb  # noqa: PLC0415

    return comb(n, k)


@light
@given(st.tuples(*[st.integers(0, 25)] * 4))
def test_fisher_tails_cover_the_distribution(table: tuple[int, int, int, int]) -> None:
    lower, upper = fisher_tails(table)
    assert 0 <= lower <= 1
    assert 0 <= upper <= 1
    assert lower + upper >= 1 - 1e-9  # the observed table is in both
    low, high = fisher_interval(table, 0.95)
    assert 0 <= low <= high
