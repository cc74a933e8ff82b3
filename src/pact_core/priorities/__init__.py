"""Priority selection: from residents' concerns to the PACT panel's top three, reviewed, recorded and noticed when they recur.

Residents raise concerns; concerns about one category at one place are one `Issue`;
the panel's voting members choose among the candidates with a rule of
`pact_core.selection` (after any reserved seats); the `Register` records each priority's
actions and outcomes and answers what is current, overdue for review and recently updated;
`recurrences` notices the issues that keep coming back.

>>> from pact_core.priorities import Issue
>>> Issue(category="Anti-social  behaviour", place="Chatham High Street").category
'anti-social behaviour'
"""

from __future__ import annotations

from pact_core.priorities.choosing import PanelChoice, choose_priorities, default_tie_break
from pact_core.priorities.concerns import (
    COMMON_CATEGORIES,
    Candidate,
    Channel,
    Concern,
    HarmAssessment,
    HarmWeights,
    Issue,
    Routing,
    RoutingPolicy,
    candidates,
)
from pact_core.priorities.outcomes import CategoryMap, priority_areas_effect, priority_effect
from pact_core.priorities.recurrence import (
    Agreement,
    FeedbackResponse,
    Influence,
    Recurrence,
    RecurrenceKind,
    RecurrencePolicy,
    SharedPriority,
    influence,
    recurrences,
    shared_priorities,
)
from pact_core.priorities.register import EventKind, Priority, PriorityEvent, Register, Status

__all__ = [
    "COMMON_CATEGORIES",
    "Agreement",
    "Candidate",
    "CategoryMap",
    "Channel",
    "Concern",
    "EventKind",
    "FeedbackResponse",
    "HarmAssessment",
    "HarmWeights",
    "Influence",
    "Issue",
    "PanelChoice",
    "Priority",
    "PriorityEvent",
    "Recurrence",
    "RecurrenceKind",
    "RecurrencePolicy",
    "Register",
    "Routing",
    "RoutingPolicy",
    "SharedPriority",
    "Status",
    "candidates",
    "choose_priorities",
    "default_tie_break",
    "influence",
    "priority_areas_effect",
    "priority_effect",
    "recurrences",
    "shared_priorities",
]
