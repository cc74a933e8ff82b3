"""A ranked profile: many ranked ballots gathered once, for counting large elections fast.

A panel's dozen ballots need nothing more than a list of `RankedBallot`. A force-wide
consultation of thousands is counted faster from a `RankedProfile`: identical rankings
are merged, candidates become indices, and `plurality`, `borda` and `stv` count it with
numpy arrays (imported only when counting, so ``import pact_core.selection`` stays
light). Every rule gives the same `Selection` from a profile as from its ballots.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Generic

import attrs

from pact_core.errors import InvalidElection
from pact_core.selection._prepare import _check_arguments, _prepare
from pact_core.selection.ballots import C, RankedBallot

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["RankedProfile"]


@attrs.frozen(kw_only=True)
class RankedProfile(Generic[C]):
    """Ranked ballots gathered once: the candidates, each distinct ranking (as indices) with its weight, and the abstentions.

    Build it with `RankedProfile.from_ballots` (or `from_rankings`), which checks the
    ballots as the rules do; rankings are kept sorted so that equal profiles are equal.

    >>> from pact_core.selection import plurality, ranked_ballots
    >>> profile = RankedProfile.from_rankings([["a", "b"], ["b"], ["a", "b"], []])
    >>> profile.candidates, profile.rankings, profile.weights, profile.abstentions
    (('a', 'b'), ((0, 1), (1,)), (2, 1), 1)
    >>> plurality(profile, seats=1) == plurality(ranked_ballots([["a", "b"], ["b"], ["a", "b"], []]), seats=1)
    True
    """

    candidates: tuple[C, ...]
    rankings: tuple[tuple[int, ...], ...]
    weights: tuple[int, ...]
    abstentions: int = 0

    @classmethod
    def from_ballots(
        cls, ballots: Iterable[RankedBallot[C]], *, candidates: Iterable[C] | None = None
    ) -> RankedProfile[C]:
        """Gather ranked ballots; every ballot naming an unknown candidate is reported at once."""
        counted, allowed, abstentions = _prepare(
            ballots, RankedBallot, seats=1, candidates=candidates, tie_break=()
        )
        index = {candidate: i for i, candidate in enumerate(allowed)}
        merged: dict[tuple[int, ...], int] = {}
        for ballot in counted:
            ranking = tuple(map(index.__getitem__, ballot.ranking))
            merged[ranking] = merged.get(ranking, 0) + ballot.weight
        ordered = sorted(merged.items())
        return cls(
            candidates=allowed,
            rankings=tuple(ranking for ranking, _ in ordered),
            weights=tuple(weight for _, weight in ordered),
            abstentions=abstentions,
        )

    @classmethod
    def from_rankings(
        cls,
        rankings: Iterable[Sequence[C]],
        *,
        weights: Iterable[int] | None = None,
        candidates: Iterable[C] | None = None,
    ) -> RankedProfile[C]:
        """Gather plain rankings (and weights), reporting every bad one at once, as `ranked_ballots` does."""
        from pact_core.selection.ballots import ranked_ballots  # noqa: PLC0415 - avoids a cycle

        return cls.from_ballots(ranked_ballots(rankings, weights=weights), candidates=candidates)

    @property
    def total(self) -> int:
        """The weight of every ballot that names someone."""
        return sum(self.weights)

    @functools.cached_property
    def _arrays(self) -> tuple[Any, Any, Any]:
        """The rankings as a padded matrix (-1 past each end), their lengths and weights."""
        import numpy as np  # noqa: PLC0415 - only when a profile is counted

        rows = len(self.rankings)
        width = max((len(r) for r in self.rankings), default=0)
        matrix = np.full((rows, max(width, 1)), -1, dtype=np.int32)
        lengths = np.fromiter((len(r) for r in self.rankings), dtype=np.int64, count=rows)
        for length in set(lengths.tolist()):
            chosen = np.flatnonzero(lengths == length)
            matrix[chosen, :length] = [self.rankings[i] for i in chosen.tolist()]
        weights = np.asarray(self.weights, dtype=np.int64)
        return matrix, lengths, weights


def _profile_arguments(
    profile: RankedProfile[C], seats: int, candidates: object, tie_break: Sequence[Any]
) -> None:
    _check_arguments(seats, tie_break)
    if candidates is not None:
        raise InvalidElection.must(
            "candidates", "be given when the profile is built, not when it is counted", candidates
        )


def _first_preferences(profile: RankedProfile[C]) -> list[int]:
    """The weighted count of first preferences of each candidate, by index."""
    import numpy as np  # noqa: PLC0415 - only when a profile is counted

    matrix, _, weights = profile._arrays
    counts = np.zeros(len(profile.candidates), dtype=np.int64)
    np.add.at(counts, matrix[:, 0], weights)
    return [int(x) for x in counts]


def _doubled_borda(profile: RankedProfile[C]) -> list[int]:
    """Twice each candidate's Borda score, by index, with truncated ballots' shares (see `borda`)."""
    import numpy as np  # noqa: PLC0415 - only when a profile is counted

    matrix, lengths, weights = profile._arrays
    n = len(profile.candidates)
    share = n - lengths - 1
    doubled = np.full(n, int((weights * share).sum()), dtype=np.int64)
    for place in range(matrix.shape[1]):
        rows = lengths > place
        points = weights[rows] * (2 * (n - 1 - place) - share[rows])
        np.add.at(doubled, matrix[rows, place], points)
    return [int(x) for x in doubled]
