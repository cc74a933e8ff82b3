"""A ranked profile: many ranked ballots gathered once, for counting large elections fast.

A panel's dozen ballots need nothing more than a list of `RankedBallot`. A force-wide
consultation of thousands is counted faster from a `RankedProfile`: identical rankings
are merged, candidates become indices, and `plurality`, `borda` and `stv` count it with
numpy arrays (imported only when counting, so ``import pact_core.selection`` stays
light). Every rule gives the same `Selection` from a profile as from its ballots.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Generic

import attrs

from pact_core.errors import InvalidElection
from pact_core.selection._prepare import _allowed_in_bulk, _check_arguments, _prepare
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
            ballots,
            RankedBallot,
            # Gathering only checks that seats is valid (2 would be too): no mutate.
            seats=1,  # pragma: no mutate
            candidates=candidates,
            tie_break=(),
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
        """Gather plain rankings (and weights), reporting every bad one at once, as `ranked_ballots` does.

        Real elections repeat rankings (thousands of ballots, a few thousand distinct), so
        the rankings are merged first and each distinct one checked once; any problem sends
        the rows through `ranked_ballots`, which names every bad one.
        """
        from pact_core.selection.ballots import ranked_ballots  # noqa: PLC0415 - avoids a cycle

        rows = list(rankings)
        counts = None if weights is None else list(weights)
        merged = _merged(rows, counts)
        laid_out = None
        if merged is not None:
            abstentions = merged.pop((), 0)
            # Either way gives the same profile (a property holds it): no mutate.
            many = len(merged) >= _BULK  # pragma: no mutate
            laid_out = _laid_out(merged, candidates) if many else _sorted(merged, candidates)
        if laid_out is None:
            # A bad row (a candidate named twice, say): ranked_ballots names every one.
            return cls.from_ballots(ranked_ballots(rows, weights=counts), candidates=candidates)
        allowed, in_order, in_weights, arrays = laid_out
        profile = cls(
            candidates=allowed, rankings=in_order, weights=in_weights, abstentions=abstentions
        )
        # The counting arrays, already made: what `_arrays` would give. They are None only
        # beyond int64, where no rule reads them: no mutate.
        if arrays is not None:  # pragma: no mutate
            object.__setattr__(profile, "_arrays", arrays)
        return profile

    @property
    def total(self) -> int:
        """The weight of every ballot that names someone."""
        return sum(self.weights)

    @functools.cached_property
    def _arrays(self) -> tuple[Any, Any, Any]:
        """The rankings as a padded matrix (-1 past each end), their lengths and weights."""
        import numpy as np  # noqa: PLC0415 - only when a profile is counted

        rows = len(self.rankings)
        # A column of -1 more would count for nothing: no mutate.
        width = max((len(r) for r in self.rankings), default=0)  # pragma: no mutate
        matrix = np.full((rows, max(width, 1)), -1, dtype=np.int64)  # pragma: no mutate
        lengths = np.fromiter((len(r) for r in self.rankings), dtype=np.int64, count=rows)
        for length in set(lengths.tolist()):
            chosen = np.flatnonzero(lengths == length)
            matrix[chosen, :length] = [self.rankings[i] for i in chosen.tolist()]
        weights = np.asarray(self.weights, dtype=np.int64)
        return matrix, lengths, weights

    @functools.cached_property
    def _cells(self) -> Any:  # noqa: ANN401 - a numpy array
        """Each (place, candidate) cell as one index, place by place: ``place * (n + 1) + candidate``.

        Places past a ballot's end count as candidate n, a bin that is dropped.
        """
        import numpy as np  # noqa: PLC0415 - only when a profile is counted

        matrix, _, _ = self._arrays
        n = len(self.candidates)
        padded = np.where(matrix < 0, n, matrix).T
        offsets = np.arange(padded.shape[0], dtype=np.int64)[:, None] * (n + 1)
        return np.ascontiguousarray(padded + offsets).ravel()


def _merged(rows: list[Any], counts: list[Any] | None) -> dict[tuple[Any, ...], int] | None:
    """Each distinct ranking with its total weight, or None if a row or weight is not as `RankedBallot` takes it."""
    try:
        if counts is None:  # one ballot a row: counted in C
            merged: dict[tuple[Any, ...], int] = Counter(map(tuple, rows))
        elif (
            len(counts) != len(rows)
            or set(map(type, counts)) - {int}
            or (counts and min(counts) < 1)
        ):
            return None
        else:
            merged = {}
            get = merged.get
            # The lengths were checked just above, so strict may be either: no mutate.
            for row, weight in zip(rows, counts, strict=True):  # pragma: no mutate
                ranking = tuple(row)
                merged[ranking] = get(ranking, 0) + weight
    except TypeError:  # a row that is not iterable, or a candidate that cannot be hashed
        return None
    return dict(merged)


# From this many distinct rankings, `from_rankings` lays them out, checks and sorts them with
# numpy, and keeps the arrays the rules count with; below it, a plain sort is quicker.
_BULK = 64

_Laid = tuple[
    tuple[Any, ...], tuple[tuple[int, ...], ...], tuple[int, ...], "tuple[Any, Any, Any] | None"
]
"""The candidates, the distinct rankings as indices (sorted), their weights, and the counting arrays."""


def _sorted(merged: dict[tuple[Any, ...], int], candidates: Iterable[Any] | None) -> _Laid | None:
    """Few distinct rankings laid out with a plain sort, which below `_BULK` costs less than numpy.

    None when a ranking names a candidate twice or one outside *candidates*, or the
    candidates do not sort.
    """
    allowed = _allowed_in_bulk(merged, candidates)
    if allowed is None or any(len(set(ranking)) != len(ranking) for ranking in merged):
        return None
    index = {candidate: i for i, candidate in enumerate(allowed)}
    pairs = sorted((tuple(map(index.__getitem__, r)), w) for r, w in merged.items())
    return allowed, tuple(r for r, _ in pairs), tuple(w for _, w in pairs), None


def _laid_out(merged: dict[tuple[Any, ...], int], candidates: Iterable[Any] | None) -> _Laid | None:
    """Many distinct rankings laid out, checked and sorted with numpy, with the counting arrays.

    None when a ranking names a candidate twice or one outside *candidates*, or the
    candidates do not sort. The arrays are None when the weights are too large for int64
    (`RankedProfile._arrays` is then never asked for them).
    """
    import numpy as np  # noqa: PLC0415 - only for large profiles

    rankings = list(merged)
    names = list(itertools.chain.from_iterable(rankings))
    # Every name numbered in the order first seen, in one pass in C: itemgetter looks each up
    # in a dict that numbers a name when it is missing. (Per name, in Python, costs twice as
    # much.) The first name once more at the end, as itemgetter of one name gives no tuple.
    seen: defaultdict[Any, int] = defaultdict(itertools.count().__next__)
    first = operator.itemgetter(*names, names[0])(seen)
    allowed = _allowed_in_bulk((seen,), candidates)
    if allowed is None:
        return None
    index = {candidate: i for i, candidate in enumerate(allowed)}
    # Then each number to its candidate's index in the sorted candidates. bytes() reads the
    # numbers several times faster than numpy does, when they fit in a byte. (Either way
    # reads the same numbers: no mutate.)
    few = len(seen) <= 256  # pragma: no mutate
    numbers = np.frombuffer(bytes(first), dtype=np.uint8) if few else np.array(first)
    cells = np.array([index[name] for name in seen], dtype=np.int64)[numbers[:-1]]
    lengths = np.array(list(map(len, rankings)), dtype=np.int64)
    width, n = int(lengths.max()), len(allowed)
    # Row-major, a boolean mask takes the cells in order: each ranking, then -1 past its end.
    matrix = np.full((len(rankings), width), -1, dtype=np.int64)
    matrix[np.arange(width) < lengths[:, None]] = cells
    # A candidate named twice in a ranking: a (ranking, candidate) pair counted twice. (A
    # needless None only sends the rows the slower way, to the same profile: no mutate.)
    rows = np.repeat(np.arange(len(rankings), dtype=np.int64), lengths)
    if np.bincount(rows * n + cells).max() > 1:  # pragma: no mutate
        return None
    # Lexicographic, first place first; -1 past a ranking's end sorts a prefix first, as
    # tuples do. One whole-number key a ranking when it fits in int64, else column by column.
    # 62 is a margin: keys below (n + 1) ** width < 2**63 fit too: no mutate.
    if width * math.log2(n + 1) < 62:  # pragma: no mutate
        # A larger base, or every digit shifted alike, sorts the same: no mutate.
        powers = (n + 1) ** np.arange(width - 1, -1, -1, dtype=np.int64)  # pragma: no mutate
        order = np.argsort((matrix + 1) @ powers, kind="stable")  # pragma: no mutate
    else:
        order = np.lexsort(matrix.T[::-1])
    matrix, lengths = matrix[order], lengths[order]
    # Each ranking's indices read back as a slice of one tuple of them all, in order: one
    # tuple made a ranking, and no list.
    flat = tuple(matrix[matrix >= 0].tolist())
    ends = itertools.accumulate(lengths.tolist())
    in_order = tuple([flat[start:end] for start, end in itertools.pairwise([0, *ends])])
    weights = list(merged.values())
    # A margin, as in `_first_preferences`; 2**63 would do (3**62 would not): no mutate.
    if sum(weights) >= 2**62:  # pragma: no mutate
        return allowed, in_order, tuple(map(weights.__getitem__, order.tolist())), None
    in_weights = np.array(weights, dtype=np.int64)[order]
    return allowed, in_order, tuple(in_weights.tolist()), (matrix, lengths, in_weights)


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

    # 2**62 is a margin below int64's end (2**63 would do): no mutate.
    if profile.total >= 2**62:  # pragma: no mutate
        # Sums beyond int64 (which numpy would wrap round): count in Python integers.
        exactly = [0] * len(profile.candidates)
        # A profile has one weight a ranking, so strict may be either: no mutate.
        pairs = zip(profile.rankings, profile.weights, strict=True)  # pragma: no mutate
        for ranking, weight in pairs:
            exactly[ranking[0]] += weight
        return exactly
    matrix, _, weights = profile._arrays
    counts = np.zeros(len(profile.candidates), dtype=np.int64)
    np.add.at(counts, matrix[:, 0], weights)
    return [int(x) for x in counts]


def _doubled_borda(profile: RankedProfile[C]) -> list[int]:
    """Twice each candidate's Borda score, by index, with truncated ballots' shares (see `borda`)."""
    import numpy as np  # noqa: PLC0415 - only when a profile is counted

    n = len(profile.candidates)
    # 2**52 is a margin (float64 adds whole numbers exactly to 2**53): no mutate.
    if profile.total * 2 * n >= 2**52:  # pragma: no mutate
        # Beyond what float64 adds exactly (and near int64's end): count in Python integers.
        doubled_exactly = [0] * n
        base = 0
        # A profile has one weight a ranking, so strict may be either: no mutate.
        for ranking, weight in zip(
            profile.rankings, profile.weights, strict=True
        ):  # pragma: no mutate
            share = n - len(ranking) - 1
            base += weight * share
            for place, candidate in enumerate(ranking):
                doubled_exactly[candidate] += weight * (2 * (n - 1 - place) - share)
        return [d + base for d in doubled_exactly]
    matrix, lengths, weights = profile._arrays
    width = matrix.shape[1]
    shares = weights * (n - lengths - 1)
    # A ranked candidate gets 2(n-1-place) per ballot, less the share it would have had.
    coefficients = 2 * (n - 1 - np.arange(width, dtype=np.int64))
    points = (coefficients[:, None] * weights[None, :] - shares[None, :]).ravel()
    # Every sum is a whole number below 2**52, which float64 adds exactly.
    summed = np.bincount(profile._cells, weights=points, minlength=width * (n + 1))
    doubled = np.rint(summed).astype(np.int64).reshape(width, n + 1).sum(axis=0)
    return [int(x) + int(shares.sum()) for x in doubled[:n]]
