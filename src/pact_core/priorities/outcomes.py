"""What changed where a PACT made something its priority: police.uk's incidents before and after adoption, against the rest of the force.

Medway asks for "analysis and comparative information to assist in evaluating the impact of
PACTs ... on the incidence of crime and anti-social behaviour ward by ward". A priority's
category is the panel's word ("street drinking"); a `CategoryMap` says which police.uk
categories stand for it. `priority_effect` compares the priority's area in the months
before and after the month it was adopted with the rest of the force in the same months
(`pact_core.crime.before_after`); `priority_areas_effect` compares every area where any
panel made a category its priority with the areas where none did. Each figure is an
association in time, never proof that the priority caused the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of

from pact_core._validation import all_of, require_int
from pact_core.crime import Category, Incidence, Month, RateComparison, before_after
from pact_core.errors import InvalidPolicy, InvalidPriority
from pact_core.priorities.register import Priority

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["CategoryMap", "priority_areas_effect", "priority_effect"]


def _to_links(
    value: Mapping[str, Iterable[Category]],
) -> tuple[tuple[str, frozenset[Category]], ...]:
    given: object = value
    if not isinstance(given, Mapping):
        raise TypeError(
            f"links must be a mapping of priority category to police.uk categories, got {value!r}"
        )
    links = []
    for name, categories in given.items():
        if not isinstance(name, str):
            raise TypeError(f"links must be keyed by category names, got {name!r}")
        found = frozenset(all_of(categories, Category, f"links[{name!r}]"))
        links.append((" ".join(name.split()).lower(), found))
    return tuple(sorted(links))


@attrs.frozen(kw_only=True)
class CategoryMap:
    """Which police.uk categories stand for each priority category; a category with none has no police.uk measure.

    The `default` reads `pact_core.priorities.COMMON_CATEGORIES`: anti-social behaviour,
    noise and street drinking as police.uk's anti-social behaviour; graffiti and criminal
    damage as criminal damage and arson; theft as other theft, theft from the person and
    bicycle theft; violence as violence and sexual offences; burglary, drugs, shoplifting
    and vehicle crime as themselves. Speeding, parking, litter, dog fouling and fly-tipping
    are not in police.uk's street-level data: they map to nothing.

    >>> CategoryMap.default().categories("Street drinking")
    frozenset({<Category.ANTI_SOCIAL_BEHAVIOUR: 'anti-social-behaviour'>})
    >>> CategoryMap.default().categories("speeding")
    frozenset()
    """

    name: str = attrs.field(validator=instance_of(str))
    links: tuple[tuple[str, frozenset[Category]], ...] = attrs.field(converter=_to_links)

    def categories(self, category: str) -> frozenset[Category]:
        """The police.uk categories of a priority category (none for one the map does not hold)."""
        wanted = " ".join(category.split()).lower()
        return next((found for name, found in self.links if name == wanted), frozenset())

    @classmethod
    def default(cls) -> CategoryMap:
        """The map of `pact_core.priorities.COMMON_CATEGORIES` to police.uk's categories."""
        asb = {Category.ANTI_SOCIAL_BEHAVIOUR}
        return cls(
            name="pact_core's default",
            links={
                "anti-social behaviour": asb,
                "noise": asb,
                "street drinking": asb,
                "burglary": {Category.BURGLARY},
                "criminal damage": {Category.CRIMINAL_DAMAGE_ARSON},
                "graffiti": {Category.CRIMINAL_DAMAGE_ARSON},
                "drugs": {Category.DRUGS},
                "shoplifting": {Category.SHOPLIFTING},
                "theft": {
                    Category.OTHER_THEFT,
                    Category.THEFT_FROM_THE_PERSON,
                    Category.BICYCLE_THEFT,
                },
                "vehicle crime": {Category.VEHICLE_CRIME},
                "violence": {Category.VIOLENT_CRIME},
                "speeding": set(),
                "parking": set(),
                "litter": set(),
                "dog fouling": set(),
                "fly-tipping": set(),
            },
        )


def _adoption_month(priority: Priority, tz: dt.tzinfo) -> Month:
    local = priority.issue_date.astimezone(tz)
    return Month(local.year, local.month)


def _categories(mapping: CategoryMap, category: str) -> frozenset[Category]:
    if not isinstance(mapping, CategoryMap):
        raise TypeError(f"mapping must be a CategoryMap, got {mapping!r}")
    found = mapping.categories(category)
    if not found:
        raise InvalidPolicy.must(
            "mapping", f"give police.uk categories for {category!r} ({mapping.name})", category
        )
    return found


def priority_effect(  # noqa: PLR0913 - keyword-only parts of one comparison
    priority: Priority,
    counts: Incidence,
    *,
    areas: Iterable[str],
    tz: dt.tzinfo,
    months: int = 6,
    mapping: CategoryMap | None = None,
    confidence: float = 0.95,
) -> RateComparison:
    """Compare a priority's area before and after the month it was adopted (in *tz*), against the rest of the force.

    The windows are the *months* months before the adoption month and the *months* months
    after it; the adoption month itself is in neither, as it is partly both. *areas* are
    the table's areas the priority covers (its ward or wards, its neighbourhood, or a place).

    >>> import datetime as dt
    >>> from shapely import box
    >>> from pact_core.crime import Crime, CrimeTable, incidence_in_places
    >>> from pact_core.panels import Panel
    >>> from pact_core.priorities import EventKind, Issue, PriorityEvent
    >>> places = {"Chatham centre": box(0.52, 51.37, 0.53, 51.38), "Elsewhere": box(0.4, 51.2, 0.6, 51.36)}
    >>> counts = [((0.525, 51.375), 1, 30), ((0.525, 51.375), 3, 12), ((0.5, 51.3), 1, 300), ((0.5, 51.3), 3, 290)]
    >>> table = CrimeTable.from_crimes([Crime(id=None, month=Month(2022, m), category=Category.ANTI_SOCIAL_BEHAVIOUR,
    ...     point=p, location="On or near High Street") for p, m, n in counts for _ in range(n)], publication=Month(2022, 8))
    >>> adopted = dt.datetime(2022, 2, 10, 19, tzinfo=dt.timezone.utc)
    >>> priority = Priority(id="P1", panel=Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT"),
    ...     issue=Issue(category="street drinking", place="Chatham High Street"), text="Street drinking in the High Street",
    ...     events=[PriorityEvent(kind=EventKind.ADOPTED, at=adopted)])
    >>> effect = priority_effect(priority, incidence_in_places(table, places), areas=["Chatham centre"],
    ...                          tz=dt.timezone.utc, months=1)
    >>> (effect.area_before, effect.area_after, effect.ratio, effect.p_value < 0.05)
    (30, 12, Fraction(12, 29), True)
    """
    if not isinstance(priority, Priority):
        raise TypeError(f"priority must be a Priority, got {priority!r}")
    require_int(months, field="months")
    if months < 1:
        raise InvalidPriority.must("months", "be a positive int", months)
    wanted = _categories(
        CategoryMap.default() if mapping is None else mapping, priority.issue.category
    )
    adopted = _adoption_month(priority, tz)
    return before_after(
        counts,
        areas=areas,
        categories=wanted,
        before=[adopted + k for k in range(-months, 0)],
        after=[adopted + k for k in range(1, months + 1)],
        confidence=confidence,
    )


def priority_areas_effect(  # noqa: PLR0913 - keyword-only parts of one comparison
    priorities: Iterable[Priority],
    counts: Incidence,
    *,
    category: str,
    areas_of: Mapping[str, Iterable[str]],
    before: Iterable[Month],
    after: Iterable[Month],
    mapping: CategoryMap | None = None,
    confidence: float = 0.95,
) -> RateComparison:
    """Compare the areas where a panel made *category* its priority with the areas where none did, over the same months.

    *areas_of* gives each priority's areas by its id; a priority of another category takes
    no part. The comparison is `pact_core.crime.before_after` with every such area as the
    group, so its ratio says how the areas with the priority changed against the rest.

    >>> from pact_core.crime import CrimeTable, incidence_in_places
    >>> empty = incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {})
    >>> priority_areas_effect([], empty, category="speeding", areas_of={}, before=[Month(2022, 1)], after=[Month(2022, 3)])
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPolicy: mapping must give police.uk categories for 'speeding' (pact_core's default), got 'speeding'
    """
    wanted = _categories(CategoryMap.default() if mapping is None else mapping, category)
    chosen: set[str] = set()
    name = " ".join(category.split()).lower()
    for priority in all_of(priorities, Priority, "priorities"):
        if priority.issue.category != name:
            continue
        if priority.id not in areas_of:
            raise InvalidPriority.must(
                "areas_of", "give the areas of every priority of the category", priority.id
            )
        chosen.update(areas_of[priority.id])
    return before_after(
        counts, areas=chosen, categories=wanted, before=before, after=after, confidence=confidence
    )
