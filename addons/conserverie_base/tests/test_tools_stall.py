from datetime import datetime

from odoo.tests import BaseCase

from ..tools.stall import cashier_hours


class TestStallTools(BaseCase):
    def test_cashier_hours_rounds_to_the_quarter(self):
        start = datetime(2026, 6, 12, 9, 0)
        self.assertEqual(cashier_hours(start, datetime(2026, 6, 12, 12, 0)), 3.0)
        self.assertEqual(cashier_hours(start, datetime(2026, 6, 12, 10, 7)), 1.0)
        self.assertEqual(cashier_hours(start, datetime(2026, 6, 12, 10, 8)), 1.25)

    def test_cashier_hours_stay_within_a_day(self):
        start = datetime(2026, 6, 12, 9, 0)
        self.assertEqual(cashier_hours(start, datetime(2026, 6, 14, 9, 0)), 24.0)
        self.assertEqual(cashier_hours(start, start), 0.0)
        self.assertEqual(cashier_hours(start, datetime(2026, 6, 12, 8, 0)), 0.0)
        self.assertEqual(cashier_hours(None, start), 0.0)
