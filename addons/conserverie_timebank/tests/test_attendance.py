from psycopg2 import errors

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestAttendanceCredit(TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier compote (test)",
                "attendance_ids": [
                    Command.create({"partner_id": cls.member.id, "hours": 3.0}),
                    Command.create({"partner_id": cls.neighbour.id, "hours": 2.5}),
                    Command.create({"partner_id": cls.grower.id, "hours": 1.0, "attended": False}),
                ],
            }
        )

    def _credits(self, attendance):
        return self.Move.search(
            [("attendance_id", "=", attendance.id), ("move_type", "=", "volunteering")]
        )

    def test_attendance_credited_once(self):
        member_before = self.member_account.balance
        facility_before = self.facility.balance
        self.activity.with_user(self.staff_user).action_done()
        self.assertEqual(self.member_account.balance, member_before + 3.0)
        self.assertEqual(self.facility.balance, facility_before - 5.5)
        absent = self.activity.attendance_ids.filtered(lambda att: not att.attended)
        self.assertFalse(self._credits(absent))
        # Again, and again: nothing changes.
        self.activity.action_done()
        self.activity.attendance_ids._credit_time()
        self.assertEqual(self.member_account.balance, member_before + 3.0)
        attendance = self.activity.attendance_ids.filtered(
            lambda att: att.partner_id == self.member
        )
        self.assertEqual(len(self._credits(attendance)), 1)

    def test_unique_constraint_on_attendance(self):
        self.activity.action_done()
        attendance = self.activity.attendance_ids[0]
        with (
            self.assertRaises(errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.Move._post_transfer(
                self.facility,
                self.member_account,
                1.0,
                "volunteering",
                to_values={"attendance_id": attendance.id, "attendance_sequence": 0},
            )

    def test_correction_reverses_and_recredits(self):
        self.activity.action_done()
        before = self.member_account.balance
        attendance = self.activity.attendance_ids.filtered(
            lambda att: att.partner_id == self.member
        )
        with self.assertRaises(UserError):
            attendance.with_user(self.volunteer_user).write({"hours": 8.0})
        attendance.with_user(self.staff_user).write({"hours": 4.0})
        self.assertEqual(self.member_account.balance, before + 1.0)
        moves = self.Move.search([("attendance_id", "=", attendance.id)])
        self.assertEqual(len(moves.filtered(lambda move: move.move_type == "volunteering")), 2)
        self.assertEqual(len(moves.filtered(lambda move: move.move_type == "adjustment")), 2)
        # Untick: the credit in force is reversed; tick again: credited once more.
        attendance.with_user(self.staff_user).attended = False
        self.assertEqual(self.member_account.balance, before - 3.0)
        attendance.with_user(self.staff_user).attended = True
        self.assertEqual(self.member_account.balance, before + 1.0)
        # A late attendee on a done activity is credited at once.
        late = self.env["res.partner"].create({"name": "Retardataire"})
        self.activity.attendance_ids = [Command.create({"partner_id": late.id, "hours": 1.0})]
        self.assertEqual(self.Account._get_for_partner(late).balance, 1.0)
        with self.assertRaises(UserError):
            attendance.unlink()

    def test_activity_done_before_the_time_bank_credited_once(self):
        """An activity closed before the time bank was installed (as the demo's are)
        credits its attendees when closed again, once."""
        activity = self.env["conserverie.activity"].create(
            {
                "name": "Glanage d'avant (test)",
                "attendance_ids": [
                    Command.create({"partner_id": self.member.id, "hours": 2.0}),
                    Command.create({"partner_id": self.neighbour.id, "hours": 1.5}),
                ],
            }
        )
        # closed without the time bank's hook, as before it was installed
        self.env.cr.execute(
            "UPDATE conserverie_activity SET state = 'done' WHERE id = %s", [activity.id]
        )
        activity.invalidate_recordset(["state"])
        self.assertFalse(self.Move.search([("attendance_id", "in", activity.attendance_ids.ids)]))
        member_before = self.member_account.balance
        neighbour_before = self.neighbour_account.balance
        activity.with_user(self.staff_user).action_done()
        activity.with_user(self.staff_user).action_done()
        self.assertEqual(activity.state, "done")
        self.assertEqual(self.member_account.balance, member_before + 2.0)
        self.assertEqual(self.neighbour_account.balance, neighbour_before + 1.5)
        for attendance in activity.attendance_ids:
            self.assertEqual(len(self._credits(attendance)), 1, attendance.partner_id.name)
