from contextlib import contextmanager

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestHoursJournal(TimebankCase):
    """The hours journal takes only payments that debit a member's hours: Pay in hours
    and a till session's close, never Register payment nor a payment made by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group = cls.env["res.partner"].create(
            {"name": "Groupement (journal des heures)", "is_purchasing_group": True}
        )
        cls.hours_journal = cls.time_method.journal_id
        cls.bank_journal = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        ) - cls.hours_journal or cls.env["account.journal"].create(
            {"name": "Banque (test)", "code": "BQT", "type": "bank"}
        )
        cls.admin_user = cls.env.ref("base.user_admin")
        cls.users = (
            cls.volunteer_user
            | cls.staff_user
            | cls.coordinator_user
            | cls.accountant_user
            | cls.admin_user
        )
        cls.Move._post_crew_credit([(cls.member, 8.0)], "Atelier (journal des heures)")

    def _invoice(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.group.id,
                "invoice_line_ids": [
                    Command.create({"name": "Paniers", "quantity": 10, "price_unit": 10.0})
                ],
            }
        )
        invoice.action_post()
        return invoice

    @contextmanager
    def _assert_refused(self):
        """Refused with the reason (Odoo's assertRaises undoes what was written before)."""
        with self.assertRaises(UserError) as caught:
            yield
        self.assertIn("takes members' hours", str(caught.exception))

    def _hours_journal_payments(self):
        return self.env["account.payment"].search([("journal_id", "=", self.hours_journal.id)])

    def _assert_nothing_paid(self, invoice, payments, balance):
        self.assertEqual(self._hours_journal_payments(), payments)
        self.assertEqual(invoice.amount_residual, 100.0)
        self.member_account.invalidate_recordset(["balance"])
        self.assertEqual(self.member_account.balance, balance)

    def test_register_payment_in_hours_journal_refused(self):
        invoice = self._invoice()
        payments, balance = self._hours_journal_payments(), self.member_account.balance
        for user in self.users:
            with self.subTest(user=user.login):
                Register = (
                    self.env["account.payment.register"]
                    .with_user(user)
                    .with_context(active_model="account.move", active_ids=invoice.ids)
                )
                if user in (self.accountant_user, self.admin_user):
                    with self._assert_refused():
                        Register.create(
                            {"journal_id": self.hours_journal.id}
                        ).action_create_payments()
                else:
                    with self.assertRaises(UserError):  # an AccessError is one
                        Register.create(
                            {"journal_id": self.hours_journal.id}
                        ).action_create_payments()
                self._assert_nothing_paid(invoice, payments, balance)

    def test_payment_by_hand_in_hours_journal_refused(self):
        invoice = self._invoice()
        payments, balance = self._hours_journal_payments(), self.member_account.balance
        values = {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.group.id,
            "journal_id": self.hours_journal.id,
            "amount": 30.0,
        }
        for user in self.users:
            with self.subTest(user=user.login):
                Payment = self.env["account.payment"].with_user(user)
                if user in (self.accountant_user, self.admin_user):
                    with self._assert_refused():
                        Payment.create(values)
                    # what only Pay in hours sets does not open the journal either
                    with self._assert_refused():
                        Payment.create(
                            {
                                **values,
                                "time_invoice_id": invoice.id,
                                "time_partner_id": self.member.id,
                                "time_hours": 3.0,
                            }
                        )
                    # nor moving a payment made in another journal to it
                    payment = Payment.create({**values, "journal_id": self.bank_journal.id})
                    with self._assert_refused():
                        payment.journal_id = self.hours_journal
                else:
                    with self.assertRaises(UserError):  # an AccessError is one
                        Payment.create(values)
                self._assert_nothing_paid(invoice, payments, balance)
        # not even the superuser's code records one that debits nobody
        with self._assert_refused():
            self.env["account.payment"].sudo().create(values)

    def test_statement_line_in_hours_journal_refused(self):
        """A bank statement line typed in the hours journal could be matched with an
        invoice, paying it with hours no member gave: refused, whoever types it."""
        Line = self.env["account.bank.statement.line"]
        values = {"payment_ref": "Heures (test)", "amount": 30.0, "partner_id": self.group.id}
        lines = Line.search([("journal_id", "=", self.hours_journal.id)])
        for user in self.users:
            with self.subTest(user=user.login):
                if user in (self.accountant_user, self.admin_user):
                    with self._assert_refused():
                        Line.with_user(user).create({**values, "journal_id": self.hours_journal.id})
                else:
                    with self.assertRaises(UserError):  # an AccessError is one
                        Line.with_user(user).create({**values, "journal_id": self.hours_journal.id})
        with self._assert_refused():
            Line.sudo().create({**values, "journal_id": self.hours_journal.id})
        self.assertEqual(Line.search([("journal_id", "=", self.hours_journal.id)]), lines)

    def test_pay_in_hours_uses_the_hours_journal(self):
        invoice = self._invoice()
        balance = self.member_account.balance
        for user in (self.staff_user, self.accountant_user):
            with self.subTest(user=user.login):
                wizard = (
                    self.env["conserverie.time.invoice.payment"]
                    .with_user(user)
                    .with_context(default_invoice_id=invoice.id)
                    .create({"partner_id": self.member.id, "hours": 1.0})
                )
                wizard.action_confirm()
                self.assertEqual(wizard.payment_id.journal_id, self.hours_journal)
        self.member_account.invalidate_recordset(["balance"])
        self.assertEqual(self.member_account.balance, balance - 2.0)
        self.assertEqual(invoice.amount_residual, 80.0)

    def test_session_close_uses_the_hours_journal(self):
        session = self._open_session()
        self._sync(
            self._order_data(session, [(self.jam, 2)], [(self.time_method, 10.0)], self.member)
        )
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        payment = self.env["account.payment"].search([("pos_session_id", "=", session.id)])
        self.assertEqual(payment.journal_id, self.hours_journal)
        self.assertEqual(session.time_clearing_move_id.line_ids.mapped("balance"), [10.0, -10.0])

    def test_clearing_entry_built_once_for_both(self):
        vals = self.company._prepare_time_clearing_move_vals(
            self.hours_journal, fields.Date.today(), "Remboursement", -4.0
        )
        move = self.env["account.move"].create(vals)
        self.assertRecordValues(
            move.line_ids,
            [
                {"account_id": self.company.time_settlement_account_id.id, "balance": -4.0},
                {"account_id": self.company.time_clearing_account_id.id, "balance": 4.0},
            ],
        )
        self.assertEqual(move.journal_id, self.hours_journal)
        self.assertEqual(move.ref, "Remboursement")
