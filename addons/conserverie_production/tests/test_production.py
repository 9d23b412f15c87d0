from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CSV_F0_1, ProductionCase, produce


@tagged("post_install", "-at_install")
class TestProduction(ProductionCase):
    def test_recipe_ingredients_by_descending_weight(self):
        self.assertEqual(self.sauce_bom.ingredients_text, "pommes, sucre, céleri")
        self.assertEqual(self.sauce_bom.allergens_text, "céleri")
        self.assertEqual(self.sauce_bom.jar_product_id, self.jar_370)
        self.assertEqual(
            self.sauce_bom._get_label_ingredients(),
            [("pommes", False), ("sucre", False), ("céleri", True)],
        )

    def test_recipe_reference_temperature_from_process(self):
        with Form(self.env["mrp.bom"]) as bom:
            bom.product_tmpl_id = self.sauce.product_tmpl_id
            bom.preserving_process = "pasteurisation"
            self.assertEqual(bom.lethality_ref_temp, 70.0)
            bom.preserving_process = "sterilisation"
            self.assertEqual(bom.lethality_ref_temp, 121.1)
            bom.lethality_target = 3.0

    def test_same_day_release_only_for_acid_recipes(self):
        with self.assertRaises(ValidationError):
            self.compote_bom.max_ph = 5.0

    def test_mark_done_refused_without_passed_cycle(self):
        production = self._create_production(self.sauce_bom)
        with self.assertRaisesRegex(UserError, "without a passed autoclave cycle"):
            produce(production)
        self.assertNotEqual(production.state, "done")
        cycle = self._create_cycle(production)
        cycle.import_readings(CSV_F0_1)
        self.assertEqual(cycle.state, "failed")
        with self.assertRaisesRegex(UserError, "failed"):
            production.button_mark_done()
        self.assertNotEqual(production.state, "done")

    def test_lot_in_quarantine_with_best_before(self):
        production, lot = self._produce_with_passed_cycle(self.sauce_bom, 10)
        self.assertEqual(production.state, "done")
        self.assertEqual(production.location_dest_id, self.warehouse.quarantine_location_id)
        self.assertEqual(len(lot), 1)
        self.assertEqual(lot.release_state, "quarantine")
        self.assertEqual(lot.conserverie_production_id, production)
        expected = (production.date_start + timedelta(days=730)).date()
        self.assertEqual(lot.use_date.date(), expected)
        self.assertEqual(lot.expiration_date.date(), expected)
        quants = self.env["stock.quant"].search([("lot_id", "=", lot.id), ("quantity", ">", 0)])
        self.assertEqual(quants.location_id, self.warehouse.quarantine_location_id)
        self.assertEqual(sum(quants.mapped("quantity")), 10)
        reports = self.env["ir.attachment"].search(
            [("res_model", "=", "stock.lot"), ("res_id", "=", lot.id)]
        )
        self.assertEqual(len(reports), 1)
        self.assertEqual(reports.mimetype, "application/pdf")
        self.assertTrue(reports.raw.startswith(b"%PDF"))

    def test_operator_without_training_refused(self):
        with self.assertRaisesRegex(ValidationError, "bottling training"):
            self._create_production(self.sauce_bom, operator_ids=[Command.set(self.untrained.ids)])

    def test_yield_and_cost_per_jar(self):
        production, _lot = self._produce_with_passed_cycle(self.compote_bom, 10)
        self.assertAlmostEqual(production.produce_kg, 4.0)
        self.assertEqual(production.jar_count, 10)
        # 4 kg apples + 0.5 kg sugar in, 10 x 350 g out
        self.assertAlmostEqual(production.loss_kg, 1.0)
        self.assertAlmostEqual(production.kg_per_jar, 0.4)
        # donated apples are free: sugar 0.05 x 1.5 + jar 0.9 + lid 0.1
        self.assertAlmostEqual(production.cost_per_jar, 1.075, delta=0.006)

    def test_activity_shows_productions(self):
        production = self._create_production(self.compote_bom)
        self.assertEqual(self.workshop.production_count, 1)
        action = self.workshop.action_view_productions()
        self.assertEqual(self.env["mrp.production"].search(action["domain"]), production)
