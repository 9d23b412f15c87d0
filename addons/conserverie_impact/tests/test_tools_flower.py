import math

from odoo.tests import BaseCase

from ..tools import flower


class TestFlowerGeometry(BaseCase):
    def test_angles(self):
        angles = flower.petal_angles(4)
        self.assertAlmostEqual(angles[0], math.pi / 2, msg="first petal points up")
        self.assertAlmostEqual(angles[1], 0.0, msg="then clockwise")
        self.assertAlmostEqual(angles[2], -math.pi / 2)
        self.assertEqual(flower.petal_angles(0), [])

    def test_length_is_the_score(self):
        geometry = flower.flower_geometry([100, 50, 0, 150], radius=80)
        self.assertEqual([length for _angle, length in geometry], [80.0, 40.0, 0.0, 80.0])

    def test_petal_outline(self):
        points = flower.petal_outline(math.pi / 2, 50, 0.5, steps=8)
        xs, ys = points[0::2], points[1::2]
        self.assertAlmostEqual(max(ys), 50.0, msg="the tip is at the petal's length")
        self.assertAlmostEqual(min(ys), 0.0, msg="it starts at the centre")
        self.assertAlmostEqual(sum(xs), 0.0, msg="symmetric around its axis")
        self.assertEqual(flower.petal_outline(0, 0, 0.5), [])

    def test_wrap_label(self):
        self.assertEqual(
            flower.wrap_label("Awareness about food and consumption", 16),
            ["Awareness about", "food and", "consumption"],
        )

    def test_drawing_renders(self):
        drawing = flower.flower_drawing(
            ["A", "B", "C", "D"],
            [80, 40, 60, 0],
            compare_scores=[50, 50, 50, 50],
            title="Fleur",
            legend=("2026", "2025"),
        )
        png = flower.drawing_to_png(drawing)
        self.assertTrue(png.startswith(b"\x89PNG"))
        self.assertTrue(flower.drawing_to_pdf(drawing).startswith(b"%PDF"))
        self.assertIn(b"<svg", flower.drawing_to_svg(drawing))
        # four filled petals minus the empty one, four dashed outlines
        polygons = [
            shape for shape in drawing.contents[0].contents if shape.__class__.__name__ == "Polygon"
        ]
        self.assertEqual(len(polygons), 3 + 4)
