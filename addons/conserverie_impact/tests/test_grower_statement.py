from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.conserverie_production.tests.common import produce

from .common import ImpactCase


@tagged("post_install", "-at_install")
class TestGrowerStatement(ImpactCase):
    def test_what_the_produce_became(self):
        statements = {s["grower"]: s for s in self._report()._get_grower_statements()}
        self.assertEqual(set(statements), {self.grower, self.grower_conventional})
        organic = statements[self.grower]
        self.assertAlmostEqual(organic["kg_total"], 80.0)
        self.assertEqual(len(organic["intake_rows"]), 2)
        # the 20 jars were made from this grower's apples only
        self.assertAlmostEqual(organic["jars_total"], 20.0)
        self.assertEqual(organic["product_rows"], [("Compote (test)", 20.0)])
        self.assertEqual(
            organic["channel_rows"],
            [("Sale on the day", 5.0), ("Purchasing-group order", 4.0), ("Volunteer share", 3.0)],
        )
        conventional = statements[self.grower_conventional]
        self.assertAlmostEqual(conventional["kg_total"], 30.0)
        self.assertEqual(conventional["product_rows"], [])

    def test_jars_shared_in_proportion(self):
        """A workshop using two growers' produce shares its jars by kilos."""
        production = self._create_production(self.compote_bom, 10)
        production.action_assign()
        raw = production.move_raw_ids.filtered(lambda move: move.product_id == self.apples)
        lots = self.intake_centre.line_ids.lot_id | self.intake_gleaning.line_ids.lot_id
        raw.move_line_ids.unlink()
        for lot, kg in zip(lots, (1.0, 3.0), strict=True):
            raw.move_line_ids.create(
                {
                    "move_id": raw.id,
                    "product_id": self.apples.id,
                    "product_uom_id": self.apples.uom_id.id,
                    "lot_id": lot.id,
                    "quantity": kg,
                    "location_id": lot.quant_ids.filtered(lambda q: q.quantity > 0)[
                        :1
                    ].location_id.id,
                    "location_dest_id": raw.location_dest_id.id,
                }
            )
        cycle = self._create_cycle(production)
        cycle.import_readings(self._passing_csv(self.compote_bom))
        produce(production)
        self.assertEqual(production.state, "done")
        consumed = production.move_raw_ids.move_line_ids.filtered(lambda line: line.lot_id in lots)
        self.assertEqual(sorted(consumed.mapped("quantity")), [1.0, 3.0])
        data = self._report()._get_grower_statement_data(self.grower | self.grower_conventional)
        jars_organic = data[self.grower.id]["jars"][self.compote.id]
        jars_conventional = data[self.grower_conventional.id]["jars"][self.compote.id]
        self.assertAlmostEqual(jars_organic, 20.0 + 10 * 0.25)
        self.assertAlmostEqual(jars_conventional, 10 * 0.75)

    def test_pdf(self):
        report = self._report()
        html = self._render_document(report.action_print_grower_statements(), report)
        pages = html.split('<div class="page">')[1:]
        self.assertEqual(len(pages), 2, "one page per grower")
        self.assertIn("What your produce became", pages[0])
        self.assertIn("Ferme des Tests", pages[0])
        self.assertIn("Sale on the day", pages[0])
        self.assertIn("80,0", pages[0])
        self.assertIn("Jardin Conventionnel", pages[1])
        self.assertIn("Where the jars went", html)
        self.assertIn("Thank you for fighting food waste with us.", html)
        empty = self._report(date_from=self.date_to, date_to=self.date_to)
        with self.assertRaises(UserError):
            empty.action_print_grower_statements()
