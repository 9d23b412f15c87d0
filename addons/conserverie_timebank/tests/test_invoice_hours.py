from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestInvoiceHours(TimebankCase):
    """A member's hours pay part of a purchasing group's invoice, once, within the limits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group = cls.env["res.partner"].create(
            {"name": "Groupement d'achat (test)", "is_purchasing_group": True, "is_company": True}
        )
        cls.basket = cls.env["product.product"].create(
            {
                "name": "Panier de conserves (test)",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
            }
        )
        # the member may spend 10 h: the minimum is 10 h below the balance
        cls.Move._post_crew_credit([(cls.member, 8.0)], "Atelier (test)")
        cls.start = cls.member_account.balance
        cls.member_account.min_balance = cls.start - 10.0
        cls.clearing = cls.company._get_time_clearing_account()
        cls.settlement = cls.company._get_time_settlement_account()

    def _invoice(self, quantity=10, partner=None):
        """A purchasing group's sale order, confirmed and invoiced: 10 € a basket."""
        order = self.env["sale.order"].create(
            {
                "partner_id": (partner or self.group).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.basket.id,
                            "product_uom_qty": quantity,
                            "price_unit": 10.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _wizard(self, invoice, user, hours, partner=None, **values):
        return (
            self.env["conserverie.time.invoice.payment"]
            .with_user(user)
            .with_context(default_invoice_id=invoice.id)
            .create({"partner_id": (partner or self.member).id, "hours": hours, **values})
        )

    def _time_payments(self, invoice):
        return self.env["account.payment"].search([("time_invoice_id", "=", invoice.id)])

    def _clearing_balance(self):
        lines = self.env["account.move.line"].search(
            [("account_id", "=", self.clearing.id), ("parent_state", "=", "posted")]
        )
        return self.company.currency_id.round(sum(lines.mapped("balance")))

    def test_staff_pays_in_hours_from_the_invoice(self):
        invoice = self._invoice()
        self.assertTrue(invoice.is_payable_in_hours)
        action = invoice.with_user(self.staff_user).action_pay_in_hours()
        self.assertEqual(action["res_model"], "conserverie.time.invoice.payment")
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.staff_user)
            .with_context(**action["context"])
        )
        wizard_form.partner_id = self.member
        wizard_form.hours = 3.5
        self.assertEqual(wizard_form.amount, 35.0)
        self.assertEqual(wizard_form.amount_payable, 100.0)
        wizard = wizard_form.save()
        wizard.action_confirm()

        payment = wizard.payment_id
        self.assertEqual(payment.journal_id, self.time_method.journal_id)
        self.assertEqual(payment.amount, 35.0)
        self.assertEqual(payment.time_partner_id, self.member)
        self.assertEqual(payment.outstanding_account_id, self.clearing)
        self.assertAlmostEqual(self.member_account.balance, self.start - 3.5)
        self.assertEqual(invoice.amount_residual, 65.0)
        self.assertEqual(invoice.payment_state, "partial")
        self.assertEqual(invoice.time_paid_amount, 35.0)
        debit = payment.time_move_ids.filtered(lambda move: move.account_id == self.member_account)
        self.assertEqual(debit.move_type, "purchase")
        self.assertAlmostEqual(debit.amount, -3.5)
        self.assertEqual(debit.user_id, self.staff_user)
        self.assertEqual(debit.reason, invoice.name)

    def test_accountant_pays_in_hours(self):
        invoice = self._invoice()
        self._wizard(invoice, self.accountant_user, 2.0).action_confirm()
        self.assertAlmostEqual(self.member_account.balance, self.start - 2.0)
        self.assertEqual(invoice.amount_residual, 80.0)

    def test_paid_twice_debited_once(self):
        """The same request, sent again or confirmed twice, pays and debits once."""
        invoice = self._invoice()
        wizard = self._wizard(invoice, self.staff_user, 2.0)
        wizard.action_confirm()
        wizard.action_confirm()
        payment = wizard.payment_id
        # the web client sends the same form again: a new wizard with the same request
        resent = self._wizard(invoice, self.staff_user, 2.0, request_ref=wizard.request_ref)
        resent.action_confirm()
        self.assertEqual(resent.payment_id, payment)
        same = invoice.with_user(self.staff_user)._pay_in_hours(
            self.member, 2.0, request_ref=wizard.request_ref
        )
        self.assertEqual(same, payment)
        # the debit itself, asked again, posts nothing
        self.assertFalse(payment._post_time_debit())
        self.assertEqual(self._time_payments(invoice), payment)
        self.assertEqual(len(payment.time_move_ids), 2)
        self.assertAlmostEqual(self.member_account.balance, self.start - 2.0)
        self.assertEqual(invoice.amount_residual, 80.0)
        # another request is another payment
        self._wizard(invoice, self.staff_user, 1.0).action_confirm()
        self.assertEqual(len(self._time_payments(invoice)), 2)
        self.assertAlmostEqual(self.member_account.balance, self.start - 3.0)

    def test_request_of_another_invoice_refused(self):
        invoice = self._invoice()
        wizard = self._wizard(invoice, self.staff_user, 1.0)
        wizard.action_confirm()
        other = self._invoice()
        with self.assertRaisesRegex(UserError, "paid another invoice"):
            other.with_user(self.staff_user)._pay_in_hours(
                self.member, 1.0, request_ref=wizard.request_ref
            )
        self.assertFalse(self._time_payments(other))

    def test_over_limit_refused_unless_a_coordinator_allows(self):
        invoice = self._invoice(20)
        for user in (self.staff_user, self.accountant_user, self.coordinator_user):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "below its minimum"):
                    self._wizard(invoice, user, 12.0).action_confirm()
                self.assertAlmostEqual(self.member_account.balance, self.start)
                self.assertFalse(self._time_payments(invoice))
                self.assertFalse(self.member_account.flagged)
        for user in (self.staff_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "coordinator"):
                invoice.with_user(user)._pay_in_hours(self.member, 12.0, allow_over_limit=True)
        with self.assertRaisesRegex(UserError, "coordinator"):
            self._wizard(invoice, self.staff_user, 12.0, allow_over_limit=True).action_confirm()
        self.assertAlmostEqual(self.member_account.balance, self.start)
        self.assertFalse(self._time_payments(invoice))

        wizard = self._wizard(invoice, self.coordinator_user, 12.0, allow_over_limit=True)
        wizard.action_confirm()
        self.assertTrue(wizard.payment_id)
        self.assertAlmostEqual(self.member_account.balance, self.start - 12.0)
        self.assertTrue(self.member_account.flagged)
        self.assertEqual(invoice.amount_residual, 80.0)

    def test_volunteer_refused(self):
        """Through what the web client calls: the button, the wizard, its confirmation."""
        invoice = self._invoice()
        with self.assertRaises(AccessError):
            invoice.with_user(self.volunteer_user).action_pay_in_hours()
        with self.assertRaises(AccessError):
            self._wizard(invoice, self.volunteer_user, 1.0)
        wizard = self._wizard(invoice, self.staff_user, 1.0)
        with self.assertRaises(AccessError):
            wizard.with_user(self.volunteer_user).action_confirm()
        with self.assertRaises(AccessError):
            invoice.with_user(self.volunteer_user)._pay_in_hours(self.member, 1.0)
        self.assertFalse(self._time_payments(invoice))
        self.assertAlmostEqual(self.member_account.balance, self.start)
        self.assertEqual(invoice.amount_residual, 100.0)

    def test_bad_input_refused(self):
        invoice = self._invoice()
        ordinary = self._invoice(partner=self.neighbour)
        cases = [
            (invoice, self.member, 11.0, "at most"),
            (invoice, self.member, 0.0, "above zero"),
            (invoice, self.group, 1.0, "member"),
            (ordinary, self.member, 1.0, "purchasing group"),
        ]
        for move, partner, hours, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(UserError, message):
                self._wizard(move, self.staff_user, hours, partner=partner).action_confirm()
        self.assertFalse(self._time_payments(invoice) | self._time_payments(ordinary))
        self.assertAlmostEqual(self.member_account.balance, self.start)
        self.assertFalse(ordinary.is_payable_in_hours)
        with self.assertRaisesRegex(UserError, "purchasing group"):
            ordinary.with_user(self.staff_user).action_pay_in_hours()

    def test_hours_pay_what_is_left(self):
        invoice = self._invoice()
        self.Move._post_crew_credit([(self.neighbour, 5.0)], "Glanage (test)")
        self._wizard(invoice, self.staff_user, 6.0).action_confirm()
        self._wizard(invoice, self.staff_user, 3.0, partner=self.neighbour).action_confirm()
        self.assertEqual(invoice._get_amount_payable_in_hours(), 10.0)
        with self.assertRaisesRegex(UserError, "at most"):
            self._wizard(invoice, self.staff_user, 1.5).action_confirm()
        self._wizard(invoice, self.staff_user, 1.0).action_confirm()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertFalse(invoice.is_payable_in_hours)

    def test_clearing_to_zero(self):
        """Each payment in hours is cleared to the settlement account at once."""
        invoice = self._invoice()
        clearing_before = self._clearing_balance()
        redeemed_before = self.Move.get_hours_totals(self.today, self.today)["hours_redeemed"]
        first = self._wizard(invoice, self.staff_user, 2.0)
        first.action_confirm()
        second = self._wizard(invoice, self.accountant_user, 1.25)
        second.action_confirm()
        payments = first.payment_id | second.payment_id
        for payment in payments:
            clearing_move = payment.time_clearing_move_id
            self.assertEqual(clearing_move.state, "posted")
            self.assertEqual(clearing_move.journal_id, self.time_method.journal_id)
            lines = (payment.move_id | clearing_move).line_ids.filtered(
                lambda line, payment=payment: line.account_id == self.clearing
            )
            self.assertEqual(len(lines), 2)
            self.assertEqual(sum(lines.mapped("balance")), 0.0)
            self.assertTrue(all(lines.mapped("reconciled")))
            settlement_line = clearing_move.line_ids.filtered(
                lambda line: line.account_id == self.settlement
            )
            self.assertEqual(settlement_line.balance, payment.amount)
        self.assertEqual(self._clearing_balance(), clearing_before)
        self.assertEqual(payments.mapped("state"), ["paid", "paid"])
        totals = self.Move.get_hours_totals(self.today, self.today)
        self.assertAlmostEqual(totals["hours_redeemed"] - redeemed_before, 3.25)

    def test_cancelled_payment_gives_hours_back_once(self):
        invoice = self._invoice()
        clearing_before = self._clearing_balance()
        wizard = self._wizard(invoice, self.staff_user, 3.0)
        wizard.action_confirm()
        payment = wizard.payment_id.with_user(self.accountant_user)
        self.assertAlmostEqual(self.member_account.balance, self.start - 3.0)

        payment.action_draft()
        self.assertAlmostEqual(self.member_account.balance, self.start)
        refund = payment.time_move_ids.filtered(lambda move: move.move_type == "refund")
        self.assertEqual(len(refund), 2)
        debit = payment.time_move_ids.filtered(lambda move: move.move_type == "purchase")
        self.assertEqual(refund.reversed_move_id, debit)
        self.assertEqual(invoice.amount_residual, 100.0)
        self.assertEqual(invoice.time_paid_amount, 0.0)
        self.assertEqual(self._clearing_balance(), clearing_before)
        reversal = payment.time_clearing_move_id.reversal_move_ids
        self.assertEqual(reversal.state, "posted")

        payment.action_cancel()
        self.assertEqual(payment.state, "canceled")
        self.assertEqual(len(payment.time_move_ids), 4, "the hours went back once")
        self.assertEqual(len(payment.time_clearing_move_id.reversal_move_ids), 1)
        self.assertAlmostEqual(self.member_account.balance, self.start)
        self.assertFalse(payment._post_time_refund())
        self.assertEqual(self._clearing_balance(), clearing_before)

    def test_reset_payment_is_not_posted_again(self):
        invoice = self._invoice()
        wizard = self._wizard(invoice, self.staff_user, 3.0)
        wizard.action_confirm()
        payment = wizard.payment_id.with_user(self.accountant_user)
        payment.action_draft()
        with self.assertRaises(UserError) as error:
            payment.action_post()
        self.assertIn("register a new payment in hours", str(error.exception))
        self.assertAlmostEqual(self.member_account.balance, self.start)
        self.assertEqual(payment.state, "draft")
        self.assertTrue(invoice.is_payable_in_hours)

    def test_limit_checked_again_once_the_hours_are_taken(self):
        """Two payments at once: the second sees, on the locked row, what the first took."""
        invoice = self._invoice()
        Payment = self.env["account.payment"]
        checked = Payment.create(invoice._prepare_time_payment_vals(self.member, 6.0))
        # another payment takes 6 h after this one was checked against the balance
        self._wizard(invoice, self.staff_user, 6.0).action_confirm()
        with self.assertRaises(UserError) as error:
            checked._post_time_debit()
        self.assertIn("below its minimum", str(error.exception))
        self.assertFalse(checked.time_move_ids)
        self.assertAlmostEqual(self.member_account.balance, self.start - 6.0)
