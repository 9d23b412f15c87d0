from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestStallCashiers(TimebankCase):
    """The cashiers a stall session lists earn hours only once staff validate them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config.picking_type_id = cls.warehouse.pos_type_id
        cls.market = cls.env["conserverie.activity"].create(
            {
                "name": "Marché (test)",
                "activity_type": "awareness",
                "date_start": datetime(2026, 6, 13, 8, 0),
                "date_end": datetime(2026, 6, 13, 11, 0),
                "pos_config_id": cls.config.id,
            }
        )
        cls.market.with_user(cls.staff_user).action_open_stall()
        cls.session = cls.config.current_session_id
        for cashier in (cls.volunteer_user, cls.accountant_user):
            session = cls.session.with_user(cashier)
            data = cls._order_data(cls, session, [(cls.jam, 1)], [(cls.cash_method, 5.0)])
            cls._sync(cls, data, user=cashier)

    def _credits(self, user):
        return self.Move.search(
            [
                ("account_id.partner_id", "=", user.partner_id.id),
                ("move_type", "=", "volunteering"),
            ]
        )

    def _cashier_line(self, user):
        return self.market.attendance_ids.filtered(lambda line: line.partner_id == user.partner_id)

    def test_hours_wait_for_staff_when_the_activity_is_done(self):
        self.market.with_user(self.staff_user).action_done()
        self.session.with_user(self.volunteer_user).action_pos_session_closing_control()
        line = self._cashier_line(self.volunteer_user)
        self.assertTrue(line.is_to_validate)
        self.assertFalse(self._credits(self.volunteer_user), "listed, not credited")
        for user in (self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self._cashier_line(user).with_user(user).attended = True
            self.assertFalse(self._credits(user))
        line.with_user(self.staff_user).attended = True
        self.assertEqual(self._credits(self.volunteer_user).amount, 3.0)
        line.with_user(self.staff_user).attended = True
        self.assertEqual(len(self._credits(self.volunteer_user)), 1, "credited once")
        self.assertFalse(self._credits(self.accountant_user), "still to validate")

    def test_hours_come_when_staff_close_the_activity(self):
        self.session.with_user(self.volunteer_user).action_pos_session_closing_control()
        self.assertFalse(self._credits(self.volunteer_user))
        self._cashier_line(self.volunteer_user).with_user(self.staff_user).attended = True
        self.assertFalse(self._credits(self.volunteer_user), "credited when the activity is done")
        self.market.with_user(self.staff_user).action_done()
        self.assertEqual(self._credits(self.volunteer_user).amount, 3.0)
        self.assertFalse(self._credits(self.accountant_user), "not validated: no hours")
