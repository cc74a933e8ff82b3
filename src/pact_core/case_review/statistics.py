"""The figures the Act requires the relevant bodies to publish about ASB Case Reviews.

Schedule 4 of the Act asks each area to publish, for a period: the applications made,
the number of times the threshold was not met, the reviews carried out and the reviews
that led to recommendations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of
from pact_core.case_review.timeline import Case, Decision, Stage
from pact_core.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Statistics", "statistics"]


@attrs.frozen(kw_only=True)
class Statistics:
    """The published figures for one period.

    Each figure counts the event that makes it, by when it happened: applications by
    when they were received, thresholds not met by the decision not to review, reviews
    carried out (and those with recommendations) by when the outcome was sent, so a
    review that straddles two periods counts once, in the period of its outcome.
    *discretionary_reviews* counts decisions to review although the threshold was not met;
    they are among the reviews, not the thresholds not met.

    >>> from pact_core.intervals import Interval
    >>> Statistics(period=Interval.parse("2025-04-01T00:00+01:00/2026-04-01T00:00+01:00"), applications=4,
    ...            thresholds_not_met=1, reviews_carried_out=3, reviews_with_recommendations=2).to_dict()["applications"]
    4
    """

    period: Interval = attrs.field(validator=instance_of(Interval))
    applications: int = attrs.field(validator=instance_of(int))
    thresholds_not_met: int = attrs.field(validator=instance_of(int))
    reviews_carried_out: int = attrs.field(validator=instance_of(int))
    reviews_with_recommendations: int = attrs.field(validator=instance_of(int))
    discretionary_reviews: int = attrs.field(default=0, validator=instance_of(int))

    def to_dict(self) -> dict[str, object]:
        """The figures as plain JSON-ready data, the period as ISO 8601 text."""
        return {
            "period": self.period.to_text(),
            "applications": self.applications,
            "thresholds_not_met": self.thresholds_not_met,
            "reviews_carried_out": self.reviews_carried_out,
            "reviews_with_recommendations": self.reviews_with_recommendations,
            "discretionary_reviews": self.discretionary_reviews,
        }


def statistics(cases: Iterable[Case], period: Interval) -> Statistics:
    """The published figures for *period* from a set of cases.

    >>> import datetime as dt
    >>> from pact_core.case_review import Application, Case, CaseEvent, Decision, Stage
    >>> at = lambda month: dt.datetime(2025, month, 1, tzinfo=dt.timezone.utc)
    >>> declined = Case(application=Application(id="A", applicant="R1", received_at=at(5), complaints=[]),
    ...                 events=[CaseEvent(stage=Stage.DECIDED, at=at(6), decision=Decision.NO_REVIEW)])
    >>> figures = statistics([declined], Interval.parse("2025-04-01T00:00Z/2026-04-01T00:00Z"))
    >>> figures.applications, figures.thresholds_not_met, figures.reviews_carried_out
    (1, 1, 0)
    """
    if not isinstance(period, Interval):
        raise TypeError(f"period must be an Interval, got {period!r}")
    counts = dict.fromkeys(
        ("applications", "not_met", "discretionary", "reviews", "recommended"), 0
    )
    for case in all_of(cases, Case, "cases"):
        if period.contains(case.application.received_at):
            counts["applications"] += 1
        for event in case.events:
            if not period.contains(event.at):
                continue
            if event.stage is Stage.DECIDED:
                counts["not_met"] += event.decision is Decision.NO_REVIEW
                counts["discretionary"] += event.decision is Decision.DISCRETIONARY_REVIEW
            elif event.stage is Stage.OUTCOME:
                counts["reviews"] += 1
                counts["recommended"] += bool(event.recommendations)
    return Statistics(
        period=period,
        applications=counts["applications"],
        thresholds_not_met=counts["not_met"],
        reviews_carried_out=counts["reviews"],
        reviews_with_recommendations=counts["recommended"],
        discretionary_reviews=counts["discretionary"],
    )
