"""Strategies for the police.uk values: priorities, events and neighbourhood details whose text survives HTML."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from pact_core.policeuk import (
    NeighbourhoodDetails,
    Place,
    PoliceEvent,
    PoliceLink,
    PolicePriority,
    html_to_text,
)

__all__ = ["neighbourhood_details", "police_events", "police_priorities"]

_LONDON_NAIVE = st.datetimes(min_value=dt.datetime(2010, 1, 1), max_value=dt.datetime(2030, 12, 31))  # noqa: DTZ001 - hypothesis's bounds are naive


def _texts(*, min_size: int = 1) -> st.SearchStrategy[str]:
    """Plain text as pact_core reads it from HTML: printable, with HTML's special characters, paragraphs and line breaks."""
    words = st.text(
        st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=12
    ) | st.sampled_from(["&", "<p>", "a < b", "&amp;", '"quoted"', "it's"])
    lines = st.lists(words, min_size=1, max_size=6).map(" ".join)
    paragraphs = st.lists(lines, min_size=1, max_size=3).map("\n".join)
    return (
        st.lists(paragraphs, min_size=min_size, max_size=3)
        .map("\n\n".join)
        .map(html_to_text)
        .filter(bool)
    )


def _utc(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=dt.timezone.utc)


def police_priorities() -> st.SearchStrategy[PolicePriority]:
    """Generate police.uk priorities: an issue, its date, and an action and its date or neither (UTC instants).

    >>> from hypothesis import find
    >>> find(police_priorities(), lambda p: True).action is None
    True
    """

    @st.composite
    def build(draw: st.DrawFn) -> PolicePriority:
        issued = _utc(draw(_LONDON_NAIVE))
        acted = draw(st.none() | st.integers(0, 400).map(lambda d: issued + dt.timedelta(days=d)))
        return PolicePriority(issue=draw(_texts()), issue_date=issued,
                              action=None if acted is None else draw(_texts()), action_date=acted)  # fmt: skip

    return build()


def police_events() -> st.SearchStrategy[PoliceEvent]:
    """Generate police.uk events: a title, an optional type, description and address, a start and perhaps an end.

    >>> from hypothesis import find
    >>> find(police_events(), lambda e: True).end is None
    True
    """

    @st.composite
    def build(draw: st.DrawFn) -> PoliceEvent:
        start = _utc(draw(_LONDON_NAIVE))
        end = draw(st.none() | st.integers(0, 600).map(lambda m: start + dt.timedelta(minutes=m)))
        one_line = _texts().map(lambda t: " ".join(t.split()))
        return PoliceEvent(title=draw(one_line), type=draw(st.none() | st.sampled_from(["meeting", "surgery"])),
                           description=draw(st.none() | _texts()), address=draw(st.none() | one_line),
                           contact_details=draw(st.sampled_from([(), (("telephone", "101"),)])), start=start, end=end)  # fmt: skip

    return build()


def neighbourhood_details() -> st.SearchStrategy[NeighbourhoodDetails]:
    """Generate neighbourhood details with names and descriptions full of HTML's special characters.

    >>> from hypothesis import find
    >>> find(neighbourhood_details(), lambda n: True).population is None
    True
    """
    one_line = _texts().map(lambda t: " ".join(t.split()))
    coordinate = st.floats(-1.5, 1.5, allow_nan=False)
    place = st.builds(
        Place, name=one_line, address=st.none() | one_line, postcode=st.none() | st.just("ME2 4AA"),
        type=st.none() | st.just("station"), latitude=st.none(), longitude=st.none(), description=st.none() | _texts(),
    )  # fmt: skip
    located = st.builds(
        lambda p, lat, lon: Place(name=p.name, address=p.address, postcode=p.postcode, type=p.type,
                                  latitude=51 + lat, longitude=lon, description=p.description),
        place, coordinate, coordinate,
    )  # fmt: skip
    link = st.builds(
        PoliceLink,
        url=st.just("https://www.medway.gov.uk/"),
        title=one_line,
        description=st.none() | _texts(),
    )
    return st.builds(
        NeighbourhoodDetails,
        id=st.sampled_from(["NC04", "KENT-STROOD"]),
        name=one_line,
        description=st.none() | _texts(),
        url_force=st.none() | st.just("https://www.kent.police.uk/"),
        population=st.none() | st.integers(0, 100_000),
        contact_details=st.sampled_from(
            [(), (("email", "strood@kent.police.uk"), ("telephone", "101"))]
        ),
        centre=st.none() | st.tuples(coordinate.map(lambda v: 51 + v), coordinate),
        locations=st.lists(place | located, max_size=2).map(tuple),
        links=st.lists(link, max_size=2).map(tuple),
    )
