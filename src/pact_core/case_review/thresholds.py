"""Thresholds for an ASB Case Review as values, and the evaluation of an application against one.

The Act (Anti-social Behaviour, Crime and Policing Act 2014, s.104) leaves the threshold
to each area, within one bound: it may not ask for more than three qualifying complaints.
A complaint qualifies when it was made within one month of the behaviour and the
application within six months of the complaint. A `Threshold` holds those two windows
and one or more `ThresholdRule`s, any of which meets it: the statutory count, or the
local variants (a count of different people, of complaints about one linked location,
one hate incident).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs.validators import instance_of, optional

from pact_core._validation import all_of, nonblank, require_int
from pact_core.case_review.complaints import Application, Complaint, Incident, incidents
from pact_core.errors import InvalidPolicy
from pact_core.intervals import CalendarUnit

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ComplaintCheck",
    "Counting",
    "Evaluation",
    "Ground",
    "GroundKind",
    "Grouping",
    "Reason",
    "RuleResult",
    "Threshold",
    "ThresholdRule",
    "Window",
    "evaluate",
]

_text = nonblank(InvalidPolicy)


class Counting(enum.Enum):
    """How a window counts from the day it starts on.

    `BEGINNING_WITH` is the statute's reading ("the period of one month beginning with the
    day on which the behaviour is alleged to have occurred"): that day is the first day of
    the window, so a month from 15 January runs to 14 February. `AFTER` is the reading of
    "within one month of": the day itself is not counted, so a month from 15 January runs
    to 15 February.

    >>> [counting.value for counting in Counting]
    ['beginning with the day', 'after the day']
    """

    BEGINNING_WITH = "beginning with the day"
    AFTER = "after the day"


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    require_int(value, field=attribute.name)
    if value < 1:  # type: ignore[operator]
        raise InvalidPolicy.must(attribute.name, "be at least 1", value)


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@attrs.frozen(kw_only=True)
class Window:
    """A period of calendar months, weeks or days, counted in whole local dates.

    `last_day` gives the last date inside the window. Months follow the corresponding-date
    rule: the window ends on the same day of the month, or, when that month is too short,
    on its last day (31 January plus one month is 28 February, or 29 in a leap year).

    >>> import datetime as dt
    >>> Window.months(1).last_day(dt.date(2025, 1, 15)), Window.months(1).last_day(dt.date(2025, 1, 31))
    (datetime.date(2025, 2, 14), datetime.date(2025, 2, 28))
    >>> Window.days(30, counting=Counting.AFTER).last_day(dt.date(2025, 1, 15))
    datetime.date(2025, 2, 14)
    """

    amount: int = attrs.field(validator=_positive)
    unit: CalendarUnit = attrs.field(validator=instance_of(CalendarUnit))
    counting: Counting = attrs.field(
        default=Counting.BEGINNING_WITH, validator=instance_of(Counting)
    )

    @classmethod
    def months(cls, amount: int, *, counting: Counting = Counting.BEGINNING_WITH) -> Window:
        """A window of *amount* calendar months."""
        return cls(amount=amount, unit=CalendarUnit.MONTH, counting=counting)

    @classmethod
    def days(cls, amount: int, *, counting: Counting = Counting.BEGINNING_WITH) -> Window:
        """A window of *amount* days."""
        return cls(amount=amount, unit=CalendarUnit.DAY, counting=counting)

    def last_day(self, start: dt.date) -> dt.date:
        """The last date inside the window that starts on *start* (`datetime.date.max` past the calendar's end)."""
        try:
            return self._last_day(start)
        except (OverflowError, ValueError):
            return dt.date.max

    def _last_day(self, start: dt.date) -> dt.date:
        if self.unit is not CalendarUnit.MONTH:
            days = self.amount * (7 if self.unit is CalendarUnit.WEEK else 1)
            if self.counting is Counting.BEGINNING_WITH:
                days -= 1
            return start + dt.timedelta(days=days)
        year, month = divmod(start.month - 1 + self.amount, 12)
        year, month = start.year + year, month + 1
        length = _days_in(year, month)
        if start.day > length:
            return dt.date(year, month, length)
        corresponding = dt.date(year, month, start.day)
        if self.counting is Counting.BEGINNING_WITH:
            return corresponding - dt.timedelta(days=1)
        return corresponding

    def __str__(self) -> str:
        unit = {CalendarUnit.MONTH: "month", CalendarUnit.WEEK: "week", CalendarUnit.DAY: "day"}
        plural = "" if self.amount == 1 else "s"
        return f"{self.amount} {unit[self.unit]}{plural} {self.counting.value}"


class Grouping(enum.Enum):
    """Which complaints a rule counts together.

    >>> Grouping.LOCATION.value
    'one location'
    """

    APPLICATION = "the whole application"
    COMPLAINANT = "one complainant"
    LOCATION = "one location"
    PROBLEM = "one problem"
    """A complaint without a *problem* belongs to the problem named by its location."""


def _not_negative(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    require_int(value, field=attribute.name)
    if value < 0:  # type: ignore[operator]
        raise InvalidPolicy.must(attribute.name, "not be negative", value)


@attrs.frozen(kw_only=True)
class ThresholdRule:
    """One way to meet a threshold: enough qualifying incidents, reported by enough people, with enough hate incidents, counted per *per*.

    >>> ThresholdRule(incidents=5, complainants=2, per=Grouping.LOCATION).description
    '5 qualifying incidents about one location, reported by at least 2 people'
    >>> ThresholdRule(incidents=1, hate=1).description
    '1 qualifying hate incident'
    """

    incidents: int = attrs.field(validator=_positive)
    complainants: int = attrs.field(default=1, validator=_positive)
    hate: int = attrs.field(default=0, validator=_not_negative)
    per: Grouping = attrs.field(default=Grouping.APPLICATION, validator=instance_of(Grouping))

    def __attrs_post_init__(self) -> None:
        if self.hate > self.incidents:
            raise InvalidPolicy.must("hate", f"not exceed incidents ({self.incidents})", self.hate)

    @property
    def description(self) -> str:
        """The rule in words."""
        if self.hate == self.incidents:
            noun = "hate incident" if self.incidents == 1 else "hate incidents"
            text = f"{self.incidents} qualifying {noun}"
        else:
            noun = "incident" if self.incidents == 1 else "incidents"
            text = f"{self.incidents} qualifying {noun}"
            if self.hate:
                text += (
                    ", 1 of them a hate incident"
                    if self.hate == 1
                    else f", {self.hate} of them hate incidents"
                )
        if self.per is not Grouping.APPLICATION:
            text += (
                " "
                + {
                    Grouping.COMPLAINANT: "reported by one person",
                    Grouping.LOCATION: "about one location",
                    Grouping.PROBLEM: "about one problem",
                }[self.per]
            )
        if self.complainants > 1:
            text += f", reported by at least {self.complainants} people"
        return text


def _to_rules(value: Iterable[ThresholdRule]) -> tuple[ThresholdRule, ...]:
    return all_of(value, ThresholdRule, "rules")


def _has_rules(
    instance: object,
    attribute: attrs.Attribute[tuple[ThresholdRule, ...]],
    value: tuple[ThresholdRule, ...],
) -> None:
    if not value:
        raise InvalidPolicy.must("rules", "hold at least one rule", value)


_ACT = "Anti-social Behaviour, Crime and Policing Act 2014, s.104 and Schedule 4"
_STATUTORY = ThresholdRule(incidents=3)
_HATE = ThresholdRule(incidents=1, hate=1)


@attrs.frozen(kw_only=True)
class Threshold:
    """A local threshold for an ASB Case Review: when a complaint qualifies, and the rules any one of which meets it.

    *vulnerability_override* records that a senior manager may hold a review for a
    vulnerable victim whatever the count (Lincolnshire's procedure says so in as many words).

    >>> Threshold.statutory().rules[0].description
    '3 qualifying incidents'
    >>> str(Threshold.lincolnshire().report_within)
    '30 days after the day'
    """

    name: str = attrs.field(validator=_text)
    rules: tuple[ThresholdRule, ...] = attrs.field(converter=_to_rules, validator=_has_rules)
    report_within: Window = attrs.field(
        factory=lambda: Window.months(1), validator=instance_of(Window)
    )
    apply_within: Window = attrs.field(
        factory=lambda: Window.months(6), validator=instance_of(Window)
    )
    vulnerability_override: bool = attrs.field(default=False, validator=instance_of(bool))
    source: str | None = attrs.field(default=None, validator=optional(_text))

    @classmethod
    def statutory(cls, *, incidents: int = 3) -> Threshold:
        """The Act's default: *incidents* qualifying complaints (three, or a lower local number), one month to complain, six to apply.

        Source: Anti-social Behaviour, Crime and Policing Act 2014, s.104(4) and (13);
        Home Office, *Anti-social Behaviour, Crime and Policing Act 2014: Anti-social behaviour powers,
        statutory guidance for frontline professionals* (ASB Case Review section).
        """
        rule = ThresholdRule(incidents=incidents)
        if incidents > 3:
            raise InvalidPolicy.must(
                "incidents", "be at most 3 under the Act (s.104(4))", incidents
            )
        return cls(
            name="statutory" if incidents == 3 else f"statutory ({incidents})",
            rules=[rule],
            source=_ACT,
        )

    @classmethod
    def with_hate_incident(cls) -> Threshold:
        """The statutory count, or a single hate incident (Pendle, Herefordshire, Hart).

        Source: Herefordshire Council, "Anti-social behaviour case review" (herefordshire.gov.uk);
        Hart District Council, Anti-social Behaviour Policy 2025-2028, "ASB case reviews" (hart.gov.uk).
        """
        return cls(name="statutory or one hate incident", rules=[_STATUTORY, _HATE],
                   source="Herefordshire Council; Hart District Council; Pendle Borough Council")  # fmt: skip

    @classmethod
    def plymouth(cls) -> Threshold:
        """The statutory count, or two reports of which one is a hate incident (Plymouth).

        Source: Plymouth City Council, ASB Case Review threshold, as listed in
        `pact_core`'s domain notes (DOMAIN.md section 5); check the current text before relying on it.
        """
        return cls(name="Plymouth", rules=[_STATUTORY, ThresholdRule(incidents=2, hate=1)],
                   source="Plymouth City Council, ASB Case Review")  # fmt: skip

    @classmethod
    def three_rivers(cls) -> Threshold:
        """Three reports by one person, or reports by three different people (Three Rivers).

        Source: Three Rivers District Council, ASB Case Review threshold (threerivers.gov.uk),
        as listed in DOMAIN.md section 5.
        """
        return cls(
            name="Three Rivers",
            rules=[
                ThresholdRule(incidents=3, per=Grouping.COMPLAINANT),
                ThresholdRule(incidents=3, complainants=3),
            ],
            source="Three Rivers District Council, ASB Case Review",
        )

    @classmethod
    def wales(cls) -> Threshold:
        """Three incidents reported by one person, five about a linked location reported by more than one person, or one hate incident.

        Source: the South Wales ASB Case Review (asbcasereview.wales) and the South Wales
        Police and Crime Commissioner, "ASB Case Review" (southwalescommissioner.org.uk).
        """
        return cls(
            name="Wales",
            rules=[
                ThresholdRule(incidents=3, per=Grouping.COMPLAINANT),
                ThresholdRule(incidents=5, complainants=2, per=Grouping.LOCATION),
                _HATE,
            ],
            source="ASB Case Review South Wales (asbcasereview.wales)",
        )

    @classmethod
    def cleveland(cls) -> Threshold:
        """Five or more reports about the same problem by more than one person, beside the statutory count.

        The Act does not let a local threshold ask for more than three qualifying
        complaints, so the statutory rule is kept beside Cleveland's.
        Source: Cleveland Police and the Cleveland community safety partnerships, ASB Case
        Review threshold, as listed in DOMAIN.md section 5.
        """
        return cls(name="Cleveland", rules=[_STATUTORY, ThresholdRule(incidents=5, complainants=2, per=Grouping.PROBLEM)],
                   source="Cleveland community safety partnerships, ASB Case Review")  # fmt: skip

    @classmethod
    def lincolnshire(cls) -> Threshold:
        """Three related incidents in six months, each reported within 30 days; a senior manager may override for a vulnerable victim.

        Source: the Lincolnshire threshold published by City of Lincoln Council, North
        Kesteven and Boston Borough Councils, "The Anti-Social Behaviour Case Review /
        Community Trigger" (lincoln.gov.uk).
        """
        return cls(
            name="Lincolnshire",
            rules=[_STATUTORY],
            report_within=Window.days(30, counting=Counting.AFTER),
            vulnerability_override=True,
            source="City of Lincoln Council, ASB Case Review (lincoln.gov.uk)",
        )


# ----------------------------------------------------------------------------- evaluation


class Reason(enum.Enum):
    """Why a complaint did not count towards the threshold.

    >>> Reason.REPORTED_LATE.value
    'made too long after the behaviour'
    """

    REPORTED_LATE = "made too long after the behaviour"
    TOO_OLD = "made too long before the application"
    AFTER_APPLICATION = "made after the application"
    DUPLICATE = "another report of the same incident counts"


class ComplaintCheck(NamedTuple):
    """What the evaluation made of one complaint.

    *counts* is True for the one report that counts for its incident. *report_by* is the
    last day it could have been made after the behaviour, *apply_by* the last day for an
    application that rests on it.

    >>> ComplaintCheck._fields
    ('complaint', 'incident', 'counts', 'reasons', 'report_by', 'apply_by')
    """

    complaint: Complaint
    incident: tuple[str, ...]
    counts: bool
    reasons: tuple[Reason, ...]
    report_by: dt.date
    apply_by: dt.date


class RuleResult(NamedTuple):
    """How one rule fared: met or not, and the counts in the group that came nearest (*group* None when nothing qualified).

    >>> RuleResult(ThresholdRule(incidents=3), False, "the whole application", 2, 1, 0).shortfall
    '1 more qualifying incident'
    """

    rule: ThresholdRule
    met: bool
    group: str | None
    incidents: int
    complainants: int
    hate: int

    @property
    def shortfall(self) -> str | None:
        """What the nearest group lacks, in words (None when met)."""
        if self.met:
            return None
        missing = []
        if self.incidents < self.rule.incidents:
            n = self.rule.incidents - self.incidents
            missing.append(f"{n} more qualifying incident" + ("s" if n > 1 else ""))
        if self.rule.complainants > 1 and self.complainants < self.rule.complainants:
            n = self.rule.complainants - self.complainants
            missing.append(f"{n} more " + ("people" if n > 1 else "person"))
        if self.hate < self.rule.hate:
            n = self.rule.hate - self.hate
            missing.append(f"{n} more hate incident" + ("s" if n > 1 else ""))
        return ", ".join(missing)


class GroundKind(enum.Enum):
    """The grounds for a discretionary review that the statutory guidance asks agencies to weigh.

    >>> [kind.value for kind in GroundKind]
    ['persistence', 'harm', 'vulnerability', 'adequacy of the response']
    """

    PERSISTENCE = "persistence"
    HARM = "harm"
    VULNERABILITY = "vulnerability"
    RESPONSE = "adequacy of the response"


class Ground(NamedTuple):
    """One ground for a discretionary review and the evidence for it, for a person to weigh.

    >>> Ground(GroundKind.HARM, "1 hate incident").kind.value
    'harm'
    """

    kind: GroundKind
    evidence: str


@attrs.frozen(kw_only=True)
class Evaluation:
    """The evaluation of an application against a threshold.

    *met* says whether the threshold is met automatically; *rules* how each rule fared;
    *complaints* what was made of each complaint, in the application's order. When the
    threshold is not met, *grounds* lists the grounds for a discretionary review (pact_core
    never decides one) and *override* says whether a senior manager may hold a review for
    a vulnerable victim.

    >>> import datetime as dt
    >>> from pact_core.case_review import Application
    >>> application = Application(id="ASB-1", applicant="A-1", received_at=dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc), complaints=[])
    >>> evaluation = evaluate(application, Threshold.statutory(), tz=dt.timezone.utc)
    >>> evaluation.met, evaluation.qualifying, evaluation.rules[0].shortfall
    (False, 0, '3 more qualifying incidents')
    """

    application: str
    threshold: str
    received_at: dt.datetime
    met: bool
    rules: tuple[RuleResult, ...]
    complaints: tuple[ComplaintCheck, ...]
    grounds: tuple[Ground, ...]
    override: bool

    @property
    def qualifying(self) -> int:
        """How many incidents qualify."""
        return sum(check.counts for check in self.complaints)

    def explain(self) -> tuple[str, ...]:
        """The evaluation in plain sentences, one per line, for a letter or a case file."""
        lines = [
            f"{self.threshold} threshold " + ("met" if self.met else "not met")
            + f": {self.qualifying} qualifying incident" + ("" if self.qualifying == 1 else "s")
        ]  # fmt: skip
        for result in self.rules:
            state = "met" if result.met else f"not met ({result.shortfall})"
            lines.append(f"rule '{result.rule.description}': {state}")
        for check in self.complaints:
            c = check.complaint
            what = (
                "counts"
                if check.counts
                else "does not count: " + "; ".join(r.value for r in check.reasons)
            )
            lines.append(f"{c.body.value} {c.reference} ({c.reported_at:%d %b %Y}): {what}")
        lines.extend(f"ground for discretion ({g.kind.value}): {g.evidence}" for g in self.grounds)
        if self.override:
            lines.append("a senior manager may hold a review to safeguard a vulnerable victim")
        return tuple(lines)


def _check(
    complaint: Complaint,
    key: tuple[str, ...],
    threshold: Threshold,
    received: dt.datetime,
    tz: dt.tzinfo,
) -> ComplaintCheck:
    behaviour_day = complaint.behaviour_at.astimezone(tz).date()
    report_day = complaint.reported_at.astimezone(tz).date()
    report_by = threshold.report_within.last_day(behaviour_day)
    apply_by = threshold.apply_within.last_day(report_day)
    reasons = []
    if complaint.reported_at > received:
        reasons.append(Reason.AFTER_APPLICATION)
    if report_day > report_by:
        reasons.append(Reason.REPORTED_LATE)
    if received.astimezone(tz).date() > apply_by:
        reasons.append(Reason.TOO_OLD)
    return ComplaintCheck(complaint, key, not reasons, tuple(reasons), report_by, apply_by)


def _group_keys(check: ComplaintCheck, per: Grouping) -> tuple[str, ...]:
    complaint = check.complaint
    if per is Grouping.COMPLAINANT:
        return (complaint.complainant,)
    if per is Grouping.LOCATION:
        return (complaint.location,)
    if per is Grouping.PROBLEM:
        return (complaint.problem or complaint.location,)
    return (Grouping.APPLICATION.value,)


def _rule_result(
    rule: ThresholdRule, qualifying: list[tuple[Incident, list[ComplaintCheck]]]
) -> RuleResult:
    groups: dict[str, tuple[set[tuple[str, ...]], set[str], set[tuple[str, ...]]]] = {}
    for incident, checks in qualifying:
        for check in checks:
            for key in _group_keys(check, rule.per):
                found, people, hate = groups.setdefault(key, (set(), set(), set()))
                found.add(incident.key)
                people.add(check.complaint.complainant)
                if incident.hate:
                    hate.add(incident.key)
    if not groups:
        return RuleResult(rule, met=False, group=None, incidents=0, complainants=0, hate=0)
    results = [
        RuleResult(
            rule,
            len(found) >= rule.incidents
            and len(people) >= rule.complainants
            and len(hate) >= rule.hate,
            key,
            len(found),
            len(people),
            len(hate),
        )
        for key, (found, people, hate) in groups.items()
    ]
    return min(
        results,
        key=lambda r: (
            not r.met,
            -min(r.incidents, rule.incidents)
            - min(r.complainants, rule.complainants)
            - min(r.hate, rule.hate),
            -r.incidents,
            -r.complainants,
            -r.hate,
            r.group,
        ),
    )


def _grounds(
    application: Application,
    found: tuple[Incident, ...],
    qualifying: int,
    threshold: Threshold,
    tz: dt.tzinfo,
) -> list[Ground]:
    grounds = []
    if found:
        first = min(i.behaviour_at for i in found).astimezone(tz).date()
        last = max(i.behaviour_at for i in found).astimezone(tz).date()
        noun = "incident" if len(found) == 1 else "incidents"
        grounds.append(Ground(GroundKind.PERSISTENCE,
                              f"{len(found)} {noun} reported, from {first:%d %b %Y} to {last:%d %b %Y}, {qualifying} qualifying"))  # fmt: skip
    hate = sum(i.hate for i in found)
    if hate:
        grounds.append(Ground(GroundKind.HARM, f"{hate} hate incident" + ("s" if hate > 1 else "")))
    if application.harm is not None:
        grounds.append(Ground(GroundKind.HARM, application.harm))
    if application.vulnerable:
        evidence = "the applicant says the victim is vulnerable"
        if threshold.vulnerability_override:
            evidence += "; a senior manager may hold a review to safeguard them"
        grounds.append(Ground(GroundKind.VULNERABILITY, evidence))
    if application.response_concerns is not None:
        grounds.append(Ground(GroundKind.RESPONSE, application.response_concerns))
    return grounds


def evaluate(application: Application, threshold: Threshold, *, tz: dt.tzinfo) -> Evaluation:
    """Evaluate *application* against *threshold* at the instant it was received, counting whole local dates in *tz*.

    Each incident counts once, through its earliest report that qualifies; a complaint
    made after the application never counts. When the automatic threshold is not met, the
    evaluation lists the grounds for a discretionary review.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from pact_core.case_review import Application, Body, Complaint
    >>> london = ZoneInfo("Europe/London")
    >>> def report(ref, behaviour, reported):
    ...     return Complaint(reference=ref, body=Body.POLICE, complainant="R-1", location="Hill Road",
    ...                      behaviour_at=dt.datetime(*behaviour, 22, tzinfo=london), reported_at=dt.datetime(*reported, 9, tzinfo=london))
    >>> complaints = [report("P-1", (2025, 1, 31), (2025, 2, 28)), report("P-2", (2025, 2, 10), (2025, 3, 10)),
    ...               report("P-3", (2025, 3, 1), (2025, 3, 3))]
    >>> application = Application(id="ASB-9", applicant="R-1", received_at=dt.datetime(2025, 4, 1, tzinfo=london), complaints=complaints)
    >>> result = evaluate(application, Threshold.statutory(), tz=london)
    >>> result.met, [(c.complaint.reference, [r.name for r in c.reasons]) for c in result.complaints if not c.counts]
    (False, [('P-2', ['REPORTED_LATE'])])
    """
    if not isinstance(application, Application):
        raise TypeError(f"application must be an Application, got {application!r}")
    if not isinstance(threshold, Threshold):
        raise TypeError(f"threshold must be a Threshold, got {threshold!r}")
    if not isinstance(tz, dt.tzinfo):
        raise TypeError(f"tz must be a datetime.tzinfo, got {tz!r}")
    received = application.received_at
    found = incidents(application.complaints)
    by_complaint: dict[Complaint, ComplaintCheck] = {}
    qualifying: list[tuple[Incident, list[ComplaintCheck]]] = []
    for incident in found:
        checks = [_check(c, incident.key, threshold, received, tz) for c in incident.complaints]
        good = [check for check in checks if check.counts]
        for check in checks:
            duplicate = check.counts and check is not good[0]
            by_complaint[check.complaint] = (
                check._replace(counts=False, reasons=(Reason.DUPLICATE,)) if duplicate else check
            )
        if good:
            qualifying.append((incident, good))
    rules = tuple(_rule_result(rule, qualifying) for rule in threshold.rules)
    met = any(result.met for result in rules)
    grounds = () if met else tuple(_grounds(application, found, len(qualifying), threshold, tz))
    return Evaluation(
        application=application.id,
        threshold=threshold.name,
        received_at=received,
        met=met,
        rules=rules,
        complaints=tuple(by_complaint[c] for c in application.complaints),
        grounds=grounds,
        override=not met and application.vulnerable and threshold.vulnerability_override,
    )
