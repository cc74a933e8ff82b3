"""Crimes solved: each police.uk outcome read as solved, not solved, pending or unknown, and the shares that follow.

"Solved" is a reading to state, not a given. The Home Office's crime outcomes framework
numbers the ways an investigation ends (1 charge or summons; 2-3 cautions; 4 taken into
consideration; 6 penalty notice; 7 cannabis or khat warning; 8 community resolution; then
the outcomes where no action follows). police.uk shows its own wording, each standing for
one or more of those. An `OutcomePolicy` says how each is read; the presets cite theirs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs
import numpy as np
from attrs.validators import instance_of

from pact_core.crime.categories import Category, Month, Outcome
from pact_core.crime.incidence import _located_index
from pact_core.crime.records import CATEGORIES, OUTCOMES, CrimeTable
from pact_core.errors import InvalidCrime, InvalidPolicy
from pact_core.geography import WardLocator

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["OutcomePolicy", "Resolution", "SolvedShare", "solved_by_area", "solved_share"]


class Resolution(enum.Enum):
    """How a policy reads an outcome.

    >>> [r.value for r in Resolution]
    ['solved', 'not solved', 'pending', 'unknown']
    """

    SOLVED = "solved"
    NOT_SOLVED = "not solved"
    PENDING = "pending"
    UNKNOWN = "unknown"


def _to_classes(value: Mapping[Outcome, Resolution]) -> tuple[tuple[Outcome, Resolution], ...]:
    given: object = value
    if not isinstance(given, Mapping):
        raise TypeError(f"classes must be a mapping of Outcome to Resolution, got {value!r}")
    for key, resolution in given.items():
        if not isinstance(key, Outcome) or not isinstance(resolution, Resolution):
            raise TypeError(f"classes must map Outcome to Resolution, got {key!r}: {resolution!r}")
    return tuple(sorted(value.items(), key=lambda item: item[0].value))


_CHARGED = (
    Outcome.CHARGED,
    Outcome.SENTENCED_IN_ANOTHER_CASE,
    Outcome.AWAITING_COURT_RESULT,
    Outcome.COURT_RESULT_UNAVAILABLE,
    Outcome.SENT_TO_CROWN_COURT,
    Outcome.UNABLE_TO_PROCEED,
    Outcome.NOT_GUILTY,
    Outcome.IMPRISONED,
    Outcome.SUSPENDED_SENTENCE,
    Outcome.COMMUNITY_PENALTY,
    Outcome.FINED,
    Outcome.CONDITIONAL_DISCHARGE,
    Outcome.ABSOLUTE_DISCHARGE,
    Outcome.COMPENSATION,
    Outcome.DEPRIVED_OF_PROPERTY,
    Outcome.OTHER_COURT_DISPOSAL,
)
_OUT_OF_COURT = (
    Outcome.CAUTIONED,
    Outcome.PENALTY_NOTICE_ISSUED,
    Outcome.DRUGS_POSSESSION_WARNING,
    Outcome.LOCAL_RESOLUTION,
)
_NO_ACTION = (
    Outcome.NO_FURTHER_ACTION,
    Outcome.UNABLE_TO_PROSECUTE,
    Outcome.FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST,
    Outcome.FURTHER_ACTION_NOT_IN_PUBLIC_INTEREST,
    Outcome.FURTHER_INVESTIGATION_NOT_IN_PUBLIC_INTEREST,
    Outcome.ACTION_TAKEN_BY_ANOTHER_ORGANISATION,
)
_HOME_OFFICE_SOURCE = (
    "Home Office, Crime outcomes in England and Wales (statistical bulletin): outcome types 1 "
    "(charge or summons), 2-3 (cautions), 6 (penalty notice), 7 (cannabis or khat warning) and "
    "8 (community resolution)"
)


@attrs.frozen(kw_only=True)
class OutcomePolicy:
    """How each police.uk outcome is read: solved, not solved, pending or unknown. Every outcome must be classed.

    Two presets, each citing its source:

    * `home_office` (the default): solved is a charge or summons **or an out-of-court
      disposal** (caution, penalty notice, drugs possession warning, local resolution),
      the Home Office framework's outcome types 1-3 and 6-8.
    * `charged_only`: solved is a charge or summons only (type 1); out-of-court disposals are
      not solved.

    In both, "Awaiting court outcome", "Court result unavailable", "Defendant found not
    guilty" and every court disposal are **solved**: each follows a charge, and the police
    outcome (type 1) is the charge, whatever the court later decides. "Under investigation"
    is **pending**. "Status update unavailable" is **unknown**: police.uk could not say what
    happened, so it is counted in neither part of the solved share and reported beside it.

    >>> policy = OutcomePolicy.home_office()
    >>> policy.resolution(Outcome.CAUTIONED).value, OutcomePolicy.charged_only().resolution(Outcome.CAUTIONED).value
    ('solved', 'not solved')
    >>> OutcomePolicy(name="mine", source="a note", classes={Outcome.CHARGED: Resolution.SOLVED})
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidPolicy: classes must class every outcome police.uk publishes, got 27 unclassed: absolute-discharge, action-taken-by-another-organisation, awaiting-court-result, ...
    """

    name: str = attrs.field(validator=instance_of(str))
    source: str = attrs.field(validator=instance_of(str))
    classes: tuple[tuple[Outcome, Resolution], ...] = attrs.field(converter=_to_classes)

    def __attrs_post_init__(self) -> None:
        missing = sorted(
            set(Outcome) - {outcome for outcome, _ in self.classes}, key=lambda o: o.value
        )
        if missing:
            shown = ", ".join(o.value for o in missing[:3]) + (", ..." if len(missing) > 3 else "")
            raise InvalidPolicy(
                f"classes must class every outcome police.uk publishes, got {len(missing)} unclassed: {shown}",
                field="classes",
                rule="class every outcome police.uk publishes",
                value=tuple(missing),
            )

    def resolution(self, outcome: Outcome) -> Resolution:
        """How the policy reads *outcome*."""
        return dict(self.classes)[outcome]

    def _codes(self) -> np.ndarray[tuple[int], np.dtype[np.int8]]:
        """Each outcome's reading as a small int, indexed like `pact_core.crime.Outcome` (in definition order)."""
        order = list(Resolution)
        table = dict(self.classes)
        return np.array([order.index(table[o]) for o in OUTCOMES], dtype=np.int8)

    @classmethod
    def home_office(cls) -> OutcomePolicy:
        """Solved is a charge or summons, or an out-of-court disposal (Home Office outcome types 1-3, 6-8)."""
        return cls(
            name="charged or summonsed, or an out-of-court disposal",
            source=_HOME_OFFICE_SOURCE,
            classes=_classes(solved=_CHARGED + _OUT_OF_COURT, not_solved=_NO_ACTION),
        )

    @classmethod
    def charged_only(cls) -> OutcomePolicy:
        """Solved is a charge or summons only (Home Office outcome type 1, its "charge rate")."""
        return cls(
            name="charged or summonsed only",
            source=_HOME_OFFICE_SOURCE + "; the charge or summons rate counts type 1 alone",
            classes=_classes(solved=_CHARGED, not_solved=_NO_ACTION + _OUT_OF_COURT),
        )


def _classes(
    *, solved: Iterable[Outcome], not_solved: Iterable[Outcome]
) -> dict[Outcome, Resolution]:
    found = dict.fromkeys(solved, Resolution.SOLVED) | dict.fromkeys(
        not_solved, Resolution.NOT_SOLVED
    )
    found[Outcome.UNDER_INVESTIGATION] = Resolution.PENDING
    found[Outcome.STATUS_UPDATE_UNAVAILABLE] = Resolution.UNKNOWN
    return found


@attrs.frozen(kw_only=True)
class SolvedShare:
    """Crimes solved as a share, its parts kept: *solved* of *decided* (solved or not), with the pending and unknown beside.

    *crimes* counts every crime asked about (solved + not solved + pending + unknown +
    without an outcome). The figure carries the police.uk *publication* it was read from:
    outcomes arrive months after the crime, so a later publication gives another figure.
    Shares add, part by part, so a force's share is the sum of its areas'.

    >>> share = SolvedShare(solved=3, not_solved=5, pending=2, unknown=1, without=0, publication=Month(2022, 8),
    ...                     policy="charged or summonsed, or an out-of-court disposal")
    >>> share.share, share.pending_share, share.decided, share.crimes
    (Fraction(3, 8), Fraction(2, 11), 8, 11)
    """

    solved: int = attrs.field(validator=instance_of(int))
    not_solved: int = attrs.field(validator=instance_of(int))
    pending: int = attrs.field(validator=instance_of(int))
    unknown: int = attrs.field(validator=instance_of(int))
    without: int = attrs.field(validator=instance_of(int))
    publication: Month = attrs.field(validator=instance_of(Month))
    policy: str = attrs.field(validator=instance_of(str))

    def __attrs_post_init__(self) -> None:
        for name in ("solved", "not_solved", "pending", "unknown", "without"):
            if getattr(self, name) < 0:
                raise InvalidCrime.must(name, "be a count (0 or more)", getattr(self, name))

    @property
    def decided(self) -> int:
        """Crimes whose outcome is known to be solved or not: the share's denominator."""
        return self.solved + self.not_solved

    @property
    def crimes(self) -> int:
        """Every crime asked about."""
        return self.decided + self.pending + self.unknown + self.without

    @property
    def share(self) -> Fraction | None:
        """Solved of decided, exactly (None when nothing is decided: never 0)."""
        return Fraction(self.solved, self.decided) if self.decided else None

    @property
    def pending_share(self) -> Fraction | None:
        """Pending of every crime with an outcome (None when there is none)."""
        known = self.decided + self.pending + self.unknown
        return Fraction(self.pending, known) if known else None

    def __add__(self, other: SolvedShare) -> SolvedShare:
        if not isinstance(other, SolvedShare):
            return NotImplemented
        if (self.publication, self.policy) != (other.publication, other.policy):
            raise InvalidCrime.must(
                "shares",
                f"share a publication and policy to add ({self.publication}, {self.policy})",
                (str(other.publication), other.policy),
            )
        return SolvedShare(
            solved=self.solved + other.solved,
            not_solved=self.not_solved + other.not_solved,
            pending=self.pending + other.pending,
            unknown=self.unknown + other.unknown,
            without=self.without + other.without,
            publication=self.publication,
            policy=self.policy,
        )


def solved_share(
    crimes: CrimeTable,
    *,
    policy: OutcomePolicy | None = None,
    rows: np.ndarray[tuple[int], np.dtype[np.bool_]] | None = None,
    categories: Iterable[Category] | None = None,
    months: Iterable[Month] | None = None,
) -> SolvedShare:
    """The solved share of the crimes of a table (anti-social behaviour is not a crime, and never counts).

    *rows* picks rows (a mask, as `pact_core.crime.Incidence.rows_in` or `places_mask`
    give); *categories* and *months* narrow further. *policy* is the home_office preset
    by default.

    >>> from pact_core.crime import Crime
    >>> table = CrimeTable.from_crimes([
    ...     Crime(id=f"c{n}", month=Month(2022, 1), category=Category.SHOPLIFTING, point=None,
    ...           location="No Location", outcome=outcome)
    ...     for n, outcome in enumerate([Outcome.CHARGED, Outcome.CAUTIONED, Outcome.UNABLE_TO_PROSECUTE,
    ...                                  Outcome.UNDER_INVESTIGATION])], publication=Month(2022, 8))
    >>> solved_share(table).share, solved_share(table, policy=OutcomePolicy.charged_only()).share
    (Fraction(2, 3), Fraction(1, 3))
    """
    if not isinstance(crimes, CrimeTable):
        raise TypeError(f"crimes must be a CrimeTable, got {crimes!r}")
    policy = OutcomePolicy.home_office() if policy is None else policy
    if not isinstance(policy, OutcomePolicy):
        raise TypeError(f"policy must be an OutcomePolicy, got {policy!r}")
    counts = _counts(
        crimes, policy, np.zeros(len(crimes), dtype=np.int64), 1, rows, categories, months
    )
    return _share(counts[0], crimes, policy)


def _counts(  # noqa: PLR0913, PLR0917 - the private core of both public functions
    crimes: CrimeTable,
    policy: OutcomePolicy,
    area: NDArray[np.int64],
    areas: int,
    rows: NDArray[np.bool_] | None,
    categories: Iterable[Category] | None,
    months: Iterable[Month] | None,
) -> list[list[int]]:
    """Per area (rows whose *area* is 0 to *areas* - 1), the crimes of each `Resolution` and those without an outcome, in one pass."""
    keep = (crimes.category != CATEGORIES.index(Category.ANTI_SOCIAL_BEHAVIOUR)) & (area >= 0)
    if rows is not None:
        mask = np.asarray(rows)
        if mask.dtype != np.bool_ or mask.shape != keep.shape:
            raise InvalidCrime.must(
                "rows", f"be a mask of the table's {len(crimes)} rows", mask.shape
            )
        keep &= mask
    if categories is not None:
        wanted = [CATEGORIES.index(c) for c in categories]
        keep &= np.isin(crimes.category, wanted)
    if months is not None:
        keep &= np.isin(crimes.month, [m.ordinal for m in months])
    outcome = crimes.outcome
    kinds = len(Resolution) + 1  # the readings, then "without an outcome"
    reading = np.where(outcome >= 0, policy._codes()[np.maximum(outcome, 0)], kinds - 1)
    totals = np.bincount(area[keep] * kinds + reading[keep], minlength=areas * kinds)
    return [[int(n) for n in row] for row in totals.reshape(areas, kinds).tolist()]


def _share(counts: list[int], crimes: CrimeTable, policy: OutcomePolicy) -> SolvedShare:
    return SolvedShare(
        solved=counts[0],
        not_solved=counts[1],
        pending=counts[2],
        unknown=counts[3],
        without=counts[4],
        publication=crimes.publication,
        policy=policy.name,
    )


def solved_by_area(  # noqa: PLR0913 - keyword-only options of one figure
    crimes: CrimeTable,
    locator: WardLocator,
    *,
    by: Literal["ward", "neighbourhood"] = "ward",
    policy: OutcomePolicy | None = None,
    categories: Iterable[Category] | None = None,
    months: Iterable[Month] | None = None,
) -> dict[str, SolvedShare]:
    """The solved share of each ward (or neighbourhood) of a locator, its crimes located in one call.

    Every area of the locator has a share (with nothing in it when no crime lies there);
    crimes without a point or outside the map are in no area's share.

    >>> from shapely import box
    >>> from pact_core.crime import Crime
    >>> from pact_core.geography import Ward, WardCode
    >>> ward = Ward(code=WardCode("E05000001"), name="W1", generation="WD25", geometry=box(0, 51, 0.1, 51.1))
    >>> table = CrimeTable.from_crimes([Crime(id="c1", month=Month(2022, 1), category=Category.BURGLARY, point=(0.05, 51.05),
    ...     location="On or near Lane", outcome=Outcome.CHARGED)], publication=Month(2022, 8))
    >>> solved_by_area(table, WardLocator.from_wards([ward]))["E05000001"].share
    Fraction(1, 1)
    """
    if not isinstance(crimes, CrimeTable):
        raise TypeError(f"crimes must be a CrimeTable, got {crimes!r}")
    if not isinstance(locator, WardLocator):
        raise TypeError(f"locator must be a WardLocator, got {locator!r}")
    if by not in ("ward", "neighbourhood") or (
        by == "neighbourhood" and not locator.neighbourhood_ids
    ):
        raise InvalidCrime.must(
            "by", "be 'ward', or 'neighbourhood' for a locator built from a map", by
        )
    names = (
        [w.code.value for w in locator.wards] if by == "ward" else list(locator.neighbourhood_ids)
    )
    policy = OutcomePolicy.home_office() if policy is None else policy
    area = _located_index(crimes, locator, by)
    counts = _counts(crimes, policy, area, len(names), None, categories, months)
    return {name: _share(found, crimes, policy) for name, found in zip(names, counts, strict=True)}
