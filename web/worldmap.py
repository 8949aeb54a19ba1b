"""A world map drawn on the server as SVG, from Natural Earth's countries as published by
the npm package `world-atlas` (installed by `make install` and the Docker build, read
from node_modules; never copied into the repository).

The map works without JavaScript: each country is a link (keyboard-focusable) with a
<title> that says its name and figure, shaded in one of five classes; a legend says what
the classes mean. Pages put a table of the same figures beside it, as its text
alternative.

Countries are keyed by ISO 3166-1 alpha-2 code, as `kb.Country` is; the atlas gives ISO
numeric ids, mapped through pycountry (Kosovo, which has none, by name).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# The picture: the whole width of the projection; latitudes 84 N (the Arctic coasts) to
# 56 S (Cape Horn), Antarctica left out.
WIDTH, HEIGHT = 960, 420
TOP = 248  # where the equator falls
# Five classes, light to dark; the first is "none".
PALETTE = ("#eef1f4", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
NAMED_WITHOUT_ID = {"Kosovo": "XK"}
SKIPPED = {"010"}  # Antarctica: no diplomacy to shade, and a third of the picture


class MapDataMissing(RuntimeError):
    """The atlas is not installed (node_modules/world-atlas): run `make install`."""


@dataclass(frozen=True)
class Shape:
    code: str  # ISO alpha-2
    name: str
    path: str  # SVG path data, projected


def atlas_path() -> Path:
    return Path(settings.WORLD_ATLAS_PATH)


@lru_cache(maxsize=2)
def _shapes(path: str) -> tuple[Shape, ...]:
    import pycountry

    try:
        topology = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MapDataMissing(f"map data not found at {path}: run `make install`") from exc
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        name = geometry.get("properties", {}).get("name", "")
        if numeric in SKIPPED:
            continue
        if numeric:
            country = pycountry.countries.get(numeric=numeric)
            code = country.alpha_2 if country else ""
        else:
            code = NAMED_WITHOUT_ID.get(name, "")
        if not code:
            continue  # not a country Summitry knows (N. Cyprus, Somaliland)
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        d = " ".join(_path(ring) for ring in rings if len(ring) >= 3)
        shapes.append(Shape(code=code, name=name, path=d))
    return tuple(shapes)


def shapes() -> tuple[Shape, ...]:
    return _shapes(str(atlas_path()))


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc as (longitude, latitude) points (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring's points. One that crosses the antimeridian (a jump of more than half the
    globe between neighbours: Russia's far east, the Aleutians, Fiji) is moved whole to
    the side where most of it lies; the part beyond the edge is clipped by the picture,
    instead of a band drawn across the world."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:], strict=False)):
        east = sum(1 for lon, _ in points if lon > 0) >= len(points) / 2
        points = [
            (lon + 360 if east and lon < 0 else lon - 360 if not east and lon > 0 else lon, lat)
            for lon, lat in points
        ]
    return points


def _project(longitude: float, latitude: float) -> tuple[float, float]:
    """Natural Earth I (Šavrič et al., 2011; the polynomial d3-geo uses), scaled to the
    picture."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    scale = WIDTH / (2 * math.pi * 0.8707)
    return WIDTH / 2 + x * scale, TOP - y * scale


def _path(ring: list[tuple[float, float]]) -> str:
    head, *rest = (_project(lon, lat) for lon, lat in ring)
    return f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f"L{x:.1f},{y:.1f}" for x, y in rest) + "Z"


def classes(values: Mapping[str, int]) -> list[int]:
    """Upper bounds of the four shaded classes: evenly spaced on a log scale up to the
    largest figure, since a few countries host most meetings."""
    top = max((v for v in values.values() if v > 0), default=0)
    if top <= 0:
        return []
    bounds = []
    for step in range(1, 5):
        bound = max(1, round(math.exp(math.log(top) * step / 4)))
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def _shade(value: int, bounds: list[int]) -> str:
    if value <= 0 or not bounds:
        return PALETTE[0]
    for n, bound in enumerate(bounds, start=1):
        if value <= bound:
            return PALETTE[n if len(bounds) == 4 else min(n + 4 - len(bounds), 4)]
    return PALETTE[4]


def world_svg(
    values: Mapping[str, int],
    *,
    link: Callable[[str], str],
    label: str,
    unit: str = "meetings",
    title: str = "World map",
) -> SafeString:
    """The map, each country shaded by ``values[code]`` and linked to ``link(code)``.

    ``label`` describes the figure ("meetings hosted"); ``unit`` names one of it."""
    bounds = classes(values)
    parts = [
        format_html(
            '<svg class="world-map" viewBox="0 0 {} {}" role="group" aria-labelledby="map-title" '
            'xmlns="http://www.w3.org/2000/svg"><title id="map-title">{}</title>'
            '<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">',
            WIDTH,
            HEIGHT,
            title,
        )
    ]
    for shape in shapes():
        value = int(values.get(shape.code, 0) or 0)
        parts.append(
            format_html(
                '<a href="{}" class="country{}" data-code="{}"{}><path d="{}" fill="{}">'
                "<title>{}: {} {}</title></path></a>",
                link(shape.code),
                " has-value" if value else "",
                shape.code,
                # Only countries with something to show take the keyboard's focus: tabbing
                # through some 180 empty countries stood between a keyboard user and
                # everything after the map. They still answer a click.
                "" if value else mark_safe(' tabindex="-1"'),
                shape.path,
                _shade(value, bounds),
                shape.name,
                value,
                label,
            )
        )
    parts.append(mark_safe("</g></svg>"))
    return mark_safe("".join(parts))


def legend(values: Mapping[str, int], *, unit: str = "meetings") -> list[tuple[str, str]]:
    """(colour, what it means) for each class in use, lightest first."""
    bounds = classes(values)
    rows = [(PALETTE[0], f"no {escape(unit)}")]
    low = 1
    for bound in bounds:
        rows.append((_shade(bound, bounds), f"{low}" if low == bound else f"{low}–{bound}"))
        low = bound + 1
    return rows
