"""Hours go back only for hours paid: the till asks the server before validating a
refund in hours (conserverie_scenarios_refund_hours)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import StallCase

JAM_PRICE = 4.0
PESTO_PRICE = 6.0  # 0.6 h at 10 € an hour
MEMBER_HOURS = 5.0


@tagged("post_install", "-at_install")
class TestRefundHoursTour(HttpCase, StallCase):
    """A volunteer refunds a cash sale and an hours sale of the same member in hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._member("Adhérente Remboursement", hours=MEMBER_HOURS)
        cls.jam, cls.pesto = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "list_price": price,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                }
                for name, price in (
                    ("Confiture remboursement", JAM_PRICE),
                    ("Pesto remboursement", PESTO_PRICE),
                )
            ]
        )
        cls.time_method.name = "Heures remboursement"
        cls.stall_session = cls._open_stall(cls.volunteer_user)

    def _refund_payload(self, order, payments, partner=None):
        line = order.lines
        return self._order(
            self.stall_session,
            [self._line(line.product_id, -line.qty, refunded_orderline_id=line.id)],
            payments,
            partner=partner or self.customer,
        )

    def test_refund_in_hours_asked_by_the_till(self):
        cash_sale, hours_sale = self._sync(
            [
                self._order(
                    self.stall_session,
                    [self._line(self.jam, 1)],
                    [(self.cash_method, JAM_PRICE)],
                    partner=self.customer,
                ),
                self._order(
                    self.stall_session,
                    [self._line(self.pesto, 1)],
                    [(self.time_method, PESTO_PRICE)],
                    partner=self.customer,
                ),
            ],
            user=self.volunteer_user,
        )
        other = self._member("Adhérent Voisin")
        session = self.stall_session.with_user(self.volunteer_user)
        # a cash sale refunded in hours
        status = session.get_refundable_hours(self.customer.id, cash_sale.lines.ids, -JAM_PRICE)
        self.assertFalse(status["allowed"])
        self.assertEqual(status["refundable_hours"], 0.0)
        # empties or anything refunding nothing
        self.assertFalse(session.get_refundable_hours(self.customer.id, [], -1.0)["allowed"])
        # an hours sale refunded to someone else
        self.assertFalse(
            session.get_refundable_hours(other.id, hours_sale.lines.ids, -PESTO_PRICE)["allowed"]
        )
        # more hours than were paid
        self.assertFalse(
            session.get_refundable_hours(self.customer.id, hours_sale.lines.ids, -10.0)["allowed"]
        )
        status = session.get_refundable_hours(self.customer.id, hours_sale.lines.ids, -PESTO_PRICE)
        self.assertTrue(status["allowed"])
        self.assertAlmostEqual(status["refundable_hours"], 0.6)
        # once given back, the same hours cannot go back again
        self._sync(
            [self._refund_payload(hours_sale, [(self.time_method, -PESTO_PRICE)])],
            user=self.volunteer_user,
        )
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS)
        status = session.get_refundable_hours(self.customer.id, hours_sale.lines.ids, -PESTO_PRICE)
        self.assertFalse(status["allowed"])
        self.assertAlmostEqual(status["refundable_hours"], 0.0)

    def test_refund_in_hours_refused_then_accepted(self):
        self.start_tour(
            f"/pos/ui?config_id={self.stall.id}",
            "conserverie_scenarios_refund_hours",
            login=self.volunteer_user.login,
        )
        orders = self.stall_session.order_ids.sorted("id")
        self.assertEqual(len(orders), 4)
        cash_sale, hours_sale, cash_refund, hours_refund = orders
        self.assertEqual(cash_refund.lines.refunded_orderline_id, cash_sale.lines)
        self.assertEqual(cash_refund.payment_ids.payment_method_id, self.cash_method)
        self.assertAlmostEqual(cash_refund.amount_paid, -JAM_PRICE)
        self.assertEqual(hours_refund.lines.refunded_orderline_id, hours_sale.lines)
        self.assertEqual(hours_refund.payment_ids.payment_method_id, self.time_method)
        self.assertAlmostEqual(hours_refund.time_hours, -0.6)
        # the pesto's 0.6 h went out and came back; nothing else moved
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS)
        account = self.TimeAccount._get_for_partner(self.customer)
        self.assertFalse(account.flagged)
