"""What a selection rule returns, and how it breaks ties: never at random.

A tie is broken by a chain of keys the caller gives (`TieBreak`), always ending with the
candidate id itself, so that the same input always gives the same `Selection`; every tie
met is recorded with the key that settled it. A lower id is preferred to a higher one,
so in a tie for exclusion the highest id goes first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Generic, Literal

import attrs
from attrs.validators import in_, instance_of

from pact_core._validation import nonblank
from pact_core.errors import InvalidElection
from pact_core.selection.ballots import C

__all__ = ["CANDIDATE_ID", "Round", "Selection", "Tie", "TieBreak", "Transfer"]

CANDIDATE_ID = "candidate id"
"""The name of the last key of every tie-break chain."""


def _to_values(value: Mapping[Any, Any] | None) -> tuple[tuple[Any, Any], ...] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"values must be a mapping of candidate to value, got {value!r}")
    return tuple(sorted(value.items()))


@attrs.frozen(kw_only=True)
class TieBreak:
    """One key of a tie-break chain: a value for each candidate, the higher (or lower) preferred.

    Candidates the key does not mention come after those it does.
    `TieBreak.earlier_rounds()` prefers the candidate ahead at the earliest round where
    the tied candidates' scores differed (the rule of the Scottish local-government STV
    count); ``latest=True`` looks from the most recent round back instead.

    >>> import datetime as dt
    >>> raised = {"litter": dt.date(2025, 1, 4), "speeding": dt.date(2024, 11, 2)}
    >>> TieBreak.by("earliest raised", raised, prefer="lower").name
    'earliest raised'
    """

    name: str = attrs.field(validator=nonblank(InvalidElection))
    values: tuple[tuple[Any, Any], ...] | None = attrs.field(default=None, converter=_to_values)
    prefer: Literal["higher", "lower"] = attrs.field(
        default="higher", validator=in_(("higher", "lower"))
    )
    latest: bool = attrs.field(default=False, validator=instance_of(bool))

    @classmethod
    def by(
        cls,
        name: str,
        values: Mapping[Any, Any],
        *,
        prefer: Literal["higher", "lower"] = "higher",
    ) -> TieBreak:
        """A key from a mapping of candidate to a sortable value (harm score, incumbency, date raised)."""
        return cls(name=name, values=values, prefer=prefer)

    @classmethod
    def earlier_rounds(cls, *, latest: bool = False) -> TieBreak:
        """The candidates' scores in the rounds before the tie: the earliest difference, or the latest."""
        return cls(
            name="latest earlier round" if latest else "earliest earlier round", latest=latest
        )


@attrs.frozen(kw_only=True)
class Tie(Generic[C]):
    """A tie met while counting, and how it was broken.

    *purpose* says what the tie decided: ``"order"`` (who is chosen, and in what order),
    ``"exclusion"`` (who is excluded, STV) or ``"surplus"`` (whose surplus moves first, STV).
    *order* is the tied candidates best first, and *broken_by* the name of the key that
    settled it (`CANDIDATE_ID` when nothing else did).

    >>> from pact_core.selection import plurality, RankedBallot
    >>> plurality([RankedBallot(["b"]), RankedBallot(["a"])], seats=1).ties[0].broken_by
    'candidate id'
    """

    round: int
    purpose: str
    candidates: tuple[C, ...]
    order: tuple[C, ...]
    broken_by: str


@attrs.frozen(kw_only=True)
class Transfer(Generic[C]):
    """Votes moved in an STV round: from whom, why, at what value, to whom.

    *value* is the transfer value of each ballot moved from a surplus, and 1 for an exclusion
    (ballots move at the value they have).

    >>> Transfer.__name__
    'Transfer'
    """

    source: C
    reason: Literal["surplus", "exclusion"]
    value: Fraction
    received: tuple[tuple[C, Fraction], ...]
    exhausted: Fraction


@attrs.frozen(kw_only=True)
class Round(Generic[C]):
    """One round of a count: the scores after it, who was elected or excluded, and what moved.

    Scores are exact `fractions.Fraction` values; rules with one round have one `Round`.

    >>> from pact_core.selection import borda, RankedBallot
    >>> [(c, str(s)) for c, s in borda([RankedBallot(["a"])], candidates=["a", "b", "c"]).rounds[0].scores]
    [('a', '2'), ('b', '1/2'), ('c', '1/2')]
    """

    number: int
    scores: tuple[tuple[C, Fraction], ...]
    elected: tuple[C, ...] = ()
    excluded: tuple[C, ...] = ()
    transfer: Transfer[C] | None = None


@attrs.frozen(kw_only=True)
class Selection(Generic[C]):
    """The result of a rule: the chosen candidates in order, the full trace and every tie.

    *unfilled* seats remain when there were fewer candidates than seats.
    *abstentions* is the weight of empty ballots. *quota* is the STV quota (None otherwise).

    >>> from pact_core.selection import approval, ApprovalBallot
    >>> result = approval([ApprovalBallot({"a", "b"}), ApprovalBallot({"b"})], seats=3)
    >>> result.chosen, result.unfilled
    (('b', 'a'), 1)
    """

    rule: str
    seats: int
    candidates: tuple[C, ...]
    chosen: tuple[C, ...]
    rounds: tuple[Round[C], ...]
    ties: tuple[Tie[C], ...] = ()
    abstentions: int = 0
    quota: Fraction | None = None

    @property
    def unfilled(self) -> int:
        """How many seats were left unfilled."""
        return self.seats - len(self.chosen)

    def scores(self, round: int = -1) -> dict[C, Fraction]:  # noqa: A002 - the domain's word
        """The scores of a round (the last by default) as a dict."""
        return dict(self.rounds[round].scores)


def _key_values(key: TieBreak, history: Sequence[Mapping[Any, Fraction]], candidate: Any) -> Any:  # noqa: ANN401
    if key.values is None:
        rounds = reversed(history) if key.latest else history
        # Higher earlier scores are better: negate so that ascending order puts them first.
        return tuple(-scores.get(candidate, Fraction(0)) for scores in rounds)
    for named, value in key.values:
        if named == candidate:
            return (0, value)
    return (1, None)


def _break_tie(
    tied: Sequence[C],
    chain: Sequence[TieBreak],
    history: Sequence[Mapping[Any, Fraction]],
    *,
    settle: Literal["all", "first", "last"] = "all",
) -> tuple[tuple[C, ...], str]:
    """Order *tied* best first by *chain*, then by id; return the order and the deciding key's name.

    The deciding key is the one that settled what the tie decides: the whole order, or
    only who comes first (whose surplus moves) or last (who is excluded).

    >>> _break_tie(["b", "a"], [], [])
    (('a', 'b'), 'candidate id')
    """
    groups: list[list[C]] = [sorted(tied)]
    decided: str | None = None
    for key in chain:
        refined: list[list[C]] = []
        for group in groups:
            if len(group) == 1:
                refined.append(group)
                continue
            keyed = [(_key_values(key, history, c), c) for c in group]
            present = [item for item in keyed if key.values is None or item[0][0] == 0]
            absent = [c for k, c in keyed if key.values is not None and k[0] == 1]
            reverse = key.values is not None and key.prefer == "higher"
            present.sort(key=lambda item: item[0], reverse=reverse)
            run: list[C] = []
            last: Any = object()
            for value, candidate in present:
                if run and value != last:
                    refined.append(run)
                    run = []
                run.append(candidate)
                last = value
            if run:
                refined.append(run)
            if absent:
                refined.append(absent)
        groups = refined
        settled = {
            "all": all(len(group) == 1 for group in groups),
            "first": len(groups[0]) == 1,
            "last": len(groups[-1]) == 1,
        }[settle]
        if decided is None and settled:
            decided = key.name
        if all(len(group) == 1 for group in groups):
            break
    return tuple(c for group in groups for c in group), decided or CANDIDATE_ID
