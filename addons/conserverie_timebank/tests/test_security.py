from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestTimebankSecurity(TimebankCase):
    def test_volunteer_sees_balances_only_through_the_pos(self):
        Accounts = self.env["conserverie.time.account"].with_user(self.volunteer_user)
        with self.assertRaises(AccessError):
            Accounts.search([])
        with self.assertRaises(AccessError):
            self.member_account.with_user(self.volunteer_user).read(["balance"])
        with self.assertRaises(AccessError):
            self.env["conserverie.time.move"].with_user(self.volunteer_user).search([])
        session = self._open_session()
        status = session.with_user(self.volunteer_user).get_time_account_status(self.member.id)
        self.assertEqual(status["balance"], self.member_account.balance)
        self.assertEqual(
            set(status),
            {"has_account", "balance", "min_balance", "hours", "allowed", "balance_display"},
        )

    def test_member_sees_only_their_own_statement(self):
        portal = new_test_user(
            self.env,
            login="conserverie_portal_member",
            groups="base.group_portal",
            partner_id=self.member.id,
        )
        Accounts = self.env["conserverie.time.account"].with_user(portal)
        self.assertEqual(Accounts.search([]), self.member_account)
        Moves = self.env["conserverie.time.move"].with_user(portal)
        self.assertEqual(Moves.search([]).account_id, self.member_account)
        with self.assertRaises(AccessError):
            self.neighbour_account.with_user(portal).read(["balance"])
        with self.assertRaises(AccessError):
            self.member_account.with_user(portal).write({"min_balance": -10})

    def test_staff_and_roles(self):
        self.assertTrue(self.env["conserverie.time.account"].with_user(self.staff_user).search([]))
        with self.assertRaises(AccessError):
            self.member_account.with_user(self.staff_user).write({"min_balance": -5})
        self.member_account.with_user(self.coordinator_user).write({"min_balance": -5})
        self.assertTrue(
            self.env["conserverie.time.move"].with_user(self.accountant_user).search([])
        )
        with self.assertRaises(AccessError):
            self.env["conserverie.time.reconciliation"].with_user(self.staff_user).create({})

    def test_company_isolation(self):
        other = self.env["res.company"].create({"name": "Conserverie de Valence (test)"})
        other_staff = self._create_user("staff_valence", "conserverie_base.group_staff", other)
        other_account = self.Account._get_for_partner(self.neighbour, other)
        self.Move._post_transfer(
            self.Account._get_facility(other), other_account, 4.0, "adjustment", reason="Test"
        )
        self.assertEqual(other_account.balance, 4.0)
        self.assertEqual(self.neighbour_account.balance, 2.0, "one account per company")
        Accounts = self.env["conserverie.time.account"].with_user(other_staff)
        self.assertEqual(Accounts.search([]).company_id, other)
        Moves = self.env["conserverie.time.move"].with_user(other_staff)
        self.assertEqual(Moves.search([]).company_id, other)
        with self.assertRaises(AccessError):
            self.member_account.with_user(other_staff).read(["balance"])
        self.assertEqual(
            self.env["res.partner"]
            .with_user(other_staff)
            .with_company(other)
            .browse(self.neighbour.id)
            .time_balance,
            4.0,
        )
