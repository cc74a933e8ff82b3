"""Whole forces for other projects' tests: a neighbourhood map, its teams, panels, concerns, queries and roster, all referring to each other."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import attrs
from hypothesis import strategies as st
from shapely import box

from pact_core.abstraction import DutyRecord
from pact_core.geography import (
    CoordinateSystem,
    Neighbourhood,
    NeighbourhoodMap,
    Ward,
    WardCode,
    WardPart,
    wards_from_geojson,
)
from pact_core.intervals import Interval
from pact_core.panels import Panel
from pact_core.priorities import Channel as ConcernChannel
from pact_core.priorities import Concern
from pact_core.response import Channel, Event, EventKind, EventLog, Query, Requester
from pact_core.teams import Member, Role, Team
from pact_core.testing._geography import neighbourhood_maps

__all__ = ["ForceScenario", "force_scenarios", "medway_force", "synthetic_force"]

_UTC = dt.timezone.utc
_START = dt.datetime(2025, 4, 7, 8, tzinfo=_UTC)  # a Monday
_CATEGORIES = ("speeding", "anti-social behaviour", "drugs", "parking")
_ACTIVITIES = ("patrol", "engagement", "response cover", "training", "briefing")


@attrs.frozen(kw_only=True)
class ForceScenario:
    """A whole force whose parts refer to each other: every team, panel, concern, query and duty record names a neighbourhood of the map.

    The team of a neighbourhood is named ``"<id> NPT"`` and its duty records use that team.

    >>> force = synthetic_force()
    >>> [n.id for n in force.map.neighbourhoods], force.team_of("North").name
    (['Centre', 'North', 'South'], 'North NPT')
    """

    force: str
    map: NeighbourhoodMap
    teams: tuple[Team, ...]
    panels: tuple[Panel, ...]
    concerns: tuple[Concern, ...]
    queries: tuple[EventLog, ...]
    roster: tuple[DutyRecord, ...]

    def team_of(self, neighbourhood: str) -> Team:
        """The team of a neighbourhood (`KeyError` if there is none)."""
        for team in self.teams:
            if team.name == f"{neighbourhood} NPT":
                return team
        raise KeyError(neighbourhood)

    def panel_of(self, neighbourhood: str) -> Panel:
        """The PACT panel of a neighbourhood (`KeyError` if there is none)."""
        for panel in self.panels:
            if panel.neighbourhood == neighbourhood:
                return panel
        raise KeyError(neighbourhood)


def _team(force: str, neighbourhood: Neighbourhood, size: int) -> Team:
    slug = neighbourhood.id.lower().replace(" ", "-")
    members = [
        Member(
            name=f"Sgt {neighbourhood.id}",
            role=Role.SERGEANT,
            contact={"email": f"{slug}@{force}.police.uk"},
        )
    ]
    members += [
        Member(name=f"PC {neighbourhood.id} {n}", role=Role.CONSTABLE) for n in range(1, size + 1)
    ]
    members += [
        Member(name=f"PCSO {neighbourhood.id} {n}", role=Role.PCSO) for n in range(1, size + 2)
    ]
    areas = {code.value for code in neighbourhood.ward_codes}
    return Team(name=f"{neighbourhood.id} NPT", areas=areas, members=members)


def _concern(force: str, neighbourhood: str, n: int, hours: int) -> Concern:
    return Concern(id=f"{neighbourhood}-C{n}", text=f"{_CATEGORIES[n % 4].capitalize()} near the shops",
                   category=_CATEGORIES[n % 4], force=force, neighbourhood=neighbourhood,
                   raised=_START + dt.timedelta(hours=hours), channel=ConcernChannel.ONLINE, resident=f"R-{n}")  # fmt: skip


def _query(force: str, neighbourhood: str, n: int, hours: int, answered: int | None) -> EventLog:
    query = Query(id=f"{neighbourhood}-Q{n}", requester=Requester.RESIDENT, channel=Channel.ONLINE,
                  force=force, neighbourhood=neighbourhood)  # fmt: skip
    received = _START + dt.timedelta(hours=hours)
    events = [Event(kind=EventKind.RECEIVED, at=received)]
    if answered is not None:
        events.append(Event(kind=EventKind.RESPONDED, at=received + dt.timedelta(hours=answered)))
    return EventLog(query=query, events=events)


def _shifts(
    team: Team, neighbourhood: str, days: int, activities: tuple[str, ...]
) -> list[DutyRecord]:
    records: list[DutyRecord] = []
    for member in team.members:
        for day in range(days):
            start = _START + dt.timedelta(days=day)
            records.append(DutyRecord(officer=member.name or "vacant", interval=Interval.from_start(start, dt.timedelta(hours=8)),
                                      activity=activities[(day + len(records)) % len(activities)],
                                      neighbourhood=neighbourhood, team=team.name))  # fmt: skip
    return records


def _scenario(
    force: str, neighbourhood_map: NeighbourhoodMap, *, size: int = 1, days: int = 3
) -> ForceScenario:
    teams, panels, concerns, queries, roster = [], [], [], [], []
    for index, neighbourhood in enumerate(neighbourhood_map.neighbourhoods):
        team = _team(force, neighbourhood, size)
        teams.append(team)
        panels.append(
            Panel(force=force, neighbourhood=neighbourhood.id, name=f"{neighbourhood.name} PACT")
        )
        concerns += [_concern(force, neighbourhood.id, n, 10 * n + index) for n in range(3)]
        queries += [
            _query(force, neighbourhood.id, n, 5 * n + index, [20, 90, None][n]) for n in range(3)
        ]
        roster += _shifts(team, neighbourhood.id, days, _ACTIVITIES)
    return ForceScenario(force=force, map=neighbourhood_map, teams=tuple(teams), panels=tuple(panels),
                         concerns=tuple(concerns), queries=tuple(queries), roster=tuple(roster))  # fmt: skip


def synthetic_force() -> ForceScenario:
    """A small force: six square one-kilometre wards (in metres) in three neighbourhoods, one ward split between two.

    Each neighbourhood has a team (a sergeant contactable online, constables and PCSOs),
    a PACT panel, three concerns, three queries (answered in 20 hours, in 90, not yet) and
    three days of duty records that the default abstraction policy classes.

    >>> force = synthetic_force()
    >>> len(force.map.wards), len(force.queries), force.map.neighbourhood("Centre").parts[0].ward.value
    (6, 9, 'E05000003')
    """
    wards = [Ward(code=WardCode(f"E05{n:06d}"), name=f"Ward {n}", generation="WD25",
                  geometry=box((n % 3) * 1000, (n // 3) * 1000, (n % 3 + 1) * 1000, (n // 3 + 1) * 1000))
             for n in range(6)]  # fmt: skip
    split = wards[3]
    neighbourhoods = [
        Neighbourhood(force="synthetic", id="North", name="North", wards={wards[4].code, wards[5].code},
                      parts=[WardPart(ward=split.code, geometry=box(0, 1000, 400, 2000))]),
        Neighbourhood(force="synthetic", id="South", name="South", wards={wards[0].code, wards[1].code}),
        Neighbourhood(force="synthetic", id="Centre", name="Centre", wards={wards[2].code},
                      parts=[WardPart(ward=split.code, geometry=box(400, 1000, 1000, 2000))]),
    ]  # fmt: skip
    neighbourhood_map = NeighbourhoodMap(force="synthetic", wards=wards, neighbourhoods=neighbourhoods,
                                         coordinates=CoordinateSystem.METRES)  # fmt: skip
    return _scenario("synthetic", neighbourhood_map)


_MEDWAY = {
    "Strood": ("E05014467", "E05014468", "E05014469"),
    "Peninsula": ("E05014449", "E05014457"),
    "Rochester": ("E05014451", "E05014452", "E05014453", "E05014464", "E05014465"),
    "Chatham": ("E05014450", "E05014458", "E05014459", "E05014460", "E05014472"),
    "Gillingham": ("E05014454", "E05014455", "E05014456", "E05014466", "E05014470", "E05014471"),
    "Rainham": ("E05014461", "E05014462", "E05014463"),
}


def _medway_wards() -> tuple[Ward, ...]:
    text = (
        resources.files("pact_core.testing")
        .joinpath("data/medway_wards_2025.geojson")
        .read_text(encoding="utf-8")
    )
    return wards_from_geojson(json.loads(text))


def medway_force() -> ForceScenario:
    """A real force on real boundaries: Kent Police's six Medway neighbourhoods over Medway's 24 wards of 2025 (ONS).

    The wards are package data of `pact_core.testing` (the one file pact_core reads, with
    `importlib.resources`); the grouping of wards into neighbourhoods is illustrative.

    >>> medway = medway_force()
    >>> len(medway.map.wards), [w.name for w in medway.map.wards_of("Rainham")]
    (24, ['Rainham North', 'Rainham South East', 'Rainham South West'])
    """
    wards = _medway_wards()
    neighbourhoods = [Neighbourhood(force="kent", id=name, name=name, wards={WardCode(c) for c in codes})
                      for name, codes in _MEDWAY.items()]  # fmt: skip
    return _scenario(
        "kent",
        NeighbourhoodMap(force="kent", wards=wards, neighbourhoods=neighbourhoods),
        size=2,
        days=5,
    )


@st.composite
def _scenarios(draw: st.DrawFn, max_rows: int, max_columns: int) -> ForceScenario:
    neighbourhood_map = draw(
        neighbourhood_maps(max_rows=max_rows, max_columns=max_columns, force="test")
    )
    return _scenario(
        "test", neighbourhood_map, size=draw(st.integers(1, 3)), days=draw(st.integers(1, 3))
    )


def force_scenarios(*, max_rows: int = 3, max_columns: int = 3) -> st.SearchStrategy[ForceScenario]:
    """Generate whole forces: a valid neighbourhood map (see `neighbourhood_maps`) with a team, a panel, concerns, queries and a roster for each neighbourhood.

    Every part refers to the map's neighbourhoods, and every duty record's activity is
    classed by the default abstraction policy. Shrinks towards a one-ward force.

    >>> from hypothesis import find
    >>> len(find(force_scenarios(), lambda f: True).map.wards)
    1
    """
    neighbourhood_maps(
        max_rows=max_rows, max_columns=max_columns
    )  # checks the bounds now, as hypothesis does
    return _scenarios(max_rows, max_columns)
