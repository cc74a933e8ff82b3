"""Laws of the selection rules, and agreement with pref_voting and abcvoting on tie-free profiles."""

from __future__ import annotations

import unittest.mock
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from abcvoting import abcrules
from abcvoting.preferences import Profile as ApprovalProfile
from abcvoting.preferences import Voter
from hypothesis import given, settings
from hypothesis import strategies as st
from pref_voting.profiles import Profile
from pref_voting.voting_methods import borda as pv_borda
from pref_voting.voting_methods import instant_runoff as pv_instant_runoff
from pref_voting.voting_methods import plurality as pv_plurality

from pact_core.errors import ExceptionGroup, InvalidBallot
from pact_core.selection import (
    ApprovalBallot,
    RankedBallot,
    RankedProfile,
    ScoreBallot,
    SurplusTransfer,
    TieBreak,
    approval,
    borda,
    plurality,
    score,
    stv,
)
from pact_core.selection import profile as profile_module
from pact_core.selection import ranked_ballots as build_ranked
from pact_core.testing import approval_ballots, ranked_ballots, score_ballots

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

CANDIDATES = st.sampled_from(range(5))
RANKED = st.lists(ranked_ballots(candidates=CANDIDATES), max_size=12)
RULES = (plurality, borda, stv)


def _complete(n: int) -> st.SearchStrategy[list[RankedBallot[Any]]]:
    return st.lists(
        ranked_ballots(n, candidates=st.sampled_from(range(n)), weights=st.integers(1, 9)),
        min_size=1,
        max_size=15,
    )


# ----------------------------------------------------------------------------- laws


@given(RANKED, st.integers(1, 4), st.data())
def test_a_candidate_first_on_every_ballot_wins_every_rule(
    ballots: list[RankedBallot[int]], seats: int, data: st.DataObject
) -> None:
    favourite = data.draw(CANDIDATES)
    unanimous = [
        RankedBallot((favourite, *(c for c in b.ranking if c != favourite)), weight=b.weight)
        for b in ballots
    ] or [RankedBallot((favourite,))]
    for rule in RULES:
        assert rule(unanimous, seats=seats).chosen[0] == favourite, rule.__name__
    approvals = [ApprovalBallot({favourite}, weight=b.weight) for b in unanimous]
    assert approval(approvals, seats=seats).chosen[0] == favourite
    scores = [ScoreBallot({favourite: 5, **dict.fromkeys(b.ranking[1:], 4)}) for b in unanimous]
    assert score(scores, seats=seats).chosen[0] == favourite


@given(RANKED, st.integers(1, 4), st.randoms(use_true_random=False))
def test_the_order_of_ballots_does_not_matter(
    ballots: list[RankedBallot[int]], seats: int, random: Any
) -> None:
    shuffled = list(ballots)
    random.shuffle(shuffled)
    for rule in RULES:
        assert rule(shuffled, seats=seats) == rule(ballots, seats=seats)


@given(st.lists(approval_ballots(candidates=CANDIDATES)), st.randoms(use_true_random=False))
def test_approval_and_score_ignore_ballot_order(
    ballots: list[ApprovalBallot[int]], random: Any
) -> None:
    shuffled = list(ballots)
    random.shuffle(shuffled)
    assert approval(shuffled) == approval(ballots)
    scored = [ScoreBallot(dict.fromkeys(b.approved, 3), weight=b.weight) for b in ballots]
    assert score(list(reversed(scored)), aggregate="mean") == score(scored, aggregate="mean")


@given(st.lists(approval_ballots(candidates=CANDIDATES), min_size=1), st.integers(1, 4), st.data())
def test_more_approval_for_a_winner_never_makes_it_lose(
    ballots: list[ApprovalBallot[int]], seats: int, data: st.DataObject
) -> None:
    before = approval(ballots, seats=seats, candidates=range(5))
    winner = data.draw(st.sampled_from(before.chosen))
    index = data.draw(st.integers(0, len(ballots) - 1))
    more = list(ballots)
    more[index] = ApprovalBallot(ballots[index].approved | {winner}, weight=ballots[index].weight)
    assert winner in approval(more, seats=seats, candidates=range(5)).chosen


@given(RANKED, st.integers(1, 6))
def test_selections_are_well_formed_and_repeatable(
    ballots: list[RankedBallot[int]], seats: int
) -> None:
    for rule in RULES:
        result = rule(ballots, seats=seats)
        assert result == rule(ballots, seats=seats)
        assert len(set(result.chosen)) == len(result.chosen)
        assert set(result.chosen) <= set(result.candidates)
        assert len(result.chosen) == min(seats, len(result.candidates))
        assert result.abstentions == sum(b.weight for b in ballots if not b.ranking)
        for tie in result.ties:
            assert sorted(tie.order) == list(tie.candidates)


@given(RANKED, st.integers(1, 4), st.sampled_from(SurplusTransfer), st.sampled_from([None, 5, 0]))
def test_stv_conserves_votes(
    ballots: list[RankedBallot[int]],
    seats: int,
    transfer: SurplusTransfer,
    decimals: int | None,
) -> None:
    result = stv(ballots, seats=seats, transfer=transfer, decimals=decimals)
    valid = sum(b.weight for b in ballots if b.ranking)
    exhausted = Fraction(0)
    for counted in result.rounds:
        if counted.transfer is not None:
            exhausted += counted.transfer.exhausted
        held = sum(value for _, value in counted.scores)
        # votes are never created; only cutting values to `decimals` places loses any
        assert held + exhausted <= valid
        if decimals is None:
            assert sum(value for _, value in counted.scores) <= valid
    first = result.rounds[0]
    assert sum(value for _, value in first.scores) == valid
    if decimals is None and transfer is SurplusTransfer.WEIGHTED_INCLUSIVE_GREGORY:
        final = sum(value for _, value in result.rounds[-1].scores)
        assert final + exhausted == valid


@given(st.lists(score_ballots(candidates=CANDIDATES)), st.integers(1, 4))
def test_score_sum_is_the_weighted_sum(ballots: list[ScoreBallot[int]], seats: int) -> None:
    result = score(ballots, seats=seats)
    for candidate, total in result.scores().items():
        assert total == sum(b.weight * (b.score_of(candidate) or 0) for b in ballots)


# ----------------------------------------------------------------------------- the peers


def _profile(ballots: list[RankedBallot[int]]) -> Profile:
    return Profile([list(b.ranking) for b in ballots], rcounts=[b.weight for b in ballots])


# pref_voting compiles with numba on first use: no deadline.
@settings(max_examples=200, deadline=None)
@given(st.integers(2, 5).flatmap(_complete))
def test_plurality_and_borda_agree_with_pref_voting(ballots: list[RankedBallot[int]]) -> None:
    profile = _profile(ballots)
    ours = plurality(ballots, seats=1)
    assert ours.scores() == profile.plurality_scores()
    assert ours.chosen[0] in pv_plurality(profile)
    if not ours.ties:
        assert list(ours.chosen) == pv_plurality(profile)
    counted = borda(ballots, seats=1)
    assert counted.scores() == profile.borda_scores()
    assert counted.chosen[0] in pv_borda(profile)
    if not counted.ties:
        assert list(counted.chosen) == pv_borda(profile)


# pref_voting compiles with numba on first use: no deadline.
@settings(max_examples=200, deadline=None)
@given(st.integers(2, 5).flatmap(_complete))
def test_instant_runoff_agrees_with_pref_voting(ballots: list[RankedBallot[int]]) -> None:
    ours = stv(ballots, seats=1)
    if not ours.ties:
        assert list(ours.chosen) == pv_instant_runoff(_profile(ballots))


# pref_voting compiles with numba on first use: no deadline.
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        approval_ballots(candidates=CANDIDATES, weights=st.integers(1, 9)).filter(
            lambda b: bool(b.approved)  # abcvoting refuses empty ballots; ours abstain
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(1, 4),
)
def test_approval_agrees_with_abcvoting(ballots: list[ApprovalBallot[int]], seats: int) -> None:
    profile = ApprovalProfile(5)
    profile.add_voters([Voter(set(b.approved), weight=b.weight) for b in ballots])
    committees = [set(c) for c in abcrules.compute("av", profile, seats, resolute=False)]
    ours = approval(ballots, seats=seats, candidates=range(5))
    assert set(ours.chosen) in committees
    if not any(tie.purpose == "order" for tie in ours.ties):
        assert committees == [set(ours.chosen)]


# ----------------------------------------------------------------------------- profiles


@given(RANKED, st.integers(1, 4), st.sampled_from(SurplusTransfer), st.sampled_from([None, 5, 0]))
def test_a_profile_counts_exactly_as_its_ballots(
    ballots: list[RankedBallot[int]],
    seats: int,
    transfer: SurplusTransfer,
    decimals: int | None,
) -> None:
    profile = RankedProfile.from_ballots(ballots)
    assert plurality(profile, seats=seats) == plurality(ballots, seats=seats)
    assert borda(profile, seats=seats) == borda(ballots, seats=seats)
    chain = [TieBreak.earlier_rounds()]
    assert stv(profile, seats=seats, transfer=transfer, decimals=decimals, tie_break=chain) == stv(
        ballots, seats=seats, transfer=transfer, decimals=decimals, tie_break=chain
    )
    assert profile.total + profile.abstentions == sum(b.weight for b in ballots)


class _Marked(ApprovalBallot[Any]):
    """An ApprovalBallot of a subclass: `approval` counts it ballot by ballot, the general path."""


@given(
    st.lists(approval_ballots(candidates=st.integers(0, 5)), max_size=20),
    st.integers(1, 3),
    st.none() | st.just(range(6)) | st.just(range(3)),
)
def test_approval_in_bulk_equals_ballot_by_ballot(
    ballots: list[ApprovalBallot[int]], seats: int, candidates: range | None
) -> None:
    # The bulk path weighs each distinct approved set once; the general one counts every ballot.
    marked = [_Marked(b.approved, weight=b.weight) for b in ballots]
    assert _approval_or_problems(marked, seats, candidates) == _approval_or_problems(
        ballots, seats, candidates
    )


def _approval_or_problems(
    ballots: Sequence[ApprovalBallot[int]], seats: int, candidates: range | None
) -> object:
    try:
        return approval(ballots, seats=seats, candidates=candidates)
    except ExceptionGroup as group:  # a ballot names a candidate outside range(3)
        return [str(e) for e in group.exceptions]


@given(
    st.lists(st.lists(st.integers(0, 4), max_size=5) | st.just([1, 1]), max_size=12),
    st.none() | st.lists(st.integers(-1, 4) | st.booleans(), min_size=12, max_size=12),
    st.none() | st.just(range(5)) | st.just(range(2)),
)
def test_a_profile_from_rankings_equals_one_from_ballots(
    rows: list[list[int]], weights: list[int] | None, candidates: range | None
) -> None:
    # from_rankings merges and checks distinct rankings in bulk; through ballots, each is
    # checked alone. Both give the same profile, or the same problems.
    if weights is not None:
        weights = (
            weights[: len(rows)] if len(rows) % 3 else weights
        )  # sometimes one per row, sometimes not
    assert _profile_or_problems(
        lambda: RankedProfile.from_rankings(rows, weights=weights, candidates=candidates)
    ) == _profile_or_problems(
        lambda: RankedProfile.from_ballots(
            build_ranked(rows, weights=weights), candidates=candidates
        )
    )


@given(
    st.lists(st.lists(st.integers(0, 6), max_size=7, unique=True), max_size=30),
    st.none() | st.integers(0, 30),
    st.none() | st.lists(st.integers(1, 2**63 - 1) | st.just(2**63), min_size=31, max_size=31),
    st.none() | st.just(range(7)) | st.just(range(3)),
)
def test_the_numpy_layout_of_many_rankings_equals_the_plain_one(
    rows: list[list[int]],
    twice_at: int | None,
    weights: list[int] | None,
    candidates: range | None,
) -> None:
    # From `_BULK` distinct rankings, numpy sorts and checks them and lays out the counting
    # arrays; with the bar at 1 every profile takes that path, and must equal the plain one.
    if twice_at is not None:  # a ranking that names a candidate twice, somewhere
        rows.insert(min(twice_at, len(rows)), [2, 5, 2])
    if weights is not None:
        weights = weights[: len(rows)]

    def build() -> object:
        return RankedProfile.from_rankings(rows, weights=weights, candidates=candidates)

    plain = _profile_or_problems(build)
    with unittest.mock.patch.object(profile_module, "_BULK", 1):
        laid_out = _profile_or_problems(build)
    assert laid_out == plain
    if isinstance(laid_out, RankedProfile) and isinstance(plain, RankedProfile):
        # The arrays laid out while sorting are those the profile would work out itself.
        fresh = RankedProfile(
            candidates=plain.candidates,
            rankings=plain.rankings,
            weights=plain.weights,
            abstentions=plain.abstentions,
        )
        if sum(plain.weights) < 2**62:
            for made, own in zip(laid_out._arrays, fresh._arrays, strict=True):
                assert made.tolist() == own.tolist()
        assert stv(laid_out, seats=2) == stv(plain, seats=2)


def _profile_or_problems(build: Callable[[], object]) -> object:
    try:
        return build()
    except ExceptionGroup as group:
        return [str(e) for e in group.exceptions]
    except (InvalidBallot, TypeError) as err:
        return (type(err), str(err))
