"""Response deadlines and escalation: the 72-hour guarantee, computed from the event log.

The Neighbourhood Policing Guarantee promises a response to neighbourhood queries within
72 hours, "and a clear process for the public to seek recourse if this response time is
not met". Nothing published defines the clock or what a response is, so each is named
policy here, with the literal reading as the default: a meaningful response within 72
**elapsed** hours.

**Theory of operation.**

A query's state is never kept in timers: it is computed from its `EventLog` at an
``as_of`` instant that the caller passes in, so the same log and instant always give the
same answer. For each `Goal` the log is walked once: the clock runs from receipt, stops
while paused (if the goal says pauses stop it), and stops for good at the goal's event
(or at closure). A reopened query starts a new clock, or continues the old one, as the
goal says. Time on the clock is elapsed time, or working time on a `WorkingCalendar`.
"""

from __future__ import annotations

from pact_core.response.compliance import Compliance, compliance
from pact_core.response.escalation import (
    Escalation,
    EscalationLadder,
    EscalationStep,
    escalations_due,
)
from pact_core.response.log import Channel, Event, EventKind, EventLog, Query, Requester
from pact_core.response.policy import Clock, Goal, ReopenRule, ResponsePolicy
from pact_core.response.status import GoalState, GoalStatus, StatusTable, status, status_many

__all__ = [
    "Channel",
    "Clock",
    "Compliance",
    "Escalation",
    "EscalationLadder",
    "EscalationStep",
    "Event",
    "EventKind",
    "EventLog",
    "Goal",
    "GoalState",
    "GoalStatus",
    "Query",
    "ReopenRule",
    "Requester",
    "ResponsePolicy",
    "StatusTable",
    "compliance",
    "escalations_due",
    "status",
    "status_many",
]
