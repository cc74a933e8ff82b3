"""What changed where a PACT made something its priority: windows around the adoption month, the category map, the comparison of areas."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from shapely import box

from pact_core.crime import (
    ASB,
    Category,
    Crime,
    CrimeTable,
    Incidence,
    Month,
    before_after,
    incidence_in_places,
)
from pact_core.errors import InvalidCrime, InvalidPolicy, InvalidPriority
from pact_core.panels import Panel
from pact_core.priorities import (
    COMMON_CATEGORIES,
    CategoryMap,
    EventKind,
    Issue,
    Priority,
    PriorityEvent,
    priority_areas_effect,
    priority_effect,
)

LONDON = ZoneInfo("Europe/London")
PLACES = {
    "Centre": box(0.52, 51.37, 0.53, 51.38),
    "North": box(0.4, 51.4, 0.6, 51.5),
    "South": box(0.4, 51.2, 0.6, 51.36),
}
SPOTS = {"Centre": (0.525, 51.375), "North": (0.5, 51.45), "South": (0.5, 51.3)}


def counts(
    per_month: dict[str, list[int]], category: Category = Category.ANTI_SOCIAL_BEHAVIOUR
) -> Incidence:
    crimes = [
        Crime(id=None if not category.is_crime else f"{place}-{m}-{n}", month=Month(2022, m + 1), category=category,
              point=SPOTS[place], location="On or near Street")
        for place, months in per_month.items()
        for m, count in enumerate(months)
        for n in range(count)
    ]  # fmt: skip
    return incidence_in_places(CrimeTable.from_crimes(crimes, publication=Month(2022, 12)), PLACES)


def adopted(category: str, at: dt.datetime, pid: str = "P1") -> Priority:
    return Priority(id=pid, panel=Panel(force="kent", neighbourhood="Chatham", name="Chatham PACT"),
                    issue=Issue(category=category, place="High Street"), text=f"{category} in the High Street",
                    events=[PriorityEvent(kind=EventKind.ADOPTED, at=at)])  # fmt: skip


def test_the_windows_leave_out_the_adoption_month_in_local_time() -> None:
    table = counts({"Centre": [10, 10, 10, 10, 5, 5, 5, 5], "North": [50] * 8, "South": [40] * 8})
    # 00:30 on 1 May in London is still 30 April in UTC: the month is the local one.
    effect = priority_effect(adopted("street drinking", dt.datetime(2022, 5, 1, 0, 30, tzinfo=LONDON)), table,
                             areas=["Centre"], tz=LONDON, months=3)  # fmt: skip
    assert [str(m) for m in effect.before] == ["2022-02", "2022-03", "2022-04"]
    assert [str(m) for m in effect.after] == ["2022-06", "2022-07", "2022-08"]
    assert (effect.area_before, effect.area_after, effect.rest_before, effect.rest_after) == (
        30,
        15,
        270,
        270,
    )
    assert effect.categories == (Category.ANTI_SOCIAL_BEHAVIOUR,)
    same = before_after(
        table, areas=["Centre"], categories=ASB, before=effect.before, after=effect.after
    )
    assert same == effect
    in_utc = priority_effect(adopted("street drinking", dt.datetime(2022, 5, 1, 0, 30, tzinfo=LONDON)), table,
                             areas=["Centre"], tz=dt.timezone.utc, months=3)  # fmt: skip
    assert [str(m) for m in in_utc.after] == ["2022-05", "2022-06", "2022-07"]


def test_a_window_the_data_does_not_cover_is_an_error() -> None:
    table = counts({"Centre": [1] * 8, "North": [1] * 8})
    with pytest.raises(InvalidCrime, match="be months the data covers"):
        priority_effect(adopted("anti-social behaviour", dt.datetime(2022, 7, 5, tzinfo=LONDON)), table,
                        areas=["Centre"], tz=LONDON, months=3)  # fmt: skip
    with pytest.raises(InvalidPriority, match="months must be a positive int"):
        priority_effect(adopted("anti-social behaviour", dt.datetime(2022, 4, 5, tzinfo=LONDON)), table,
                        areas=["Centre"], tz=LONDON, months=0)  # fmt: skip


def test_a_category_police_uk_does_not_publish_has_no_comparison() -> None:
    table = counts({"Centre": [1] * 8})
    with pytest.raises(InvalidPolicy, match="give police.uk categories for 'speeding'"):
        priority_effect(
            adopted("Speeding", dt.datetime(2022, 4, 5, tzinfo=LONDON)),
            table,
            areas=["Centre"],
            tz=LONDON,
        )


def test_the_default_map_covers_every_common_category() -> None:
    default = CategoryMap.default()
    assert {name for name, _ in default.links} == set(COMMON_CATEGORIES)
    assert default.categories("Graffiti") == {Category.CRIMINAL_DAMAGE_ARSON}
    assert default.categories("fly-tipping") == frozenset()
    assert default.categories("something else") == frozenset()
    custom = CategoryMap(name="ours", links={"Speeding": {Category.OTHER_CRIME}})
    assert custom.categories("speeding") == {Category.OTHER_CRIME}
    with pytest.raises(TypeError, match=r"links\['x'\] must be Category values"):
        CategoryMap(name="bad", links={"x": {"burglary"}})  # type: ignore[arg-type]


def test_areas_with_a_priority_against_areas_without() -> None:
    table = counts({"Centre": [6, 6, 6, 6, 2, 2, 2, 2], "North": [6, 6, 6, 6, 1, 1, 1, 1], "South": [20] * 8},
                   category=Category.DRUGS)  # fmt: skip
    priorities = [adopted("drugs", dt.datetime(2022, 4, 1, tzinfo=LONDON), "P1"),
                  adopted("drugs", dt.datetime(2022, 4, 1, tzinfo=LONDON), "P2"),
                  adopted("noise", dt.datetime(2022, 4, 1, tzinfo=LONDON), "P3")]  # fmt: skip
    effect = priority_areas_effect(priorities, table, category="Drugs", areas_of={"P1": ["Centre"], "P2": ["North"]},
                                   before=[Month(2022, m) for m in (1, 2, 3, 4)], after=[Month(2022, m) for m in (5, 6, 7, 8)])  # fmt: skip
    assert effect.areas == ("Centre", "North")
    assert (effect.area_before, effect.area_after, effect.rest_before, effect.rest_after) == (
        48,
        12,
        80,
        80,
    )
    assert effect.p_value < 0.001
    with pytest.raises(
        InvalidPriority, match="areas_of must give the areas of every priority of the category"
    ):
        priority_areas_effect(priorities, table, category="drugs", areas_of={"P1": ["Centre"]},
                              before=[Month(2022, 1)], after=[Month(2022, 5)])  # fmt: skip


def test_the_windows_are_six_months_each_by_default() -> None:
    months = [Month(2022, m) for m in range(1, 13)] + [Month(2023, 1)]
    crimes = [
        Crime(id=None, month=month, category=Category.ANTI_SOCIAL_BEHAVIOUR, point=SPOTS[place],
              location="On or near Street")
        for place in ("Centre", "North", "South")
        for month in months
    ]  # fmt: skip
    table = incidence_in_places(CrimeTable.from_crimes(crimes, publication=Month(2023, 1)), PLACES)
    effect = priority_effect(
        adopted("street drinking", dt.datetime(2022, 7, 10, tzinfo=LONDON)),
        table,
        areas=["Centre"],
        tz=LONDON,
    )
    assert effect.before == tuple(months[:6])
    assert effect.after == tuple(months[7:])
