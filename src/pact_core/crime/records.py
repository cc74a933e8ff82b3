"""Crimes and anti-social behaviour as police.uk publishes them: one `Crime`, or a `CrimeTable` of many, column by column.

Theory of operation: a force's monthly street-level file has tens of thousands of rows, and
a year of a country millions, so `crimes_from_csv` never builds a value per row. It flattens
the rows into one list of fields (each column is then a slice of it), and checks each
column in bulk: months as fixed-width text turned into numbers by numpy, coordinates
parsed by numpy in one call, categories looked up once per row in C, outcomes and forces
checked as sets. Only when a bulk check fails does it walk the column to name each bad row.
A `CrimeTable` keeps the fields as they were read (so that they go out exactly) beside
numeric columns for counting; `CrimeTable.crime` and iteration give `Crime` values.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from attrs.validators import instance_of, optional

from pact_core.crime.categories import Category, Month, Outcome
from pact_core.errors import ExceptionGroup, InvalidCrime, InvalidPoliceData

if TYPE_CHECKING:
    from numpy.typing import DTypeLike, NDArray

__all__ = ["CSV_HEADER", "Crime", "CrimeTable", "crimes_from_csv"]

#: The header of police.uk's street-level files, in order.
CSV_HEADER = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)

CATEGORIES: tuple[Category, ...] = tuple(Category)
OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)
_CATEGORY_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
_OUTCOME_INDEX = {o: i for i, o in enumerate(OUTCOMES)}
_CATEGORY_TEXT = {c.value: i for i, c in enumerate(CATEGORIES)} | {
    c.label: i for i, c in enumerate(CATEGORIES)
}
_OUTCOME_TEXT = {
    text: _OUTCOME_INDEX[Outcome.parse(text)] for o in OUTCOMES for text in (o.value, o.label)
} | {"": -1, "Offender given a penalty notice": _OUTCOME_INDEX[Outcome.PENALTY_NOTICE_ISSUED]}
_ASB = _CATEGORY_INDEX[Category.ANTI_SOCIAL_BEHAVIOUR]


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str or None, got {value!r}")
    if value is not None and not value.strip():
        raise InvalidCrime.must(attribute.name, "be None or not blank", value)


def _to_point(value: object) -> object:
    if value is None or not isinstance(value, Sequence) or isinstance(value, str):
        return value
    return tuple(value)


def _check_point(
    instance: object, attribute: attrs.Attribute[tuple[float, float] | None], value: object
) -> None:
    if value is None:
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(x, float | int) and not isinstance(x, bool) for x in value)
    ):
        raise TypeError(
            f"point must be a (longitude, latitude) pair of numbers or None, got {value!r}"
        )
    lon, lat = value
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise InvalidCrime.must(
            "point", "be (longitude, latitude) within -180..180 and -90..90", value
        )


@attrs.frozen(kw_only=True)
class Crime:
    """One crime or anti-social behaviour incident, as police.uk publishes it.

    *id* is police.uk's persistent id (None for anti-social behaviour, which has none);
    *month* is the month it happened (police.uk never publishes the day); *point* is the
    anonymised (longitude, latitude), snapped to a street's centre, or None when police.uk
    gives no location; *outcome* is the latest outcome when the data was published (None
    for anti-social behaviour, and where a force publishes no outcomes).
    The API's extra fields (*api_id*, *street_id*, *location_type*, *location_subtype*,
    *outcome_month*) are None for rows of the street-level files, and the files' *lsoa_code*
    and *lsoa_name* None for the API's crimes.

    >>> crime = Crime(id="c72cf95e", month=Month(2022, 1), category=Category.OTHER_THEFT,
    ...               point=(0.969601, 51.253674), location="On or near Cobbs Hill",
    ...               outcome=Outcome.STATUS_UPDATE_UNAVAILABLE)
    >>> crime.category.label, crime.outcome.label
    ('Other theft', 'Status update unavailable')
    >>> Crime(id="x1", month=Month(2022, 1), category=Category.ANTI_SOCIAL_BEHAVIOUR, point=None, location="No Location")
    Traceback (most recent call last):
    ...
    pact_core.errors.InvalidCrime: id must be None for anti-social behaviour (police.uk gives it none), got 'x1'
    """

    id: str | None = attrs.field(validator=_optional_text)
    month: Month = attrs.field(validator=instance_of(Month))
    category: Category = attrs.field(validator=instance_of(Category))
    point: tuple[float, float] | None = attrs.field(converter=_to_point, validator=_check_point)
    location: str = attrs.field(validator=instance_of(str))
    lsoa_code: str | None = attrs.field(default=None, validator=_optional_text)
    lsoa_name: str | None = attrs.field(default=None, validator=_optional_text)
    outcome: Outcome | None = attrs.field(default=None, validator=optional(instance_of(Outcome)))
    context: str = attrs.field(default="", validator=instance_of(str))
    outcome_month: Month | None = attrs.field(default=None, validator=optional(instance_of(Month)))
    api_id: int | None = attrs.field(default=None, validator=optional(instance_of(int)))
    street_id: int | None = attrs.field(default=None, validator=optional(instance_of(int)))
    location_type: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    location_subtype: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    def __attrs_post_init__(self) -> None:
        if not self.category.is_crime:
            if self.id is not None:
                raise InvalidCrime.must(
                    "id", "be None for anti-social behaviour (police.uk gives it none)", self.id
                )
            if self.outcome is not None:
                raise InvalidCrime.must(
                    "outcome", "be None for anti-social behaviour (it is not a crime)", self.outcome
                )


def _column(values: Iterable[Any], dtype: DTypeLike) -> NDArray[Any]:
    array = np.array(values if isinstance(values, np.ndarray) else list(values), dtype=dtype)
    array.setflags(write=False)
    return array


_WIDTH = len(CSV_HEADER)
_ID, _MONTH, _REPORTED, _FALLS, _LON, _LAT, _LOCATION, _LSOA, _LSOA_NAME, _TYPE, _OUTCOME, _CONTEXT = range(_WIDTH)  # fmt: skip
_ApiFields = tuple[int | None, int | None, str | None, str | None, Month | None]


def _coordinate_text(value: float) -> str:
    """police.uk's six decimals, or the shortest text that reads back as *value* when six are not enough."""
    six = f"{value:.6f}"
    return six if float(six) == value else repr(value)


@attrs.frozen(kw_only=True, eq=False)
class CrimeTable:
    """Many crimes of one force, read from one publication of police.uk's data, column by column.

    *publication* is the month of the police.uk release the rows were read from: outcomes
    are updated after publication, so every figure computed from the table carries it.
    Build one with `crimes_from_csv`, `pact_core.crime.crimes_from_policeuk` or
    `CrimeTable.from_crimes`, never with the constructor; tables of one publication and
    force add. `force` and `reported_by` are the files' "Falls within" and "Reported by".

    >>> table = CrimeTable.from_crimes([
    ...     Crime(id=None, month=Month(2022, 1), category=Category.ANTI_SOCIAL_BEHAVIOUR,
    ...           point=(0.5, 51.3), location="On or near High Street"),
    ...     Crime(id="b2", month=Month(2022, 2), category=Category.BURGLARY, point=None,
    ...           location="No Location", outcome=Outcome.UNDER_INVESTIGATION),
    ... ], publication=Month(2022, 8), force="Kent Police")
    >>> len(table), [c.category.label for c in table], table.crime(1).outcome.label
    (2, ['Anti-social behaviour', 'Burglary'], 'Under investigation')
    """

    publication: Month = attrs.field(validator=instance_of(Month))
    # Every field of every row as the street-level files write it, row after row in
    # CSV_HEADER's order (private: never changed after the table is built).
    cells: list[str] = attrs.field(repr=False)
    month: NDArray[np.int32] = attrs.field(repr=False)
    category: NDArray[np.int8] = attrs.field(repr=False)
    longitude: NDArray[np.float64] = attrs.field(repr=False)
    latitude: NDArray[np.float64] = attrs.field(repr=False)
    # The API's fields, one tuple a row (None for rows of the street-level files).
    api: tuple[_ApiFields | None, ...] = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        n = len(self.month)
        lengths = {
            len(self.cells) // _WIDTH,
            len(self.category),
            len(self.longitude),
            len(self.latitude),
            len(self.api),
        }
        if lengths != {n} or len(self.cells) % _WIDTH:
            raise InvalidCrime.must("columns", "have one length", sorted(lengths | {n}))

    # -- building

    @classmethod
    def from_crimes(
        cls,
        crimes: Iterable[Crime],
        *,
        publication: Month,
        force: str | None = None,
        reported_by: str | None = None,
    ) -> CrimeTable:
        """A table of `Crime` values, in their order, of *force* (and reported by *reported_by*, by default the force)."""
        items = list(crimes)
        for item in items:
            if not isinstance(item, Crime):
                raise TypeError(f"crimes must be Crime values, got {item!r}")
        _optional_text(None, attrs.fields(CrimeTable).publication, force)  # type: ignore[arg-type]
        reporter = force if reported_by is None else reported_by
        cells: list[str] = []
        for c in items:
            lon, lat = ("", "") if c.point is None else map(_coordinate_text, c.point)
            cells += [
                c.id or "", str(c.month), reporter or "", force or "", lon, lat, c.location,
                c.lsoa_code or "", c.lsoa_name or "", c.category.label,
                "" if c.outcome is None else c.outcome.label, c.context,
            ]  # fmt: skip
        points = [c.point or (math.nan, math.nan) for c in items]
        return cls(
            publication=publication,
            cells=cells,
            month=_column((c.month.ordinal for c in items), np.int32),
            category=_column((_CATEGORY_INDEX[c.category] for c in items), np.int8),
            longitude=_column((p[0] for p in points), np.float64),
            latitude=_column((p[1] for p in points), np.float64),
            api=tuple(_api_fields(c) for c in items),
        )

    def __add__(self, other: CrimeTable) -> CrimeTable:
        if not isinstance(other, CrimeTable):
            return NotImplemented
        mine = (self.publication, self.force, self.reported_by)
        theirs = (other.publication, other.force, other.reported_by)
        if mine != theirs and len(self) and len(other):
            raise InvalidCrime.must(
                "tables",
                f"share a publication and force to add ({self.publication}, {self.force})",
                (str(other.publication), other.force),
            )
        head = self if len(self) else other
        return CrimeTable(
            publication=head.publication,
            cells=self.cells + other.cells,
            month=_column(np.concatenate([self.month, other.month]), np.int32),
            category=_column(np.concatenate([self.category, other.category]), np.int8),
            longitude=_column(np.concatenate([self.longitude, other.longitude]), np.float64),
            latitude=_column(np.concatenate([self.latitude, other.latitude]), np.float64),
            api=self.api + other.api,
        )

    def take(self, rows: Sequence[int] | NDArray[np.bool_] | NDArray[np.intp]) -> CrimeTable:
        """The table of the given rows (indices, or a mask), in that order.

        >>> table = CrimeTable.from_crimes([Crime(id=None, month=Month(2022, m), point=None, location="No Location",
        ...     category=Category.ANTI_SOCIAL_BEHAVIOUR) for m in (1, 2, 3)], publication=Month(2022, 8))
        >>> [str(c.month) for c in table.take(table.month >= Month(2022, 2).ordinal)]
        ['2022-02', '2022-03']
        """
        index = np.arange(len(self))[np.asarray(rows)]
        pick = index.tolist()
        cells = self.cells
        return CrimeTable(
            publication=self.publication,
            cells=[cell for i in pick for cell in cells[i * _WIDTH : (i + 1) * _WIDTH]],
            month=_column(self.month[index], np.int32),
            category=_column(self.category[index], np.int8),
            longitude=_column(self.longitude[index], np.float64),
            latitude=_column(self.latitude[index], np.float64),
            api=tuple(self.api[i] for i in pick),
        )

    # -- reading

    def __len__(self) -> int:
        return len(self.month)

    def __iter__(self) -> Iterator[Crime]:
        return (self.crime(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CrimeTable):
            return NotImplemented
        return (
            self.publication == other.publication
            and self.cells == other.cells
            and self.api == other.api
        )

    def __hash__(self) -> int:
        return hash((self.publication, len(self), tuple(self.cells[:_WIDTH])))

    def column(self, name: str) -> tuple[str, ...]:
        """The text of one column of the street-level files, every row, as read.

        >>> CrimeTable.from_crimes([], publication=Month(2022, 8)).column("Crime type")
        ()
        """
        if name not in CSV_HEADER:
            raise InvalidCrime.must("name", f"be one of {list(CSV_HEADER)}", name)
        return tuple(self.cells[CSV_HEADER.index(name) :: _WIDTH])

    @property
    def force(self) -> str | None:
        """The force the rows fall within (None when they do not say)."""
        return self.cells[_FALLS] or None if self.cells else None

    @property
    def reported_by(self) -> str | None:
        """The force that reported the rows (None when they do not say)."""
        return self.cells[_REPORTED] or None if self.cells else None

    @functools.cached_property
    def outcome(self) -> NDArray[np.int8]:
        """The last outcome of each row, as an index into `Outcome` in definition order (-1 for none)."""
        texts = self.cells[_OUTCOME::_WIDTH]
        return _column(
            np.fromiter(map(_OUTCOME_TEXT.__getitem__, texts), np.int8, len(texts)), np.int8
        )

    def crime(self, i: int) -> Crime:
        """Row *i* as a `Crime`."""
        row = self.cells[i * _WIDTH : (i + 1) * _WIDTH]
        lon, lat = float(self.longitude[i]), float(self.latitude[i])
        api = self.api[i] or (None, None, None, None, None)
        return Crime(
            id=row[_ID] or None,
            month=Month.from_ordinal(int(self.month[i])),
            category=CATEGORIES[int(self.category[i])],
            point=None if math.isnan(lon) else (lon, lat),
            location=row[_LOCATION],
            lsoa_code=row[_LSOA] or None,
            lsoa_name=row[_LSOA_NAME] or None,
            outcome=None if not row[_OUTCOME] else OUTCOMES[_OUTCOME_TEXT[row[_OUTCOME]]],
            context=row[_CONTEXT],
            api_id=api[0],
            street_id=api[1],
            location_type=api[2],
            location_subtype=api[3],
            outcome_month=api[4],
        )

    @property
    def months(self) -> tuple[Month, ...]:
        """The distinct months of the rows, in order."""
        return tuple(Month.from_ordinal(int(m)) for m in np.unique(self.month))

    @property
    def located(self) -> NDArray[np.bool_]:
        """Which rows have a point."""
        return ~np.isnan(self.longitude)

    # -- writing

    def to_csv(self, *, header: bool = True) -> list[list[str]]:
        """The rows of a street-level file (with its header first), as `csv.writer` writes them.

        A table read from such a file gives back its rows exactly.

        >>> rows = [list(CSV_HEADER), ["", "2022-01", "Kent Police", "Kent Police", "0.969601", "51.253674",
        ...         "On or near Cobbs Hill", "E01023987", "Ashford 001B", "Anti-social behaviour", "", ""]]
        >>> crimes_from_csv(rows, publication=Month(2022, 8)).to_csv() == rows
        True
        """
        cells = self.cells
        out = [cells[k : k + _WIDTH] for k in range(0, len(cells), _WIDTH)]
        return [list(CSV_HEADER), *out] if header else out


def _api_fields(crime: Crime) -> _ApiFields | None:
    fields = (
        crime.api_id,
        crime.street_id,
        crime.location_type,
        crime.location_subtype,
        crime.outcome_month,
    )
    return None if fields == (None, None, None, None, None) else fields


# -- reading the street-level files


class _Problems:
    """Problems found reading rows, each kept with where it is so that they come out in row order."""

    def __init__(self) -> None:
        self.found: list[tuple[tuple[int, int], InvalidPoliceData]] = []

    def add(
        self,
        path: str,
        rule: str,
        value: object,
        *,
        row: int = -1,  # pragma: no mutate (no row sorts before every row: any negative does)
        column: int = -1,  # pragma: no mutate (the same, for a column)
    ) -> None:
        text = repr(value)
        if len(text) > 80:
            text = text[:77] + "..."
        problem = InvalidPoliceData(
            f"{path} must {rule}, got {text}", field=path, rule=rule, value=value, path=path
        )
        self.found.append(((row, column), problem))

    def rows(self, column: Sequence[str], bad: Iterable[int], k: int, rule: str) -> None:
        for i in bad:
            self.add(f'[{i}]["{CSV_HEADER[k]}"]', rule, column[i], row=i, column=k)

    def raise_all(self) -> None:
        if self.found:
            problems = [problem for _, problem in sorted(self.found, key=lambda item: item[0])]
            raise ExceptionGroup(
                f"{len(problems)} problem(s) reading police.uk street-level rows", problems
            )


_IN_ORDER = operator.itemgetter(*CSV_HEADER)


def _from_mappings(items: list[Any], problems: _Problems) -> list[str]:
    """The fields of `csv.DictReader` rows, in CSV_HEADER's order (short rows give None, long rows a None key)."""
    for i, row in enumerate(items):
        if not isinstance(row, Mapping):
            raise TypeError(f"rows must all be mappings or all sequences, got {row!r} at [{i}]")
    if set(map(len, items)) == {_WIDTH}:
        try:
            cells = list(itertools.chain.from_iterable(map(_IN_ORDER, items)))
        except KeyError:
            pass
        else:
            if None not in cells:
                return cells
            # csv.DictReader gives None for the fields a short row lacks.
            for i, row in enumerate(items):
                if None in row.values():
                    problems.add(
                        f"[{i}]", "have a field for every column (a short row)", dict(row), row=i
                    )
            return []
    for i, row in enumerate(items):
        if None in row.values():
            problems.add(f"[{i}]", "have a field for every column (a short row)", dict(row), row=i)
        elif sorted(map(str, row)) != sorted(CSV_HEADER):
            problems.add(
                f"[{i}]",
                f"have police.uk's street-level columns {list(CSV_HEADER)}",
                list(row),
                row=i,
            )
    return []


def _from_sequences(items: list[Any], problems: _Problems) -> list[str]:
    """The fields of `csv.reader` rows (the header first), in CSV_HEADER's order."""
    header = items[0]
    if isinstance(header, str) or not isinstance(header, Sequence):
        raise TypeError(f"rows must be mappings or sequences of str, got {header!r}")
    header = list(header)
    if len(header) != _WIDTH or sorted(map(str, header)) != sorted(CSV_HEADER):
        problems.add("header", f"hold police.uk's street-level columns {list(CSV_HEADER)}", header)
        return []
    data = items[1:]
    try:
        wrong = bool(set(map(len, data)) - {_WIDTH})
    except TypeError:  # a row that is not a sequence: named below
        wrong = True
    if wrong:
        for i, row in enumerate(data):
            if isinstance(row, str) or not isinstance(row, Sequence):
                raise TypeError(f"rows must all be sequences of str, got {row!r} at [{i}]")
            if len(row) != _WIDTH:
                problems.add(f"[{i}]", f"have {_WIDTH} fields, as the header", list(row), row=i)
        return []
    if tuple(header) == CSV_HEADER:
        return list(itertools.chain.from_iterable(data))
    reorder = operator.itemgetter(*(header.index(name) for name in CSV_HEADER))
    return list(itertools.chain.from_iterable(map(reorder, data)))


def _texts(column: Sequence[object], k: int) -> None:
    """A `TypeError` naming the first field of the column that is not a str."""
    try:
        "".join(column)  # type: ignore[arg-type]  # the check is whether it can
    except TypeError:
        i = next(i for i, value in enumerate(column) if not isinstance(value, str))
        raise TypeError(f'rows[{i}]["{CSV_HEADER[k]}"] must be a str, got {column[i]!r}') from None


def _one_value(column: list[str], k: int, problems: _Problems) -> None:
    """Every row holds the same force; each that differs from the most common is a problem (ties go to the first row's)."""
    if not column or column.count(column[0]) == len(column):
        return
    counts = Counter(column)
    common = max(counts, key=lambda value: (counts[value], value == column[0]))
    problems.rows(
        column,
        (i for i, value in enumerate(column) if value != common),
        k,
        f"be the force of the other rows ({common!r})",
    )


_NO_NUMBER = -999.0  # out of range for both coordinates: marks an empty field in bulk parsing


def _numbers(
    column: list[str], k: int, limit: float, problems: _Problems
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """The column's numbers (NaN where empty) and which fields are empty; bad fields are problems.

    The column is parsed by numpy in one call, empty fields marked with a number out of
    range; only when that fails is it read field by field, to name each bad one.
    """
    n = len(column)
    values: NDArray[np.float64] | None = None
    try:
        text = ("," + ",".join(column) + ",").replace(",,", ",-999,").replace(",,", ",-999,")
        values = np.fromstring(text[1:-1], dtype=np.float64, sep=",") if n else np.zeros(0)
    except (ValueError, TypeError):
        values = None
    if values is not None and len(values) != n:
        values = None
    if values is None:
        _texts(column, k)
        parsed = [_float(t) if t else _NO_NUMBER for t in column]
        problems.rows(
            column, (i for i, x in enumerate(parsed) if x is None), k, "be a number (or empty)"
        )
        values = np.array([math.nan if x is None else x for x in parsed], dtype=np.float64)
    empty = np.zeros(n, dtype=bool)
    marked = np.flatnonzero(values == _NO_NUMBER).tolist()
    empty[[i for i in marked if not column[i]]] = True
    values[empty] = math.nan
    with np.errstate(invalid="ignore"):
        bad = ~empty & ~(np.abs(values) <= limit)
    problems.rows(
        column,
        (i for i in np.flatnonzero(bad).tolist() if _float(column[i]) is not None),
        k,
        f"be a finite number from {-limit:g} to {limit:g}",
    )
    return values, empty


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _months(column: list[str], problems: _Problems) -> NDArray[np.int32]:
    """Months since year 0 of ``YYYY-MM`` text: fixed-width digits turned into numbers by numpy, or one by one to name the bad ones."""
    n = len(column)
    try:
        text = ("\n".join(column) + "\n").encode("ascii") if n else b""
    except (UnicodeEncodeError, TypeError):
        text = b""
    if len(text) == 8 * n:
        b = np.frombuffer(text, dtype=np.uint8).reshape(n, 8)
        digits = b[:, [0, 1, 2, 3, 5, 6]].astype(np.int32) - 48
        if (
            ((digits >= 0) & (digits <= 9)).all()
            and (b[:, 4] == 45).all()  # "-"
            and (b[:, 7] == 10).all()  # every field exactly seven characters
        ):
            year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
            month = digits[:, 4] * 10 + digits[:, 5]
            # A month the fast path leaves goes the checked way, to the same answer: no mutate.
            if ((month >= 1) & (month <= 12) & (year >= 1)).all():  # pragma: no mutate
                return (year * 12 + month - 1).astype(np.int32)
    _texts(column, _MONTH)
    ordinals = {text: _ordinal(text) for text in set(column)}
    problems.rows(
        column,
        (i for i, t in enumerate(column) if ordinals[t] == -1),
        _MONTH,
        "be a month as YYYY-MM",
    )
    return np.fromiter(map(ordinals.__getitem__, column), np.int32, n)


def _ordinal(text: str) -> int:
    try:
        return Month.parse(text).ordinal
    except InvalidPoliceData:
        return -1


def _categories(column: list[str], problems: _Problems) -> NDArray[np.int8]:
    try:
        return np.fromiter(map(_CATEGORY_TEXT.__getitem__, column), np.int8, len(column))
    except (KeyError, TypeError):
        _texts(column, _TYPE)
    problems.rows(
        column, (i for i, t in enumerate(column) if t not in _CATEGORY_TEXT), _TYPE,
        "be one of police.uk's 14 categories",
    )  # fmt: skip
    return np.fromiter((_CATEGORY_TEXT.get(t, -1) for t in column), np.int8, len(column))


def crimes_from_csv(
    rows: Iterable[Mapping[str, str]] | Iterable[Sequence[str]], *, publication: Month
) -> CrimeTable:
    r"""Read the rows of police.uk street-level files: `csv.reader` rows with the header first, or `csv.DictReader` rows.

    Every bad row and field is reported at once, as an `ExceptionGroup` of
    `pact_core.errors.InvalidPoliceData` whose ``path`` is ``[row]["column"]`` (rows
    counted from 0 after the header): a category or outcome police.uk does not list, a
    month that is not ``YYYY-MM``, a coordinate that is not a number or out of range, one
    coordinate without the other, a force (or reporting force) that differs from the rest,
    and anti-social behaviour with a crime id or an outcome. A field that is not a str is
    a `TypeError`. *publication* is the police.uk release the rows come from.

    >>> import csv, io
    >>> text = '''Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context
    ... ,2022-01,Kent Police,Kent Police,0.522,51.273,On or near High Street,E01024367,Maidstone 009B,Anti-social behaviour,,
    ... 7f3e,2022-13,Kent Police,Kent Police,0.522,51.273,On or near High Street,E01024367,Maidstone 009B,Shoplifting,Sorted,'''
    >>> try:
    ...     crimes_from_csv(csv.reader(io.StringIO(text)), publication=Month(2022, 8))
    ... except ExceptionGroup as group:
    ...     print(*group.exceptions, sep="\n")
    [1]["Month"] must be a month as YYYY-MM, got '2022-13'
    [1]["Last outcome category"] must be an outcome category police.uk publishes, got 'Sorted'
    """
    if not isinstance(publication, Month):
        raise TypeError(f"publication must be a Month, got {publication!r}")
    problems = _Problems()
    items: list[Any] = rows if isinstance(rows, list) else list(rows)
    if not items:
        cells: list[str] = []
    elif isinstance(items[0], Mapping):
        cells = _from_mappings(items, problems)
    else:
        cells = _from_sequences(items, problems)
    problems.raise_all()
    ids = cells[_ID::_WIDTH]
    # The columns no other check reads must hold text too (the others' checks see to theirs).
    for k, column in (
        (_ID, ids),
        *((k, cells[k::_WIDTH]) for k in (_LOCATION, _LSOA, _LSOA_NAME, _CONTEXT)),
    ):
        _texts(column, k)
    months = _months(cells[_MONTH::_WIDTH], problems)
    _one_value(cells[_REPORTED::_WIDTH], _REPORTED, problems)
    _one_value(cells[_FALLS::_WIDTH], _FALLS, problems)
    lon, no_lon = _numbers(cells[_LON::_WIDTH], _LON, 180.0, problems)
    lat, no_lat = _numbers(cells[_LAT::_WIDTH], _LAT, 90.0, problems)
    for i in np.flatnonzero(no_lon != no_lat).tolist():
        row = cells[i * _WIDTH : (i + 1) * _WIDTH]
        problems.add(
            f"[{i}]",
            "give both Longitude and Latitude or neither",
            (row[_LON], row[_LAT]),
            row=i,
            column=_LON,
        )
    lon[no_lat] = math.nan
    lat[no_lon] = math.nan
    category = _categories(cells[_TYPE::_WIDTH], problems)
    outcomes = cells[_OUTCOME::_WIDTH]
    if not _OUTCOME_TEXT.keys() >= set(outcomes):
        problems.rows(
            outcomes, (i for i, t in enumerate(outcomes) if t not in _OUTCOME_TEXT), _OUTCOME,
            "be an outcome category police.uk publishes",
        )  # fmt: skip
    asb = np.flatnonzero(category == _ASB).tolist()
    for k, column, what in ((_ID, ids, "a crime id"), (_OUTCOME, outcomes, "an outcome")):
        if any(column[i] for i in asb):
            problems.rows(
                column, (i for i in asb if column[i]), k,
                f"be empty for anti-social behaviour (it has no {what.split()[-1]})",
            )  # fmt: skip
    problems.raise_all()
    return CrimeTable(
        publication=publication,
        cells=cells,
        month=_column(months, np.int32),
        category=_column(category, np.int8),
        longitude=_column(lon, np.float64),
        latitude=_column(lat, np.float64),
        api=(None,) * len(months),
    )
