from __future__ import annotations

import datetime as dt
import importlib
import json
import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from pact_core.calendars import (
    Holiday,
    HolidayCalendar,
    HolidayRules,
    WorkingCalendar,
    england_and_wales_holidays,
)
from pact_core.errors import (
    ExceptionGroup,
    InvalidCalendar,
    InvalidDatetime,
    InvalidDuration,
    UnsupportedYearError,
)
from pact_core.intervals import Interval

DATA = Path(__file__).parent / "data" / "bankholidays"
LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
OFFICE = WorkingCalendar(tz=LONDON)

# GOV.UK's i18n title keys (alphagov/frontend config/locales/en.yml) and our names.
GOVUK_NAMES = {
    "bank_holidays.new_year": "New Year's Day",
    "bank_holidays.good_friday": "Good Friday",
    "bank_holidays.easter_monday": "Easter Monday",
    "bank_holidays.early_may": "Early May bank holiday",
    "bank_holidays.early_may_ve": "Early May bank holiday (VE day)",
    "bank_holidays.spring": "Spring bank holiday",
    "bank_holidays.late_august": "Summer bank holiday",
    "bank_holidays.summer": "Summer bank holiday",
    "bank_holidays.christmas": "Christmas Day",
    "bank_holidays.boxing_day": "Boxing Day",
    "bank_holidays.queen_diamond": "Queen's Diamond Jubilee",
    "bank_holidays.queen_platinum": "Platinum Jubilee bank holiday",
    "bank_holidays.queens_bank_holiday": "Bank Holiday for the State Funeral of Queen Elizabeth II",
    "bank_holidays.kings_coronation": "Bank holiday for the coronation of King Charles III",
}


def london(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON, fold=fold)


def official_england_and_wales() -> dict[int, list[tuple[dt.date, str, str]]]:
    """Both GOV.UK files, by year: (date, title key, notes key)."""
    years: dict[int, list[tuple[dt.date, str, str]]] = {}
    for name in (
        "alphagov-calendars_bank-holidays_2012-2021.json",
        "alphagov-frontend_bank-holidays.json",
    ):
        divisions = json.loads((DATA / name).read_text(encoding="utf-8"))["divisions"]
        division = (
            divisions.get("england-and-wales") or divisions["common.nations.england-and-wales_slug"]
        )
        for year, events in division.items():
            if year.isdigit():
                rows = [
                    (dt.datetime.strptime(e["date"], "%d/%m/%Y").date(), e["title"], e["notes"])  # noqa: DTZ007 - a date
                    for e in events
                ]
                if int(year) in years:
                    assert sorted(years[int(year)]) == sorted(rows), (
                        f"the two files disagree on {year}"
                    )
                years[int(year)] = sorted(rows)
    return years


OFFICIAL = official_england_and_wales()


def test_the_official_lists_cover_2012_to_2028() -> None:
    assert sorted(OFFICIAL) == list(range(2012, 2029))


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_england_and_wales_equals_govuk(year: int) -> None:
    ours = england_and_wales_holidays(year)
    official = OFFICIAL[year]
    assert [h.date for h in ours] == [date for date, _, _ in official]
    assert [h.name for h in ours] == [GOVUK_NAMES[title] for _, title, _ in official]
    for holiday, (_, _, notes) in zip(ours, official, strict=True):
        if (year, holiday.name) == (2012, "Spring bank holiday"):
            # GOV.UK notes the jubilee-moved spring holiday of 2012 as a "substitute day", but
            # not those moved in 2002 or 2022: pact_core keeps "substitute" for weekend substitutes.
            assert notes == "common.substitute_day"
            assert not holiday.substitute
            continue
        assert holiday.substitute == (notes == "common.substitute_day"), holiday


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(1973, 11, 14), "Wedding of Princess Anne"),
        (dt.date(1977, 6, 7), "Queen's Silver Jubilee"),
        (dt.date(1981, 7, 29), "Wedding of the Prince of Wales"),
        (dt.date(1995, 5, 8), "Early May bank holiday (VE day)"),
        (dt.date(1999, 12, 31), "Millennium celebrations"),
        (dt.date(2002, 6, 3), "Queen's Golden Jubilee"),
        (dt.date(2002, 6, 4), "Spring bank holiday"),
        (dt.date(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),
        (dt.date(2012, 6, 4), "Spring bank holiday"),
        (dt.date(2012, 6, 5), "Queen's Diamond Jubilee"),
        (dt.date(2020, 5, 8), "Early May bank holiday (VE day)"),
        (dt.date(2022, 6, 2), "Spring bank holiday"),
        (dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        (dt.date(1977, 6, 6), "Spring bank holiday"),
    ],
)
def test_one_off_and_moved_days(day: dt.date, name: str) -> None:
    assert Holiday(day, name) in england_and_wales_holidays(day.year)


@pytest.mark.parametrize(
    ("usual", "year"),
    [
        (dt.date(1995, 5, 1), 1995),  # May Day moved to VE Day
        (dt.date(2020, 5, 4), 2020),
        (dt.date(1977, 5, 30), 1977),  # spring holiday moved for the jubilees
        (dt.date(2002, 5, 27), 2002),
        (dt.date(2012, 5, 28), 2012),
        (dt.date(2022, 5, 30), 2022),
    ],
)
def test_moved_days_are_not_kept_on_their_usual_date(usual: dt.date, year: int) -> None:
    assert usual not in {h.date for h in england_and_wales_holidays(year)}


def test_new_years_day_from_1974_and_early_may_from_1978() -> None:
    assert dt.date(1973, 1, 1) not in {h.date for h in england_and_wales_holidays(1973)}
    assert dt.date(1974, 1, 1) in {h.date for h in england_and_wales_holidays(1974)}
    assert len(england_and_wales_holidays(1977)) == 8  # 7 + the jubilee: no early May yet
    assert Holiday(dt.date(1978, 5, 1), "Early May bank holiday") in england_and_wales_holidays(
        1978
    )


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, [("2021-12-27", "Christmas Day"), ("2021-12-28", "Boxing Day")]),  # Sat, Sun
        (2022, [("2022-12-26", "Boxing Day"), ("2022-12-27", "Christmas Day")]),  # Sun, Mon
        (2026, [("2026-12-25", "Christmas Day"), ("2026-12-28", "Boxing Day")]),  # Fri, Sat
    ],
)
def test_christmas_substitutes(year: int, expected: list[tuple[str, str]]) -> None:
    kept = [
        (h.date.isoformat(), h.name) for h in england_and_wales_holidays(year) if h.date.month == 12
    ]
    assert kept == expected


def test_new_year_substitute() -> None:
    assert england_and_wales_holidays(2022)[0] == Holiday(
        dt.date(2022, 1, 3), "New Year's Day", substitute=True
    )


def test_year_range() -> None:
    assert england_and_wales_holidays(4099)
    with pytest.raises(UnsupportedYearError) as info:
        england_and_wales_holidays(1970)
    assert (
        str(info.value)
        == "year must be from 1971 to 4099 for the England and Wales rules, got 1970"
    )
    with pytest.raises(UnsupportedYearError, match="got 4100$"):
        england_and_wales_holidays(4100)
    with pytest.raises(TypeError, match="^year must be an int, got '2025'$"):
        england_and_wales_holidays("2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^year must be an int, got True$"):
        england_and_wales_holidays(True)  # noqa: FBT003


def test_rules_describe_themselves() -> None:
    assert HolidayRules.ENGLAND_AND_WALES.title == "England and Wales"
    assert 1971 in HolidayRules.ENGLAND_AND_WALES.years


# ----------------------------------------------------------------------------- Holiday


def test_holiday_validation() -> None:
    with pytest.raises(
        TypeError,
        match=r"^date must be a datetime.date, got datetime.datetime\(2025, 1, 1, 0, 0\)$",
    ):
        Holiday(dt.datetime(2025, 1, 1), "x")  # noqa: DTZ001
    with pytest.raises(InvalidCalendar, match="^name must not be blank, got ' '$"):
        Holiday(dt.date(2025, 1, 1), " ")
    with pytest.raises(TypeError):
        Holiday(dt.date(2025, 1, 1), "x", substitute=1)  # type: ignore[arg-type]


def test_holidays_order_by_date() -> None:
    assert Holiday(dt.date(2025, 1, 1), "b") < Holiday(dt.date(2025, 1, 2), "a")


# ----------------------------------------------------------------------------- HolidayCalendar


def test_additions_and_removals() -> None:
    calendar = HolidayCalendar.england_and_wales(
        additions={dt.date(2026, 7, 20): "Victory parade"}, removals=[dt.date(2026, 8, 31)]
    )
    days = [h.date for h in calendar.holidays(2026)]
    assert dt.date(2026, 7, 20) in days
    assert dt.date(2026, 8, 31) not in days
    assert calendar.is_holiday(dt.date(2026, 7, 20))
    assert not calendar.is_holiday(dt.date(2026, 8, 31))
    assert days == sorted(days)


def test_additions_as_holiday_values() -> None:
    day = Holiday(dt.date(2030, 1, 2), "Snow day")
    assert day in HolidayCalendar.england_and_wales(additions=[day]).holidays(2030)


def test_calendar_without_rules() -> None:
    calendar = HolidayCalendar(rules=None, additions={dt.date(1900, 1, 1): "Founders' day"})
    assert calendar.holidays(1900) == (Holiday(dt.date(1900, 1, 1), "Founders' day"),)
    assert calendar.holidays(2025) == ()
    assert not calendar.is_holiday(dt.date(2025, 12, 25))
    with pytest.raises(TypeError, match="^year must be an int"):
        calendar.holidays(2025.0)  # type: ignore[arg-type]


def test_calendar_reports_every_problem_at_once() -> None:
    with pytest.raises(ExceptionGroup) as info:
        HolidayCalendar.england_and_wales(
            additions=[
                Holiday(dt.date(2025, 12, 25), "Christmas again"),
                Holiday(dt.date(2025, 7, 1), "A"),
                Holiday(dt.date(2025, 7, 1), "B"),
            ],
            removals=[dt.date(2025, 7, 1), dt.date(2025, 7, 2)],
        )
    messages = [str(e) for e in info.value.exceptions]
    assert all(isinstance(e, InvalidCalendar) for e in info.value.exceptions)
    assert messages == [
        "additions must have one holiday a day, got datetime.date(2025, 7, 1)",
        "additions must not also be removed, got datetime.date(2025, 7, 1)",
        "additions must not also be removed, got datetime.date(2025, 7, 1)",
        "additions must not already be holidays, got datetime.date(2025, 12, 25)",
        "removals must be holidays under the rules, got datetime.date(2025, 7, 2)",
    ]
    assert str(info.value).startswith("holiday calendar has 5 problem(s)")


def test_calendar_type_errors() -> None:
    with pytest.raises(TypeError, match="^additions must be Holiday values"):
        HolidayCalendar.england_and_wales(additions=[dt.date(2025, 1, 2)])  # type: ignore[list-item]
    with pytest.raises(
        TypeError, match="^additions key must be a datetime.date, got '2025-01-02'$"
    ):
        HolidayCalendar.england_and_wales(additions={"2025-01-02": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^removals must be a datetime.date"):
        HolidayCalendar.england_and_wales(removals=["2025-12-25"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^day must be a datetime.date"):
        HolidayCalendar.england_and_wales().is_holiday("2025-12-25")  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match="^rules must be a HolidayRules or None, got 'england-and-wales'$"
    ):
        HolidayCalendar(rules="england-and-wales")  # type: ignore[arg-type]


def test_calendar_is_a_value() -> None:
    a = HolidayCalendar.england_and_wales(additions={dt.date(2026, 7, 20): "x"})
    b = HolidayCalendar.england_and_wales(additions=[Holiday(dt.date(2026, 7, 20), "x")])
    assert a == b
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a  # noqa: S301 - our own data
    with pytest.raises(ExceptionGroup):
        attrs.evolve(a, removals=[dt.date(2026, 7, 21)])


# ----------------------------------------------------------------------------- WorkingCalendar


def test_working_calendar_defaults() -> None:
    assert OFFICE.weekdays == frozenset(range(5))
    assert OFFICE.hours == ((dt.time(9), dt.time(17)),)
    assert OFFICE.holidays == HolidayCalendar.england_and_wales()


def test_is_working_time() -> None:
    assert OFFICE.is_working_time(london(2025, 6, 2, 9))
    assert OFFICE.is_working_time(london(2025, 6, 2, 16, 59))
    assert not OFFICE.is_working_time(london(2025, 6, 2, 17))
    assert not OFFICE.is_working_time(london(2025, 6, 2, 8, 59))
    assert not OFFICE.is_working_time(london(2025, 6, 1, 12))  # Sunday
    assert not OFFICE.is_working_time(london(2025, 5, 26, 12))  # spring bank holiday


def test_holidays_are_tested_on_the_local_date() -> None:
    """23:30 UTC on 24 Aug 2025 is 00:30 on the summer bank holiday in London."""
    night = dt.datetime(2025, 8, 24, 23, 30, tzinfo=UTC)
    always = WorkingCalendar(tz=LONDON, weekdays=range(7), hours=[(dt.time(0), dt.time(0))])
    assert not always.is_working_time(night)
    assert always.is_working_time(night - dt.timedelta(hours=1))


def test_a_query_the_night_before_the_august_bank_holiday() -> None:
    received = dt.datetime(2025, 8, 24, 23, 30, tzinfo=UTC)  # 00:30 BST on Monday 25 August
    assert OFFICE.next_working_instant(received) == london(2025, 8, 26, 9)
    assert OFFICE.add_working_time(received, dt.timedelta(hours=8)) == london(2025, 8, 26, 17)
    assert OFFICE.add_working_time(received, dt.timedelta(hours=9)) == london(2025, 8, 27, 10)
    assert OFFICE.add_working_days(received, 1) == london(2025, 8, 27, 17)


def test_72_working_hours_across_the_march_change() -> None:
    received = london(2025, 3, 28, 12)  # Friday, GMT
    due = OFFICE.add_working_time(received, dt.timedelta(hours=72))
    assert due == london(2025, 4, 10, 12)
    assert due.utcoffset() == dt.timedelta(hours=1)
    assert OFFICE.working_time_between(received, due) == dt.timedelta(hours=72)


def test_72_working_hours_across_easter() -> None:
    received = london(2025, 4, 16, 12)  # Wednesday before Good Friday
    # Wed 5 h, Thu 8, (Good Friday, Easter Monday), then 8 a day: 69 h by Wed 30 April
    assert OFFICE.add_working_time(received, dt.timedelta(hours=72)) == london(2025, 5, 1, 12)


def test_a_deadline_at_close_of_business_stays_there() -> None:
    assert OFFICE.add_working_time(london(2025, 6, 2, 9), dt.timedelta(hours=8)) == london(
        2025, 6, 2, 17
    )


def test_zero_working_time_is_the_instant() -> None:
    sunday = dt.datetime(2025, 6, 1, 11, tzinfo=UTC)
    assert OFFICE.add_working_time(sunday, dt.timedelta(0)) == sunday
    assert OFFICE.add_working_time(sunday, dt.timedelta(0)).tzinfo is LONDON


def test_result_is_in_the_calendars_zone() -> None:
    result = OFFICE.add_working_time(dt.datetime(2025, 6, 2, 8, tzinfo=UTC), dt.timedelta(hours=1))
    assert result.tzinfo is LONDON
    assert result == london(2025, 6, 2, 10)


def test_split_hours() -> None:
    lunch = WorkingCalendar(
        tz=LONDON, hours=[(dt.time(8), dt.time(12)), (dt.time(13), dt.time(17))]
    )
    assert lunch.add_working_time(london(2025, 6, 2, 11), dt.timedelta(hours=2)) == london(
        2025, 6, 2, 14
    )
    assert not lunch.is_working_time(london(2025, 6, 2, 12, 30))
    assert lunch.next_working_instant(london(2025, 6, 2, 12, 30)) == london(2025, 6, 2, 13)
    assert lunch.working_time_between(london(2025, 6, 2), london(2025, 6, 3)) == dt.timedelta(
        hours=8
    )


def test_working_time_between() -> None:
    start, end = london(2025, 12, 24, 16), london(2025, 12, 29, 10)
    assert OFFICE.working_time_between(start, end) == dt.timedelta(hours=2)
    assert OFFICE.working_time_between(end, start) == -dt.timedelta(hours=2)
    assert OFFICE.working_time_between(start, start) == dt.timedelta(0)


def working_days_in(year: int) -> int:
    """Weekdays less holidays on weekdays, counted the slow way."""
    weekdays = sum(
        1
        for n in range(365 + (year % 4 == 0))
        if (dt.date(year, 1, 1) + dt.timedelta(n)).weekday() < 5
    )
    return weekdays - sum(1 for h in england_and_wales_holidays(year) if h.date.weekday() < 5)


def test_working_time_across_years() -> None:
    assert working_days_in(2025) == 253
    start, end = london(2024, 12, 31, 12), london(2026, 1, 2, 10)
    expected = dt.timedelta(hours=5 + working_days_in(2025) * 8 + 1)
    assert OFFICE.working_time_between(start, end) == expected
    assert OFFICE.add_working_time(start, expected) == end


def test_next_working_instant() -> None:
    inside = london(2025, 6, 2, 10)
    assert OFFICE.next_working_instant(inside) == inside
    assert OFFICE.next_working_instant(london(2025, 12, 31, 18)) == london(2026, 1, 2, 9)


def test_add_working_days() -> None:
    tuesday = london(2025, 12, 23, 10)
    assert OFFICE.add_working_days(tuesday, 0) == london(2025, 12, 23, 17)
    assert OFFICE.add_working_days(tuesday, 1) == london(2025, 12, 24, 17)
    assert OFFICE.add_working_days(tuesday, 2) == london(2025, 12, 29, 17)
    assert OFFICE.add_working_days(london(2025, 12, 23, 7), 1) == london(
        2025, 12, 24, 17
    )  # before opening
    assert OFFICE.add_working_days(london(2025, 12, 23, 17), 1) == london(
        2025, 12, 29, 17
    )  # at close
    assert OFFICE.add_working_days(london(2025, 12, 27, 12), 1) == london(
        2025, 12, 30, 17
    )  # Saturday
    assert OFFICE.add_working_days(tuesday, 10) == london(2026, 1, 9, 17)  # across the year
    # 2025 has 4 working days left after 23 December, 2026 has 253: day 300 is the 43rd of 2027
    assert working_days_in(2026) == 253
    assert OFFICE.add_working_days(tuesday, 300) == london(2027, 3, 3, 17)
    # The year's last working day, counted to its end exactly: on to the next year's first.
    assert OFFICE.add_working_days(london(2025, 12, 31, 10), 1) == london(2026, 1, 2, 17)
    assert OFFICE.add_working_days(london(2025, 12, 31, 18), 0) == london(2026, 1, 2, 17)


def test_the_year_cache_is_no_argument() -> None:
    # A calendar is its zone, days, hours and holidays: the years it has worked out are its own.
    with pytest.raises(TypeError):
        WorkingCalendar(tz=UTC, years={})  # type: ignore[call-arg]


def test_gosport_case_review_deadlines() -> None:
    """Acknowledge within 10 working days; decide within 15 working days of acknowledgement."""
    application = london(2025, 12, 19, 15)  # Friday
    # Mon 22, Tue 23, Wed 24, (Christmas, Boxing Day, weekend) Mon 29, Tue 30, Wed 31,
    # (New Year's Day) Fri 2, Mon 5, Tue 6, Wed 7 January
    assert OFFICE.add_working_days(application, 10) == london(2026, 1, 7, 17)
    acknowledged = london(2026, 1, 7, 11)
    assert OFFICE.add_working_days(acknowledged, 15) == london(2026, 1, 28, 17)
    # a deadline reached at close of business is after hours: the count starts the next day
    assert OFFICE.add_working_days(london(2026, 1, 7, 17), 15) == london(2026, 1, 29, 17)


def test_working_periods() -> None:
    interval = Interval(london(2025, 8, 22, 12), london(2025, 8, 27))
    assert OFFICE.working_periods(interval) == (
        Interval(london(2025, 8, 22, 12), london(2025, 8, 22, 17)),
        Interval(london(2025, 8, 26, 9), london(2025, 8, 26, 17)),
    )
    assert OFFICE.working_periods(Interval(london(2025, 8, 23), london(2025, 8, 24))) == ()
    with pytest.raises(TypeError, match="^interval must be an Interval"):
        OFFICE.working_periods("2025")  # type: ignore[arg-type]


def test_hours_in_the_skipped_hour() -> None:
    """On 30 March 2025 01:00-02:00 never happens in London: a period inside it has no working time."""
    night = WorkingCalendar(
        tz=LONDON, weekdays=range(7), hours=[(dt.time(1), dt.time(2)), (dt.time(3), dt.time(4))]
    )
    day = Interval(london(2025, 3, 30), london(2025, 3, 31))
    assert night.working_periods(day) == (Interval(london(2025, 3, 30, 3), london(2025, 3, 30, 4)),)


def test_hours_across_the_repeated_hour() -> None:
    """On 26 October 2025 00:00-03:00 in London lasts four hours."""
    night = WorkingCalendar(tz=LONDON, weekdays=range(7), hours=[(dt.time(0), dt.time(3))])
    day = Interval(london(2025, 10, 26), london(2025, 10, 27))
    assert night.working_time_between(day.start, day.end) == dt.timedelta(hours=4)


def test_working_calendar_reports_every_problem_at_once() -> None:
    with pytest.raises(ExceptionGroup) as info:
        WorkingCalendar(
            tz=LONDON,
            weekdays=[7, 0],
            hours=[
                (dt.time(9), dt.time(8)),
                (dt.time(7), dt.time(10)),
                (dt.time(12, tzinfo=UTC), dt.time(13)),
            ],
        )
    assert [str(e) for e in info.value.exceptions] == [
        "weekdays must be from 0 (Monday) to 6 (Sunday), got 7",
        "hours must end after they start, got (datetime.time(9, 0), datetime.time(8, 0))",
        "hours must be in order and not overlap, got (datetime.time(7, 0), datetime.time(10, 0))",
        "hours must be naive wall times in whole seconds, got datetime.time(12, 0, tzinfo=datetime.timezone.utc)",
    ]
    with pytest.raises(ExceptionGroup) as info:
        WorkingCalendar(tz=LONDON, weekdays=[], hours=[])
    assert [str(e) for e in info.value.exceptions] == [
        "weekdays must not be empty, got set()",
        "hours must not be empty, got ()",
    ]


def test_working_calendar_type_errors() -> None:
    with pytest.raises(TypeError, match="^tz must be a datetime.tzinfo such as"):
        WorkingCalendar(tz="Europe/London")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^weekdays must be ints from 0"):
        WorkingCalendar(tz=LONDON, weekdays=["Monday"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="^hours must be pairs of datetime.time, got '09:00'$"):
        WorkingCalendar(tz=LONDON, hours=[("09:00", "17:00")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="'holidays' must be"):
        WorkingCalendar(tz=LONDON, holidays=None)  # type: ignore[arg-type]


def test_operation_errors() -> None:
    naive = dt.datetime(2025, 6, 2, 9)  # noqa: DTZ001
    with pytest.raises(InvalidDatetime, match="^instant must be timezone-aware"):
        OFFICE.is_working_time(naive)
    with pytest.raises(InvalidDatetime, match="^end must be timezone-aware"):
        OFFICE.working_time_between(london(2025, 6, 2), naive)
    with pytest.raises(
        InvalidDuration,
        match=r"^duration must not be negative, got datetime.timedelta\(days=-1, seconds=86399\)$",
    ):
        OFFICE.add_working_time(london(2025, 6, 2), dt.timedelta(seconds=-1))
    with pytest.raises(TypeError, match="^duration must be a datetime.timedelta, got 3$"):
        OFFICE.add_working_time(london(2025, 6, 2), 3)  # type: ignore[arg-type]
    with pytest.raises(InvalidDuration, match="^days must not be negative, got -1$"):
        OFFICE.add_working_days(london(2025, 6, 2), -1)
    with pytest.raises(TypeError, match="^days must be an int, got 1.5$"):
        OFFICE.add_working_days(london(2025, 6, 2), 1.5)  # type: ignore[arg-type]
    with pytest.raises(UnsupportedYearError, match="^year must be from 1971"):
        OFFICE.is_working_time(london(1970, 6, 1))
    anywhere = WorkingCalendar(tz=UTC, holidays=HolidayCalendar(rules=None))
    with pytest.raises(
        InvalidDatetime, match="^working time must lie within the years 1 to 9998, got 9999$"
    ):
        anywhere.is_working_time(dt.datetime(9999, 1, 1, tzinfo=UTC))


def test_working_calendar_is_a_value() -> None:
    other = WorkingCalendar(tz=LONDON)
    OFFICE.is_working_time(london(2025, 6, 2, 9))  # fills the memo of one of them only
    assert other == OFFICE
    assert hash(other) == hash(OFFICE)
    assert "_years" not in repr(OFFICE)
    copy = pickle.loads(pickle.dumps(OFFICE))  # noqa: S301 - our own data
    assert copy == OFFICE
    assert copy.add_working_time(london(2025, 6, 2, 9), dt.timedelta(hours=1)) == london(
        2025, 6, 2, 10
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        OFFICE.tz = UTC  # type: ignore[misc]


def test_a_day_whose_only_period_the_clocks_skip() -> None:
    night = WorkingCalendar(tz=LONDON, weekdays=[6], hours=[(dt.time(1), dt.time(2))])
    # Sunday 30 March 2025 has no 01:00-02:00, so it is not a working day at all:
    # the count starts on Sunday 6 April, and one working day after it is 13 April.
    assert night.add_working_days(london(2025, 3, 29, 12), 1) == london(2025, 4, 13, 2)
    assert night.add_working_days(london(2025, 3, 29, 12), 0) == london(2025, 4, 6, 2)


def test_additions_outside_the_rules_years() -> None:
    with pytest.raises(ExceptionGroup) as info:
        HolidayCalendar.england_and_wales(
            additions={dt.date(1960, 1, 4): "x"}, removals=[dt.date(4100, 12, 25)]
        )
    assert [str(e) for e in info.value.exceptions][:2] == [
        "additions and removals must lie in the years 1971 to 4099, got datetime.date(1960, 1, 4)",
        "additions and removals must lie in the years 1971 to 4099, got datetime.date(4100, 12, 25)",
    ]


class _Offsetless(dt.tzinfo):
    """A broken zone: it knows no offset during office hours."""

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta | None:
        assert value is not None
        return None if 9 <= value.hour < 17 else dt.timedelta(0)

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, value: dt.datetime | None) -> None:
        return None


def test_a_zone_without_offsets_is_refused() -> None:
    calendar = WorkingCalendar(tz=_Offsetless())
    with pytest.raises(InvalidCalendar, match="^tz must give a UTC offset for every wall time"):
        calendar.is_working_time(dt.datetime(2025, 6, 2, 3, tzinfo=UTC))


# ----------------------------------------------------------------------------- edges (mutation testing)


def test_a_calendar_without_rules_takes_any_year() -> None:
    first, last = dt.date(1, 1, 1), dt.date(9999, 12, 31)
    calendar = HolidayCalendar(rules=None, additions={first: "Year one", last: "The end"})
    assert calendar.is_holiday(first)
    assert calendar.is_holiday(last)


def test_working_calendars_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        WorkingCalendar(dt.timezone.utc)  # type: ignore[call-arg]


def test_working_time_that_ends_exactly_with_a_year() -> None:
    office = WorkingCalendar(tz=dt.timezone.utc)
    last_morning = dt.datetime(2025, 12, 31, 9, tzinfo=dt.timezone.utc)
    assert office.add_working_time(last_morning, dt.timedelta(hours=8)) == dt.datetime(
        2025, 12, 31, 17, tzinfo=dt.timezone.utc
    )
    assert office.add_working_time(last_morning, dt.timedelta(hours=8, seconds=1)) == dt.datetime(
        2026, 1, 2, 9, 0, 1, tzinfo=dt.timezone.utc
    )


def test_a_year_with_no_working_time_is_skipped() -> None:
    # Mondays only, and every Monday of 2026 a holiday: 2026 holds no working time.
    mondays = {dt.date(2026, 1, 5) + dt.timedelta(weeks=n): "closed" for n in range(52)}
    office = WorkingCalendar(
        tz=dt.timezone.utc, weekdays={0}, holidays=HolidayCalendar(rules=None, additions=mondays)
    )
    last = dt.datetime(2025, 12, 29, 9, tzinfo=dt.timezone.utc)
    assert office.add_working_time(last, dt.timedelta(hours=9)) == dt.datetime(
        2027, 1, 4, 10, tzinfo=dt.timezone.utc
    )


def test_holiday_calendars_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        HolidayCalendar(HolidayRules.ENGLAND_AND_WALES)  # type: ignore[call-arg]


def test_holidays_take_the_substitute_flag_by_keyword_only() -> None:
    with pytest.raises(TypeError):
        Holiday(dt.date(2025, 12, 26), "Boxing Day", True)  # type: ignore[call-arg]  # noqa: FBT003


def test_the_last_monday_of_december() -> None:
    from pact_core.calendars import _last_monday  # noqa: PLC0415 - the private helper, for the year's last month

    assert _last_monday(2025, 12) == dt.date(2025, 12, 29)
    assert _last_monday(2025, 5) == dt.date(2025, 5, 26)


def test_working_hours_to_the_second() -> None:
    office = WorkingCalendar(tz=dt.timezone.utc, hours=[(dt.time(9, 0, 30), dt.time(16, 59, 45))])
    monday = dt.date(2025, 6, 2)
    start = dt.datetime.combine(monday, dt.time(0), tzinfo=dt.timezone.utc)
    assert office.working_time_between(start, start + dt.timedelta(days=1)) == dt.timedelta(
        hours=7, minutes=59, seconds=15
    )


def test_working_periods_in_the_last_supported_year() -> None:
    office = WorkingCalendar(tz=dt.timezone.utc)
    december = Interval(
        dt.datetime(4099, 12, 1, tzinfo=dt.timezone.utc),
        dt.datetime(4099, 12, 31, tzinfo=dt.timezone.utc),
    )
    weekdays = sum((december.start + dt.timedelta(days=n)).weekday() < 5 for n in range(30))
    # less Christmas Day and Boxing Day's substitute (the 26th is a Saturday)
    assert len(office.working_periods(december)) == weekdays - 2


def test_working_time_from_year_1_to_9998() -> None:
    # Without rules a calendar reaches the whole range datetime allows, less its last year.
    anywhere = WorkingCalendar(tz=dt.timezone.utc, holidays=HolidayCalendar(rules=None))
    first = dt.datetime(1, 1, 1, 9, tzinfo=dt.timezone.utc)  # a Monday
    assert anywhere.add_working_time(first, dt.timedelta(hours=1)) == first + dt.timedelta(hours=1)
    last = dt.datetime(9998, 12, 31, 9, tzinfo=dt.timezone.utc)  # a Thursday
    assert anywhere.add_working_time(last, dt.timedelta(hours=1)) == last + dt.timedelta(hours=1)
    with pytest.raises(
        InvalidDatetime, match="^working time must lie within the years 1 to 9998, got 9999$"
    ):
        anywhere.add_working_time(
            dt.datetime(9999, 1, 4, 9, tzinfo=dt.timezone.utc), dt.timedelta(hours=1)
        )


@pytest.mark.parametrize(
    "name",
    [
        "HolidayCalendar",
        "WorkingCalendar",
    ],
)
def test_values_are_built_from_keyword_arguments_only(name: str) -> None:
    # A field given by position could be read as another: these take keywords alone.
    kind = getattr(importlib.import_module("pact_core.calendars"), name)
    assert [field.name for field in attrs.fields(kind) if not field.kw_only] == []


def test_an_interval_ending_as_work_begins_holds_no_working_time() -> None:
    # Tuesday 26 August 2025: the office opens at 09:00, the interval ends then.
    assert OFFICE.working_periods(Interval(london(2025, 8, 26, 8), london(2025, 8, 26, 9))) == ()


def test_working_hours_must_end_after_they_start() -> None:
    with pytest.raises(ExceptionGroup) as caught:
        WorkingCalendar(tz=LONDON, hours=[(dt.time(9), dt.time(9))])
    assert [str(e) for e in caught.value.exceptions] == [
        "hours must end after they start, got (datetime.time(9, 0), datetime.time(9, 0))"
    ]


def test_equal_calendars_hash_alike_whatever_they_have_worked_out() -> None:
    used, fresh = WorkingCalendar(tz=LONDON), WorkingCalendar(tz=LONDON)
    used.add_working_time(london(2025, 8, 26, 10), dt.timedelta(hours=3))  # fills its cache
    assert used == fresh
    assert hash(used) == hash(fresh)
