from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestVolunteeringInKind(TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"time_in_kind_enabled": True, "time_in_kind_hour_value": 12.0})
        cls.Entry = cls.env["conserverie.time.in.kind.entry"]
        cls.march = date(2021, 3, 1)
        cls.april = date(2021, 4, 1)

    def _activity(self, attendances):
        activity = self.env["conserverie.activity"].create(
            {
                "name": "Atelier compote (test)",
                "attendance_ids": [
                    Command.create({"partner_id": partner.id, "hours": hours})
                    for partner, hours in attendances
                ],
            }
        )
        activity.action_done()
        return activity

    def _post(self, month, user=None):
        wizard = (
            self.env["conserverie.time.in.kind.post"]
            .with_user(user or self.accountant_user)
            .create({"month": month})
        )
        action = wizard.action_post()
        return self.Entry.browse(action["res_id"])

    def _lines(self, entry):
        return {line.account_id.code: (line.debit, line.credit) for line in entry.move_id.line_ids}

    def test_month_posted_net_of_corrections_then_refused_then_next_month(self):
        with freeze_time("2021-03-10 10:00:00"):
            activity = self._activity([(self.member, 3.0), (self.neighbour, 2.5)])
        with freeze_time("2021-03-20 10:00:00"):
            # Corrected within the month: 3 h become 2 h, counted once.
            activity.attendance_ids.filtered(lambda att: att.partner_id == self.member).hours = 2.0
        with freeze_time("2021-04-02 10:00:00"):
            entry = self._post(self.march)
            self.assertAlmostEqual(entry.hours, 4.5)
            self.assertAlmostEqual(entry.amount, 4.5 * 12.0)
            self.assertEqual(entry.move_id.state, "posted")
            self.assertEqual(entry.move_id.date, date(2021, 3, 31))
            self.assertEqual(self._lines(entry), {"864": (54.0, 0.0), "875": (0.0, 54.0)})
            # The same month again: refused, nothing written.
            moves_before = self.env["account.move"].search_count([])
            with self.assertRaisesRegex(UserError, "already posted"):
                self._post(self.march)
            self.assertEqual(self.Entry.search_count([("company_id", "=", self.company.id)]), 1)
            self.assertEqual(self.env["account.move"].search_count([]), moves_before)
            # A correction after posting: the neighbour came 1 h, not 2.5 h.
            activity.attendance_ids.filtered(
                lambda att: att.partner_id == self.neighbour
            ).hours = 1.0
        with freeze_time("2021-04-15 10:00:00"):
            self._activity([(self.member, 4.0)])
        with freeze_time("2021-05-01 08:00:00"):
            with self.assertRaisesRegex(UserError, "before the last month"):
                self._post(date(2021, 2, 1))
            april = self._post(self.april)
            with self.assertRaisesRegex(UserError, "already posted"):
                self._post(self.march)
        self.assertAlmostEqual(april.hours, 4.0 - 1.5)
        self.assertEqual(self._lines(april), {"864": (30.0, 0.0), "875": (0.0, 30.0)})
        self.assertAlmostEqual(entry.hours + april.hours, 2.0 + 1.0 + 4.0)
        for user in (self.accountant_user, self.env.user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                entry.with_user(user).write({"hours": 99.0})
        with self.assertRaises(AccessError):
            entry.with_user(self.accountant_user).unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            entry.unlink()
        self.assertAlmostEqual(entry.hours, 4.5)

    def test_a_month_of_corrections_only_is_posted_the_other_way(self):
        with freeze_time("2021-03-10 10:00:00"):
            activity = self._activity([(self.member, 3.0)])
        with freeze_time("2021-04-02 10:00:00"):
            self._post(self.march)
            activity.attendance_ids.attended = False
        with freeze_time("2021-05-02 10:00:00"):
            april = self._post(self.april)
            with self.assertRaisesRegex(UserError, "already posted"):
                self._post(self.march)
        self.assertAlmostEqual(april.hours, -3.0)
        self.assertEqual(self._lines(april), {"864": (0.0, 36.0), "875": (36.0, 0.0)})

    def test_month_not_over_and_company_not_enabled_refused(self):
        with freeze_time("2021-03-10 10:00:00"):
            with self.assertRaisesRegex(UserError, "once it is over"):
                self._post(self.march)
        self.company.time_in_kind_enabled = False
        with freeze_time("2021-04-10 10:00:00"):
            with self.assertRaises(UserError):
                self._post(self.march)
        self.assertFalse(self.Entry.search([("company_id", "=", self.company.id)]))

    def test_only_accountants_post(self):
        with freeze_time("2021-03-10 10:00:00"):
            self._activity([(self.member, 3.0)])
        with freeze_time("2021-04-02 10:00:00"):
            for user in (self.volunteer_user, self.staff_user, self.coordinator_user):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self.Entry.with_user(user)._post_month(self.company, self.march)
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self._post(self.march, user=user)
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self.Entry.with_user(user).create(
                        {"company_id": self.company.id, "month": self.march}
                    )
            self.assertFalse(self.Entry.search([("company_id", "=", self.company.id)]))
            entry = self._post(self.march)
            for user in (self.volunteer_user, self.staff_user):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    entry.with_user(user).read(["hours"])

    def test_second_company_sees_nothing(self):
        with freeze_time("2021-03-10 10:00:00"):
            self._activity([(self.member, 3.0)])
        with freeze_time("2021-04-02 10:00:00"):
            entry = self._post(self.march)
        other = self.env["res.company"].create({"name": "Conserverie de Die (test)"})
        outsider = self._create_user("in_kind_outsider", "conserverie_base.group_accountant", other)
        self.assertFalse(self.Entry.with_user(outsider).search([]))
        with self.assertRaises(AccessError):
            entry.with_user(outsider).read(["hours"])
        with (
            freeze_time("2021-04-02 10:00:00"),
            self.assertRaises(AccessError),
        ):
            self.Entry.with_user(outsider)._post_month(self.company, self.march)

    def test_cron_posts_last_month_once(self):
        with freeze_time("2021-03-10 10:00:00"):
            self._activity([(self.member, 3.0)])
        with freeze_time("2021-04-01 03:00:00"):
            self.Entry._cron_post_previous_month()
            self.Entry._cron_post_previous_month()
        entries = self.Entry.search([("company_id", "=", self.company.id)])
        self.assertEqual(entries.mapped("month"), [self.march])
        self.assertAlmostEqual(entries.hours, 3.0)
