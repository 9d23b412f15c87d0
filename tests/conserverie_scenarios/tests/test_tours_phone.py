"""The stall on a phone and on a laptop: jars back through "Return jars", hours paying
all but the deposits (conserverie_scenarios_phone_checkout)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import StallCase

PRESERVE_PRICE = 6.0
DEPOSIT_PRICE = 0.5  # StallCase's 370 ml deposit
JARS_SOLD = 3
JARS_RETURNED = 2
MEMBER_HOURS = 5.0
HOURS_PAID_EUROS = JARS_SOLD * PRESERVE_PRICE  # proposed by the till: all but the deposits
CASH_PAID = (JARS_SOLD - JARS_RETURNED) * DEPOSIT_PRICE


@tagged("post_install", "-at_install")
class TestPhoneTours(HttpCase, StallCase):
    """A volunteer runs the stall from a phone (390 x 844) or a laptop (1366 x 768)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._member("Adhérente Téléphone", hours=MEMBER_HOURS)
        cls.deposit_370.name = "Consigne téléphone"
        # a second jar format, so the volunteer picks the one brought back
        cls.env["product.product"].create(
            {
                "name": "Consigne 720 ml téléphone",
                "is_deposit": True,
                "list_price": 0.8,
                "available_in_pos": True,
            }
        )
        cls.preserve = cls.env["product.product"].create(
            {
                "name": "Soupe téléphone",
                "is_storable": True,
                "list_price": PRESERVE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        category = cls.env["pos.category"].create({"name": "Bocaux téléphone"})
        cls.preserve.pos_categ_ids = category
        cls.cash_method.name = "Espèces téléphone"
        cls.time_method.name = "Heures téléphone"
        cls.stall.write(
            {"limit_categories": True, "iface_available_categ_ids": [Command.set(category.ids)]}
        )
        cls._open_stall(cls.volunteer_user)

    def _run_checkout_tour(self, browser_size):
        self.browser_size = browser_size
        self.start_tour(
            f"/pos/ui?config_id={self.stall.id}",
            "conserverie_scenarios_phone_checkout",
            login=self.volunteer_user.login,
        )
        self.env.invalidate_all()
        order = self.env["pos.order"].search([("config_id", "=", self.stall.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.volunteer_user)
        self.assertAlmostEqual(order.amount_total, HOURS_PAID_EUROS + CASH_PAID)
        self.assertFalse(order.has_review_issue)

        # The soup, its deposits in step with it, the empties brought back on their own.
        preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
        self.assertEqual(preserve_line.qty, JARS_SOLD)
        deposit_line = preserve_line.deposit_line_ids
        self.assertEqual(deposit_line.product_id, self.deposit_370)
        self.assertEqual(deposit_line.qty, JARS_SOLD)
        self.assertAlmostEqual(deposit_line.price_subtotal_incl, JARS_SOLD * DEPOSIT_PRICE)
        return_line = order.lines - preserve_line - deposit_line
        self.assertEqual(return_line.product_id, self.deposit_370)
        self.assertEqual(return_line.qty, -JARS_RETURNED)
        self.assertFalse(return_line.deposit_parent_line_id)
        self.assertEqual(order.deposit_jars_returned, JARS_RETURNED)
        deposit_lines = order.lines.filtered("is_deposit_line")
        self.assertEqual(deposit_lines, deposit_line | return_line)
        self.assertEqual(order._get_lines_not_payable_in_hours(), deposit_lines)

        # Hours pay the soup, never more than the lines other than deposits.
        payments = {payment.payment_method_id: payment for payment in order.payment_ids}
        self.assertEqual(set(payments), {self.cash_method, self.time_method})
        hours_paid = payments[self.time_method].amount
        not_deposits = sum((order.lines - deposit_lines).mapped("price_subtotal_incl"))
        self.assertLessEqual(hours_paid, not_deposits)
        self.assertAlmostEqual(hours_paid, HOURS_PAID_EUROS)
        self.assertAlmostEqual(payments[self.cash_method].amount, CASH_PAID)
        self.assertAlmostEqual(order.time_hours, HOURS_PAID_EUROS / 10.0)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS - order.time_hours)

    def test_checkout_on_a_phone(self):
        self._run_checkout_tour("390x844")

    def test_checkout_on_a_laptop(self):
        self._run_checkout_tour("1366x768")
