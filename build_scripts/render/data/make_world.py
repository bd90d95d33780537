"""Generate ``world.json``, the country outlines drawn by ``build_scripts/render/map_svg.py``.

Run once, by hand; the project reads only the committed JSON::

    mkdir -p /tmp/atlas && cd /tmp/atlas && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 -m venv /tmp/placesvenv && /tmp/placesvenv/bin/pip install pycountry==26.2.16
    /tmp/placesvenv/bin/python build_scripts/render/data/make_world.py /tmp/atlas/package/countries-110m.json

Source and licence: ``countries-110m.json`` of the npm package world-atlas 2.0.2
(ISC licence, below), which is Natural Earth's 1:110m Admin 0 countries
(public domain, naturalearthdata.com) as TopoJSON with ISO 3166-1 *numeric*
ids. The package's licence, as it ships it:

    Copyright 2013-2019 Michael Bostock

    Permission to use, copy, modify, and/or distribute this software for any purpose
    with or without fee is hereby granted, provided that the above copyright notice
    and this permission notice appear in all copies.

    THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
    REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND
    FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
    INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS
    OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
    TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF
    THIS SOFTWARE.

pycountry maps the ids to alpha-2, the codes of
``build_scripts/analyse/data/countries.json`` (the script stops if a code is
not there). Three features have no id: Kosovo becomes "xk" (the user-assigned
code in common use, as in countries.json), "N. Cyprus" is drawn as part of
Cyprus ("cy", the internationally recognised state) and Somaliland as part of
Somalia ("so"). Natural Earth draws Crimea as Russia (its de facto view); here
it is drawn as part of Ukraine, as internationally recognised. Polygons given
to one code that share a border are merged (outline of the union), so no
border line is drawn inside Cyprus, Somalia or across the Perekop isthmus.
The 1:110m data has no microstates (Andorra, Liechtenstein, Malta, Monaco, San
Marino, Vatican City, Singapore, Bahrain and other small islands): a country
it lacks is not drawn, and the map's table still lists it.

Steps: decode the TopoJSON arcs here (quantized, delta-encoded; no topojson
library), make rings that cross the antimeridian continuous (Chukotka, Fiji:
their longitudes run past -180 or 180), and write, per country (alpha-2,
sorted):

* ``d``: one SVG path in degrees, x = longitude, y = -latitude, rounded to
  0.1 degree, each ring a first point then relative steps ("M x y l dx dy
  ... z"): the map projects it with an SVG transform (x scaled by the cosine
  of the view's middle latitude).
* ``box``: the bounding box [west, south, east, north] of all its rings, to
  leave out countries outside a view.
* ``fit``: the bounding box of its main polygons only, those at least a fifth
  the area of the largest (sinusoidal projection, equal-area), so that a map
  fitted to France is not stretched to French Guiana, nor one fitted to Norway
  to Svalbard; the largest polygon alone when those span more than 180 degrees
  of longitude (Fiji, on both sides of the antimeridian).

Same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent / "world.json"
COUNTRIES = Path(__file__).resolve().parents[2] / "analyse" / "data" / "countries.json"

UNNAMED = {"Kosovo": "xk", "N. Cyprus": "cy", "Somaliland": "so"}
CRIMEA = (32.0, 44.0, 37.0, 46.5)  # lon/lat box holding the Crimea polygon
MAIN_SHARE = 0.2  # a polygon at least this share of the largest one's area counts for fitting

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


def path_d(points: Ring) -> str:
    """A ring as ``M x y l dx dy ... z`` in degrees (y = -lat), rounded to 0.1; empty when it collapses."""
    tenths: list[tuple[int, int]] = []
    for lon, lat in points:
        xy = (round(lon * 10), round(-lat * 10))
        if not tenths or tenths[-1] != xy:
            tenths.append(xy)
    if len(tenths) > 1 and tenths[0] == tenths[-1]:
        tenths.pop()
    if len(set(tenths)) < 3:
        return ""
    steps = [value for (x0, y0), (x1, y1) in zip(tenths, tenths[1:], strict=False) for value in (x1 - x0, y1 - y0)]
    return "M" + _numbers(list(tenths[0])) + "l" + _numbers(steps) + "z"


def _tenth(value: int) -> str:
    """A number of tenths as a short SVG number: 12 -> "1.2", -3 -> "-.3", 0 -> "0"."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tenth}"


def _numbers(values: list[int]) -> str:
    """Numbers of tenths for a path, a space between two unless the second starts with "-"."""
    text = ""
    for value in values:
        number = _tenth(value)
        text += number if not text or number.startswith("-") else " " + number
    return text


def area(points: Ring) -> float:
    """Area of a ring in square degrees, on the sinusoidal projection (x = lon * cos lat): equal-area."""
    xy = [(lon * math.cos(math.radians(lat)), lat) for lon, lat in points]
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(xy, xy[1:] + xy[:1], strict=True))) / 2


def bbox(rings: list[Ring]) -> list[float]:
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return [round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1)]


def alpha2(geometry: dict) -> str | None:
    if geometry.get("id") is None:
        return UNNAMED.get(geometry["properties"]["name"])
    record = pycountry.countries.get(numeric=geometry["id"])
    return record.alpha_2.lower() if record else None


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    known = {c["code"] for c in json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"]}
    by_code: dict[str, list[ArcPolygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(geometry)
        if code is None or code not in known:
            raise SystemExit(f"no alpha-2 code of countries.json for {geometry['properties']['name']!r}")
        for polygon in arc_polygons(geometry):
            code_here = "ua" if code == "ru" and in_box(_bbox(polygon, arcs), CRIMEA) else code
            by_code.setdefault(code_here, []).append(polygon)
    countries = {}
    for code, polygons in sorted(by_code.items()):
        outers: list[Ring] = []
        paths: list[str] = []
        rings: list[Ring] = []
        for polygon in merge_neighbours(polygons, arcs):
            for n, indexes in enumerate(polygon):
                points = unwrap(ring(indexes, arcs))
                d = path_d(points)
                if not d:
                    continue
                paths.append(d)
                rings.append(points)
                if n == 0:
                    outers.append(points)
        if not paths:
            continue
        largest = max(outers, key=area)
        fit = bbox([r for r in outers if area(r) >= MAIN_SHARE * area(largest)])
        if fit[2] - fit[0] > 180:  # main parts on both sides of the antimeridian (Fiji): the largest only
            fit = bbox([largest])
        countries[code] = {"fit": fit, "box": bbox(rings), "d": "".join(paths)}
    return {
        "_source": "Generated by make_world.py from world-atlas 2.0.2 countries-110m.json "
        "(ISC licence, Michael Bostock; Natural Earth 1:110m, public domain); do not edit.",
        "units": "degrees: x = longitude, y = -latitude; boxes are [west, south, east, north]",
        "countries": countries,
    }


def dump(data: dict) -> str:
    """JSON with one country per line, for readable diffs."""
    head = {k: v for k, v in data.items() if k != "countries"}
    lines = ["{"] + [f"{json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    lines.append('"countries": {')
    lines.append(",\n".join(f"{json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}"
                            for k, v in data["countries"].items()))
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/atlas/package/countries-110m.json")
    OUT.write_text(dump(build(json.loads(source.read_text(encoding="utf-8")))), encoding="utf-8")
    print(f"wrote {OUT}")
