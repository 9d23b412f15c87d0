"""Paths nobody walks, walked as the user of each role would, through the calls the web
client and the till make: nobody mints hours, nobody rewrites what the ledgers hold."""

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
