"""Strategies for councillors, PACT panels and their meetings."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from pact_core.panels import Councillor, Meeting, MeetingKind, Panel, PanelMember
from pact_core.testing._geography import _IDS, _check_force, ward_codes

__all__ = ["councillors", "meetings", "panels"]

_UTC = dt.timezone.utc
_NAMES = ["A. Resident", "B. Trader", "C. Warden", "D. Landlord", "Cllr E", "F. Teacher"]


def councillors() -> st.SearchStrategy[Councillor]:
    """Generate ward councillors.

    >>> from hypothesis import find
    >>> find(councillors(), lambda c: True).ward
    WardCode('E05000000')
    """
    return st.builds(
        Councillor,
        ward=ward_codes(),
        name=st.sampled_from(["Cllr Ahmed", "Cllr Brown", "Cllr Evans"]),
        contact=st.none() | st.just("cllr@example.gov.uk"),
    )


def panels(*, force: str = "test") -> st.SearchStrategy[Panel]:
    """Generate PACT panels: uniquely named members (some without a vote), a cadence within 1 to 6 months, a notice policy.

    >>> from hypothesis import find
    >>> find(panels(), lambda p: True).min_months
    1
    """
    _check_force(force)
    members = st.lists(
        st.builds(
            PanelMember,
            name=st.sampled_from(_NAMES),
            organisation=st.sampled_from(
                ["Residents' Association", "Chamber of Commerce", "Housing Trust"]
            ),
            voting=st.booleans().map(lambda b: not b),
        ),
        max_size=len(_NAMES),
        unique_by=lambda member: member.name,
    )
    return st.integers(1, 6).flatmap(
        lambda low: st.builds(
            Panel,
            force=st.just(force),
            neighbourhood=_IDS,
            name=st.sampled_from(["Strood PACT", "City Centre PACT"]),
            members=members,
            min_months=st.just(low),
            max_months=st.integers(low, 6),
            notice=st.integers(0, 28).map(lambda days: dt.timedelta(days=days)),
        )
    )


_any_panels = panels


@st.composite
def _meeting(draw: st.DrawFn, panel: Panel) -> Meeting:
    start = draw(
        st.datetimes(
            min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
            max_value=dt.datetime(2099, 12, 31),  # noqa: DTZ001
            timezones=st.just(_UTC),
        )
    )
    names = [member.name for member in panel.members]
    present = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    notice = draw(st.none() | st.integers(0, 60 * 24 * 28).map(lambda m: dt.timedelta(minutes=m)))
    return Meeting(
        panel=panel,
        start=start,
        kind=draw(st.sampled_from(MeetingKind)),
        present=present,
        invited=None if notice is None else start - notice,
    )


def meetings(*, panels: st.SearchStrategy[Panel] | None = None) -> st.SearchStrategy[Meeting]:
    """Generate meetings of a panel: any kind, members present, invitations sent in time or not.

    >>> from hypothesis import find
    >>> find(meetings(), lambda m: True).kind
    <MeetingKind.REGULAR: 'regular'>
    """
    if panels is None:
        panels = _any_panels()
    elif not isinstance(panels, st.SearchStrategy):
        raise InvalidArgument(f"panels must be a SearchStrategy of Panel, got {panels!r}")
    return panels.flatmap(_meeting)
