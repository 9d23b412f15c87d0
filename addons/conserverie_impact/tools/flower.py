"""The social impact flower: geometry (pure) and its reportlab drawing."""

import base64
import io
import math

from reportlab.graphics import renderPDF, renderPM, renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, String
from reportlab.lib import colors

DEFAULT_COLORS = ["#e07a5f", "#3d85c6", "#81b29a", "#f2cc8f", "#9c6fb6", "#5fb7c9"]
COMPARE_COLOR = "#555555"


def petal_outline(angle, length, width_angle, steps=16):
    """Points of one petal from the centre: a lens of ``length`` pointing at
    ``angle`` (radians) and spanning ``width_angle`` radians at its widest.

    Returns a flat list [x0, y0, x1, y1, ...] around (0, 0); a zero length
    gives an empty list (no petal to draw).
    """
    if length <= 0:
        return []
    points = []
    for index in range(steps + 1):
        t = index / steps
        radius = length * t
        offset = width_angle / 2 * math.sin(math.pi * t)
        points.append((radius, offset))
    outline = points + [(radius, -offset) for radius, offset in reversed(points[1:-1])]
    flat = []
    for radius, offset in outline:
        flat += [radius * math.cos(angle + offset), radius * math.sin(angle + offset)]
    return flat


def petal_angles(count, start=math.pi / 2):
    """The direction of each of ``count`` petals, the first one pointing up,
    the others clockwise."""
    if count <= 0:
        return []
    return [start - 2 * math.pi * index / count for index in range(count)]


def flower_geometry(scores, radius, max_score=100.0):
    """For each score, (angle, length) with length proportional to the score."""
    angles = petal_angles(len(scores))
    return [
        (angle, radius * min(max(score or 0.0, 0.0), max_score) / max_score)
        for angle, score in zip(angles, scores, strict=True)
    ]


def wrap_label(text, width=16):
    """Split a petal name into lines of at most ``width`` characters (words kept)."""
    lines = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _petal_width(count):
    return min(math.pi / 2, 2 * math.pi / max(count, 1) * 0.8)


def flower_drawing(
    petals, scores, compare_scores=None, size=400, title=None, legend=None, colors_hex=None
):
    """A reportlab Drawing of the flower.

    ``petals`` are the names, ``scores`` 0-100 per petal, ``compare_scores``
    an optional second period drawn as outlines over the first one;
    ``legend`` an optional pair of labels (this period, compared period).
    """
    colors_hex = colors_hex or DEFAULT_COLORS
    drawing = Drawing(size, size)
    centre = size / 2
    radius = size * 0.27
    group = Group()
    group.translate(centre, centre - (8 if title else 0))
    for ring in (25, 50, 75, 100):
        group.add(
            Circle(
                0,
                0,
                radius * ring / 100,
                strokeColor=colors.HexColor("#cccccc"),
                strokeWidth=0.5,
                fillColor=None,
            )
        )
    width = _petal_width(len(petals))
    geometry = flower_geometry(scores, radius)
    for index, (angle, length) in enumerate(geometry):
        group.add(
            Line(
                0,
                0,
                radius * math.cos(angle),
                radius * math.sin(angle),
                strokeColor=colors.HexColor("#dddddd"),
                strokeWidth=0.5,
            )
        )
        points = petal_outline(angle, length, width)
        if points:
            color = colors.HexColor(colors_hex[index % len(colors_hex)])
            group.add(
                Polygon(points, fillColor=color, fillOpacity=0.8, strokeColor=color, strokeWidth=1)
            )
    if compare_scores:
        for angle, length in flower_geometry(compare_scores, radius):
            points = petal_outline(angle, length, width)
            if points:
                group.add(
                    Polygon(
                        points,
                        fillColor=None,
                        strokeColor=colors.HexColor(COMPARE_COLOR),
                        strokeWidth=1.5,
                        strokeDashArray=[4, 3],
                    )
                )
    group.add(Circle(0, 0, size * 0.03, fillColor=colors.HexColor("#f4d35e"), strokeWidth=0))
    for (angle, _length), name, score in zip(geometry, petals, scores, strict=True):
        x = (radius + 14) * math.cos(angle)
        y = (radius + 14) * math.sin(angle)
        anchor = "middle" if abs(x) < 5 else ("start" if x > 0 else "end")
        lines = wrap_label(name)
        if y > 0:
            y += 10 * (len(lines) - 1)
        for line in lines:
            group.add(String(x, y, line, fontSize=9, textAnchor=anchor, fontName="Helvetica"))
            y -= 10
        group.add(
            String(
                x,
                y - 1,
                f"{score:.0f}/100",
                fontSize=8,
                textAnchor=anchor,
                fontName="Helvetica",
                fillColor=colors.HexColor("#555555"),
            )
        )
    drawing.add(group)
    if title:
        drawing.add(
            String(
                centre,
                size - 14,
                str(title),
                fontSize=12,
                textAnchor="middle",
                fontName="Helvetica-Bold",
            )
        )
    if legend and compare_scores:
        drawing.add(
            String(
                8,
                16,
                f"■ {legend[0]}",
                fontSize=8,
                fontName="Helvetica",
                fillColor=colors.HexColor(colors_hex[0]),
            )
        )
        drawing.add(
            String(
                8,
                5,
                f"- - {legend[1]}",
                fontSize=8,
                fontName="Helvetica",
                fillColor=colors.HexColor(COMPARE_COLOR),
            )
        )
    return drawing


def drawing_to_png(drawing, dpi=144):
    """PNG bytes of a drawing (reportlab's renderPM)."""
    return renderPM.drawToString(drawing, fmt="PNG", dpi=dpi)


def drawing_to_data_uri(drawing, dpi=144):
    """The drawing as a PNG data URI, to embed in an HTML page or a QWeb report."""
    return "data:image/png;base64," + base64.b64encode(drawing_to_png(drawing, dpi)).decode()


def drawing_to_svg(drawing):
    return renderSVG.drawToString(drawing).encode()


def drawing_to_pdf(drawing):
    buffer = io.BytesIO()
    renderPDF.drawToFile(drawing, buffer)
    return buffer.getvalue()
