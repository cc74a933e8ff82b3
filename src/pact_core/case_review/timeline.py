"""Local ASB Case Review procedures, the record of a case, and where each deadline stands at an instant.

A `Procedure` is a local threshold and its deadlines: acknowledge, decide, meet, send the
outcome, request and hear an appeal, each in working days or calendar days from an earlier
stage. A `Case` is an application and the events that have happened to it. `timeline`
reads a case against a procedure at an ``as_of`` instant, as `pact_core.response.status`
does for queries: nothing is stored, everything is computed from the record.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs.validators import instance_of, optional

from pact_core._validation import all_of, nonblank, require_int
from pact_core.calendars import WorkingCalendar
from pact_core.case_review.complaints import Application
from pact_core.case_review.thresholds import Threshold
from pact_core.errors import ExceptionGroup, InvalidCase, InvalidPolicy
from pact_core.intervals import aware, require_aware

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Case",
    "CaseEvent",
    "DayCount",
    "Deadline",
    "Decision",
    "Procedure",
    "Stage",
    "StepState",
    "StepStatus",
    "timeline",
]

_text = nonblank(InvalidPolicy)


class Stage(enum.Enum):
    """The stages of an ASB Case Review, in the order they happen.

    >>> [stage.value for stage in Stage]
    ['received', 'acknowledged', 'decided', 'meeting', 'outcome', 'appeal requested', 'appeal decided']
    """

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    DECIDED = "decided"
    """The threshold decision: review or not."""
    MEETING = "meeting"
    """The review meeting of the relevant bodies."""
    OUTCOME = "outcome"
    """The outcome, with any recommendations, sent to the applicant."""
    APPEAL_REQUESTED = "appeal requested"
    """The applicant's request for an appeal: the applicant's step, so never overdue."""
    APPEAL_DECIDED = "appeal decided"


_ORDER = {stage: n for n, stage in enumerate(Stage)}


class DayCount(enum.Enum):
    """Whether a deadline counts working days or calendar days.

    >>> DayCount.WORKING.value
    'working days'
    """

    WORKING = "working days"
    CALENDAR = "calendar days"


def _stage(instance: object, attribute: attrs.Attribute[Stage], value: object) -> None:
    if not isinstance(value, Stage):
        raise TypeError(f"{attribute.name} must be a Stage, got {value!r}")


def _days(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    require_int(value, field="days")
    if value < 1:  # type: ignore[operator]
        raise InvalidPolicy.must("days", "be at least 1", value)


@attrs.frozen(kw_only=True)
class Deadline:
    """A stage to reach within so many working or calendar days of an earlier stage.

    >>> Deadline(stage=Stage.ACKNOWLEDGED, days=10).description
    'acknowledged within 10 working days of received'
    """

    stage: Stage = attrs.field(validator=_stage)
    days: int = attrs.field(validator=_days)
    count: DayCount = attrs.field(default=DayCount.WORKING, validator=instance_of(DayCount))
    after: Stage = attrs.field(default=Stage.RECEIVED, validator=_stage)

    def __attrs_post_init__(self) -> None:
        if _ORDER[self.after] >= _ORDER[self.stage]:
            raise InvalidPolicy.must(
                "after", f"be a stage before {self.stage.value!r}", self.after.value
            )

    @property
    def description(self) -> str:
        """The deadline in words."""
        return f"{self.stage.value} within {self.days} {self.count.value} of {self.after.value}"


def _to_deadlines(value: Iterable[Deadline]) -> tuple[Deadline, ...]:
    return tuple(sorted(all_of(value, Deadline, "deadlines"), key=lambda d: _ORDER[d.stage]))


@attrs.frozen(kw_only=True)
class Procedure:
    """A local ASB Case Review procedure: its threshold, its deadlines, and who hears appeals.

    Each preset cites the text it follows; procedures change, so check the current text
    before relying on one.

    >>> [d.description for d in Procedure.gosport().deadlines]
    ['acknowledged within 10 working days of received', 'decided within 15 working days of acknowledged', 'meeting within 20 working days of decided']
    """

    name: str = attrs.field(validator=_text)
    threshold: Threshold = attrs.field(validator=instance_of(Threshold))
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_to_deadlines)
    appeal_to: str | None = attrs.field(default=None, validator=optional(_text))
    source: str | None = attrs.field(default=None, validator=optional(_text))

    def __attrs_post_init__(self) -> None:
        problems = []
        seen: set[Stage] = set()
        for index, deadline in enumerate(self.deadlines):
            if deadline.stage in seen:
                problems.append(InvalidPolicy.must(
                    f"deadlines[{index}]", f"be the only deadline for {deadline.stage.value!r}",
                    deadline.description))  # fmt: skip
            seen.add(deadline.stage)
        if problems:
            raise ExceptionGroup(f"procedure {self.name!r} is not valid", problems)

    def deadline(self, stage: Stage) -> Deadline | None:
        """The deadline for *stage*, or None when the procedure sets none."""
        for deadline in self.deadlines:
            if deadline.stage is stage:
                return deadline
        return None

    @classmethod
    def gosport(cls) -> Procedure:
        """Gosport: acknowledge within 10 working days, decide within 15 working days of the acknowledgement, meet within 20 working days of the decision.

        Source: Gosport Borough Council, "Anti-Social Behaviour (ASB) Case Review (also known
        as the Community Trigger)" (gosport.gov.uk) and its local ASB Case Review procedure.
        """
        return cls(
            name="Gosport",
            threshold=attrs.evolve(
                Threshold.statutory(), name="Gosport", source="Gosport Borough Council"
            ),
            deadlines=[
                Deadline(stage=Stage.ACKNOWLEDGED, days=10),
                Deadline(stage=Stage.DECIDED, days=15, after=Stage.ACKNOWLEDGED),
                Deadline(stage=Stage.MEETING, days=20, after=Stage.DECIDED),
            ],
            source="Gosport Borough Council, ASB Case Review (gosport.gov.uk)",
        )

    @classmethod
    def east_hertfordshire(cls) -> Procedure:
        """East Hertfordshire: acknowledge in 3 working days, decide in 14, review within 21 days of the decision, appeals heard within 15 working days.

        Appeals go to the Service Manager for Community Wellbeing and Partnerships with an
        independent representative of another Hertfordshire community safety partnership.
        Source: East Hertfordshire District Council, "Anti-social behaviour case review"
        (eastherts.gov.uk).
        """
        return cls(
            name="East Hertfordshire",
            threshold=Threshold.statutory(),
            deadlines=[
                Deadline(stage=Stage.ACKNOWLEDGED, days=3),
                Deadline(stage=Stage.DECIDED, days=14),
                Deadline(
                    stage=Stage.MEETING, days=21, count=DayCount.CALENDAR, after=Stage.DECIDED
                ),
                Deadline(stage=Stage.APPEAL_DECIDED, days=15, after=Stage.APPEAL_REQUESTED),
            ],
            appeal_to="a partnership panel: East Herts' Service Manager for Community Wellbeing and Partnerships "
            "with a representative of another Hertfordshire community safety partnership",
            source="East Hertfordshire District Council, ASB case review (eastherts.gov.uk)",
        )

    @classmethod
    def bedfordshire(cls) -> Procedure:
        """Bedfordshire: acknowledge within 5 working days, meet within 28 days.

        Source: Bedfordshire Police, "Community Triggers" (bedfordshire.police.uk), and the
        pan-Bedfordshire process published by Bedford Borough, Central Bedfordshire and Luton
        councils. Bedford Borough's page describes three incidents in twelve months; the
        statutory threshold is kept here, as DOMAIN.md section 5 records it.
        """
        return cls(
            name="Bedfordshire",
            threshold=Threshold.statutory(),
            deadlines=[
                Deadline(stage=Stage.ACKNOWLEDGED, days=5),
                Deadline(stage=Stage.MEETING, days=28, count=DayCount.CALENDAR),
            ],
            source="Bedfordshire Police, Community Triggers (bedfordshire.police.uk)",
        )

    @classmethod
    def wales(cls) -> Procedure:
        """Wales (the South Wales process): the Welsh threshold, and a response within 28 days of activation.

        Source: ASB Case Review South Wales (asbcasereview.wales): "The victim will receive a
        response within 28 days of the Case Review being activated".
        """
        return cls(
            name="Wales",
            threshold=Threshold.wales(),
            deadlines=[Deadline(stage=Stage.OUTCOME, days=28, count=DayCount.CALENDAR)],
            source="ASB Case Review South Wales (asbcasereview.wales)",
        )

    @classmethod
    def lincolnshire(cls) -> Procedure:
        """Lincolnshire: the Lincolnshire threshold (30 days to report; override for a vulnerable victim); no fixed deadlines.

        Cases go to the next monthly ASB risk assessment conference, so the procedure sets no
        deadline in days and `timeline` has nothing to report.
        Source: City of Lincoln Council, "The Anti-Social Behaviour Case Review / Community
        Trigger" (lincoln.gov.uk); Boston Borough Council (mybostonuk.com).
        """
        return cls(
            name="Lincolnshire",
            threshold=Threshold.lincolnshire(),
            source="City of Lincoln Council, ASB Case Review (lincoln.gov.uk)",
        )

    @classmethod
    def birmingham(cls) -> Procedure:
        """Birmingham: the initial form within 10 working days, the outcome within 10 working days of the panel, an appeal requested within 20 working days.

        Source: Birmingham City Council, "Anti-social behaviour case review: what happens"
        (birmingham.gov.uk).
        """
        return cls(
            name="Birmingham",
            threshold=Threshold.statutory(),
            deadlines=[
                Deadline(stage=Stage.ACKNOWLEDGED, days=10),
                Deadline(stage=Stage.OUTCOME, days=10, after=Stage.MEETING),
                Deadline(stage=Stage.APPEAL_REQUESTED, days=20, after=Stage.OUTCOME),
            ],
            appeal_to="an appeal panel convened by Birmingham's Community Safety Team",
            source="Birmingham City Council, ASB case review (birmingham.gov.uk)",
        )


# ----------------------------------------------------------------------------- the case


class Decision(enum.Enum):
    """The threshold decision.

    >>> Decision.DISCRETIONARY_REVIEW.reviews
    True
    """

    REVIEW = "threshold met: review"
    DISCRETIONARY_REVIEW = "threshold not met: review at discretion"
    NO_REVIEW = "threshold not met: no review"

    @property
    def reviews(self) -> bool:
        """Whether a review follows."""
        return self is not Decision.NO_REVIEW


@attrs.frozen(kw_only=True)
class CaseEvent:
    """Something that happened to a case: a stage reached, when, and for a decision or an outcome, what.

    A `Stage.DECIDED` event carries its *decision*, a `Stage.OUTCOME` event whether it made
    *recommendations*, and a `Stage.APPEAL_DECIDED` event whether the appeal was *upheld*.

    >>> import datetime as dt
    >>> CaseEvent(stage=Stage.DECIDED, at=dt.datetime(2025, 3, 3, tzinfo=dt.timezone.utc), decision=Decision.REVIEW).decision.reviews
    True
    """

    stage: Stage = attrs.field(validator=_stage)
    at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    decision: Decision | None = attrs.field(default=None, validator=optional(instance_of(Decision)))
    recommendations: bool | None = attrs.field(default=None, validator=optional(instance_of(bool)))
    upheld: bool | None = attrs.field(default=None, validator=optional(instance_of(bool)))

    def __attrs_post_init__(self) -> None:
        if self.stage is Stage.RECEIVED:
            raise InvalidCase.must(
                "stage", "not be 'received': the application records that", "received"
            )
        for field, stage in (
            ("decision", Stage.DECIDED),
            ("recommendations", Stage.OUTCOME),
            ("upheld", Stage.APPEAL_DECIDED),
        ):
            given = getattr(self, field) is not None
            if given != (self.stage is stage):
                rule = (
                    f"be given for a {stage.value!r} event"
                    if not given
                    else f"be given only for a {stage.value!r} event"
                )
                raise InvalidCase.must(field, rule, getattr(self, field))

    def _order(self) -> tuple[object, ...]:
        return (self.at.timestamp(), _ORDER[self.stage])


def _to_events(value: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    return tuple(sorted(all_of(value, CaseEvent, "events"), key=CaseEvent._order))


_NEEDS = {
    Stage.MEETING: (Stage.DECIDED, "come after a decision to review"),
    Stage.OUTCOME: (Stage.DECIDED, "come after a decision to review"),
    Stage.APPEAL_REQUESTED: (Stage.DECIDED, "come after the decision"),
    Stage.APPEAL_DECIDED: (Stage.APPEAL_REQUESTED, "come after an appeal was requested"),
}


@attrs.frozen(kw_only=True)
class Case:
    """An application and the events of its review, kept in time order; its problems are reported all at once.

    >>> import datetime as dt
    >>> at = dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone.utc)
    >>> application = Application(id="ASB-1", applicant="A-7", received_at=at, complaints=[])
    >>> case = Case(application=application, events=[CaseEvent(stage=Stage.ACKNOWLEDGED, at=at + dt.timedelta(days=1))])
    >>> case.reached(Stage.ACKNOWLEDGED).at.day
    4
    """

    application: Application = attrs.field(validator=instance_of(Application))
    events: tuple[CaseEvent, ...] = attrs.field(default=(), converter=_to_events)

    def __attrs_post_init__(self) -> None:
        problems = []
        received = self.application.received_at
        seen: dict[Stage, CaseEvent] = {}
        for index, event in enumerate(self.events):

            def problem(rule: str, *, index: int = index, event: CaseEvent = event) -> None:
                problems.append(InvalidCase(
                    f"events[{index}] ({event.stage.value} at {event.at.isoformat()}) must {rule}",
                    field="events", rule=rule, value=event, index=index))  # fmt: skip

            if event.at < received:
                problem(f"not come before the application was received ({received.isoformat()})")
            if event.stage in seen:
                problem(f"not repeat the {event.stage.value!r} stage")
            if event.stage in _NEEDS:
                needed, rule = _NEEDS[event.stage]
                before = seen.get(needed)
                if before is None or (
                    event.stage in (Stage.MEETING, Stage.OUTCOME)
                    and before.decision is Decision.NO_REVIEW
                ):
                    problem(rule)
            seen.setdefault(event.stage, event)
        if problems:
            raise ExceptionGroup(f"case {self.application.id!r} is not valid", problems)

    def reached(self, stage: Stage, *, as_of: dt.datetime | None = None) -> CaseEvent | None:
        """The event that reached *stage* (by *as_of*, when given), or None."""
        for event in self.events:
            if event.stage is stage and (as_of is None or event.at <= as_of):
                return event
        return None


# ----------------------------------------------------------------------------- timeline


class StepState(enum.Enum):
    """Where one deadline stands.

    >>> [state.value for state in StepState]
    ['waiting', 'due', 'overdue', 'met', 'met late', 'lapsed', 'not needed']
    """

    WAITING = "waiting"
    """The stage it counts from has not happened and cannot be foreseen (an appeal not requested)."""
    DUE = "due"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met late"
    LAPSED = "lapsed"
    """The applicant's window to appeal closed without an appeal."""
    NOT_NEEDED = "not needed"
    """No review (or no appeal) follows, so the stage never comes."""


class StepStatus(NamedTuple):
    """One deadline's standing at an instant.

    *due* is the last local date the stage may happen on and *due_by* the instant that date
    ends. They are *provisional* when the stage they count from has not happened yet and
    its own deadline stands in for it. *done_at* is when the stage happened.

    >>> StepStatus._fields
    ('stage', 'state', 'due', 'due_by', 'provisional', 'done_at')
    """

    stage: Stage
    state: StepState
    due: dt.date | None
    due_by: dt.datetime | None
    provisional: bool
    done_at: dt.datetime | None


def _end_of(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz)


def _projected_start(day: dt.date, calendar: WorkingCalendar) -> dt.datetime:
    """When a stage due on *day* is taken to happen: the start of the day.

    Only the day matters: calendar days count from its date, and working days from the
    first working day whose close comes after it (the day itself, or the next after a day off).
    """
    return dt.datetime.combine(day, dt.time(), tzinfo=calendar.tz)


def _due(deadline: Deadline, start: dt.datetime, calendar: WorkingCalendar) -> dt.date:
    if deadline.count is DayCount.WORKING:
        return calendar.add_working_days(start, deadline.days).astimezone(calendar.tz).date()
    return start.astimezone(calendar.tz).date() + dt.timedelta(days=deadline.days)


_FALLBACK = {
    Stage.ACKNOWLEDGED: Stage.RECEIVED,
    Stage.DECIDED: Stage.ACKNOWLEDGED,
    Stage.MEETING: Stage.DECIDED,
    Stage.OUTCOME: Stage.MEETING,
    Stage.APPEAL_REQUESTED: Stage.OUTCOME,
    Stage.APPEAL_DECIDED: Stage.APPEAL_REQUESTED,
}


def timeline(
    case: Case, procedure: Procedure, *, calendar: WorkingCalendar, as_of: dt.datetime
) -> tuple[StepStatus, ...]:
    """Where each of the procedure's deadlines stands for *case* at *as_of*, in stage order.

    Only events at or before *as_of* count. Working days follow
    `pact_core.calendars.WorkingCalendar.add_working_days` (the day of receipt does not
    count; after hours counts from the next working day); calendar days count from the
    local date. A stage is in time when it happens on or before its due date. A deadline
    that counts from a stage not reached yet is projected from that stage's own due date
    (*provisional*); one that counts from a stage that is not needed (no review after a
    threshold decision) counts from the stage before it.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> london = ZoneInfo("Europe/London")
    >>> application = Application(id="ASB-3", applicant="A-3", received_at=dt.datetime(2025, 4, 17, 11, tzinfo=london), complaints=[])
    >>> case = Case(application=application)
    >>> steps = timeline(case, Procedure.gosport(), calendar=WorkingCalendar(tz=london), as_of=dt.datetime(2025, 4, 22, tzinfo=london))
    >>> [(s.stage.value, s.state.value, s.due.isoformat(), s.provisional) for s in steps]
    [('acknowledged', 'due', '2025-05-06', False), ('decided', 'due', '2025-05-28', True), ('meeting', 'due', '2025-06-25', True)]
    """
    if not isinstance(case, Case):
        raise TypeError(f"case must be a Case, got {case!r}")
    if not isinstance(procedure, Procedure):
        raise TypeError(f"procedure must be a Procedure, got {procedure!r}")
    if not isinstance(calendar, WorkingCalendar):
        raise TypeError(f"calendar must be a WorkingCalendar, got {calendar!r}")
    as_of = require_aware(as_of, field="as_of")
    tz = calendar.tz
    done = {event.stage: event for event in case.events if event.at <= as_of}
    decided = done.get(Stage.DECIDED)
    not_needed: set[Stage] = set()
    if decided is not None and decided.decision is Decision.NO_REVIEW:
        not_needed |= {Stage.MEETING, Stage.OUTCOME}
    statuses: dict[Stage, StepStatus] = {}

    def start_of(stage: Stage) -> tuple[dt.datetime | None, bool]:
        """When the stage happened, or is taken to happen, and whether that is a projection."""
        if stage is Stage.RECEIVED:
            return case.application.received_at, False
        if stage in done:
            return done[stage].at, False
        if stage in not_needed:
            return start_of(_FALLBACK[stage])
        if stage is Stage.APPEAL_REQUESTED:
            return _UNKNOWN  # the applicant's choice: never foreseen
        status = statuses.get(stage)
        if status is None or status.due is None or status.state not in _OPEN:
            return _UNKNOWN
        return _projected_start(status.due, calendar), True

    for deadline in procedure.deadlines:
        stage = deadline.stage
        event = done.get(stage)
        if stage in not_needed or (
            stage is Stage.APPEAL_DECIDED
            and statuses.get(Stage.APPEAL_REQUESTED, _NONE).state is StepState.LAPSED
        ):
            statuses[stage] = StepStatus(
                stage, StepState.NOT_NEEDED, None, None, provisional=False, done_at=None
            )
            continue
        start, provisional = start_of(deadline.after)
        if start is None:
            state = StepState.WAITING if event is None else StepState.MET
            statuses[stage] = StepStatus(
                stage, state, None, None, provisional=False, done_at=event.at if event else None
            )
            continue
        due = _due(deadline, start, calendar)
        due_by = _end_of(due, tz)
        if event is not None:
            in_time = event.at.astimezone(tz).date() <= due
            state = StepState.MET if in_time else StepState.MET_LATE
        elif as_of < due_by:
            state = StepState.DUE
        else:
            state = StepState.LAPSED if stage is Stage.APPEAL_REQUESTED else StepState.OVERDUE
        statuses[stage] = StepStatus(
            stage, state, due, due_by, provisional, event.at if event else None
        )
    return tuple(statuses.values())


_OPEN = (StepState.DUE, StepState.OVERDUE)
_UNKNOWN = (None, False)  # pragma: no mutate (with no start, provisional is unread)
_NONE = StepStatus(
    Stage.RECEIVED,
    StepState.WAITING,
    None,
    None,
    provisional=False,  # pragma: no mutate (a stand-in whose state alone is read)
    done_at=None,
)
