from datetime import date

from odoo.tests import BaseCase

from ..tools.economics import (
    economic_figures,
    period_days,
    straight_line_depreciation,
    trend,
)


class TestEconomics(BaseCase):
    def test_period_days(self):
        self.assertEqual(period_days(date(2026, 1, 1), date(2026, 12, 31)), 365)
        self.assertEqual(period_days(date(2026, 3, 1), date(2026, 3, 1)), 1)
        with self.assertRaises(ValueError):
            period_days(date(2026, 3, 2), date(2026, 3, 1))

    def test_straight_line_depreciation(self):
        year = (date(2026, 1, 1), date(2026, 12, 31))
        self.assertAlmostEqual(straight_line_depreciation(36500.0, 10, *year), 3650.0)
        # put in service on 1 July: half a year, nearly
        self.assertAlmostEqual(
            straight_line_depreciation(36500.0, 10, *year, in_service=date(2026, 7, 1)),
            10.0 * 184,
        )
        # its life ended before the period
        self.assertEqual(
            straight_line_depreciation(36500.0, 10, *year, in_service=date(2010, 1, 1)), 0.0
        )
        with self.assertRaises(ValueError):
            straight_line_depreciation(1000.0, 0, *year)

    def test_economic_figures(self):
        revenue = {
            "stall_sales": 3000.0,
            "purchasing_groups": 1000.0,
            "toll_fees": 500.0,
            "bookings": 1500.0,
            "grants": 30000.0,
        }
        costs = {"running_costs": 40000.0, "lorry": 2000.0, "jars": 600.0, "produce": 400.0}
        figures = economic_figures(revenue, costs, 5500.0, 2000.0, 365)
        self.assertEqual(figures["own_revenue"], 6000.0)
        self.assertEqual(figures["total_revenue"], 36000.0)
        self.assertEqual(figures["total_costs"], 48500.0)
        self.assertEqual(figures["result"], -12500.0)
        self.assertEqual(figures["cost_per_jar"], 48500.0 / 2000.0)
        # (4000 - 1000) / 2000 = 1.5 € of margin a jar for 47500 € of fixed costs
        self.assertAlmostEqual(figures["break_even_jars"], 47500.0 / 1.5)
        self.assertEqual(figures["independence_ratio"], 6000.0 / 40000.0)

    def test_no_break_even_without_margin_or_jars(self):
        costs = {"running_costs": 100.0, "jars": 500.0}
        self.assertIsNone(
            economic_figures({"stall_sales": 400.0}, costs, 0.0, 100.0, 365)["break_even_jars"]
        )
        figures = economic_figures({}, {}, 0.0, 0.0, 365)
        self.assertIsNone(figures["break_even_jars"])
        self.assertEqual(figures["cost_per_jar"], 0.0)
        self.assertEqual(figures["independence_ratio"], 0.0)

    def test_trend(self):
        self.assertAlmostEqual(trend(0.15, 0.10), 0.5)
        self.assertEqual(trend(0.15, 0.0), 0.0)
