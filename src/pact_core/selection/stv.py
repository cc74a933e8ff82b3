"""The single transferable vote, with the Droop quota and a named surplus transfer method.

Theory of operation. The count follows the Scottish local-government rules (the Scottish
Local Government Elections Order 2011, Schedule 1, rules 45 to 52), which use the
Weighted Inclusive Gregory Method:

1. The quota is the Droop quota, ``floor(valid ballots / (seats + 1)) + 1``; it never changes.
2. Every candidate at or over the quota is elected, the highest first.
3. While an elected candidate has an untransferred surplus, the largest surplus moves
   first: *every* ballot the candidate holds moves to its next continuing preference,
   each at ``surplus x its value / the candidate's total`` (inclusive: all ballots;
   weighted: by the value they arrived with). Values are cut (not rounded) to five
   decimal places, as the Order requires; ``decimals=None`` counts exactly instead.
4. With no surplus to move, the candidate with fewest votes is excluded and each of
   their ballots moves on at the value it holds.
5. When the continuing candidates are no more than the seats left, all are elected.

Ballots with no continuing preference left are exhausted; the value lost to cutting
values to five places is recorded too. With ``seats=1`` this is the instant runoff.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from pact_core._validation import require_int
from pact_core.errors import InvalidElection
from pact_core.selection._prepare import _prepare
from pact_core.selection.ballots import C, RankedBallot
from pact_core.selection.profile import RankedProfile, _profile_arguments
from pact_core.selection.results import Round, Selection, Tie, TieBreak, Transfer, _break_tie

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["SurplusTransfer", "stv"]

_Value = int | Fraction


class SurplusTransfer(enum.Enum):
    """How a surplus moves to the next preferences.

    * ``WEIGHTED_INCLUSIVE_GREGORY``: every ballot moves, at a value in proportion to the
      value it arrived with (Scottish local-government elections since 2007).
    * ``UNWEIGHTED_INCLUSIVE_GREGORY``: every ballot moves at the same value, surplus /
      number of ballots, whatever value it arrived with (Northern Ireland's rules use
      this family); a ballot never moves at more than the value it holds.

    >>> SurplusTransfer("weighted inclusive gregory")
    <SurplusTransfer.WEIGHTED_INCLUSIVE_GREGORY: 'weighted inclusive gregory'>
    """

    WEIGHTED_INCLUSIVE_GREGORY = "weighted inclusive gregory"
    UNWEIGHTED_INCLUSIVE_GREGORY = "unweighted inclusive gregory"


_How = tuple[str, Any, Any]
"""How ballots move on: ("keep", _, _), ("scale", surplus, total) or ("cap", each, _)."""


class _Piles:
    """The count in plain Python: the ballots each candidate holds, as (ranking, position, weight, value)."""

    def __init__(self, grouped: dict[tuple[int, ...], int], n: int, unit: _Value, cut: Any) -> None:  # noqa: ANN401 - a function of two values
        self.cut = cut
        self.items: list[list[tuple[tuple[int, ...], int, int, Any]]] = [[] for _ in range(n)]
        self.totals: list[_Value] = [0] * n
        for ranking, weight in grouped.items():
            self.items[ranking[0]].append((ranking, 0, weight, unit))
            self.totals[ranking[0]] += weight * unit

    def papers(self, source: int) -> int:
        return sum(weight for _, _, weight, _ in self.items[source])

    def _new_value(self, how: _How, value: _Value) -> _Value:
        kind, first, second = how
        if kind == "scale":
            new: _Value = self.cut(first * value, second)
            return new
        if kind == "cap":
            capped: _Value = min(value, first)
            return capped
        return value

    def move(self, source: int, how: _How, continuing: list[bool]) -> tuple[dict[int, Any], _Value]:
        """Move every ballot of *source* to its next continuing preference; return what each received and what was lost."""
        received: dict[int, Any] = {}
        lost: Any = 0
        # Ballots that moved together at one value move on together: compute each new value once.
        new_values: dict[_Value, _Value] = {}
        for ranking, position, weight, value in self.items[source]:
            later = position + 1
            length = len(ranking)
            while later < length and not continuing[ranking[later]]:
                later += 1
            new_value = new_values.get(value)
            if new_value is None:
                new_value = new_values[value] = self._new_value(how, value)
            amount = weight * new_value
            if later == length:
                lost += amount
                continue
            target = ranking[later]
            self.items[target].append((ranking, later, weight, new_value))
            self.totals[target] += amount
            received[target] = received.get(target, 0) + amount
        self.items[source] = []
        return received, lost


class _Arrays:
    """The same count on numpy arrays, for a `RankedProfile` counted in whole units.

    The rankings are one flat array, row after row, each row ending in -1 (no candidate);
    each ballot keeps its place in it, the value it holds and who holds it (-1: no one).
    """

    def __init__(self, profile: RankedProfile[Any], unit: int) -> None:
        import numpy as np  # noqa: PLC0415 - only when a profile is counted

        self.np = np
        matrix, _, self.weights = profile._arrays
        rows, width = matrix.shape
        padded = np.full((rows, width + 1), -1, dtype=np.int64)
        padded[:, :width] = matrix
        self.cells = padded.ravel()
        self.at = np.arange(rows, dtype=np.int64) * (width + 1)
        self.value = np.full(rows, unit, dtype=np.int64)
        self.holder = matrix[:, 0].copy()
        totals = np.zeros(len(profile.candidates), dtype=np.int64)
        np.add.at(totals, self.holder, self.weights * unit)
        self.totals: list[_Value] = [int(t) for t in totals]

    def papers(self, source: int) -> int:
        return int(self.weights[self.holder == source].sum())

    def move(self, source: int, how: _How, continuing: list[bool]) -> tuple[dict[int, Any], _Value]:
        np = self.np
        rows = np.flatnonzero(self.holder == source)
        kind, first, second = how
        value = self.value[rows]
        if kind == "scale":
            value = (first * value) // second
        elif kind == "cap":
            value = np.minimum(value, first)
        # On to the next place, and past every candidate no longer continuing; the -1 that
        # ends each row stops there too (it reads the True added at the end of *stops*).
        stops = np.append(np.asarray(continuing, dtype=bool), True)
        at = self.at[rows] + 1
        target = self.cells[at]
        blocked = ~stops[target]
        while blocked.any():
            at += blocked
            target = self.cells[at]
            blocked = ~stops[target]
        amount = self.weights[rows] * value
        moved = target >= 0
        lost = int(amount[~moved].sum())
        to, given = target[moved], amount[moved]
        sums = np.zeros(len(continuing), dtype=np.int64)
        np.add.at(sums, to, given)
        # Everyone a ballot moved to, even at no value (a ballot cut to 0 still moves).
        reached = np.flatnonzero(np.bincount(to, minlength=len(continuing)))
        received = {int(t): int(sums[t]) for t in reached}
        for t, a in received.items():
            self.totals[t] += a
        self.at[rows] = at
        self.value[rows] = value
        self.holder[rows] = target
        return received, lost


def stv(  # noqa: PLR0912, PLR0913, PLR0915 - one count, read top to bottom as the Order is
    ballots: Iterable[RankedBallot[C]] | RankedProfile[C],
    *,
    seats: int = 3,
    candidates: Iterable[C] | None = None,
    tie_break: Sequence[TieBreak] = (),
    transfer: SurplusTransfer = SurplusTransfer.WEIGHTED_INCLUSIVE_GREGORY,
    decimals: int | None = 5,
) -> Selection[C]:
    """Choose by the single transferable vote: proportional, and a voter's later preferences count when earlier ones cannot help.

    Ties for exclusion or for whose surplus moves first are broken by *tie_break*, then by
    candidate id (the highest id is excluded first); the Scottish rules break them by the
    earlier rounds, which `TieBreak.earlier_rounds` gives.

    >>> from pact_core.selection import ranked_ballots
    >>> ballots = ranked_ballots([["drugs", "asb"], ["asb"], ["speeding", "asb"]], weights=[4, 3, 2])
    >>> result = stv(ballots, seats=2)
    >>> result.quota, result.chosen
    (Fraction(4, 1), ('drugs', 'asb'))
    """
    if not isinstance(transfer, SurplusTransfer):
        raise TypeError(f"transfer must be a SurplusTransfer, got {transfer!r}")
    if decimals is not None:
        require_int(decimals, field="decimals")
    if decimals is not None and decimals < 0:
        raise InvalidElection.must("decimals", "not be negative", decimals)
    if isinstance(ballots, RankedProfile):
        _profile_arguments(ballots, seats, candidates, tie_break)
        allowed, abstentions, valid = ballots.candidates, ballots.abstentions, ballots.total
    else:
        counted, allowed, abstentions = _prepare(
            ballots, RankedBallot, seats=seats, candidates=candidates, tie_break=tie_break
        )
    index = {candidate: i for i, candidate in enumerate(allowed)}
    if not isinstance(ballots, RankedProfile):
        grouped: dict[tuple[int, ...], int] = {}
        for ballot in counted:
            ranking = tuple(map(index.__getitem__, ballot.ranking))
            grouped[ranking] = grouped.get(ranking, 0) + ballot.weight
        valid = sum(grouped.values())
    n = len(allowed)
    # Values are whole numbers of 10**-decimals (exact integers), or Fractions when exact.
    unit: Any = 10**decimals if decimals is not None else Fraction(1)

    def cut(numerator: _Value, denominator: _Value) -> _Value:
        if decimals is None:
            return Fraction(numerator) / denominator
        return numerator // denominator

    def shown(value: _Value) -> Fraction:
        return Fraction(value, unit) if decimals is not None else Fraction(value)

    continuing = [True] * n
    # Arrays count whole units, within int64: ballot values and the products a surplus makes.
    # The + 1 is a margin below 2**62, itself a margin below int64's end: no mutate.
    fits = decimals is not None and (valid + 1) * unit * unit < 2**62  # pragma: no mutate
    count: _Piles | _Arrays
    if not isinstance(ballots, RankedProfile):
        count = _Piles(grouped, n, unit, cut)
    elif fits:
        count = _Arrays(ballots, unit)
    else:
        # A profile has one weight a ranking, so strict may be either: no mutate.
        pairs = zip(ballots.rankings, ballots.weights, strict=True)  # pragma: no mutate
        count = _Piles(dict(pairs), n, unit, cut)
    totals = count.totals
    quota = (valid // (seats + 1) + 1) * unit
    elected: list[int] = []
    pending: list[int] = []  # elected, surplus not yet moved
    rounds: list[Round[C]] = []
    ties: list[Tie[C]] = []
    history: list[dict[C, Fraction]] = []
    step: tuple[list[int], list[int], Transfer[C] | None] = ([], [], None)

    def record() -> None:
        chosen_now, excluded_now, moved = step
        # Highest first, then by candidate: the totals sort as the values shown do.
        present = sorted(
            (i for i in range(n) if continuing[i] or i in elected),
            key=lambda i: (-totals[i], allowed[i]),
        )
        scores = {allowed[i]: shown(totals[i]) for i in present}
        history.append(scores)
        rounds.append(
            Round(
                number=len(rounds) + 1,
                scores=tuple(scores.items()),
                elected=tuple(allowed[i] for i in chosen_now),
                excluded=tuple(allowed[i] for i in excluded_now),
                transfer=moved,
            )
        )

    def ordered(group: list[int], purpose: str) -> list[int]:
        if len(group) < 2:
            return group
        settle: Literal["all", "first", "last"] = (
            "last" if purpose == "exclusion" else "first" if purpose == "surplus" else "all"
        )
        order, decided = _break_tie(
            [allowed[i] for i in group], tie_break, history[:-1], settle=settle
        )
        ties.append(
            Tie(
                round=len(rounds),
                purpose=purpose,
                candidates=tuple(sorted(allowed[i] for i in group)),
                order=order,
                broken_by=decided,
            )
        )
        return [index[c] for c in order]

    def by_total_desc(group: list[int], purpose: str) -> list[int]:
        result: list[int] = []
        for total in sorted({totals[i] for i in group}, reverse=True):
            result.extend(ordered([i for i in group if totals[i] == total], purpose))
        return result

    record()
    while True:
        hopeful = [i for i in range(n) if continuing[i]]
        if len(hopeful) <= seats - len(elected):
            won = by_total_desc(hopeful, "order")
            for i in won:
                continuing[i] = False
            elected.extend(won)
            step = (won, [], None)
            if won:
                record()
            break
        reached = [i for i in hopeful if totals[i] >= quota]
        if reached:
            won = by_total_desc(reached, "order")
            for i in won:
                continuing[i] = False
            elected.extend(won)
            pending.extend(i for i in won if totals[i] > quota)
            if len(elected) >= seats:
                step = (won, [], None)
                record()
                break
        else:
            won = []
        if pending:
            largest = max(totals[i] for i in pending)
            source = ordered([i for i in pending if totals[i] == largest], "surplus")[0]
            pending.remove(source)
            total = totals[source]
            surplus = total - quota
            if transfer is SurplusTransfer.WEIGHTED_INCLUSIVE_GREGORY:
                received, lost = count.move(source, ("scale", surplus, total), continuing)
                value = Fraction(surplus, total)
            else:
                each = cut(surplus, count.papers(source))
                received, lost = count.move(source, ("cap", each, None), continuing)
                value = shown(each)
            totals[source] = quota
            moved = Transfer(
                source=allowed[source],
                reason="surplus",
                value=value,
                received=tuple(sorted((allowed[i], shown(a)) for i, a in received.items())),
                exhausted=shown(lost),
            )
            step = (won, [], moved)
            record()
            continue
        lowest = min(totals[i] for i in hopeful)
        tied = [i for i in hopeful if totals[i] == lowest]
        out = ordered(tied, "exclusion")[-1]
        continuing[out] = False
        received, lost = count.move(out, ("keep", None, None), continuing)
        totals[out] = 0
        moved = Transfer(
            source=allowed[out],
            reason="exclusion",
            value=Fraction(1),
            received=tuple(sorted((allowed[i], shown(a)) for i, a in received.items())),
            exhausted=shown(lost),
        )
        step = (won, [out], moved)
        record()
    return Selection(
        rule=f"stv ({transfer.value})",
        seats=seats,
        candidates=allowed,
        chosen=tuple(allowed[i] for i in elected),
        rounds=tuple(rounds),
        ties=tuple(ties),
        abstentions=abstentions,
        quota=shown(quota),
    )
