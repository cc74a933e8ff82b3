"""Ballots: ranked, approval and score, each with a weight (a count of identical ballots).

Candidates are any hashable ids that sort among themselves (strings, numbers, tuples,
or a domain value such as `pact_core.priorities.Issue`): the rules sort them to be
deterministic. A ballot checks its own shape when built; the `*_ballots` builders turn
plain rows into ballots and report every bad row at once, each with its index.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

import attrs

from pact_core.errors import ExceptionGroup, InvalidBallot

__all__ = [
    "ApprovalBallot",
    "Ballot",
    "RankedBallot",
    "ScoreBallot",
    "approval_ballots",
    "ranked_ballots",
    "score_ballots",
]


class _Candidate(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...  # noqa: ANN401 - any id that sorts


C = TypeVar("C", bound=_Candidate)
B = TypeVar("B")


def _weight(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"weight must be an int, got {value!r}")
    if value < 1:
        raise InvalidBallot.must("weight", "be at least 1", value)


def _repeated(items: Sequence[Any]) -> list[Any]:
    seen: set[Any] = set()
    twice: set[Any] = set()
    for item in items:
        (twice if item in seen else seen).add(item)
    return sorted(twice)


def _to_ranking(value: Iterable[C]) -> tuple[C, ...]:
    return tuple(value)


def _to_approved(value: Iterable[C]) -> frozenset[C]:
    return frozenset(value)


@attrs.frozen
class RankedBallot(Generic[C]):
    """A strict order of candidates, most preferred first; it may stop before the last.

    An empty ranking is an abstention: the rules count it in `Selection.abstentions`.

    >>> RankedBallot(("speeding", "drugs"), weight=3).first
    'speeding'
    >>> RankedBallot(("speeding", "drugs", "speeding"))
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidBallot: ranking must rank each candidate once, got ['speeding']
    """

    ranking: tuple[C, ...] = attrs.field(converter=_to_ranking)
    weight: int = attrs.field(default=1, validator=_weight, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if len(set(self.ranking)) != len(self.ranking):
            raise InvalidBallot.must("ranking", "rank each candidate once", _repeated(self.ranking))

    @property
    def _names(self) -> tuple[C, ...]:
        return self.ranking

    @property
    def first(self) -> C | None:
        """The first preference, or None for an empty ballot."""
        return self.ranking[0] if self.ranking else None

    @property
    def candidates(self) -> frozenset[C]:
        """Every candidate the ballot names."""
        return frozenset(self.ranking)


@attrs.frozen
class ApprovalBallot(Generic[C]):
    """The set of candidates a voter approves of; an empty set is an abstention.

    >>> sorted(ApprovalBallot({"drugs", "speeding"}).approved)
    ['drugs', 'speeding']
    """

    approved: frozenset[C] = attrs.field(converter=_to_approved)
    weight: int = attrs.field(default=1, validator=_weight, kw_only=True)

    @property
    def candidates(self) -> frozenset[C]:
        """Every candidate the ballot names."""
        return self.approved

    @property
    def _names(self) -> frozenset[C]:
        return self.approved


def _to_scores(value: Mapping[C, int]) -> tuple[tuple[C, int], ...]:
    if not isinstance(value, Mapping):
        raise TypeError(f"scores must be a mapping of candidate to int, got {value!r}")
    given: Iterable[object] = value.values()
    for score in given:
        if not isinstance(score, int) or isinstance(score, bool):
            raise TypeError(f"scores must be ints, got {score!r}")
    return tuple(sorted(value.items()))


def _bound(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {value!r}")


@attrs.frozen
class ScoreBallot(Generic[C]):
    """A whole-number score for each candidate the voter scores, within a declared range.

    Candidates the ballot leaves out are unscored (see `pact_core.selection.score`).
    No scores at all is an abstention.

    >>> ballot = ScoreBallot({"speeding": 5, "drugs": 2}, minimum=0, maximum=5)
    >>> ballot.score_of("speeding"), ballot.score_of("litter")
    (5, None)
    >>> ScoreBallot({"speeding": 9}, minimum=0, maximum=5)
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidBallot: scores must lie from 0 to 5, got {'speeding': 9}
    """

    scores: tuple[tuple[C, int], ...] = attrs.field(converter=_to_scores)
    minimum: int = attrs.field(default=0, validator=_bound, kw_only=True)
    maximum: int = attrs.field(default=5, validator=_bound, kw_only=True)
    weight: int = attrs.field(default=1, validator=_weight, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.maximum <= self.minimum:
            raise InvalidBallot.must("maximum", "be above minimum", self.maximum)
        outside = {c: s for c, s in self.scores if not self.minimum <= s <= self.maximum}
        if outside:
            raise InvalidBallot.must(
                "scores", f"lie from {self.minimum} to {self.maximum}", outside
            )

    def score_of(self, candidate: C) -> int | None:
        """The candidate's score, or None if the ballot does not score it."""
        for named, score in self.scores:
            if named == candidate:
                return score
        return None

    @property
    def candidates(self) -> frozenset[C]:
        """Every candidate the ballot scores."""
        return frozenset(candidate for candidate, _ in self.scores)

    @property
    def _names(self) -> tuple[C, ...]:
        return tuple(candidate for candidate, _ in self.scores)


Ballot = RankedBallot[Any] | ApprovalBallot[Any] | ScoreBallot[Any]
"""Any kind of ballot."""


def _build_all(
    rows: Iterable[Any], weights: Iterable[int] | None, make: Callable[[Any, int], B]
) -> tuple[B, ...]:
    rows = list(rows)
    counts = [1] * len(rows) if weights is None else list(weights)
    if len(counts) != len(rows):
        raise InvalidBallot.must("weights", f"give one weight per ballot ({len(rows)})", counts)
    built: list[B] = []
    problems = []
    # The lengths were checked just above, so strict may be either: no mutate.
    for index, (row, count) in enumerate(zip(rows, counts, strict=True)):  # pragma: no mutate
        try:
            built.append(make(row, count))
        except InvalidBallot as err:  # noqa: PERF203 - every bad row is reported, so each is tried
            problems.append(
                InvalidBallot.must(f"ballots[{index}].{err.field}", str(err.rule), err.value)
            )
            problems[-1].index = index
    if problems:
        raise ExceptionGroup(f"{len(problems)} of {len(rows)} ballots are not valid", problems)
    return tuple(built)


def ranked_ballots(
    rankings: Iterable[Sequence[C]], *, weights: Iterable[int] | None = None
) -> tuple[RankedBallot[C], ...]:
    """Build ranked ballots from plain rankings (and optional weights), reporting every bad one at once.

    >>> [b.weight for b in ranked_ballots([["a", "b"], ["b"]], weights=[3, 1])]
    [3, 1]
    """
    return _build_all(rankings, weights, lambda row, w: RankedBallot(tuple(row), weight=w))


def approval_ballots(
    approvals: Iterable[Iterable[C]], *, weights: Iterable[int] | None = None
) -> tuple[ApprovalBallot[C], ...]:
    """Build approval ballots from plain sets (and optional weights), reporting every bad one at once.

    >>> [sorted(b.approved) for b in approval_ballots([{"a", "b"}, {"b"}])]
    [['a', 'b'], ['b']]
    """
    return _build_all(approvals, weights, lambda row, w: ApprovalBallot(frozenset(row), weight=w))


def score_ballots(
    scores: Iterable[Mapping[C, int]],
    *,
    minimum: int = 0,
    maximum: int = 5,
    weights: Iterable[int] | None = None,
) -> tuple[ScoreBallot[C], ...]:
    """Build score ballots on one range from plain mappings, reporting every bad one at once.

    >>> try:
    ...     score_ballots([{"a": 5}, {"a": 7}, {"b": -1}], maximum=5)
    ... except ExceptionGroup as group:
    ...     print(*(err.index for err in group.exceptions))
    1 2
    """
    return _build_all(
        scores,
        weights,
        lambda row, w: ScoreBallot(row, minimum=minimum, maximum=maximum, weight=w),
    )
