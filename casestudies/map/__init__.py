"""The map of the 16 Länder: the finder's map (a link per Land, shaded by its number of case
studies) and the locator map of a case study. Drawn on the server as inline SVG from
``laender.json`` (Natural Earth, public domain; built by ``build_laender.py``)."""

import functools
import json
import math
from pathlib import Path

OUTLINE_FILE = Path(__file__).resolve().parent / "laender.json"
LEVELS = 3  # shades for one or more case studies; level 0 is a Land without any


@functools.cache
def outline():
    """The viewBox and the Länder (slug, name, path data, label point), read once."""
    return json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))


def frame(data):
    """The viewBox and the SVG's intrinsic size (the CSS scales it)."""
    _, _, width, height = data["viewBox"].split()
    return {"viewbox": data["viewBox"], "width": width, "height": height}


def count_classes(maximum):
    """The shading classes for counts up to ``maximum``: a list of (level, low, high).

    Level 0 is „none“; the highest class always gets the darkest shade. Up to three case
    studies in a Land each count is its own class; above, three ranges of about a quarter, a
    quarter and a half of the maximum (e.g. 1–10, 11–20, 21–40), so the shading still tells
    the Länder apart with many case studies.
    """
    classes = [(0, 0, 0)]
    if maximum <= 0:
        return classes
    if maximum <= LEVELS:
        bounds = list(range(1, maximum + 1))
    else:
        low = math.ceil(maximum / 4)
        bounds = [low, max(low + 1, math.ceil(maximum / 2)), maximum]
    first = LEVELS - len(bounds) + 1
    start = 1
    for level, high in enumerate(bounds, start=first):
        classes.append((level, start, high))
        start = high + 1
    return classes


def count_text(count):
    return f"{count} Praxisbeispiel{'' if count == 1 else 'e'}"


def range_text(low, high):
    return str(low) if low == high else f"{low}–{high}"


def laender_map(counts, link, current=""):
    """The context of ``casestudies/includes/laender_map.html``.

    ``counts`` maps a Land's slug to its number of case studies (missing: none), ``link``
    builds the address of a Land from its slug, ``current`` is the Land chosen in the filter.
    """
    classes = count_classes(max(counts.values(), default=0))

    def level(count):
        return next(level for level, low, high in classes if low <= count <= high)

    data = outline()
    laender = []
    for land in data["laender"]:
        count = counts.get(land["slug"], 0)
        laender.append(
            {
                "slug": land["slug"],
                "name": land["name"],
                "d": land["d"],
                "x": land["label"][0],
                "y": land["label"][1],
                "count": count,
                "level": level(count),
                "href": link(land["slug"]),
                "label": f"{land['name']}: {count_text(count)}",
                "current": land["slug"] == current,
            }
        )
    legend = [
        {"level": level, "text": "keine" if high == 0 else range_text(low, high)}
        for level, low, high in classes
    ]
    chosen = next((land for land in laender if land["current"]), None)
    return {**frame(data), "laender": laender, "legend": legend, "current": chosen}


def locator_map(slug):
    """The context of ``casestudies/includes/locator_map.html``: the other Länder as one path,
    the Land ``slug`` as another; None for an unknown Land."""
    data = outline()
    land = next((land for land in data["laender"] if land["slug"] == slug), None)
    if land is None:
        return None
    others = "".join(other["d"] for other in data["laender"] if other is not land)
    return {**frame(data), "name": land["name"], "d": land["d"], "others": others}
