"""Abstraction accounting: how much duty time neighbourhood officers are taken away, and how much they spend in their communities.

Neighbourhood officers must not be routinely abstracted, save in real emergencies, and
teams spend the majority of their time in their communities (Neighbourhood Policing
Guarantee, 2025; Home Office, 2005). No national definition of abstraction is agreed,
so the definition is a policy value: an `AbstractionPolicy` classes every activity.

**Theory of operation.**

`account` checks a set of `DutyRecord`s all at once (an activity the policy does not
class, one officer in two places at once, unless an `Overlaps` rule says whose the
shared time is), cuts every record where a local day, week or
month of the caller's ``tz`` begins, and sums whole microseconds per cell: officer,
team, neighbourhood, period, class and activity. The result, `Accounts`, is a value that
adds: accounting two disjoint sets of records and adding the results equals accounting
their union, so a force's history can be accounted in partitions anywhere.
Rates are ratios of those sums:

* on duty: everything but off duty (leave, sickness, rest days), which stays out of the denominator;
* abstraction rate: (abstracted + exceptional emergency) / on duty;
* rate excluding emergencies: abstracted / (on duty - emergency), so that routine
  abstraction is not hidden behind a major incident, nor a major incident behind it;
* community share: time in the community / on duty.
"""

from __future__ import annotations

from pact_core.abstraction.accounts import (
    Accounts,
    Cell,
    Overlaps,
    Row,
    Summary,
    account,
    account_table,
)
from pact_core.abstraction.policy import AbstractionPolicy, ActivityClass, DutyRecord
from pact_core.abstraction.standards import Shortfall, Standard, check_standards

__all__ = [
    "AbstractionPolicy",
    "Accounts",
    "ActivityClass",
    "Cell",
    "DutyRecord",
    "Overlaps",
    "Row",
    "Shortfall",
    "Standard",
    "Summary",
    "account",
    "account_table",
    "check_standards",
]
