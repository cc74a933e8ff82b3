"""Strategies for the smaller value types that callers build themselves: events, steps, deadlines, weights, policies, references."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from hypothesis import reject
from hypothesis import strategies as st
from shapely import box

from pact_core.abstraction import Standard
from pact_core.case_review import CaseEvent, DayCount, Deadline, Decision, Stage
from pact_core.errors import PactError
from pact_core.geography import WardCode, WardPart
from pact_core.panels import PanelMember
from pact_core.policeuk import (
    EngagementMethod,
    Force,
    ForceReference,
    LocatedNeighbourhood,
    NeighbourhoodReference,
    Place,
    PoliceLink,
)
from pact_core.priorities import (
    Agreement,
    FeedbackResponse,
    HarmWeights,
    PriorityEvent,
    RecurrencePolicy,
    RoutingPolicy,
)
from pact_core.priorities import EventKind as PriorityKind
from pact_core.response import EscalationStep, Event, EventKind
from pact_core.scorecard import Measure, MeasureKind
from pact_core.teams import GuaranteeTarget

__all__ = [
    "case_events",
    "deadlines",
    "engagement_methods",
    "escalation_steps",
    "feedback_responses",
    "force_references",
    "forces",
    "guarantee_targets",
    "harm_weights",
    "located_neighbourhoods",
    "measures",
    "neighbourhood_references",
    "panel_members",
    "places",
    "police_links",
    "priority_events",
    "query_events",
    "recurrence_policies",
    "routing_policies",
    "standards",
    "ward_parts",
]

T = TypeVar("T")
_START = dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc)
_INSTANTS = st.integers(0, 365 * 24 * 60).map(lambda m: _START + dt.timedelta(minutes=m))
_WORDS = st.sampled_from(
    ["Strood", "Chatham & Brompton", "Rochester", "Leake &amp; Keyworth", "Gillingham"]
)


def _valid(target: type[T], /, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[T]:
    """Build *kind* from the drawn fields, leaving out the combinations its own checks refuse."""

    @st.composite
    def build(draw: st.DrawFn) -> T:
        drawn = {name: draw(strategy) for name, strategy in fields.items()}
        try:
            return target(**drawn)
        except PactError:
            reject()  # a combination the type refuses: hypothesis draws again

    return build()


def priority_events() -> st.SearchStrategy[PriorityEvent]:
    """Generate events of a priority's history: adopted, actions (with what was done), review outcomes, a partner when passed to one.

    >>> from hypothesis import find
    >>> find(priority_events(), lambda e: True).kind.value
    'adopted'
    """
    return st.builds(
        lambda kind, at, note: PriorityEvent(
            kind=kind, at=at, note="Speed checks on four evenings" if kind is PriorityKind.ACTION else note,
            partner="Medway Council" if kind is PriorityKind.PASSED_TO_PARTNER else None),
        st.sampled_from(PriorityKind), _INSTANTS, st.none() | st.just("Reviewed at the June meeting"),
    )  # fmt: skip


def query_events() -> st.SearchStrategy[Event]:
    """Generate single events of a query's log (`pact_core.response.Event`); `event_logs` makes whole valid logs.

    >>> from hypothesis import find
    >>> find(query_events(), lambda e: True).kind.value
    'received'
    """
    return st.builds(
        lambda kind, at: Event(kind=kind, at=at, reason="awaiting the resident" if kind is EventKind.PAUSED else None,
                               to="PC 1234" if kind is EventKind.REASSIGNED else None),
        st.sampled_from(EventKind), _INSTANTS,
    )  # fmt: skip


def escalation_steps() -> st.SearchStrategy[EscalationStep]:
    """Generate escalation steps: at a share of the goal's time, or some hours after it falls due.

    >>> from hypothesis import find
    >>> find(escalation_steps(), lambda s: True).to
    'named officer'
    """
    return _valid(EscalationStep, to=st.sampled_from(["named officer", "sergeant", "inspector"]),
                  at_fraction=st.none() | st.sampled_from([0.5, 0.75, 0.9]),
                  after_due=st.none() | st.integers(1, 72).map(lambda h: dt.timedelta(hours=h)))  # fmt: skip


def deadlines() -> st.SearchStrategy[Deadline]:
    """Generate ASB Case Review deadlines: a stage within 1 to 30 working or calendar days of an earlier one.

    >>> from hypothesis import find
    >>> find(deadlines(), lambda d: True).description
    'acknowledged within 1 working days of received'
    """
    stages = list(Stage)
    return st.integers(1, len(stages) - 1).flatmap(
        lambda n: st.builds(Deadline, stage=st.just(stages[n]), days=st.integers(1, 30), count=st.sampled_from(DayCount),
                            after=st.sampled_from(stages[:n]))
    )  # fmt: skip


def case_events() -> st.SearchStrategy[CaseEvent]:
    """Generate single events of an ASB Case Review, each with what its stage needs; `cases` makes whole valid cases.

    >>> from hypothesis import find
    >>> find(case_events(), lambda e: True).stage.value
    'acknowledged'
    """
    return st.builds(
        lambda stage, at, decision, yes: CaseEvent(
            stage=stage, at=at, decision=decision if stage is Stage.DECIDED else None,
            recommendations=yes if stage is Stage.OUTCOME else None, upheld=yes if stage is Stage.APPEAL_DECIDED else None),
        st.sampled_from(list(Stage)[1:]), _INSTANTS, st.sampled_from(Decision), st.booleans(),
    )  # fmt: skip


def standards() -> st.SearchStrategy[Standard]:
    """Generate abstraction standards: the presets, or a bound on a measure.

    >>> from hypothesis import find
    >>> find(standards(), lambda s: True).name
    'majority of time in the community'
    """
    built = _valid(Standard, name=st.just("local standard"),
                   measure=st.sampled_from(["community share", "rate", "rate excluding emergencies"]),
                   threshold=st.integers(0, 100).map(lambda n: n / 100), at_least=st.booleans(), strictly=st.booleans())  # fmt: skip
    return st.sampled_from([Standard.guarantee_majority(), Standard.pledge_visible_80()]) | built


def recurrence_policies() -> st.SearchStrategy[RecurrencePolicy]:
    """Generate recurrence policies, the default first.

    >>> from hypothesis import find
    >>> find(recurrence_policies(), lambda p: True) == RecurrencePolicy()
    True
    """
    small = st.integers(1, 8)
    return st.just(RecurrencePolicy()) | _valid(RecurrencePolicy, at_least=small, meetings=small, low_level=small,
                                                spike_minimum=small, spike_factor=small, months=st.integers(1, 24))  # fmt: skip


def harm_weights() -> st.SearchStrategy[HarmWeights]:
    """Generate weights for a harm assessment, equal weights first.

    >>> from hypothesis import find
    >>> find(harm_weights(), lambda w: True) == HarmWeights()
    True
    """
    weight = st.integers(0, 5)
    return st.just(HarmWeights()) | _valid(
        HarmWeights, harm=weight, likelihood=weight, community_concern=weight
    )


def routing_policies() -> st.SearchStrategy[RoutingPolicy]:
    """Generate routing policies: the default, or some categories sent to a partner.

    >>> from hypothesis import find
    >>> find(routing_policies(), lambda p: True) == RoutingPolicy.default()
    True
    """
    routes = st.dictionaries(st.sampled_from(["fly-tipping", "parking", "noise", "graffiti"]),
                             st.sampled_from(["council", "housing association"]), max_size=3)  # fmt: skip
    return st.just(RoutingPolicy.default()) | _valid(RoutingPolicy, routes=routes)


def panel_members() -> st.SearchStrategy[PanelMember]:
    """Generate members of a PACT panel: residents, councillors, partners, with or without a vote.

    >>> from hypothesis import find
    >>> find(panel_members(), lambda m: True).role
    'member'
    """
    return _valid(PanelMember, name=st.sampled_from(["Ann Resident", "Cllr Brompton", "Sgt Cooper"]),
                  organisation=st.sampled_from(["residents", "Medway Council", "Kent Police"]),
                  role=st.sampled_from(["member", "chair", "vice-chair"]), voting=st.booleans())  # fmt: skip


def ward_parts() -> st.SearchStrategy[WardPart]:
    """Generate parts of a ward: a rectangle in metres, as `neighbourhood_maps` cuts them.

    >>> from hypothesis import find
    >>> find(ward_parts(), lambda p: True).geometry.area
    1000.0
    """
    return st.builds(lambda n, w, h: WardPart(ward=WardCode(f"E05{n:06d}"), geometry=box(0, 0, w * 10, h * 100)),
                     st.integers(0, 999_999), st.integers(1, 100), st.integers(1, 10))  # fmt: skip


def guarantee_targets() -> st.SearchStrategy[GuaranteeTarget]:
    """Generate a force's share of the Guarantee: a baseline, and a target above it some years later.

    >>> from hypothesis import find
    >>> find(guarantee_targets(), lambda t: True).target
    2.0
    """
    return st.builds(
        lambda base, more, years: GuaranteeTarget(baseline=float(base), baseline_date=dt.date(2025, 3, 31),
                                                  target=float(base + more), target_date=dt.date(2025 + years, 3, 31)),
        st.integers(1, 5000), st.integers(1, 3000), st.integers(1, 6),
    )  # fmt: skip


def measures() -> st.SearchStrategy[Measure]:
    """Generate scorecard measures: reported, not reported, or with nothing to measure.

    >>> from hypothesis import find
    >>> find(measures(), lambda m: True).text
    'not reported'
    """
    missing = st.builds(
        Measure.missing,
        st.just("abstraction_rate"),
        st.just("Abstraction rate"),
        st.sampled_from(MeasureKind),
    )
    figure = st.builds(Measure.figure, st.just("fte_neighbourhood"), st.just("Neighbourhood FTE"),
                       st.sampled_from([MeasureKind.COUNT, MeasureKind.FTE]), st.integers(0, 500))  # fmt: skip
    share = st.integers(0, 100).flatmap(lambda d: st.builds(Measure.share, st.just("response_on_time"),
                                                            st.just("On time"), st.integers(0, d), st.just(d)))  # fmt: skip
    return missing | figure | share


def force_references() -> st.SearchStrategy[ForceReference]:
    """Generate ``/forces`` items.

    >>> from hypothesis import find
    >>> find(force_references(), lambda f: True).id
    'kent'
    """
    return st.builds(
        ForceReference, id=st.sampled_from(["kent", "leicestershire", "metropolitan"]), name=_WORDS
    )


def neighbourhood_references() -> st.SearchStrategy[NeighbourhoodReference]:
    """Generate ``/{force}/neighbourhoods`` items, with names that need escaping.

    >>> from hypothesis import find
    >>> find(neighbourhood_references(), lambda n: True).id
    'NC04'
    """
    return st.builds(NeighbourhoodReference, id=st.sampled_from(["NC04", "00BKX6"]), name=_WORDS)


def engagement_methods() -> st.SearchStrategy[EngagementMethod]:
    """Generate a force's ways to be reached.

    >>> from hypothesis import find
    >>> find(engagement_methods(), lambda m: True).title
    'telephone'
    """
    return st.builds(EngagementMethod, title=st.sampled_from(["telephone", "Facebook"]),
                     url=st.none() | st.just("https://www.facebook.com/kentpolice"), description=st.none() | st.just("101"))  # fmt: skip


def forces() -> st.SearchStrategy[Force]:
    """Generate ``/forces/{force}`` answers.

    >>> from hypothesis import find
    >>> find(forces(), lambda f: True).engagement_methods
    ()
    """
    return st.builds(Force, id=st.sampled_from(["kent", "leicestershire"]), name=_WORDS,
                     url=st.none() | st.just("https://www.kent.police.uk/"), telephone=st.none() | st.just("101"),
                     description=st.none() | st.just("Policing Kent & Medway"),
                     engagement_methods=st.lists(engagement_methods(), max_size=2).map(tuple))  # fmt: skip


def places() -> st.SearchStrategy[Place]:
    """Generate places a neighbourhood lists, with or without coordinates.

    >>> from hypothesis import find
    >>> find(places(), lambda p: True).latitude is None
    True
    """
    point = st.none() | st.tuples(st.floats(51, 52), st.floats(-1, 1))
    return st.builds(
        lambda name, where, kind: Place(name=name, address="Canal Road, Strood", postcode="ME2 4AA", type=kind,
                                        latitude=None if where is None else where[0],
                                        longitude=None if where is None else where[1], description=None),
        _WORDS, point, st.none() | st.just("station"),
    )  # fmt: skip


def police_links() -> st.SearchStrategy[PoliceLink]:
    """Generate links a neighbourhood lists.

    >>> from hypothesis import find
    >>> find(police_links(), lambda link: True).description is None
    True
    """
    return st.builds(PoliceLink, url=st.just("https://www.medway.gov.uk/"), title=_WORDS,
                     description=st.none() | st.just("The council & its services"))  # fmt: skip


def located_neighbourhoods() -> st.SearchStrategy[LocatedNeighbourhood]:
    """Generate ``/locate-neighbourhood`` answers.

    >>> from hypothesis import find
    >>> find(located_neighbourhoods(), lambda a: True).force
    'kent'
    """
    return st.builds(LocatedNeighbourhood, force=st.sampled_from(["kent", "metropolitan"]),
                     neighbourhood=st.sampled_from(["Strood", "00BKX6"]))  # fmt: skip


def feedback_responses() -> st.SearchStrategy[FeedbackResponse]:
    """Generate answers to the NI 4 question from residents of a panel's area.

    >>> from hypothesis import find
    >>> find(feedback_responses(), lambda r: True).answer.value
    'definitely agree'
    """
    return st.builds(FeedbackResponse, panel=st.sampled_from(["Strood PACT", "Chatham PACT"]), at=_INSTANTS,
                     answer=st.sampled_from(Agreement))  # fmt: skip
