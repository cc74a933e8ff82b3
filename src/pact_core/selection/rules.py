"""The one-round rules: plurality, approval, Borda and score voting.

Each takes a list of ballots and returns a `Selection` of up to *seats* candidates, best
first: the candidates are ordered by their score, and ties that decide who is chosen or
in which order are broken by the caller's chain of keys, then by candidate id.
The list of ballots is checked all at once: every ballot naming an unknown candidate, or
scored on another range, is reported with its index.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pact_core._validation import require_int
from pact_core.errors import ExceptionGroup, InvalidBallot, InvalidChoice, InvalidElection
from pact_core.selection._prepare import _allowed_in_bulk, _check_arguments, _prepare
from pact_core.selection.ballots import ApprovalBallot, C, RankedBallot, ScoreBallot
from pact_core.selection.profile import (
    RankedProfile,
    _doubled_borda,
    _first_preferences,
    _profile_arguments,
)
from pact_core.selection.results import Round, Selection, Tie, TieBreak, _break_tie

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["approval", "borda", "plurality", "score"]

_B = TypeVar("_B", RankedBallot[Any], ApprovalBallot[Any], ScoreBallot[Any])


def _ranked_selection(  # noqa: PLR0913 - private, called with keywords
    rule: str,
    totals: dict[C, Fraction],
    *,
    seats: int,
    candidates: tuple[C, ...],
    tie_break: Sequence[TieBreak],
    abstentions: int,
    eligible: set[C] | None = None,
) -> Selection[C]:
    """Choose the *seats* best of *totals*; *eligible* (if given) ranks ahead of the rest."""
    ordered = sorted(
        candidates,
        key=lambda c: (eligible is not None and c not in eligible, -totals[c]),
    )
    chosen: list[C] = []
    ties: list[Tie[C]] = []
    index = 0
    while index < len(ordered) and len(chosen) < seats:
        head = ordered[index]
        band = (eligible is not None and head not in eligible, totals[head])
        group = [
            c
            for c in ordered[index:]
            if (eligible is not None and c not in eligible, totals[c]) == band
        ]
        if len(group) > 1:
            order, decided = _break_tie(group, tie_break, [totals])
            ties.append(
                Tie(
                    round=1,
                    purpose="order",
                    candidates=tuple(sorted(group)),
                    order=order,
                    broken_by=decided,
                )
            )
            group = list(order)
        chosen.extend(group[: seats - len(chosen)])
        index += len(group)
    # The totals come in candidate order, so the id only guards ties a stable sort keeps: no mutate.
    highest = lambda item: (-item[1], item[0])  # noqa: E731  # pragma: no mutate
    scores = tuple(sorted(totals.items(), key=highest))
    return Selection(
        rule=rule,
        seats=seats,
        candidates=candidates,
        chosen=tuple(chosen),
        rounds=(Round(number=1, scores=scores, elected=tuple(chosen)),),
        ties=tuple(ties),
        abstentions=abstentions,
    )


def plurality(
    ballots: Iterable[RankedBallot[C]] | RankedProfile[C],
    *,
    seats: int = 3,
    candidates: Iterable[C] | None = None,
    tie_break: Sequence[TieBreak] = (),
) -> Selection[C]:
    """Choose the candidates with most first preferences (single non-transferable vote for several seats).

    Simple and familiar, but it ignores every preference after the first and splits
    the vote between similar candidates.

    >>> from pact_core.selection import ranked_ballots
    >>> plurality(ranked_ballots([["speeding", "drugs"], ["drugs"], ["speeding"]]), seats=1).chosen
    ('speeding',)
    """
    if isinstance(ballots, RankedProfile):
        _profile_arguments(ballots, seats, candidates, tie_break)
        allowed, abstentions = ballots.candidates, ballots.abstentions
        # One count a candidate, so strict may be either: no mutate.
        totals = dict(zip(allowed, _first_preferences(ballots), strict=True))  # pragma: no mutate
    else:
        counted, allowed, abstentions = _prepare(
            ballots, RankedBallot, seats=seats, candidates=candidates, tie_break=tie_break
        )
        totals = dict.fromkeys(allowed, 0)
        for ballot in counted:
            totals[ballot.ranking[0]] += ballot.weight
    return _ranked_selection(
        "plurality",
        {c: Fraction(n) for c, n in totals.items()},
        seats=seats,
        candidates=allowed,
        tie_break=tie_break,
        abstentions=abstentions,
    )


def approval(
    ballots: Iterable[ApprovalBallot[C]],
    *,
    seats: int = 3,
    candidates: Iterable[C] | None = None,
    tie_break: Sequence[TieBreak] = (),
) -> Selection[C]:
    """Choose the candidates approved by most voters (approval voting, "AV" for several seats).

    Each voter approves as many candidates as they like; it suits a panel choosing
    among many concerns, and never harms a candidate for being approved.

    >>> from pact_core.selection import approval_ballots
    >>> approval(approval_ballots([{"drugs", "speeding"}, {"drugs"}, {"litter"}]), seats=2).chosen
    ('drugs', 'litter')
    """
    items = list(ballots)
    fast = _approval_totals(items, seats, candidates, tie_break)
    if fast is not None:
        totals, allowed, abstentions = fast
    else:  # ballots of another type, or naming unknown candidates: every problem named
        counted, allowed, abstentions = _prepare(
            items, ApprovalBallot, seats=seats, candidates=candidates, tie_break=tie_break
        )
        totals = dict.fromkeys(allowed, 0)
        for ballot in counted:
            for candidate in ballot.approved:
                totals[candidate] += ballot.weight
    return _ranked_selection(
        "approval",
        {c: Fraction(n) for c, n in totals.items()},
        seats=seats,
        candidates=allowed,
        tie_break=tie_break,
        abstentions=abstentions,
    )


def _approval_totals(
    items: list[Any], seats: int, candidates: Iterable[C] | None, tie_break: Sequence[TieBreak]
) -> tuple[dict[C, int], tuple[C, ...], int] | None:
    """Approval totals in bulk: each distinct approved set weighed once, then its candidates credited.

    Voters approve few candidates of few, so their sets repeat: 10,000 ballots over 12
    candidates hold a few hundred. None when a ballot is not an `ApprovalBallot` or names
    a candidate outside *candidates*, for `_prepare` to report every such ballot.
    """
    _check_arguments(seats, tie_break)
    if not set(map(type, items)) <= {ApprovalBallot}:
        return None
    weights: dict[frozenset[C], int] = {}
    get = weights.get
    for ballot in items:
        approved = ballot.approved
        weights[approved] = get(approved, 0) + ballot.weight
    allowed = _allowed_in_bulk(weights, candidates)
    if allowed is None:
        return None
    abstentions = weights.pop(frozenset(), 0)
    totals = dict.fromkeys(allowed, 0)
    for approved, weight in weights.items():
        for candidate in approved:
            totals[candidate] += weight
    return totals, tuple(totals), abstentions


def borda(
    ballots: Iterable[RankedBallot[C]] | RankedProfile[C],
    *,
    seats: int = 3,
    candidates: Iterable[C] | None = None,
    tie_break: Sequence[TieBreak] = (),
) -> Selection[C]:
    """Choose by the standard Borda count: with *n* candidates, a ballot's first gets n-1 points, the next n-2, and so on.

    A truncated ballot's unranked candidates share the points that remain equally
    (each gets the average of the places left), so truncating never changes the total
    a ballot gives, and no unranked candidate gains on another.
    It rewards broad support, but is open to tactical burying.

    >>> from pact_core.selection import ranked_ballots
    >>> result = borda(ranked_ballots([["a", "b", "c"], ["b"], ["c", "a"]]), seats=1)
    >>> result.chosen, {c: str(s) for c, s in result.scores().items()}
    (('a',), {'a': '7/2', 'b': '3', 'c': '5/2'})
    """
    if isinstance(ballots, RankedProfile):
        _profile_arguments(ballots, seats, candidates, tie_break)
        doubled_by_index = _doubled_borda(ballots)
        # One score a candidate, so strict may be either: no mutate.
        pairs = zip(ballots.candidates, doubled_by_index, strict=True)  # pragma: no mutate
        return _ranked_selection(
            "borda",
            {c: Fraction(d, 2) for c, d in pairs},
            seats=seats,
            candidates=ballots.candidates,
            tie_break=tie_break,
            abstentions=ballots.abstentions,
        )
    counted, allowed, abstentions = _prepare(
        ballots, RankedBallot, seats=seats, candidates=candidates, tie_break=tie_break
    )
    n = len(allowed)
    # Points are doubled so that every share is a whole number until the end: a ballot
    # of length r gives place i 2(n-1-i) and each unranked candidate n-r-1.
    # Each candidate first gets the unranked share of every ballot; a ranked candidate's
    # points then replace its share: 2(n-1-i) - (n-r-1) is added.
    doubled: dict[C, int] = dict.fromkeys(allowed, 0)
    shared = 0
    points = {
        length: [2 * (n - 1 - place) - (n - length - 1) for place in range(length)]
        for length in {len(ballot.ranking) for ballot in counted}
    }
    for ballot in counted:
        weight = ballot.weight
        ranking = ballot.ranking
        shared += weight * (n - len(ranking) - 1)
        ranked = points[len(ranking)]  # one point a place: strict or not, no mutate
        for candidate, point in zip(ranking, ranked, strict=True):  # pragma: no mutate
            doubled[candidate] += weight * point
    totals = {c: Fraction(doubled[c] + shared, 2) for c in allowed}
    return _ranked_selection(
        "borda",
        totals,
        seats=seats,
        candidates=allowed,
        tie_break=tie_break,
        abstentions=abstentions,
    )


def score(  # noqa: PLR0913 - each option is a documented choice
    ballots: Iterable[ScoreBallot[C]],
    *,
    seats: int = 3,
    candidates: Iterable[C] | None = None,
    tie_break: Sequence[TieBreak] = (),
    aggregate: Literal["sum", "mean"] = "sum",
    quorum: int = 1,
) -> Selection[C]:
    """Choose by score voting: the sum (or the mean) of the scores each candidate received.

    With ``aggregate="sum"`` an unscored candidate gets nothing from that ballot (declare
    ``minimum=0`` if a blank means the lowest score). With ``"mean"`` a candidate's score
    is the mean over the ballots that scored it, and a candidate scored by fewer than
    *quorum* voters (counting weights) ranks after every candidate that reached it, so a
    single enthusiast cannot carry an issue nobody else scored.
    Every ballot must be on the same range.

    >>> from pact_core.selection import score_ballots
    >>> ballots = score_ballots([{"a": 5}, {"b": 4}, {"b": 3}], maximum=5)
    >>> [score(ballots, seats=1, aggregate=how, quorum=q).chosen for how, q in [("sum", 1), ("mean", 1), ("mean", 2)]]
    [('b',), ('a',), ('b',)]
    """
    if aggregate not in ("sum", "mean"):
        raise InvalidChoice.must("aggregate", "be one of 'sum', 'mean'", aggregate)
    require_int(quorum, field="quorum")
    if quorum < 1:
        raise InvalidElection.must("quorum", "be at least 1", quorum)
    counted, allowed, abstentions = _prepare(
        ballots, ScoreBallot, seats=seats, candidates=candidates, tie_break=tie_break
    )
    if counted:
        first = counted[0]
        problems = []
        for index, ballot in enumerate(counted):
            if (ballot.minimum, ballot.maximum) != (first.minimum, first.maximum):
                error = InvalidBallot.must(
                    f"ballots[{index}]",
                    f"be scored from {first.minimum} to {first.maximum} as the first is",
                    (ballot.minimum, ballot.maximum),
                )
                error.index = index
                problems.append(error)
        if problems:
            raise ExceptionGroup(f"{len(problems)} ballots are on another range", problems)
    sums: Counter[C] = Counter(dict.fromkeys(allowed, 0))
    voters: Counter[C] = Counter(dict.fromkeys(allowed, 0))
    for ballot in counted:
        for candidate, value in ballot.scores:
            sums[candidate] += value * ballot.weight
            voters[candidate] += ballot.weight
    if aggregate == "sum":
        totals = {c: Fraction(sums[c]) for c in allowed}
        eligible = None
    else:
        totals = {c: Fraction(sums[c], voters[c]) if voters[c] else Fraction(0) for c in allowed}
        eligible = {c for c in allowed if voters[c] >= quorum}
    return _ranked_selection(
        f"score ({aggregate})",
        totals,
        seats=seats,
        candidates=allowed,
        tie_break=tie_break,
        abstentions=abstentions,
        eligible=eligible,
    )
