"""The panel's register of priorities: what was adopted, what was done, and what became of each.

PACTs must record priorities, actions and outcomes (Medway 2010, c) and publish them,
kept up to date (Neighbourhood Policing Guarantee, 2025); the performance framework
counts priorities updated in the last three months. A `Priority` is its history of
`PriorityEvent`s, as police.uk publishes it (issue, issue date, action, action date)
plus its status; every active priority is due for review within the panel's cadence.
"""

from __future__ import annotations

import datetime as dt
import enum
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of, optional
from dateutil.relativedelta import relativedelta

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidPriority
from pact_core.intervals import aware, require_aware
from pact_core.panels import Meeting, Panel
from pact_core.priorities.choosing import PanelChoice
from pact_core.priorities.concerns import Issue

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["EventKind", "Priority", "PriorityEvent", "Register", "Status"]

_text = nonblank(InvalidPriority)


class EventKind(enum.Enum):
    """What happened to a priority: adopted, an action taken, or the panel's review outcome.

    >>> EventKind.ACHIEVED.ends, EventKind.RETAINED.ends
    (True, False)
    """

    ADOPTED = "adopted"
    ACTION = "action"
    RETAINED = "retained"
    ACHIEVED = "achieved"
    REPLACED = "replaced"
    WITHDRAWN = "withdrawn"
    PASSED_TO_PARTNER = "passed to partner"

    @property
    def ends(self) -> bool:
        """Whether the priority is no longer active after it."""
        return self in _ENDING

    @property
    def reviews(self) -> bool:
        """Whether it is the panel looking at the priority (adoption or a review outcome)."""
        return self is not EventKind.ACTION


_ENDING = frozenset(
    {EventKind.ACHIEVED, EventKind.REPLACED, EventKind.WITHDRAWN, EventKind.PASSED_TO_PARTNER}
)


class Status(enum.Enum):
    """Where a priority stands: active, or how it ended.

    >>> Status.ACTIVE.value
    'active'
    """

    ACTIVE = "active"
    ACHIEVED = "achieved"
    REPLACED = "replaced"
    WITHDRAWN = "withdrawn"
    PASSED_TO_PARTNER = "passed to partner"


@attrs.frozen(kw_only=True)
class PriorityEvent:
    """One entry in a priority's history: what, when, a note (the action taken), and the partner it went to.

    >>> import datetime as dt
    >>> PriorityEvent(kind=EventKind.ACTION, at=dt.datetime(2025, 4, 2, tzinfo=dt.timezone.utc), note="Speed checks on 6 evenings").note
    'Speed checks on 6 evenings'
    """

    kind: EventKind = attrs.field(validator=instance_of(EventKind))
    at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    note: str | None = attrs.field(default=None, validator=optional(_text))
    partner: str | None = attrs.field(default=None, validator=optional(_text))

    def __attrs_post_init__(self) -> None:
        if self.kind is EventKind.ACTION and self.note is None:
            raise InvalidPriority.must("note", "say what was done for an action", None)
        if (self.kind is EventKind.PASSED_TO_PARTNER) != (self.partner is not None):
            raise InvalidPriority.must(
                "partner", "be given exactly when the priority is passed to a partner", self.partner
            )


def _to_events(value: Iterable[PriorityEvent]) -> tuple[PriorityEvent, ...]:
    return tuple(all_of(value, PriorityEvent, "events"))


@attrs.frozen(kw_only=True)
class Priority:
    """A priority of a panel: its issue, the text published, and its history.

    The history must start with its adoption (the issue date), keep time order, and end
    at most once; an action never precedes the issue date. Every problem is reported
    at once, each naming the event's index.

    >>> import datetime as dt
    >>> from pact_core.panels import Panel
    >>> at = lambda *a: dt.datetime(*a, 19, tzinfo=dt.timezone.utc)
    >>> panel = Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT")
    >>> p = Priority(id="P1", panel=panel, issue=Issue(category="speeding", place="Maidstone Road"),
    ...              text="Speeding on Maidstone Road",
    ...              events=[PriorityEvent(kind=EventKind.ADOPTED, at=at(2025, 1, 15)),
    ...                      PriorityEvent(kind=EventKind.ACTION, at=at(2025, 2, 3), note="Speed checks")])
    >>> p.status(as_of=at(2025, 3, 1)), p.action, p.next_review(as_of=at(2025, 3, 1)).date()
    (<Status.ACTIVE: 'active'>, 'Speed checks', datetime.date(2025, 5, 15))
    """

    id: str = attrs.field(validator=_text)
    panel: Panel = attrs.field(validator=instance_of(Panel))
    issue: Issue = attrs.field(validator=instance_of(Issue))
    text: str = attrs.field(validator=_text)
    events: tuple[PriorityEvent, ...] = attrs.field(converter=_to_events)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.events or self.events[0].kind is not EventKind.ADOPTED:
            problems.append(
                InvalidPriority.must(
                    f"priority {self.id!r} events[0]",
                    "be its adoption",
                    self.events[0].kind.value if self.events else None,
                )
            )
        issued = self.events[0].at if self.events else None
        for index, event in enumerate(self.events):
            where = f"priority {self.id!r} events[{index}] ({event.kind.value} at {event.at.isoformat()})"
            if index and event.at < self.events[index - 1].at:
                problems.append(InvalidPriority(f"{where} must not come before the event above it"))
            if issued is not None and event.kind is EventKind.ACTION and event.at < issued:
                problems.append(InvalidPriority(f"{where} must not precede the issue date"))
            if index and event.kind is EventKind.ADOPTED:
                problems.append(InvalidPriority(f"{where} must not adopt the priority again"))
            if any(e.kind.ends for e in self.events[:index]):
                problems.append(InvalidPriority(f"{where} must not follow the priority's end"))
        if problems:
            raise ExceptionGroup(f"priority {self.id!r} is not valid", problems)

    def _until(self, as_of: dt.datetime | None) -> tuple[PriorityEvent, ...]:
        if as_of is None:
            return self.events
        require_aware(as_of, field="as_of")
        return tuple(event for event in self.events if event.at <= as_of)

    @property
    def issue_date(self) -> dt.datetime:
        """When it was adopted (police.uk's ``issue-date``)."""
        return self.events[0].at

    @property
    def action(self) -> str | None:
        """The latest action taken (police.uk's ``action``), or None while nothing has been done."""
        actions = [e for e in self.events if e.kind is EventKind.ACTION]
        return actions[-1].note if actions else None

    @property
    def action_date(self) -> dt.datetime | None:
        """When the latest action was taken (police.uk's ``action-date``)."""
        actions = [e for e in self.events if e.kind is EventKind.ACTION]
        return actions[-1].at if actions else None

    def status(self, *, as_of: dt.datetime | None = None) -> Status | None:
        """Its status at *as_of* (by default after its whole history); None before its adoption."""
        events = self._until(as_of)
        if not events:
            return None
        last = events[-1].kind
        return Status(last.value) if last.ends else Status.ACTIVE

    def updated(self, *, as_of: dt.datetime | None = None) -> dt.datetime | None:
        """When it was last updated (any event) by *as_of*."""
        events = self._until(as_of)
        return events[-1].at if events else None

    def next_review(self, *, as_of: dt.datetime | None = None) -> dt.datetime | None:
        """When the panel must next review it: *max_months* after it was last looked at; None unless active."""
        if self.status(as_of=as_of) is not Status.ACTIVE:
            return None
        reviewed = [e.at for e in self._until(as_of) if e.kind.reviews]
        return reviewed[-1] + relativedelta(months=self.panel.max_months)


def _to_priorities(value: Iterable[Priority]) -> tuple[Priority, ...]:
    return tuple(sorted(all_of(value, Priority, "priorities"), key=lambda p: (p.issue_date, p.id)))


Outcome = EventKind | tuple[EventKind, str]


@attrs.frozen(kw_only=True)
class Register:
    """A panel's register of priorities, and the questions the public and scrutiny ask of it.

    >>> import datetime as dt
    >>> from pact_core.panels import Panel
    >>> register = Register(panel=Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT"))
    >>> register.current(as_of=dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc))
    ()
    """

    panel: Panel = attrs.field(validator=instance_of(Panel))
    priorities: tuple[Priority, ...] = attrs.field(default=(), converter=_to_priorities)

    def __attrs_post_init__(self) -> None:
        problems = []
        seen: set[str] = set()
        for priority in self.priorities:
            if priority.panel.key != self.panel.key:
                problems.append(
                    InvalidPriority.must(
                        f"priority {priority.id!r}",
                        f"belong to {self.panel.name!r}",
                        priority.panel.name,
                    )
                )
            if priority.id in seen:
                problems.append(InvalidPriority.must("priorities", "have unique ids", priority.id))
            seen.add(priority.id)
        if problems:
            raise ExceptionGroup("the register is not valid", problems)

    def priority(self, id: str) -> Priority:  # noqa: A002 - the domain's word
        """The priority with this id, or `InvalidPriority`."""
        for priority in self.priorities:
            if priority.id == id:
                return priority
        raise InvalidPriority.must("id", f"be a priority of {self.panel.name!r}", id)

    def current(self, *, as_of: dt.datetime) -> tuple[Priority, ...]:
        """The priorities active at *as_of*, oldest first."""
        require_aware(as_of, field="as_of")
        return tuple(p for p in self.priorities if p.status(as_of=as_of) is Status.ACTIVE)

    def overdue_for_review(self, *, as_of: dt.datetime) -> tuple[Priority, ...]:
        """The active priorities whose review date has come by *as_of* without a review."""
        return tuple(
            p
            for p in self.current(as_of=as_of)
            if (due := p.next_review(as_of=as_of)) and due <= as_of
        )

    def updated_within(self, *, as_of: dt.datetime, months: int = 3) -> tuple[Priority, ...]:
        """The active priorities updated in the *months* calendar months up to *as_of* (the Guarantee's measure)."""
        since = as_of - relativedelta(months=months)
        return tuple(
            p
            for p in self.current(as_of=as_of)
            if (seen := p.updated(as_of=as_of)) and seen > since
        )

    def share_updated(self, *, as_of: dt.datetime, months: int = 3) -> Fraction | None:
        """The share of active priorities updated in the last *months*; None when there are none (not 0).

        >>> import datetime as dt
        >>> from pact_core.panels import Panel
        >>> Register(panel=Panel(force="kent", neighbourhood="N", name="N PACT")).share_updated(as_of=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)) is None
        True
        """
        current = self.current(as_of=as_of)
        if not current:
            return None
        return Fraction(len(self.updated_within(as_of=as_of, months=months)), len(current))

    def adopt(self, choice: PanelChoice, *, texts: Mapping[Issue, str] | None = None) -> Register:
        """Add the priorities a panel chose at a meeting; ids are ``<meeting date>/<n>``.

        *texts* gives the published wording of each issue; by default ``"<category> at <place>"``.
        """
        if not isinstance(choice, PanelChoice):
            raise TypeError(f"choice must be a PanelChoice, got {choice!r}")
        meeting = choice.meeting
        wording = dict(texts or {})
        added = [
            Priority(
                id=f"{meeting.start.date().isoformat()}/{n}",
                panel=self.panel,
                issue=issue,
                text=wording.get(issue, f"{issue.category.capitalize()} at {issue.place}"),
                events=[PriorityEvent(kind=EventKind.ADOPTED, at=meeting.start)],
            )
            for n, issue in enumerate(choice.priorities, start=1)
        ]
        return attrs.evolve(self, priorities=[*self.priorities, *added])

    def record(self, id: str, event: PriorityEvent) -> Register:  # noqa: A002 - the domain's word
        """Add one event (an action, say) to a priority's history."""
        priority = self.priority(id)
        changed = attrs.evolve(priority, events=[*priority.events, event])
        return attrs.evolve(
            self, priorities=[changed if p.id == id else p for p in self.priorities]
        )

    def review(self, meeting: Meeting, outcomes: Mapping[str, Outcome]) -> Register:
        """Record a meeting's review: every priority active at the meeting needs an outcome.

        An outcome is an `EventKind` (retained, achieved, replaced, withdrawn), or
        ``(EventKind.PASSED_TO_PARTNER, partner)``. A missing outcome, an unknown priority
        and an outcome that is not a review are all reported at once.
        """
        if not isinstance(meeting, Meeting):
            raise TypeError(f"meeting must be a Meeting, got {meeting!r}")
        if meeting.panel.key != self.panel.key:
            raise InvalidPriority.must(
                "meeting", f"be a meeting of {self.panel.name!r}", meeting.panel.name
            )
        active = {p.id for p in self.current(as_of=meeting.start)}
        problems = [
            InvalidPriority.must("outcomes", "give an outcome for every active priority", missing)
            for missing in sorted(active - set(outcomes))
        ]
        events: dict[str, PriorityEvent] = {}
        for id, outcome in sorted(outcomes.items()):  # noqa: A001 - the domain's word
            kind, partner = outcome if isinstance(outcome, tuple) else (outcome, None)
            if id not in active:
                problems.append(InvalidPriority.must("outcomes", "name active priorities", id))
            elif kind not in _ENDING and kind is not EventKind.RETAINED:
                problems.append(
                    InvalidPriority.must(f"outcomes[{id!r}]", "be a review outcome", kind)
                )
            else:
                try:
                    events[id] = PriorityEvent(kind=kind, at=meeting.start, partner=partner)
                except InvalidPriority as err:
                    problems.append(err)
        if problems:
            raise ExceptionGroup("the review cannot be recorded", problems)
        register = self
        for id, event in events.items():  # noqa: A001 - the domain's word
            register = register.record(id, event)
        return register
