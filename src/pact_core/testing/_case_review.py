"""Strategies for ASB Case Review complaints, applications, thresholds, procedures and cases."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.case_review import (
    Application,
    Body,
    Case,
    CaseEvent,
    Complaint,
    Counting,
    Decision,
    Grouping,
    Procedure,
    Stage,
    Threshold,
    ThresholdRule,
    Window,
)
from pact_core.intervals import CalendarUnit
from pact_core.testing._selection import _is_int

__all__ = [
    "applications",
    "cases",
    "complaints",
    "procedures",
    "threshold_rules",
    "thresholds",
    "windows",
]

_UTC = dt.timezone.utc
_START = dt.datetime(2024, 1, 1, tzinfo=_UTC)
_COMPLAINANTS = tuple(f"R-{n}" for n in range(1, 6))
_LOCATIONS = ("Hill Road", "Victoria Park", "Castle Court flats")
_PROBLEMS = ("noise", "drug dealing", "intimidation")


def _complaint(  # noqa: PLR0913, PLR0917 - one argument per drawn part
    reference: int,
    body: Body,
    complainant: str,
    behaviour: int,
    delay: int,
    location: str,
    extras: tuple[str | None, bool, str | None],
) -> Complaint:
    problem, hate, incident = extras
    behaviour_at = _START + dt.timedelta(minutes=behaviour)
    return Complaint(
        reference=f"{body.name[0]}-{reference}",
        body=body,
        complainant=complainant,
        behaviour_at=behaviour_at,
        reported_at=behaviour_at + dt.timedelta(hours=delay),
        location=location,
        problem=problem,
        hate=hate,
        incident=incident,
    )


def complaints(*, max_delay_days: int = 60) -> st.SearchStrategy[Complaint]:
    """Generate complaints: behaviour in 2024-2025, reported 0 to *max_delay_days* days later, by one of a few complainants at a few locations.

    >>> from hypothesis import find
    >>> find(complaints(), lambda c: True).reported_at.isoformat()
    '2024-01-01T00:00:00+00:00'
    """
    if not _is_int(max_delay_days) or max_delay_days < 0:
        raise InvalidArgument(f"max_delay_days must be an int >= 0, got {max_delay_days!r}")
    return st.builds(
        _complaint,
        st.integers(1, 999),
        st.sampled_from(Body),
        st.sampled_from(_COMPLAINANTS),
        st.integers(0, 2 * 365 * 24 * 60),
        st.integers(0, max_delay_days * 24),
        st.sampled_from(_LOCATIONS),
        st.tuples(
            st.none() | st.sampled_from(_PROBLEMS),
            st.booleans(),
            st.none() | st.sampled_from(("X1", "X2", "X3")),
        ),
    )


_any_complaints = complaints


@st.composite
def _applications(
    draw: st.DrawFn, complaint: st.SearchStrategy[Complaint], max_complaints: int
) -> Application:
    found = draw(
        st.lists(complaint, max_size=max_complaints, unique_by=lambda c: (c.body, c.reference))
    )
    latest = max((c.reported_at for c in found), default=_START)
    received = latest + dt.timedelta(
        days=draw(st.integers(-30, 240)), hours=draw(st.integers(0, 23))
    )
    return Application(
        id="ASB-1",
        applicant=draw(st.sampled_from(_COMPLAINANTS)),
        received_at=received,
        complaints=found,
        vulnerable=draw(st.booleans()),
        harm=draw(st.none() | st.just("the victim no longer goes out after dark")),
        response_concerns=draw(st.none() | st.just("reports were logged but never followed up")),
    )


def applications(
    *, complaints: st.SearchStrategy[Complaint] | None = None, max_complaints: int = 8
) -> st.SearchStrategy[Application]:
    """Generate applications resting on up to *max_complaints* complaints, received from 30 days before the last complaint to 240 days after it.

    >>> from hypothesis import find
    >>> find(applications(), lambda a: True).complaints
    ()
    """
    if not _is_int(max_complaints) or max_complaints < 0:
        raise InvalidArgument(f"max_complaints must be an int >= 0, got {max_complaints!r}")
    if complaints is None:
        complaints = _any_complaints()
    elif not isinstance(complaints, st.SearchStrategy):
        raise InvalidArgument(
            f"complaints must be a SearchStrategy of Complaint, got {complaints!r}"
        )
    return _applications(complaints, max_complaints)


_any_applications = applications


def windows() -> st.SearchStrategy[Window]:
    """Generate windows of 1 to 12 days, weeks or months, counted either way.

    >>> from hypothesis import find
    >>> str(find(windows(), lambda w: True))
    '1 day beginning with the day'
    """
    return st.builds(
        lambda unit, amount, counting: Window(amount=amount, unit=unit, counting=counting),
        st.sampled_from((CalendarUnit.DAY, CalendarUnit.WEEK, CalendarUnit.MONTH)),
        st.integers(1, 12),
        st.sampled_from(Counting),
    )


@st.composite
def _rules(draw: st.DrawFn) -> ThresholdRule:
    incidents = draw(st.integers(1, 6))
    return ThresholdRule(
        incidents=incidents,
        complainants=draw(st.integers(1, 3)),
        hate=draw(st.integers(0, min(incidents, 2))),
        per=draw(st.sampled_from(Grouping)),
    )


def threshold_rules() -> st.SearchStrategy[ThresholdRule]:
    """Generate rules: 1 to 6 incidents, 1 to 3 people, up to 2 hate incidents, any grouping.

    >>> from hypothesis import find
    >>> find(threshold_rules(), lambda r: True).description
    '1 qualifying incident'
    """
    return _rules()


_PRESETS = (
    Threshold.statutory(),
    Threshold.with_hate_incident(),
    Threshold.plymouth(),
    Threshold.three_rivers(),
    Threshold.wales(),
    Threshold.cleveland(),
    Threshold.lincolnshire(),
)


def thresholds() -> st.SearchStrategy[Threshold]:
    """Generate thresholds: the presets, or one to three rules with any windows.

    >>> from hypothesis import find
    >>> find(thresholds(), lambda t: True).name
    'statutory'
    """
    built = st.builds(
        Threshold,
        name=st.just("local"),
        rules=st.lists(threshold_rules(), min_size=1, max_size=3),
        report_within=windows(),
        apply_within=windows(),
        vulnerability_override=st.booleans(),
    )
    return st.sampled_from(_PRESETS) | built


def procedures() -> st.SearchStrategy[Procedure]:
    """Generate the preset local procedures.

    >>> from hypothesis import find
    >>> find(procedures(), lambda p: True).name
    'Gosport'
    """
    return st.sampled_from(
        (
            Procedure.gosport(),
            Procedure.east_hertfordshire(),
            Procedure.bedfordshire(),
            Procedure.wales(),
            Procedure.lincolnshire(),
            Procedure.birmingham(),
        )
    )


@st.composite
def _cases(draw: st.DrawFn, application: st.SearchStrategy[Application]) -> Case:
    chosen = draw(application)
    at = chosen.received_at
    events = []

    def step(stage: Stage, **details: object) -> bool:
        nonlocal at
        if not draw(st.booleans()):
            return False
        at += dt.timedelta(days=draw(st.integers(0, 30)), hours=draw(st.integers(0, 23)))
        events.append(CaseEvent(stage=stage, at=at, **details))  # type: ignore[arg-type]
        return True

    step(Stage.ACKNOWLEDGED)
    decision = draw(st.sampled_from(Decision))
    if step(Stage.DECIDED, decision=decision):
        if decision.reviews and step(Stage.MEETING):
            step(Stage.OUTCOME, recommendations=draw(st.booleans()))
        if step(Stage.APPEAL_REQUESTED):
            step(Stage.APPEAL_DECIDED, upheld=draw(st.booleans()))
    return Case(application=chosen, events=events)


def cases(*, applications: st.SearchStrategy[Application] | None = None) -> st.SearchStrategy[Case]:
    """Generate cases: an application and a valid run of the stages after it, stopping anywhere.

    >>> from hypothesis import find
    >>> find(cases(), lambda c: True).events
    ()
    """
    if applications is None:
        applications = _any_applications(max_complaints=4)
    elif not isinstance(applications, st.SearchStrategy):
        raise InvalidArgument(
            f"applications must be a SearchStrategy of Application, got {applications!r}"
        )
    return _cases(applications)
