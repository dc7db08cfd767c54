"""Example illustrations, drawn locally with Pillow (nothing is downloaded).

Each entry of ``IMAGES`` describes one picture: its title (the key that makes loading
idempotent), the German alt text and the drawing style. ``render_jpeg`` turns an entry into
JPEG bytes; the same entry always gives the same picture, because every random choice comes
from a generator seeded with the image key.
"""

import hashlib
import io
import math
import os
import random
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # drawn at double size and scaled down: smooth edges without extra work
CREDIT = "Illustration: Strategische Partnerschaften"

# Calm blue/green palettes: background from/to, then accents for halos, lines and nodes.
PALETTES = {
    "fjord": {
        "from": (17, 52, 84),
        "to": (30, 110, 122),
        "halo": [(64, 160, 170), (90, 170, 120), (40, 100, 160)],
        "line": (200, 232, 236),
        "node": (236, 247, 244),
        "accent": (148, 214, 160),
    },
    "wiese": {
        "from": (22, 78, 80),
        "to": (104, 160, 96),
        "halo": [(150, 200, 120), (60, 140, 130), (200, 220, 150)],
        "line": (228, 242, 222),
        "node": (250, 252, 240),
        "accent": (255, 214, 120),
    },
    "morgen": {
        "from": (214, 232, 240),
        "to": (190, 226, 206),
        "halo": [(120, 180, 210), (140, 200, 160), (170, 200, 230)],
        "line": (40, 90, 120),
        "node": (24, 74, 104),
        "accent": (46, 140, 110),
    },
    "see": {
        "from": (12, 40, 70),
        "to": (24, 84, 130),
        "halo": [(60, 130, 190), (50, 160, 160), (90, 120, 200)],
        "line": (186, 216, 240),
        "node": (232, 244, 252),
        "accent": (120, 220, 190),
    },
    "salbei": {
        "from": (40, 70, 64),
        "to": (70, 120, 110),
        "halo": [(120, 170, 150), (90, 150, 170), (160, 190, 140)],
        "line": (220, 236, 226),
        "node": (246, 250, 244),
        "accent": (180, 230, 200),
    },
}

IMAGES = {
    "netzwerk": {
        "title": "Illustration: Netzwerk regionaler Akteure",
        "description": "Abstrakte Illustration: helle Punkte auf blau-grünem Grund, durch feine "
        "Linien zu mehreren Gruppen verbunden – ein Sinnbild für ein regionales Netzwerk.",
        "style": "network",
        "palette": "fjord",
    },
    "partnerschaft": {
        "title": "Illustration: Zwei Netzwerke wachsen zusammen",
        "description": "Abstrakte Illustration: zwei Gruppen verbundener Punkte links und "
        "rechts, zwischen denen viele Linien eine Brücke bilden.",
        "style": "bridge",
        "palette": "see",
    },
    "phasen": {
        "title": "Schaubild: Vier Phasen einer strategischen Partnerschaft",
        "description": "Schaubild mit vier durch Pfeile verbundenen Kreisen: 1 Analyse, "
        "2 Strategieentwicklung, 3 Umsetzung, 4 Verstetigung. Ein Bogen führt von der "
        "Verstetigung zurück zur Analyse.",
        "style": "phases",
        "palette": "morgen",
    },
    "muensterland": {
        "title": "Illustration: Cluster im ländlichen Raum",
        "description": "Abstrakte Illustration in Grün- und Gelbtönen: weiche Farbflächen "
        "wie Felder, darüber drei dichte Gruppen von Punkten, durch Linien verbunden.",
        "style": "network",
        "palette": "wiese",
    },
    "logistik": {
        "title": "Illustration: Waren- und Verkehrsströme",
        "description": "Abstrakte Illustration: geschwungene, parallel laufende Linien in Blau "
        "und Türkis, auf denen helle Punkte wie Sendungen entlangziehen.",
        "style": "flow",
        "palette": "see",
    },
    "gesundheit": {
        "title": "Illustration: Gesundheitsregion am Meer",
        "description": "Abstrakte Illustration in hellen Blau- und Grüntönen: sanfte Wellen im "
        "unteren Bildteil, darüber locker verbundene Punkte.",
        "style": "waves",
        "palette": "morgen",
    },
    "kunststoff": {
        "title": "Illustration: Werkstoffe und Wabenstruktur",
        "description": "Abstrakte Illustration: ein Muster aus Sechsecken in Grün- und "
        "Blautönen, einige davon hervorgehoben und miteinander verbunden.",
        "style": "hex",
        "palette": "salbei",
    },
    "energie": {
        "title": "Illustration: Energie aus Wind",
        "description": "Abstrakte Illustration: von einem Punkt ausgehende Strahlen und "
        "konzentrische Bögen in Blau und Türkis, die an Rotorbewegung und Energiefluss erinnern.",
        "style": "radial",
        "palette": "fjord",
    },
    "holz": {
        "title": "Illustration: Holz und Wald",
        "description": "Abstrakte Illustration in Grün- und Gelbtönen: geschwungene, parallel "
        "laufende Linien wie die Maserung von Holz, auf denen helle und gelbe Punkte sitzen.",
        "style": "flow",
        "palette": "wiese",
    },
    "fahrzeug": {
        "title": "Illustration: Zulieferer im Wandel",
        "description": "Abstrakte Illustration auf blau-türkisem Grund: zwei Gruppen "
        "verbundener Punkte links und rechts, zwischen denen feine hellgrüne Linien eine Brücke "
        "bilden.",
        "style": "bridge",
        "palette": "fjord",
    },
    "tagung": {
        "title": "Illustration: Austausch auf einer Fachtagung",
        "description": "Abstrakte Illustration: Reihen heller Punkte in Bögen, wie Publikum "
        "vor einem Podium, einzelne Punkte durch Linien verbunden.",
        "style": "rows",
        "palette": "salbei",
    },
    "fachkraefte": {
        "title": "Illustration: Wissen und Fachkräfte",
        "description": "Abstrakte Illustration: viele kleine Punkte, die von links nach rechts "
        "zu größeren Knoten zusammenlaufen, auf grün-blauem Grund.",
        "style": "converge",
        "palette": "wiese",
    },
}


# --- drawing helpers ----------------------------------------------------------------------


def _background(rng, palette, glows):
    """Diagonal gradient from the top left (``from``) to the bottom right (``to``) with soft
    coloured glows. Drawn at a quarter of the size and scaled up once: it has no fine detail,
    and that keeps the whole picture fast to draw."""
    small = (WIDTH // 4, HEIGHT // 4)
    vertical = Image.linear_gradient("L").resize(small)
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(small)
    mask = Image.blend(vertical, horizontal, 0.5)
    start = Image.new("RGB", small, palette["from"])
    end = Image.new("RGB", small, palette["to"])
    base = Image.composite(end, start, mask).convert("RGBA")
    layer = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(glows):
        r = rng.randint(180, 420) // 4
        x = rng.randint(0, WIDTH) // 4
        y = rng.randint(0, HEIGHT) // 4
        colour = rng.choice(palette["halo"])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, rng.randint(60, 110)))
    base = Image.alpha_composite(base, layer.filter(ImageFilter.GaussianBlur(15)))
    return base.resize((WIDTH * SCALE, HEIGHT * SCALE), Image.Resampling.BICUBIC)


def _layer():
    return Image.new("RGBA", (WIDTH * SCALE, HEIGHT * SCALE), (0, 0, 0, 0))


def _node(draw, x, y, r, fill, ring=None):
    s = SCALE
    if ring:
        draw.ellipse(
            (x - (r + 5) * s, y - (r + 5) * s, x + (r + 5) * s, y + (r + 5) * s), fill=ring
        )
    draw.ellipse((x - r * s, y - r * s, x + r * s, y + r * s), fill=fill)


def _cluster_points(rng, centres, per_cluster, spread):
    points = []
    for cx, cy in centres:
        for _ in range(per_cluster):
            points.append(
                (
                    (cx + rng.gauss(0, spread)) * SCALE,
                    (cy + rng.gauss(0, spread * 0.7)) * SCALE,
                )
            )
    return points


def _connect(draw, rng, points, palette, max_dist, alpha=120):
    limit = max_dist * SCALE
    for i, (x1, y1) in enumerate(points):
        for x2, y2 in points[i + 1 :]:
            if math.hypot(x2 - x1, y2 - y1) < limit and rng.random() < 0.55:
                draw.line((x1, y1, x2, y2), fill=(*palette["line"], alpha), width=2 * SCALE)


def _draw_points(draw, rng, points, palette, big_share=0.15):
    for x, y in points:
        if rng.random() < big_share:
            _node(
                draw, x, y, rng.randint(10, 16), (*palette["accent"], 255), (*palette["node"], 90)
            )
        else:
            _node(draw, x, y, rng.randint(4, 8), (*palette["node"], 230))


# --- styles -------------------------------------------------------------------------------


def _style_network(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    count = rng.randint(3, 4)
    centres = [
        (260 + i * 1080 / (count - 1) + rng.randint(-60, 60), rng.randint(220, 680))
        for i in range(count)
    ]
    points = _cluster_points(rng, centres, 14, 110)
    _connect(draw, rng, points, palette, 170)
    for (x1, y1), (x2, y2) in zip(centres, centres[1:], strict=False):
        draw.line(
            (x1 * SCALE, y1 * SCALE, x2 * SCALE, y2 * SCALE),
            fill=(*palette["line"], 160),
            width=3 * SCALE,
        )
    _draw_points(draw, rng, points, palette)
    for cx, cy in centres:
        _node(draw, cx * SCALE, cy * SCALE, 22, (*palette["accent"], 255), (*palette["node"], 120))
    return Image.alpha_composite(base, layer)


def _style_bridge(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    left = _cluster_points(rng, [(420, 450)], 28, 130)
    right = _cluster_points(rng, [(1180, 450)], 28, 130)
    _connect(draw, rng, left, palette, 160)
    _connect(draw, rng, right, palette, 160)
    for _ in range(14):
        (x1, y1), (x2, y2) = rng.choice(left), rng.choice(right)
        draw.line((x1, y1, x2, y2), fill=(*palette["accent"], 110), width=2 * SCALE)
    _draw_points(draw, rng, left + right, palette, big_share=0.1)
    return Image.alpha_composite(base, layer)


def _style_flow(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    for lane in range(9):
        y0 = 140 + lane * 80
        amplitude = rng.randint(25, 60)
        phase = rng.random() * math.tau
        coords = [
            (x * SCALE, (y0 + amplitude * math.sin(x / 260 + phase)) * SCALE)
            for x in range(-20, WIDTH + 21, 10)
        ]
        draw.line(coords, fill=(*palette["line"], 90 + lane * 12), width=3 * SCALE, joint="curve")
        for _ in range(rng.randint(3, 6)):
            x, y = rng.choice(coords)
            big = rng.random() < 0.3
            _node(draw, x, y, 12 if big else 7, (*palette["accent" if big else "node"], 255))
    return Image.alpha_composite(base, layer)


def _style_waves(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    for band in range(6):
        y0 = 560 + band * 60
        phase = rng.random() * math.tau
        top = [
            (x * SCALE, (y0 + 28 * math.sin(x / 180 + phase)) * SCALE)
            for x in range(0, WIDTH + 11, 10)
        ]
        polygon = [*top, (WIDTH * SCALE, HEIGHT * SCALE), (0, HEIGHT * SCALE)]
        colour = palette["halo"][band % len(palette["halo"])]
        draw.polygon(polygon, fill=(*colour, 70))
    points = _cluster_points(rng, [(500, 260), (1100, 300)], 12, 120)
    _connect(draw, rng, points, palette, 190, alpha=140)
    _draw_points(draw, rng, points, palette, big_share=0.2)
    return Image.alpha_composite(base, layer)


def _style_hex(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    size = 70
    w = math.sqrt(3) * size
    centres = []
    for row in range(-1, int(HEIGHT / (1.5 * size)) + 2):
        for col in range(-1, int(WIDTH / w) + 2):
            cx = col * w + (w / 2 if row % 2 else 0)
            cy = row * 1.5 * size
            corners = [
                (
                    (cx + (size - 6) * math.cos(math.radians(60 * k - 30))) * SCALE,
                    (cy + (size - 6) * math.sin(math.radians(60 * k - 30))) * SCALE,
                )
                for k in range(6)
            ]
            highlighted = rng.random() < 0.16
            colour = rng.choice(palette["halo"])
            draw.polygon(
                corners,
                fill=(*colour, 150 if highlighted else 35),
                outline=(*palette["line"], 90),
                width=2 * SCALE,
            )
            if highlighted:
                centres.append((cx * SCALE, cy * SCALE))
    for (x1, y1), (x2, y2) in zip(centres, centres[1:], strict=False):
        if math.hypot(x2 - x1, y2 - y1) < 420 * SCALE:
            draw.line((x1, y1, x2, y2), fill=(*palette["node"], 170), width=3 * SCALE)
    for x, y in centres:
        _node(draw, x, y, 10, (*palette["accent"], 255), (*palette["node"], 140))
    return Image.alpha_composite(base, layer)


def _style_radial(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    cx, cy = 1080 * SCALE, 470 * SCALE
    for ring in range(1, 9):
        r = ring * 95 * SCALE
        start = rng.randint(0, 360)
        draw.arc(
            (cx - r, cy - r, cx + r, cy + r),
            start,
            start + rng.randint(120, 260),
            fill=(*palette["line"], 150 - ring * 12),
            width=3 * SCALE,
        )
    for k in range(36):
        angle = math.radians(k * 10 + rng.random() * 4)
        r1, r2 = 60 * SCALE, rng.randint(300, 900) * SCALE
        draw.line(
            (
                cx + r1 * math.cos(angle),
                cy + r1 * math.sin(angle),
                cx + r2 * math.cos(angle),
                cy + r2 * math.sin(angle),
            ),
            fill=(*palette["line"], 60),
            width=2 * SCALE,
        )
    for k in range(3):  # three rotor blades
        angle = math.radians(90 + k * 120)
        tip = (cx + 260 * SCALE * math.cos(angle), cy - 260 * SCALE * math.sin(angle))
        side = math.radians(90 + k * 120 + 90)
        w = 22 * SCALE
        draw.polygon(
            [
                (cx + w * math.cos(side), cy - w * math.sin(side)),
                tip,
                (cx - w * math.cos(side), cy + w * math.sin(side)),
            ],
            fill=(*palette["node"], 210),
        )
    _node(draw, cx, cy, 26, (*palette["accent"], 255), (*palette["node"], 150))
    return Image.alpha_composite(base, layer)


def _style_rows(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    cx, cy = WIDTH / 2, 80
    draw.rounded_rectangle(
        ((cx - 220) * SCALE, (cy - 20) * SCALE, (cx + 220) * SCALE, (cy + 30) * SCALE),
        radius=20 * SCALE,
        fill=(*palette["accent"], 220),
    )
    seats = []
    for row in range(7):
        radius = 260 + row * 95
        count = 11 + row * 4
        for k in range(count):
            angle = math.radians(20 + 140 * k / (count - 1))
            seats.append(
                ((cx + radius * math.cos(angle)) * SCALE, (cy + radius * math.sin(angle)) * SCALE)
            )
    highlighted = rng.sample(seats, 12)
    for (x1, y1), (x2, y2) in zip(highlighted, highlighted[1:], strict=False):
        draw.line((x1, y1, x2, y2), fill=(*palette["line"], 150), width=2 * SCALE)
    for x, y in seats:
        if (x, y) in highlighted:
            _node(draw, x, y, 12, (*palette["accent"], 255), (*palette["node"], 120))
        else:
            _node(draw, x, y, 8, (*palette["node"], 200))
    return Image.alpha_composite(base, layer)


def _style_converge(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    targets = [(1250, 250), (1330, 480), (1220, 690)]
    for _ in range(90):
        x, y = rng.randint(40, 700), rng.randint(40, 860)
        tx, ty = rng.choice(targets)
        draw.line(
            (x * SCALE, y * SCALE, tx * SCALE, ty * SCALE),
            fill=(*palette["line"], 45),
            width=2 * SCALE,
        )
        _node(draw, x * SCALE, y * SCALE, rng.randint(4, 8), (*palette["node"], 220))
    for (x1, y1), (x2, y2) in zip(targets, targets[1:], strict=False):
        draw.line(
            (x1 * SCALE, y1 * SCALE, x2 * SCALE, y2 * SCALE),
            fill=(*palette["node"], 200),
            width=4 * SCALE,
        )
    for tx, ty in targets:
        _node(draw, tx * SCALE, ty * SCALE, 34, (*palette["accent"], 255), (*palette["node"], 140))
    return Image.alpha_composite(base, layer)


PHASE_LABELS = ["Analyse", "Strategieentwicklung", "Umsetzung", "Verstetigung"]


def _style_phases(base, rng, palette):
    layer = _layer()
    draw = ImageDraw.Draw(layer)
    s = SCALE
    font = ImageFont.load_default(size=34 * s)
    number_font = ImageFont.load_default(size=64 * s)
    xs = [230, 610, 990, 1370]
    y = 410
    r = 120
    for x1, x2 in zip(xs, xs[1:], strict=False):
        start, end = (x1 + r + 18) * s, (x2 - r - 18) * s
        draw.line((start, y * s, end - 20 * s, y * s), fill=(*palette["line"], 255), width=8 * s)
        draw.polygon(
            [(end, y * s), (end - 34 * s, (y - 20) * s), (end - 34 * s, (y + 20) * s)],
            fill=(*palette["line"], 255),
        )
    # the loop back from Verstetigung to Analyse
    top = y - r - 25
    draw.arc(
        (xs[0] * s, (top - 190) * s, xs[-1] * s, (top + 190) * s),
        181,
        359,
        fill=(*palette["accent"], 220),
        width=6 * s,
    )
    draw.polygon(
        [
            (xs[0] * s, (top + 22) * s),
            ((xs[0] - 18) * s, (top - 8) * s),
            ((xs[0] + 18) * s, (top - 8) * s),
        ],
        fill=(*palette["accent"], 220),
    )
    colours = [palette["line"], palette["accent"], palette["line"], palette["accent"]]
    for number, (x, label, colour) in enumerate(zip(xs, PHASE_LABELS, colours, strict=True), 1):
        draw.ellipse(
            ((x - r) * s, (y - r) * s, (x + r) * s, (y + r) * s),
            fill=(*colour, 255),
            outline=(255, 255, 255, 255),
            width=6 * s,
        )
        draw.text((x * s, y * s), str(number), font=number_font, fill="white", anchor="mm")
        draw.text(
            (x * s, (y + r + 60) * s), label, font=font, fill=(*palette["line"], 255), anchor="mm"
        )
    return Image.alpha_composite(base, layer)


# style: (drawing function, number of soft glows in the background)
STYLES = {
    "network": (_style_network, 5),
    "bridge": (_style_bridge, 4),
    "flow": (_style_flow, 4),
    "waves": (_style_waves, 5),
    "hex": (_style_hex, 3),
    "radial": (_style_radial, 4),
    "rows": (_style_rows, 4),
    "converge": (_style_converge, 4),
    "phases": (_style_phases, 3),
}


CACHE_DIR_ENV = "ILLUSTRATION_CACHE_DIR"


def render_jpeg(key):
    """JPEG bytes of the illustration ``key`` (deterministic).

    With ``ILLUSTRATION_CACHE_DIR`` set (the test suite does), each picture is drawn once and
    kept there under a hash of this module's source and Pillow's version: a change to either
    draws it anew.
    """
    cache_dir = os.environ.get(CACHE_DIR_ENV)
    if not cache_dir:
        return _draw_jpeg(key)
    source = Path(__file__).read_bytes() + PIL.__version__.encode()
    fingerprint = hashlib.sha256(source).hexdigest()[:16]
    path = Path(cache_dir) / f"{key}-{fingerprint}.jpg"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = _draw_jpeg(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)  # atomic: a parallel test process reads all of it or nothing
    return data


def _draw_jpeg(key):
    spec = IMAGES[key]
    rng = random.Random(key)
    palette = PALETTES[spec["palette"]]
    draw, glows = STYLES[spec["style"]]
    picture = draw(_background(rng, palette, glows), rng, palette)
    picture = picture.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()
