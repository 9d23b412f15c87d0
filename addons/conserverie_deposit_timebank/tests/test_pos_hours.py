from odoo import Command
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload
from odoo.addons.conserverie_timebank.tests.common import TimebankCase

PRESERVE_PRICE = 5.0
DEPOSIT_PRICE = 0.5


@tagged("post_install", "-at_install")
class TestDepositsNotPaidInHours(TimebankCase):
    """Hours pay the preserves, never their deposits nor the empties refunded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deposit = cls.env["product.product"].create(
            {
                "name": "Consigne 370 (heures)",
                "is_deposit": True,
                "list_price": DEPOSIT_PRICE,
                "available_in_pos": True,
            }
        )
        cls.jar_370.deposit_product_id = cls.deposit
        cls.preserve = cls.env["product.product"].create(
            {
                "name": "Confiture en bocal (heures)",
                "is_storable": True,
                "list_price": PRESERVE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        cls.config.picking_type_id = cls.warehouse.pos_type_id
        cls.session = cls._open_session()

    def _lines(self, jars, empties=0):
        """``jars`` preserves with their deposit lines, ``empties`` jars brought back."""
        preserve_line = pos_line_values(self.preserve, jars)
        lines = [
            preserve_line,
            pos_line_values(self.deposit, jars, deposit_parent_uuid=preserve_line["uuid"]),
        ]
        if empties:
            lines.append(pos_line_values(self.deposit, -empties))
        return lines

    @staticmethod
    def _hours_issues(order):
        return order.review_issue_ids.filtered(lambda issue: issue.kind == "hours")

    def _sync_lines(self, lines, payments, user=None):
        data = pos_order_payload(self.session, lines, payments, partner=self.member)
        return self._sync(data, user=user)

    def test_deposit_lines_are_not_payable_in_hours(self):
        order = self._sync_lines(
            self._lines(2, empties=1),
            [(self.time_method, 10.0), (self.cash_method, 0.5)],
        )
        deposit_lines = order.lines.filtered(lambda line: line.product_id == self.deposit)
        self.assertEqual(len(deposit_lines), 2)
        self.assertEqual(order._get_lines_not_payable_in_hours(), deposit_lines)
        self.assertFalse(order.has_review_issue)

    def test_hours_paying_a_deposit_are_flagged(self):
        """Whoever syncs it, an order whose hours pay a deposit is kept and flagged."""
        for user in (self.volunteer_user, self.staff_user, self.coordinator_user):
            with self.subTest(user=user.login):
                self.member_account.sudo().flagged = False
                balance = self.member_account.balance
                total = PRESERVE_PRICE + DEPOSIT_PRICE
                order = self._sync_lines(self._lines(1), [(self.time_method, total)], user=user)
                self.assertEqual(order.state, "paid", "the sale is never lost")
                self.assertTrue(order.has_review_issue)
                self.assertIn(
                    self.company.currency_id.format(PRESERVE_PRICE),
                    self._hours_issues(order).message,
                )
                self.assertTrue(self.member_account.flagged)
                self.assertAlmostEqual(self.member_account.balance, balance - total / 10.0)

    def test_hours_paying_the_refund_of_empties_are_flagged(self):
        """Empties brought back are refunded in euros: hours cannot make up for them."""
        order = self._sync_lines(
            [*self._lines(1, empties=2), pos_line_values(self.jam, 1)],
            [(self.time_method, 10.0), (self.cash_method, -0.5)],
            user=self.volunteer_user,
        )
        self.assertFalse(order.has_review_issue, "hours pay exactly the preserves")
        order = self._sync_lines(
            [*self._lines(1, empties=2), pos_line_values(self.jam, 1)],
            [(self.time_method, 10.5), (self.cash_method, -1.0)],
            user=self.volunteer_user,
        )
        self.assertTrue(self._hours_issues(order))

    def test_preserves_in_hours_deposits_in_cash(self):
        order = self._sync_lines(
            self._lines(2),
            [(self.time_method, 2 * PRESERVE_PRICE), (self.cash_method, 2 * DEPOSIT_PRICE)],
            user=self.volunteer_user,
        )
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.has_review_issue)
        self.assertFalse(self.member_account.flagged)
