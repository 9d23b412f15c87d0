"""The curves of an autoclave cycle (core temperature and lethality against time) as a
PNG image for the cycle report. Pure functions, no ORM: the labels come translated."""

import base64
from itertools import pairwise

from reportlab.graphics import renderPM
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .lethality import lethal_rate

WIDTH, HEIGHT = 480, 400  # points; the image keeps this ratio in the report
TEMPERATURE_COLOR = colors.darkred
LETHALITY_COLOR = colors.darkblue


def lethality_curve(readings, ref_temp=121.1, z=10.0):
    """The lethality accumulated at each reading: [(minutes, lethality)], the trapezoid
    rule of :func:`.lethality.lethality` stopped at every reading (its last point is the
    cycle's lethality). Fewer than two readings give one point at 0 or nothing."""
    if z <= 0:
        raise ValueError("z must be positive.")
    if not readings:
        return []
    total = 0.0
    curve = [(readings[0][0], 0.0)]
    for (t0, temp0), (t1, temp1) in pairwise(readings):
        if t1 < t0:
            raise ValueError(f"Readings are not in time order ({t1} after {t0}).")
        total += (lethal_rate(temp0, ref_temp, z) + lethal_rate(temp1, ref_temp, z)) / 2 * (t1 - t0)
        curve.append((t1, total))
    return curve


def _plot(points, y, height, color, thresholds=()):
    plot = LinePlot()
    plot.x, plot.y = 40, y
    plot.width, plot.height = WIDTH - 60, height
    data = [points]
    for threshold in thresholds:
        data.append([(points[0][0], threshold), (points[-1][0], threshold)])
    plot.data = data
    plot.lines[0].strokeColor = color
    plot.lines[0].strokeWidth = 1.2
    for index in range(1, len(data)):
        plot.lines[index].strokeColor = colors.grey
        plot.lines[index].strokeDashArray = (3, 2)
    plot.xValueAxis.labelTextFormat = "%.0f"
    plot.yValueAxis.labelTextFormat = "%.0f" if color == TEMPERATURE_COLOR else "%.1f"
    return plot


def cycle_curve_drawing(readings, lethality_points, thresholds, labels):
    """A drawing of two plots sharing the time axis: the core temperature above (with a
    dashed line at each temperature in ``thresholds``), the lethality below.

    ``readings`` and ``lethality_points`` are [(minutes, value)] in time order;
    ``labels`` gives the titles, ``{"temperature": ..., "lethality": ...}``. Returns
    None with fewer than two readings: there is no curve to draw.
    """
    if len(readings) < 2:
        return None
    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(_plot(readings, 230, 150, TEMPERATURE_COLOR, thresholds=sorted(set(thresholds))))
    drawing.add(String(40, 390, labels["temperature"], fontSize=10, fillColor=TEMPERATURE_COLOR))
    drawing.add(_plot(lethality_points, 25, 150, LETHALITY_COLOR))
    drawing.add(String(40, 185, labels["lethality"], fontSize=10, fillColor=LETHALITY_COLOR))
    return drawing


def cycle_curve_png(readings, lethality_points, thresholds, labels, dpi=144):
    """The curves of :func:`cycle_curve_drawing` as PNG bytes, or None without a curve."""
    drawing = cycle_curve_drawing(readings, lethality_points, thresholds, labels)
    if drawing is None:
        return None
    return renderPM.drawToString(drawing, fmt="PNG", dpi=dpi)


def png_data_uri(png):
    """PNG bytes as a data URI, to embed in a QWeb report."""
    return "data:image/png;base64," + base64.b64encode(png).decode()
