from odoo.tests import HttpCase, tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestBackOfficeTour(HttpCase, ProductionCase):
    """Centre staff take a production from Production > New to its labels in a real
    browser (conserverie_production_back_office)."""

    def test_production_from_new_to_labels(self):
        self.start_tour("/odoo", "conserverie_production_back_office", login=self.staff_user.login)
        production = self.env["mrp.production"].search(
            [("product_id", "=", self.compote.id), ("create_uid", "=", self.staff_user.id)]
        )
        self.assertEqual(len(production), 1)
        self.assertEqual(production.state, "done")
        self.assertEqual(production.activity_id, self.workshop)
        self.assertEqual(production.picking_type_id, self.warehouse.manu_type_id)
        self.assertEqual(production.sterilisation_cycle_ids.state, "passed")
        lot = production.finished_lot_ids
        self.assertEqual(lot.release_state, "released")
        self.assertEqual(lot.release_user_id, self.staff_user)
        self.assertAlmostEqual(lot.ph_measured, 3.8)
        apples = production.move_raw_ids.filtered(lambda m: m.product_id == self.apples)
        self.assertEqual(apples.move_line_ids.lot_id, self.apple_lot)
        documents = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "stock.lot"),
                ("res_id", "=", lot.id),
                ("mimetype", "=", "application/pdf"),
                ("create_uid", "=", self.staff_user.id),
            ]
        )
        cycle_report = production.sterilisation_cycle_ids.report_attachment_id
        self.assertEqual(
            sorted(documents.mapped("name")), sorted([f"Labels {lot.name}.pdf", cycle_report.name])
        )
