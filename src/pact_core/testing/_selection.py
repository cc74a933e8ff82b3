"""Strategies for ballots of every kind."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.selection import ApprovalBallot, RankedBallot, ScoreBallot

__all__ = ["approval_ballots", "ranked_ballots", "score_ballots"]


_DEFAULT = ("A", "B", "C", "D", "E")


def _check(candidates: object, weights: object) -> None:
    if not isinstance(candidates, st.SearchStrategy):
        raise InvalidArgument(f"candidates must be a SearchStrategy, got {candidates!r}")
    if not isinstance(weights, st.SearchStrategy):
        raise InvalidArgument(f"weights must be a SearchStrategy of int, got {weights!r}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _weights(weights: st.SearchStrategy[int]) -> st.SearchStrategy[int]:
    return weights.map(lambda w: max(1, w))


def ranked_ballots(
    min_size: int = 0,
    max_size: int | None = None,
    *,
    candidates: st.SearchStrategy[Any] = st.sampled_from(_DEFAULT),  # noqa: B008
    weights: st.SearchStrategy[int] = st.integers(1, 5),  # noqa: B008 - strategies are values
) -> st.SearchStrategy[RankedBallot[Any]]:
    """Generate ranked ballots: a strict order of distinct candidates (possibly empty or truncated), and a weight.

    *min_size* and *max_size* bound the length of the ranking (``min_size`` equal to the
    number of candidates gives complete ballots). Weights below 1 drawn from *weights*
    are raised to 1. Shrinks towards an empty ballot of weight 1.

    >>> from hypothesis import find
    >>> find(ranked_ballots(), lambda b: True)
    RankedBallot(ranking=(), weight=1)
    """
    _check(candidates, weights)
    if not _is_int(min_size) or min_size < 0:
        raise InvalidArgument(f"min_size must be a non-negative int, got {min_size!r}")
    if max_size is not None and (not _is_int(max_size) or max_size < min_size):
        raise InvalidArgument(
            f"max_size must be None or an int of at least min_size, got {max_size!r}"
        )
    return st.builds(
        lambda ranking, weight: RankedBallot(tuple(ranking), weight=weight),
        st.lists(candidates, unique=True, min_size=min_size, max_size=max_size),
        _weights(weights),
    )


def approval_ballots(
    *,
    candidates: st.SearchStrategy[Any] = st.sampled_from(_DEFAULT),  # noqa: B008
    weights: st.SearchStrategy[int] = st.integers(1, 5),  # noqa: B008 - strategies are values
) -> st.SearchStrategy[ApprovalBallot[Any]]:
    """Generate approval ballots: any set of candidates (possibly empty), and a weight.

    >>> from hypothesis import find
    >>> find(approval_ballots(), lambda b: True)
    ApprovalBallot(approved=frozenset(), weight=1)
    """
    _check(candidates, weights)
    return st.builds(
        lambda approved, weight: ApprovalBallot(frozenset(approved), weight=weight),
        st.frozensets(candidates),
        _weights(weights),
    )


def score_ballots(
    *,
    candidates: st.SearchStrategy[Any] = st.sampled_from(_DEFAULT),  # noqa: B008
    weights: st.SearchStrategy[int] = st.integers(1, 5),  # noqa: B008 - strategies are values
    minimum: int = 0,
    maximum: int = 5,
) -> st.SearchStrategy[ScoreBallot[Any]]:
    """Generate score ballots on the range ``[minimum, maximum]``: scores for any candidates, and a weight.

    >>> from hypothesis import find
    >>> find(score_ballots(), lambda b: True)
    ScoreBallot(scores=(), minimum=0, maximum=5, weight=1)
    """
    _check(candidates, weights)
    for name, bound in (("minimum", minimum), ("maximum", maximum)):
        if not _is_int(bound):
            raise InvalidArgument(f"{name} must be an int, got {bound!r}")
    if maximum <= minimum:
        raise InvalidArgument(f"maximum must be above minimum, got {maximum!r}")
    return st.builds(
        lambda scores, weight: ScoreBallot(scores, minimum=minimum, maximum=maximum, weight=weight),
        st.dictionaries(candidates, st.integers(minimum, maximum)),
        _weights(weights),
    )
