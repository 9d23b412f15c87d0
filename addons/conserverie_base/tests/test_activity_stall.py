from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ConserverieCase, pos_line_values, pos_order_payload


@tagged("post_install", "-at_install")
class TestActivityStall(ConserverieCase):
    """A stall session is opened from the activity it serves; its cashiers are listed
    in the activity's attendance for staff to validate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse marché (test)", "code": "CMT", "type": "cash"}
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {"name": "Espèces marché (test)", "journal_id": cash_journal.id}
        )
        cls.stall = cls.env["pos.config"].create(
            {
                "name": "Stand du marché (test)",
                "picking_type_id": cls.warehouse.pos_type_id.id,
                "payment_method_ids": [Command.set(cls.cash_method.ids)],
            }
        )
        cls.juice = cls.env["product.product"].create(
            {
                "name": "Jus de pomme (test)",
                "type": "consu",
                "list_price": 3.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.market = cls.env["conserverie.activity"].create(
            {
                "name": "Marché du samedi (test)",
                "activity_type": "awareness",
                "date_start": datetime(2026, 6, 13, 8, 0),
                "date_end": datetime(2026, 6, 13, 12, 30),
                "pos_config_id": cls.stall.id,
                "attendance_ids": [
                    Command.create(
                        {"partner_id": cls.staff_user.partner_id.id, "role": "staff", "hours": 4.0}
                    )
                ],
            }
        )
        cls.workshop = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier du jour (test)",
                "date_start": datetime(2026, 6, 13, 9, 0),
                "pos_config_id": cls.stall.id,
            }
        )

    def _sell(self, session, user, qty=1.0):
        session = session.with_user(user)
        data = pos_order_payload(
            session,
            [pos_line_values(self.juice, qty)],
            [(self.cash_method, 3.0 * qty)],
        )
        session.env["pos.order"].sync_from_ui([data])

    def test_only_the_mobile_unit_s_tills_are_stalls(self):
        shop = self.env["pos.config"].create({"name": "Boutique (test)"})
        self.assertNotEqual(shop.picking_type_id, self.warehouse.pos_type_id)
        self.assertFalse(self.env["pos.session"].new({"config_id": shop.id}).is_conserverie_stall)
        self.market.with_user(self.staff_user).action_open_stall()
        session = self.stall.current_session_id
        self.assertTrue(session.is_conserverie_stall)
        stalls = self.env["pos.session"].search([("is_conserverie_stall", "=", True)])
        self.assertIn(session, stalls)
        self.assertFalse(
            stalls.config_id
            - stalls.config_id.filtered("picking_type_id.warehouse_id.is_mobile_unit")
        )

    def test_staff_open_the_stall_of_an_activity(self):
        action = self.market.with_user(self.staff_user).action_open_stall()
        self.assertEqual(action["type"], "ir.actions.act_url")
        session = self.stall.current_session_id
        self.assertEqual(session.activity_id, self.market)
        self.assertEqual(self.market.pos_session_ids, session)
        self.market.with_user(self.staff_user).action_open_stall()
        self.assertEqual(self.stall.session_ids, session, "opening it again reuses the session")
        with self.assertRaisesRegex(UserError, "is open for Marché du samedi"):
            self.workshop.with_user(self.staff_user).action_open_stall()
        self.assertFalse(self.workshop.pos_session_ids)

    def test_an_empty_open_session_joins_the_activity(self):
        self.stall.open_ui()
        session = self.stall.current_session_id
        self.assertFalse(session.activity_id)
        self.market.with_user(self.staff_user).action_open_stall()
        self.assertEqual(session.activity_id, self.market)
        self.assertEqual(self.stall.session_ids, session)

    def test_a_session_that_already_sold_stays_apart(self):
        self.stall.open_ui()
        session = self.stall.current_session_id
        self._sell(session, self.volunteer_user)
        with self.assertRaisesRegex(UserError, "has already sold"):
            self.market.with_user(self.staff_user).action_open_stall()
        self.assertFalse(session.activity_id)

    def test_no_stall_no_cancelled_activity(self):
        self.workshop.pos_config_id = False
        with self.assertRaisesRegex(UserError, "Choose the stall"):
            self.workshop.with_user(self.staff_user).action_open_stall()
        self.market.action_cancel()
        with self.assertRaisesRegex(UserError, "cancelled activity"):
            self.market.with_user(self.staff_user).action_open_stall()
        self.assertFalse(self.stall.session_ids)

    def test_only_staff_open_or_link_a_stall(self):
        for user in (self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.market.with_user(user).action_open_stall()
                self.assertFalse(self.stall.session_ids)
        self.stall.open_ui()
        session = self.stall.current_session_id
        for user in (self.volunteer_user, self.accountant_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    session.with_user(user).activity_id = self.market
                self.assertFalse(session.activity_id)
                with self.assertRaises(AccessError):
                    self.env["pos.session"].with_user(user).create(
                        {"config_id": self.stall.id, "activity_id": self.market.id}
                    )
        self.assertEqual(self.stall.session_ids, session)

    def test_closing_lists_the_cashiers_once(self):
        self.market.with_user(self.staff_user).action_open_stall()
        session = self.stall.current_session_id
        self._sell(session, self.volunteer_user, 2.0)
        self._sell(session, self.volunteer_user)
        self._sell(session, self.staff_user)
        self.assertEqual(self.market.stall_order_count, 3)
        self.assertEqual(self.market.stall_amount_total, 12.0)
        self.assertEqual(self.market.stall_cashier_ids, self.volunteer_user | self.staff_user)
        self.assertFalse(self.market.attendance_ids.pos_session_id, "listed when it closes")
        session.with_user(self.volunteer_user).action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        cashier = self.market.attendance_ids.filtered(
            lambda line: line.partner_id == self.volunteer_user.partner_id
        )
        self.assertEqual(len(cashier), 1)
        self.assertEqual(cashier.pos_session_id, session)
        self.assertEqual(cashier.role, "volunteer")
        self.assertEqual(cashier.hours, 4.5, "the activity's span")
        self.assertFalse(cashier.attended, "staff validate it")
        self.assertTrue(cashier.is_to_validate)
        self.assertEqual(
            self.env["conserverie.activity.attendance"].search([("is_to_validate", "=", True)]),
            cashier,
        )
        self.assertEqual(len(self.market.attendance_ids), 2, "staff already listed stay once")
        self.assertEqual(self.market.participant_count, 1)
        self.assertFalse(self.market._add_stall_cashiers(session), "once")
        self.assertEqual(len(self.market.attendance_ids), 2)

    def test_only_staff_validate_a_cashier(self):
        self.market.with_user(self.staff_user).action_open_stall()
        session = self.stall.current_session_id
        self._sell(session, self.volunteer_user)
        self._sell(session, self.accountant_user)
        session.action_pos_session_closing_control()
        lines = self.market.attendance_ids.filtered("pos_session_id")
        self.assertEqual(
            lines.partner_id, self.volunteer_user.partner_id | self.accountant_user.partner_id
        )
        for user in (self.volunteer_user, self.accountant_user):
            for values in ({"attended": True}, {"hours": 12.0}, {"pos_session_id": False}):
                with self.subTest(user=user.login, values=values):
                    with self.assertRaises(AccessError):
                        lines.with_user(user).write(values)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["conserverie.activity.attendance"].with_user(user).create(
                    {
                        "activity_id": self.workshop.id,
                        "partner_id": user.partner_id.id,
                        "hours": 8.0,
                        "pos_session_id": session.id,
                    }
                )
        self.assertFalse(any(lines.mapped("attended")))
        self.assertEqual(lines.mapped("hours"), [4.5, 4.5])
        lines.with_user(self.staff_user).write({"attended": True, "hours": 4.0})
        self.assertFalse(lines.filtered("is_to_validate"))
        self.assertEqual(self.market.volunteer_hours, 12.0)
