"""Neighbourhood teams in the police.uk ``people`` shape, through the rank reader of `pact_core.teams`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pact_core.errors import ExceptionGroup, UnknownRankError
from pact_core.policeuk._reading import Reader
from pact_core.teams import Member, Role, Team, classify_rank

__all__ = ["members_from_policeuk", "team_to_policeuk"]


_DISPLAY = {
    Role.CONSTABLE: "PC",
    Role.SERGEANT: "Sgt",
    Role.INSPECTOR: "Insp",
    Role.CHIEF_INSPECTOR: "Ch Insp",
    Role.SUPERINTENDENT: "Supt",
    Role.CHIEF_SUPERINTENDENT: "Ch Supt",
    Role.CHIEF_OFFICER: "Chief Officer",
    Role.PCSO: "PCSO",
    Role.SPECIAL_CONSTABLE: "Special Constable",
    Role.POLICE_SUPPORT_VOLUNTEER: "Police Support Volunteer",
    Role.NEIGHBOURHOOD_WARDEN: "Neighbourhood Warden",
    Role.ACCREDITED_PERSON: "Accredited Person",
    Role.POLICE_STAFF: "Police Staff",
}


def _contact(value: object, index: int, problems: list[Exception]) -> dict[str, str] | None:
    """A person's contact details (null and empty ones left out), or None with each bad field a problem."""
    reader = Reader()
    path = f'[{index}]["contact_details"]'
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        reader.fail(path, "be a JSON object or null", value)
    else:
        for key, detail in value.items():
            if detail is not None and not isinstance(detail, str):
                reader.fail(f'{path}["{key}"]', "be a string or null", detail)
    problems.extend(reader.problems)
    if reader.problems or not isinstance(value, Mapping):
        return None
    return {str(k): v for k, v in value.items() if v}


def members_from_policeuk(
    people: Sequence[Mapping[str, Any]], *, unknown_rank: Role | None = None
) -> tuple[Member, ...]:
    """Build members from a police.uk ``people`` list (``[{name, rank, bio, contact_details}]``).

    A rank pact_core cannot understand is an error, reported for every person at once,
    unless *unknown_rank* says which role to give them; so are contact details that are not
    a JSON object of strings (`pact_core.errors.InvalidPoliceData`, with the JSON path).

    >>> from pact_core.teams import Role
    >>> people = [{"name": "Andy Cooper", "rank": "Neighbourhood Sgt", "bio": "<p>...</p>", "contact_details": {"email": "a@example.org"}}]
    >>> members_from_policeuk(people)[0].role
    <Role.SERGEANT: 'sergeant'>
    """
    members = []
    problems: list[Exception] = []
    for index, person in enumerate(people):
        if not isinstance(person, Mapping):
            raise TypeError(f"people[{index}] must be a mapping, got {person!r}")
        title = classify_rank(person.get("rank"))
        if title is None and unknown_rank is None:
            problems.append(
                UnknownRankError.must(
                    f"people[{index}].rank",
                    "be a known police rank or role title",
                    person.get("rank"),
                )
            )
            continue
        role = title.role if title is not None else unknown_rank
        assert role is not None  # noqa: S101 - one of the two branches above gave a role
        contact = _contact(person.get("contact_details"), index, problems)
        if contact is None:
            continue
        members.append(
            Member(
                name=person.get("name"),
                role=role,
                contact=contact,
                acting=title.acting if title is not None else False,
            )
        )
    if problems:
        raise ExceptionGroup(
            f"{len(problems)} problem(s) reading {len(people)} people: ranks pact_core does not know, or contact details that are not text",
            problems,
        )
    return tuple(members)


def team_to_policeuk(team: Team) -> list[dict[str, Any]]:
    """Export a team's filled posts in the police.uk ``people`` shape.

    >>> from pact_core.teams import Member, Role, Team
    >>> team_to_policeuk(Team(name="T", members=[Member(name="Jo", role=Role.PCSO, contact={"phone": "101"})]))
    [{'name': 'Jo', 'rank': 'PCSO', 'bio': None, 'contact_details': {'phone': '101'}}]
    """
    return [
        {
            "name": member.name,
            "rank": ("A/" if member.acting else "") + _DISPLAY[member.role],
            "bio": None,
            "contact_details": dict(member.contact),
        }
        for member in team.members
        if not member.vacant
    ]
