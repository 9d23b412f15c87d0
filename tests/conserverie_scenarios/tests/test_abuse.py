"""Paths nobody walks, walked as the user of each role would, through the calls the web
client and the till make: nobody mints hours, nobody rewrites what the ledgers hold."""

from contextlib import closing
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.fields import Datetime
from odoo.tests import tagged

from odoo.addons.conserverie_timebank.tests.common import TimebankCase


@tagged("post_install", "-at_install")
class TestNobodyMintsHours(TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start = Datetime.now() - timedelta(hours=3)
        cls.Activity = cls.env["conserverie.activity"]
        cls.Attendance = cls.env["conserverie.activity.attendance"]
        cls.workshop, cls.other_workshop = cls.Activity.create(
            [
                {
                    "name": name,
                    "activity_type": "preserving",
                    "date_start": start,
                    "date_end": start + timedelta(hours=2),
                    "centre_id": cls.centre.id,
                }
                for name in ("Atelier du matin (abus)", "Atelier du soir (abus)")
            ]
        )
        (cls.workshop | cls.other_workshop).action_plan()
        cls.volunteer = cls.volunteer_user.partner_id

    def _credits(self, partner):
        return self.Move.search(
            [("partner_id", "=", partner.id), ("move_type", "=", "volunteering")]
        )

    def _welcome_moves(self, partner):
        return self.Move.search([("partner_id", "=", partner.id), ("move_type", "=", "welcome")])

    # Attendance ------------------------------------------------------------------

    def test_only_staff_close_an_activity_and_credit_once(self):
        self.Attendance.with_user(self.volunteer_user).create(
            {"activity_id": self.workshop.id, "partner_id": self.volunteer.id, "hours": 2.0}
        )
        for user in (self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.workshop.with_user(user).action_done()
        self.assertEqual(self.workshop.state, "planned")
        self.assertFalse(self._credits(self.volunteer))
        self.workshop.with_user(self.staff_user).action_done()
        self.assertEqual(self._credits(self.volunteer).mapped("amount"), [2.0])
        # closing it again, by anyone, credits nothing more
        with self.assertRaises(AccessError):
            self.workshop.with_user(self.volunteer_user).action_done()
        self.workshop.with_user(self.staff_user).action_done()
        self.assertEqual(self._credits(self.volunteer).mapped("amount"), [2.0])

    def test_a_line_moved_into_a_done_activity_needs_staff(self):
        self.workshop.with_user(self.staff_user).action_done()
        line = self.Attendance.with_user(self.volunteer_user).create(
            {"activity_id": self.other_workshop.id, "partner_id": self.volunteer.id, "hours": 9.0}
        )
        for user in (self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                line.with_user(user).write({"activity_id": self.workshop.id})
        self.assertEqual(line.activity_id, self.other_workshop)
        self.assertFalse(self._credits(self.volunteer))
        # staff may move it: the line is then credited like one they add
        line.with_user(self.staff_user).write({"activity_id": self.workshop.id})
        self.assertEqual(self._credits(self.volunteer).mapped("amount"), [9.0])

    def test_a_credited_line_moved_out_keeps_one_credit(self):
        line = self.Attendance.create(
            {"activity_id": self.workshop.id, "partner_id": self.volunteer.id, "hours": 3.0}
        )
        self.workshop.with_user(self.staff_user).action_done()
        with self.assertRaises(UserError):
            line.with_user(self.volunteer_user).write({"activity_id": self.other_workshop.id})
        self.other_workshop.with_user(self.staff_user).action_done()
        self.assertEqual(sum(self._credits(self.volunteer).mapped("amount")), 3.0)

    # Welcome credit ----------------------------------------------------------------

    def test_welcome_credit_only_from_staff(self):
        # a till user allowed to add customers, as many stalls are set up
        cashier = self._create_user(
            "cashier", "conserverie_base.group_volunteer,base.group_partner_manager"
        )
        Partner = self.env["res.partner"]
        with self.assertRaises(AccessError):
            Partner.with_user(self.volunteer_user).create({"name": "X (abus)", "is_member": True})
        # a member created by a till or marked a member by a volunteer
        created = Partner.with_user(cashier).create(
            {"name": "Nouvelle venue (abus)", "is_member": True}
        )
        marked = Partner.with_user(cashier).create({"name": "Voisin (abus)"})
        marked.with_user(cashier).write({"is_member": True})
        for partner in created | marked:
            self.assertFalse(self._welcome_moves(partner))
        for user in (cashier, self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                created.with_user(user).action_grant_time_welcome_credit()
        self.assertFalse(self._welcome_moves(created))
        # staff confirm: the credit comes once, however often they confirm
        (created | marked).with_user(self.staff_user).action_grant_time_welcome_credit()
        (created | marked).with_user(self.staff_user).action_grant_time_welcome_credit()
        for partner in created | marked:
            self.assertEqual(self._welcome_moves(partner).mapped("amount"), [2.0])

    # Accounts ----------------------------------------------------------------------

    def test_account_holder_is_fixed_once_it_has_moves(self):
        balance = self.member_account.balance
        for user in (self.staff_user, self.coordinator_user, self.env.user):
            for values in ({"partner_id": self.neighbour.id}, {"company_id": self.company.id}):
                with self.subTest(user=user.login, values=values), self.assertRaises(UserError):
                    self.member_account.with_user(user).write(values)
        self.assertEqual(self.member_account.partner_id, self.member)
        self.assertAlmostEqual(self.member_account.balance, balance)


@tagged("post_install", "-at_install")
class TestRefundsInHours(TimebankCase):
    """A negative payment in hours gives hours back only as the refund of an order paid
    in hours, to the same customer, up to what was paid and not yet given back. The
    till's calls, made by a volunteer: the sale is kept, no hours move, a coordinator
    reviews it."""

    def setUp(self):
        super().setUp()
        self.session = self._open_session()

    def _sale(self, payments, partner=None):
        data = self._order_data(self.session, [(self.jam, 2)], payments, partner or self.member)
        return self._sync(data, user=self.volunteer_user)

    def _refund(self, order, payments, partner=None, qty=-2):
        data = self._order_data(
            self.session,
            [(self.jam, qty)],
            payments,
            partner or self.member,
            refunded={0: order.lines[0]},
        )
        return self._sync(data, user=self.volunteer_user)

    def _assert_refused(self, refund, accounts_before):
        self.assertEqual(refund.state, "paid", "the refund is kept")
        self.assertFalse(self.Move.search([("pos_order_id", "=", refund.id)]))
        self.assertIn(
            "no hours were given back", "\n".join(refund.review_issue_ids.mapped("message"))
        )
        for account, balance in accounts_before.items():
            self.assertAlmostEqual(account.balance, balance)

    def test_cash_sale_refunded_in_hours(self):
        sale = self._sale([(self.cash_method, 10.0)])
        before = {self.member_account: self.member_account.balance}
        self._assert_refused(self._refund(sale, [(self.time_method, -10.0)]), before)

    def test_empties_paid_out_in_hours(self):
        before = {self.member_account: self.member_account.balance}
        data = self._order_data(
            self.session, [(self.jam, -1)], [(self.time_method, -5.0)], self.member
        )
        self._assert_refused(self._sync(data, user=self.volunteer_user), before)

    def test_refund_to_another_member(self):
        sale = self._sale([(self.time_method, 10.0)])
        before = {
            self.member_account: self.member_account.balance,
            self.neighbour_account: self.neighbour_account.balance,
        }
        refund = self._refund(sale, [(self.time_method, -10.0)], partner=self.neighbour)
        self._assert_refused(refund, before)

    def test_hours_given_back_once(self):
        sale = self._sale([(self.time_method, 10.0)])
        balance = self.member_account.balance
        self._refund(sale, [(self.time_method, -5.0)], qty=-1)
        self.assertAlmostEqual(self.member_account.balance, balance + 0.5)
        self._refund(sale, [(self.time_method, -5.0)], qty=-1)
        self.assertAlmostEqual(self.member_account.balance, balance + 1.0)
        # the whole sale is given back already: a third refund gives nothing
        before = {self.member_account: self.member_account.balance}
        self._assert_refused(self._refund(sale, [(self.time_method, -5.0)], qty=-1), before)


@tagged("post_install", "-at_install")
class TestPublicMethodsByRole(TimebankCase):
    """Each button of the suite that moves hours, reviews or clears, called through RPC by
    each role: refused (nothing changes) unless the role holds it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.internal_user = cls._create_user("internal", "base.group_user")
        start = Datetime.now() - timedelta(hours=2)
        cls.activity = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier (boutons)",
                "date_start": start,
                "date_end": start + timedelta(hours=1),
                "centre_id": cls.centre.id,
            }
        )
        cls.activity.action_plan()
        cls.session = cls._open_session()
        data = TimebankCase._order_data(cls, cls.session, [(cls.jam, 1)], [(cls.time_method, 5.0)])
        order = TimebankCase._sync(cls, data)
        cls.issue = order.review_issue_ids  # hours without a customer
        cls.newcomer = cls.env["res.partner"].create({"name": "Nouveau (boutons)"})
        # a member whose membership staff have not confirmed yet
        cls.env.cr.execute(
            "UPDATE res_partner SET is_member = true WHERE id = %s", [cls.newcomer.id]
        )
        cls.newcomer.invalidate_recordset(["is_member"])

    def _roles(self):
        return {
            "internal": self.internal_user,
            "volunteer": self.volunteer_user,
            "staff": self.staff_user,
            "coordinator": self.coordinator_user,
            "accountant": self.accountant_user,
        }

    def _check(self, allowed, call, changed):
        """``call(user)`` is refused for the roles not in ``allowed``, leaving ``changed()``
        false; it works for the others."""
        for role, user in self._roles().items():
            with self.subTest(role=role), closing(self.env.cr.savepoint()):
                if role in allowed:
                    call(user)
                    self.assertTrue(changed(), f"{role} may do it")
                else:
                    with self.assertRaises(UserError):
                        call(user)
                    self.assertFalse(changed(), f"{role} changed something")
            self.env.invalidate_all()

    def test_close_an_activity(self):
        self._check(
            {"staff", "coordinator"},
            lambda user: self.activity.with_user(user).action_done(),
            lambda: self.activity.state == "done",
        )

    def test_mark_an_issue_reviewed(self):
        self.assertEqual(len(self.issue), 1)
        self._check(
            {"staff", "coordinator", "accountant"},
            lambda user: self.issue.with_user(user).action_mark_reviewed(),
            lambda: self.issue.state == "reviewed",
        )

    def test_grant_a_welcome_credit(self):
        def credited():
            return bool(
                self.Move.search(
                    [("partner_id", "=", self.newcomer.id), ("move_type", "=", "welcome")]
                )
            )

        self._check(
            {"staff", "coordinator"},
            lambda user: self.newcomer.with_user(user).action_grant_time_welcome_credit(),
            credited,
        )

    def test_clear_the_hours_of_a_session(self):
        self.session.post_closing_cash_details(self.session.cash_register_balance_end)
        self.session.close_session_from_ui()
        # as if closed before the hours were cleared at the closing
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE pos_session SET time_clearing_move_id = NULL WHERE id = %s", [self.session.id]
        )
        self.session.invalidate_recordset(["time_clearing_move_id"])
        self._check(
            {"accountant"},
            lambda user: self.session.with_user(user).action_post_time_clearing(),
            lambda: bool(self.session.time_clearing_move_id),
        )
