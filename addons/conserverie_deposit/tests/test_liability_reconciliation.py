from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestLiabilityReconciliation(DepositCase):
    """The deposit ledger against 419600: equal when every document is booked, and the
    document named when not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_pos()
        cls.group = cls.env["res.partner"].create(
            {"name": "Groupement (test)", "is_purchasing_group": True, "is_company": True}
        )
        cls.Ledger = cls.env["conserverie.deposit.move"]

    def _reconcile(self, date=None):
        return self.Ledger.get_liability_reconciliation(date or self.today, self.company)

    def _cause(self, result, source):
        causes = [cause for cause in result["causes"] if cause["source"] == source]
        self.assertEqual(len(causes), 1, f"{source} should cause a difference")
        return causes[0]

    def _invoiced_order(self, qty, invoice_date, date=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.group.id,
                "order_line": [Command.create({"product_id": self.jam.id, "product_uom_qty": qty})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = invoice_date
        if date:
            invoice.date = date
        invoice.action_post()
        return order, invoice

    def test_closed_session_and_invoice_match(self):
        before = self._reconcile()
        session = self._open_session()
        self._sync(
            self._order_data(session, self._with_deposit(self.jam, 4), partner=self.customer)
        )
        during = self._reconcile()
        # an open session: its deposits are in the ledger, not yet in the account
        self.assertAlmostEqual(during["difference"] - before["difference"], 2.0)
        cause = self._cause(during, session)
        self.assertEqual(cause["kind"], "open_session")
        self.assertAlmostEqual(cause["difference"], 2.0)
        self.assertEqual(cause["pos_orders"], session.order_ids)
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        _order, invoice = self._invoiced_order(6, self.today)
        after = self._reconcile()
        self.assertAlmostEqual(after["ledger_amount"] - before["ledger_amount"], 2.0 + 3.0)
        self.assertAlmostEqual(after["account_amount"] - before["account_amount"], 2.0 + 3.0)
        self.assertAlmostEqual(after["difference"], before["difference"])
        sources = [cause["source"] for cause in after["causes"]]
        self.assertNotIn(session.move_id, sources)
        self.assertNotIn(invoice, sources)

    def test_write_off_is_in_both(self):
        before = self._reconcile()
        self._invoiced_order(10, self.today - timedelta(days=400))
        entry = self.Ledger._write_off_unreturned(
            self.company, self.today - timedelta(days=365), self.today
        )
        after = self._reconcile()
        self.assertAlmostEqual(
            after["ledger_amount"] - before["ledger_amount"],
            after["account_amount"] - before["account_amount"],
        )
        self.assertAlmostEqual(after["difference"], before["difference"])
        self.assertNotIn(entry, [cause["source"] for cause in after["causes"]])
        written_off = self.Ledger.search([("account_move_id", "=", entry.id)])
        self.assertEqual(set(written_off.mapped("move_type")), {"write_off"})
        self.assertAlmostEqual(
            -sum(written_off.mapped("amount")),
            sum(
                entry.line_ids.filtered(lambda ln: ln.account_id == self.writeoff).mapped("credit")
            ),
        )

    def test_entry_unknown_to_the_ledger_is_named(self):
        before = self._reconcile()
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        entry = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": self.today,
                "line_ids": [
                    Command.create({"account_id": self.liability.id, "balance": -7.0}),
                    Command.create({"account_id": self.writeoff.id, "balance": 7.0}),
                ],
            }
        )
        entry.action_post()
        after = self._reconcile()
        self.assertAlmostEqual(after["difference"] - before["difference"], -7.0)
        self.assertAlmostEqual(after["unexplained"] - before["unexplained"], -7.0)
        cause = self._cause(after, entry)
        self.assertEqual(cause["kind"], "not_in_ledger")
        self.assertEqual(cause["journal_items"].account_id, self.liability)
        self.assertFalse(cause["ledger_moves"])

    def test_entry_booked_after_the_date_is_timing(self):
        cut_off = self.today - timedelta(days=5)
        before = self._reconcile(cut_off)
        # sold on day -10, booked on day -2, as a session closed days after its sales
        _order, invoice = self._invoiced_order(
            2, self.today - timedelta(days=10), date=self.today - timedelta(days=2)
        )
        self.assertEqual(invoice.date, self.today - timedelta(days=2))
        at_date = self._reconcile(cut_off)
        cause = self._cause(at_date, invoice)
        self.assertEqual(cause["kind"], "later")
        self.assertAlmostEqual(cause["difference"], 1.0)
        self.assertAlmostEqual(at_date["timing"] - before["timing"], 1.0)
        self.assertAlmostEqual(at_date["unexplained"], before["unexplained"])
        # once the entry's date is reached, both books agree
        self.assertNotIn(invoice, [c["source"] for c in self._reconcile()["causes"]])

    def test_invoice_reset_to_draft_leaves_the_books_at_its_date(self):
        day = self.today - timedelta(days=10)
        before = self._reconcile(self.today - timedelta(days=1))
        _order, invoice = self._invoiced_order(4, day)
        invoice.button_draft()
        # the correction cancels the deposit at the invoice's date, like the accounting
        after = self._reconcile(self.today - timedelta(days=1))
        self.assertAlmostEqual(after["ledger_amount"], before["ledger_amount"])
        self.assertAlmostEqual(after["difference"], before["difference"])
        correction = self.Ledger.search(
            [("account_move_id", "=", invoice.id), ("move_type", "=", "correction")]
        )
        self.assertEqual(correction.date, day)
        self.assertAlmostEqual(correction.amount, -2.0)
        invoice.action_post()
        self.assertAlmostEqual(
            self._reconcile(self.today - timedelta(days=1))["difference"], before["difference"]
        )

    def test_read_with_the_accountant_rights(self):
        result = self.Ledger.with_user(self.accountant_user).get_liability_reconciliation(
            self.today, self.company
        )
        self.assertEqual(result["account"], self.liability)
