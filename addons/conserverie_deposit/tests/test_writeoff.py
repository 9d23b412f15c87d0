from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestWriteoff(DepositCase):
    def _ledger(self, days_ago, move_type, deposit, qty, partner=None):
        return self.env["conserverie.deposit.move"].create(
            {
                "date": self.today - timedelta(days=days_ago),
                "move_type": move_type,
                "deposit_product_id": deposit.id,
                "quantity": qty,
                "amount": qty * deposit.lst_price,
                "partner_id": partner.id if partner else False,
            }
        )

    def test_writeoff_old_unreturned(self):
        self._ledger(400, "sale", self.deposit_370, 10, self.customer)
        self._ledger(10, "sale", self.deposit_370, 6, self.customer)
        self._ledger(5, "return", self.deposit_370, -4, self.customer)
        wizard = self.env["conserverie.deposit.writeoff.wizard"].create({"days": 365})
        self.assertEqual(wizard.jar_count, 6)
        self.assertAlmostEqual(wizard.amount, 3.0)
        action = wizard.action_confirm()
        entry = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(entry.state, "posted")
        self.assertEqual(entry.date, self.today)
        liability_line = entry.line_ids.filtered(lambda ln: ln.account_id == self.liability)
        writeoff_line = entry.line_ids.filtered(lambda ln: ln.account_id == self.writeoff)
        self.assertEqual(self.writeoff.code, "708600")
        self.assertAlmostEqual(liability_line.debit, 3.0)
        self.assertAlmostEqual(writeoff_line.credit, 3.0)
        self.assertEqual(self.customer.deposit_jar_count, 6)
        self.assertAlmostEqual(self.customer.deposit_balance, 3.0)
        # nothing left to write off: refused, nothing written
        with self.assertRaisesRegex(UserError, "No deposit older"):
            self.env["conserverie.deposit.writeoff.wizard"].create({"days": 365}).action_confirm()

    def test_ledger_is_append_only(self):
        move = self._ledger(1, "sale", self.deposit_370, 1)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            move.quantity = 5
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            move.unlink()
