"""Ward maps of incidence, solved shares and hotspots, drawn as SVG for notebooks (no plotting dependency).

A `Choropleth` colours each area by its value in five classes of equal count (quantiles of
the values, so that each colour holds about a fifth of the areas), greys the areas with
no value, outlines the marked ones (hotspots) in black, and draws a legend with each
class's range.
"""

from __future__ import annotations

import html
import math
import textwrap
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import shapely
from attrs.validators import instance_of

from pact_core.crime.incidence import CRIME, Incidence, Unplaced
from pact_core.errors import InvalidCrime
from pact_core.geography import CoordinateSystem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from shapely.geometry.base import BaseGeometry

    from pact_core.crime.categories import Category, Month
    from pact_core.crime.hotspots import HotspotAnalysis
    from pact_core.crime.solved import SolvedShare

__all__ = ["Choropleth", "hotspot_map", "incidence_map", "solved_map"]

# ColorBrewer's YlOrRd, five classes (colorbrewer2.org, Cynthia Brewer, Apache 2.0).
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
_NO_VALUE = "#d9d9d9"
# The layout in pixels: the map's top, the legend's gap from the map, where its text
# starts, the margin below everything, the height of a line of text and of a swatch's row,
# where a swatch's label starts and its baseline; and the legend's width in characters. A
# pixel more or less changes no figure (a test holds the arrangement): no mutate.
_MAP_TOP, _GAP, _TOP, _MARGIN = 36, 16, 52, 16  # pragma: no mutate
_LINE, _ROW, _LABEL, _BASELINE, _WRAP = 16, 22, 26, 12, 34  # pragma: no mutate


def _to_values(
    value: Mapping[str, Fraction | int | None],
) -> tuple[tuple[str, Fraction | None], ...]:
    return tuple(
        sorted((str(k), None if v is None else Fraction(v)) for k, v in dict(value).items())
    )


def _to_geometries(value: Mapping[str, BaseGeometry]) -> tuple[tuple[str, BaseGeometry], ...]:
    items = []
    for key, shape in dict(value).items():
        if not isinstance(shape, shapely.Polygon | shapely.MultiPolygon) or shape.is_empty:
            raise InvalidCrime.must(
                f"geometries[{key!r}]", "be a non-empty Polygon or MultiPolygon", shape
            )
        items.append((str(key), shape))
    return tuple(sorted(items, key=lambda item: item[0]))


def _to_marked(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _number(value: Fraction, *, percent: bool = False) -> str:
    if percent:
        return f"{float(value) * 100:.1f} %"
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{float(value):.3g}"


@attrs.frozen(kw_only=True)
class Choropleth:
    """Areas coloured by a value, with a legend: `_repr_svg_` draws it in a notebook.

    Two pictures are equal when they say the same (title, legend, values, coordinates,
    hotspots marked): the shapes they are drawn on are not compared, as comparing large
    geometries coordinate by coordinate would cost more than the picture is worth.

    >>> from shapely import box
    >>> picture = Choropleth(title="Burglary, 2022", legend="crimes", values={"A": 3, "B": 12, "C": None},
    ...                      geometries={"A": box(0, 51, 0.1, 51.1), "B": box(0.1, 51, 0.2, 51.1), "C": box(0.2, 51, 0.3, 51.1)})
    >>> [(low, high) for low, high, _ in picture.classes()]
    [(Fraction(3, 1), Fraction(3, 1)), (Fraction(12, 1), Fraction(12, 1))]
    >>> picture._repr_svg_().startswith("<svg")
    True
    """

    title: str = attrs.field(validator=instance_of(str))
    legend: str = attrs.field(validator=instance_of(str))
    values: tuple[tuple[str, Fraction | None], ...] = attrs.field(converter=_to_values)
    geometries: tuple[tuple[str, BaseGeometry], ...] = attrs.field(
        converter=_to_geometries, eq=False, repr=False
    )
    marked: frozenset[str] = attrs.field(default=frozenset(), converter=_to_marked)
    coordinates: CoordinateSystem = attrs.field(
        default=CoordinateSystem.LONGITUDE_LATITUDE, validator=instance_of(CoordinateSystem)
    )
    percent: bool = attrs.field(default=False, validator=instance_of(bool))

    def classes(self) -> list[tuple[Fraction, Fraction, str]]:
        """The classes: (lowest, highest value, colour), at most five of about equal count, from the values present."""
        present = sorted({v for _, v in self.values if v is not None})
        if not present:
            return []
        k = min(len(PALETTE), len(present))
        edges = [present[(len(present) * i) // k] for i in range(k)]
        out = []
        for i, low in enumerate(edges):
            high = present[(len(present) * (i + 1)) // k - 1]
            colour = PALETTE[round(i * (len(PALETTE) - 1) / max(k - 1, 1))]
            out.append((low, high, colour))
        return out

    def colour(self, value: Fraction | None) -> str:
        """The fill of a value (grey for none)."""
        if value is None:
            return _NO_VALUE
        found = _NO_VALUE
        for low, _, colour in self.classes():
            if value >= low:
                found = colour
        return found

    def _range(self, low: Fraction, high: Fraction) -> str:
        first, last = _number(low, percent=self.percent), _number(high, percent=self.percent)
        return first if first == last else f"{first} to {last}"

    def _repr_svg_(self) -> str:
        shapes = dict(self.geometries)
        values = dict(self.values)
        if not shapes:
            return '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>'
        x0, y0, x1, y1 = shapely.union_all(list(shapes.values())).bounds
        width, height = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        squeeze = 1.0
        if self.coordinates is CoordinateSystem.LONGITUDE_LATITUDE:
            squeeze = math.cos(math.radians((y0 + y1) / 2))
        shown = width * squeeze
        map_width = 480.0
        map_height = min(map_width * height / shown, 640.0)
        stroke = max(width, height) / 1200
        paths = []
        for key, shape in shapes.items():
            value = values.get(key)
            title = html.escape(
                f"{key}: {'no data' if value is None else _number(value, percent=self.percent)}"
            )
            fill = shape.svg(scale_factor=stroke, fill_color=self.colour(value), opacity=1.0)
            paths.append(f"<g><title>{title}</title>{fill}</g>")
        paths.extend(
            line.svg(scale_factor=stroke * 1.5, stroke_color="#000000")
            for key in sorted(self.marked)
            if key in shapes
            for line in shapely.get_parts(shapes[key].boundary).tolist()
        )
        left = map_width + _GAP
        text = 'font-family="sans-serif" font-size="12"'
        legend = [
            f'<text x="8" y="20" font-family="sans-serif" font-size="15" font-weight="bold">{html.escape(self.title)}</text>'
        ]
        lines = textwrap.wrap(self.legend, _WRAP) or [""]
        legend.extend(
            f'<text x="{left}" y="{_TOP + _LINE * i}" {text}>{html.escape(line)}</text>'
            for i, line in enumerate(lines)
        )
        labels = [(colour, self._range(low, high)) for low, high, colour in self.classes()]
        if any(v is None for v in values.values()):
            labels.append((_NO_VALUE, "no data"))
        top = _TOP + _LINE * len(lines)
        for i, (colour, label) in enumerate(labels):
            y = top + _ROW * i
            legend.append(
                f'<rect x="{left}" y="{y}" width="18" height="16" fill="{colour}" stroke="#555555"/>'
            )
            legend.append(
                f'<text x="{left + _LABEL}" y="{y + _BASELINE}" {text}>{html.escape(label)}</text>'
            )
        if self.marked:
            y = top + _ROW * len(labels)
            legend.append(
                f'<rect x="{left}" y="{y}" width="18" height="16" fill="none" stroke="#000000" stroke-width="3"/>'
            )
            legend.append(f'<text x="{left + _LABEL}" y="{y + _BASELINE}" {text}>hotspot</text>')
        # The map or the legend's last row, the lower, and a margin below.
        rows = len(labels) + bool(self.marked)
        total_height = max(_MAP_TOP + map_height, top + _ROW * rows) + _MARGIN
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="760" height="{total_height:.0f}">'
            '<rect width="100%" height="100%" fill="#ffffff"/>'
            f'<svg x="0" y="{_MAP_TOP}" width="{map_width:.0f}" height="{map_height:.0f}" '
            f'viewBox="{x0 * squeeze} {-y1} {shown} {height}" preserveAspectRatio="xMidYMid meet">'
            f'<g transform="scale({squeeze},-1)">{"".join(paths)}</g></svg>'
            f"{''.join(legend)}</svg>"
        )


def incidence_map(
    counts: Incidence,
    geometries: Mapping[str, BaseGeometry],
    *,
    categories: Iterable[Category] = CRIME,
    months: Iterable[Month] | None = None,
    populations: Mapping[str, int] | None = None,
) -> Choropleth:
    """A map of each area's incidents (or, with *populations*, incidents per 1,000 residents).

    >>> from shapely import box
    >>> from pact_core.crime import CrimeTable, Month, incidence_in_places
    >>> counts = incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {"A": box(0, 51, 0.1, 51.1)})
    >>> incidence_map(counts, {"A": box(0, 51, 0.1, 51.1)}).values
    (('A', Fraction(0, 1)),)
    """
    wanted = tuple(categories)
    unplaced = {u.value for u in Unplaced}
    if populations is None:
        values: dict[str, Fraction | None] = {
            k: Fraction(v)
            for k, v in counts.by_area(months=months, categories=wanted).items()
            if k not in unplaced
        }
        legend = "incidents"
    else:
        rates = counts.rates(populations, months=months, categories=wanted)
        values = {k: rates.get(k) for k in counts.areas if k not in unplaced}
        legend = "incidents per 1,000 residents"
    kinds = "crime" if set(wanted) == CRIME else ", ".join(sorted(c.label for c in wanted))
    return Choropleth(
        title=f"{kinds.capitalize()} (police.uk, published {counts.publication})",
        legend=legend,
        values={k: v for k, v in values.items() if k in geometries},
        geometries=geometries,
    )


def solved_map(
    shares: Mapping[str, SolvedShare], geometries: Mapping[str, BaseGeometry]
) -> Choropleth:
    """A map of each area's solved share (grey where nothing is decided).

    >>> from shapely import box
    >>> from pact_core.crime import Month, SolvedShare
    >>> share = SolvedShare(solved=1, not_solved=3, pending=0, unknown=0, without=0, publication=Month(2022, 8), policy="p")
    >>> solved_map({"A": share}, {"A": box(0, 51, 0.1, 51.1)}).values
    (('A', Fraction(1, 4)),)
    """
    publications = {share.publication for share in shares.values()}
    policies = {share.policy for share in shares.values()}
    return Choropleth(
        title=f"Crimes solved (police.uk, published {', '.join(sorted(map(str, publications)))})",
        legend=f"solved share: {', '.join(sorted(policies))}",
        values={k: share.share for k, share in shares.items() if k in geometries},
        geometries=geometries,
        percent=True,
    )


def hotspot_map(analysis: HotspotAnalysis, geometries: Mapping[str, BaseGeometry]) -> Choropleth:
    """A map of each area's count, the hotspots outlined.

    >>> from shapely import box
    >>> from pact_core.crime import CrimeTable, Month, hotspots, incidence_in_places
    >>> counts = incidence_in_places(CrimeTable.from_crimes([], publication=Month(2022, 8)), {"A": box(0, 51, 0.1, 51.1)})
    >>> hotspot_map(hotspots(counts), {"A": box(0, 51, 0.1, 51.1)}).marked
    frozenset()
    """
    return Choropleth(
        title=f"Hotspots (police.uk, published {analysis.publication})",
        legend=f"incidents; outlined: above the force-wide rate ({analysis.correction.value}, alpha {analysis.alpha:g})",
        values={h.area: h.count for h in analysis.areas if h.area in geometries},
        geometries=geometries,
        marked={h.area for h in analysis.hotspots},
    )
