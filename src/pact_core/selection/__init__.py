"""Generic, deterministic selection rules: who wins when a group votes.

This package knows nothing of policing: candidates are any hashable ids that sort among
themselves, so that `pact_core.priorities` (and anything else) can use it.
Every rule takes a list of ballots and returns a `Selection` with the chosen
candidates in order, the full trace of rounds, and every tie met and how it was broken.
Ties are never broken at random.

>>> from pact_core.selection import ranked_ballots, stv
>>> stv(ranked_ballots([["a", "b"], ["b"], ["c", "b"]], weights=[2, 2, 1]), seats=1).chosen
('b',)
"""

from __future__ import annotations

from pact_core.selection.ballots import (
    ApprovalBallot,
    Ballot,
    RankedBallot,
    ScoreBallot,
    approval_ballots,
    ranked_ballots,
    score_ballots,
)
from pact_core.selection.profile import RankedProfile
from pact_core.selection.results import CANDIDATE_ID, Round, Selection, Tie, TieBreak, Transfer
from pact_core.selection.rules import approval, borda, plurality, score
from pact_core.selection.stv import SurplusTransfer, stv

__all__ = [
    "CANDIDATE_ID",
    "ApprovalBallot",
    "Ballot",
    "RankedBallot",
    "RankedProfile",
    "Round",
    "ScoreBallot",
    "Selection",
    "SurplusTransfer",
    "Tie",
    "TieBreak",
    "Transfer",
    "approval",
    "approval_ballots",
    "borda",
    "plurality",
    "ranked_ballots",
    "score",
    "score_ballots",
    "stv",
]
