from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CoordinationCase


@tagged("post_install", "-at_install")
class TestBookingRequest(CoordinationCase):
    def test_booking_quoted_confirmed_done_invoiced(self):
        booking = self._create_booking(days=10)
        booking.action_quote()
        order = booking.sale_order_id
        self.assertEqual(booking.state, "quoted")
        self.assertEqual(order.partner_id, self.centre)
        self.assertEqual(order.order_line.product_id, self.fee_town)
        fee = order.amount_total
        self.assertGreater(fee, 0.0)

        with self.assertRaisesRegex(UserError, "after the outing"):
            order._create_invoices()

        order.action_confirm()
        outing = booking.activity_id
        self.assertEqual(booking.state, "confirmed")
        self.assertEqual(outing.state, "planned")
        self.assertEqual(outing.date_start.date(), booking.date)
        self.assertEqual(outing.booking_request_id, booking)
        self.assertEqual(outing.booking_state, "confirmed")

        second = self._create_booking(days=10)
        second.action_quote()
        with self.assertRaisesRegex(ValidationError, "already booked"), self.cr.savepoint():
            second.sale_order_id.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(second.state, "quoted")
        self.assertFalse(second.activity_id)

        outing.attendance_ids = [Command.create({"partner_id": self.member.id, "hours": 4})]
        with self.assertRaisesRegex(UserError, "trained on the autoclave"):
            outing.with_user(self.staff_user).action_done()
        self.assertEqual(outing.state, "planned")
        outing.attendance_ids = [
            Command.create({"partner_id": self.operator.id, "role": "staff", "hours": 6})
        ]
        outing.with_user(self.staff_user).action_done()
        self.assertEqual(booking.state, "done")

        booking.action_invoice()
        invoice = booking.invoice_ids
        self.assertEqual(booking.state, "invoiced")
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_total, fee)
        self.assertEqual(invoice.invoice_line_ids.product_id, self.fee_town)
        bookings = self.env.ref("conserverie_coordination.analytic_account_bookings")
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", invoice.line_ids.ids)]
        )
        self.assertEqual(analytic[bookings.plan_id._column_name()], bookings)
        self.assertAlmostEqual(sum(analytic.mapped("amount")), invoice.amount_untaxed)

    def test_other_day_is_free(self):
        first = self._create_booking(days=10)
        first.action_quote()
        first.sale_order_id.action_confirm()
        other = self._create_booking(days=11)
        other.action_quote()
        other.sale_order_id.action_confirm()
        self.assertEqual(other.state, "confirmed")

    def test_cancelled_booking_frees_the_day(self):
        first = self._create_booking(days=12)
        first.action_quote()
        first.sale_order_id.action_confirm()
        first.action_cancel()
        self.assertEqual(first.activity_id.state, "cancelled")
        self.assertEqual(first.sale_order_id.state, "cancel")
        other = self._create_booking(days=12)
        other.action_quote()
        other.sale_order_id.action_confirm()
        self.assertEqual(other.state, "confirmed")

    def test_quote_needs_a_fee(self):
        booking = self._create_booking(kind="company")
        with self.assertRaisesRegex(UserError, "fee schedule has no service"):
            booking.action_quote()
        self.assertEqual(booking.state, "new")
        self.assertFalse(booking.sale_order_id)

    def test_invoice_only_after_the_outing(self):
        booking = self._create_booking(days=14)
        booking.action_quote()
        booking.sale_order_id.action_confirm()
        with self.assertRaisesRegex(UserError, "after its outing"):
            booking.action_invoice()
        self.assertFalse(booking.invoice_ids)

    def test_booking_rights_per_role(self):
        booking = self._create_booking(days=15)
        for user in (self.volunteer_user, self.grower_user):
            with self.assertRaises(AccessError):
                booking.with_user(user).read(["state"])
            with self.assertRaises(AccessError), self.cr.savepoint():
                self._create_booking(days=16).with_user(user).action_quote()
        booking.with_user(self.staff_user).action_quote()
        self.assertEqual(booking.state, "quoted")
        self.assertEqual(booking.with_user(self.accountant_user).state, "quoted")

    def test_volunteer_cannot_close_an_outing(self):
        booking = self._create_booking(days=17)
        booking.action_quote()
        booking.sale_order_id.action_confirm()
        booking.activity_id.attendance_ids = [
            Command.create({"partner_id": self.operator.id, "role": "staff", "hours": 6})
        ]
        with self.assertRaises(AccessError):
            booking.activity_id.with_user(self.volunteer_user).action_done()
        self.assertEqual(booking.state, "confirmed")
        self.assertEqual(booking.activity_id.state, "planned")
