"""The response policy: its goals, each with a clock, a limit, warnings and what a reopening does."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of
from pact_core.errors import ExceptionGroup, InvalidPolicy
from pact_core.intervals import to_utc
from pact_core.response.log import _ZERO, EventKind, _text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pact_core.calendars import WorkingCalendar


#: What the elapsed loop reads of a goal (see `Goal._elapsed_spec`).
_ElapsedSpec = tuple[EventKind, bool, bool, dt.timedelta, "dt.timedelta | None"]
#: A goal's warning thresholds, each with the time on the clock that reaches it.
_WarningTimes = tuple[tuple[float, dt.timedelta], ...]
#: All `pact_core.response.status` reads of an elapsed goal: the spec, the goal's name and
#: its warning times, highest first, in one tuple.
_ElapsedPlan = tuple[EventKind, bool, bool, dt.timedelta, "dt.timedelta | None", str, _WarningTimes]

__all__ = ["Clock", "Goal", "ReopenRule", "ResponsePolicy"]


class Clock(enum.Enum):
    """How a goal's time is counted: elapsed time, or working time on a calendar.

    >>> Clock.ELAPSED.value
    'elapsed'
    """

    ELAPSED = "elapsed"
    WORKING = "working"


class ReopenRule(enum.Enum):
    """What reopening a closed query does to a goal's clock.

    ``RESTART``: a new clock from the reopening. ``CONTINUE``: the old clock resumes
    where it stopped at closure (the closed time does not count).

    >>> ReopenRule.RESTART.value
    'restart'
    """

    RESTART = "restart"
    CONTINUE = "continue"


def _thresholds(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(sorted(value))


@attrs.frozen(kw_only=True)
class Goal:
    """A response goal: which event meets it, within how long, on which clock.

    Closing a query without the goal's event also stops its clock, and counts as meeting
    it at closure (a query withdrawn or resolved another way needs no response).

    >>> Goal.response_72h().target
    datetime.timedelta(days=3)
    """

    name: str = attrs.field(validator=_text)
    met_by: EventKind = attrs.field(default=EventKind.RESPONDED, validator=instance_of(EventKind))
    target: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=72), validator=instance_of(dt.timedelta)
    )
    clock: Clock = attrs.field(default=Clock.ELAPSED, validator=instance_of(Clock))
    calendar: WorkingCalendar | None = attrs.field(default=None)
    pauses_stop_clock: bool = attrs.field(default=True, validator=instance_of(bool))
    reopen: ReopenRule = attrs.field(default=ReopenRule.RESTART, validator=instance_of(ReopenRule))
    warnings: tuple[float, ...] = attrs.field(default=(0.5, 0.75), converter=_thresholds)

    @functools.cached_property
    def _warning_times(self) -> tuple[tuple[float, dt.timedelta], ...]:
        return tuple((w, self.target * w) for w in self.warnings)

    @functools.cached_property
    def _elapsed_spec(self) -> _ElapsedSpec:
        """What the elapsed loop of `pact_core.response.status` reads of the goal: its event, pauses, reopening, target and lowest warning time."""
        at_risk = self._warning_times[0][1] if self._warning_times else None
        return (
            self.met_by,
            self.pauses_stop_clock,
            self.reopen is ReopenRule.RESTART,
            self.target,
            at_risk,
        )

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidPolicy] = []
        if self.target <= _ZERO:
            problems.append(InvalidPolicy.must("target", "be positive", self.target))
        if self.met_by not in {EventKind.ACKNOWLEDGED, EventKind.RESPONDED}:
            problems.append(
                InvalidPolicy.must("met_by", "be ACKNOWLEDGED or RESPONDED", self.met_by)
            )
        if self.clock is Clock.WORKING:
            # Imported only for a working-time goal: `import pact_core.response` stays light
            # for the many systems that count elapsed time.
            from pact_core.calendars import WorkingCalendar  # noqa: PLC0415

            if not isinstance(self.calendar, WorkingCalendar):
                problems.append(
                    InvalidPolicy.must(
                        "calendar", "be a WorkingCalendar for a working-time clock", self.calendar
                    )
                )
        if any(not 0 < w < 1 for w in self.warnings):
            problems.append(
                InvalidPolicy.must(
                    "warnings", "be fractions of the goal between 0 and 1", self.warnings
                )
            )
        if problems:
            raise ExceptionGroup(f"goal {self.name!r} has {len(problems)} problem(s)", problems)

    @classmethod
    def response_72h(cls) -> Goal:
        """The Guarantee read literally: a meaningful response within 72 elapsed hours."""
        return cls(name="response")

    def clock_time(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Time on this goal's clock from *start* to *end*."""
        if self.calendar is not None and self.clock is Clock.WORKING:
            return self.calendar.working_time_between(start, end)
        return end - start

    def add_clock_time(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant *duration* of this goal's clock after *start*, in UTC."""
        if self.calendar is not None and self.clock is Clock.WORKING:
            return to_utc(self.calendar.add_working_time(start, duration))
        return start + duration


def _to_goals(value: Iterable[Goal]) -> tuple[Goal, ...]:
    return all_of(value, Goal, "goals")


@attrs.frozen(kw_only=True)
class ResponsePolicy:
    """The goals a force sets for neighbourhood queries.

    By default one goal: a meaningful response within 72 elapsed hours. An
    acknowledgement goal (the 2008 Policing Pledge replied within 24 hours) runs beside
    it and never stops the response clock.

    >>> [goal.name for goal in ResponsePolicy.guarantee(acknowledgement=dt.timedelta(hours=24)).goals]
    ['acknowledgement', 'response']
    """

    goals: tuple[Goal, ...] = attrs.field(
        factory=lambda: (Goal.response_72h(),), converter=_to_goals
    )

    @functools.cached_property
    def _single(self) -> _ElapsedPlan | None:
        """What `pact_core.response.status` reads of the one elapsed goal, when that is the whole policy (the common case), else None."""
        (goal, *others) = self.goals
        if others or goal.clock is not Clock.ELAPSED:
            return None
        return (*goal._elapsed_spec, goal.name, goal._warning_times[::-1])

    def __attrs_post_init__(self) -> None:
        names = [goal.name for goal in self.goals]
        if not names or len(set(names)) != len(names):
            raise InvalidPolicy.must("goals", "be one or more, with distinct names", names)

    @classmethod
    def guarantee(
        cls, *, acknowledgement: dt.timedelta | None = None, calendar: WorkingCalendar | None = None
    ) -> ResponsePolicy:
        """The Guarantee's 72 hours (working hours on *calendar*, if given), with an optional acknowledgement goal."""
        clock = Clock.WORKING if calendar is not None else Clock.ELAPSED
        goals = [Goal(name="response", clock=clock, calendar=calendar)]
        if acknowledgement is not None:
            goals.insert(
                0,
                Goal(
                    name="acknowledgement",
                    met_by=EventKind.ACKNOWLEDGED,
                    target=acknowledgement,
                    clock=clock,
                    calendar=calendar,
                ),
            )
        return cls(goals=goals)

    def goal(self, name: str) -> Goal:
        """The goal called *name*."""
        for goal in self.goals:
            if goal.name == name:
                return goal
        raise InvalidPolicy.must("goal", f"be one of {[g.name for g in self.goals]}", name)
