from odoo import Command
from odoo.tests import Form, tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestProductionForm(ProductionCase):
    """A production made through the screens, as centre staff, goes through the mobile unit."""

    def _new_production(self, bom, **values):
        Production = self.env["mrp.production"].with_user(self.staff_user)
        with Form(Production) as form:
            form.product_id = bom.product_id
            form.bom_id = bom
            form.product_qty = 10
            for field_name, value in values.items():
                setattr(form, field_name, value)
            if bom.preserving_process:
                form.operator_ids.add(self.operator)
        return form.record

    def test_preserve_goes_through_the_mobile_unit(self):
        production = self._new_production(self.compote_bom)
        self.assertEqual(production.picking_type_id, self.warehouse.manu_type_id)
        self.assertEqual(production.location_src_id, self.warehouse.lot_stock_id)
        self.assertEqual(production.location_dest_id, self.warehouse.quarantine_location_id)
        self.assertEqual(
            production.move_raw_ids.location_id,
            self.warehouse.lot_stock_id,
            "components are taken from the mobile unit's stock",
        )

    def test_workshop_production_of_a_plain_product_goes_through_the_mobile_unit(self):
        bom = self._create_bom(self.sauce, [(self.apples, 0.3)])
        production = self._new_production(bom, activity_id=self.workshop)
        self.assertFalse(bom.preserving_process)
        self.assertEqual(production.picking_type_id, self.warehouse.manu_type_id)

    def test_production_from_the_form_can_be_finished(self):
        production = self._new_production(self.sauce_bom, activity_id=self.workshop)
        production = production.with_user(self.staff_user)
        production.action_confirm()
        apple_move = production.move_raw_ids.filtered(lambda m: m.product_id == self.apples)
        self.assertEqual(apple_move.move_line_ids.lot_id, self.apple_lot, "intake lot reserved")
        self.assertEqual(apple_move.quantity, 3.0)

        Cycle = self.env["conserverie.sterilisation.cycle"].with_user(self.staff_user)
        with Form(Cycle) as cycle_form:
            cycle_form.autoclave_id = self.autoclave
            cycle_form.operator_id = self.operator
            cycle_form.production_ids.add(production)
        cycle = cycle_form.record
        cycle.import_readings(self._passing_csv(self.sauce_bom))
        self.assertEqual(cycle.state, "passed")

        action = production.button_mark_done()
        self.assertIn(action, (True, None), action)
        self.assertEqual(production.state, "done")
        lot = production.finished_lot_ids
        self.assertEqual(len(lot), 1)
        self.assertEqual(lot.release_state, "quarantine")
        consumed = production.move_raw_ids.filtered(lambda m: m.product_id == self.apples)
        self.assertEqual(consumed.move_line_ids.lot_id, self.apple_lot)
        lot.invalidate_recordset()  # as the next request of the web client would
        self.assertEqual(lot.conserverie_source_lot_ids, self.apple_lot)
        quants = self.env["stock.quant"].search([("lot_id", "=", lot.id), ("quantity", ">", 0)])
        self.assertEqual(quants.location_id, self.warehouse.quarantine_location_id)
        self.assertEqual(sum(quants.mapped("quantity")), 10)

    def test_explicit_operation_type_of_the_recipe_is_kept(self):
        other_type = self.env["stock.picking.type"].search(
            [
                ("code", "=", "mrp_operation"),
                ("company_id", "=", self.env.company.id),
                ("id", "!=", self.warehouse.manu_type_id.id),
            ],
            limit=1,
        )
        self.assertTrue(other_type)
        self.compote_bom.picking_type_id = other_type
        production = self._new_production(self.compote_bom)
        self.assertEqual(production.picking_type_id, other_type)
        self.assertEqual(production.location_dest_id, self.warehouse.quarantine_location_id)

    def test_code_created_production_uses_the_mobile_unit(self):
        production = self.env["mrp.production"].create(
            {
                "product_id": self.compote.id,
                "bom_id": self.compote_bom.id,
                "product_qty": 2,
                "operator_ids": [Command.set(self.operator.ids)],
            }
        )
        self.assertEqual(production.picking_type_id, self.warehouse.manu_type_id)
