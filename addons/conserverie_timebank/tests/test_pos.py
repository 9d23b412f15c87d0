from unittest.mock import patch

from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestPosHours(TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._open_session()

    def test_online_refusal(self):
        """The till asks the server first: below the minimum, it refuses."""
        balance = self.member_account.balance
        status = self.session.with_user(self.volunteer_user).get_time_account_status(
            self.member.id, (balance + 1) * 10.0
        )
        self.assertTrue(status["has_account"])
        self.assertFalse(status["allowed"])
        self.assertEqual(status["balance"], balance)
        status = self.session.with_user(self.volunteer_user).get_time_account_status(
            self.member.id, balance * 10.0
        )
        self.assertTrue(status["allowed"])
        stranger = self.env["res.partner"].create({"name": "Sans compte"})
        status = self.session.get_time_account_status(stranger.id, 5.0)
        self.assertFalse(status["has_account"])
        self.assertFalse(status["allowed"])

    def test_offline_order_accepted_and_flagged(self):
        balance = self.member_account.balance
        amount = (balance + 1) * 10.0  # one hour more than the member has
        data = self._order_data(
            self.session, [(self.jam, amount / 5.0)], [(self.time_method, amount)], self.member
        )
        order = self._sync(data, user=self.volunteer_user)
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(self.member_account.balance, -1.0)
        self.assertTrue(self.member_account.flagged)

    def test_split_payment_debits_hours(self):
        balance = self.member_account.balance
        facility = self.facility.balance
        data = self._order_data(
            self.session,
            [(self.jam, 2)],
            [(self.time_method, 7.5), (self.cash_method, 2.5)],
            self.member,
        )
        order = self._sync(data, user=self.volunteer_user)
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(order.time_hours, 0.75)
        self.assertAlmostEqual(self.member_account.balance, balance - 0.75)
        self.assertAlmostEqual(self.facility.balance, facility + 0.75)
        moves = self.Move.search([("pos_order_id", "=", order.id)])
        self.assertEqual(len(moves), 2)
        self.assertEqual(set(moves.mapped("move_type")), {"purchase"})
        member_leg = moves.filtered(lambda move: move.account_id == self.member_account)
        self.assertEqual(member_leg.pos_payment_id.payment_method_id, self.time_method)
        self.assertEqual(member_leg.user_id, self.volunteer_user)
        self.assertFalse(order.has_review_issue)

    def test_hours_posted_when_odoo_cannot_mark_the_order_paid(self):
        balance = self.member_account.balance
        data = self._order_data(
            self.session, [(self.jam, 1)], [(self.time_method, 5.0)], self.member
        )
        PosOrder = type(self.env["pos.order"])

        def fails(order):
            raise ValueError("printer unreachable")

        # Odoo logs and swallows an error raised while marking a synced order paid
        with (
            patch.object(PosOrder, "action_pos_order_paid", fails),
            mute_logger("odoo.addons.point_of_sale.models.pos_order"),
        ):
            order = self._sync(data)
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(self._purchase_moves(order)), 1)
        self.assertAlmostEqual(self.member_account.balance, balance - 0.5)

    def test_order_paid_in_the_back_office_debits_hours(self):
        balance = self.member_account.balance
        data = self._order_data(self.session, [(self.jam, 1)], [], self.member)
        data["state"] = "draft"
        order = self._sync(data)
        self.assertEqual(order.state, "draft")
        order.add_payment(
            {
                "pos_order_id": order.id,
                "amount": 5.0,
                "payment_method_id": self.time_method.id,
                "session_id": self.session.id,
            }
        )
        order.action_pos_order_paid()
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(self._purchase_moves(order)), 1)
        self.assertAlmostEqual(self.member_account.balance, balance - 0.5)
        order._post_time_payments()
        self.assertAlmostEqual(self.member_account.balance, balance - 0.5)

    def test_idempotent_sync(self):
        balance = self.member_account.balance
        data = self._order_data(
            self.session, [(self.jam, 1)], [(self.time_method, 5.0)], self.member
        )
        for _attempt in range(3):
            order = self._sync(
                dict(data, lines=list(data["lines"]), payment_ids=list(data["payment_ids"]))
            )
        self.assertEqual(self.env["pos.order"].search_count([("uuid", "=", data["uuid"])]), 1)
        self.assertEqual(len(self._purchase_moves(order)), 1)
        self.assertAlmostEqual(self.member_account.balance, balance - 0.5)
        # Posting the same payment again is refused by the database itself.
        payment = order.payment_ids
        with (
            self.assertRaises(errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.Move._post_transfer(
                self.member_account,
                self.facility,
                0.5,
                "purchase",
                from_values={"pos_payment_id": payment.id},
            )
        order._post_time_payments()
        self.assertAlmostEqual(self.member_account.balance, balance - 0.5)

    def test_no_customer_is_kept_and_flagged(self):
        data = self._order_data(self.session, [(self.jam, 1)], [(self.time_method, 5.0)])
        order = self._sync(data)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.review_issue_ids.kind, "hours")
        self.assertIn("without a customer", order.review_issue_ids.message)
        self.assertFalse(self._purchase_moves(order))

    def test_refund_in_hours(self):
        balance = self.member_account.balance
        data = self._order_data(
            self.session, [(self.jam, 2)], [(self.time_method, 10.0)], self.member
        )
        order = self._sync(data)
        self.assertAlmostEqual(self.member_account.balance, balance - 1.0)
        refund = self._order_data(
            self.session,
            [(self.jam, -2)],
            [(self.time_method, -10.0)],
            self.member,
            refunded={0: order.lines[0]},
        )
        refund_order = self._sync(refund)
        self.assertAlmostEqual(self.member_account.balance, balance)
        moves = self.Move.search([("pos_order_id", "=", refund_order.id)])
        self.assertEqual(set(moves.mapped("move_type")), {"refund"})
        self.assertFalse(refund_order.has_review_issue)

    def test_posted_hours_payment_cannot_change(self):
        """Whoever asks, through the calls the web client makes, a payment in hours of a
        paid order keeps its amount, method and order, and is not deleted."""
        data = self._order_data(
            self.session, [(self.jam, 2)], [(self.time_method, 10.0)], self.member
        )
        order = self._sync(data, user=self.volunteer_user)
        balance = self.member_account.balance
        payment = order.payment_ids
        attempts = {
            "amount": {"amount": 1.0},
            "method": {"payment_method_id": self.cash_method.id},
            "order": {"pos_order_id": self.env["pos.order"].search([], limit=1).id},
        }
        for user in (self.volunteer_user, self.staff_user, self.coordinator_user, self.env.user):
            for name, values in attempts.items():
                with self.subTest(user=user.login, change=name), self.assertRaises(UserError):
                    payment.with_user(user).write(values)
            with self.subTest(user=user.login, change="unlink"), self.assertRaises(UserError):
                payment.with_user(user).unlink()
        cash = self._sync(
            self._order_data(self.session, [(self.jam, 1)], [(self.cash_method, 5.0)], self.member)
        )
        with self.assertRaises(UserError):
            cash.payment_ids.write({"payment_method_id": self.time_method.id})
        self.assertEqual(payment.amount, 10.0)
        self.assertEqual(payment.payment_method_id, self.time_method)
        self.assertAlmostEqual(self.member_account.balance, balance)

    def test_refund_in_cash_is_flagged(self):
        data = self._order_data(
            self.session,
            [(self.jam, 2)],
            [(self.time_method, 5.0), (self.cash_method, 5.0)],
            self.member,
        )
        order = self._sync(data)
        refund = self._order_data(
            self.session,
            [(self.jam, -2)],
            [(self.cash_method, -10.0)],
            self.member,
            refunded={0: order.lines[0]},
        )
        refund_order = self._sync(refund)
        self.assertEqual(refund_order.state, "paid")
        self.assertEqual(refund_order.review_issue_ids.kind, "hours")
        self.assertIn("hours must not turn into euros", refund_order.review_issue_ids.message)
        self.assertTrue(self.member_account.flagged)

    def test_session_close_accounting(self):
        data = self._order_data(
            self.session,
            [(self.jam, 3)],
            [(self.time_method, 12.0), (self.cash_method, 3.0)],
            self.member,
        )
        self._sync(data)
        clearing = self.company.time_clearing_account_id
        self.assertEqual(clearing.code, "467100")
        self.assertEqual(self.time_method.outstanding_account_id, clearing)
        self.session.post_closing_cash_details(self.session.cash_register_balance_end)
        result = self.session.close_session_from_ui()
        self.assertTrue(result["successful"], result)
        self.assertEqual(self.session.state, "closed")
        lines = self.env["account.move.line"].search(
            [("account_id", "=", clearing.id), ("parent_state", "=", "posted")]
        )
        # the hours taken are cleared at the closing: the clearing account is back to zero
        self.assertAlmostEqual(sum(lines.mapped("balance")), 0.0)
        self.assertTrue(all(lines.mapped("reconciled")))
        clearing_move = self.session.time_clearing_move_id
        settlement = self.company.time_settlement_account_id
        self.assertEqual(settlement.account_type, "expense")
        self.assertAlmostEqual(
            sum(
                clearing_move.line_ids.filtered(lambda ln: ln.account_id == settlement).mapped(
                    "balance"
                )
            ),
            12.0,
        )
        # clearing again changes nothing
        self.session.with_user(self.accountant_user).action_post_time_clearing()
        self.assertEqual(self.session.time_clearing_move_id, clearing_move)
        hours_journal_lines = self.env["account.move.line"].search(
            [("journal_id", "=", self.time_method.journal_id.id), ("parent_state", "=", "posted")]
        )
        self.assertTrue(hours_journal_lines)
        self.assertFalse(
            hours_journal_lines.account_id.filtered(
                lambda account: account.account_type == "asset_cash"
            ),
            "hours never reach a cash or bank account",
        )

    def test_refund_in_hours_clears_the_other_way(self):
        order = self._sync(
            self._order_data(self.session, [(self.jam, 2)], [(self.time_method, 10.0)], self.member)
        )
        self._sync(
            self._order_data(
                self.session,
                [(self.jam, -1)],
                [(self.time_method, -5.0)],
                self.member,
                refunded={0: order.lines[0]},
            )
        )
        self.session.post_closing_cash_details(self.session.cash_register_balance_end)
        self.assertTrue(self.session.close_session_from_ui()["successful"])
        clearing = self.company.time_clearing_account_id
        lines = self.env["account.move.line"].search([("account_id", "=", clearing.id)])
        self.assertAlmostEqual(sum(lines.mapped("balance")), 0.0)
        move = self.session.time_clearing_move_id
        self.assertAlmostEqual(
            sum(move.line_ids.filtered(lambda ln: ln.account_id == clearing).mapped("balance")),
            -5.0,
        )

    def test_only_accountants_clear_hours_by_hand(self):
        for user in (self.volunteer_user, self.staff_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.session.with_user(user).action_post_time_clearing()
        self.assertFalse(self.session.time_clearing_move_id)
