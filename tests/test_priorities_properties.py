"""Laws of concerns, candidates, the panel's choice, the register and recurrence."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pact_core.panels import Meeting, Panel, PanelMember
from pact_core.priorities import (
    Concern,
    EventKind,
    Issue,
    Priority,
    Register,
    RoutingPolicy,
    candidates,
    choose_priorities,
    recurrences,
)
from pact_core.selection import RankedBallot
from pact_core.testing import concerns, issues, priorities, ranked_ballots, registers

UTC = dt.timezone.utc
ISSUES = issues(places=st.sampled_from(["Chatham", "High Street"]))
CONCERNS = st.lists(concerns(issues=ISSUES), max_size=30)
# Each example builds registers or counts a panel's choice: a fifth of the profile's examples keeps CI quick.
heavy = settings(max_examples=max(10, settings().max_examples // 5))
AS_OF = st.integers(0, 7 * 365).map(
    lambda d: dt.datetime(2020, 1, 1, tzinfo=UTC) + dt.timedelta(days=d)
)


@given(CONCERNS)
def test_routing_loses_no_concern(raised: list[Concern]) -> None:
    routed = RoutingPolicy.default().route(raised)
    out = list(routed.police) + [c for _, items in routed.partners for c in items]
    assert sorted(out, key=id) == sorted(raised, key=id)
    assert all(RoutingPolicy.default().partner_for(c.category) is None for c in routed.police)


@given(CONCERNS, st.randoms(use_true_random=False))
def test_candidates_count_every_concern_once_in_any_order(
    raised: list[Concern], random: Any
) -> None:
    found = candidates(raised)
    assert sum(c.count for c in found) == len(raised)
    assert len({c.issue for c in found}) == len(found)
    assert all(c.residents <= c.count for c in found)
    shuffled = list(raised)
    random.shuffle(shuffled)
    assert candidates(shuffled) == found


@heavy
@given(registers(), AS_OF)
def test_register_answers_are_consistent(register: Register, as_of: dt.datetime) -> None:
    current = register.current(as_of=as_of)
    assert set(current) <= set(register.priorities)
    assert set(register.overdue_for_review(as_of=as_of)) <= set(current)
    assert set(register.updated_within(as_of=as_of)) <= set(current)
    share = register.share_updated(as_of=as_of)
    assert (share is None) == (not current)
    assert share is None or 0 <= share <= 1
    for priority in current:
        due = priority.next_review(as_of=as_of)
        assert due is not None
        assert due > priority.issue_date


@heavy
@given(registers(), AS_OF)
def test_retaining_everything_clears_the_overdue_list(
    register: Register, as_of: dt.datetime
) -> None:
    meeting = Meeting(panel=register.panel, start=as_of)
    active = register.current(as_of=as_of)
    # the review may only come after every event already recorded
    if all(p.events[-1].at <= as_of for p in active):
        reviewed = register.review(meeting, {p.id: EventKind.RETAINED for p in active})
        assert reviewed.overdue_for_review(as_of=as_of) == ()
        assert {p.id for p in reviewed.current(as_of=as_of)} == {p.id for p in active}


@heavy
@given(priorities())
def test_priorities_round_trip_through_pickle_and_evolve(priority: Priority) -> None:
    assert pickle.loads(pickle.dumps(priority)) == priority  # noqa: S301 - our own bytes
    assert hash(priority) == hash(
        Priority(**{f: getattr(priority, f) for f in ("id", "panel", "issue", "text", "events")})
    )
    assert priority.action_date is None or priority.action_date >= priority.issue_date


PANEL = Panel(
    force="kent",
    neighbourhood="Chatham",
    name="Chatham PACT",
    members=[PanelMember(name=name, organisation="Residents") for name in "ABCDEFG"],
)


@heavy
@given(
    CONCERNS.filter(bool),
    st.lists(ranked_ballots(candidates=ISSUES), min_size=1, max_size=7),
    st.integers(1, 3),
    st.lists(ISSUES, max_size=1),
)
def test_the_panel_choice_is_well_formed(
    raised: list[Concern], drawn: list[RankedBallot[Issue]], seats: int, reserved: list[Issue]
) -> None:
    pool = candidates(raised)
    known = {c.issue for c in pool} | set(reserved)
    ballots = {
        name: RankedBallot([i for i in ballot.ranking if i in known])
        for name, ballot in zip("ABCDEFG", drawn, strict=False)
    }
    meeting = Meeting(
        panel=PANEL, start=dt.datetime(2026, 1, 1, tzinfo=UTC), present=list("ABCDEFG")
    )
    choice = choose_priorities(meeting, ballots, pool, seats=seats, reserved=reserved)
    assert choice.priorities[: len(reserved)] == tuple(reserved)
    assert len(choice.priorities) == len(set(choice.priorities)) <= seats
    assert set(choice.priorities) <= known
    assert choice == choose_priorities(meeting, ballots, pool, seats=seats, reserved=reserved)


@heavy
@given(
    CONCERNS,
    st.lists(AS_OF, min_size=1, max_size=6, unique=True),
    st.randoms(use_true_random=False),
)
def test_recurrence_does_not_depend_on_order(
    raised: list[Concern], starts: list[dt.datetime], random: Any
) -> None:
    meetings = [Meeting(panel=PANEL, start=start) for start in starts]
    found = recurrences(raised, meetings)
    random.shuffle(raised)
    random.shuffle(meetings)
    assert recurrences(raised, meetings) == found
    for flagged in found:
        assert len(flagged.history) <= 4
