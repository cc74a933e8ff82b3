"""The panel's choice: reserved seats, then the voting members' ballots counted by a selection rule.

The PACT panel decides the top three priorities (Maidstone 2.3). Some forces reserve a
seat: the Met (2022) has the first priority set by the team and violence-related, the
others set by the panel. Only the voting members present at the meeting vote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from pact_core._validation import require_int
from pact_core.errors import ExceptionGroup, InvalidPriority
from pact_core.panels import Meeting
from pact_core.priorities.concerns import Candidate, HarmWeights, Issue
from pact_core.selection import (
    ApprovalBallot,
    Ballot,
    RankedBallot,
    ScoreBallot,
    Selection,
    TieBreak,
    stv,
)

__all__ = ["PanelChoice", "choose_priorities", "default_tie_break"]

Rule = Callable[..., Selection[Issue]]


@attrs.frozen(kw_only=True)
class PanelChoice:
    """What a panel chose at a meeting: the reserved priorities, then those its members elected.

    *priorities* is the full ordered list (reserved first); *selection* the count itself.

    >>> PanelChoice.__name__
    'PanelChoice'
    """

    meeting: Meeting
    reserved: tuple[Issue, ...]
    selection: Selection[Issue]

    @property
    def priorities(self) -> tuple[Issue, ...]:
        """Every priority chosen, reserved ones first."""
        return self.reserved + self.selection.chosen


def default_tie_break(
    candidates: Sequence[Candidate], *, weights: HarmWeights | None = None
) -> tuple[TieBreak, ...]:
    """The chain pact_core uses when a panel gives none: earlier rounds, residents, harm, earliest raised.

    Then, as always, the issue itself (category, then place). Harm counts only for
    candidates that carry an assessment.

    >>> [key.name for key in default_tie_break([])]
    ['earliest earlier round', 'distinct residents', 'harm score', 'earliest raised']
    """
    weights = weights or HarmWeights()
    return (
        TieBreak.earlier_rounds(),
        TieBreak.by("distinct residents", {c.issue: c.residents for c in candidates}),
        TieBreak.by(
            "harm score",
            {c.issue: c.harm.score(weights) for c in candidates if c.harm is not None},
        ),
        TieBreak.by(
            "earliest raised", {c.issue: c.first_raised for c in candidates}, prefer="lower"
        ),
    )


def _without(ballot: Ballot, reserved: frozenset[Issue]) -> Ballot:
    if isinstance(ballot, RankedBallot):
        kept = tuple(issue for issue in ballot.ranking if issue not in reserved)
        return RankedBallot(kept, weight=ballot.weight)
    if isinstance(ballot, ApprovalBallot):
        return ApprovalBallot(ballot.approved - reserved, weight=ballot.weight)
    scores = {issue: value for issue, value in ballot.scores if issue not in reserved}
    return ScoreBallot(scores, minimum=ballot.minimum, maximum=ballot.maximum, weight=ballot.weight)


def choose_priorities(  # noqa: PLR0913 - each option is the panel's to set
    meeting: Meeting,
    ballots: Mapping[str, Ballot],
    candidates: Sequence[Candidate],
    *,
    rule: Rule = stv,
    seats: int = 3,
    reserved: Sequence[Issue] = (),
    tie_break: Sequence[TieBreak] | None = None,
    **options: Any,  # noqa: ANN401 - passed on to the rule (aggregate, transfer, ...)
) -> PanelChoice:
    """Count the ballots of the voting members present, after the reserved seats.

    *ballots* maps a member's name to their ballot (of the kind *rule* counts: ranked for
    `pact_core.selection.stv`, the default). Every ballot from someone who is not a voting
    member present is reported at once. Reserved issues take the first seats in the order
    given and are struck from the ballots; the rule fills the rest from *candidates*.

    >>> import datetime as dt
    >>> from pact_core.panels import Panel, PanelMember
    >>> from pact_core.priorities import Concern, candidates
    >>> from pact_core.selection import RankedBallot
    >>> panel = Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT",
    ...               members=[PanelMember(name=n, organisation="Residents") for n in "ABC"])
    >>> meeting = Meeting(panel=panel, start=dt.datetime(2025, 3, 20, 19, tzinfo=dt.timezone.utc), present=["A", "B", "C"])
    >>> raise_ = lambda n, category: Concern(id=str(n), text=category, category=category, force="kent",
    ...                                      neighbourhood="Chatham", raised=meeting.start)
    >>> pool = candidates([raise_(1, "speeding"), raise_(2, "drugs"), raise_(3, "litter")])
    >>> speeding, drugs, litter = (Issue(category=c, place="Chatham") for c in ("speeding", "drugs", "litter"))
    >>> violence = Issue(category="violence", place="Chatham")
    >>> choice = choose_priorities(meeting, {"A": RankedBallot([drugs, speeding]), "B": RankedBallot([drugs]),
    ...                                      "C": RankedBallot([speeding])}, pool, reserved=[violence])
    >>> [issue.category for issue in choice.priorities]
    ['violence', 'drugs', 'speeding']
    """
    if not isinstance(meeting, Meeting):
        raise TypeError(f"meeting must be a Meeting, got {meeting!r}")
    require_int(seats, field="seats")
    if seats < 1:
        raise InvalidPriority.must("seats", "be at least 1", seats)
    for candidate in candidates:
        if not isinstance(candidate, Candidate):
            raise TypeError(f"candidates must be Candidate values, got {candidate!r}")
    voters = set(meeting.voters)
    problems = [
        InvalidPriority.must(
            f"ballots[{name!r}]",
            f"come from a voting member present at {meeting.panel.name!r}",
            name,
        )
        for name in sorted(ballots)
        if name not in voters
    ]
    if len(reserved) > seats:
        problems.append(
            InvalidPriority.must("reserved", f"be at most {seats} issues", list(reserved))
        )
    if len(set(reserved)) != len(reserved):
        problems.append(InvalidPriority.must("reserved", "name each issue once", list(reserved)))
    struck = frozenset(reserved)
    pool = [c for c in candidates if c.issue not in struck]
    known = {c.issue for c in pool}
    counted = []
    for name in sorted(ballots):
        ballot = _without(ballots[name], struck)
        unknown = sorted(ballot.candidates - known)
        if unknown:
            problems.append(
                InvalidPriority.must(f"ballots[{name!r}]", "name only candidates", unknown)
            )
        counted.append(ballot)
    if problems:
        raise ExceptionGroup("the panel's choice cannot be counted", problems)
    chain = default_tie_break(pool) if tie_break is None else tuple(tie_break)
    remaining = seats - len(reserved)
    if remaining == 0:
        selection: Selection[Issue] = Selection(
            rule="none: every seat is reserved", seats=0, candidates=(), chosen=(), rounds=()
        )
    else:
        selection = rule(
            counted, seats=remaining, candidates=sorted(known), tie_break=chain, **options
        )
    return PanelChoice(meeting=meeting, reserved=tuple(reserved), selection=selection)
