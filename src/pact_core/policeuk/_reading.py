"""Reading police.uk JSON: every problem collected with its path, HTML turned into plain text and back (private)."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from attrs.validators import deep_iterable, instance_of, optional

from pact_core._validation import require_int
from pact_core.errors import ExceptionGroup, InvalidPoliceData
from pact_core.intervals import aware

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr"}
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[""]]

    def _break(self) -> None:
        if self.paragraphs[-1] != [""]:
            self.paragraphs.append([""])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.paragraphs[-1].append("")
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        self.paragraphs[-1][-1] += data


def _tidy(lines: list[str]) -> str:
    kept = [" ".join(line.split()) for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept)


def html_to_text(value: str) -> str:
    r"""Plain text from police.uk's HTML: paragraphs apart by a blank line, ``<br>`` a line break, entities decoded.

    Text without a tag is taken as plain text (entities decoded, its lines kept).

    >>> html_to_text("<p>Drugs &amp; street drinking<br />\nin Museum Square.</p>\n<p>Thank you.</p>")
    'Drugs & street drinking\nin Museum Square.\n\nThank you.'
    """
    if not isinstance(value, str):
        raise TypeError(f"value must be a str, got {value!r}")
    if not _TAG.search(value):
        paragraphs = re.split(r"\n\s*\n", html.unescape(value))
    else:
        parser = _Text()
        parser.feed(value)
        parser.close()
        paragraphs = [_tidy(lines) for lines in parser.paragraphs]
        return "\n\n".join(p for p in paragraphs if p)
    return "\n\n".join(p for p in (_tidy(p.split("\n")) for p in paragraphs) if p)


def text_to_html(value: str) -> str:
    r"""police.uk's HTML for plain text: each paragraph in ``<p>``, each line break a ``<br />``, everything escaped.

    >>> text_to_html("Drugs & street drinking\nin Museum Square.\n\nThank you.")
    '<p>Drugs &amp; street drinking<br />\nin Museum Square.</p>\n<p>Thank you.</p>'
    """
    if not isinstance(value, str):
        raise TypeError(f"value must be a str, got {value!r}")
    paragraphs = [p for p in (_tidy(p.split("\n")) for p in re.split(r"\n\s*\n", value)) if p]
    return "\n".join(
        "<p>" + "<br />\n".join(html.escape(line, quote=False) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


def key(path: str, name: str | int) -> str:
    """The path of a field or item inside *path*: ``[3]["issue-date"]``."""
    return f"{path}[{name}]" if isinstance(name, int) else f'{path}["{name}"]'


class Reader:
    """Reads fields, collecting a problem for each bad one; `done` raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[InvalidPoliceData] = []

    def fail(self, path: str, rule: str, value: object) -> None:
        text = repr(value)
        if len(text) > 80:
            text = text[:77] + "..."
        self.problems.append(
            InvalidPoliceData(
                f"{path} must {rule}, got {text}", field=path, rule=rule, value=value, path=path
            )
        )

    def mapping(self, value: object, path: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.fail(path or "answer", "be a JSON object", value)
        return None

    def items(self, value: object, path: str) -> list[Any]:
        if isinstance(value, list | tuple):
            return list(value)
        self.fail(path or "answer", "be a JSON array", value)
        return []

    def text(
        self,
        data: Mapping[str, Any],
        name: str,
        path: str,
        *,
        required: bool = True,
        markup: bool = False,
    ) -> str | None:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.fail(key(path, name), "be a non-empty string", value)
            return None
        if not isinstance(value, str):
            self.fail(key(path, name), "be a string", value)
            return None
        text = html_to_text(value) if markup else " ".join(html.unescape(value).split())
        if not text and required:
            self.fail(key(path, name), "have some text", value)
        return text or None

    def number(
        self, data: Mapping[str, Any], name: str, path: str, *, required: bool = True
    ) -> float | None:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.fail(key(path, name), "be a number", value)
            return None
        try:
            number = (
                float(value)
                if isinstance(value, str | int | float) and not isinstance(value, bool)
                else math.nan
            )
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            self.fail(key(path, name), "be a finite number", value)
            return None
        return number

    def count(self, data: Mapping[str, Any], name: str, path: str) -> int | None:
        value = data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.fail(key(path, name), "be a whole number, as a string", value)
        return None

    def instant(
        self, data: Mapping[str, Any], name: str, path: str, tz: dt.tzinfo, *, required: bool = True
    ) -> dt.datetime | None:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.fail(key(path, name), "be an ISO 8601 date and time", value)
            return None
        try:
            instant = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            instant = None
        if instant is None:
            self.fail(key(path, name), "be an ISO 8601 date and time", value)
            return None
        return instant if instant.tzinfo is not None else instant.replace(tzinfo=tz)

    def pairs(self, data: Mapping[str, Any], name: str, path: str) -> tuple[tuple[str, str], ...]:
        value = data.get(name)
        if value is None or value in ([], {}):
            return ()
        found = self.mapping(value, key(path, name))
        if found is None:
            return ()
        pairs = []
        for kind, detail in found.items():
            if detail is None or detail == "":
                continue
            if not isinstance(detail, str):
                self.fail(key(key(path, name), kind), "be a string", detail)
                continue
            pairs.append((str(kind), detail))
        return tuple(sorted(pairs))

    def done(self, what: str) -> None:
        if self.problems:
            raise ExceptionGroup(
                f"{len(self.problems)} problems reading {what}", list(self.problems)
            )


def local_text(instant: dt.datetime, tz: dt.tzinfo) -> str:
    """The instant as police.uk writes it: local wall-clock time in *tz*, without an offset."""
    return instant.astimezone(tz).replace(tzinfo=None).isoformat()


def number_text(value: float) -> str:
    """A coordinate as police.uk writes it: a decimal string that reads back to the same float."""
    return repr(float(value))


# ----------------------------------------------------------------------------- the values' fields
# Values built in code are checked as those read from police.uk are: each field its type.


def _finite(instance: object, attribute: Any, value: object) -> None:  # noqa: ANN401
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{attribute.name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise InvalidPoliceData.must(attribute.name, "be a finite number", value)


def _count(instance: object, attribute: Any, value: object) -> None:  # noqa: ANN401
    require_int(value, field=attribute.name)
    if value < 0:  # type: ignore[operator]
        raise InvalidPoliceData.must(attribute.name, "not be negative", value)


def _pairs(instance: object, attribute: Any, value: object) -> None:  # noqa: ANN401
    if not isinstance(value, tuple) or not all(
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
        for pair in value
    ):
        raise TypeError(f"{attribute.name} must be a tuple of (str, str) pairs, got {value!r}")


def _point(instance: object, attribute: Any, value: object) -> None:  # noqa: ANN401
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"{attribute.name} must be a (latitude, longitude) tuple, got {value!r}")
    for part in value:
        _finite(instance, attribute, part)


TEXT = instance_of(str)
MAYBE_TEXT = optional(instance_of(str))
WHEN = aware
MAYBE_WHEN = optional(aware)
# Typed Any, so that each field keeps the type it is annotated with.
MAYBE_NUMBER: Any = optional(_finite)
MAYBE_COUNT: Any = optional(_count)
PAIRS: Any = _pairs
MAYBE_POINT: Any = optional(_point)


def items(kind: type) -> Any:  # noqa: ANN401 - an attrs validator
    """A tuple of *kind* values."""
    return deep_iterable(member_validator=instance_of(kind), iterable_validator=instance_of(tuple))
