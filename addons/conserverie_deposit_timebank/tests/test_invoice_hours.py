from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.conserverie_timebank.tests.common import TimebankCase

PRESERVE_PRICE = 4.0
DEPOSIT_PRICE = 0.5


@tagged("post_install", "-at_install")
class TestInvoiceDepositsNotPaidInHours(TimebankCase):
    """A purchasing group's invoice: hours pay the preserves, never their deposits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deposit = cls.env["product.product"].create(
            {"name": "Consigne 370 (facture)", "is_deposit": True, "list_price": DEPOSIT_PRICE}
        )
        cls.jar_370.deposit_product_id = cls.deposit
        cls.preserve = cls.env["product.product"].create(
            {
                "name": "Confiture en bocal (facture)",
                "is_storable": True,
                "list_price": PRESERVE_PRICE,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        cls.group = cls.env["res.partner"].create(
            {"name": "Groupement (facture)", "is_purchasing_group": True, "is_company": True}
        )
        cls.member_account.min_balance = cls.member_account.balance - 10.0
        cls.start = cls.member_account.balance

    def _invoice(self, jars):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.group.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.preserve.id,
                            "product_uom_qty": jars,
                            "price_unit": PRESERVE_PRICE,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _pay(self, invoice, hours):
        wizard = (
            self.env["conserverie.time.invoice.payment"]
            .with_user(self.staff_user)
            .with_context(default_invoice_id=invoice.id)
            .create({"partner_id": self.member.id, "hours": hours})
        )
        wizard.action_confirm()
        return wizard

    def test_deposit_lines_are_not_payable_in_hours(self):
        invoice = self._invoice(10)
        deposit_lines = invoice.invoice_line_ids.filtered(
            lambda line: line.product_id == self.deposit
        )
        self.assertEqual(deposit_lines.quantity, 10)
        self.assertEqual(invoice.amount_total, 10 * (PRESERVE_PRICE + DEPOSIT_PRICE))
        self.assertEqual(invoice._get_lines_not_payable_in_hours(), deposit_lines)
        self.assertEqual(invoice._get_amount_payable_in_hours(), 10 * PRESERVE_PRICE)

    def test_hours_paying_a_deposit_are_refused(self):
        invoice = self._invoice(10)
        with self.assertRaisesRegex(UserError, "deposits are paid in euros"):
            self._pay(invoice, 4.5)
        self.assertFalse(self.env["account.payment"].search([("time_invoice_id", "=", invoice.id)]))
        self.assertAlmostEqual(self.member_account.balance, self.start)

        self._pay(invoice, 4.0)
        self.assertAlmostEqual(self.member_account.balance, self.start - 4.0)
        self.assertEqual(invoice.amount_residual, 10 * DEPOSIT_PRICE)
        self.assertEqual(invoice._get_amount_payable_in_hours(), 0.0)
        self.assertFalse(invoice.is_payable_in_hours)
        with self.assertRaisesRegex(UserError, "deposits are paid in euros"):
            self._pay(invoice, 0.5)
        self.assertAlmostEqual(self.member_account.balance, self.start - 4.0)
