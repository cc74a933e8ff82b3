"""Priorities by hand: concerns, routing, candidates, the panel's choice, the register, recurrence and feedback."""

from __future__ import annotations

import datetime as dt
import importlib
from fractions import Fraction
from typing import Any

import attrs
import pytest

from pact_core.errors import ExceptionGroup, InvalidPriority
from pact_core.geography import WardCode
from pact_core.intervals import Interval
from pact_core.panels import Meeting, MeetingKind, Panel, PanelMember
from pact_core.priorities import (
    Agreement,
    Channel,
    Concern,
    EventKind,
    FeedbackResponse,
    HarmAssessment,
    HarmWeights,
    Issue,
    Priority,
    PriorityEvent,
    RecurrenceKind,
    RecurrencePolicy,
    Register,
    RoutingPolicy,
    Status,
    candidates,
    choose_priorities,
    default_tie_break,
    influence,
    recurrences,
    shared_priorities,
)
from pact_core.selection import (
    ApprovalBallot,
    RankedBallot,
    ScoreBallot,
    TieBreak,
    approval,
    plurality,
    score,
)

UTC = dt.timezone.utc


def at(year: int, month: int, day: int, hour: int = 19) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=UTC)


def concern(
    n: int, category: str, place: str, when: dt.datetime, resident: str | None = None
) -> Concern:
    return Concern(
        id=f"C{n}",
        text=f"{category} at {place}",
        category=category,
        force="kent",
        neighbourhood="Chatham",
        place=place,
        raised=when,
        resident=resident,
    )


PANEL = Panel(
    force="kent",
    neighbourhood="Chatham",
    name="Chatham PACT",
    members=[
        PanelMember(name="A", organisation="Luton Residents"),
        PanelMember(name="B", organisation="Chatham Traders"),
        PanelMember(name="C", organisation="Housing Trust"),
        PanelMember(name="D", organisation="Residents"),
        PanelMember(name="Cllr E", organisation="Medway Council", voting=False),
    ],
)
SPEEDING = Issue(category="speeding", place="Maidstone Road")
DRUGS = Issue(category="drugs", place="Luton Rec")
ASB = Issue(category="anti-social behaviour", place="High Street")
VIOLENCE = Issue(category="violence", place="Chatham")


# ----------------------------------------------------------------------------- concerns


def test_concern_normalises_and_derives_its_issue() -> None:
    c = Concern(
        id="C1",
        text="Speeding",
        category="  Speeding ",
        force="kent",
        ward=WardCode("E05014450"),
        raised=at(2025, 1, 1),
        location=("51.38", 0.52),
    )
    assert c.category == "speeding"
    assert c.issue == Issue(category="speeding", place="E05014450")
    assert c.location == (51.38, 0.52)
    assert c.channel is Channel.MEETING
    assert concern(2, "drugs", "Luton Rec", at(2025, 1, 1)).issue == DRUGS


def test_concern_errors() -> None:
    base: dict[str, Any] = {
        "id": "C1",
        "text": "x",
        "category": "litter",
        "force": "kent",
        "neighbourhood": "N",
        "raised": at(2025, 1, 1),
    }
    with pytest.raises(
        InvalidPriority, match="^neighbourhood must be given when ward is not, got None$"
    ):
        Concern(**{**base, "neighbourhood": None})
    with pytest.raises(InvalidPriority, match="^resident must be a pseudonymous id without spaces"):
        Concern(**base, resident="")
    with pytest.raises(TypeError, match="^resident must be a str or None"):
        Concern(**base, resident=7)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidPriority,
        match=r"^location must be a latitude within ±90 and a longitude within ±180, got \(91.0, 0.0\)$",
    ):
        Concern(**base, location=(91, 0))
    with pytest.raises(TypeError, match="^location must be a"):
        Concern(**base, location="51.3,0.5")
    with pytest.raises(TypeError, match="^category must be a str"):
        Concern(**{**base, "category": 3})
    with pytest.raises(InvalidPriority, match="^category must not be blank"):
        Concern(**{**base, "category": "  "})
    with pytest.raises(Exception, match="^raised must be timezone-aware"):
        Concern(**{**base, "raised": dt.datetime(2025, 1, 1)})  # noqa: DTZ001


def test_routing_sends_partner_categories_to_the_partner_and_loses_nothing() -> None:
    raised = [
        concern(1, "litter", "High Street", at(2025, 1, 1)),
        concern(2, "speeding", "Maidstone Road", at(2025, 1, 1)),
        concern(3, "Dog  fouling", "Luton Rec", at(2025, 1, 1)),
        concern(4, "housing repairs", "Luton Rec", at(2025, 1, 1)),
    ]
    policy = RoutingPolicy(
        {**dict(RoutingPolicy.default().routes), "housing repairs": "housing provider"}
    )
    routed = policy.route(raised)
    assert [c.id for c in routed.police] == ["C2"]
    assert [(p, [c.id for c in items]) for p, items in routed.partners] == [
        ("council", ["C1", "C3"]),
        ("housing provider", ["C4"]),
    ]
    assert policy.partner_for("SPEEDING") is None
    with pytest.raises(
        InvalidPriority, match="^routes must name a partner for each category, got ''$"
    ):
        RoutingPolicy({"litter": ""})
    with pytest.raises(TypeError, match="^routes must be a mapping"):
        RoutingPolicy([("litter", "council")])  # type: ignore[arg-type]


def test_candidates_group_by_issue_and_count_residents() -> None:
    raised = [
        concern(1, "speeding", "Maidstone Road", at(2025, 1, 5), "R1"),
        concern(2, "speeding", "Maidstone Road", at(2025, 1, 2), "R2"),
        concern(3, "speeding", "Maidstone Road", at(2025, 1, 9), "R1"),
        concern(4, "drugs", "Luton Rec", at(2025, 1, 3), None),
        concern(5, "drugs", "Luton Rec", at(2025, 1, 4), "R3"),
        concern(6, "anti-social behaviour", "High Street", at(2025, 1, 6), "R4"),
        concern(7, "anti-social behaviour", "High Street", at(2025, 1, 7), "R5"),
        concern(8, "litter", "High Street", at(2025, 2, 1), "R6"),
    ]
    harm = {DRUGS: HarmAssessment(harm=5, likelihood=4, community_concern=3)}
    found = candidates(raised, start=at(2025, 1, 1, 0), end=at(2025, 2, 1, 0), harm=harm)
    assert [(c.issue, c.count, c.residents) for c in found] == [
        (SPEEDING, 3, 2),
        (ASB, 2, 2),
        (DRUGS, 2, 1),
    ]
    assert found[0].first_raised == at(2025, 1, 2)
    assert [c.id for c in found[0].concerns] == ["C2", "C1", "C3"]
    assert found[2].harm == harm[DRUGS]
    assert found[2].harm.score(HarmWeights(harm=3, community_concern=0)) == 19
    with pytest.raises(Exception, match="^start must be timezone-aware"):
        candidates(raised, start=dt.datetime(2025, 1, 1))  # noqa: DTZ001


def test_harm_assessment_and_weights_are_validated() -> None:
    with pytest.raises(InvalidPriority, match="^harm must be from 1 to 5, got 6$"):
        HarmAssessment(harm=6, likelihood=1, community_concern=1)
    with pytest.raises(TypeError, match="^likelihood must be an int"):
        HarmAssessment(harm=1, likelihood=1.5, community_concern=1)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidPriority, match=r"^harm must not be negative, got Fraction\(-1, 1\)$"
    ):
        HarmWeights(harm=-1)
    with pytest.raises(TypeError, match="^weights must be ints or Fractions"):
        HarmWeights(harm=0.5)
    with pytest.raises(TypeError, match="^weights must be HarmWeights"):
        HarmAssessment(harm=1, likelihood=1, community_concern=1).score(None)  # type: ignore[arg-type]
    assert HarmWeights(likelihood=Fraction(1, 2)).likelihood == Fraction(1, 2)


# ----------------------------------------------------------------------------- the panel's choice


def _meeting(**changes: Any) -> Meeting:
    meeting = Meeting(panel=PANEL, start=at(2025, 3, 20), present=["A", "B", "C", "D", "Cllr E"])
    return attrs.evolve(meeting, **changes)


def _pool() -> tuple[Any, ...]:
    raised = [
        concern(1, "speeding", "Maidstone Road", at(2025, 1, 5), "R1"),
        concern(2, "speeding", "Maidstone Road", at(2025, 1, 6), "R2"),
        concern(3, "drugs", "Luton Rec", at(2025, 1, 3), "R3"),
        concern(4, "anti-social behaviour", "High Street", at(2025, 1, 7), "R4"),
    ]
    return candidates(raised)


def test_the_panel_chooses_three_with_a_reserved_seat() -> None:
    ballots = {
        "A": RankedBallot([DRUGS, SPEEDING, VIOLENCE]),
        "B": RankedBallot([DRUGS, ASB]),
        "C": RankedBallot([SPEEDING, DRUGS]),
        "D": RankedBallot([ASB, SPEEDING]),
    }
    choice = choose_priorities(_meeting(), ballots, _pool(), reserved=[VIOLENCE])
    assert choice.reserved == (VIOLENCE,)
    assert choice.priorities[0] == VIOLENCE
    assert set(choice.priorities[1:]) == {DRUGS, SPEEDING}
    assert choice.selection.seats == 2
    assert VIOLENCE not in choice.selection.candidates


def test_the_default_chain_breaks_ties_by_residents_then_harm_then_earliest() -> None:
    ballots = {"A": RankedBallot([DRUGS]), "B": RankedBallot([SPEEDING])}
    # one seat, one vote each: speeding has two residents behind it, drugs one
    choice = choose_priorities(_meeting(), ballots, _pool(), seats=1, rule=plurality)
    assert choice.priorities == (SPEEDING,)
    assert choice.selection.ties[0].broken_by == "distinct residents"
    same = [c for c in _pool() if c.issue != SPEEDING]
    harmful = [
        attrs.evolve(c, harm=HarmAssessment(harm=5, likelihood=5, community_concern=5))
        if c.issue == ASB
        else c
        for c in same
    ]
    ballots = {"A": RankedBallot([DRUGS]), "B": RankedBallot([ASB])}
    choice = choose_priorities(_meeting(), ballots, harmful, seats=1, rule=plurality)
    assert (choice.priorities, choice.selection.ties[0].broken_by) == ((ASB,), "harm score")
    choice = choose_priorities(_meeting(), ballots, same, seats=1, rule=plurality)
    assert (choice.priorities, choice.selection.ties[0].broken_by) == ((DRUGS,), "earliest raised")
    custom = choose_priorities(
        _meeting(),
        ballots,
        same,
        seats=1,
        rule=plurality,
        tie_break=[TieBreak.by("incumbency", {ASB: 1})],
    )
    assert custom.priorities == (ASB,)
    assert [k.name for k in default_tie_break(same)][-1] == "earliest raised"


def test_other_rules_and_their_options_pass_through() -> None:
    approvals = {"A": ApprovalBallot({DRUGS, ASB}), "B": ApprovalBallot({ASB})}
    assert choose_priorities(_meeting(), approvals, _pool(), seats=1, rule=approval).priorities == (
        ASB,
    )
    scores = {"A": ScoreBallot({DRUGS: 5}), "B": ScoreBallot({ASB: 4}), "C": ScoreBallot({ASB: 3})}
    mean = choose_priorities(_meeting(), scores, _pool(), seats=1, rule=score, aggregate="mean")
    assert mean.priorities == (DRUGS,)
    quorate = choose_priorities(
        _meeting(), scores, _pool(), seats=1, rule=score, aggregate="mean", quorum=2
    )
    assert quorate.priorities == (ASB,)


def test_reserved_issues_are_struck_from_every_kind_of_ballot() -> None:
    ranked = {"A": RankedBallot([VIOLENCE, DRUGS])}
    assert choose_priorities(
        _meeting(), ranked, _pool(), seats=2, reserved=[VIOLENCE]
    ).priorities == (VIOLENCE, DRUGS)
    approvals = {"A": ApprovalBallot({VIOLENCE, ASB})}
    choice = choose_priorities(
        _meeting(), approvals, _pool(), seats=2, reserved=[VIOLENCE], rule=approval
    )
    assert choice.priorities == (VIOLENCE, ASB)
    scores = {"A": ScoreBallot({VIOLENCE: 5, SPEEDING: 2})}
    choice = choose_priorities(
        _meeting(), scores, _pool(), seats=2, reserved=[VIOLENCE], rule=score
    )
    assert choice.priorities == (VIOLENCE, SPEEDING)
    full = choose_priorities(_meeting(), ranked, _pool(), seats=1, reserved=[VIOLENCE])
    assert (full.priorities, full.selection.chosen, full.selection.seats) == ((VIOLENCE,), (), 0)


def test_ballots_from_non_voters_and_bad_reservations_are_reported_at_once() -> None:
    ballots = {
        "Cllr E": RankedBallot([DRUGS]),
        "Z": RankedBallot([DRUGS]),
        "A": RankedBallot([Issue(category="noise", place="Nowhere")]),
        "B": RankedBallot([DRUGS]),
    }
    meeting = _meeting(present=["A", "Cllr E"])
    with pytest.raises(ExceptionGroup) as caught:
        choose_priorities(meeting, ballots, _pool(), seats=1, reserved=[VIOLENCE, VIOLENCE])
    assert [str(e) for e in caught.value.exceptions] == [
        "ballots['B'] must come from a voting member present at 'Chatham PACT', got 'B'",
        "ballots['Cllr E'] must come from a voting member present at 'Chatham PACT', got 'Cllr E'",
        "ballots['Z'] must come from a voting member present at 'Chatham PACT', got 'Z'",
        "reserved must be at most 1 issues, got [Issue(category='violence', place='Chatham'), Issue(category='violence', place='Chatham')]",
        "reserved must name each issue once, got [Issue(category='violence', place='Chatham'), Issue(category='violence', place='Chatham')]",
        "ballots['A'] must name only candidates, got [Issue(category='noise', place='Nowhere')]",
    ]
    with pytest.raises(TypeError, match="^meeting must be a Meeting"):
        choose_priorities(None, {}, [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^candidates must be Candidate values"):
        choose_priorities(_meeting(), {}, [DRUGS])  # type: ignore[list-item]
    with pytest.raises(InvalidPriority, match="^seats must be at least 1, got 0$"):
        choose_priorities(_meeting(), {}, [], seats=0)
    with pytest.raises(TypeError, match="^seats must be an int"):
        choose_priorities(_meeting(), {}, [], seats="3")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the register


def _priority(pid: str, issue: Issue, *events: PriorityEvent) -> Priority:
    return Priority(
        id=pid, panel=PANEL, issue=issue, text=f"{issue.category} at {issue.place}", events=events
    )


def adopted(when: dt.datetime) -> PriorityEvent:
    return PriorityEvent(kind=EventKind.ADOPTED, at=when)


def test_a_priority_as_police_uk_publishes_it() -> None:
    p = _priority(
        "P1",
        SPEEDING,
        adopted(at(2025, 1, 15)),
        PriorityEvent(kind=EventKind.ACTION, at=at(2025, 2, 1), note="Speed checks"),
        PriorityEvent(kind=EventKind.ACTION, at=at(2025, 2, 20), note="Community Speedwatch"),
        PriorityEvent(kind=EventKind.RETAINED, at=at(2025, 3, 20)),
    )
    assert (p.issue_date, p.action, p.action_date) == (
        at(2025, 1, 15),
        "Community Speedwatch",
        at(2025, 2, 20),
    )
    assert p.status() is Status.ACTIVE
    assert p.status(as_of=at(2025, 1, 1)) is None
    assert p.next_review(as_of=at(2025, 3, 1)) == at(2025, 5, 15)
    assert p.next_review() == at(2025, 7, 20)
    assert p.updated(as_of=at(2025, 2, 10)) == at(2025, 2, 1)
    assert p.updated(as_of=at(2025, 1, 1)) is None
    fresh = _priority("P2", DRUGS, adopted(at(2025, 1, 15)))
    assert (fresh.action, fresh.action_date) == (None, None)
    done = _priority(
        "P3",
        DRUGS,
        adopted(at(2025, 1, 15)),
        PriorityEvent(kind=EventKind.ACHIEVED, at=at(2025, 3, 20)),
    )
    assert done.status() is Status.ACHIEVED
    assert done.next_review() is None


def test_an_impossible_history_reports_every_problem() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        _priority(
            "P1",
            SPEEDING,
            PriorityEvent(kind=EventKind.ACTION, at=at(2025, 1, 10), note="Early"),
            adopted(at(2025, 1, 15)),
            PriorityEvent(kind=EventKind.ACHIEVED, at=at(2025, 3, 20)),
            PriorityEvent(kind=EventKind.ACTION, at=at(2025, 3, 1), note="Late"),
        )
    assert [str(e) for e in caught.value.exceptions] == [
        "priority 'P1' events[0] must be its adoption, got 'action'",
        "priority 'P1' events[1] (adopted at 2025-01-15T19:00:00+00:00) must not adopt the priority again",
        "priority 'P1' events[3] (action at 2025-03-01T19:00:00+00:00) must not come before the event above it",
        "priority 'P1' events[3] (action at 2025-03-01T19:00:00+00:00) must not follow the priority's end",
    ]
    with pytest.raises(ExceptionGroup) as caught:
        _priority(
            "P2",
            SPEEDING,
            adopted(at(2025, 1, 15)),
            PriorityEvent(kind=EventKind.ACTION, at=at(2025, 1, 14), note="x"),
        )
    assert [str(e) for e in caught.value.exceptions] == [
        "priority 'P2' events[1] (action at 2025-01-14T19:00:00+00:00) must not come before the event above it",
        "priority 'P2' events[1] (action at 2025-01-14T19:00:00+00:00) must not precede the issue date",
    ]
    with pytest.raises(ExceptionGroup, match="priority 'P3' is not valid"):
        _priority("P3", SPEEDING)
    with pytest.raises(
        InvalidPriority, match="^note must say what was done for an action, got None$"
    ):
        PriorityEvent(kind=EventKind.ACTION, at=at(2025, 1, 1))
    with pytest.raises(InvalidPriority, match="^partner must be given exactly when"):
        PriorityEvent(kind=EventKind.PASSED_TO_PARTNER, at=at(2025, 1, 1))
    with pytest.raises(InvalidPriority, match="^partner must be given exactly when"):
        PriorityEvent(kind=EventKind.RETAINED, at=at(2025, 1, 1), partner="council")


def _register() -> Register:
    return Register(
        panel=PANEL,
        priorities=[
            _priority(
                "P2",
                DRUGS,
                adopted(at(2025, 1, 15)),
                PriorityEvent(kind=EventKind.ACTION, at=at(2025, 4, 2), note="Warrant"),
            ),
            _priority("P1", SPEEDING, adopted(at(2025, 1, 15))),
            _priority(
                "P0",
                ASB,
                adopted(at(2024, 9, 10)),
                PriorityEvent(kind=EventKind.ACHIEVED, at=at(2025, 1, 15)),
            ),
        ],
    )


def test_register_answers_current_overdue_and_recently_updated() -> None:
    register = _register()
    assert [p.id for p in register.priorities] == ["P0", "P1", "P2"]
    june = at(2025, 6, 1)
    assert [p.id for p in register.current(as_of=june)] == ["P1", "P2"]
    # adopted 15 January, panel cadence at most four months: due 15 May, not reviewed since
    assert [p.id for p in register.overdue_for_review(as_of=june)] == ["P1", "P2"]
    assert register.overdue_for_review(as_of=at(2025, 5, 15, 18)) == ()
    # the Guarantee's measure: updated in the last three months (P2's action on 2 April)
    assert [p.id for p in register.updated_within(as_of=june)] == ["P2"]
    assert register.share_updated(as_of=june) == Fraction(1, 2)
    assert register.current(as_of=at(2024, 12, 1))[0].id == "P0"
    assert register.priority("P1").issue == SPEEDING
    with pytest.raises(
        InvalidPriority, match="^id must be a priority of 'Chatham PACT', got 'P9'$"
    ):
        register.priority("P9")


def test_register_validation_reports_every_problem() -> None:
    other = attrs.evolve(PANEL, name="Other PACT")
    stray = Priority(id="P1", panel=other, issue=DRUGS, text="x", events=[adopted(at(2025, 1, 1))])
    with pytest.raises(ExceptionGroup) as caught:
        Register(panel=PANEL, priorities=[_priority("P1", DRUGS, adopted(at(2025, 1, 1))), stray])
    assert [str(e) for e in caught.value.exceptions] == [
        "priority 'P1' must belong to 'Chatham PACT', got 'Other PACT'",
        "priorities must have unique ids, got 'P1'",
    ]


def test_review_adopt_and_record() -> None:
    register = _register()
    meeting = Meeting(panel=PANEL, start=at(2025, 5, 20), kind=MeetingKind.REGULAR, present=["A"])
    reviewed = register.review(
        meeting, {"P1": EventKind.RETAINED, "P2": (EventKind.PASSED_TO_PARTNER, "council")}
    )
    assert reviewed.priority("P1").next_review() == at(2025, 9, 20)
    assert reviewed.priority("P2").status() is Status.PASSED_TO_PARTNER
    assert reviewed.priority("P2").events[-1].partner == "council"
    choice = choose_priorities(
        meeting, {"A": RankedBallot([ASB])}, _pool(), seats=2, reserved=[VIOLENCE]
    )
    adopted_now = reviewed.adopt(choice, texts={VIOLENCE: "Violence in the night-time economy"})
    added = [p for p in adopted_now.priorities if p.issue_date == meeting.start]
    assert [(p.id, p.text) for p in added] == [
        ("2025-05-20/1", "Violence in the night-time economy"),
        ("2025-05-20/2", "Anti-social behaviour at High Street"),
    ]
    acted = adopted_now.record(
        "2025-05-20/2",
        PriorityEvent(kind=EventKind.ACTION, at=at(2025, 6, 1), note="Dispersal order"),
    )
    assert acted.priority("2025-05-20/2").action == "Dispersal order"
    with pytest.raises(TypeError, match="^choice must be a PanelChoice"):
        register.adopt(None)  # type: ignore[arg-type]


def test_review_reports_every_problem_at_once() -> None:
    register = _register()
    meeting = Meeting(panel=PANEL, start=at(2025, 5, 20))
    with pytest.raises(ExceptionGroup) as caught:
        register.review(
            meeting,
            {"P0": EventKind.RETAINED, "P2": EventKind.ACTION, "P9": EventKind.ACHIEVED},
        )
    assert [str(e) for e in caught.value.exceptions] == [
        "outcomes must give an outcome for every active priority, got 'P1'",
        "outcomes must name active priorities, got 'P0'",
        "outcomes['P2'] must be a review outcome, got <EventKind.ACTION: 'action'>",
        "outcomes must name active priorities, got 'P9'",
    ]
    with pytest.raises(ExceptionGroup) as caught:
        register.review(meeting, {"P1": EventKind.RETAINED, "P2": EventKind.PASSED_TO_PARTNER})
    assert "partner must be given exactly when" in str(caught.value.exceptions[0])
    with pytest.raises(InvalidPriority, match="^meeting must be a meeting of 'Chatham PACT'"):
        register.review(Meeting(panel=attrs.evolve(PANEL, name="X"), start=at(2025, 5, 20)), {})
    with pytest.raises(TypeError, match="^meeting must be a Meeting"):
        register.review(None, {})  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- recurrence


def _meetings() -> list[Meeting]:
    months = (1, 3, 5, 7, 9)
    return [Meeting(panel=PANEL, start=at(2025, m, 20)) for m in months] + [
        Meeting(panel=PANEL, start=at(2025, 6, 1), kind=MeetingKind.WALKABOUT)
    ]


def test_recurrence_kinds() -> None:
    raised = []
    n = 0
    # drugs at Luton Rec: 1 or 2 concerns before each of the last four meetings: low-level
    for month, count in ((3, 1), (5, 2), (7, 1), (9, 1)):
        for _ in range(count):
            n += 1
            raised.append(concern(n, "drugs", "Luton Rec", at(2025, month, 1)))
    # speeding: many concerns at three of the last four meetings: chronic
    for month, count in ((5, 6), (7, 4), (9, 5)):
        for _ in range(count):
            n += 1
            raised.append(concern(n, "speeding", "Maidstone Road", at(2025, month, 1)))
    # ASB: quiet, then a spike of 6 before the latest meeting
    for month, count in ((3, 1), (9, 6)):
        for _ in range(count):
            n += 1
            raised.append(concern(n, "anti-social behaviour", "High Street", at(2025, month, 1)))
    # raised after the last meeting: waits for the next
    raised.append(concern(999, "litter", "High Street", at(2025, 10, 1)))
    found = recurrences(raised, _meetings())
    kinds = {(r.issue, r.kind) for r in found}
    assert kinds == {
        (DRUGS, RecurrenceKind.RECURRENT_LOW_LEVEL),
        (SPEEDING, RecurrenceKind.CHRONIC),
        (ASB, RecurrenceKind.SPIKE),
    }
    drugs = next(r for r in found if r.issue == DRUGS)
    assert drugs.history == (
        (at(2025, 3, 20), 1),
        (at(2025, 5, 20), 2),
        (at(2025, 7, 20), 1),
        (at(2025, 9, 20), 1),
    )
    strict = recurrences(raised, _meetings(), policy=RecurrencePolicy(at_least=4, spike_minimum=7))
    assert {(r.issue, r.kind) for r in strict} == {(DRUGS, RecurrenceKind.RECURRENT_LOW_LEVEL)}


def test_an_achieved_priority_raised_again_is_flagged() -> None:
    register = _register()  # ASB achieved 15 January 2025
    raised = [
        concern(1, "anti-social behaviour", "High Street", at(2025, 3, 1)),
        concern(2, "drugs", "Luton Rec", at(2025, 3, 1)),
    ]
    found = recurrences(raised, _meetings(), register=register)
    assert [(r.issue, r.kind, r.achieved) for r in found] == [
        (ASB, RecurrenceKind.RETURNED, at(2025, 1, 15))
    ]
    assert found[0].history[0] == (at(2025, 1, 20), 0)
    assert found[0].history[1] == (at(2025, 3, 20), 1)
    late = [concern(3, "anti-social behaviour", "High Street", at(2025, 8, 1))]
    assert recurrences(late, _meetings(), register=register) == ()


def test_recurrence_policy_is_validated() -> None:
    with pytest.raises(InvalidPriority, match=r"^at_least must not exceed meetings \(2\), got 3$"):
        RecurrencePolicy(meetings=2)
    with pytest.raises(InvalidPriority, match="^months must be at least 1, got 0$"):
        RecurrencePolicy(months=0)
    with pytest.raises(TypeError, match="^low_level must be an int"):
        RecurrencePolicy(low_level="3")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- across panels, feedback


def test_shared_priorities_across_a_force() -> None:
    def register_of(name: str, *issues: Issue) -> Register:
        panel = attrs.evolve(PANEL, name=name)
        items = [
            Priority(
                id=f"{name}{i}",
                panel=panel,
                issue=issue,
                text="x",
                events=[adopted(at(2025, 1, 15))],
            )
            for i, issue in enumerate(issues)
        ]
        return Register(panel=panel, priorities=items)

    registers = [
        register_of("Chatham PACT", DRUGS, SPEEDING),
        register_of("Gillingham PACT", Issue(category="drugs", place="Gillingham Park"), ASB),
        register_of(
            "Rainham PACT",
            Issue(category="speeding", place="A2"),
            Issue(category="drugs", place="Rainham"),
        ),
    ]
    shared = shared_priorities(registers, as_of=at(2025, 2, 1))
    assert [(s.category, s.panels) for s in shared] == [
        ("drugs", ("Chatham PACT", "Gillingham PACT", "Rainham PACT")),
        ("speeding", ("Chatham PACT", "Rainham PACT")),
    ]
    assert len(shared_priorities(registers, as_of=at(2025, 2, 1), min_panels=1)) == 3
    assert shared_priorities(registers, as_of=at(2024, 2, 1)) == ()
    with pytest.raises(InvalidPriority, match="^min_panels must be at least 1, got 0$"):
        shared_priorities(registers, as_of=at(2025, 2, 1), min_panels=0)


def test_influence_share() -> None:
    spring = Interval(at(2025, 3, 1, 0), at(2025, 6, 1, 0))
    answers = [
        FeedbackResponse(
            panel="Chatham PACT", at=at(2025, 3, 20), answer=Agreement.DEFINITELY_AGREE
        ),
        FeedbackResponse(panel="Chatham PACT", at=at(2025, 3, 20), answer=Agreement.TEND_TO_AGREE),
        FeedbackResponse(
            panel="Chatham PACT", at=at(2025, 3, 20), answer=Agreement.DEFINITELY_DISAGREE
        ),
        FeedbackResponse(panel="Chatham PACT", at=at(2025, 3, 20), answer=Agreement.DONT_KNOW),
        FeedbackResponse(
            panel="Chatham PACT", at=at(2025, 6, 1, 0), answer=Agreement.TEND_TO_AGREE
        ),
        FeedbackResponse(panel="Other PACT", at=at(2025, 3, 20), answer=Agreement.TEND_TO_AGREE),
    ]
    measured = influence(answers, panel="Chatham PACT", period=spring)
    assert (measured.respondents, measured.agree, measured.share) == (3, 2, Fraction(2, 3))
    everyone = influence(answers, panel="Chatham PACT", period=spring, include_dont_know=True)
    assert everyone.share == Fraction(1, 2)
    assert influence([], panel="Chatham PACT", period=spring).share is None
    with pytest.raises(TypeError, match="^period must be an Interval"):
        influence([], panel="x", period=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        "Candidate",
        "CategoryMap",
        "Concern",
        "FeedbackResponse",
        "HarmAssessment",
        "HarmWeights",
        "Influence",
        "Issue",
        "PanelChoice",
        "Priority",
        "PriorityEvent",
        "Recurrence",
        "RecurrencePolicy",
        "Register",
        "Routing",
        "SharedPriority",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.priorities"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_a_location_may_lie_on_the_poles_and_the_antimeridian() -> None:
    when = dt.datetime(2025, 3, 1, tzinfo=UTC)
    for corner in ((-90.0, -180.0), (90.0, 180.0)):
        assert attrs.evolve(concern(1, "litter", "Pier", when), location=corner).location == corner
    for beyond in ((90.5, 0.0), (-90.5, 0.0), (0.0, 180.5), (0.0, -180.5)):
        with pytest.raises(InvalidPriority, match="^location must be a latitude within"):
            attrs.evolve(concern(1, "litter", "Pier", when), location=beyond)


def test_concerns_alike_but_for_resident_or_location_still_sort_one_way() -> None:
    # Grouping sorts a candidate's concerns by every field: a missing resident or location
    # sorts first, and the order never depends on the order they were given in.
    when = dt.datetime(2025, 3, 1, tzinfo=UTC)
    base = concern(1, "litter", "Pier", when)
    alike = [
        attrs.evolve(base, resident="R1"),
        base,
        attrs.evolve(base, location=(51.4, 0.5)),
        attrs.evolve(base, neighbourhood=None, ward=WardCode("E05014450")),
    ]
    for given in (alike, alike[::-1]):
        (candidate,) = candidates(given)
        assert [(c.resident, c.neighbourhood, c.location) for c in candidate.concerns] == [
            (None, None, None),
            (None, "Chatham", None),
            (None, "Chatham", (51.4, 0.5)),
            ("R1", "Chatham", None),
        ]


def test_a_review_due_at_the_instant_asked_is_overdue() -> None:
    register = _register()
    due = register.priority("P1").next_review(as_of=at(2025, 6, 1))
    assert due is not None
    assert "P1" in [p.id for p in register.overdue_for_review(as_of=due)]
    just_before = due - dt.timedelta(microseconds=1)
    assert "P1" not in [p.id for p in register.overdue_for_review(as_of=just_before)]


def test_updated_means_within_three_months_by_default() -> None:
    # On 1 May, P1 (adopted 15 January, nothing since) was updated within four months, not three.
    register, may = _register(), at(2025, 5, 1)
    assert [p.id for p in register.updated_within(as_of=may)] == ["P2"]
    assert [p.id for p in register.updated_within(as_of=may, months=4)] == ["P1", "P2"]
    assert register.share_updated(as_of=may) == Fraction(1, 2)
    assert register.share_updated(as_of=may, months=4) == 1


def test_a_returned_issue_s_history_starts_after_the_meeting_it_was_achieved_at() -> None:
    achieved_at_a_meeting = Register(
        panel=PANEL,
        priorities=[
            _priority(
                "P0",
                ASB,
                adopted(at(2024, 9, 10)),
                PriorityEvent(kind=EventKind.ACHIEVED, at=at(2025, 1, 20)),
            )
        ],
    )
    raised = [concern(1, "anti-social behaviour", "High Street", at(2025, 3, 1))]
    (found,) = recurrences(raised, _meetings(), register=achieved_at_a_meeting)
    assert found.history[0] == (at(2025, 3, 20), 1)


def test_recurrence_defaults_are_those_documented() -> None:
    policy = RecurrencePolicy()
    assert (policy.at_least, policy.meetings, policy.low_level) == (3, 4, 3)
    assert (policy.spike_minimum, policy.spike_factor, policy.months) == (5, 3, 6)


def test_a_spike_of_exactly_the_minimum_counts() -> None:
    raised = [concern(1, "anti-social behaviour", "High Street", at(2025, 3, 1))]
    raised += [
        concern(n, "anti-social behaviour", "High Street", at(2025, 9, 1)) for n in range(2, 8)
    ]
    found = recurrences(raised, _meetings(), policy=RecurrencePolicy(spike_minimum=6))
    assert {(r.issue, r.kind) for r in found} == {(ASB, RecurrenceKind.SPIKE)}


def test_a_concern_raised_at_the_end_of_the_window_waits_for_the_next() -> None:
    start, end = at(2025, 1, 1, 0), at(2025, 2, 1, 0)
    raised = [
        concern(1, "speeding", "Maidstone Road", start),
        concern(2, "drugs", "Luton Rec", end),
    ]
    assert [c.issue for c in candidates(raised, start=start, end=end)] == [SPEEDING]
    assert [c.issue for c in candidates(raised, start=end)] == [DRUGS]


def test_a_concern_raised_as_a_priority_is_achieved_is_not_its_return() -> None:
    register = _register()  # ASB achieved 15 January 2025
    achieved = at(2025, 1, 15)
    same_instant = [concern(1, "anti-social behaviour", "High Street", achieved)]
    assert recurrences(same_instant, _meetings(), register=register) == ()
    just_after = [
        concern(2, "anti-social behaviour", "High Street", achieved + dt.timedelta(seconds=1))
    ]
    assert [r.kind for r in recurrences(just_after, _meetings(), register=register)] == [
        RecurrenceKind.RETURNED
    ]


def test_an_issue_achieved_twice_returns_twice_in_the_order_achieved() -> None:
    def achieved(pid: str, adopted_on: dt.datetime, done: dt.datetime) -> Priority:
        return _priority(
            pid, ASB, adopted(adopted_on), PriorityEvent(kind=EventKind.ACHIEVED, at=done)
        )

    # The register holds them in order of adoption: the answer is in order of achievement.
    register = Register(panel=PANEL, priorities=[
        achieved("P1", at(2024, 10, 1), at(2025, 4, 1)), achieved("P2", at(2024, 11, 1), at(2025, 1, 10))])  # fmt: skip
    assert [p.id for p in register.priorities] == ["P1", "P2"]
    raised = [concern(1, "anti-social behaviour", "High Street", at(2025, 5, 1))]
    found = recurrences(raised, _meetings(), register=register)
    assert [(r.kind, r.achieved) for r in found] == [
        (RecurrenceKind.RETURNED, at(2025, 1, 10)),
        (RecurrenceKind.RETURNED, at(2025, 4, 1)),
    ]


def test_a_spike_of_exactly_the_factor_counts() -> None:
    # Two before March's meeting, none before May's or July's, two before September's: the
    # latest is three times the average of the three before (2 * 3 == 3 * 2).
    raised = [concern(n, "anti-social behaviour", "High Street", at(2025, 3, 1)) for n in (1, 2)]
    raised += [concern(n, "anti-social behaviour", "High Street", at(2025, 9, 1)) for n in (3, 4)]
    found = recurrences(raised, _meetings(), policy=RecurrencePolicy(spike_minimum=2))
    assert [(r.issue, r.kind) for r in found] == [(ASB, RecurrenceKind.SPIKE)]
    assert found[0].history[-1] == (at(2025, 9, 20), 2)


def test_a_concern_raised_as_a_meeting_starts_is_that_meeting_s() -> None:
    raised = [concern(n, "anti-social behaviour", "High Street", at(2025, 9, 20)) for n in range(6)]
    (spike,) = recurrences(raised, _meetings())
    assert spike.history[-1] == (at(2025, 9, 20), 6)


def test_a_return_on_the_last_day_of_the_months_counts() -> None:
    register = _register()  # ASB achieved 15 January 2025; six months on is 15 July
    last = [concern(1, "anti-social behaviour", "High Street", at(2025, 7, 15))]
    assert [r.kind for r in recurrences(last, _meetings(), register=register)] == [
        RecurrenceKind.RETURNED
    ]
    later = [
        concern(
            2, "anti-social behaviour", "High Street", at(2025, 7, 15) + dt.timedelta(seconds=1)
        )
    ]
    assert recurrences(later, _meetings(), register=register) == ()


def test_a_policy_may_ask_for_one_of_anything() -> None:
    policy = RecurrencePolicy(
        at_least=1, meetings=1, low_level=1, spike_minimum=1, spike_factor=1, months=1
    )
    assert (policy.at_least, policy.meetings, policy.months) == (1, 1, 1)


def test_an_update_exactly_the_months_before_is_not_within_them() -> None:
    # P2's action was on 2 April: on 2 July it is three months old, no longer within three.
    register = _register()
    assert [
        p.id for p in register.updated_within(as_of=at(2025, 7, 2) - dt.timedelta(seconds=1))
    ] == ["P2"]
    assert register.updated_within(as_of=at(2025, 7, 2)) == ()
