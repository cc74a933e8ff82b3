"""The abstraction policy, which classes every activity, and the duty records it classes."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
from attrs.validators import instance_of, optional

from pact_core._validation import nonblank
from pact_core.errors import InvalidDutyRecord
from pact_core.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["AbstractionPolicy", "ActivityClass", "DutyRecord"]

_text = nonblank(InvalidDutyRecord)

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)  # pragma: no mutate (any origin does)


class ActivityClass(enum.Enum):
    """The classes an activity falls into, by policy.

    >>> ActivityClass.OFF_DUTY.on_duty, ActivityClass.EMERGENCY.on_duty
    (False, True)
    """

    COMMUNITY = "in the community"
    NEIGHBOURHOOD_WORK = "neighbourhood work"
    ABSTRACTED = "abstracted"
    EMERGENCY = "exceptional emergency"
    OFF_DUTY = "off duty"

    @property
    def on_duty(self) -> bool:
        """Whether time in this class counts in the denominator of the rates."""
        return self is not ActivityClass.OFF_DUTY


def _activity(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"activity must be a str, got {value!r}")
    return " ".join(value.split()).lower()


def _to_classes(value: Mapping[str, ActivityClass]) -> tuple[tuple[str, ActivityClass], ...]:
    items = []
    for activity, kind in dict(value).items():
        if not isinstance(kind, ActivityClass):
            raise TypeError(f"classes must map activities to ActivityClass, got {kind!r}")
        items.append((_activity(activity), kind))
    return tuple(sorted(items, key=lambda item: item[0]))


_COMMUNITY = (
    "patrol",
    "engagement",
    "community meeting",
    "beat surgery",
    "pact meeting",
    "school visit",
)
_NEIGHBOURHOOD = ("problem-solving", "briefing", "admin", "partnership meeting")
_ABSTRACTED = ("response cover", "event", "mutual aid", "custody", "court", "training",
               "cover for another team", "another area")  # fmt: skip
_EMERGENCY = ("major incident", "terrorist attack", "natural disaster")
_OFF = ("annual leave", "sickness", "rest day")


@attrs.frozen(kw_only=True)
class AbstractionPolicy:
    """How a force classes each activity; an activity it does not class is an error, never a default.

    >>> policy = AbstractionPolicy.default()
    >>> policy.classify("Response cover"), policy.classify("patrol")
    (<ActivityClass.ABSTRACTED: 'abstracted'>, <ActivityClass.COMMUNITY: 'in the community'>)
    """

    name: str = attrs.field(validator=_text)
    classes: tuple[tuple[str, ActivityClass], ...] = attrs.field(converter=_to_classes)
    source: str | None = attrs.field(default=None)

    @classmethod
    def default(cls) -> AbstractionPolicy:
        """The classes the Guarantee's language suggests: patrol and engagement in the community; problem-solving, briefings and admin as neighbourhood work; response cover, events, mutual aid, custody, court, training and cover elsewhere abstracted; major incidents, terrorist attacks and natural disasters exceptional; leave, sickness and rest days off duty."""
        return cls(
            name="pact_core default",
            classes={
                **dict.fromkeys(_COMMUNITY, ActivityClass.COMMUNITY),
                **dict.fromkeys(_NEIGHBOURHOOD, ActivityClass.NEIGHBOURHOOD_WORK),
                **dict.fromkeys(_ABSTRACTED, ActivityClass.ABSTRACTED),
                **dict.fromkeys(_EMERGENCY, ActivityClass.EMERGENCY),
                **dict.fromkeys(_OFF, ActivityClass.OFF_DUTY),
            },
            source="Neighbourhood Policing Guarantee (2025); Home Office (2005)",
        )

    @classmethod
    def met_dedicated_ward_officers(cls) -> AbstractionPolicy:
        """The Met's counting rule for dedicated ward officers: every on-duty activity is abstraction or not.

        The Met counts every on-duty activity of ward officers as abstraction or not and sums
        minutes by month, team and abstraction type (MOPAC reporting on dedicated ward
        officers, 2017 onwards): anything done for the ward, on the street or not, is not
        abstraction, so neighbourhood work counts with the community time.
        """
        return attrs.evolve(
            cls.default(),
            name="Met dedicated ward officers",
            classes={
                **dict(cls.default().classes),
                **dict.fromkeys(_NEIGHBOURHOOD, ActivityClass.COMMUNITY),
            },
            source="MOPAC, dedicated ward officer abstraction reporting (2017)",
        )

    @classmethod
    def policing_pledge_2008(cls) -> AbstractionPolicy:
        """The 2008 Policing Pledge: teams spend at least 80 % of their time visibly in their neighbourhoods.

        Only visible time counts as community time; briefings and admin do not.
        Pair it with `Standard.pledge_visible_80`.
        """
        return attrs.evolve(
            cls.default(),
            name="Policing Pledge 2008",
            source="The Policing Pledge (Home Office, 2008): 80 % of time visibly in the neighbourhood",
        )

    def classify(self, activity: str) -> ActivityClass:
        """The class of *activity*, or `InvalidDutyRecord` if the policy does not class it."""
        wanted = _activity(activity)
        for named, kind in self.classes:
            if named == wanted:
                return kind
        raise InvalidDutyRecord.must(
            "activity", f"be classed by the policy {self.name!r}", activity
        )


@attrs.frozen(kw_only=True)
class DutyRecord:
    """One stretch of an officer's time: who, when, what, for which neighbourhood and team.

    When abstracted, *sent_to* says where and *authorised_by* who authorised it.

    >>> import datetime as dt
    >>> from pact_core.intervals import Interval
    >>> record = DutyRecord(officer="PC 1234", interval=Interval.parse("2025-03-03T07:00Z/PT8H"),
    ...                     activity="Patrol", neighbourhood="Strood", team="Strood NPT")
    >>> record.activity, record.interval.duration
    ('patrol', datetime.timedelta(seconds=28800))
    """

    officer: str = attrs.field(validator=_text)
    interval: Interval = attrs.field(validator=instance_of(Interval))
    activity: str = attrs.field(converter=_activity, validator=_text)
    neighbourhood: str = attrs.field(validator=_text)
    team: str = attrs.field(validator=_text)
    sent_to: str | None = attrs.field(default=None, validator=optional(_text))
    authorised_by: str | None = attrs.field(default=None, validator=optional(_text))
