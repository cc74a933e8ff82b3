"""The checks every rule makes of its arguments and ballots (private)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, TypeVar

from pact_core._validation import require_int
from pact_core.errors import ExceptionGroup, InvalidBallot, InvalidElection
from pact_core.selection.ballots import ApprovalBallot, C, RankedBallot, ScoreBallot
from pact_core.selection.results import TieBreak

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

_B = TypeVar("_B", RankedBallot[Any], ApprovalBallot[Any], ScoreBallot[Any])


def _check_arguments(seats: int, tie_break: Sequence[TieBreak]) -> None:
    require_int(seats, field="seats")
    if seats < 1:
        raise InvalidElection.must("seats", "be at least 1", seats)
    for key in tie_break:
        if not isinstance(key, TieBreak):
            raise TypeError(f"tie_break must be TieBreak values, got {key!r}")


def _prepare(
    ballots: Iterable[_B],
    kind: type[_B],
    *,
    seats: int,
    candidates: Iterable[C] | None,
    tie_break: Sequence[TieBreak],
) -> tuple[list[_B], tuple[C, ...], int]:
    """Check the arguments and the ballots; return the non-empty ballots, the candidates and the abstentions."""
    _check_arguments(seats, tie_break)
    items = list(ballots)
    wrong = next((item for item in items if not isinstance(item, kind)), None)
    if wrong is not None:
        raise TypeError(f"ballots must be {kind.__name__} values, got {wrong!r}")
    names: list[Collection[C]] = [item._names for item in items]
    if candidates is None:
        allowed = tuple(sorted(set().union(*names)))
    else:
        allowed = tuple(sorted(set(candidates)))
        known = set(allowed)
        problems = []
        for index, named in enumerate(names):
            if not known.issuperset(named):
                unknown = sorted(set(named) - known)
                error = InvalidBallot.must(f"ballots[{index}]", "name only the candidates", unknown)
                error.index = index
                problems.append(error)
        if problems:
            raise ExceptionGroup(f"{len(problems)} of {len(items)} ballots are not valid", problems)
    counted: list[_B] = []
    abstentions = 0
    # One set of names an item, so strict may be either: no mutate.
    for item, named in zip(items, names, strict=True):  # pragma: no mutate
        if named:
            counted.append(item)
        else:
            abstentions += item.weight
    return counted, allowed, abstentions


def _allowed_in_bulk(
    named: Iterable[Collection[Any]], candidates: Iterable[Any] | None
) -> tuple[Any, ...] | None:
    """The candidates, sorted, as `_prepare` gives them, from the distinct sets of names of a bulk path.

    None when one names a candidate outside *candidates*, or the candidates do not sort:
    the caller then takes `_prepare`'s path, which names every such problem.
    """
    found: set[Any] = set(itertools.chain.from_iterable(named))
    if candidates is not None:
        given = set(candidates)
        if not found <= given:
            return None
        found = given
    try:
        return tuple(sorted(found))
    except TypeError:
        return None
