"""The published measures: a neighbourhood's scorecard for a period, rolled up to its force, and a ward-by-ward table.

The public will "know how well your police are doing locally" (Home Office, 2005); the
2025 performance framework publishes, per force and neighbourhood, FTE strength against
target, the share of neighbourhoods with a named officer contactable online, priorities
updated in the last three months and the level of abstraction. Medway asked for
priorities, actions and outcomes ward by ward. The figures come from the other modules:
`pact_core.teams`, `pact_core.priorities`, `pact_core.abstraction`, `pact_core.response`
`pact_core.case_review` and, for crime and anti-social behaviour from police.uk's
street-level data, `pact_core.crime`.

Three rules:

* **A missing source is "not reported", never 0.** Each source is an optional argument;
  a measure whose source was not given has `MeasureStatus.NOT_REPORTED`. A source given
  with nothing in it to measure (a rate over no on-duty time) is
  `MeasureStatus.NOTHING_TO_MEASURE`.
* **Shares roll up from their parts.** A share keeps its numerator and denominator, and
  a force's share is the sum of its neighbourhoods' numerators over the sum of their
  denominators, never an average of averages. Counts and FTE add; a yes-or-no measure
  becomes the share of neighbourhoods that say yes.
* **Plain values.** `to_dict()` is JSON-ready; `_repr_html_()` draws a table for notebooks,
  with every text escaped.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import TYPE_CHECKING, Any

import attrs
from attrs.validators import instance_of

from pact_core.abstraction import Accounts, ActivityClass
from pact_core.case_review import Case, statistics
from pact_core.crime import ASB, CRIME, Incidence, Month, SolvedShare
from pact_core.intervals import Interval, require_aware
from pact_core.priorities import EventKind, Register
from pact_core.response import EventLog, ResponsePolicy, compliance
from pact_core.teams import Role, Severity, Team, TeamModel, check, strength

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pact_core.geography import NeighbourhoodMap, WardCode
    from pact_core.teams import GuaranteeTarget

__all__ = [
    "ONLINE_CONTACTS",
    "ForceScorecard",
    "Measure",
    "MeasureKind",
    "MeasureStatus",
    "NeighbourhoodScorecard",
    "WardRow",
    "WardTable",
    "force_scorecard",
    "neighbourhood_scorecard",
    "period_months",
    "ward_table",
]

ONLINE_CONTACTS = frozenset(
    {"email", "web", "website", "url", "online", "form", "twitter", "x", "facebook", "instagram"}
)
"""The kinds of contact detail that make an officer contactable online."""


class MeasureKind(enum.Enum):
    """What a measure counts, which says how it rolls up.

    >>> MeasureKind.SHARE.value
    'share'
    """

    COUNT = "count"
    FTE = "FTE"
    SHARE = "share"
    FLAG = "yes or no"


class MeasureStatus(enum.Enum):
    """Whether a measure has a figure.

    >>> MeasureStatus.NOT_REPORTED.value
    'not reported'
    """

    REPORTED = "reported"
    NOT_REPORTED = "not reported"
    NOTHING_TO_MEASURE = "nothing to measure"


@attrs.frozen(kw_only=True)
class Measure:
    """One published figure: its key, label, kind, status, value, and for a share its parts.

    A share's *value* is ``numerator / denominator`` (0 to 1); a flag's is 1 or 0.

    >>> Measure.share("abstraction_rate", "Abstraction rate", 30, 120).text
    '25.0%'
    >>> Measure.missing("abstraction_rate", "Abstraction rate", MeasureKind.SHARE).text
    'not reported'
    """

    key: str
    label: str
    kind: MeasureKind
    status: MeasureStatus
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    note: str | None = None

    @classmethod
    def missing(cls, key: str, label: str, kind: MeasureKind, note: str | None = None) -> Measure:
        """A measure whose source was not given: "not reported"."""
        return cls(key=key, label=label, kind=kind, status=MeasureStatus.NOT_REPORTED, note=note)

    @classmethod
    def figure(
        cls, key: str, label: str, kind: MeasureKind, value: float, note: str | None = None
    ) -> Measure:
        """A count, an FTE or a flag (1 or 0)."""
        return cls(
            key=key,
            label=label,
            kind=kind,
            status=MeasureStatus.REPORTED,
            value=float(value),
            note=note,
        )

    @classmethod
    def share(
        cls, key: str, label: str, numerator: float, denominator: float, note: str | None = None
    ) -> Measure:
        """A share with its parts; nothing to measure when the denominator is 0."""
        if not denominator:
            return cls(key=key, label=label, kind=MeasureKind.SHARE, status=MeasureStatus.NOTHING_TO_MEASURE,
                       numerator=float(numerator), denominator=0.0, note=note)  # fmt: skip
        return cls(key=key, label=label, kind=MeasureKind.SHARE, status=MeasureStatus.REPORTED,
                   value=numerator / denominator, numerator=float(numerator), denominator=float(denominator), note=note)  # fmt: skip

    @property
    def text(self) -> str:
        """The figure as a person reads it."""
        if self.status is not MeasureStatus.REPORTED or self.value is None:
            return self.status.value
        if self.kind is MeasureKind.SHARE:
            return f"{self.value:.1%}"
        if self.kind is MeasureKind.FLAG:
            return "yes" if self.value else "no"
        if self.kind is MeasureKind.FTE:
            return f"{self.value:,.1f}"
        return f"{self.value:,.0f}"

    def to_dict(self) -> dict[str, Any]:
        """The measure as JSON-ready data (a not-reported figure is null, with its status)."""
        return {
            "key": self.key,
            "label": self.label,
            "kind": self.kind.value,
            "status": self.status.value,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "text": self.text,
            "note": self.note,
        }


_CELL = "padding:3px 12px;border-bottom:1px solid #ddd;vertical-align:top"
_QUIET = "color:#595959;font-style:italic"


def _table(caption: str, rows: Iterable[Measure]) -> str:
    body = "".join(
        f"<tr><th scope='row' style='{_CELL};text-align:left;font-weight:normal'>{html.escape(m.label)}</th>"
        f"<td style='{_CELL};text-align:right;{'' if m.status is MeasureStatus.REPORTED else _QUIET}'>{html.escape(m.text)}</td>"
        f"<td style='{_CELL};color:#444'>{html.escape(m.note or '')}</td></tr>"
        for m in rows
    )
    return (
        "<table class='pact-scorecard' style='border-collapse:collapse;margin-bottom:1.5em'>"
        f"<caption style='text-align:left;font-weight:bold;padding:4px 0'>{html.escape(caption)}</caption>"
        f"<thead><tr><th style='{_CELL};text-align:left'>Measure</th><th style='{_CELL};text-align:right'>Figure</th>"
        f"<th style='{_CELL};text-align:left'>Note</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _find(measures: tuple[Measure, ...], key: str) -> Measure:
    for measure in measures:
        if measure.key == key:
            return measure
    raise KeyError(key)


def _period_text(period: Interval, tz: dt.tzinfo | None) -> str:
    zone = tz or dt.timezone.utc
    start = period.start.astimezone(zone)
    end = (period.end - dt.timedelta(microseconds=1)).astimezone(zone)
    return f"{start:%d %b %Y} to {end:%d %b %Y}"


@attrs.frozen(kw_only=True)
class NeighbourhoodScorecard:
    """One neighbourhood's published measures for a period, at an instant.

    >>> import datetime as dt
    >>> from pact_core.intervals import Interval
    >>> card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", period=Interval.parse("2025-04-01T00:00Z/P91D"),
    ...                                as_of=dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc))
    >>> card.measure("abstraction_rate").text
    'not reported'
    """

    force: str
    neighbourhood: str
    name: str
    period: Interval
    as_of: dt.datetime
    measures: tuple[Measure, ...]

    def measure(self, key: str) -> Measure:
        """The measure with this key (`KeyError` if the scorecard has none)."""
        return _find(self.measures, key)

    def to_dict(self) -> dict[str, Any]:
        """The scorecard as JSON-ready data."""
        return {
            "force": self.force,
            "neighbourhood": self.neighbourhood,
            "name": self.name,
            "period": self.period.to_text(),
            "as_of": self.as_of.isoformat(),
            "measures": [m.to_dict() for m in self.measures],
        }

    def _repr_html_(self) -> str:
        """A table for notebooks, every text escaped."""
        return _table(f"{self.name}: {_period_text(self.period, self.as_of.tzinfo)}", self.measures)


_CORE_ROLES = frozenset({Role.SERGEANT, Role.CONSTABLE, Role.PCSO, Role.SPECIAL_CONSTABLE})


def _fte_measures(
    teams: Iterable[Team] | None, model: TeamModel | None, as_of: dt.datetime
) -> list[Measure]:
    if teams is None:
        return [
            Measure.missing(
                "fte_neighbourhood", "Neighbourhood officers and PCSOs (FTE)", MeasureKind.FTE
            ),
            Measure.missing(
                "named_officer_online", "Named officer contactable online", MeasureKind.FLAG
            ),
            Measure.missing("team_model", "Team meets its model", MeasureKind.FLAG),
        ]
    team_list = list(teams)
    fte = strength(team_list)
    roles = [role for role in Role if role in _CORE_ROLES or role in fte]
    measures = [Measure.figure(f"fte.{role.name.lower()}", f"FTE: {role.value}", MeasureKind.FTE, fte.get(role, 0.0))
                for role in roles]  # fmt: skip
    core = sum(v for role, v in fte.items() if role.is_police_officer or role is Role.PCSO)
    measures.insert(
        0,
        Measure.figure(
            "fte_neighbourhood", "Neighbourhood officers and PCSOs (FTE)", MeasureKind.FTE, core
        ),
    )
    named = [
        m.name
        for team in team_list
        for m in team.members
        if not m.vacant and m.name and (m.role.is_police_officer or m.role is Role.PCSO)
        and any(kind.lower() in ONLINE_CONTACTS for kind, _ in m.contact)
    ]  # fmt: skip
    measures.insert(1, Measure.figure("named_officer_online", "Named officer contactable online", MeasureKind.FLAG,
                                      bool(named), note=", ".join(sorted(set(named))) or None))  # fmt: skip
    if model is None:
        measures.insert(
            2,
            Measure.missing(
                "team_model", "Team meets its model", MeasureKind.FLAG, note="no model given"
            ),
        )
    else:
        errors = [
            f
            for team in team_list
            for f in check(team, model, as_of=as_of.date())
            if f.severity is Severity.ERROR
        ]
        note = f"{model.name}: " + (
            "no errors" if not errors else "; ".join(dict.fromkeys(f.message for f in errors))
        )
        measures.insert(
            2,
            Measure.figure(
                "team_model", "Team meets its model", MeasureKind.FLAG, not errors, note=note
            ),
        )
    return measures


_PRIORITY_LABELS = (
    ("priorities_current", "Priorities current", MeasureKind.COUNT),
    ("priorities_updated", "Priorities updated in the last three months", MeasureKind.SHARE),
    ("priorities_overdue", "Priorities overdue for review", MeasureKind.COUNT),
    ("priorities_achieved", "Priorities achieved in the period", MeasureKind.COUNT),
)


def _priority_measures(
    registers: Iterable[Register] | None, neighbourhood: str, period: Interval, as_of: dt.datetime
) -> list[Measure]:
    if registers is None:
        return [Measure.missing(key, label, kind) for key, label, kind in _PRIORITY_LABELS]
    chosen = [r for r in registers if r.panel.neighbourhood == neighbourhood]
    current = sum(len(r.current(as_of=as_of)) for r in chosen)
    updated = sum(len(r.updated_within(as_of=as_of)) for r in chosen)
    overdue = sum(len(r.overdue_for_review(as_of=as_of)) for r in chosen)
    achieved = sum(1 for r in chosen for p in r.priorities for e in p.events
                   if e.kind is EventKind.ACHIEVED and period.contains(e.at) and e.at <= as_of)  # fmt: skip
    return [
        Measure.figure("priorities_current", "Priorities current", MeasureKind.COUNT, current),
        Measure.share(
            "priorities_updated", "Priorities updated in the last three months", updated, current
        ),
        Measure.figure(
            "priorities_overdue", "Priorities overdue for review", MeasureKind.COUNT, overdue
        ),
        Measure.figure(
            "priorities_achieved", "Priorities achieved in the period", MeasureKind.COUNT, achieved
        ),
    ]


def _abstraction_measures(
    accounts: Accounts | None, neighbourhood: str, period: Interval
) -> list[Measure]:
    labels = (("abstraction_rate", "Abstraction rate"),
              ("abstraction_rate_excluding_emergencies", "Abstraction rate, excluding emergencies"),
              ("community_time", "Time in the community"))  # fmt: skip
    if accounts is None:
        return [Measure.missing(key, label, MeasureKind.SHARE) for key, label in labels]
    first = period.start.astimezone(accounts.tz).date()
    last = (period.end - dt.timedelta(microseconds=1)).astimezone(accounts.tz).date()
    minutes: dict[ActivityClass, float] = {}
    for (place, day), summary in accounts.by("neighbourhood", "period").items():
        if place == neighbourhood and isinstance(day, dt.date) and first <= day <= last:
            for kind, value in summary.minutes:
                minutes[kind] = minutes.get(kind, 0.0) + float(value)
    on_duty = sum(v for k, v in minutes.items() if k.on_duty)
    emergency = minutes.get(ActivityClass.EMERGENCY, 0.0)
    abstracted = minutes.get(ActivityClass.ABSTRACTED, 0.0)
    return [
        Measure.share("abstraction_rate", labels[0][1], abstracted + emergency, on_duty),
        Measure.share(
            "abstraction_rate_excluding_emergencies", labels[1][1], abstracted, on_duty - emergency
        ),
        Measure.share(
            "community_time", labels[2][1], minutes.get(ActivityClass.COMMUNITY, 0.0), on_duty
        ),
    ]


def _response_measures(queries: Iterable[EventLog] | None, policy: ResponsePolicy, neighbourhood: str,
                       period: Interval, as_of: dt.datetime) -> list[Measure]:  # fmt: skip
    label = "Queries answered within 72 hours"
    if queries is None:
        return [Measure.missing("response_on_time", label, MeasureKind.SHARE)]
    rows = [
        c
        for c in compliance(queries, policy, period=period, as_of=as_of)
        if c.neighbourhood == neighbourhood
    ]
    if not rows:
        return [Measure.share("response_on_time", label, 0, 0, note="no queries received")]
    row = rows[0]
    note = f"{row.received} received, {row.met_late} late, {row.breached} breached, {row.open} open"
    return [
        Measure.share(
            "response_on_time",
            label,
            row.met_on_time,
            row.met_on_time + row.met_late + row.breached,
            note=note,
        )
    ]


_CASE_LABELS = (
    ("case_review_applications", "ASB Case Review applications"),
    ("case_review_thresholds_not_met", "ASB Case Review thresholds not met"),
    ("case_review_reviews", "ASB Case Reviews carried out"),
    ("case_review_recommendations", "ASB Case Reviews with recommendations"),
)


def _case_measures(cases: Iterable[Case] | None, period: Interval) -> list[Measure]:
    if cases is None:
        return [Measure.missing(key, label, MeasureKind.COUNT) for key, label in _CASE_LABELS]
    figures = statistics(cases, period)
    # Four labels, four values (strict or not: no mutate).
    values = (figures.applications, figures.thresholds_not_met, figures.reviews_carried_out,
              figures.reviews_with_recommendations)  # fmt: skip
    return [
        Measure.figure(key, label, MeasureKind.COUNT, value)
        for (key, label), value in zip(_CASE_LABELS, values, strict=True)  # pragma: no mutate
    ]


_CRIME_LABELS = (
    ("crime_recorded", "Crimes recorded (police.uk)"),
    ("asb_recorded", "Anti-social behaviour incidents (police.uk)"),
)


def period_months(period: Interval, tz: dt.tzinfo | None) -> tuple[Month, ...]:
    """The police.uk months of a period: those that lie wholly inside it, as local months in *tz* (UTC when None).

    police.uk never publishes the day, so a month partly outside the period is left out.

    >>> [str(m) for m in period_months(Interval.parse("2022-01-01T00:00Z/P91D"), None)]
    ['2022-01', '2022-02', '2022-03']
    """
    zone = tz or dt.timezone.utc
    local = period.start.astimezone(zone)
    month = Month(local.year, local.month)
    found: list[Month] = []
    while True:
        first = dt.datetime(month.year, month.month, 1, tzinfo=zone)
        following = month + 1
        end = dt.datetime(following.year, following.month, 1, tzinfo=zone)
        if end > period.end:
            return tuple(found)
        if first >= period.start:
            found.append(month)
        month = following


def _crime_measures(
    incidence: Incidence | None,
    solved: SolvedShare | None,
    town_centre_solved: SolvedShare | None,
    area: str,
    months: tuple[Month, ...],
) -> list[Measure]:
    if incidence is not None and not isinstance(incidence, Incidence):
        raise TypeError(f"incidence must be an Incidence, got {incidence!r}")
    found = []
    for (key, label), kinds in zip(_CRIME_LABELS, (CRIME, ASB), strict=True):
        if incidence is None:
            found.append(Measure.missing(key, label, MeasureKind.COUNT))
        else:
            total = incidence.total(areas=[area], months=months, categories=kinds)
            note = f"police.uk data published {incidence.publication}"
            found.append(Measure.figure(key, label, MeasureKind.COUNT, total, note=note))
    for key, label, share in (
        ("crimes_solved", "Crimes solved", solved),
        ("town_centre_crimes_solved", "Town centre crimes solved", town_centre_solved),
    ):
        if share is None:
            found.append(Measure.missing(key, label, MeasureKind.SHARE))
            continue
        if not isinstance(share, SolvedShare):
            raise TypeError(f"{key.replace('crimes_', '')} must be a SolvedShare, got {share!r}")
        note = f"{share.policy}; police.uk data published {share.publication}; {share.pending} pending, {share.unknown} unknown"
        found.append(Measure.share(key, label, share.solved, share.decided, note=note))
    return found


def neighbourhood_scorecard(  # noqa: PLR0913 - one optional argument per source of figures
    *,
    force: str,
    neighbourhood: str,
    period: Interval,
    as_of: dt.datetime,
    name: str | None = None,
    teams: Iterable[Team] | None = None,
    model: TeamModel | None = None,
    registers: Iterable[Register] | None = None,
    accounts: Accounts | None = None,
    queries: Iterable[EventLog] | None = None,
    policy: ResponsePolicy | None = None,
    cases: Iterable[Case] | None = None,
    incidence: Incidence | None = None,
    solved: SolvedShare | None = None,
    town_centre_solved: SolvedShare | None = None,
) -> NeighbourhoodScorecard:
    """A neighbourhood's scorecard for *period* at *as_of*, from whichever sources are given.

    *teams* are the neighbourhood's teams (checked against *model* when given); *registers*
    the registers of its panels (those of other neighbourhoods are left out); *accounts*
    its abstraction accounts (the cells of this neighbourhood whose period starts inside
    *period*); *queries* the event logs of queries (against *policy*, the 72-hour
    guarantee by default); *cases* the ASB Case Reviews of its area; *incidence* a
    `pact_core.crime.Incidence` by neighbourhood (the neighbourhood's crime and ASB in the
    police.uk months of *period*, see `period_months`); *solved* and *town_centre_solved*
    its `pact_core.crime.SolvedShare` of crimes and of town-centre crimes.

    >>> import datetime as dt
    >>> from pact_core.intervals import Interval
    >>> from pact_core.teams import Member, Role, Team
    >>> team = Team(name="Strood NPT", members=[Member(name="Sgt Andy Cooper", role=Role.SERGEANT, contact={"email": "strood@kent.police.uk"})])
    >>> card = neighbourhood_scorecard(force="kent", neighbourhood="Strood", teams=[team],
    ...                                period=Interval.parse("2025-04-01T00:00Z/P91D"), as_of=dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc))
    >>> card.measure("named_officer_online").text, card.measure("fte_neighbourhood").text, card.measure("priorities_current").text
    ('yes', '1.0', 'not reported')
    """
    if not isinstance(period, Interval):
        raise TypeError(f"period must be an Interval, got {period!r}")
    as_of = require_aware(as_of, field="as_of")
    if model is not None and not isinstance(model, TeamModel):
        raise TypeError(f"model must be a TeamModel, got {model!r}")
    if accounts is not None and not isinstance(accounts, Accounts):
        raise TypeError(f"accounts must be Accounts, got {accounts!r}")
    measures = [
        *_fte_measures(teams, model, as_of),
        *_priority_measures(registers, neighbourhood, period, as_of),
        *_abstraction_measures(accounts, neighbourhood, period),
        *_response_measures(queries, policy or ResponsePolicy(), neighbourhood, period, as_of),
        *_case_measures(cases, period),
        *_crime_measures(incidence, solved, town_centre_solved, neighbourhood,
                         period_months(period, as_of.tzinfo)),
    ]  # fmt: skip
    return NeighbourhoodScorecard(force=force, neighbourhood=neighbourhood, name=name or neighbourhood,
                                  period=period, as_of=as_of, measures=tuple(measures))  # fmt: skip


@attrs.frozen(kw_only=True)
class ForceScorecard:
    """A force's measures, rolled up from its neighbourhoods' scorecards, with the scorecards themselves.

    >>> import datetime as dt
    >>> from pact_core.intervals import Interval
    >>> period, as_of = Interval.parse("2025-04-01T00:00Z/P91D"), dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)
    >>> force_scorecard([neighbourhood_scorecard(force="kent", neighbourhood=n, period=period, as_of=as_of)
    ...                  for n in ("Strood", "Chatham")], force="kent").measure("abstraction_rate").text
    'not reported'
    """

    force: str
    period: Interval
    as_of: dt.datetime
    measures: tuple[Measure, ...]
    neighbourhoods: tuple[NeighbourhoodScorecard, ...]

    def measure(self, key: str) -> Measure:
        """The rolled-up measure with this key (`KeyError` if there is none)."""
        return _find(self.measures, key)

    def to_dict(self) -> dict[str, Any]:
        """The force's scorecard, and each neighbourhood's, as JSON-ready data."""
        return {
            "force": self.force,
            "period": self.period.to_text(),
            "as_of": self.as_of.isoformat(),
            "measures": [m.to_dict() for m in self.measures],
            "neighbourhoods": [card.to_dict() for card in self.neighbourhoods],
        }

    def _repr_html_(self) -> str:
        """The force's table, then a table per neighbourhood, every text escaped."""
        return _table(
            f"{self.force}: {_period_text(self.period, self.as_of.tzinfo)}", self.measures
        ) + "".join(card._repr_html_() for card in self.neighbourhoods)


def _roll_up(key: str, found: list[Measure], total: int) -> Measure:
    first = found[0]
    reported = [m for m in found if m.status is not MeasureStatus.NOT_REPORTED]
    note = (
        None if len(reported) == total else f"{len(reported)} of {total} neighbourhoods reporting"
    )
    if first.kind is MeasureKind.FLAG:
        label = f"Neighbourhoods: {first.label[0].lower()}{first.label[1:]}"
        if not reported:
            return Measure.missing(key, label, MeasureKind.SHARE)
        return Measure.share(
            key, label, sum(1 for m in reported if m.value), len(reported), note=note
        )
    if not reported:
        return Measure.missing(key, first.label, first.kind)
    if first.kind is MeasureKind.SHARE:
        return Measure.share(key, first.label, sum(m.numerator or 0.0 for m in reported),
                             sum(m.denominator or 0.0 for m in reported), note=note)  # fmt: skip
    return Measure.figure(
        key, first.label, first.kind, sum(m.value or 0.0 for m in reported), note=note
    )


def force_scorecard(
    cards: Iterable[NeighbourhoodScorecard], *, force: str, target: GuaranteeTarget | None = None
) -> ForceScorecard:
    """Roll neighbourhood scorecards (of one period and instant) up to their force.

    Counts and FTE add up; shares are the sum of numerators over the sum of denominators;
    a yes-or-no measure becomes the share of neighbourhoods that say yes (the framework's
    "share of neighbourhoods with a named officer contactable online"). A figure some
    neighbourhoods did not report covers those that did, and says how many. With *target*
    (a force's share of the Guarantee, a `pact_core.teams.GuaranteeTarget`), the force's
    neighbourhood FTE is set against it.

    >>> import datetime as dt
    >>> from pact_core.teams import Member, Role, Team
    >>> period, as_of = Interval.parse("2025-04-01T00:00Z/P91D"), dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)
    >>> cards = [neighbourhood_scorecard(force="kent", neighbourhood=n, period=period, as_of=as_of,
    ...                                  teams=[Team(name=n, members=[Member(name="PC X", role=Role.CONSTABLE, contact={"email": e})])])
    ...          for n, e in (("Strood", "s@kent.police.uk"), ("Chatham", ""))]
    >>> force_scorecard(cards, force="kent").measure("named_officer_online").text
    '50.0%'
    """
    chosen = tuple(cards)
    if not chosen:
        raise TypeError("cards must hold at least one NeighbourhoodScorecard")
    for card in chosen:
        if not isinstance(card, NeighbourhoodScorecard):
            raise TypeError(f"cards must be NeighbourhoodScorecard values, got {card!r}")
    first = chosen[0]
    if any((c.period, c.as_of) != (first.period, first.as_of) for c in chosen):
        raise TypeError("cards must share one period and one as_of")
    keys: dict[str, list[Measure]] = {}
    for card in chosen:
        for measure in card.measures:
            keys.setdefault(measure.key, []).append(measure)
    measures = [_roll_up(key, found, len(chosen)) for key, found in keys.items()]
    fte = next(m for m in measures if m.key == "fte_neighbourhood")
    label = "Guarantee: progress from baseline to target"
    if target is None or fte.value is None:
        measures.insert(1, Measure.missing("guarantee_progress", label, MeasureKind.SHARE,
                                           note=None if target is not None else "no force target given"))  # fmt: skip
    else:
        expected = target.expected(first.as_of.date())
        measures.insert(1, Measure.share("guarantee_progress", label, fte.value - target.baseline,
                                         target.target - target.baseline,
                                         note=f"{fte.value:,.1f} FTE against {expected:,.1f} expected by now"))  # fmt: skip
    return ForceScorecard(
        force=force,
        period=first.period,
        as_of=first.as_of,
        measures=tuple(measures),
        neighbourhoods=chosen,
    )


# ----------------------------------------------------------------------------- ward by ward


@attrs.frozen(kw_only=True)
class WardRow:
    """One ward's line for a scrutiny committee: its neighbourhoods, current priorities, actions and outcomes in the period, and its crime and ASB.

    >>> WardRow(ward="E05014467", name="Strood North & Frindsbury", neighbourhoods=("Strood",), priorities=(), actions=0,
    ...         outcomes=()).to_dict()["actions"]
    0
    """

    ward: str
    name: str
    neighbourhoods: tuple[str, ...]
    priorities: tuple[str, ...]
    actions: int
    outcomes: tuple[tuple[str, int], ...]
    crime: int | None = None
    asb: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data (crime and ASB null when no police.uk data was given)."""
        return {"ward": self.ward, "name": self.name, "neighbourhoods": list(self.neighbourhoods),
                "priorities": list(self.priorities), "actions": self.actions, "outcomes": dict(self.outcomes),
                "crime": self.crime, "asb": self.asb}  # fmt: skip


@attrs.frozen(kw_only=True)
class WardTable:
    """The ward-by-ward table: one `WardRow` per ward, in ward-code order.

    >>> import datetime as dt
    >>> WardTable(period=Interval.parse("2025-04-01T00:00Z/P91D"), as_of=dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc), rows=()).to_dict()["rows"]
    []
    """

    period: Interval = attrs.field(validator=instance_of(Interval))
    as_of: dt.datetime
    rows: tuple[WardRow, ...]

    def to_dict(self) -> dict[str, Any]:
        """The table as JSON-ready data."""
        return {
            "period": self.period.to_text(),
            "as_of": self.as_of.isoformat(),
            "rows": [row.to_dict() for row in self.rows],
        }

    def _repr_html_(self) -> str:
        """The table for notebooks, every text escaped."""
        body = "".join(
            "<tr>" + "".join(f"<td style='{_CELL}'>{html.escape(cell)}</td>" for cell in (
                f"{row.ward} {row.name}", ", ".join(row.neighbourhoods), "; ".join(row.priorities) or "none",
                str(row.actions), ", ".join(f"{k} {v}" for k, v in row.outcomes) or "none",
                "not reported" if row.crime is None else f"{row.crime:,}",
                "not reported" if row.asb is None else f"{row.asb:,}")) + "</tr>"
            for row in self.rows
        )  # fmt: skip
        head = "".join(
            f"<th style='text-align:left'>{h}</th>"
            for h in (
                "Ward",
                "Neighbourhoods",
                "Current priorities",
                "Actions",
                "Outcomes",
                "Crime",
                "ASB",
            )
        )
        return (f"<table class='pact-wards' style='border-collapse:collapse'><caption style='text-align:left;font-weight:bold;padding:4px 0'>"
                f"Priorities, actions and outcomes by ward: {html.escape(_period_text(self.period, self.as_of.tzinfo))}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")  # fmt: skip


def ward_table(  # noqa: PLR0913 - keyword-only sources of one table
    neighbourhood_map: NeighbourhoodMap,
    registers: Iterable[Register],
    *,
    period: Interval,
    as_of: dt.datetime,
    priority_wards: Mapping[str, Iterable[WardCode]] | None = None,
    incidence: Incidence | None = None,
) -> WardTable:
    """Priorities, actions and outcomes ward by ward, as Medway's scrutiny asked, beside crime and ASB.

    A priority counts for every ward of its panel's neighbourhood, unless *priority_wards*
    (priority id to ward codes) pins it to some: a speeding priority on one road, say.
    Actions and outcomes (achieved, replaced, withdrawn, passed to a partner) are those
    recorded in *period* by *as_of*; priorities are those current at *as_of*. With
    *incidence* (a `pact_core.crime.Incidence` by ward), each row has the ward's crime and
    anti-social behaviour in the police.uk months of *period*; without, they are not reported.

    >>> import datetime as dt
    >>> from shapely import box
    >>> from pact_core.geography import CoordinateSystem, Neighbourhood, NeighbourhoodMap, Ward, WardCode
    >>> ward = Ward(code=WardCode("E05000001"), name="East", generation="WD25", geometry=box(0, 0, 1, 1))
    >>> town = NeighbourhoodMap(force="kent", wards=[ward], coordinates=CoordinateSystem.METRES,
    ...                         neighbourhoods=[Neighbourhood(force="kent", id="N1", name="Town", wards={ward.code})])
    >>> ward_table(town, [], period=Interval.parse("2025-04-01T00:00Z/P91D"), as_of=dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)).rows[0].priorities
    ()
    """
    if not isinstance(period, Interval):
        raise TypeError(f"period must be an Interval, got {period!r}")
    as_of = require_aware(as_of, field="as_of")
    if incidence is not None and not isinstance(incidence, Incidence):
        raise TypeError(f"incidence must be an Incidence, got {incidence!r}")
    months = period_months(period, as_of.tzinfo)
    crime = None if incidence is None else incidence.by_area(months=months, categories=CRIME)
    asb = None if incidence is None else incidence.by_area(months=months, categories=ASB)
    pinned = {key: {code.value for code in codes} for key, codes in (priority_wards or {}).items()}
    # Each priority's figures once (its neighbourhood, whether current, its actions and
    # outcomes in the period); each ward then adds up the priorities that count for it.
    summaries = []
    for register in registers:
        current = {p.id for p in register.current(as_of=as_of)}
        for priority in register.priorities:
            done = [e for e in priority.events if period.contains(e.at) and e.at <= as_of]
            outcomes = [e.kind.value for e in done if e.kind.ends]
            summaries.append((register.panel.neighbourhood, priority, priority.id in current,
                              sum(e.kind is EventKind.ACTION for e in done), outcomes))  # fmt: skip
    rows = []
    for ward in sorted(neighbourhood_map.wards, key=lambda w: w.code.value):
        ids = tuple(n.id for n in neighbourhood_map.neighbourhoods_of(ward.code))
        texts: list[str] = []
        actions = 0
        counts: dict[str, int] = {}
        for neighbourhood, priority, is_current, acted, ended in summaries:
            here = (
                ward.code.value in pinned[priority.id]
                if priority.id in pinned
                else neighbourhood in ids
            )
            if not here:
                continue
            if is_current:
                texts.append(priority.text)
            actions += acted
            for kind in ended:
                counts[kind] = counts.get(kind, 0) + 1
        rows.append(WardRow(ward=ward.code.value, name=ward.name, neighbourhoods=ids, priorities=tuple(texts),
                            actions=actions, outcomes=tuple(sorted(counts.items())),
                            crime=None if crime is None else crime.get(ward.code.value, 0),
                            asb=None if asb is None else asb.get(ward.code.value, 0)))  # fmt: skip
    return WardTable(period=period, as_of=as_of, rows=tuple(rows))
