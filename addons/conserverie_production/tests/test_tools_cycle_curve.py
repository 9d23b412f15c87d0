from odoo.tests import BaseCase

from ..tools import cycle_curve
from ..tools import lethality as lt

LABELS = {"temperature": "Temperature", "lethality": "Lethality"}
RAMP = [(0, 101.1), (1, 111.1), (2, 121.1), (3, 111.1), (4, 101.1)]


class TestCycleCurve(BaseCase):
    def test_lethality_curve_accumulates_to_the_lethality(self):
        """Each point is the lethality so far: 0, 0.055, 0.605, 1.155, 1.21 on the ramp,
        the last one the cycle's lethality."""
        curve = cycle_curve.lethality_curve(RAMP)
        self.assertEqual([minutes for minutes, _value in curve], [0, 1, 2, 3, 4])
        for (_minutes, value), expected in zip(
            curve, (0.0, 0.055, 0.605, 1.155, 1.21), strict=True
        ):
            self.assertAlmostEqual(value, expected)
        self.assertAlmostEqual(curve[-1][1], lt.lethality(RAMP))

    def test_lethality_curve_refuses_bad_readings(self):
        self.assertEqual(cycle_curve.lethality_curve([]), [])
        with self.assertRaises(ValueError):
            cycle_curve.lethality_curve([(2, 120.0), (1, 121.0)])
        with self.assertRaises(ValueError):
            cycle_curve.lethality_curve(RAMP, z=0)

    def test_png_of_the_curves(self):
        """Two readings or more draw a PNG, with its data URI; fewer draw nothing."""
        png = cycle_curve.cycle_curve_png(
            RAMP, cycle_curve.lethality_curve(RAMP), [110.0, 110.0], LABELS
        )
        self.assertTrue(png.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertGreater(len(png), 1000)
        uri = cycle_curve.png_data_uri(png)
        self.assertTrue(uri.startswith("data:image/png;base64,iVBORw0KGgo"))
        drawing = cycle_curve.cycle_curve_drawing(
            RAMP, cycle_curve.lethality_curve(RAMP), [110.0], LABELS
        )
        titles = [shape.text for shape in drawing.contents if hasattr(shape, "text")]
        self.assertEqual(titles, ["Temperature", "Lethality"])
        self.assertIsNone(cycle_curve.cycle_curve_png(RAMP[:1], [(0, 0.0)], [], LABELS))
