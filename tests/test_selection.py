"""Selection rules counted by hand: plurality, approval, Borda, score and STV, with their ties."""

from __future__ import annotations

import importlib
import pickle
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from pact_core.errors import ExceptionGroup, InvalidBallot, InvalidChoice, InvalidElection
from pact_core.selection import (
    CANDIDATE_ID,
    ApprovalBallot,
    RankedBallot,
    RankedProfile,
    ScoreBallot,
    Selection,
    SurplusTransfer,
    TieBreak,
    approval,
    approval_ballots,
    borda,
    plurality,
    ranked_ballots,
    score,
    score_ballots,
    stv,
)

if TYPE_CHECKING:
    from collections.abc import Iterable


def _exact(pairs: Iterable[tuple[str, Fraction]]) -> list[tuple[str, object]]:
    """The pairs as a list, to compare with whole numbers (a Fraction equals its int)."""
    return list(pairs)


# ----------------------------------------------------------------------------- ballots


def test_ranked_ballot_shape() -> None:
    ballot = RankedBallot(["a", "b"], weight=2)
    assert ballot.ranking == ("a", "b")
    assert ballot.first == "a"
    assert ballot.candidates == {"a", "b"}
    assert RankedBallot([]).first is None
    assert pickle.loads(pickle.dumps(ballot))  # noqa: S301 - our own bytes == ballot
    with pytest.raises(
        InvalidBallot, match=r"^ranking must rank each candidate once, got \['a', 'b'\]$"
    ):
        RankedBallot(["a", "b", "a", "c", "b"])
    with pytest.raises(InvalidBallot, match="^weight must be at least 1, got 0$"):
        RankedBallot(["a"], weight=0)
    with pytest.raises(TypeError, match="^weight must be an int, got True$"):
        RankedBallot(["a"], weight=True)


def test_score_ballot_shape() -> None:
    ballot = ScoreBallot({"b": 1, "a": 3}, minimum=1, maximum=3)
    assert ballot.scores == (("a", 3), ("b", 1))
    assert ballot.score_of("b") == 1
    assert ballot.candidates == {"a", "b"}
    assert hash(ballot) == hash(ScoreBallot({"a": 3, "b": 1}, minimum=1, maximum=3))
    with pytest.raises(InvalidBallot, match=r"^scores must lie from 1 to 3, got \{'b': 0\}$"):
        ScoreBallot({"a": 3, "b": 0}, minimum=1, maximum=3)
    with pytest.raises(InvalidBallot, match="^maximum must be above minimum, got 1$"):
        ScoreBallot({}, minimum=1, maximum=1)
    with pytest.raises(TypeError, match="^scores must be ints, got 2.5$"):
        ScoreBallot({"a": 2.5})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="^scores must be a mapping"):
        ScoreBallot([("a", 1)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^maximum must be an int"):
        ScoreBallot({}, maximum=5.0)  # type: ignore[arg-type]


def test_builders_report_every_bad_row_with_its_index() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        ranked_ballots([["a"], ["b", "b"], [], ["c", "d", "c"]], weights=[1, 1, -2, 1])
    errors = caught.value.exceptions
    assert [(e.index, str(e)) for e in errors if isinstance(e, InvalidBallot)] == [
        (1, "ballots[1].ranking must rank each candidate once, got ['b']"),
        (2, "ballots[2].weight must be at least 1, got -2"),
        (3, "ballots[3].ranking must rank each candidate once, got ['c']"),
    ]
    assert str(caught.value).startswith("3 of 4 ballots are not valid")
    with pytest.raises(ExceptionGroup) as caught:
        score_ballots([{"a": 6}, {"a": 2}, {"b": -1}], maximum=5)
    assert [e.index for e in caught.value.exceptions if isinstance(e, InvalidBallot)] == [0, 2]
    with pytest.raises(
        InvalidBallot, match=r"^weights must give one weight per ballot \(2\), got \[1\]$"
    ):
        approval_ballots([{"a"}, {"b"}], weights=[1])
    assert approval_ballots([{"a"}], weights=[4])[0] == ApprovalBallot({"a"}, weight=4)


# ----------------------------------------------------------------------------- one-round rules


def test_plurality_counts_first_preferences_with_weights() -> None:
    ballots = ranked_ballots([["a", "b"], ["b"], ["c", "a"], []], weights=[3, 4, 2, 5])
    result = plurality(ballots, seats=2)
    assert result.chosen == ("b", "a")
    assert result.scores() == {"a": 3, "b": 4, "c": 2}
    assert result.abstentions == 5
    assert result.rule == "plurality"
    assert result.ties == ()
    assert result.rounds[0].elected == ("b", "a")


def test_a_tie_at_the_cut_is_broken_by_the_chain_and_recorded() -> None:
    ballots = ranked_ballots([["a"], ["b"], ["c"], ["c"]])
    plain = plurality(ballots, seats=2)
    assert plain.chosen == ("c", "a")
    (tie,) = plain.ties
    assert (tie.purpose, tie.candidates, tie.order, tie.broken_by) == (
        "order",
        ("a", "b"),
        ("a", "b"),
        CANDIDATE_ID,
    )
    incumbents = TieBreak.by("incumbency", {"b": 1})
    harm = TieBreak.by("harm", {"a": 2, "b": 2})
    result = plurality(ballots, seats=2, tie_break=[harm, incumbents])
    assert result.chosen == ("c", "b")
    assert result.ties[0].broken_by == "incumbency"


def test_a_chain_refines_a_tie_key_by_key() -> None:
    ballots = ranked_ballots([["a"], ["b"], ["c"]])
    harm = TieBreak.by("harm", {"a": 2, "b": 1, "c": 1})
    incumbency = TieBreak.by("incumbency", {"c": 1})
    result = plurality(ballots, seats=3, tie_break=[harm, incumbency])
    assert result.chosen == ("a", "c", "b")
    assert result.ties[0].broken_by == "incumbency"


def test_ties_after_the_cut_do_not_matter_and_are_not_reported() -> None:
    ballots = ranked_ballots([["a"], ["a"], ["b"], ["c"]])
    assert plurality(ballots, seats=1).ties == ()


def test_tie_break_prefer_lower_and_missing_values() -> None:
    ballots = ranked_ballots([["a"], ["b"], ["c"]])
    earliest = TieBreak.by("earliest raised", {"c": 1, "b": 2}, prefer="lower")
    result = plurality(ballots, seats=3, tie_break=[earliest])
    # a is not mentioned, so it comes after those that are
    assert result.chosen == ("c", "b", "a")
    assert result.ties[0].broken_by == "earliest raised"


def test_fewer_candidates_than_seats() -> None:
    result = approval([ApprovalBallot({"a"})], seats=3, candidates=["a", "b"])
    assert result.chosen == ("a", "b")
    assert result.unfilled == 1
    empty: Selection[str] = plurality([], seats=3)
    assert (empty.chosen, empty.unfilled, empty.candidates) == ((), 3, ())


def test_approval_counts_each_approval() -> None:
    ballots = approval_ballots([{"a", "b"}, {"b", "c"}, {"b"}, set()], weights=[2, 1, 1, 7])
    result = approval(ballots, seats=2)
    assert result.scores() == {"a": 2, "b": 4, "c": 1}
    assert result.chosen == ("b", "a")
    assert result.abstentions == 7


def test_borda_complete_and_truncated_ballots() -> None:
    # n = 4: a full ballot gives 3, 2, 1, 0; a ballot ranking one gives 3 and 2/3... no:
    # the three unranked share 2 + 1 + 0 = 3 points, 1 each.
    ballots = ranked_ballots([["a", "b", "c", "d"], ["d"], ["c", "b"]], weights=[2, 1, 1])
    result = borda(ballots, seats=4)
    expected = {
        "a": 2 * 3 + 1 + Fraction(1, 2),
        "b": 2 * 2 + 1 + 2,
        "c": 2 * 1 + 1 + 3,
        "d": 2 * 0 + 3 + Fraction(1, 2),
    }
    assert result.scores() == expected
    assert result.chosen == ("a", "b", "c", "d")
    # every ballot gives the same total, 0 + 1 + 2 + 3 = 6 points
    assert sum(result.scores().values()) == 6 * 4


def test_score_sum_and_mean_with_quorum() -> None:
    ballots = score_ballots(
        [{"a": 5}, {"b": 4, "c": 1}, {"b": 3, "c": 2}, {}], maximum=5, weights=[1, 1, 1, 2]
    )
    total = score(ballots, seats=3)
    assert total.scores() == {"a": 5, "b": 7, "c": 3}
    assert total.chosen == ("b", "a", "c")
    assert total.rule == "score (sum)"
    assert total.abstentions == 2
    mean = score(ballots, seats=3, aggregate="mean")
    assert mean.scores() == {"a": 5, "b": Fraction(7, 2), "c": Fraction(3, 2)}
    assert mean.chosen == ("a", "b", "c")
    quorate = score(ballots, seats=3, aggregate="mean", quorum=2)
    assert quorate.chosen == ("b", "c", "a")
    unscored = score(ballots, seats=1, candidates=["a", "b", "c", "z"], aggregate="mean")
    assert unscored.scores()["z"] == 0


def test_score_ballots_must_share_a_range() -> None:
    ballots = [
        ScoreBallot({"a": 1}),
        ScoreBallot({"a": 7}, maximum=10),
        ScoreBallot({"a": 2}, minimum=1),
    ]
    with pytest.raises(ExceptionGroup) as caught:
        score(ballots)
    assert [str(e) for e in caught.value.exceptions] == [
        "ballots[1] must be scored from 0 to 5 as the first is, got (0, 10)",
        "ballots[2] must be scored from 0 to 5 as the first is, got (1, 5)",
    ]


def test_unknown_candidates_are_reported_all_at_once() -> None:
    ballots = ranked_ballots([["a", "x"], ["b"], ["y", "z"]])
    with pytest.raises(ExceptionGroup) as caught:
        borda(ballots, candidates=["a", "b"])
    assert [(e.index, str(e)) for e in caught.value.exceptions if isinstance(e, InvalidBallot)] == [
        (0, "ballots[0] must name only the candidates, got ['x']"),
        (2, "ballots[2] must name only the candidates, got ['y', 'z']"),
    ]


def test_argument_errors() -> None:
    with pytest.raises(InvalidElection, match="^seats must be at least 1, got 0$"):
        plurality([], seats=0)
    with pytest.raises(TypeError, match="^seats must be an int"):
        plurality([], seats=2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^ballots must be RankedBallot values"):
        plurality([ApprovalBallot({"a"})])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^tie_break must be TieBreak values"):
        plurality([], tie_break=["harm"])  # type: ignore[list-item]
    with pytest.raises(
        InvalidChoice, match="^aggregate must be one of 'sum', 'mean', got 'median'$"
    ):
        score([], aggregate="median")  # type: ignore[arg-type]
    with pytest.raises(InvalidElection, match="^quorum must be at least 1, got 0$"):
        score([], quorum=0)
    with pytest.raises(TypeError, match="^quorum must be an int"):
        score([], quorum=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidElection, match="^name must not be blank"):
        TieBreak.by(" ", {})
    with pytest.raises(TypeError, match="^values must be a mapping"):
        TieBreak.by("harm", [("a", 1)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^transfer must be a SurplusTransfer"):
        stv([], transfer="meek")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^decimals must be an int"):
        stv([], decimals=2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidElection, match="^decimals must not be negative, got -1$"):
        stv([], decimals=-1)


# ----------------------------------------------------------------------------- STV


def _food() -> list[RankedBallot[str]]:
    """The textbook example: 20 voters, 3 seats (Wikipedia, "Single transferable vote")."""
    return list(
        ranked_ballots(
            [
                ["Oranges"],
                ["Pears", "Oranges"],
                ["Chocolate", "Strawberries"],
                ["Chocolate", "Hamburgers"],
                ["Strawberries"],
                ["Hamburgers"],
            ],
            weights=[4, 2, 8, 4, 1, 1],
        )
    )


def test_textbook_stv_count_with_surplus_and_exclusions() -> None:
    result = stv(_food(), seats=3)
    assert result.quota == 6
    assert result.chosen == ("Chocolate", "Oranges", "Strawberries")
    first, surplus, pears, hamburgers, final = result.rounds
    assert _exact(first.scores) == [
        ("Chocolate", 12),
        ("Oranges", 4),
        ("Pears", 2),
        ("Hamburgers", 1),
        ("Strawberries", 1),
    ]
    # Chocolate's surplus of 6 from 12: every ballot moves on at half its value.
    assert surplus.elected == ("Chocolate",)
    assert surplus.transfer is not None
    assert (surplus.transfer.source, surplus.transfer.reason) == ("Chocolate", "surplus")
    assert surplus.transfer.value == Fraction(1, 2)
    assert _exact(surplus.transfer.received) == [("Hamburgers", 2), ("Strawberries", 4)]
    assert dict(surplus.scores)["Strawberries"] == 5
    assert dict(surplus.scores)["Chocolate"] == 6
    assert pears.excluded == ("Pears",)
    assert pears.elected == ()
    assert dict(pears.scores)["Oranges"] == 6
    # Oranges reach the quota exactly: elected with nothing to move; Hamburgers go out,
    # and their ballots have nowhere to go.
    assert hamburgers.elected == ("Oranges",)
    assert hamburgers.excluded == ("Hamburgers",)
    assert hamburgers.transfer is not None
    assert hamburgers.transfer.exhausted == 3
    # An excluded candidate's ballots move at the value they hold: the transfer says 1.
    assert hamburgers.transfer.reason == "exclusion"
    assert hamburgers.transfer.value == 1
    # one seat left, one continuing candidate: Strawberries are elected without a quota
    assert (final.elected, final.transfer, _exact(final.scores)[-1]) == (
        ("Strawberries",),
        None,
        ("Strawberries", 5),
    )
    assert result.ties == ()


def test_last_seats_go_to_the_continuing_candidates() -> None:
    result = stv(_food(), seats=3)
    assert len(result.rounds) == 5
    final = stv(_food()[:4], seats=3)  # no Strawberries- or Hamburgers-first voters
    assert final.chosen[0] == "Chocolate"
    assert set(final.chosen) == {"Chocolate", "Oranges", "Strawberries"}


def test_values_are_cut_to_five_decimal_places() -> None:
    ballots = ranked_ballots([["a", "b"], ["a", "c"], ["a", "b"], ["a"], ["d"]])
    # quota = 5 // 3 + 1 = 2; a has 4, a surplus of 2: every ballot moves at 1/2
    two = stv(ballots, seats=2)
    assert two.quota == 2
    assert two.rounds[1].transfer is not None
    assert _exact(two.rounds[1].transfer.received) == [("b", 1), ("c", Fraction(1, 2))]
    assert two.rounds[1].transfer.exhausted == Fraction(1, 2)
    sevenths = ranked_ballots([["a", "b"], ["a", "c"], ["d"], ["e"]], weights=[5, 4, 2, 2])
    # quota = 13 // 3 + 1 = 5; a has 9, surplus 4: each ballot moves at 4/9 = 0.44444 (cut)
    counted = stv(sevenths, seats=2)
    moved = counted.rounds[1].transfer
    assert moved is not None
    assert moved.received == (("b", Fraction(222220, 100000)), ("c", Fraction(177776, 100000)))
    exact = stv(sevenths, seats=2, decimals=None)
    exact_moved = exact.rounds[1].transfer
    assert exact_moved is not None
    assert exact_moved.received == (("b", Fraction(20, 9)), ("c", Fraction(16, 9)))


def test_unweighted_inclusive_gregory_moves_every_ballot_at_one_value() -> None:
    ballots = ranked_ballots([["a", "b"], ["a", "c"], ["d"], ["e"]], weights=[5, 4, 2, 2])
    result = stv(ballots, seats=2, transfer=SurplusTransfer.UNWEIGHTED_INCLUSIVE_GREGORY)
    moved = result.rounds[1].transfer
    assert moved is not None
    assert moved.value == Fraction(44444, 100000)
    assert result.rule == "stv (unweighted inclusive gregory)"
    # Counted on a profile's arrays, it gives exactly the same result.
    profile = RankedProfile.from_ballots(ballots)
    assert stv(profile, seats=2, transfer=SurplusTransfer.UNWEIGHTED_INCLUSIVE_GREGORY) == result


def test_weighted_gregory_keeps_the_value_ballots_arrived_with() -> None:
    # x is elected on the first count with a surplus; its ballots reach y at 1/2;
    # y then has a surplus and passes on those ballots at a fraction of 1/2.
    ballots = ranked_ballots([["x", "y", "z"], ["y", "w"], ["z"], ["w"]], weights=[12, 5, 4, 3])
    result = stv(ballots, seats=3, decimals=None)
    assert result.quota == 7
    assert result.chosen[:2] == ("x", "y")
    y_surplus = next(
        r.transfer for r in result.rounds if r.transfer is not None and r.transfer.source == "y"
    )
    # y holds 5 ballots at 1 and 12 at 5/12 (total 10): surplus 3, factor 3/10.
    assert y_surplus.value == Fraction(3, 10)
    assert y_surplus.received == (("w", Fraction(3, 2)), ("z", Fraction(3, 2)))


def test_stv_with_one_seat_is_instant_runoff() -> None:
    ballots = ranked_ballots([["a", "b", "c"], ["b", "c", "a"], ["c", "b", "a"]], weights=[4, 3, 2])
    # no majority (quota 5); c is excluded, its 2 go to b, who wins with 5
    result = stv(ballots, seats=1)
    assert result.chosen == ("b",)
    assert [r.excluded for r in result.rounds] == [(), ("c",), ()]


def test_exclusion_ties_use_earlier_rounds_then_the_highest_id_goes() -> None:
    # After the first round, b and c tie at 2 for last; in round 1 c had more
    ballots = ranked_ballots([["a"], ["b"], ["c"], ["d", "b"]], weights=[5, 1, 2, 1])
    plain = stv(ballots, seats=1, candidates=["a", "b", "c", "d"])
    scottish = stv(ballots, seats=1, tie_break=[TieBreak.earlier_rounds()])
    assert plain.chosen == scottish.chosen == ("a",)
    assert plain.ties == scottish.ties == ()
    ballots = ranked_ballots(
        [["a", "c"], ["b", "c"], ["c"], ["d", "b"], ["e"]], weights=[4, 1, 2, 1, 4]
    )
    # round 1: a 4, e 4, c 2, b 1, d 1 -> b and d tie for exclusion at 1
    plain = stv(ballots, seats=1)
    exclusion = next(t for t in plain.ties if t.purpose == "exclusion")
    assert exclusion.candidates == ("b", "d")
    assert exclusion.order == ("b", "d")
    assert exclusion.broken_by == CANDIDATE_ID
    assert plain.rounds[1].excluded == ("d",)


def test_earlier_rounds_key_decides_when_the_history_differs() -> None:
    # Round 1: a 6, b 3, c 3, d 2 (quota 8 of 14 for one seat).
    # d is excluded and its 2 go to b -> hmm, arrange for c to catch b instead:
    ballots = ranked_ballots([["a"], ["b"], ["c"], ["d", "c"], ["e", "b"]], weights=[6, 3, 2, 1, 1])
    # round 1: a 6, b 3, c 2, d 1, e 1 -> d and e tie; e (higher id) goes, b reaches 4
    # round 2 ... c 2, d 1 -> d goes, c reaches 3; round 3: b 4, c 3 -> c goes
    result = stv(ballots, seats=1, tie_break=[TieBreak.earlier_rounds()])
    assert result.ties[0].candidates == ("d", "e")
    assert result.ties[0].broken_by == CANDIDATE_ID
    tied_later = ranked_ballots(
        [["a"], ["b"], ["c", "b"], ["d", "b"], ["e", "c"], ["f"]], weights=[9, 4, 3, 1, 2, 5]
    )
    # round 1: a 9, f 5, b 4, c 3, e 2, d 1 -> d out, b 5 ; round 2: a 9, b 5, f 5, c 3, e 2
    # e out -> c 5; round 3: a 9, b 5, c 5, f 5 -> three-way tie; earliest difference: f 5 > b 4 > c 3
    for latest, expected_out in ((False, "c"), (True, "c")):
        result = stv(tied_later, seats=1, tie_break=[TieBreak.earlier_rounds(latest=latest)])
        tie = next(t for t in result.ties if len(t.candidates) == 3)
        assert tie.order[-1] == expected_out
        assert tie.broken_by.endswith("earlier round")


def test_simultaneous_election_and_surplus_order() -> None:
    ballots = ranked_ballots([["a", "c"], ["b", "c"], ["c"], ["d"]], weights=[4, 4, 1, 1])
    # quota = 10 // 4 + 1 = 3: a and b both elected on 4, tied: a first; equal surpluses
    result = stv(ballots, seats=3)
    assert result.chosen[:2] == ("a", "b")
    assert [t.purpose for t in result.ties] == ["order", "surplus"]
    assert result.chosen[2] == "c"


def test_a_profile_merges_identical_rankings_and_fixes_its_candidates() -> None:
    profile = RankedProfile.from_rankings(
        [["b", "a"], ["a"], ["b", "a"], []], weights=[1, 2, 3, 4], candidates=["a", "b", "c"]
    )
    assert profile.candidates == ("a", "b", "c")
    assert (profile.rankings, profile.weights, profile.abstentions) == (((0,), (1, 0)), (2, 4), 4)
    assert profile.total == 6
    assert plurality(profile, seats=2).chosen == ("b", "a")
    with pytest.raises(
        InvalidElection, match="^candidates must be given when the profile is built"
    ):
        borda(profile, candidates=["a"])
    with pytest.raises(ExceptionGroup):
        RankedProfile.from_rankings([["a", "z"]], candidates=["a"])
    empty = RankedProfile.from_ballots([RankedBallot([])], candidates=["a", "b"])
    assert stv(empty, seats=1).chosen == ("a",)
    assert plurality(empty, seats=1).scores() == {"a": 0, "b": 0}
    # an exact count, and one too large for whole units in 64 bits, are counted in Python
    big = RankedProfile.from_rankings([["a", "b"], ["b"]], weights=[10**9, 10**9 - 1])
    assert stv(big, seats=1).chosen == ("a",)
    huge = [["a", "b", "c"], ["c"]], [2**60, 2**60 - 1]
    assert borda(RankedProfile.from_rankings(huge[0], weights=huge[1])) == borda(
        ranked_ballots(huge[0], weights=huge[1])
    )
    assert stv(big, seats=1, decimals=None).chosen == ("a",)


def test_stv_when_nobody_votes() -> None:
    result = stv([RankedBallot([])], seats=2, candidates=["a", "b", "c"])
    assert result.abstentions == 1
    assert result.quota == 1
    assert result.chosen == ("a", "b")
    assert result.rounds[1].excluded == ("c",)


def test_a_profile_of_candidates_that_do_not_sort_is_refused_as_through_ballots() -> None:
    from pact_core.selection import RankedProfile  # noqa: PLC0415 - next to its one use

    mixed: list[list[Any]] = [[1, "a"]]
    with pytest.raises(TypeError) as bulk:
        RankedProfile.from_rankings(mixed)
    with pytest.raises(TypeError) as ballots:
        RankedProfile.from_ballots(ranked_ballots(mixed))
    assert str(bulk.value) == str(ballots.value)


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_a_score_ballot_weighs_one_by_default_and_takes_its_weight_by_keyword() -> None:
    ballot = ScoreBallot({"a": 5})
    assert (ballot.minimum, ballot.maximum, ballot.weight) == (0, 5, 1)
    with pytest.raises(TypeError):
        ScoreBallot({"a": 5}, 2)  # type: ignore[call-arg]


def test_score_ballots_range_from_nought_to_five_by_default() -> None:
    (ballot,) = score_ballots([{"a": 0, "b": 5}])
    assert (ballot.minimum, ballot.maximum, ballot.scores) == (0, 5, (("a", 0), ("b", 5)))


def test_a_profile_of_one_candidate() -> None:
    # One candidate is enough to gather ballots: seats are asked for when counting.
    profile = RankedProfile.from_ballots(ranked_ballots([["a"], ["a"]]))
    assert (profile.candidates, profile.rankings, profile.weights) == (("a",), ((0,),), (2,))


@pytest.mark.parametrize(
    "name",
    [
        "RankedProfile",
        "Round",
        "Selection",
        "Tie",
        "TieBreak",
        "Transfer",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.selection"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_a_profile_counts_weights_beyond_int64_exactly() -> None:
    # numpy's int64 would wrap 2**63 round to a negative count and elect the wrong one.
    rows, weights = [["a"], ["a", "b"], ["b"]], [2**62, 2**62, 5]
    by_profile = plurality(RankedProfile.from_rankings(rows, weights=weights), seats=1)
    assert by_profile == plurality(ranked_ballots(rows, weights=weights), seats=1)
    assert by_profile.chosen == ("a",)
    assert _exact(by_profile.rounds[0].scores)[0] == ("a", 2**63)


def test_score_chooses_three_by_default_and_tie_breaks_look_from_the_first_round() -> None:
    ballots = score_ballots([{"a": 5, "b": 4, "c": 3, "d": 2}])
    assert score(ballots).chosen == ("a", "b", "c")
    assert TieBreak.earlier_rounds().latest is False
    assert TieBreak(name="by hand").latest is False


def test_many_long_rankings_are_sorted_column_by_column() -> None:
    # 80 distinct rankings of 40 candidates: too wide for one whole-number key a ranking.
    rows = [[(i + j) % 40 for j in range(40)] for i in range(40)]
    rows += [[(i - j) % 40 for j in range(40)] for i in range(40)]
    profile = RankedProfile.from_rankings(rows)
    assert profile == RankedProfile.from_ballots(ranked_ballots(rows))
    assert list(profile.rankings) == sorted(profile.rankings)
    fresh = RankedProfile(candidates=profile.candidates, rankings=profile.rankings,
                          weights=profile.weights, abstentions=profile.abstentions)  # fmt: skip
    for made, own in zip(profile._arrays, fresh._arrays, strict=True):
        assert made.tolist() == own.tolist()


def test_many_rankings_of_more_candidates_than_a_byte_numbers_are_laid_out_alike() -> None:
    # 300 candidates named: their numbers do not fit in a byte, so numpy reads them instead.
    rows = [[299 - 4 * i - j for j in range(4)] for i in range(75)]
    profile = RankedProfile.from_rankings(rows)
    assert profile == RankedProfile.from_ballots(ranked_ballots(rows))
    assert profile.candidates == tuple(range(300))
    assert profile.rankings[0] == (3, 2, 1, 0)
    fresh = RankedProfile(candidates=profile.candidates, rankings=profile.rankings,
                          weights=profile.weights, abstentions=profile.abstentions)  # fmt: skip
    for made, own in zip(profile._arrays, fresh._arrays, strict=True):
        assert made.tolist() == own.tolist()


def test_many_rankings_weighing_more_than_int64_keep_no_arrays_and_count_exactly() -> None:
    rows = [[i, (i + 1) % 70] for i in range(70)]
    weights = [2**56] * 69 + [2**56 + 1]  # 70 times 2**56: past 2**62 in all
    profile = RankedProfile.from_rankings(rows, weights=weights)
    by_ballots = ranked_ballots(rows, weights=weights)
    assert profile == RankedProfile.from_ballots(by_ballots)
    assert plurality(profile, seats=1) == plurality(by_ballots, seats=1)
    assert plurality(profile, seats=1).chosen == (69,)


def test_a_ranking_naming_someone_twice_among_many_is_reported_as_through_ballots() -> None:
    rows = [[i, (i + 1) % 70] for i in range(70)] + [[3, 4, 3]]
    with pytest.raises(ExceptionGroup) as in_bulk:
        RankedProfile.from_rankings(rows)
    with pytest.raises(ExceptionGroup) as one_by_one:
        ranked_ballots(rows)
    assert [str(e) for e in in_bulk.value.exceptions] == [
        str(e) for e in one_by_one.value.exceptions
    ]
    assert [getattr(e, "index", None) for e in in_bulk.value.exceptions] == [70]


def test_every_rule_chooses_a_panel_s_three_by_default() -> None:
    # A PACT panel picks its top three: each rule's default number of seats.
    rows = [["a", "b", "c", "d"], ["b", "a", "c", "d"], ["c", "a", "b", "d"], ["a", "c", "b", "d"]]
    ranked = ranked_ballots(rows)
    profile = RankedProfile.from_rankings(rows)
    approvals = approval_ballots([row[:2] for row in rows])
    for chosen in (plurality(ranked), plurality(profile), borda(ranked), borda(profile),
                   stv(ranked), stv(profile), approval(approvals)):  # fmt: skip
        assert len(chosen.chosen) == 3


def test_rounds_are_numbered_from_one_and_a_tie_looks_at_the_round_just_before() -> None:
    # Quota 11 of 21 for one seat. Round 1: z 7, y 5, x 4, d 3, e 2: e goes, its 2 to x.
    # Round 2: z 7, x 6, y 5, d 3: d goes, one of its 3 to y. Round 3: z 7, x 6, y 6.
    # x and y tie for exclusion: in round 2 x led, in round 1 y did.
    ballots = ranked_ballots(
        [["z"], ["y"], ["x"], ["d", "y"], ["d"], ["e", "x"]], weights=[7, 5, 4, 1, 2, 2]
    )
    for latest, out in ((True, "y"), (False, "x")):
        result = stv(ballots, seats=1, tie_break=[TieBreak.earlier_rounds(latest=latest)])
        assert [r.number for r in result.rounds] == list(range(1, len(result.rounds) + 1))
        assert [r.excluded for r in result.rounds[1:4]] == [("e",), ("d",), (out,)]
        tie = result.ties[0]
        assert (tie.round, tie.candidates, tie.order[-1]) == (3, ("x", "y"), out)
        assert tie.broken_by.endswith("earlier round")


def test_a_tie_settled_at_one_end_is_decided_by_the_key_that_settled_that_end() -> None:
    from pact_core.selection.results import _break_tie  # noqa: PLC0415 - the helper itself

    history = [{"a": Fraction(3), "b": Fraction(1), "c": Fraction(1)}]
    key = TieBreak.earlier_rounds()
    # a is settled first, b and c stay tied: enough for a surplus (who comes first), not an exclusion.
    assert _break_tie(["c", "b", "a"], [key], history, settle="first") == (
        ("a", "b", "c"),
        key.name,
    )
    assert _break_tie(["c", "b", "a"], [key], history, settle="last") == (
        ("a", "b", "c"),
        CANDIDATE_ID,
    )
    low = [{"a": Fraction(1), "b": Fraction(3), "c": Fraction(3)}]
    assert _break_tie(["c", "b", "a"], [key], low, settle="last") == (("b", "c", "a"), key.name)
    assert _break_tie(["c", "b", "a"], [key], low, settle="first") == (
        ("b", "c", "a"),
        CANDIDATE_ID,
    )


def test_weights_of_one_are_counted_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whole weights of one or more never fall back to reading ballot by ballot.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("fell back to ballots")

    rows = [["a", "b"], ["b"], ["a", "b"]]
    expected = RankedProfile.from_ballots(ranked_ballots(rows, weights=[1, 1, 2]))
    monkeypatch.setattr(RankedProfile, "from_ballots", refuse)
    assert RankedProfile.from_rankings(rows, weights=[1, 1, 2]) == expected
    # Nor do rankings that name every candidate given, and no other.
    assert RankedProfile.from_rankings([*rows, ["a", "b"]], candidates=["b", "a"]) == expected


def test_approval_chooses_three_by_default() -> None:
    ballots = approval_ballots([["a", "b", "c", "d"], ["a", "b", "c"], ["a", "b"], ["a"]])
    assert approval(ballots).chosen == ("a", "b", "c")


def test_a_ballot_counts_once_unless_weighted() -> None:
    ballots = (RankedBallot(["a"]), ApprovalBallot({"a"}), ScoreBallot({"a": 1}))
    assert [ballot.weight for ballot in ballots] == [1, 1, 1]


def test_a_one_round_rule_reports_round_one_and_its_ties_there() -> None:
    rows = [["a"], ["b"], ["c"], ["c"]]
    for result in (plurality(ranked_ballots(rows), seats=2), plurality(RankedProfile.from_rankings(rows), seats=2),
                   borda(ranked_ballots(rows), seats=2), approval(approval_ballots(rows), seats=2)):  # fmt: skip
        assert [r.number for r in result.rounds] == [1]
        assert [(t.round, t.candidates) for t in result.ties] == [(1, ("a", "b"))]


def test_a_tie_is_decided_by_the_key_that_settles_what_it_decides() -> None:
    # Only a has a value: the key puts a first and leaves b and c tied.
    first_only = TieBreak.by("seniority", {"a": 1})
    # Three seats for three candidates: the whole order is at stake, and the id settles it.
    filled = stv(ranked_ballots([["a"], ["b"], ["c"]]), seats=3, tie_break=[first_only])
    assert [(t.purpose, t.order, t.broken_by) for t in filled.ties] == [
        ("order", ("a", "b", "c"), CANDIDATE_ID)
    ]
    # Three equal surpluses (quota 5 of 20, four seats): only whose moves first is at stake.
    ballots = ranked_ballots(
        [["a", "d"], ["b", "d"], ["c", "d"], ["d"], ["e"]], weights=[6, 6, 6, 1, 1]
    )
    surplus = next(
        t for t in stv(ballots, seats=4, tie_break=[first_only]).ties if t.purpose == "surplus"
    )
    assert (surplus.candidates, surplus.order[0], surplus.broken_by) == (
        ("a", "b", "c"), "a", "seniority",
    )  # fmt: skip
