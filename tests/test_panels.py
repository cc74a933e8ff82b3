"""PACT panels: members, cadence, meetings, invitations and the ward-by-ward directory."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

from pact_core.errors import ExceptionGroup, InvalidCode, InvalidDatetime, InvalidPanel
from pact_core.geography import NeighbourhoodMap, WardCode
from pact_core.panels import (
    Councillor,
    Meeting,
    MeetingKind,
    Panel,
    PanelMember,
    directory,
)

UTC = dt.timezone.utc


def test_panel_invitations(medway_map: NeighbourhoodMap) -> None:
    councillors = [
        Councillor(name="Cllr Chatham", ward=WardCode("E05014450"), contact="c@medway.gov.uk"),
        Councillor(name="Cllr Luton", ward=WardCode("E05014459")),
        Councillor(name="Cllr Strood", ward=WardCode("E05014467")),
    ]
    chatham = Panel(
        force="kent",
        neighbourhood="Chatham",
        name="Chatham PACT",
        members=[PanelMember(name="R. Resident", organisation="Luton Residents")],
    )
    gillingham = Panel(force="kent", neighbourhood="Gillingham", name="Gillingham PACT")
    assert [c.name for c in chatham.invitees(medway_map, councillors)] == [
        "Cllr Chatham",
        "Cllr Luton",
    ]
    # the split ward's councillor is invited to both panels that cover part of it
    assert [c.name for c in gillingham.invitees(medway_map, councillors)] == ["Cllr Chatham"]
    assert chatham.members[0].role == "member"


def test_panel_invitation_errors(medway_map: NeighbourhoodMap) -> None:
    essex = Panel(force="essex", neighbourhood="Chatham", name="x")
    with pytest.raises(
        InvalidPanel, match="^neighbourhood_map must be the map of 'essex', got 'kent'$"
    ):
        essex.invitees(medway_map, [])
    panel = Panel(force="kent", neighbourhood="Chatham", name="x")
    with pytest.raises(TypeError, match="^councillors must be Councillor values"):
        panel.invitees(medway_map, ["Cllr"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^neighbourhood_map must be a NeighbourhoodMap"):
        panel.invitees(None, [])  # type: ignore[arg-type]
    with pytest.raises(InvalidCode, match="^neighbourhood must be in the map, got 'Nowhere'$"):
        Panel(force="kent", neighbourhood="Nowhere", name="x").invitees(medway_map, [])


def test_a_monthly_panel_is_due_on_the_day() -> None:
    # Found by the cadences() strategy: min_months == max_months made an empty window.
    monthly = Panel(
        force="kent", neighbourhood="Chatham", name="Chatham PACT", min_months=1, max_months=1
    )
    last = dt.datetime(2025, 1, 31, 19, tzinfo=UTC)
    window = monthly.next_meeting_window(last)
    assert (window.start, window.end) == (
        dt.datetime(2025, 2, 28, 19, tzinfo=UTC),
        dt.datetime(2025, 3, 1, 19, tzinfo=UTC),
    )
    assert not monthly.is_overdue(last, as_of=dt.datetime(2025, 2, 28, 18, 59, tzinfo=UTC))
    assert monthly.is_overdue(last, as_of=dt.datetime(2025, 2, 28, 19, tzinfo=UTC))
    on_time = Meeting(panel=monthly, start=dt.datetime(2025, 2, 28, 19, tzinfo=UTC))
    late = Meeting(panel=monthly, start=dt.datetime(2025, 3, 28, 19, 1, tzinfo=UTC))
    cadence = monthly.cadence(
        [Meeting(panel=monthly, start=last), on_time, late],
        as_of=dt.datetime(2025, 4, 1, tzinfo=UTC),
    )
    assert cadence.late == ((on_time, late),)
    assert cadence.next_due is not None
    assert cadence.next_due.start == dt.datetime(2025, 4, 28, 19, 1, tzinfo=UTC)
    with pytest.raises(InvalidDatetime, match="^last_meeting must be"):
        monthly.is_overdue(dt.datetime(2025, 1, 1), as_of=last)  # noqa: DTZ001 - naive on purpose


def test_panel_cadence_and_notice() -> None:
    panel = Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT")
    last = dt.datetime(2025, 1, 31, 19, tzinfo=UTC)
    window = panel.next_meeting_window(last)
    assert (window.start.date(), window.end.date()) == (dt.date(2025, 3, 31), dt.date(2025, 5, 31))
    assert not panel.is_overdue(last, as_of=dt.datetime(2025, 5, 31, 18, tzinfo=UTC))
    assert panel.is_overdue(last, as_of=dt.datetime(2025, 5, 31, 19, tzinfo=UTC))
    meeting = dt.datetime(2025, 3, 20, 19, tzinfo=UTC)
    assert panel.gives_notice(meeting=meeting, invited=meeting - dt.timedelta(days=7))
    assert not panel.gives_notice(meeting=meeting, invited=meeting - dt.timedelta(days=6, hours=23))
    strict = Panel(
        force="kent",
        neighbourhood="Chatham",
        name="x",
        notice=dt.timedelta(days=14),
        min_months=1,
        max_months=1,
    )
    assert not strict.gives_notice(meeting=meeting, invited=meeting - dt.timedelta(days=7))


def test_panel_errors() -> None:
    with pytest.raises(InvalidPanel, match="^max_months must not be less than min_months, got 2$"):
        Panel(force="kent", neighbourhood="N", name="x", min_months=4, max_months=2)
    with pytest.raises(InvalidPanel, match="^min_months must be at least 1, got 0$"):
        Panel(force="kent", neighbourhood="N", name="x", min_months=0)
    with pytest.raises(TypeError, match="^max_months must be an int"):
        Panel(force="kent", neighbourhood="N", name="x", max_months=2.5)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidPanel, match=r"^notice must not be negative, got datetime.timedelta\(days=-1\)$"
    ):
        Panel(force="kent", neighbourhood="N", name="x", notice=dt.timedelta(days=-1))
    with pytest.raises(TypeError, match="^notice must be a datetime.timedelta"):
        Panel(force="kent", neighbourhood="N", name="x", notice=7)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^members must be PanelMember values"):
        Panel(force="kent", neighbourhood="N", name="x", members=["Bob"])  # type: ignore[list-item]
    with pytest.raises(InvalidPanel, match="^organisation must not be blank"):
        PanelMember(name="Bob", organisation="")
    with pytest.raises(TypeError, match="^name must be a str"):
        Councillor(name=1, ward=WardCode("E05000001"))  # type: ignore[arg-type]
    panel = Panel(force="kent", neighbourhood="N", name="x")
    with pytest.raises(Exception, match="^last_meeting must be timezone-aware"):
        panel.next_meeting_window(dt.datetime(2025, 1, 1))  # noqa: DTZ001
    with pytest.raises(Exception, match="^as_of must be timezone-aware"):
        panel.is_overdue(dt.datetime(2025, 1, 1, tzinfo=UTC), as_of=dt.datetime(2025, 1, 1))  # noqa: DTZ001


def test_directory_ward_by_ward(medway_map: NeighbourhoodMap) -> None:
    panels = [
        Panel(
            force="kent",
            neighbourhood="Chatham",
            name="Chatham PACT",
            contact="chatham.pact@example.org",
        ),
        Panel(force="kent", neighbourhood="Gillingham", name="Gillingham PACT"),
        Panel(force="essex", neighbourhood="Chatham", name="Not ours"),
    ]
    entries = directory(medway_map, panels)
    assert len(entries) == 24
    entry = next(e for e in entries if e.ward.code == WardCode("E05014450"))
    assert [n.id for n in entry.neighbourhoods] == ["Chatham", "Gillingham"]
    assert [p.name for p in entry.panels] == ["Chatham PACT", "Gillingham PACT"]
    assert entry.neighbourhoods[0].contacts == (("email", "chatham@kent.police.uk"),)
    strood = next(e for e in entries if e.ward.name == "Strood West")
    assert strood.panels == ()


def _panel(**changes: Any) -> Panel:
    members = [
        PanelMember(name="A. Resident", organisation="Luton Residents"),
        PanelMember(name="B. Trader", organisation="Chatham Traders"),
        PanelMember(name="Cllr C", organisation="Medway Council", role="councillor", voting=False),
    ]
    panel = Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT", members=members)
    return attrs.evolve(panel, **changes)


def _at(year: int, month: int, day: int, hour: int = 19) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=UTC)


def test_members_have_unique_names_and_are_found_by_name() -> None:
    panel = _panel()
    assert panel.member("Cllr C").voting is False
    assert panel.key == ("kent", "Chatham PACT")
    twice = [PanelMember(name="A", organisation="x"), PanelMember(name="A", organisation="y")]
    with pytest.raises(InvalidPanel, match=r"^members must have unique names, got \['A'\]$"):
        Panel(force="kent", neighbourhood="N", name="x", members=twice)
    with pytest.raises(InvalidPanel, match="^name must be a member of 'Chatham PACT', got 'Z'$"):
        panel.member("Z")
    with pytest.raises(TypeError, match="'voting' must be <class 'bool'>"):
        PanelMember(name="A", organisation="x", voting=1)  # type: ignore[arg-type]


def test_meeting_voters_present_and_notice() -> None:
    panel = _panel()
    start = _at(2025, 3, 20)
    meeting = Meeting(
        panel=panel,
        start=start,
        present=["Cllr C", "A. Resident", "A. Resident"],
        invited=start - dt.timedelta(days=7),
    )
    assert meeting.present == ("A. Resident", "Cllr C")
    assert meeting.voters == ("A. Resident",)
    assert meeting.notice_given
    late = attrs.evolve(meeting, invited=start - dt.timedelta(days=6, hours=23))
    assert not late.notice_given
    assert not attrs.evolve(meeting, invited=None).notice_given
    assert meeting.kind is MeetingKind.REGULAR
    assert pickle.loads(pickle.dumps(meeting))  # noqa: S301 - our own bytes == meeting


def test_meeting_reports_every_problem_at_once() -> None:
    start = _at(2025, 3, 20)
    with pytest.raises(ExceptionGroup) as caught:
        Meeting(
            panel=_panel(),
            start=start,
            present=["Nobody", "A. Resident", "Ghost"],
            invited=start + dt.timedelta(hours=1),
        )
    messages = [str(error) for error in caught.value.exceptions]
    assert messages == [
        "present must name members of 'Chatham PACT', got 'Ghost'",
        "present must name members of 'Chatham PACT', got 'Nobody'",
        "invited must not be after the meeting, got 2025-03-20T20:00:00+00:00",
    ]
    assert all(isinstance(error, InvalidPanel) for error in caught.value.exceptions)
    with pytest.raises(TypeError, match="^present must be str values"):
        Meeting(panel=_panel(), start=start, present=[1])  # type: ignore[list-item]
    with pytest.raises(Exception, match="^start must be timezone-aware"):
        Meeting(panel=_panel(), start=dt.datetime(2025, 1, 1))  # noqa: DTZ001


def test_cadence_counts_panel_meetings_only() -> None:
    panel = _panel()
    meetings = [
        Meeting(panel=panel, start=_at(2025, 1, 15)),
        Meeting(panel=panel, start=_at(2025, 4, 2), kind=MeetingKind.WALKABOUT),
        Meeting(panel=panel, start=_at(2025, 5, 15), kind=MeetingKind.OPEN_MEETING),
        Meeting(panel=panel, start=_at(2025, 9, 20)),
        Meeting(panel=panel, start=_at(2026, 1, 1)),  # after as_of: not yet held
    ]
    cadence = panel.cadence(reversed(meetings), as_of=_at(2025, 10, 1))
    assert cadence.last == meetings[3]
    assert cadence.next_due is not None
    assert (cadence.next_due.start, cadence.next_due.end) == (_at(2025, 11, 20), _at(2026, 1, 20))
    assert not cadence.overdue
    # 15 May to 20 September is more than four months; the walkabout in April does not count
    assert cadence.late == ((meetings[2], meetings[3]),)
    assert panel.cadence(meetings, as_of=_at(2026, 1, 20)).overdue is False
    overdue = panel.cadence(meetings[:4], as_of=_at(2026, 1, 20))
    assert overdue.overdue


def test_cadence_of_a_panel_that_never_met() -> None:
    panel = _panel()
    walk = Meeting(panel=panel, start=_at(2025, 1, 15), kind=MeetingKind.SURGERY)
    cadence = panel.cadence([walk], as_of=_at(2025, 2, 1))
    assert (cadence.last, cadence.next_due, cadence.overdue, cadence.late) == (None, None, True, ())


def test_cadence_errors() -> None:
    panel = _panel()
    other = Meeting(panel=attrs.evolve(panel, name="Other PACT"), start=_at(2025, 1, 1))
    with pytest.raises(InvalidPanel, match="^meetings must be meetings of 'Chatham PACT'"):
        panel.cadence([other], as_of=_at(2025, 2, 1))
    with pytest.raises(TypeError, match="^meetings must be Meeting values"):
        panel.cadence(["x"], as_of=_at(2025, 2, 1))  # type: ignore[list-item]
    with pytest.raises(Exception, match="^as_of must be timezone-aware"):
        panel.cadence([], as_of=dt.datetime(2025, 1, 1))  # noqa: DTZ001


def test_directory_type_errors(medway_map: NeighbourhoodMap) -> None:
    with pytest.raises(TypeError, match="^neighbourhood_map must be a NeighbourhoodMap"):
        directory(None, [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^panels must be Panel values"):
        directory(medway_map, ["Chatham PACT"])  # type: ignore[list-item]
