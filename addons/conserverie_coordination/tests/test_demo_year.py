from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoYear(TransactionCase):
    """The demo's past year of workshops: what the economic dashboard and the impact
    report of the demo read for the twelve months of its books."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.year_from = cls.today - relativedelta(years=1, days=-1)
        compote = cls.env.ref("conserverie_base.product_preserve_apple_pear_compote")
        cls.lots = cls.env["stock.lot"].search(
            [("product_id", "=", compote.id), ("name", "=like", "CPP-______")], order="name"
        )

    def test_one_workshop_a_month_released_and_distributed(self):
        self.assertEqual(len(self.lots), 11)
        productions = self.lots.conserverie_production_id
        self.assertEqual(set(productions.mapped("state")), {"done"})
        self.assertEqual(set(productions.mapped("product_qty")), {400.0})
        months = {production.date_finished.strftime("%Y-%m") for production in productions}
        self.assertEqual(len(months), 11, "one workshop a month")
        for lot in self.lots:
            production = lot.conserverie_production_id
            self.assertEqual(lot.name, f"CPP-{production.date_finished:%Y%m}")
            self.assertEqual(lot.release_state, "released")
            self.assertEqual(lot.ph_measured_date, production.date_start.date())
            self.assertTrue(production.has_passed_cycle)
            self.assertEqual(lot.product_qty, 0.0, "every jar made was distributed")
            # the produce came from the workshop's own intake, dated the same day
            produce_lots = production.move_raw_ids.move_line_ids.lot_id
            intake_lines = self.env["conserverie.intake.line"].search(
                [("lot_id", "in", produce_lots.ids)]
            )
            self.assertEqual(set(intake_lines.mapped("date")), {production.date_start.date()})
            deliveries = self.env["stock.move.line"].search(
                [("lot_id", "=", lot.id), ("location_dest_id.usage", "=", "customer")]
            )
            self.assertEqual(sum(deliveries.mapped("quantity")), 400.0)
            self.assertEqual(
                {move.date.date() for move in deliveries}, {production.date_finished.date()}
            )

    def test_dashboard_and_impact_read_the_year(self):
        dashboard = self.env["conserverie.facility.dashboard"].create(
            {"date_from": self.year_from, "date_to": self.today}
        )
        productions = self.env["mrp.production"].search(
            [
                ("state", "=", "done"),
                ("company_id", "=", self.env.company.id),
                ("date_finished", ">=", self.year_from),
            ]
        )
        self.assertEqual(dashboard.jars_produced, sum(productions.mapped("product_qty")))
        self.assertGreater(dashboard.jars_produced, 11 * 400)
        self.assertLess(dashboard.cost_per_jar, 20.0, "the books and the jars cover one year")
        report = self.env["conserverie.impact.report"].create(
            {"date_from": self.year_from, "date_to": self.today}
        )
        values = report.compute_indicators()
        self.assertGreaterEqual(values["jars_distributed"], 11 * 400)
        self.assertGreaterEqual(values["jars_sold"], 11 * 280)
        self.assertGreaterEqual(values["jars_purchasing_groups"], 11 * 80)
        self.assertGreaterEqual(values["jars_given"], 11 * 40)
