"""Strategies for the values pact_core computes (geography, teams, panels, selection, priorities).

Each is the library's own function applied to generated inputs, so every example is a
value the library really returns, and shrinks as its inputs shrink.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import shapely
from hypothesis import strategies as st
from shapely import affinity

from pact_core.geography import (
    BatchLocation,
    CoordinateSystem,
    CrosswalkShare,
    Location,
    NeighbourhoodMap,
    WardLocator,
    ward_crosswalk,
)
from pact_core.intervals import Interval
from pact_core.panels import Cadence, DirectoryEntry, Meeting, Panel, directory
from pact_core.priorities import (
    Agreement,
    Candidate,
    Concern,
    FeedbackResponse,
    Influence,
    PanelChoice,
    Priority,
    PriorityEvent,
    Recurrence,
    Register,
    Routing,
    RoutingPolicy,
    SharedPriority,
    candidates,
    choose_priorities,
    default_tie_break,
    influence,
    recurrences,
    shared_priorities,
)
from pact_core.priorities import EventKind as PriorityKind
from pact_core.selection import (
    RankedBallot,
    RankedProfile,
    Round,
    Selection,
    Tie,
    TieBreak,
    Transfer,
    approval,
    borda,
    plurality,
    score,
    stv,
)
from pact_core.teams import Finding, RankTitle, check, parse_rank
from pact_core.testing._geography import neighbourhood_maps
from pact_core.testing._panels import meetings, panels
from pact_core.testing._priorities import concerns, harm_assessments, issues
from pact_core.testing._selection import approval_ballots, ranked_ballots, score_ballots
from pact_core.testing._teams import team_models, teams
from pact_core.testing._values import recurrence_policies, routing_policies

__all__ = [
    "batch_locations",
    "cadences",
    "crosswalk_shares",
    "directory_entries",
    "findings",
    "influences",
    "locations",
    "panel_choices",
    "priority_candidates",
    "priority_recurrences",
    "rank_titles",
    "ranked_profiles",
    "rounds",
    "routings",
    "selections",
    "shared_priority_categories",
    "tie_breaks",
    "ties",
    "transfers",
    "ward_locators",
]

_UTC = dt.timezone.utc
_CELL = 1000.0
_AS_OF = dt.datetime(2025, 6, 1, tzinfo=_UTC)


def _one_of(results: st.SearchStrategy[tuple[Any, ...]]) -> st.SearchStrategy[Any]:
    """One item of a computed tuple, the first when shrinking (the tuples given are never empty)."""
    return results.flatmap(st.sampled_from)


# ----------------------------------------------------------------------------- geography


def ward_locators() -> st.SearchStrategy[WardLocator]:
    """Generate ward locators built from valid neighbourhood maps (`WardLocator.from_map`).

    >>> from hypothesis import find
    >>> len(find(ward_locators(), lambda locator: True).wards)
    1
    """
    return neighbourhood_maps().map(WardLocator.from_map)


def _points(neighbourhood_map: NeighbourhoodMap) -> st.SearchStrategy[tuple[float, float]]:
    # Within the map's bounds and up to a cell beyond them: on wards, on their edges, outside.
    x0, y0, x1, y1 = (
        round(b / _CELL)
        for b in shapely.union_all([w.geometry for w in neighbourhood_map.wards]).bounds
    )
    quarter = _CELL / 4
    return st.tuples(
        st.integers(int((x0 - 1) * 4), int((x1 + 1) * 4)).map(lambda n: n * quarter),
        st.integers(int((y0 - 1) * 4), int((y1 + 1) * 4)).map(lambda n: n * quarter),
    )


_SNAP = st.none() | st.sampled_from([100.0, 2000.0])


@st.composite
def _locations(draw: st.DrawFn) -> Location:
    neighbourhood_map = draw(neighbourhood_maps())
    x, y = draw(_points(neighbourhood_map))
    locator = WardLocator.from_map(neighbourhood_map)
    return locator.locate_xy(x + _CELL / 2, y + _CELL / 2, snap_metres=draw(_SNAP))


def locations() -> st.SearchStrategy[Location]:
    """Generate single lookups: points on, between, at the edge of and outside a map's wards, some snapped.

    >>> from hypothesis import find
    >>> find(locations(), lambda location: True).status.name
    'INSIDE'
    """
    return _locations()


@st.composite
def _batch_locations(draw: st.DrawFn) -> BatchLocation:
    neighbourhood_map = draw(neighbourhood_maps())
    points = draw(st.lists(_points(neighbourhood_map), max_size=8))
    locator = WardLocator.from_map(neighbourhood_map)
    return locator.locate_many_xy(
        [x for x, _ in points], [y for _, y in points], snap_metres=draw(_SNAP)
    )


def batch_locations() -> st.SearchStrategy[BatchLocation]:
    """Generate bulk lookups (`WardLocator.locate_many_xy`) of up to eight points, some snapped.

    >>> from hypothesis import find
    >>> len(find(batch_locations(), lambda batch: True))
    0
    """
    return _batch_locations()


@st.composite
def _shares(draw: st.DrawFn) -> tuple[CrosswalkShare, ...]:
    old = draw(neighbourhood_maps()).wards
    dx, dy = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    new = [
        attrs.evolve(
            ward,
            generation="WD26",
            geometry=affinity.translate(ward.geometry, dx * _CELL / 4, dy * _CELL / 4),
        )
        for ward in old
    ]
    return ward_crosswalk(old, new, coordinates=CoordinateSystem.METRES)


def crosswalk_shares() -> st.SearchStrategy[CrosswalkShare]:
    """Generate shares of a ward crosswalk between a map's wards and the same wards moved by up to three quarters of a ward.

    >>> from hypothesis import find
    >>> find(crosswalk_shares(), lambda share: True).share
    1.0
    """
    return _one_of(_shares())


# ----------------------------------------------------------------------------- teams

_RANKS = (
    "PC", "Sergeant", "Inspector", "PCSO", "Special Constable", "DC", "Acting Sergeant",
    "Student Officer", "Neighbourhood Sergeant", "Dedicated Ward Officer", "Ch Insp",
)  # fmt: skip


def rank_titles() -> st.SearchStrategy[RankTitle]:
    """Generate the rank titles `parse_rank` reads from job titles, police.uk's included, some with a collar number.

    >>> from hypothesis import find
    >>> find(rank_titles(), lambda title: True).role.value
    'constable'
    """
    return st.builds(
        lambda rank, number: parse_rank(f"{rank} {number}" if number else rank),
        st.sampled_from(_RANKS),
        st.none() | st.integers(1000, 9999),
    )


@st.composite
def _findings(draw: st.DrawFn) -> tuple[Finding, ...]:
    model = draw(team_models())
    # A team built for one model, checked against another, fails it in some way.
    team = draw(teams(draw(st.none() | st.just(model))))
    return check(team, model, as_of=draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))))


def findings() -> st.SearchStrategy[Finding]:
    """Generate the findings of `check`: teams checked against team models they may or may not meet.

    >>> from hypothesis import find
    >>> find(findings(), lambda finding: True).severity.name
    'ERROR'
    """
    return _one_of(_findings().filter(bool))


# ----------------------------------------------------------------------------- panels


@st.composite
def _cadences(draw: st.DrawFn) -> Cadence:
    panel = draw(panels())
    held = draw(st.lists(meetings(panels=st.just(panel)), max_size=4))
    return panel.cadence(
        held, as_of=draw(st.sampled_from([_AS_OF, dt.datetime(2100, 1, 1, tzinfo=_UTC)]))
    )


def cadences() -> st.SearchStrategy[Cadence]:
    """Generate where a panel stands against its cadence (`Panel.cadence`), from none to four meetings.

    >>> from hypothesis import find
    >>> find(cadences(), lambda cadence: True).last is None
    True
    """
    return _cadences()


@st.composite
def _directory(draw: st.DrawFn) -> tuple[DirectoryEntry, ...]:
    neighbourhood_map = draw(neighbourhood_maps())
    served = draw(st.sets(st.sampled_from([n.id for n in neighbourhood_map.neighbourhoods])))
    return directory(
        neighbourhood_map,
        [
            Panel(force=neighbourhood_map.force, neighbourhood=i, name=f"{i} PACT")
            for i in sorted(served)
        ],
    )


def directory_entries() -> st.SearchStrategy[DirectoryEntry]:
    """Generate lines of the ward-by-ward `directory` of a map, some neighbourhoods with a PACT panel.

    >>> from hypothesis import find
    >>> find(directory_entries(), lambda entry: True).panels
    ()
    """
    return _one_of(_directory())


# ----------------------------------------------------------------------------- selection


def ranked_profiles() -> st.SearchStrategy[RankedProfile[Any]]:
    """Generate ranked profiles (`RankedProfile.from_ballots`) of up to eight ranked ballots.

    >>> from hypothesis import find
    >>> find(ranked_profiles(), lambda profile: True).total
    0
    """
    return st.lists(ranked_ballots(), max_size=8).map(RankedProfile.from_ballots)


@st.composite
def _selections(draw: st.DrawFn) -> Selection[Any]:
    seats = draw(st.integers(1, 3))
    rule = draw(st.sampled_from(["stv", "borda", "plurality", "approval", "score"]))
    if rule == "approval":
        return approval(draw(st.lists(approval_ballots(), max_size=8)), seats=seats)
    if rule == "score":
        return score(draw(st.lists(score_ballots(), max_size=8)), seats=seats)
    ranked = {"stv": stv, "borda": borda, "plurality": plurality}[rule]
    return ranked(draw(st.lists(ranked_ballots(), max_size=8)), seats=seats)


def selections() -> st.SearchStrategy[Selection[Any]]:
    """Generate the results of every counting rule (STV, Borda, plurality, approval, score) over up to eight ballots.

    >>> from hypothesis import find
    >>> find(selections(), lambda selection: True).rule
    'stv (weighted inclusive gregory)'
    """
    return _selections()


def rounds() -> st.SearchStrategy[Round[Any]]:
    """Generate rounds of a count, from any rule's selection.

    >>> from hypothesis import find
    >>> find(rounds(), lambda r: True).number
    1
    """
    return _one_of(_selections().map(lambda selection: selection.rounds).filter(bool))


@st.composite
def _mirrored(draw: st.DrawFn) -> list[RankedBallot[Any]]:
    # Every ranking with its reverse: a profile in which every count meets a tie.
    orders = draw(
        st.lists(
            st.permutations("ABCDE").flatmap(lambda p: st.integers(2, 5).map(lambda n: p[:n])),
            min_size=1,
            max_size=3,
        )
    )
    return [RankedBallot(ranking) for order in orders for ranking in (order, order[::-1])]


def ties() -> st.SearchStrategy[Tie[Any]]:
    """Generate ties met while counting, and how each was broken: ranked profiles mirrored so that every count ties.

    >>> from hypothesis import find
    >>> find(ties(), lambda tie: True).broken_by
    'candidate id'
    """
    rule = st.sampled_from([stv, borda, plurality])
    return _one_of(
        st.builds(lambda count, ballots: count(ballots, seats=1).ties, rule, _mirrored()).filter(
            bool
        )
    )


def transfers() -> st.SearchStrategy[Transfer[Any]]:
    """Generate the transfers of STV counts, surpluses and exclusions, from one or two seats.

    >>> from hypothesis import find
    >>> find(transfers(), lambda transfer: True).reason
    'exclusion'
    """

    def moved(
        ballots: list[RankedBallot[Any]], extra: list[RankedBallot[Any]], seats: int
    ) -> tuple[Transfer[Any], ...]:
        return tuple(
            r.transfer
            for r in stv([*ballots, *extra], seats=seats).rounds
            if r.transfer is not None
        )

    return _one_of(
        st.builds(
            moved, _mirrored(), st.lists(ranked_ballots(), max_size=4), st.integers(1, 2)
        ).filter(bool)
    )


def tie_breaks() -> st.SearchStrategy[TieBreak]:
    """Generate tie-break keys: the earlier rounds, and the default chain of a pool of priority candidates.

    >>> from hypothesis import find
    >>> find(tie_breaks(), lambda key: True).name
    'earliest earlier round'
    """
    earlier = st.booleans().map(lambda latest: TieBreak.earlier_rounds(latest=latest))
    chained = _one_of(_pools(min_size=1).map(default_tie_break).filter(bool))
    return earlier | chained


# ----------------------------------------------------------------------------- priorities


@st.composite
def _pools(draw: st.DrawFn, min_size: int = 0) -> tuple[Candidate, ...]:
    raised = draw(st.lists(concerns(), min_size=min_size, max_size=8, unique_by=lambda c: c.id))
    assessed = (
        draw(st.dictionaries(st.sampled_from([c.issue for c in raised]), harm_assessments()))
        if raised
        else {}
    )
    return candidates(raised, harm=assessed or None)


def priority_candidates() -> st.SearchStrategy[Candidate]:
    """Generate the candidates `pact_core.priorities.candidates` pools from concerns, some with a harm assessment.

    Not called ``candidates``, which is the function that makes them.

    >>> from hypothesis import find
    >>> len(find(priority_candidates(), lambda candidate: True).concerns)
    1
    """
    return _one_of(_pools(min_size=1))


def routings() -> st.SearchStrategy[Routing]:
    """Generate routings of concerns between the police and partners (`RoutingPolicy.route`).

    >>> from hypothesis import find
    >>> find(routings(), lambda routing: True)
    Routing(police=(), partners=())
    """
    return st.builds(
        lambda policy, raised: policy.route(raised),
        routing_policies() | st.just(RoutingPolicy.default()),
        st.lists(concerns(), max_size=6),
    )


_PERIOD = Interval(dt.datetime(2025, 1, 1, tzinfo=_UTC), dt.datetime(2025, 7, 1, tzinfo=_UTC))


def influences() -> st.SearchStrategy[Influence]:
    """Generate a panel's influence figure (`influence`) from up to twelve feedback answers in and around the period.

    >>> from hypothesis import find
    >>> find(influences(), lambda figure: True).share is None
    True
    """
    answer = st.builds(
        lambda days, agreement: FeedbackResponse(
            panel="Strood PACT", at=_PERIOD.start + dt.timedelta(days=days), answer=agreement
        ),
        st.integers(-30, 210),
        st.sampled_from(Agreement),
    )
    return st.builds(
        lambda answers, dont_know: influence(
            answers, panel="Strood PACT", period=_PERIOD, include_dont_know=dont_know
        ),
        st.lists(answer, max_size=12),
        st.booleans(),
    )


@st.composite
def _choices(draw: st.DrawFn) -> PanelChoice:
    panel = draw(panels().filter(lambda p: any(m.voting for m in p.members)))
    voters = [m.name for m in panel.members if m.voting]
    present = draw(st.lists(st.sampled_from(voters), min_size=1, unique=True))
    meeting = Meeting(panel=panel, start=_AS_OF, present=present)
    pool = draw(_pools(min_size=1))
    issues_ = [candidate.issue for candidate in pool]
    reserved = draw(st.lists(issues(), max_size=1))
    ballots = {
        name: RankedBallot(
            draw(st.permutations(issues_)).__getitem__(slice(draw(st.integers(0, len(issues_)))))
        )
        for name in draw(st.lists(st.sampled_from(present), unique=True))
    }
    return choose_priorities(
        meeting,
        ballots,
        pool,
        seats=draw(st.integers(1, 3)),
        reserved=[i for i in reserved if i not in issues_],
    )


def panel_choices() -> st.SearchStrategy[PanelChoice]:
    """Generate a meeting's choice of priorities (`choose_priorities`): ballots of voting members present over a pool of candidates, perhaps a reserved issue.

    >>> from hypothesis import find
    >>> len(find(panel_choices(), lambda choice: True).priorities)
    1
    """
    return _choices()


@st.composite
def _recurrences(draw: st.DrawFn) -> tuple[Recurrence, ...]:
    panel = Panel(force="test", neighbourhood="N1", name="N1 PACT")
    issue = draw(issues())
    months = draw(st.lists(st.integers(0, 11), min_size=1, unique=True))
    start = dt.datetime(2024, 1, 10, tzinfo=_UTC)
    raised = [
        Concern(id=f"C{m}", text=issue.category, category=issue.category, force="test", neighbourhood="N1",
                place=issue.place, raised=start + dt.timedelta(days=30 * m))
        for m in months
    ]  # fmt: skip
    held = [Meeting(panel=panel, start=start + dt.timedelta(days=30 * m + 20)) for m in range(12)]
    register = None
    if draw(st.booleans()):
        at = start - dt.timedelta(days=draw(st.integers(30, 300)))
        register = Register(panel=panel, priorities=[Priority(id="P1", panel=panel, issue=issue, text=issue.category, events=[
            PriorityEvent(kind=PriorityKind.ADOPTED, at=at),
            PriorityEvent(kind=PriorityKind.ACHIEVED, at=at + dt.timedelta(days=20))])])  # fmt: skip
    return recurrences(
        raised, held, register=register, policy=draw(st.none() | recurrence_policies())
    )


def priority_recurrences() -> st.SearchStrategy[Recurrence]:
    """Generate recurring issues found by `recurrences`: an issue raised in some of a year's monthly meetings, perhaps after an achieved priority.

    Not called ``recurrences``, which is the function that finds them.

    >>> from hypothesis import find
    >>> find(priority_recurrences(), lambda recurrence: True).kind.value
    'returned after achieved'
    """
    return _one_of(_recurrences().filter(bool))


@st.composite
def _shared(draw: st.DrawFn) -> tuple[SharedPriority, ...]:
    chosen = draw(st.lists(issues(), min_size=1, max_size=3))
    count = draw(st.integers(2, 4))
    registers = []
    for n in range(count):
        panel = Panel(force="test", neighbourhood=f"N{n}", name=f"N{n} PACT")
        held = draw(st.lists(st.sampled_from(chosen), min_size=1, unique=True))
        registers.append(Register(panel=panel, priorities=[
            Priority(id=f"P{i}", panel=panel, issue=issue, text=issue.category,
                     events=[PriorityEvent(kind=PriorityKind.ADOPTED, at=_AS_OF - dt.timedelta(days=30))])
            for i, issue in enumerate(held)]))  # fmt: skip
    return shared_priorities(registers, as_of=_AS_OF, min_panels=draw(st.integers(2, count)))


def shared_priority_categories() -> st.SearchStrategy[SharedPriority]:
    """Generate categories that are current priorities of several panels (`shared_priorities`).

    Not called ``shared_priorities``, which is the function that finds them.

    >>> from hypothesis import find
    >>> len(find(shared_priority_categories(), lambda shared: True).panels)
    2
    """
    return _one_of(_shared().filter(bool))
