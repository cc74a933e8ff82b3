"""The ASB Case Review ("community trigger"): qualifying complaints, local thresholds, the review timeline and its published figures.

The Anti-social Behaviour, Crime and Policing Act 2014 (s.104 and Schedule 4) lets a
victim of persistent anti-social behaviour ask the relevant bodies (the council, the
police, the Integrated Care Board and co-opted social landlords) to review their response.
Each area sets its own threshold and deadlines.

**Theory of operation.**

* `Complaint`: one report to one body; `incidents` gathers the reports of one incident,
  which counts once however many bodies heard of it.
* `Threshold`: when a complaint qualifies (a `Window` to complain after the behaviour
  and one to apply after the complaint, in calendar months or days) and the
  `ThresholdRule` values, any one of which meets it.
* `evaluate`: an `Application` against a threshold, with the reasons for every complaint
  that did not count and, when the threshold is not met, the grounds for discretion.
* `Procedure`: a threshold and its `Deadline` values; `timeline` reads a `Case` against it at
  an ``as_of`` instant; `statistics` gives the figures the Act requires to be published.

>>> from pact_core.case_review import Threshold
>>> [rule.description for rule in Threshold.wales().rules]
['3 qualifying incidents reported by one person', '5 qualifying incidents about one location, reported by at least 2 people', '1 qualifying hate incident']
"""

from __future__ import annotations

from pact_core.case_review.complaints import Application, Body, Complaint, Incident, incidents
from pact_core.case_review.statistics import Statistics, statistics
from pact_core.case_review.thresholds import (
    ComplaintCheck,
    Counting,
    Evaluation,
    Ground,
    GroundKind,
    Grouping,
    Reason,
    RuleResult,
    Threshold,
    ThresholdRule,
    Window,
    evaluate,
)
from pact_core.case_review.timeline import (
    Case,
    CaseEvent,
    DayCount,
    Deadline,
    Decision,
    Procedure,
    Stage,
    StepState,
    StepStatus,
    timeline,
)

__all__ = [
    "Application",
    "Body",
    "Case",
    "CaseEvent",
    "Complaint",
    "ComplaintCheck",
    "Counting",
    "DayCount",
    "Deadline",
    "Decision",
    "Evaluation",
    "Ground",
    "GroundKind",
    "Grouping",
    "Incident",
    "Procedure",
    "Reason",
    "RuleResult",
    "Stage",
    "Statistics",
    "StepState",
    "StepStatus",
    "Threshold",
    "ThresholdRule",
    "Window",
    "evaluate",
    "incidents",
    "statistics",
    "timeline",
]
