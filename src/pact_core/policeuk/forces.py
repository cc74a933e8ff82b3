"""Forces, neighbourhoods and locate-neighbourhood answers in the police.uk shapes.

Each value reads the police.uk JSON (already parsed by the caller) with `from_policeuk`
and writes it back with `to_policeuk`. Reading reports every bad field at once, each an
`pact_core.errors.InvalidPoliceData` naming its JSON path. Names come in with HTML
entities (``Leake &amp; Keyworth``) and descriptions as HTML: both are read as plain text,
and written back escaped.
"""

from __future__ import annotations

import html
from typing import Any, TypeVar

import attrs

from pact_core.policeuk._reading import (
    MAYBE_COUNT,
    MAYBE_NUMBER,
    MAYBE_POINT,
    MAYBE_TEXT,
    PAIRS,
    TEXT,
    Reader,
    items,
    key,
    number_text,
    text_to_html,
)

__all__ = [
    "EngagementMethod",
    "Force",
    "ForceReference",
    "LocatedNeighbourhood",
    "NeighbourhoodDetails",
    "NeighbourhoodReference",
    "Place",
    "PoliceLink",
    "forces_from_policeuk",
    "neighbourhoods_from_policeuk",
]


def _escape(value: str | None) -> str | None:
    return None if value is None else html.escape(value, quote=False)


def _reference(reader: Reader, data: object, path: str) -> dict[str, Any]:
    found = reader.mapping(data, path)
    if found is None:
        return {"id": "", "name": ""}
    return {
        "id": reader.text(found, "id", path) or "",
        "name": reader.text(found, "name", path) or "",
    }


_R = TypeVar("_R", bound="_Reference")


@attrs.frozen(kw_only=True)
class _Reference:
    """An ``{id, name}`` item of a police.uk list."""

    id: str = attrs.field(validator=TEXT)
    name: str = attrs.field(validator=TEXT)

    @classmethod
    def from_policeuk(cls: type[_R], data: object) -> _R:
        """Read one ``{id, name}`` object."""
        reader = Reader()
        found = _reference(reader, data, "")
        reader.done(f"a {cls.__name__}")
        return cls(**found)

    @classmethod
    def _many(cls: type[_R], data: object, what: str) -> tuple[_R, ...]:
        reader = Reader()
        found = [
            _reference(reader, item, key("", n)) for n, item in enumerate(reader.items(data, ""))
        ]
        reader.done(what)
        return tuple(cls(**item) for item in found)

    def to_policeuk(self) -> dict[str, Any]:
        """The ``{id, name}`` object, the name escaped."""
        return {"id": self.id, "name": _escape(self.name)}


# No fields of its own: those it inherits take keywords alone, so kw_only may be either.
@attrs.frozen(kw_only=True)  # pragma: no mutate
class ForceReference(_Reference):
    """One force of ``/forces``: its id and name (`from_policeuk`, `to_policeuk`).

    >>> ForceReference.from_policeuk({"id": "avon-and-somerset", "name": "Avon and Somerset Constabulary"}).name
    'Avon and Somerset Constabulary'
    """


# As ForceReference: no fields of its own (no mutate).
@attrs.frozen(kw_only=True)  # pragma: no mutate
class NeighbourhoodReference(_Reference):
    """One neighbourhood of ``/{force}/neighbourhoods``: its id and name (`from_policeuk`, `to_policeuk`).

    >>> NeighbourhoodReference.from_policeuk({"id": "NC04", "name": "City Centre"}).id
    'NC04'
    """


def forces_from_policeuk(data: object) -> tuple[ForceReference, ...]:
    """Read the ``/forces`` list, every bad field reported at once.

    >>> [f.id for f in forces_from_policeuk([{"id": "kent", "name": "Kent Police"}])]
    ['kent']
    """
    return ForceReference._many(data, "the forces")


def neighbourhoods_from_policeuk(data: object) -> tuple[NeighbourhoodReference, ...]:
    """Read the ``/{force}/neighbourhoods`` list, every bad field reported at once.

    >>> [n.name for n in neighbourhoods_from_policeuk([{"id": "NC04", "name": "City Centre"}, {"id": "N1", "name": "Leake &amp; Keyworth"}])]
    ['City Centre', 'Leake & Keyworth']
    """
    return NeighbourhoodReference._many(data, "the neighbourhoods")


@attrs.frozen(kw_only=True)
class EngagementMethod:
    """One way to reach a force: a title, and a URL or a description (a telephone number, say).

    >>> EngagementMethod(title="telephone", url=None, description="0116 222 2222").description
    '0116 222 2222'
    """

    title: str = attrs.field(validator=TEXT)
    url: str | None = attrs.field(validator=MAYBE_TEXT)
    description: str | None = attrs.field(validator=MAYBE_TEXT)


@attrs.frozen(kw_only=True)
class Force:
    """A force, as ``/forces/{force}`` describes it: its description as plain text.

    >>> force = Force.from_policeuk({"id": "kent", "name": "Kent Police", "url": "", "telephone": "101",
    ...                              "description": "<p>Policing Kent &amp; Medway</p>", "engagement_methods": []})
    >>> force.description, force.url, force.to_policeuk()["description"]
    ('Policing Kent & Medway', None, '<p>Policing Kent &amp; Medway</p>')
    """

    id: str = attrs.field(validator=TEXT)
    name: str = attrs.field(validator=TEXT)
    url: str | None = attrs.field(validator=MAYBE_TEXT)
    telephone: str | None = attrs.field(validator=MAYBE_TEXT)
    description: str | None = attrs.field(validator=MAYBE_TEXT)
    engagement_methods: tuple[EngagementMethod, ...] = attrs.field(
        validator=items(EngagementMethod)
    )

    @classmethod
    def from_policeuk(cls, data: object) -> Force:
        """Read a ``/forces/{force}`` answer."""
        reader = Reader()
        found = reader.mapping(data, "")
        fields: dict[str, Any] = {
            "id": "",
            "name": "",
            "url": None,
            "telephone": None,
            "description": None,
            "engagement_methods": (),
        }
        if found is not None:
            fields.update(_reference(reader, found, ""))
            fields["url"] = reader.text(found, "url", "", required=False)
            fields["telephone"] = reader.text(found, "telephone", "", required=False)
            fields["description"] = reader.text(
                found, "description", "", required=False, markup=True
            )
            methods = []
            for n, item in enumerate(
                reader.items(found.get("engagement_methods") or [], key("", "engagement_methods"))
            ):
                path = key(key("", "engagement_methods"), n)
                method = reader.mapping(item, path)
                if method is not None:
                    methods.append(EngagementMethod(
                        title=reader.text(method, "title", path) or "",
                        url=reader.text(method, "url", path, required=False),
                        description=reader.text(method, "description", path, required=False, markup=True),
                    ))  # fmt: skip
            fields["engagement_methods"] = tuple(methods)
        reader.done("a force")
        return cls(**fields)

    def to_policeuk(self) -> dict[str, Any]:
        """The ``/forces/{force}`` shape, text escaped as HTML."""
        return {
            "id": self.id,
            "name": _escape(self.name),
            "url": self.url or "",
            "telephone": self.telephone or "",
            "description": text_to_html(self.description) if self.description else None,
            "engagement_methods": [
                {"title": _escape(m.title), "url": m.url or "",
                 "description": text_to_html(m.description) if m.description else None}
                for m in self.engagement_methods
            ],
        }  # fmt: skip


@attrs.frozen(kw_only=True)
class Place:
    """A place a neighbourhood lists: a police station, a surgery, an office; coordinates when given.

    >>> Place(name="Mansfield House", address="74 Belgrave Gate, Leicester", postcode="LE1 3GG", type="station",
    ...       latitude=None, longitude=None, description=None).type
    'station'
    """

    name: str = attrs.field(validator=TEXT)
    address: str | None = attrs.field(validator=MAYBE_TEXT)
    postcode: str | None = attrs.field(validator=MAYBE_TEXT)
    type: str | None = attrs.field(validator=MAYBE_TEXT)
    latitude: float | None = attrs.field(validator=MAYBE_NUMBER)
    longitude: float | None = attrs.field(validator=MAYBE_NUMBER)
    description: str | None = attrs.field(validator=MAYBE_TEXT)


@attrs.frozen(kw_only=True)
class PoliceLink:
    """A link a neighbourhood lists.

    >>> PoliceLink(url="http://www.leicester.gov.uk/", title="Leicester City Council", description=None).title
    'Leicester City Council'
    """

    url: str = attrs.field(validator=TEXT)
    title: str = attrs.field(validator=TEXT)
    description: str | None = attrs.field(validator=MAYBE_TEXT)


def _place(reader: Reader, data: object, path: str) -> Place | None:
    found = reader.mapping(data, path)
    if found is None:
        return None
    latitude = reader.number(found, "latitude", path, required=False)
    longitude = reader.number(found, "longitude", path, required=False)
    if (latitude is None) != (longitude is None):
        reader.fail(path, "give both latitude and longitude, or neither", dict(found))
    return Place(
        name=reader.text(found, "name", path) or "",
        address=reader.text(found, "address", path, required=False),
        postcode=reader.text(found, "postcode", path, required=False),
        type=reader.text(found, "type", path, required=False),
        latitude=latitude,
        longitude=longitude,
        description=reader.text(found, "description", path, required=False, markup=True),
    )


@attrs.frozen(kw_only=True)
class NeighbourhoodDetails:
    """A neighbourhood, as ``/{force}/{neighbourhood}`` describes it.

    The name's HTML entities are decoded and the description is plain text; an empty
    force URL is None; the population, sent as a string, is a number (None when absent);
    the centre is (latitude, longitude).

    >>> details = NeighbourhoodDetails.from_policeuk({"id": "NC04", "name": "Leake &amp; Keyworth", "population": "1000",
    ...     "url_force": "", "description": "<p>Villages</p>", "centre": {"latitude": "52.6389", "longitude": "-1.13619"},
    ...     "contact_details": {}, "locations": [], "links": []})
    >>> details.name, details.population, details.centre, details.url_force
    ('Leake & Keyworth', 1000, (52.6389, -1.13619), None)
    """

    id: str = attrs.field(validator=TEXT)
    name: str = attrs.field(validator=TEXT)
    description: str | None = attrs.field(validator=MAYBE_TEXT)
    url_force: str | None = attrs.field(validator=MAYBE_TEXT)
    population: int | None = attrs.field(validator=MAYBE_COUNT)
    contact_details: tuple[tuple[str, str], ...] = attrs.field(validator=PAIRS)
    centre: tuple[float, float] | None = attrs.field(validator=MAYBE_POINT)
    locations: tuple[Place, ...] = attrs.field(validator=items(Place))
    links: tuple[PoliceLink, ...] = attrs.field(validator=items(PoliceLink))

    @classmethod
    def from_policeuk(cls, data: object) -> NeighbourhoodDetails:
        """Read a ``/{force}/{neighbourhood}`` answer, every bad field reported at once."""
        reader = Reader()
        found = reader.mapping(data, "") or {}
        centre = None
        where = found.get("centre")
        if where is not None:
            point = reader.mapping(where, key("", "centre"))
            if point is not None:
                lat = reader.number(point, "latitude", key("", "centre"))
                lon = reader.number(point, "longitude", key("", "centre"))
                # Either missing is a problem the reader has noted already: no mutate.
                both = lat is not None and lon is not None  # pragma: no mutate
                centre = (lat, lon) if both else None
        places = [_place(reader, item, key(key("", "locations"), n))
                  for n, item in enumerate(reader.items(found.get("locations") or [], key("", "locations")))]  # fmt: skip
        links = []
        for n, item in enumerate(reader.items(found.get("links") or [], key("", "links"))):
            path = key(key("", "links"), n)
            link = reader.mapping(item, path)
            if link is not None:
                links.append(PoliceLink(url=reader.text(link, "url", path) or "", title=reader.text(link, "title", path) or "",
                                        description=reader.text(link, "description", path, required=False, markup=True)))  # fmt: skip
        fields = {
            **(_reference(reader, found, "") if found else {"id": "", "name": ""}),
            "description": reader.text(found, "description", "", required=False, markup=True),
            "url_force": reader.text(found, "url_force", "", required=False),
            "population": reader.count(found, "population", ""),
            "contact_details": reader.pairs(found, "contact_details", ""),
            "centre": centre,
            "locations": tuple(p for p in places if p is not None),
            "links": tuple(links),
        }
        reader.done("a neighbourhood")
        return cls(**fields)

    def to_policeuk(self) -> dict[str, Any]:
        """The ``/{force}/{neighbourhood}`` shape: numbers as strings, text escaped as HTML."""
        return {
            "id": self.id,
            "name": _escape(self.name),
            "description": text_to_html(self.description) if self.description else None,
            "url_force": self.url_force or "",
            "population": None if self.population is None else str(self.population),
            "contact_details": dict(self.contact_details),
            "centre": None if self.centre is None else {"latitude": number_text(self.centre[0]), "longitude": number_text(self.centre[1])},
            "locations": [
                {"name": _escape(p.name), "address": _escape(p.address), "postcode": p.postcode, "type": p.type,
                 "latitude": None if p.latitude is None else number_text(p.latitude),
                 "longitude": None if p.longitude is None else number_text(p.longitude),
                 "description": text_to_html(p.description) if p.description else None}
                for p in self.locations
            ],
            "links": [{"url": link.url, "title": _escape(link.title),
                       "description": text_to_html(link.description) if link.description else None} for link in self.links],
        }  # fmt: skip


@attrs.frozen(kw_only=True)
class LocatedNeighbourhood:
    """A ``/locate-neighbourhood`` answer: the force and neighbourhood a point is in.

    >>> LocatedNeighbourhood.from_policeuk({"force": "metropolitan", "neighbourhood": "00BKX6"}).neighbourhood
    '00BKX6'
    """

    force: str = attrs.field(validator=TEXT)
    neighbourhood: str = attrs.field(validator=TEXT)

    @classmethod
    def from_policeuk(cls, data: object) -> LocatedNeighbourhood:
        """Read a ``{force, neighbourhood}`` answer."""
        reader = Reader()
        found = reader.mapping(data, "") or {}
        force = reader.text(found, "force", "") if found else None
        neighbourhood = reader.text(found, "neighbourhood", "") if found else None
        reader.done("a located neighbourhood")
        return cls(force=force or "", neighbourhood=neighbourhood or "")

    @classmethod
    def from_location(cls, location: Any, *, force: str) -> LocatedNeighbourhood | None:  # noqa: ANN401 - a geography.Location, typed loosely to keep shapely out of this import
        """The answer police.uk would give for a `pact_core.geography.WardLocator` answer: None outside every neighbourhood.

        A point on a boundary takes the neighbourhood the locator chose (the lowest ward code's).

        >>> from pact_core.geography import Location, LocationStatus, WardCode
        >>> inside = Location(ward=WardCode("E05014467"), neighbourhood="Strood", status=LocationStatus.INSIDE)
        >>> LocatedNeighbourhood.from_location(inside, force="kent")
        LocatedNeighbourhood(force='kent', neighbourhood='Strood')
        """
        neighbourhood = getattr(location, "neighbourhood", None)
        if neighbourhood is None:
            return None
        return cls(force=force, neighbourhood=neighbourhood)

    def matches(self, location: Any, *, force: str) -> bool:  # noqa: ANN401 - as from_location
        """Whether a `WardLocator` answer agrees with police.uk: same force and one of the point's neighbourhoods.

        >>> from pact_core.geography import Location, LocationStatus, WardCode
        >>> LocatedNeighbourhood(force="kent", neighbourhood="Strood").matches(
        ...     Location(ward=WardCode("E05014467"), neighbourhood="Strood", status=LocationStatus.INSIDE), force="kent")
        True
        """
        candidates = {n for _, n in getattr(location, "candidates", ())} | {
            getattr(location, "neighbourhood", None)
        }
        return force == self.force and self.neighbourhood in candidates

    def to_policeuk(self) -> dict[str, str]:
        """The ``{force, neighbourhood}`` answer."""
        return {"force": self.force, "neighbourhood": self.neighbourhood}
