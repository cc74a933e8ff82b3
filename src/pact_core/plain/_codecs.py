"""The text forms of the values JSON has no type for, each with its JSON Schema (private).

Theory of operation: every codec is a pair of functions and a schema. ``dump`` turns a
value into JSON data and never fails on a valid value; ``load`` takes JSON data and either
returns the value or raises `_Bad` with the rule the data broke. The converter turns a
`_Bad` into an `InvalidPlainData` at the field's path.

- Instants are RFC 9557 text (RFC 3339 with the zone's IANA name in brackets):
  ``2024-10-27T01:30:00+00:00[Europe/London]``. The offset keeps the instant and the
  fold; the name keeps the zone, so DST arithmetic after a round trip is unchanged. A
  fixed offset has no name; UTC as `datetime.timezone.utc` is ``+00:00``.
- Zones are looked up by name through what the caller passes (`zones`), never in the
  time-zone database by pact_core itself: reading is I/O-free like everything else.
- Durations are ISO 8601 (``P3DT4H``, ``-PT1S``) in days, hours, minutes and seconds,
  which are exact for `datetime.timedelta`; fractions are ``"3/4"`` text; floats JSON
  cannot hold are ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``, as protobuf's JSON does.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

__all__: list[str] = []

Zones = Mapping[str, dt.tzinfo] | Callable[[str], dt.tzinfo]


class _Bad(Exception):
    """Data that breaks *rule* (private: the converter reports it at its path)."""

    def __init__(self, rule: str, value: object) -> None:
        super().__init__(rule)
        self.rule = rule
        self.value = value


# The caller's zones for the read in progress. A context variable, set and reset by each
# call of `from_plain`, so that concurrent reads (threads, tasks) each see their own.
ZONES: contextvars.ContextVar[Zones | None] = contextvars.ContextVar("zones", default=None)

# --------------------------------------------------------------------------- scalars


def load_str(value: object, _: object = None) -> str:
    if type(value) is str:
        return value
    raise _Bad("be a string", value)


def load_int(value: object, _: object = None) -> int:
    if type(value) is int:
        return value
    raise _Bad("be an integer", value)


def load_bool(value: object, _: object = None) -> bool:
    if type(value) is bool:
        return value
    raise _Bad("be true or false", value)


_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def dump_float(value: float) -> float | str:
    if math.isfinite(value):
        return float(value)  # an int in a float field is stored as the float it equals
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def load_float(value: object, _: object = None) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[return-value]  # checked just above
    if kind is int:
        return float(value)  # type: ignore[arg-type]  # checked just above
    if kind is str and value in _NON_FINITE:
        return _NON_FINITE[value]
    raise _Bad('be a number, "NaN", "Infinity" or "-Infinity"', value)


FLOAT_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "number"}, {"enum": list(_NON_FINITE)}],
}

# --------------------------------------------------------------------------- fractions

_FRACTION = re.compile(r"-?(0|[1-9][0-9]*)(/[1-9][0-9]*)?")


def dump_fraction(value: Fraction) -> str:
    return str(value)


def load_fraction(value: object, _: object = None) -> Fraction:
    if type(value) is str and _FRACTION.fullmatch(value):
        result = Fraction(value)
        if str(result) == value:
            return result
    raise _Bad('be a fraction in lowest terms as text ("3/4", "-2")', value)


FRACTION_SCHEMA: dict[str, Any] = {"type": "string", "pattern": "^" + _FRACTION.pattern + "$"}

# --------------------------------------------------------------------------- dates and times


def dump_date(value: dt.date) -> str:
    return value.isoformat()


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso(pattern: re.Pattern[str], parse: Callable[[str], Any], rule: str) -> Callable[..., Any]:
    def load(value: object, _: object = None) -> Any:  # noqa: ANN401 - a date or a time
        if type(value) is str and pattern.fullmatch(value):
            try:
                return parse(value)
            except ValueError:
                pass
        raise _Bad(rule, value)

    return load


load_date: Callable[..., dt.date] = _iso(
    _DATE, dt.date.fromisoformat, "be an ISO 8601 date (YYYY-MM-DD)"
)

DATE_SCHEMA: dict[str, Any] = {"type": "string", "pattern": "^" + _DATE.pattern + "$"}

_TIME = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")


def dump_time(value: dt.time) -> str:
    if value.tzinfo is not None:
        raise TypeError(f"a time of day must be naive to be stored, got {value!r}")
    return value.isoformat()


load_time: Callable[..., dt.time] = _iso(
    _TIME, dt.time.fromisoformat, "be an ISO 8601 time of day (HH:MM:SS)"
)

TIME_SCHEMA: dict[str, Any] = {"type": "string", "pattern": "^" + _TIME.pattern + "$"}


def zone_name(zone: dt.tzinfo) -> str:
    """The stored name of a zone: its IANA key, or its fixed offset as ``+HH:MM``."""
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key:
        return key
    if isinstance(zone, dt.timezone):
        return _offset_text(zone.utcoffset(None))
    raise TypeError(
        "a zone must be a zoneinfo.ZoneInfo with a key or a datetime.timezone to be stored, "
        f"got {zone!r}"
    )


def _offset_text(offset: dt.timedelta) -> str:
    return dt.datetime(2000, 1, 1, tzinfo=dt.timezone(offset)).isoformat()[19:]


def dump_datetime(value: dt.datetime) -> str:
    zone = value.tzinfo
    key = getattr(zone, "key", None)
    if type(zone) is dt.timezone:
        return value.isoformat()
    if isinstance(key, str) and key:
        return f"{value.isoformat()}[{key}]"
    if zone is None:
        raise TypeError(f"a datetime must be timezone-aware to be stored, got {value!r}")
    raise TypeError(
        "a datetime's zone must be a zoneinfo.ZoneInfo with a key or a datetime.timezone "
        f"to be stored, got {value!r}"
    )


_OFFSET = r"[+-][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?"
_INSTANT = re.compile(
    r"(?P<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?"
    rf"(?P<offset>{_OFFSET}))(\[(?P<zone>[^\]\[]+)\])?"
)
_FIXED = re.compile(_OFFSET)


def lookup_zone(name: str) -> dt.tzinfo:
    zones = ZONES.get()
    if zones is None:
        raise _Bad(
            f"name a zone in the zones given (pass zones=zoneinfo.ZoneInfo to read {name!r})",
            name,
        )
    try:
        zone = zones[name] if isinstance(zones, Mapping) else zones(name)
    except Exception as err:
        raise _Bad("name a zone in the zones given", name) from err
    if not isinstance(zone, dt.tzinfo):
        raise _Bad("name a zone the zones given turn into a tzinfo", name)
    return zone


def load_zone(value: object, _: object = None) -> dt.tzinfo:
    if type(value) is not str:
        raise _Bad("be a zone's IANA name or a fixed offset (+HH:MM)", value)
    if _FIXED.fullmatch(value):
        return dt.datetime.fromisoformat("2000-01-01T00:00:00" + value).tzinfo  # type: ignore[return-value]  # it has an offset
    return lookup_zone(value)


ZONE_SCHEMA: dict[str, Any] = {"type": "string", "minLength": 1}


def load_datetime(value: object, _: object = None) -> dt.datetime:
    found = _INSTANT.fullmatch(value) if type(value) is str else None
    if found is None:
        raise _Bad("be an ISO 8601 date and time with an offset (RFC 9557)", value)
    try:
        fixed = dt.datetime.fromisoformat(found["local"])
    except ValueError:
        raise _Bad("be an ISO 8601 date and time with an offset (RFC 9557)", value) from None
    name = found["zone"]
    if name is None:
        return fixed
    zone = lookup_zone(name)
    local = fixed.replace(tzinfo=zone)
    offset = fixed.utcoffset()
    if local.utcoffset() == offset:
        return local
    other = local.replace(fold=1)
    if other.utcoffset() == offset:
        return other
    raise _Bad(f"have an offset {name} has at that local time", value)


DATETIME_SCHEMA: dict[str, Any] = {"type": "string", "pattern": "^" + _INSTANT.pattern + "$"}

# --------------------------------------------------------------------------- durations

_DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<days>[0-9]+)D)?"
    r"(?:T(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?(?:(?P<seconds>[0-9]+(?:\.[0-9]{1,6})?)S)?)?"
)


@functools.lru_cache(maxsize=256)  # a few durations recur (a panel's notice, a goal's target)
def dump_timedelta(value: dt.timedelta) -> str:
    sign = "-" if value < dt.timedelta(0) else ""
    size = -value if sign else value
    minutes, seconds = divmod(size.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if seconds or size.microseconds:
        clock += f"{seconds}.{size.microseconds:06d}S" if size.microseconds else f"{seconds}S"
    if not clock and not size.days:
        return "PT0S"
    days = f"{size.days}D" if size.days else ""
    return f"{sign}P{days}" + (f"T{clock}" if clock else "")


def load_timedelta(value: object, _: object = None) -> dt.timedelta:
    found = _DURATION.fullmatch(value) if isinstance(value, str) else None
    if found is None or value in {"P", "-P"} or str(value).endswith("T"):
        raise _Bad("be an ISO 8601 duration in days, hours, minutes and seconds (P1DT2H)", value)
    seconds = Fraction(found["seconds"] or 0)
    try:
        size = dt.timedelta(
            days=int(found["days"] or 0),
            hours=int(found["hours"] or 0),
            minutes=int(found["minutes"] or 0),
            seconds=int(seconds),
            microseconds=int((seconds - int(seconds)) * 1_000_000),
        )
    except OverflowError:
        raise _Bad("be a duration Python can hold (under a billion days)", value) from None
    return -size if found["sign"] else size


DURATION_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": "^" + _DURATION.pattern + "$",
}


def _ecma(pattern: str) -> str:
    # JSON Schema's patterns are ECMA-262 regular expressions: no Python group names.
    return re.sub(r"\?P<[a-z]+>", "?:", pattern)


for _schema in (DATETIME_SCHEMA, DURATION_SCHEMA):
    _schema["pattern"] = _ecma(_schema["pattern"])
