"""Issues that keep coming back, priorities shared across panels, and residents' sense of influence.

"The same issues being raised over time" and priorities not "achieved and maintained"
are named problems (Medway 2010). SARA guidance names the kinds of problem: chronic,
spikes and recurrent low-level problems; the thresholds below are policy values because
no source fixes them. Panels are coordinated across wards (Medway, e), and residents are
asked whether they can influence decisions in their area (indicator NI 4; Medway, j).
"""

from __future__ import annotations

import datetime as dt
import enum
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of
from dateutil.relativedelta import relativedelta

from pact_core._validation import all_of, require_int
from pact_core.errors import InvalidPriority
from pact_core.intervals import Interval, aware
from pact_core.panels import Meeting
from pact_core.priorities.concerns import Concern, Issue
from pact_core.priorities.register import Register, Status

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Agreement",
    "FeedbackResponse",
    "Influence",
    "Recurrence",
    "RecurrenceKind",
    "RecurrencePolicy",
    "SharedPriority",
    "influence",
    "recurrences",
    "shared_priorities",
]


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {value!r}")
    if value < 1:
        raise InvalidPriority.must(attribute.name, "be at least 1", value)


@attrs.frozen(kw_only=True)
class RecurrencePolicy:
    """When an issue counts as recurring, and of which kind.

    * *chronic* or *recurrent low-level*: raised at *at_least* of the last *meetings*
      meetings; low-level when it never drew more than *low_level* concerns at one.
    * *spike*: at least *spike_minimum* concerns at the latest meeting, and at least
      *spike_factor* times the mean of the meetings before it in the window.
    * *returned*: raised again within *months* of being achieved.

    >>> RecurrencePolicy().at_least, RecurrencePolicy().meetings
    (3, 4)
    """

    at_least: int = attrs.field(default=3, validator=_positive)
    meetings: int = attrs.field(default=4, validator=_positive)
    low_level: int = attrs.field(default=3, validator=_positive)
    spike_minimum: int = attrs.field(default=5, validator=_positive)
    spike_factor: int = attrs.field(default=3, validator=_positive)
    months: int = attrs.field(default=6, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.at_least > self.meetings:
            raise InvalidPriority.must(
                "at_least", f"not exceed meetings ({self.meetings})", self.at_least
            )


class RecurrenceKind(enum.Enum):
    """The kinds of recurrence, as SARA problem-solving guidance names them.

    >>> RecurrenceKind.RECURRENT_LOW_LEVEL.value
    'recurrent low-level'
    """

    CHRONIC = "chronic"
    RECURRENT_LOW_LEVEL = "recurrent low-level"
    SPIKE = "spike"
    RETURNED = "returned after achieved"


@attrs.frozen(kw_only=True)
class Recurrence:
    """An issue flagged as recurring: its kind, and how many concerns raised it before each meeting.

    *history* is ``(meeting start, concerns)`` for the meetings considered, oldest first;
    *achieved* is when a priority on the issue was achieved (for ``RETURNED``).

    >>> Recurrence.__name__
    'Recurrence'
    """

    issue: Issue
    kind: RecurrenceKind
    history: tuple[tuple[dt.datetime, int], ...]
    achieved: dt.datetime | None = None


def recurrences(
    concerns: Iterable[Concern],
    meetings: Iterable[Meeting],
    *,
    register: Register | None = None,
    policy: RecurrencePolicy | None = None,
) -> tuple[Recurrence, ...]:
    """Flag the issues that recur, by the panel's meetings: a concern counts for the first meeting at or after it was raised.

    Only panel meetings count (`pact_core.panels.MeetingKind.counts_for_cadence`); concerns
    raised after the last meeting wait for the next. With a *register*, issues raised
    again within *months* of a priority on them being achieved are flagged ``RETURNED``.

    >>> import datetime as dt
    >>> from pact_core.panels import Meeting, Panel
    >>> from pact_core.priorities import Concern
    >>> panel = Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT")
    >>> held = [Meeting(panel=panel, start=dt.datetime(2025, m, 20, 19, tzinfo=dt.timezone.utc)) for m in (1, 3, 5, 7)]
    >>> raised = [Concern(id=str(m), text="Needles in the park", category="drugs", force="kent", neighbourhood="Chatham",
    ...                   place="Luton Rec", raised=dt.datetime(2025, m, 1, tzinfo=dt.timezone.utc)) for m in (1, 3, 7)]
    >>> [(r.issue.place, r.kind.value, [n for _, n in r.history]) for r in recurrences(raised, held)]
    [('Luton Rec', 'recurrent low-level', [1, 1, 0, 1])]
    """
    policy = policy or RecurrencePolicy()
    held = sorted(
        (m for m in all_of(meetings, Meeting, "meetings") if m.kind.counts_for_cadence),
        key=lambda m: m.start,
    )
    starts = [m.start for m in held]
    counts: dict[Issue, list[int]] = {}
    raised: dict[Issue, list[dt.datetime]] = {}
    for concern in all_of(concerns, Concern, "concerns"):
        raised.setdefault(concern.issue, []).append(concern.raised)
        slot = next((i for i, start in enumerate(starts) if concern.raised <= start), None)
        if slot is not None:
            counts.setdefault(concern.issue, [0] * len(starts))[slot] += 1
    found: list[Recurrence] = []
    window = starts[-policy.meetings :]
    for issue, per_meeting in sorted(counts.items()):
        recent = per_meeting[-policy.meetings :]
        # One count a meeting of the window, so strict may be either: no mutate.
        history = tuple(zip(window, recent, strict=True))  # pragma: no mutate
        if sum(1 for n in recent if n) >= policy.at_least:
            kind = (
                RecurrenceKind.RECURRENT_LOW_LEVEL
                if max(recent) <= policy.low_level
                else RecurrenceKind.CHRONIC
            )
            found.append(Recurrence(issue=issue, kind=kind, history=history))
        before = recent[:-1]
        latest = recent[-1]
        if latest >= policy.spike_minimum and latest * len(before) >= policy.spike_factor * sum(
            before
        ):
            found.append(Recurrence(issue=issue, kind=RecurrenceKind.SPIKE, history=history))
    if register is not None:
        for priority in register.priorities:
            if priority.status() is not Status.ACHIEVED:
                continue
            achieved = priority.events[-1].at
            until = achieved + relativedelta(months=policy.months)
            again = [at for at in raised.get(priority.issue, []) if achieved < at <= until]
            if again:
                history = tuple(
                    (start, n)
                    for start, n in zip(
                        starts,
                        counts.get(priority.issue, [0] * len(starts)),
                        strict=True,  # pragma: no mutate (one count a meeting, always)
                    )
                    if start > achieved
                )
                found.append(
                    Recurrence(
                        issue=priority.issue,
                        kind=RecurrenceKind.RETURNED,
                        history=history,
                        achieved=achieved,
                    )
                )
    return tuple(
        sorted(
            found,
            key=lambda r: (
                r.issue,
                r.kind.value,
                r.achieved or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
            ),
        )
    )


@attrs.frozen(kw_only=True)
class SharedPriority:
    """A category that is a current priority of several panels of one force at once.

    >>> SharedPriority.__name__
    'SharedPriority'
    """

    force: str
    category: str
    panels: tuple[str, ...]


def shared_priorities(
    registers: Iterable[Register], *, as_of: dt.datetime, min_panels: int = 2
) -> tuple[SharedPriority, ...]:
    """The categories that are current priorities of at least *min_panels* panels of a force, most shared first.

    So that chairs can coordinate across wards (Medway 2010, e).

    >>> import datetime as dt
    >>> shared_priorities([], as_of=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
    ()
    """
    require_int(min_panels, field="min_panels")
    if min_panels < 1:
        raise InvalidPriority.must("min_panels", "be at least 1", min_panels)
    by_category: dict[tuple[str, str], set[str]] = {}
    for register in all_of(registers, Register, "registers"):
        for priority in register.current(as_of=as_of):
            key = (register.panel.force, priority.issue.category)
            by_category.setdefault(key, set()).add(register.panel.name)
    shared = [
        SharedPriority(force=force, category=category, panels=tuple(sorted(names)))
        for (force, category), names in by_category.items()
        if len(names) >= min_panels
    ]
    return tuple(sorted(shared, key=lambda s: (-len(s.panels), s.force, s.category)))


class Agreement(enum.Enum):
    """The answers to "Do you agree or disagree that you can influence decisions affecting your local area?" (NI 4).

    >>> Agreement.TEND_TO_AGREE.agrees
    True
    """

    DEFINITELY_AGREE = "definitely agree"
    TEND_TO_AGREE = "tend to agree"
    TEND_TO_DISAGREE = "tend to disagree"
    DEFINITELY_DISAGREE = "definitely disagree"
    DONT_KNOW = "don't know"

    @property
    def agrees(self) -> bool:
        """Whether the answer agrees."""
        return self in (Agreement.DEFINITELY_AGREE, Agreement.TEND_TO_AGREE)


@attrs.frozen(kw_only=True)
class FeedbackResponse:
    """One resident's answer to the influence question, for a panel, at an instant.

    >>> import datetime as dt
    >>> FeedbackResponse(panel="Chatham PACT", at=dt.datetime(2025, 3, 20, tzinfo=dt.timezone.utc),
    ...                  answer=Agreement.TEND_TO_AGREE).answer.agrees
    True
    """

    panel: str = attrs.field(validator=instance_of(str))
    at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    answer: Agreement = attrs.field(validator=instance_of(Agreement))


@attrs.frozen(kw_only=True)
class Influence:
    """The NI 4 measure for a panel and period: the share who feel they can influence decisions.

    *share* is None when nobody answered (not 0).

    >>> Influence.__name__
    'Influence'
    """

    panel: str
    period: Interval
    respondents: int
    agree: int
    share: Fraction | None


def influence(
    responses: Iterable[FeedbackResponse],
    *,
    panel: str,
    period: Interval,
    include_dont_know: bool = False,
) -> Influence:
    """The share of respondents who agree they can influence decisions, for one panel in ``[start, end)`` of *period*.

    "Don't know" answers are left out of the base unless *include_dont_know* (a choice:
    no source fixes it for panels).

    >>> import datetime as dt
    >>> from pact_core.intervals import Interval
    >>> spring = Interval.parse("2025-03-01T00:00Z/2025-06-01T00:00Z")
    >>> answers = [FeedbackResponse(panel="Chatham PACT", at=spring.start, answer=a)
    ...            for a in (Agreement.DEFINITELY_AGREE, Agreement.TEND_TO_DISAGREE, Agreement.DONT_KNOW)]
    >>> influence(answers, panel="Chatham PACT", period=spring).share
    Fraction(1, 2)
    """
    if not isinstance(period, Interval):
        raise TypeError(f"period must be an Interval, got {period!r}")
    counted = [
        r
        for r in all_of(responses, FeedbackResponse, "responses")
        if r.panel == panel
        and period.contains(r.at)
        and (include_dont_know or r.answer is not Agreement.DONT_KNOW)
    ]
    agree = sum(1 for r in counted if r.answer.agrees)
    return Influence(
        panel=panel,
        period=period,
        respondents=len(counted),
        agree=agree,
        share=Fraction(agree, len(counted)) if counted else None,
    )
