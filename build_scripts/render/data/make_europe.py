"""Generate ``europe.json``, the country outlines drawn by ``build_scripts/render/map_svg.py``.

Run once, by hand; the project reads only the committed JSON::

    mkdir -p /tmp/atlas && cd /tmp/atlas && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 -m venv /tmp/placesvenv && /tmp/placesvenv/bin/pip install pycountry==26.2.16
    /tmp/placesvenv/bin/python build_scripts/render/data/make_europe.py /tmp/atlas/package/countries-110m.json

Source: ``countries-110m.json`` of the npm package world-atlas 2.0.2 (ISC
licence, Mike Bostock), which is Natural Earth's 1:110m Admin 0 countries
(public domain) as TopoJSON with ISO 3166-1 *numeric* ids. pycountry maps the
ids to alpha-2. Three features have no id: Kosovo becomes "xk" (the
user-assigned code in common use), "N. Cyprus" is drawn as part of Cyprus
("cy", the internationally recognised state) and Somaliland (outside the
window) as part of Somalia. Natural Earth draws Crimea as Russia (its de facto
view); here it is drawn as part of Ukraine, as internationally recognised.
Polygons given to one code that share a
border are merged (outline of the union), so no border line is drawn inside
Cyprus or across the Perekop isthmus. The 1:110m data has no Andorra, Liechtenstein,
Malta, Monaco, San Marino or Vatican City.

Steps: decode the TopoJSON arcs here (quantized, delta-encoded; no topojson
library), make rings that cross the antimeridian continuous (Chukotka), clip every ring
to a rectangle a little larger than the map window (lon -25..60, lat 34..72)
so nothing spills far past the viewBox (Russia is cut at lon 62), keep every country with land inside the
window (a superset of
the "centroid in the window" rule, so that the map has no holes: Kazakhstan,
Algeria and Iran are drawn at the edges), project equirectangularly with
x = (lon - LON0) * cos(55 deg), y = -lat, round to 0.1 and write one SVG path
``d`` per country (alpha-2, sorted). Same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent / "europe.json"

WINDOW = (-25.0, 34.0, 60.0, 72.0)  # lon_min, lat_min, lon_max, lat_max shown
CLIP = (-27.0, 32.0, 62.0, 74.0)  # a margin beyond it, so clip edges stay unseen
LON0 = (WINDOW[0] + WINDOW[2]) / 2
KX = math.cos(math.radians(55))
UNNAMED = {"Kosovo": "xk", "N. Cyprus": "cy", "Somaliland": "so"}
CRIMEA = (32.0, 44.0, 37.0, 46.5)  # lon/lat box holding the Crimea polygon

Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute lon/lat arcs from quantized, delta-encoded TopoJSON arcs."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs into a ring; a negative index ~i is arc i reversed."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: Ring) -> Ring:
    """Make a ring that crosses the antimeridian continuous (lon past 180).

    Russia's Chukotka ring jumps from 178.6 to -180; drawn as is it would
    cross the whole map. Shifted to 180..190 it falls outside the clip box.
    """
    result: Ring = []
    offset = 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon + offset - result[-1][0]
            if step > 180:
                offset -= 360
            elif step < -180:
                offset += 360
        result.append((lon + offset, lat))
    return result


# A polygon as TopoJSON holds it: rings (outer first) of arc indexes.
ArcPolygon = list[list[int]]


def arc_polygons(geometry: dict) -> list[ArcPolygon]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _arc_id(index: int) -> int:
    return index if index >= 0 else ~index


def _bbox(polygon: ArcPolygon, arcs: list[list[Point]]) -> tuple[float, float, float, float]:
    points = [p for index in polygon[0] for p in arcs[_arc_id(index)]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def stitch(rings: list[list[int]], arcs: list[list[Point]]) -> list[list[int]]:
    """Outer rings of neighbouring polygons joined into one: drop shared arcs.

    Neighbours in a topology share arcs (one walks arc i, the other ~i). The
    arcs used once are the outline of the union; chain them end to start.
    """
    uses: dict[int, int] = {}
    for ring_ in rings:
        for index in ring_:
            uses[_arc_id(index)] = uses.get(_arc_id(index), 0) + 1
    free = [index for ring_ in rings for index in ring_ if uses[_arc_id(index)] == 1]

    def first(index: int) -> Point:
        return arcs[index][0] if index >= 0 else arcs[~index][-1]

    def last(index: int) -> Point:
        return arcs[index][-1] if index >= 0 else arcs[~index][0]

    result = []
    while free:
        chain = [free.pop(0)]
        while last(chain[-1]) != first(chain[0]):
            following = next(i for i in free if first(i) == last(chain[-1]))
            free.remove(following)
            chain.append(following)
        result.append(chain)
    return result


def merge_neighbours(polygons: list[ArcPolygon], arcs: list[list[Point]]) -> list[ArcPolygon]:
    """Polygons of one country that share an arc become one polygon."""
    merged: list[ArcPolygon] = []
    for polygon in polygons:
        ids = {_arc_id(i) for i in polygon[0]}
        partners = [m for m in merged if ids & {_arc_id(i) for i in m[0]}]
        for partner in partners:
            merged.remove(partner)
        if partners:
            group = [polygon] + partners
            outers = stitch([p[0] for p in group], arcs)
            holes = [r for p in group for r in p[1:]]
            polygon = outers[:1] + outers[1:] + holes
        merged.append(polygon)
    return merged


def in_box(bbox: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= bbox[0] and box[1] <= bbox[1] and bbox[2] <= box[2] and bbox[3] <= box[3]


def clip(points: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of a ring to an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda p, q: _at_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _at_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _at_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _at_y(p, q, y1)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result: Ring = []
        prev = points[-1]
        for point in points:
            if inside(point):
                if not inside(prev):
                    result.append(cross(prev, point))
                result.append(point)
            elif inside(prev):
                result.append(cross(prev, point))
            prev = point
        points = result
    return points


def _at_x(p: Point, q: Point, x: float) -> Point:
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _at_y(p: Point, q: Point, y: float) -> Point:
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def overlaps_window(points: Ring) -> bool:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) < WINDOW[2] and max(xs) > WINDOW[0] and min(ys) < WINDOW[3] and max(ys) > WINDOW[1]


def number(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def path_d(points: Ring) -> str:
    """Projected, rounded ``M..L..Z`` for a ring; empty when it collapses."""
    projected: list[tuple[str, str]] = []
    for lon, lat in points:
        xy = (number((lon - LON0) * KX), number(-lat))
        if not projected or projected[-1] != xy:
            projected.append(xy)
    if len(projected) > 1 and projected[0] == projected[-1]:
        projected.pop()
    if len(set(projected)) < 3:
        return ""
    coords = [f"{x},{y}" for x, y in projected]
    return "M" + coords[0] + "L" + " ".join(coords[1:]) + "Z"


def alpha2(geometry: dict) -> str | None:
    if geometry.get("id") is None:
        return UNNAMED.get(geometry["properties"]["name"])
    record = pycountry.countries.get(numeric=geometry["id"])
    return record.alpha_2.lower() if record else None


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    by_code: dict[str, list[ArcPolygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(geometry)
        if code is None:
            raise SystemExit(f"no alpha-2 code for {geometry['properties']['name']!r}")
        for polygon in arc_polygons(geometry):
            code_here = "ua" if code == "ru" and in_box(_bbox(polygon, arcs), CRIMEA) else code
            by_code.setdefault(code_here, []).append(polygon)
    paths: dict[str, list[str]] = {}
    for code, polygons in sorted(by_code.items()):
        for polygon in merge_neighbours(polygons, arcs):
            for indexes in polygon:
                clipped = clip(unwrap(ring(indexes, arcs)), CLIP)
                if len(clipped) < 3 or not overlaps_window(clipped):
                    continue
                d = path_d(clipped)
                if d:
                    paths.setdefault(code, []).append(d)
    x0, y0 = (WINDOW[0] - LON0) * KX, -WINDOW[3]
    width, height = (WINDOW[2] - WINDOW[0]) * KX, WINDOW[3] - WINDOW[1]
    return {
        "_source": "Generated by make_europe.py from world-atlas 2.0.2 countries-110m.json "
        "(Natural Earth 1:110m, public domain); do not edit.",
        "projection": f"x = (lon - {LON0}) * cos(55 deg), y = -lat",
        "lon0": LON0,
        "viewBox": [round(x0, 1), round(y0, 1), round(width, 1), round(height, 1)],
        "countries": {code: "".join(paths[code]) for code in sorted(paths)},
    }


def dump(data: dict) -> str:
    """JSON with one country per line, for readable diffs."""
    head = {k: v for k, v in data.items() if k != "countries"}
    lines = ["{"] + [f"{json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    lines.append('"countries": {')
    lines.append(",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in data["countries"].items()))
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/atlas/package/countries-110m.json")
    OUT.write_text(dump(build(json.loads(source.read_text(encoding="utf-8")))), encoding="utf-8")
    print(f"wrote {OUT}")
