"""Roles, powers and rank titles: what a member of a neighbourhood team is, read from how forces write it."""

from __future__ import annotations

import enum
import re

import attrs

from pact_core.errors import UnknownRankError

__all__ = ["Power", "RankTitle", "Role", "classify_rank", "parse_rank"]


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
