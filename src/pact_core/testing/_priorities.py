"""Strategies for concerns, issues, harm assessments, priorities with valid histories, and registers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.priorities import (
    COMMON_CATEGORIES,
    Channel,
    Concern,
    EventKind,
    HarmAssessment,
    Issue,
    Priority,
    PriorityEvent,
    Register,
)
from pact_core.testing._geography import _check_force
from pact_core.testing._panels import panels as _panels
from pact_core.testing._selection import _is_int

if TYPE_CHECKING:
    from pact_core.panels import Panel

__all__ = ["concerns", "harm_assessments", "issues", "priorities", "registers"]

_UTC = dt.timezone.utc
_PLACES = ("Chatham", "Maidstone Road", "Luton Rec", "High Street", "Strood Retail Park")
_START = dt.datetime(2020, 1, 1, tzinfo=_UTC)
_ENDINGS = (
    EventKind.ACHIEVED,
    EventKind.REPLACED,
    EventKind.WITHDRAWN,
    EventKind.PASSED_TO_PARTNER,
)


def _instants() -> st.SearchStrategy[dt.datetime]:
    return st.integers(0, 6 * 365 * 24 * 60).map(lambda m: _START + dt.timedelta(minutes=m))


def issues(
    *,
    categories: st.SearchStrategy[str] | None = None,
    places: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Issue]:
    """Generate issues: a category (the common ones by default) at a place.

    >>> from hypothesis import find
    >>> find(issues(), lambda issue: True)
    Issue(category='anti-social behaviour', place='Chatham')
    """
    if categories is None:
        categories = st.sampled_from(sorted(COMMON_CATEGORIES))
    if places is None:
        places = st.sampled_from(_PLACES)
    for name, value in (("categories", categories), ("places", places)):
        if not isinstance(value, st.SearchStrategy):
            raise InvalidArgument(f"{name} must be a SearchStrategy of str, got {value!r}")
    return st.builds(lambda c, p: Issue(category=c, place=p), categories, places)


def concerns(
    *, force: str = "test", issues: st.SearchStrategy[Issue] | None = None
) -> st.SearchStrategy[Concern]:
    """Generate concerns of one force: any channel, a pseudonymous resident or none, from 2020 to 2025.

    The concern's place and category come from *issues*; its neighbourhood is the place.

    >>> from hypothesis import find
    >>> find(concerns(), lambda c: True).channel
    <Channel.MEETING: 'meeting'>
    """
    _check_force(force)
    if issues is None:
        issues = _any_issues()
    elif not isinstance(issues, st.SearchStrategy):
        raise InvalidArgument(f"issues must be a SearchStrategy of Issue, got {issues!r}")
    return st.builds(
        lambda n, issue, at, channel, resident: Concern(
            id=f"C{n}",
            text=f"{issue.category} at {issue.place}",
            category=issue.category,
            force=force,
            neighbourhood="N1",
            place=issue.place,
            raised=at,
            channel=channel,
            resident=resident,
        ),
        st.integers(0, 10**6),
        issues,
        _instants(),
        st.sampled_from(Channel),
        st.none() | st.integers(1, 50).map(lambda n: f"R-{n}"),
    )


_any_issues = issues


def harm_assessments() -> st.SearchStrategy[HarmAssessment]:
    """Generate harm assessments, each level from 1 to 5.

    >>> from hypothesis import find
    >>> find(harm_assessments(), lambda h: True)
    HarmAssessment(harm=1, likelihood=1, community_concern=1)
    """
    level = st.integers(1, 5)
    return st.builds(HarmAssessment, harm=level, likelihood=level, community_concern=level)


@st.composite
def _history(draw: st.DrawFn) -> list[PriorityEvent]:
    at = draw(_instants())
    events = [PriorityEvent(kind=EventKind.ADOPTED, at=at)]
    for _ in range(draw(st.integers(0, 5))):
        at += dt.timedelta(days=draw(st.integers(0, 120)))
        kind = draw(st.sampled_from((EventKind.ACTION, EventKind.RETAINED)))
        note = "Patrols and a letter drop" if kind is EventKind.ACTION else None
        events.append(PriorityEvent(kind=kind, at=at, note=note))
    if draw(st.booleans()):
        at += dt.timedelta(days=draw(st.integers(0, 120)))
        kind = draw(st.sampled_from(_ENDINGS))
        partner = "council" if kind is EventKind.PASSED_TO_PARTNER else None
        events.append(PriorityEvent(kind=kind, at=at, partner=partner))
    return events


def priorities(*, panels: st.SearchStrategy[Panel] | None = None) -> st.SearchStrategy[Priority]:
    """Generate priorities with valid histories: adopted, then actions and reviews, perhaps an end.

    >>> from hypothesis import find
    >>> [e.kind.value for e in find(priorities(), lambda p: True).events]
    ['adopted']
    """
    if panels is None:
        panels = _panels()
    elif not isinstance(panels, st.SearchStrategy):
        raise InvalidArgument(f"panels must be a SearchStrategy of Panel, got {panels!r}")
    return st.builds(
        lambda n, panel, issue, events: Priority(
            id=f"P{n}",
            panel=panel,
            issue=issue,
            text=f"{issue.category} at {issue.place}",
            events=events,
        ),
        st.integers(0, 999),
        panels,
        issues(),
        _history(),
    )


def registers(
    *, panels: st.SearchStrategy[Panel] | None = None, max_size: int = 6
) -> st.SearchStrategy[Register]:
    """Generate a panel's register: up to *max_size* priorities with unique ids and valid histories.

    >>> from hypothesis import find
    >>> find(registers(), lambda r: True).priorities
    ()
    """
    if panels is None:
        panels = _panels()
    elif not isinstance(panels, st.SearchStrategy):
        raise InvalidArgument(f"panels must be a SearchStrategy of Panel, got {panels!r}")
    if not _is_int(max_size) or max_size < 0:
        raise InvalidArgument(f"max_size must be a non-negative int, got {max_size!r}")

    def build(panel: Panel) -> st.SearchStrategy[Register]:
        one = priorities(panels=st.just(panel))
        return st.lists(one, max_size=max_size, unique_by=lambda p: p.id).map(
            lambda items: Register(panel=panel, priorities=items)
        )

    return panels.flatmap(build)
