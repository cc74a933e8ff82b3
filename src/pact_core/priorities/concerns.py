"""Residents' concerns, their routing to partners, and the candidates a panel chooses from.

Local people raise issues at meetings, beat surgeries, street briefings, online and in
surveys (Avon and Somerset; Maidstone 2.3; Home Office 2005). A concern names a category
and a place; concerns about the same category and place are one `Issue`, and the
`Candidate` for a meeting gathers them with counts of concerns and of distinct residents.
Categories that a partner owns (litter, dog fouling, parking, ...) are routed to that
partner by a policy value, never dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs
from attrs.validators import instance_of, optional

from pact_core._validation import all_of, nonblank, pseudonymous
from pact_core.errors import InvalidPriority
from pact_core.geography.codes import WardCode
from pact_core.intervals import aware, require_aware

__all__ = [
    "COMMON_CATEGORIES",
    "Candidate",
    "Channel",
    "Concern",
    "HarmAssessment",
    "HarmWeights",
    "Issue",
    "Routing",
    "RoutingPolicy",
    "candidates",
]

_text = nonblank(InvalidPriority)

COMMON_CATEGORIES = frozenset(
    {
        "anti-social behaviour",
        "burglary",
        "criminal damage",
        "dog fouling",
        "drugs",
        "fly-tipping",
        "graffiti",
        "litter",
        "noise",
        "parking",
        "shoplifting",
        "speeding",
        "street drinking",
        "theft",
        "vehicle crime",
        "violence",
    }
)
"""Categories residents raise most often; any other non-blank category is accepted too."""


def _category(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"category must be a str, got {value!r}")
    return " ".join(value.split()).lower()


class Channel(enum.Enum):
    """How a concern reached the neighbourhood team.

    >>> Channel("street briefing")
    <Channel.STREET_BRIEFING: 'street briefing'>
    """

    MEETING = "meeting"
    BEAT_SURGERY = "beat surgery"
    ONLINE = "online"
    STREET_BRIEFING = "street briefing"
    SURVEY = "survey"
    PARTNER_REFERRAL = "partner referral"
    DATA_ANALYSIS = "data analysis"


_resident = pseudonymous(InvalidPriority, optional=True)


def _location(value: object) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        lat, lon = (float(part) for part in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError) as err:
        raise TypeError(f"location must be a (latitude, longitude) pair, got {value!r}") from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidPriority.must(
            "location", "be a latitude within ±90 and a longitude within ±180", (lat, lon)
        )
    return (lat, lon)


@attrs.frozen(kw_only=True, order=True)
class Issue:
    """What a panel can make a priority: a category of problem at a place.

    Its *place* is the concern's named place, or else its neighbourhood (or ward).
    Issues sort by category, then place, so they serve as candidate ids in
    `pact_core.selection`.

    >>> Issue(category="Speeding", place="Maidstone Road")
    Issue(category='speeding', place='Maidstone Road')
    """

    category: str = attrs.field(converter=_category, validator=_text)
    place: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Concern:
    """One concern a resident raised: what, where, how, when and (pseudonymously) by whom.

    It must name a neighbourhood, a ward or both; *place* (a street, a park) and
    *location* (latitude, longitude) are optional. *resident* is a pseudonymous id, never
    a name: an id with spaces is refused. It may be None (an anonymous or data-led concern).

    >>> import datetime as dt
    >>> concern = Concern(id="C1", text="Cars racing on Maidstone Road at night", category="speeding",
    ...                   force="kent", neighbourhood="Chatham", place="Maidstone Road",
    ...                   channel=Channel.BEAT_SURGERY, raised=dt.datetime(2025, 3, 1, 11, tzinfo=dt.timezone.utc),
    ...                   resident="R-1029")
    >>> concern.issue
    Issue(category='speeding', place='Maidstone Road')
    """

    id: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)
    category: str = attrs.field(converter=_category, validator=_text)
    force: str = attrs.field(validator=_text)
    raised: dt.datetime = attrs.field(validator=[instance_of(dt.datetime), aware])
    neighbourhood: str | None = attrs.field(default=None, validator=optional(_text))
    ward: WardCode | None = attrs.field(default=None, validator=optional(instance_of(WardCode)))
    place: str | None = attrs.field(default=None, validator=optional(_text))
    location: tuple[float, float] | None = attrs.field(default=None, converter=_location)
    channel: Channel = attrs.field(default=Channel.MEETING, validator=instance_of(Channel))
    resident: str | None = attrs.field(default=None, validator=_resident)

    def __attrs_post_init__(self) -> None:
        if self.neighbourhood is None and self.ward is None:
            raise InvalidPriority.must("neighbourhood", "be given when ward is not", None)

    @property
    def issue(self) -> Issue:
        """The issue this concern raises: its category at its place, neighbourhood or ward."""
        place = self.place or self.neighbourhood or str(self.ward)
        return Issue(category=self.category, place=place)


def _routes(value: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, Mapping):
        raise TypeError(f"routes must be a mapping of category to partner, got {value!r}")
    routes = []
    given: Iterable[tuple[str, object]] = value.items()
    for category, partner in given:
        if not isinstance(partner, str) or not partner.strip():
            raise InvalidPriority.must("routes", "name a partner for each category", partner)
        routes.append((_category(category), partner))
    return tuple(sorted(routes))


@attrs.frozen
class RoutingPolicy:
    """Which categories belong to which partner rather than to the police.

    `RoutingPolicy.default()` routes the categories councils usually own (litter, dog
    fouling, fly-tipping, graffiti, noise, parking, street lighting, potholes) to
    ``"council"``; local arrangements differ, so it is a value you can replace.

    >>> RoutingPolicy({"litter": "council", "Housing repairs": "housing provider"}).partner_for("housing repairs")
    'housing provider'
    """

    routes: tuple[tuple[str, str], ...] = attrs.field(converter=_routes)

    @classmethod
    def default(cls) -> RoutingPolicy:
        """The usual council categories, routed to ``"council"``."""
        owned = ("dog fouling", "fly-tipping", "graffiti", "litter", "noise", "parking",
                 "potholes", "street lighting")  # fmt: skip
        return cls(dict.fromkeys(owned, "council"))

    def partner_for(self, category: str) -> str | None:
        """The partner that owns *category*, or None if the police do."""
        wanted = _category(category)
        for named, partner in self.routes:
            if named == wanted:
                return partner
        return None

    def route(self, concerns: Iterable[Concern]) -> Routing:
        """Split concerns into the police's and each partner's; every concern lands in exactly one.

        >>> import datetime as dt
        >>> at = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
        >>> litter = Concern(id="C2", text="Litter", category="litter", force="kent", neighbourhood="N", raised=at)
        >>> routed = RoutingPolicy.default().route([litter])
        >>> routed.police, [(partner, [c.id for c in items]) for partner, items in routed.partners]
        ((), [('council', ['C2'])])
        """
        police: list[Concern] = []
        partners: dict[str, list[Concern]] = {}
        for concern in all_of(concerns, Concern, "concerns"):
            partner = self.partner_for(concern.category)
            if partner is None:
                police.append(concern)
            else:
                partners.setdefault(partner, []).append(concern)
        return Routing(
            police=tuple(police),
            partners=tuple((name, tuple(items)) for name, items in sorted(partners.items())),
        )


@attrs.frozen(kw_only=True)
class Routing:
    """Concerns split between the police and the partners that own them (from `RoutingPolicy.route`).

    >>> Routing(police=(), partners=()).police
    ()
    """

    police: tuple[Concern, ...]
    partners: tuple[tuple[str, tuple[Concern, ...]], ...]


def _level(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {value!r}")
    if not 1 <= value <= 5:
        raise InvalidPriority.must(attribute.name, "be from 1 to 5", value)


@attrs.frozen(kw_only=True)
class HarmAssessment:
    """A harm assessment of an issue, MoRiLE-style: harm, likelihood and community concern, each 1 to 5.

    >>> HarmAssessment(harm=4, likelihood=3, community_concern=5).score(HarmWeights(harm=2))
    Fraction(16, 1)
    """

    harm: int = attrs.field(validator=_level)
    likelihood: int = attrs.field(validator=_level)
    community_concern: int = attrs.field(validator=_level)

    def score(self, weights: HarmWeights) -> Fraction:
        """The weighted sum of the three levels."""
        if not isinstance(weights, HarmWeights):
            raise TypeError(f"weights must be HarmWeights, got {weights!r}")
        return (
            weights.harm * self.harm
            + weights.likelihood * self.likelihood
            + weights.community_concern * self.community_concern
        )


def _weight(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"weights must be ints or Fractions, got {value!r}")
    return Fraction(value)


def _non_negative(instance: object, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if value < 0:
        raise InvalidPriority.must(attribute.name, "not be negative", value)


@attrs.frozen(kw_only=True)
class HarmWeights:
    """The weights of a harm assessment: configuration, because MoRiLE's own are not public.

    The default weighs the three equally, a neutral starting point rather than anyone's model.

    >>> HarmWeights().harm
    Fraction(1, 1)
    """

    harm: Fraction = attrs.field(default=Fraction(1), converter=_weight, validator=_non_negative)
    likelihood: Fraction = attrs.field(
        default=Fraction(1), converter=_weight, validator=_non_negative
    )
    community_concern: Fraction = attrs.field(
        default=Fraction(1), converter=_weight, validator=_non_negative
    )


@attrs.frozen(kw_only=True)
class Candidate:
    """An issue a panel may choose: the concerns that raised it, and an optional harm assessment.

    >>> Candidate.__name__
    'Candidate'
    """

    issue: Issue
    concerns: tuple[Concern, ...]
    harm: HarmAssessment | None = None

    @property
    def count(self) -> int:
        """How many concerns raised it."""
        return len(self.concerns)

    @property
    def residents(self) -> int:
        """How many distinct residents raised it (anonymous concerns are not counted)."""
        return len({c.resident for c in self.concerns if c.resident is not None})

    @property
    def first_raised(self) -> dt.datetime:
        """When it was first raised."""
        return min(c.raised for c in self.concerns)


def _concern_order(concern: Concern) -> tuple[Any, ...]:
    """A total order on concerns (raised, then id, then every other field), so grouping is deterministic."""
    return (
        concern.raised,
        concern.id,
        concern.text,
        concern.channel.value,
        concern.resident or "",
        concern.neighbourhood or "",
        str(concern.ward or ""),
        concern.location or (),
        concern.force,
    )


def candidates(
    concerns: Iterable[Concern],
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    harm: Mapping[Issue, HarmAssessment] | None = None,
) -> tuple[Candidate, ...]:
    """Group concerns raised in ``[start, end)`` into one candidate per issue, most raised first.

    Candidates are ordered by concerns, then distinct residents, then issue.
    *harm* attaches an assessment to the issues it names.

    >>> import datetime as dt
    >>> at = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
    >>> raised = [Concern(id=f"C{n}", text="Speeding", category="speeding", force="kent", neighbourhood="Chatham",
    ...                   place="Maidstone Road", raised=at, resident=who) for n, who in enumerate(["R1", "R2", "R1"])]
    >>> [(c.issue.place, c.count, c.residents) for c in candidates(raised)]
    [('Maidstone Road', 3, 2)]
    """
    for bound, name in ((start, "start"), (end, "end")):
        if bound is not None:
            require_aware(bound, field=name)
    assessments: dict[Issue, Any] = dict(harm or {})
    groups: dict[Issue, list[Concern]] = {}
    for concern in all_of(concerns, Concern, "concerns"):
        if (start is None or concern.raised >= start) and (end is None or concern.raised < end):
            groups.setdefault(concern.issue, []).append(concern)
    found = [
        Candidate(
            issue=issue,
            concerns=tuple(sorted(items, key=_concern_order)),
            harm=assessments.get(issue),
        )
        for issue, items in groups.items()
    ]
    found.sort(key=lambda c: (-c.count, -c.residents, c.issue))
    return tuple(found)
