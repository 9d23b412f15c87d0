from odoo.tests import BaseCase

from odoo.addons.conserverie_timebank.tools import euros_to_hours, format_hours, hours_to_minutes


class TestToolsHours(BaseCase):
    def test_format_hours(self):
        self.assertEqual(format_hours(2.5), "2 h 30")
        self.assertEqual(format_hours(3), "3 h 00")
        self.assertEqual(format_hours(0), "0 h 00")
        self.assertEqual(format_hours(-0.25), "-0 h 15")
        self.assertEqual(format_hours(1.9999), "2 h 00")
        self.assertEqual(format_hours(None), "0 h 00")

    def test_minutes(self):
        self.assertEqual(hours_to_minutes(1.5), 90)
        self.assertEqual(hours_to_minutes(-0.5), -30)
        self.assertEqual(hours_to_minutes(0.0083), 0)
        self.assertEqual(hours_to_minutes(0.0084), 1)

    def test_euros_to_hours(self):
        self.assertEqual(euros_to_hours(15.0, 10.0), 1.5)
        self.assertEqual(euros_to_hours(1.0, 3.0), 0.3333)
        with self.assertRaises(ValueError):
            euros_to_hours(1.0, 0.0)
