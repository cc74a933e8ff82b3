"""What police.uk publishes of a crime: its category, its month and its last outcome.

police.uk names each of its 14 categories twice: a slug in the API (``violent-crime``) and
a name in the monthly street-level files (``Violence and sexual offences``). Its outcome
categories likewise have an API code (``unable-to-prosecute``) and a name
(``Unable to prosecute suspect``). `Category` and `Outcome` read both and write each back
in the shape it came from.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TypeVar

import attrs

from pact_core.errors import InvalidPoliceData

__all__ = ["Category", "Month", "Outcome"]


_T = TypeVar("_T")


def _look_up(table: dict[str, _T], text: str, field: str, rule: str) -> _T:
    given: object = text
    found = table.get(text) if isinstance(given, str) else None
    if found is None:
        raise InvalidPoliceData.must(field, rule, text)
    return found


class Category(enum.Enum):
    """One of police.uk's 14 street-level categories, valued by its API slug.

    >>> Category.parse("Violence and sexual offences") is Category.parse("violent-crime")
    True
    >>> Category.VIOLENT_CRIME.label, Category.ANTI_SOCIAL_BEHAVIOUR.is_crime
    ('Violence and sexual offences', False)
    """

    ANTI_SOCIAL_BEHAVIOUR = "anti-social-behaviour"
    BICYCLE_THEFT = "bicycle-theft"
    BURGLARY = "burglary"
    CRIMINAL_DAMAGE_ARSON = "criminal-damage-arson"
    DRUGS = "drugs"
    OTHER_CRIME = "other-crime"
    OTHER_THEFT = "other-theft"
    POSSESSION_OF_WEAPONS = "possession-of-weapons"
    PUBLIC_ORDER = "public-order"
    ROBBERY = "robbery"
    SHOPLIFTING = "shoplifting"
    THEFT_FROM_THE_PERSON = "theft-from-the-person"
    VEHICLE_CRIME = "vehicle-crime"
    VIOLENT_CRIME = "violent-crime"

    @property
    def label(self) -> str:
        """The name the street-level files use."""
        return _CATEGORY_LABELS[self]

    @property
    def is_crime(self) -> bool:
        """Whether it is a crime: anti-social behaviour is not, and has no outcome."""
        return self is not Category.ANTI_SOCIAL_BEHAVIOUR

    @classmethod
    def parse(cls, text: str) -> Category:
        """The category of an API slug or a file's name (exactly as police.uk writes them).

        >>> Category.parse("all-crime")
        Traceback (most recent call last):
        ...
        pact_core.errors.InvalidPoliceData: category must be one of police.uk's 14 categories (a slug or a name), got 'all-crime'
        """
        return _look_up(
            _CATEGORIES, text, "category", "be one of police.uk's 14 categories (a slug or a name)"
        )


_CATEGORY_LABELS = {
    Category.ANTI_SOCIAL_BEHAVIOUR: "Anti-social behaviour",
    Category.BICYCLE_THEFT: "Bicycle theft",
    Category.BURGLARY: "Burglary",
    Category.CRIMINAL_DAMAGE_ARSON: "Criminal damage and arson",
    Category.DRUGS: "Drugs",
    Category.OTHER_CRIME: "Other crime",
    Category.OTHER_THEFT: "Other theft",
    Category.POSSESSION_OF_WEAPONS: "Possession of weapons",
    Category.PUBLIC_ORDER: "Public order",
    Category.ROBBERY: "Robbery",
    Category.SHOPLIFTING: "Shoplifting",
    Category.THEFT_FROM_THE_PERSON: "Theft from the person",
    Category.VEHICLE_CRIME: "Vehicle crime",
    Category.VIOLENT_CRIME: "Violence and sexual offences",
}
_CATEGORIES = {c.value: c for c in Category} | {label: c for c, label in _CATEGORY_LABELS.items()}


class Outcome(enum.Enum):
    """Every outcome category police.uk publishes, valued by its API code.

    The street-level files give the name (`label`); the API's ``outcomes-at-location``
    gives both. "Offender given penalty notice" is the files' spelling; the API's
    "Offender given a penalty notice" is read as the same outcome.

    >>> Outcome.parse("Unable to prosecute suspect")
    <Outcome.UNABLE_TO_PROSECUTE: 'unable-to-prosecute'>
    >>> Outcome.parse("charged").label
    'Suspect charged'
    """

    ABSOLUTE_DISCHARGE = "absolute-discharge"
    ACTION_TAKEN_BY_ANOTHER_ORGANISATION = "action-taken-by-another-organisation"
    AWAITING_COURT_RESULT = "awaiting-court-result"
    CAUTIONED = "cautioned"
    CHARGED = "charged"
    COMMUNITY_PENALTY = "community-penalty"
    COMPENSATION = "compensation"
    CONDITIONAL_DISCHARGE = "conditional-discharge"
    COURT_RESULT_UNAVAILABLE = "court-result-unavailable"
    DEPRIVED_OF_PROPERTY = "deprived-of-property"
    DRUGS_POSSESSION_WARNING = "drugs-possession-warning"
    FINED = "fined"
    FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST = "formal-action-not-in-public-interest"
    FURTHER_ACTION_NOT_IN_PUBLIC_INTEREST = "further-action-not-in-public-interest"
    FURTHER_INVESTIGATION_NOT_IN_PUBLIC_INTEREST = "further-investigation-not-in-public-interest"
    IMPRISONED = "imprisoned"
    LOCAL_RESOLUTION = "local-resolution"
    NO_FURTHER_ACTION = "no-further-action"
    NOT_GUILTY = "not-guilty"
    OTHER_COURT_DISPOSAL = "other-court-disposal"
    PENALTY_NOTICE_ISSUED = "penalty-notice-issued"
    SENT_TO_CROWN_COURT = "sent-to-crown-court"
    SENTENCED_IN_ANOTHER_CASE = "sentenced-in-another-case"
    STATUS_UPDATE_UNAVAILABLE = "status-update-unavailable"
    SUSPENDED_SENTENCE = "suspended-sentence"
    UNABLE_TO_PROCEED = "unable-to-proceed"
    UNABLE_TO_PROSECUTE = "unable-to-prosecute"
    UNDER_INVESTIGATION = "under-investigation"

    @property
    def label(self) -> str:
        """The name police.uk gives it (the street-level files' spelling)."""
        return _OUTCOME_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Outcome:
        """The outcome of an API code or a name.

        >>> Outcome.parse("Sorted")
        Traceback (most recent call last):
        ...
        pact_core.errors.InvalidPoliceData: outcome must be an outcome category police.uk publishes (a code or a name), got 'Sorted'
        """
        return _look_up(
            _OUTCOMES,
            text,
            "outcome",
            "be an outcome category police.uk publishes (a code or a name)",
        )


_OUTCOME_LABELS = {
    Outcome.ABSOLUTE_DISCHARGE: "Offender given absolute discharge",
    Outcome.ACTION_TAKEN_BY_ANOTHER_ORGANISATION: "Action to be taken by another organisation",
    Outcome.AWAITING_COURT_RESULT: "Awaiting court outcome",
    Outcome.CAUTIONED: "Offender given a caution",
    Outcome.CHARGED: "Suspect charged",
    Outcome.COMMUNITY_PENALTY: "Offender given community sentence",
    Outcome.COMPENSATION: "Offender ordered to pay compensation",
    Outcome.CONDITIONAL_DISCHARGE: "Offender given conditional discharge",
    Outcome.COURT_RESULT_UNAVAILABLE: "Court result unavailable",
    Outcome.DEPRIVED_OF_PROPERTY: "Offender deprived of property",
    Outcome.DRUGS_POSSESSION_WARNING: "Offender given a drugs possession warning",
    Outcome.FINED: "Offender fined",
    Outcome.FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST: "Formal action is not in the public interest",
    Outcome.FURTHER_ACTION_NOT_IN_PUBLIC_INTEREST: "Further action is not in the public interest",
    Outcome.FURTHER_INVESTIGATION_NOT_IN_PUBLIC_INTEREST: (
        "Further investigation is not in the public interest"
    ),
    Outcome.IMPRISONED: "Offender sent to prison",
    Outcome.LOCAL_RESOLUTION: "Local resolution",
    Outcome.NO_FURTHER_ACTION: "Investigation complete; no suspect identified",
    Outcome.NOT_GUILTY: "Defendant found not guilty",
    Outcome.OTHER_COURT_DISPOSAL: "Offender otherwise dealt with",
    Outcome.PENALTY_NOTICE_ISSUED: "Offender given penalty notice",
    Outcome.SENT_TO_CROWN_COURT: "Defendant sent to Crown Court",
    Outcome.SENTENCED_IN_ANOTHER_CASE: "Suspect charged as part of another case",
    Outcome.STATUS_UPDATE_UNAVAILABLE: "Status update unavailable",
    Outcome.SUSPENDED_SENTENCE: "Offender given suspended prison sentence",
    Outcome.UNABLE_TO_PROCEED: "Court case unable to proceed",
    Outcome.UNABLE_TO_PROSECUTE: "Unable to prosecute suspect",
    Outcome.UNDER_INVESTIGATION: "Under investigation",
}
_OUTCOMES = (
    {o.value: o for o in Outcome}
    | {label: o for o, label in _OUTCOME_LABELS.items()}
    | {"Offender given a penalty notice": Outcome.PENALTY_NOTICE_ISSUED}
)

_MONTH = re.compile(r"(\d{4})-(\d{2})")


@attrs.frozen(order=True)
class Month:
    """A calendar month, as police.uk publishes when a crime happened: never a guessed day.

    >>> january = Month.parse("2022-01")
    >>> str(january), str(january + 13), (january + 13) - january
    ('2022-01', '2023-02', 13)
    >>> Month.parse("2022-13")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPoliceData: month must be a month as YYYY-MM, got '2022-13'
    """

    year: int = attrs.field()
    month: int = attrs.field()

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"year must be an int, got {value!r}")
        if not 1 <= value <= 9999:
            raise InvalidPoliceData.must("year", "be from 1 to 9999", value)

    @month.validator
    def _check_month(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"month must be an int, got {value!r}")
        if not 1 <= value <= 12:
            raise InvalidPoliceData.must("month", "be from 1 to 12", value)

    @classmethod
    def parse(cls, text: str) -> Month:
        """The month of ``YYYY-MM`` text, as police.uk writes it."""
        given: object = text
        found = _MONTH.fullmatch(text) if isinstance(given, str) else None
        if found is None or not 1 <= int(found[2]) <= 12 or found[1] == "0000":
            raise InvalidPoliceData.must("month", "be a month as YYYY-MM", text)
        return cls(int(found[1]), int(found[2]))

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Month:
        """The month *ordinal* months after January of year 0 (the inverse of `ordinal`).

        >>> Month.from_ordinal(Month(2022, 3).ordinal)
        Month(year=2022, month=3)
        """
        return cls(ordinal // 12, ordinal % 12 + 1)

    @property
    def ordinal(self) -> int:
        """Months since January of year 0, so that months subtract."""
        return self.year * 12 + self.month - 1

    def first_day(self) -> dt.date:
        """The month's first day.

        >>> Month(2022, 2).first_day()
        datetime.date(2022, 2, 1)
        """
        return dt.date(self.year, self.month, 1)

    def __add__(self, months: int) -> Month:
        given: object = months
        if not isinstance(given, int) or isinstance(given, bool):
            return NotImplemented
        return Month.from_ordinal(self.ordinal + months)

    def __sub__(self, other: Month) -> int:
        given: object = other
        if not isinstance(given, Month):
            return NotImplemented
        return self.ordinal - other.ordinal

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
