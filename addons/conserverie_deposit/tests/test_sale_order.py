from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestSaleOrder(DepositCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group = cls.env["res.partner"].create(
            {"name": "Groupement (test)", "is_purchasing_group": True, "is_company": True}
        )

    def _create_order(self, qty=10):
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.group
            with form.order_line.new() as line:
                line.product_id = self.jam
                line.product_uom_qty = qty
        return form.record

    def test_deposit_lines_follow_product_lines(self):
        order = self._create_order(10)
        jam_line = order.order_line.filtered(lambda ln: ln.product_id == self.jam)
        deposit_line = jam_line.deposit_line_ids
        self.assertEqual(deposit_line.product_id, self.deposit_370)
        self.assertEqual(deposit_line.product_uom_qty, 10)
        self.assertEqual(deposit_line.price_unit, 0.5)
        self.assertFalse(deposit_line.tax_id)
        jam_line.product_uom_qty = 12
        self.assertEqual(deposit_line.product_uom_qty, 12)
        jam_line.product_id = self.sauce
        self.assertEqual(deposit_line.product_id, self.deposit_720)
        jam_line.unlink()
        self.assertFalse(deposit_line.exists())
        self.assertFalse(order.order_line)

    def test_copied_order_has_one_deposit_per_line(self):
        copy = self._create_order(3).copy()
        self.assertEqual(len(copy.order_line), 2)
        self.assertEqual(
            copy.order_line.filtered("is_deposit_line").deposit_parent_line_id.product_id, self.jam
        )

    def test_deposit_not_discounted_by_pricelist(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Moitié prix (test)",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 50,
                        }
                    )
                ],
            }
        )
        self.group.property_product_pricelist = pricelist
        order = self._create_order(4)
        jam_line = order.order_line.filtered(lambda ln: ln.product_id == self.jam)
        self.assertEqual(jam_line.price_unit, 2.0)
        self.assertEqual(jam_line.deposit_line_ids.price_unit, 0.5)

    def test_deposit_line_price_edit_refused(self):
        order = self._create_order(2)
        deposit_line = order.order_line.filtered("is_deposit_line")
        with self.assertRaisesRegex(ValidationError, "cannot be priced on its own"):
            deposit_line.price_unit = 0.1
        with self.assertRaisesRegex(ValidationError, "cannot be discounted"):
            deposit_line.discount = 20

    def test_invoice_and_return(self):
        order = self._create_order(10)
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.quantity = 10
        delivery.move_ids.picked = True
        delivery.button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        deposit_invoice_line = invoice.invoice_line_ids.filtered(
            lambda ln: ln.product_id == self.deposit_370
        )
        self.assertEqual(deposit_invoice_line.quantity, 10)
        self.assertEqual(deposit_invoice_line.account_id, self.liability)
        self.assertFalse(deposit_invoice_line.tax_ids)
        self.assertEqual(self.group.deposit_jar_count, 10)
        self.assertAlmostEqual(self.group.deposit_balance, 5.0)

        wizard = (
            self.env["conserverie.deposit.return.wizard"]
            .with_context(default_sale_order_id=order.id)
            .create({})
        )
        self.assertEqual(wizard.line_ids.jar_product_id, self.jar_370)
        self.assertEqual(wizard.line_ids.quantity_out, 10)
        wizard.line_ids.quantity = 7
        action = wizard.action_confirm()
        refund = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertAlmostEqual(refund.amount_total, 3.5)
        self.assertEqual(refund.invoice_line_ids.account_id, self.liability)
        picking = order.deposit_return_picking_ids
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.location_dest_id, self.warehouse.empty_jars_location_id)
        self.assertEqual(self._empties_qty(self.jar_370), 7)
        self.assertEqual(self.group.deposit_jar_count, 3)
        self.assertAlmostEqual(self.group.deposit_balance, 1.5)
        # the order line's invoicing is untouched by the deposit credit note
        self.assertEqual(order.order_line.filtered("is_deposit_line").qty_invoiced, 10)

    def test_bad_returns_refused(self):
        order = self._create_order(5)
        order.action_confirm()
        cases = [
            ({self.jar_370: -1}, "cannot be negative"),
            ({self.jar_no_deposit: 1}, "has no deposit product"),
            ({self.jar_370: 6}, "Only 5"),
        ]
        for jars, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(UserError, message):
                order._conserverie_return_jars(jars)
        self.assertFalse(order.deposit_return_picking_ids)
        self.assertFalse(order.deposit_refund_ids)
        self.assertEqual(self._empties_qty(self.jar_370), 0)
