"""Complaints of anti-social behaviour, the incidents they report, and applications for an ASB Case Review.

A `Complaint` is one report to one relevant body. The same incident is often reported to
several bodies (the council and the police, say), and the Act counts it once: `incidents`
gathers the reports of each incident. An `Application` asks for a review on the strength
of a set of complaints.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs.validators import instance_of, optional

from pact_core._validation import all_of, nonblank, pseudonymous
from pact_core.errors import ExceptionGroup, InvalidComplaint
from pact_core.intervals import aware

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Application", "Body", "Complaint", "Incident", "incidents"]

_text = nonblank(InvalidComplaint)


class Body(enum.Enum):
    """The relevant bodies a complaint of anti-social behaviour can be made to (the Act, s.105).

    >>> [body.value for body in Body]
    ['council', 'police', 'integrated care board', 'social landlord']
    """

    COUNCIL = "council"
    POLICE = "police"
    INTEGRATED_CARE_BOARD = "integrated care board"
    SOCIAL_LANDLORD = "social landlord"
    """A provider of social housing co-opted into the local arrangements."""


_pseudonym = pseudonymous(InvalidComplaint)


def _place(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


@attrs.frozen(kw_only=True)
class Complaint:
    """One complaint of anti-social behaviour, made to one relevant body.

    *reference* is the body's own reference. *complainant* is a pseudonymous id, never a
    name. *location* names the place the behaviour happened (an address or a linked
    location such as a block of flats or a park) and *problem*, when given, the problem it
    belongs to. *incident*, when given, is a reference shared by every report of the same
    incident (see `incidents`). *hate* marks a hate incident.

    >>> import datetime as dt
    >>> night = dt.datetime(2025, 1, 31, 23, tzinfo=dt.timezone.utc)
    >>> complaint = Complaint(reference="PC-101", body=Body.POLICE, complainant="R-17", behaviour_at=night,
    ...                       reported_at=night + dt.timedelta(days=2), location="Hill  Road flats")
    >>> complaint.location, complaint.hate
    ('Hill Road flats', False)
    """

    reference: str = attrs.field(validator=_text)
    body: Body = attrs.field(validator=instance_of(Body))
    complainant: str = attrs.field(validator=_pseudonym)
    behaviour_at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    reported_at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    location: str = attrs.field(converter=_place, validator=_text)
    problem: str | None = attrs.field(default=None, converter=_place, validator=optional(_text))
    hate: bool = attrs.field(default=False, validator=instance_of(bool))
    incident: str | None = attrs.field(default=None, validator=optional(_text))

    def __attrs_post_init__(self) -> None:
        if self.reported_at < self.behaviour_at:
            raise InvalidComplaint.must(
                "reported_at",
                f"not come before the behaviour ({self.behaviour_at.isoformat()})",
                self.reported_at,
                shown=self.reported_at.isoformat(),
            )

    @property
    def incident_key(self) -> tuple[str, ...]:
        """What identifies the incident this complaint reports: its *incident* reference, or else who, when and where."""
        if self.incident is not None:
            return ("incident", self.incident)
        return ("report", self.complainant, self.behaviour_at.isoformat(), self.location)

    def _order(self) -> tuple[object, ...]:
        return (
            self.reported_at.timestamp(),
            self.body.value,
            self.reference,
            self.complainant,
            self.behaviour_at.timestamp(),
            self.location,
            self.problem or "",
            self.hate,
            self.incident or "",
        )


class Incident(NamedTuple):
    """One incident of anti-social behaviour and every complaint that reported it, earliest report first.

    >>> import datetime as dt
    >>> at = dt.datetime(2025, 3, 1, 22, tzinfo=dt.timezone.utc)
    >>> reports = [Complaint(reference=ref, body=body, complainant="R-1", behaviour_at=at, reported_at=at, location="Park")
    ...            for ref, body in [("C-9", Body.COUNCIL), ("P-4", Body.POLICE)]]
    >>> [len(incident.complaints) for incident in incidents(reports)]
    [2]
    """

    key: tuple[str, ...]
    complaints: tuple[Complaint, ...]

    @property
    def hate(self) -> bool:
        """Whether any report marks it a hate incident."""
        return any(complaint.hate for complaint in self.complaints)

    @property
    def behaviour_at(self) -> dt.datetime:
        """When the behaviour happened (the earliest time any report gives)."""
        return min(complaint.behaviour_at for complaint in self.complaints)


def incidents(complaints: Iterable[Complaint]) -> tuple[Incident, ...]:
    """Gather complaints into incidents: the same incident reported to several bodies counts once.

    Reports are of the same incident when they share an *incident* reference; reports
    without one are of the same incident when the same complainant reports behaviour at
    the same instant at the same location. Incidents come in the order of their earliest
    report, so the order the complaints are given in never matters.

    >>> import datetime as dt
    >>> at = dt.datetime(2025, 3, 1, 22, tzinfo=dt.timezone.utc)
    >>> council = Complaint(reference="C-9", body=Body.COUNCIL, complainant="R-1", behaviour_at=at,
    ...                     reported_at=at, location="Park", incident="X1")
    >>> police = attrs.evolve(council, reference="P-4", body=Body.POLICE, complainant="R-2")
    >>> len(incidents([council, police]))
    1
    """
    gathered: dict[tuple[str, ...], list[Complaint]] = {}
    for complaint in sorted(all_of(complaints, Complaint, "complaints"), key=Complaint._order):
        gathered.setdefault(complaint.incident_key, []).append(complaint)
    return tuple(Incident(key, tuple(reports)) for key, reports in gathered.items())


def _to_complaints(value: Iterable[Complaint]) -> tuple[Complaint, ...]:
    return tuple(sorted(all_of(value, Complaint, "complaints"), key=Complaint._order))


@attrs.frozen(kw_only=True)
class Application:
    """An application for an ASB Case Review: who asked, when, and the complaints it rests on.

    *applicant* is a pseudonymous id (a victim, or someone acting for one with consent).
    The complaints are kept in the order they were made, so two applications with the
    same complaints are equal whatever order they came in. *vulnerable*, *harm* and
    *response_concerns* are what the applicant says about the victim's vulnerability, the
    harm done and the adequacy of the response so far: the grounds a person weighs when
    the automatic threshold is not met.

    >>> import datetime as dt
    >>> Application(id="ASB-2025-04", applicant="A-7", received_at=dt.datetime(2025, 4, 1, 9, tzinfo=dt.timezone.utc),
    ...             complaints=[], vulnerable=True).vulnerable
    True
    """

    id: str = attrs.field(validator=_text)
    applicant: str = attrs.field(validator=_pseudonym)
    received_at: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    complaints: tuple[Complaint, ...] = attrs.field(converter=_to_complaints)
    vulnerable: bool = attrs.field(default=False, validator=instance_of(bool))
    harm: str | None = attrs.field(default=None, validator=optional(_text))
    response_concerns: str | None = attrs.field(default=None, validator=optional(_text))

    def __attrs_post_init__(self) -> None:
        problems = []
        seen: dict[tuple[Body, str], int] = {}
        for index, complaint in enumerate(self.complaints):
            key = (complaint.body, complaint.reference)
            if key in seen:
                problems.append(
                    InvalidComplaint(
                        f"complaints[{index}] must not repeat the {complaint.body.value}'s reference "
                        f"{complaint.reference!r} of complaints[{seen[key]}]",
                        field="reference",
                        rule="be unique per body",
                        value=complaint.reference,
                        index=index,
                    )
                )
            else:
                seen[key] = index
        if problems:
            raise ExceptionGroup(f"application {self.id!r} is not valid", problems)
