"""Neighbourhood teams: roles, members, team models, the checks between them, and strength.

Teams are **mixed** and **led by police officers** (Home Office, 2005): constables and
sergeants, PCSOs ("an addition to police officers, not a substitute"), special
constables, police support volunteers, neighbourhood wardens and accredited persons.
"The numbers and staffing mix of teams should be for local forces to determine", so a
`TeamModel` is configuration, with presets from the sources, and `check` reports every
way a team falls short of its model, not just the first.

Counting choices, named: requirements count **FTE** (two half-time constables are one
constable), vacant posts count for nothing, and a member with no listed wards covers
all the team's wards.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeGuard

import attrs
from attrs.validators import instance_of
from dateutil.relativedelta import relativedelta

from pact_core._validation import all_of, nonblank
from pact_core.errors import ExceptionGroup, InvalidTeam, UnknownRankError

__all__ = [
    "GUARANTEE",
    "Finding",
    "GuaranteeTarget",
    "Member",
    "Power",
    "RankTitle",
    "Role",
    "RoleRequirement",
    "Severity",
    "Team",
    "TeamModel",
    "check",
    "classify_rank",
    "parse_rank",
    "strength",
]


# ----------------------------------------------------------------------------- roles


class Role(enum.Enum):
    """What a member of a neighbourhood team is.

    Police officers by rank, then the rest of the mixed team.

    >>> Role.PCSO.is_police_officer, Role.PCSO.warranted, Role.SPECIAL_CONSTABLE.warranted
    (False, False, True)
    >>> Role.SERGEANT.outranks(Role.CONSTABLE)
    True
    """

    CONSTABLE = "constable"
    SERGEANT = "sergeant"
    INSPECTOR = "inspector"
    CHIEF_INSPECTOR = "chief inspector"
    SUPERINTENDENT = "superintendent"
    CHIEF_SUPERINTENDENT = "chief superintendent"
    CHIEF_OFFICER = "chief officer"
    PCSO = "PCSO"
    SPECIAL_CONSTABLE = "special constable"
    POLICE_SUPPORT_VOLUNTEER = "police support volunteer"
    NEIGHBOURHOOD_WARDEN = "neighbourhood warden"
    ACCREDITED_PERSON = "accredited person"
    POLICE_STAFF = "police staff"

    @property
    def rank(self) -> int:
        """The police rank, from 1 (constable) to 7 (chief officer); 0 for everyone else."""
        return _RANKS.get(self, 0)

    @property
    def is_police_officer(self) -> bool:
        """A regular, paid, warranted police officer of some rank."""
        return self.rank > 0

    @property
    def warranted(self) -> bool:
        """Whether the role holds a constable's warrant: regular officers and specials."""
        return self.is_police_officer or self is Role.SPECIAL_CONSTABLE

    @property
    def volunteer(self) -> bool:
        """Whether the role is unpaid: special constables and police support volunteers."""
        return self in {Role.SPECIAL_CONSTABLE, Role.POLICE_SUPPORT_VOLUNTEER}

    @property
    def employer(self) -> str:
        """``"police"`` for force roles; ``"partner"`` for wardens and accredited persons.

        Wardens are employed by councils, housing associations or community groups, and
        accredited persons by the organisations in a Community Safety Accreditation Scheme.
        """
        return (
            "partner" if self in {Role.NEIGHBOURHOOD_WARDEN, Role.ACCREDITED_PERSON} else "police"
        )

    @property
    def counts_for_guarantee(self) -> bool:
        """Whether the Neighbourhood Policing Guarantee counts it: officers, PCSOs and specials."""
        return self.is_police_officer or self in {Role.PCSO, Role.SPECIAL_CONSTABLE}

    def outranks(self, other: Role) -> bool:
        """Whether this police rank is above *other*'s."""
        return self.rank > other.rank


_RANKS = {
    Role.CONSTABLE: 1,
    Role.SERGEANT: 2,
    Role.INSPECTOR: 3,
    Role.CHIEF_INSPECTOR: 4,
    Role.SUPERINTENDENT: 5,
    Role.CHIEF_SUPERINTENDENT: 6,
    Role.CHIEF_OFFICER: 7,
}


class Power(enum.Enum):
    """Powers a chief constable may designate to a PCSO, or a scheme to an accredited person.

    >>> Power.FIXED_PENALTY_NOTICE.value
    'issue fixed penalty notices'
    """

    ARREST = "arrest"
    STOP_AND_SEARCH = "stop and search"
    FIXED_PENALTY_NOTICE = "issue fixed penalty notices"
    CONFISCATE_ALCOHOL = "confiscate alcohol"
    CONFISCATE_TOBACCO = "confiscate tobacco"
    REQUIRE_NAME_AND_ADDRESS = "require name and address"
    DIRECT_TO_LEAVE = "direct people to leave an area"
    DETAIN_PENDING_CONSTABLE = "detain pending a constable"
    SEIZE_VEHICLE = "seize vehicles used antisocially"


# Since 2017 a PCSO may hold any constable power except the excluded ones (Police and
# Crime Act 2017): arrest and stop and search among them. Accreditation is narrower.
_ALLOWED_POWERS = {
    Role.PCSO: frozenset(Power) - {Power.ARREST, Power.STOP_AND_SEARCH},
    Role.ACCREDITED_PERSON: frozenset(
        {
            Power.FIXED_PENALTY_NOTICE,
            Power.CONFISCATE_ALCOHOL,
            Power.CONFISCATE_TOBACCO,
            Power.REQUIRE_NAME_AND_ADDRESS,
        }
    ),
}


# ----------------------------------------------------------------------------- rank titles


@attrs.frozen
class RankTitle:
    """A free-text rank, as police.uk publishes it, understood: its role and qualifiers.

    *student* marks a student or probationer constable (a constable in law, still in training).

    >>> parse_rank("T/Det Sgt")
    RankTitle(role=<Role.SERGEANT: 'sergeant'>, acting=True, detective=True, text='T/Det Sgt', student=False)
    """

    role: Role
    acting: bool
    detective: bool
    text: str
    student: bool = False


_ALIASES: dict[str, Role] = {}
for _role, _names in {
    Role.CONSTABLE: ["pc", "police constable", "constable", "dc", "ward officer", "beat manager", "beat officer", "ward constable", "beat constable"],
    Role.SERGEANT: ["ps", "sgt", "sergeant", "police sergeant", "ds", "sarge", "sgnt", "serg"],
    Role.INSPECTOR: ["insp", "inspector", "police inspector", "di"],
    Role.CHIEF_INSPECTOR: ["ci", "ch insp", "chief inspector", "dci", "chief insp", "c insp", "chinsp"],
    Role.SUPERINTENDENT: ["supt", "superintendent", "ds upt", "dsupt", "superintendant"],
    Role.CHIEF_SUPERINTENDENT: ["ch supt", "chief superintendent", "c supt", "chief supt", "dcs", "chsupt"],
    Role.CHIEF_OFFICER: [
        "acc", "assistant chief constable", "dcc", "deputy chief constable", "cc", "chief constable",
        "chief officer", "commander", "deputy assistant commissioner", "assistant commissioner", "deputy commissioner", "commissioner",
    ],
    Role.PCSO: ["pcso", "police community support officer", "cso", "community support officer", "police community support officers", "community support"],
    Role.SPECIAL_CONSTABLE: [
        "special constable", "sc", "spc", "special", "special sergeant", "special inspector",
        "special chief inspector", "special superintendent", "special chief officer", "specials", "special police constable",
    ],
    Role.POLICE_SUPPORT_VOLUNTEER: ["police support volunteer", "psv", "volunteer", "police volunteer", "citizens in policing volunteer"],
    Role.NEIGHBOURHOOD_WARDEN: ["neighbourhood warden", "warden", "community warden", "street warden"],
    Role.ACCREDITED_PERSON: ["accredited person", "csas", "accredited officer", "community safety accredited person"],
    Role.POLICE_STAFF: ["police staff", "staff", "assistant chief officer", "civilian", "police officer staff", "analyst", "administrator"],
}.items():  # fmt: skip
    for _name in _names:
        _ALIASES[_name] = _role

# Student and probationer constables: constables in law, still in training.
_STUDENTS = frozenset({
    "student officer", "student police officer", "student constable", "student police constable", "student pc",
    "probationer", "probationer constable", "probationary constable", "probationary police constable",
    "probationary pc", "probationer pc", "trainee constable", "trainee police constable", "spo",
})  # fmt: skip

# Words that say which post a rank holds, not which rank: "Neighbourhood Sergeant",
# "Safer Neighbourhoods PCSO", "Dedicated Ward Officer". Longest first.
_POSTS = sorted(
    (
        "safer neighbourhoods", "safer neighbourhood", "neighbourhood policing team", "neighbourhood policing",
        "neighbourhood", "neighbourhoods", "dedicated", "local", "community", "rural", "response", "town centre",
        "city centre", "schools", "school", "youth", "partnership", "problem solving", "npt", "snt", "beat",
        "designated", "lead", "team", "area", "sector", "ward", "police",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_POST = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _POSTS) + r")\s+")
_INITIALS = re.compile(r"\b[a-z](?:\.[a-z])+\.?", re.IGNORECASE)
_ACTING = re.compile(r"^(?:acting|a/|temporary|temp|t/|t)\s*", re.IGNORECASE)
_DETECTIVE = re.compile(r"^(?:detective|det)\s+", re.IGNORECASE)


def _role_of(words: str) -> tuple[Role, bool] | None:
    """The role the words name, and whether a student one, dropping the words of the post in front."""
    while True:
        if words in _STUDENTS:
            return Role.CONSTABLE, True
        if words in _ALIASES:
            return _ALIASES[words], False
        match = _POST.match(words)
        if match is None:
            return None
        words = words[match.end() :]


def classify_rank(text: str | None) -> RankTitle | None:
    """Understand a free-text rank title, or return None when it cannot.

    Common titles and abbreviations are known (``"PC"``, ``"Sgt"``, ``"Insp"``,
    ``"PCSO"``, ``"Special Constable"``, ``"Police Staff"``, ...), with their
    qualifiers: acting or temporary (``"A/Sgt"``, ``"T/Insp"``) and detective
    (``"DC"``, ``"Det Sgt"``). Case, dots (``"P.C."``), words in brackets and a collar
    number do not matter. A rank qualified by its post is read as the rank
    (``"Neighbourhood Sergeant"``, ``"Dedicated Ward Officer"``, ``"Neighbourhood Beat
    Manager"``), and student and probationer constables as constables. A title that names
    no rank (``"Police Officer"``, ``"Neighbourhood Officer"``) stays unknown rather than guessed.

    >>> classify_rank("Sgt").role, classify_rank("Police Community Support Officer").role
    (<Role.SERGEANT: 'sergeant'>, <Role.PCSO: 'PCSO'>)
    >>> classify_rank("Neighbourhood Sergeant").role, classify_rank("Student Officer").student
    (<Role.SERGEANT: 'sergeant'>, True)
    >>> classify_rank("Chief Bottle Washer") is None, classify_rank("Police Officer") is None
    (True, True)
    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"rank must be a str or None, got {text!r}")
    words = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    words = re.sub(r"\([^)]*\)|[0-9]+", " ", words).replace(".", " ").replace("-", " ").lower()
    words = " ".join(words.split())
    acting = False
    while (match := _ACTING.match(words)) and match.end() and words[match.end() :]:
        acting = True
        words = words[match.end() :].strip()
    detective = words in {"dc", "ds", "di", "dci", "dcs", "dsupt"}
    if match := _DETECTIVE.match(words):
        detective = True
        words = words[match.end() :].strip()
    found = _role_of(words)
    if found is None:
        return None
    return RankTitle(found[0], acting, detective, text, student=found[1])


def parse_rank(text: str | None) -> RankTitle:
    """Understand a free-text rank title, or raise `pact_core.errors.UnknownRankError`.

    >>> parse_rank("Chief Bottle Washer")
    Traceback (most recent call last):
    ...
    pact_core.errors.UnknownRankError: rank must be a known police rank or role title, got 'Chief Bottle Washer'
    """
    title = classify_rank(text)
    if title is None:
        raise UnknownRankError.must("rank", "be a known police rank or role title", text)
    return title


# ----------------------------------------------------------------------------- members


_text = nonblank(InvalidTeam)


def _to_pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(kind), str(detail)) for kind, detail in items if detail))


def _to_powers(value: Iterable[Power]) -> frozenset[Power]:
    return frozenset(all_of(value, Power, "powers"))


def _to_areas(value: Iterable[str]) -> frozenset[str]:
    areas = frozenset(value)
    for area in areas:
        if not isinstance(area, str):
            raise TypeError(f"areas must be str (ward codes or neighbourhood ids), got {area!r}")
    return areas


@attrs.frozen(kw_only=True)
class Member:
    """A post in a neighbourhood team, and who holds it.

    A vacant post has ``vacant=True`` and needs no name. *fte* counts part-timers as
    fractions; volunteers give *hours_per_month* instead. *powers* are those designated
    to a PCSO or accredited person. *areas* are the wards or neighbourhoods the member
    covers (none: the whole team's area); a sergeant may lead several.

    >>> import datetime as dt
    >>> Member(name="Andy Cooper", role=Role.SERGEANT, contact={"email": "andy.cooper@example.org"},
    ...        posted=dt.date(2023, 4, 1)).is_contactable
    True
    """

    role: Role = attrs.field(validator=instance_of(Role))
    name: str | None = attrs.field(default=None)
    contact: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_to_pairs)
    posted: dt.date | None = attrs.field(default=None)
    leaving: dt.date | None = attrs.field(default=None)
    fte: float = attrs.field(default=1.0)
    hours_per_month: float | None = attrs.field(default=None)
    powers: frozenset[Power] = attrs.field(default=frozenset(), converter=_to_powers)
    areas: frozenset[str] = attrs.field(default=frozenset(), converter=_to_areas)
    acting: bool = attrs.field(default=False, validator=instance_of(bool))
    vacant: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        problems: list[InvalidTeam] = []
        name: object = self.name
        if name is not None and (not isinstance(name, str) or not name.strip()):
            problems.append(InvalidTeam.must("name", "be a non-blank str or None", name))
        if name is None and not self.vacant:
            problems.append(InvalidTeam.must("name", "be given unless the post is vacant", None))
        fte: object = self.fte
        if not isinstance(fte, int | float) or isinstance(fte, bool) or not 0 < fte <= 1:
            problems.append(InvalidTeam.must("fte", "be more than 0 and at most 1", fte))
        hours: object = self.hours_per_month
        if hours is not None and (
            not isinstance(hours, int | float) or isinstance(hours, bool) or hours < 0
        ):
            problems.append(
                InvalidTeam.must("hours_per_month", "be a number of hours, at least 0", hours)
            )
        for field in ("posted", "leaving"):
            value = getattr(self, field)
            if value is not None and (
                not isinstance(value, dt.date) or isinstance(value, dt.datetime)
            ):
                problems.append(InvalidTeam.must(field, "be a datetime.date or None", value))
        posted, leaving = self.posted, self.leaving
        if _is_date(posted) and _is_date(leaving) and leaving < posted:
            problems.append(InvalidTeam.must("leaving", "not be before posted", leaving))
        if problems:
            raise ExceptionGroup(f"member {self.name!r} has {len(problems)} problem(s)", problems)

    @property
    def is_contactable(self) -> bool:
        """Whether the member is named and has at least one way to be reached."""
        return self.name is not None and not self.vacant and bool(self.contact)

    @property
    def label(self) -> str:
        """How findings name the member."""
        return (
            f"vacant {self.role.value} post" if self.vacant else f"{self.name} ({self.role.value})"
        )


def _is_date(value: object) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _to_members(value: Iterable[Member]) -> tuple[Member, ...]:
    return all_of(value, Member, "members")


@attrs.frozen(kw_only=True)
class Team:
    """A neighbourhood team: its members and the wards (or neighbourhoods) it serves.

    >>> team = Team(name="City Centre", areas={"E05000001"}, members=[
    ...     Member(name="Andy Cooper", role=Role.SERGEANT), Member(name="Jo Bloggs", role=Role.PCSO, fte=0.5)])
    >>> team.fte()[Role.PCSO]
    0.5
    """

    name: str = attrs.field(validator=_text)
    areas: frozenset[str] = attrs.field(default=frozenset(), converter=_to_areas)
    members: tuple[Member, ...] = attrs.field(default=(), converter=_to_members)

    def fte(self) -> dict[Role, float]:
        """FTE by role, vacant posts left out, in `Role` order."""
        totals: dict[Role, float] = {}
        for member in self.members:
            if not member.vacant:
                totals[member.role] = totals.get(member.role, 0.0) + member.fte
        return {role: totals[role] for role in Role if role in totals}

    def guarantee_fte(self) -> float:
        """FTE of police officers, PCSOs and specials: what the Guarantee counts."""
        return sum(fte for role, fte in self.fte().items() if role.counts_for_guarantee)


# ----------------------------------------------------------------------------- models


@attrs.frozen(kw_only=True)
class RoleRequirement:
    """At least *minimum* FTE of *role*, in the team or (with *per_area*) in each of its areas.

    >>> RoleRequirement(role=Role.CONSTABLE, minimum=2, per_area=True).per_area
    True
    """

    role: Role = attrs.field(validator=instance_of(Role))
    minimum: float = attrs.field()
    per_area: bool = attrs.field(default=False, validator=instance_of(bool))
    min_tenure_months: int = attrs.field(default=0)

    @minimum.validator
    def _check_minimum(self, attribute: attrs.Attribute[float], value: object) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise InvalidTeam.must("minimum", "be a number of FTE, at least 0", value)

    @min_tenure_months.validator
    def _check_tenure(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidTeam.must(
                "min_tenure_months", "be a whole number of months, at least 0", value
            )


def _to_requirements(value: Iterable[RoleRequirement]) -> tuple[RoleRequirement, ...]:
    return all_of(value, RoleRequirement, "requirements")


@attrs.frozen(kw_only=True)
class TeamModel:
    """A configurable team model: who must lead it, and the minimum of each role.

    *special_hours_per_month* is the specials' minimum commitment (policy: 16 hours a
    month by default; "at least four hours a week" is about 17.3).

    >>> [(r.role.value, r.minimum) for r in TeamModel.met_ward_2004().requirements]
    [('sergeant', 1), ('constable', 2), ('PCSO', 3)]
    """

    name: str = attrs.field(validator=_text)
    source: str = attrs.field(default="", validator=instance_of(str))
    leader: Role = attrs.field(default=Role.SERGEANT, validator=instance_of(Role))
    requirements: tuple[RoleRequirement, ...] = attrs.field(default=(), converter=_to_requirements)
    special_hours_per_month: float = attrs.field(default=16.0)

    def __attrs_post_init__(self) -> None:
        if not self.leader.is_police_officer:
            raise InvalidTeam.must(
                "leader", "be a police rank: teams are led by police officers", self.leader
            )

    @classmethod
    def met_ward_2004(cls) -> TeamModel:
        """The Met's Safer Neighbourhoods ward team, "1-2-3": 1 sergeant, 2 constables, 3 PCSOs."""
        return cls(
            name="Met Safer Neighbourhoods ward team (1-2-3)",
            source="Home Office 2005; standard across London by 2010",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=2),
                RoleRequirement(role=Role.PCSO, minimum=3),
            ],
        )

    @classmethod
    def met_interim(cls) -> TeamModel:
        """The Met's interim model (about 2006): 1 sergeant, 1 constable, 2 PCSOs."""
        return cls(
            name="Met interim ward team (1-1-2)",
            source="Metropolitan Police, about 2006",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=1),
                RoleRequirement(role=Role.PCSO, minimum=2),
            ],
        )

    @classmethod
    def met_dedicated_ward_officers(cls) -> TeamModel:
        """The Met's dedicated ward officers (2016-17): in each ward at least 2 constables and 1 PCSO; the sergeant may be shared."""
        return cls(
            name="Met dedicated ward officers",
            source="Metropolitan Police, 2016-17",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=2, per_area=True),
                RoleRequirement(role=Role.PCSO, minimum=1, per_area=True),
            ],
        )

    @classmethod
    def merseyside(cls) -> TeamModel:
        """Merseyside's inspector-led team: usually 3 sergeants and 16 constables, with PCSOs, specials and volunteers."""
        return cls(
            name="Merseyside neighbourhood team",
            source="Home Office 2005",
            leader=Role.INSPECTOR,
            requirements=[
                RoleRequirement(role=Role.INSPECTOR, minimum=1),
                RoleRequirement(role=Role.SERGEANT, minimum=3),
                RoleRequirement(role=Role.CONSTABLE, minimum=16),
                RoleRequirement(role=Role.PCSO, minimum=1),
                RoleRequirement(role=Role.SPECIAL_CONSTABLE, minimum=1),
                RoleRequirement(role=Role.POLICE_SUPPORT_VOLUNTEER, minimum=1),
            ],
        )

    @classmethod
    def devon_and_cornwall(cls) -> TeamModel:
        """Devon and Cornwall's sergeant-led team, constables as Neighbourhood Beat Managers on a two-year minimum tenure."""
        return cls(
            name="Devon and Cornwall neighbourhood team",
            source="Home Office 2005",
            leader=Role.SERGEANT,
            requirements=[
                RoleRequirement(role=Role.SERGEANT, minimum=1),
                RoleRequirement(role=Role.CONSTABLE, minimum=1, min_tenure_months=24),
            ],
        )


# ----------------------------------------------------------------------------- checking


class Severity(enum.IntEnum):
    """How much a finding matters: an error breaks the model, a warning needs a look.

    >>> sorted([Severity.INFO, Severity.ERROR])[0].name
    'ERROR'
    """

    ERROR = 0
    WARNING = 1
    INFO = 2


@attrs.frozen(kw_only=True, order=True)
class Finding:
    """One way a team departs from its model: how serious, which rule, and whom it is about.

    >>> Finding(severity=Severity.ERROR, rule="minimum", message="needs 2 constables, has 1", role=Role.CONSTABLE).rule
    'minimum'
    """

    severity: Severity
    rule: str
    message: str
    role: Role | None = attrs.field(default=None, eq=True, order=False)
    member: str | None = None


def check(team: Team, model: TeamModel, *, as_of: dt.date) -> tuple[Finding, ...]:
    """Check *team* against *model* at *as_of*, and return every finding, errors first.

    Rules: led by a police officer of at least the model's rank; minimum FTE of each role
    (per area where the model says so); PCSOs do not stand in for missing constables; at
    least one named, contactable officer; minimum tenure; specials' commitment; powers
    designated only as the role allows; vacant posts and acting ranks.

    >>> import datetime as dt
    >>> team = Team(name="Strood", members=[Member(name="A. Sergeant", role=Role.SERGEANT, contact={"phone": "101"}),
    ...     Member(name="B. Constable", role=Role.CONSTABLE), Member(name="C. PCSO", role=Role.PCSO),
    ...     Member(name="D. PCSO", role=Role.PCSO), Member(name="E. PCSO", role=Role.PCSO), Member(name="F. PCSO", role=Role.PCSO)])
    >>> for finding in check(team, TeamModel.met_ward_2004(), as_of=dt.date(2025, 6, 1)):
    ...     print(finding.severity.name, finding.rule, "|", finding.message)
    ERROR minimum | needs at least 2 FTE of constable, has 1
    ERROR no substitution | PCSOs are an addition to police officers, not a substitute: 1 FTE of PCSO above the model does not make up for 1 FTE of constable missing
    """
    if not isinstance(team, Team):
        raise TypeError(f"team must be a Team, got {team!r}")
    if not isinstance(model, TeamModel):
        raise TypeError(f"model must be a TeamModel, got {model!r}")
    day: object = as_of
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise TypeError(f"as_of must be a datetime.date, got {as_of!r}")
    findings: list[Finding] = []
    present = [m for m in team.members if not m.vacant]
    findings.extend(_leadership(present, model))
    findings.extend(_minimums(team, present, model))
    if not any(
        (m.role.is_police_officer or m.role is Role.PCSO) and m.is_contactable for m in present
    ):
        findings.append(
            Finding(
                severity=Severity.ERROR,
                rule="contactable",
                message="needs at least one named officer with contact details, has none",
            )
        )
    findings.extend(_tenure(present, model, as_of))
    for member in present:
        findings.extend(_member_findings(member, model))
    findings.extend(
        Finding(
            severity=Severity.WARNING,
            rule="vacancy",
            message="post is vacant",
            role=m.role,
            member=m.label,
        )
        for m in team.members
        if m.vacant
    )
    return tuple(sorted(findings, key=lambda f: (f.severity, f.rule, f.member or "", f.message)))


def _leadership(present: Sequence[Member], model: TeamModel) -> list[Finding]:
    leaders = [m for m in present if m.role.rank >= model.leader.rank]
    if not leaders:
        return [
            Finding(
                severity=Severity.ERROR,
                rule="leadership",
                message=f"must be led by a police officer of at least {model.leader.value} rank, has none",
                role=model.leader,
            )
        ]
    if all(m.acting for m in leaders):
        return [
            Finding(
                severity=Severity.WARNING,
                rule="leadership",
                message=f"is led only by acting {model.leader.value}s",
                role=model.leader,
                member=leaders[0].label,
            )
        ]
    return []


def _fte(members: Iterable[Member], role: Role) -> float:
    return round(sum(m.fte for m in members if m.role is role), 6)


def _number(value: float) -> str:
    return f"{value:g}"


def _minimums(team: Team, present: Sequence[Member], model: TeamModel) -> list[Finding]:
    findings = []
    for requirement in model.requirements:
        if requirement.per_area and team.areas:
            for area in sorted(team.areas):
                here = [m for m in present if not m.areas or area in m.areas]
                has = _fte(here, requirement.role)
                if has < requirement.minimum:
                    findings.append(
                        Finding(
                            severity=Severity.ERROR,
                            rule="minimum",
                            message=f"needs at least {_number(requirement.minimum)} FTE of {requirement.role.value} in {area}, has {_number(has)}",
                            role=requirement.role,
                        )
                    )
            continue
        has = _fte(present, requirement.role)
        if has < requirement.minimum:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    rule="minimum",
                    message=f"needs at least {_number(requirement.minimum)} FTE of {requirement.role.value}, has {_number(has)}",
                    role=requirement.role,
                )
            )
    required = {r.role: r.minimum for r in model.requirements if not r.per_area}
    missing = required.get(Role.CONSTABLE, 0) - _fte(present, Role.CONSTABLE)
    surplus = _fte(present, Role.PCSO) - required.get(Role.PCSO, 0)
    if missing > 0 and surplus > 0:
        findings.append(
            Finding(
                severity=Severity.ERROR,
                rule="no substitution",
                message=(
                    "PCSOs are an addition to police officers, not a substitute: "
                    f"{_number(surplus)} FTE of PCSO above the model does not make up for "
                    f"{_number(missing)} FTE of constable missing"
                ),
                role=Role.CONSTABLE,
            )
        )
    return findings


def _tenure(present: Sequence[Member], model: TeamModel, as_of: dt.date) -> list[Finding]:
    findings = []
    for requirement in model.requirements:
        if not requirement.min_tenure_months:
            continue
        for member in (m for m in present if m.role is requirement.role):
            if member.posted is None:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        rule="tenure",
                        message=f"posting date unknown, so the {requirement.min_tenure_months}-month minimum tenure cannot be checked",
                        role=member.role,
                        member=member.label,
                    )
                )
            elif member.leaving is not None and member.leaving < member.posted + relativedelta(
                months=requirement.min_tenure_months
            ):
                served = relativedelta(member.leaving, member.posted)
                findings.append(
                    Finding(
                        severity=Severity.ERROR,
                        rule="tenure",
                        message=(
                            f"leaves after {served.years * 12 + served.months} months, "
                            f"before the {requirement.min_tenure_months}-month minimum tenure"
                        ),
                        role=member.role,
                        member=member.label,
                    )
                )
    del as_of  # tenure is judged on the posting and leaving dates recorded
    return findings


def _member_findings(member: Member, model: TeamModel) -> list[Finding]:
    findings = []
    if member.role is Role.SPECIAL_CONSTABLE:
        if member.hours_per_month is None:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    rule="commitment",
                    message="committed hours unknown",
                    role=member.role,
                    member=member.label,
                )
            )
        elif member.hours_per_month < model.special_hours_per_month:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    rule="commitment",
                    message=(
                        f"commits {_number(member.hours_per_month)} hours a month, "
                        f"below the minimum of {_number(model.special_hours_per_month)}"
                    ),
                    role=member.role,
                    member=member.label,
                )
            )
    if member.powers:
        allowed = _ALLOWED_POWERS.get(member.role, frozenset())
        findings.extend(
            Finding(
                severity=Severity.ERROR,
                rule="powers",
                message=f"a {member.role.value} cannot be designated the power to {power.value}",
                role=member.role,
                member=member.label,
            )
            for power in sorted(member.powers - allowed, key=lambda p: p.value)
        )
    if member.acting:
        findings.append(
            Finding(
                severity=Severity.INFO,
                rule="acting rank",
                message=f"acting {member.role.value}",
                role=member.role,
                member=member.label,
            )
        )
    return findings


def strength(teams: Iterable[Team]) -> dict[Role, float]:
    """FTE by role across many teams: a neighbourhood's, or a whole force's, in `Role` order.

    >>> strength([Team(name="A", members=[Member(name="Jo", role=Role.PCSO)]),
    ...           Team(name="B", members=[Member(name="Sam", role=Role.PCSO, fte=0.5)])])
    {<Role.PCSO: 'PCSO'>: 1.5}
    """
    totals: dict[Role, float] = {}
    for team in teams:
        if not isinstance(team, Team):
            raise TypeError(f"teams must be Team values, got {team!r}")
        for role, fte in team.fte().items():
            totals[role] = totals.get(role, 0.0) + fte
    return {role: totals[role] for role in Role if role in totals}


# ----------------------------------------------------------------------------- the Guarantee


@attrs.frozen(kw_only=True)
class GuaranteeTarget:
    """A baseline and a target of neighbourhood FTE, and progress between them.

    `GUARANTEE` holds the Neighbourhood Policing Guarantee's: 17,175 FTE at 31 March 2025,
    and 13,000 more (30,175) by 31 March 2029.

    >>> GUARANTEE.progress(20_000)
    0.2173076923076923
    """

    baseline: float
    baseline_date: dt.date
    target: float
    target_date: dt.date

    def progress(self, current: float) -> float:
        """The share of the increase achieved: 0 at the baseline, 1 at the target."""
        return (current - self.baseline) / (self.target - self.baseline)

    def expected(self, as_of: dt.date) -> float:
        """The FTE a straight line from baseline to target expects at *as_of*."""
        span = (self.target_date - self.baseline_date).days
        done = min(max((as_of - self.baseline_date).days, 0), span)
        return self.baseline + (self.target - self.baseline) * done / span

    def on_track(self, current: float, *, as_of: dt.date) -> bool:
        """Whether *current* FTE is at or above the straight line at *as_of*.

        >>> import datetime as dt
        >>> GUARANTEE.on_track(20_000, as_of=dt.date(2026, 3, 31))
        False
        """
        return current >= self.expected(as_of)


GUARANTEE = GuaranteeTarget(
    baseline=17_175,
    baseline_date=dt.date(2025, 3, 31),
    target=30_175,
    target_date=dt.date(2029, 3, 31),
)
