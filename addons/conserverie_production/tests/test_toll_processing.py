from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestTollProcessing(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.toll_intake = cls._create_intake([(cls.apples, 20.0)], source="toll_processing")
        cls.toll_intake.action_validate()
        cls.grower_lot = cls.toll_intake.line_ids.lot_id

    def _quants(self, lot, **domain):
        return self.env["stock.quant"].search(
            [("lot_id", "=", lot.id), ("quantity", ">", 0), ("location_id.usage", "=", "internal")]
            + [(k, "=", v) for k, v in domain.items()]
        )

    def test_toll_production_ownership_delivery_and_fee(self):
        self.assertEqual(
            self._quants(self.grower_lot).location_id, self.warehouse.grower_produce_location_id
        )
        production, lot = self._produce_with_passed_cycle(
            self.compote_bom, 10, toll_partner_id=self.grower.id
        )
        self.assertEqual(production.location_src_id, self.warehouse.grower_produce_location_id)
        consumed = production.move_raw_ids.filtered(lambda m: m.product_id == self.apples)
        self.assertEqual(consumed.move_line_ids.lot_id, self.grower_lot)
        self.assertEqual(consumed.move_line_ids.owner_id, self.grower)
        self.assertEqual(sum(self._quants(self.grower_lot).mapped("quantity")), 16.0)
        # The facility's own apples are untouched.
        self.assertEqual(sum(self._quants(self.apple_lot).mapped("quantity")), 50.0)

        jars = self._quants(lot)
        self.assertEqual(jars.owner_id, self.grower)
        self.assertEqual(jars.location_id, self.warehouse.quarantine_location_id)

        with self.assertRaisesRegex(UserError, "Release"):
            production.action_toll_deliver()
        lot.ph_measured = 3.9
        lot.action_release()
        jars = self._quants(lot)
        self.assertEqual(jars.location_id, self.warehouse.toll_jars_location_id)
        self.assertEqual(jars.owner_id, self.grower)
        self.assertFalse(self._quants(lot, location_id=self.warehouse.released_location_id.id))
        self.assertNotIn(
            jars.location_id,
            self.env["stock.location"].search([("id", "child_of", self.warehouse.lot_stock_id.id)]),
        )

        production.action_toll_deliver()
        picking = production.toll_picking_id
        self.assertEqual(picking.partner_id, self.grower)
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(picking.move_line_ids.lot_id, lot)
        self.assertEqual(picking.move_line_ids.owner_id, self.grower)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertFalse(self._quants(lot))

        production.action_toll_invoice()
        invoice = production.toll_invoice_id
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.grower)
        self.assertEqual(invoice.invoice_line_ids.product_id, self.fee_370)
        self.assertEqual(invoice.invoice_line_ids.quantity, 10)
        self.assertAlmostEqual(invoice.amount_untaxed, 8.0)
        with self.assertRaises(UserError):
            production.action_toll_invoice()

    def test_fee_product_required(self):
        self.jar_370.toll_fee_product_id = False
        production, _lot = self._produce_with_passed_cycle(
            self.compote_bom, 5, toll_partner_id=self.grower.id
        )
        with self.assertRaisesRegex(UserError, "toll-processing fee"):
            production.action_toll_invoice()

    def test_ordinary_production_ignores_grower_produce(self):
        production, _lot = self._produce_with_passed_cycle(self.compote_bom, 10)
        self.assertNotIn(self.grower_lot, production.move_raw_ids.move_line_ids.lot_id)
        self.assertEqual(sum(self._quants(self.grower_lot).mapped("quantity")), 20.0)

    def test_toll_partner_chosen_in_the_form(self):
        with Form(self.env["mrp.production"]) as form:
            form.product_id = self.compote
            form.picking_type_id = self.warehouse.manu_type_id
            form.bom_id = self.compote_bom
            form.product_qty = 5
            form.toll_partner_id = self.grower
        production = form.save()
        self.assertEqual(production.location_dest_id, self.warehouse.quarantine_location_id)
        produce = production.move_raw_ids.filtered(lambda m: m.product_id == self.apples)
        self.assertEqual(produce.location_id, self.warehouse.grower_produce_location_id)
        self.assertEqual(produce.restrict_partner_id, self.grower)
        jars = production.move_raw_ids.filtered(lambda m: m.product_id == self.jar_370)
        self.assertEqual(jars.location_id, self.warehouse.lot_stock_id)
        self.assertFalse(jars.restrict_partner_id)
