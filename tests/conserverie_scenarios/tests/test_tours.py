"""Two critical flows in a real browser: the stall's checkout and the release of a lot."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.conserverie_base.tests.common import ConserverieCase
from odoo.addons.conserverie_production.tests.common import ProductionCase

HOUR_VALUE = 12.0
WELCOME_HOURS = 3.0
PRESERVE_PRICE = 7.2
DEPOSIT_PRICE = 0.5
JARS_RETURNED = 3
HOURS_PAID_EUROS = 3.0  # typed at the till: 3.00 / 12.00 = 0 h 15
CASH_PAID = PRESERVE_PRICE + DEPOSIT_PRICE - JARS_RETURNED * DEPOSIT_PRICE - HOURS_PAID_EUROS


def to_minutes(hours):
    return round(hours * 60)


@tagged("post_install", "-at_install")
class TestStallCheckoutTour(HttpCase, ConserverieCase):
    """A volunteer sells a jar with its deposit to a member, takes back empty jars and
    takes part of the price in hours, the rest in cash (conserverie_scenarios_stall_checkout).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"time_hour_value": HOUR_VALUE, "time_welcome_hours": WELCOME_HOURS})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Adhérente Étal Tournée", "is_member": True}
        )
        cls.time_account = cls.env["conserverie.time.account"]._get_for_partner(cls.customer)
        cls.deposit = cls.env["product.product"].create(
            {
                "name": "Consigne étal tournée",
                "is_deposit": True,
                "list_price": DEPOSIT_PRICE,
                "available_in_pos": True,
            }
        )
        cls.jar_370.deposit_product_id = cls.deposit
        cls.preserve = cls.env["product.product"].create(
            {
                "name": "Velouté étal tournée",
                "is_storable": True,
                "list_price": PRESERVE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        category = cls.env["pos.category"].create({"name": "Bocaux étal tournée"})
        cls.preserve.pos_categ_ids = category
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse étal tournée", "type": "cash", "code": "CETR"}
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {"name": "Espèces étal tournée", "journal_id": cash_journal.id}
        )
        cls.hours_method = cls.company._get_time_payment_method()
        cls.hours_method.name = "Heures étal tournée"
        cls.config = cls.env["pos.config"].create(
            {
                "name": "Étal tournée",
                "payment_method_ids": [Command.set((cls.cash_method | cls.hours_method).ids)],
                "picking_type_id": cls.warehouse.pos_type_id.id,
                "limit_categories": True,
                "iface_available_categ_ids": [Command.set(category.ids)],
            }
        )

    def _empty_jars_in_stock(self):
        location = self.warehouse.empty_jars_location_id
        return self.jar_370.with_context(location=location.id).qty_available

    def test_member_pays_in_hours_and_cash_and_returns_jars(self):
        self.assertEqual(self.time_account.balance, WELCOME_HOURS)
        empty_jars_before = self._empty_jars_in_stock()
        self.config.with_user(self.volunteer_user).open_ui()

        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "conserverie_scenarios_stall_checkout",
            login=self.volunteer_user.login,
        )

        self.env.invalidate_all()
        order = self.env["pos.order"].search([("config_id", "=", self.config.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.volunteer_user)
        self.assertAlmostEqual(order.amount_total, HOURS_PAID_EUROS + CASH_PAID)
        self.assertFalse(order.review_issue_ids, order.review_issue_ids.mapped("message"))

        # Lines: the preserve, the deposit linked to it, the jars returned on their own.
        self.assertEqual(len(order.lines), 3)
        preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
        self.assertEqual(preserve_line.qty, 1)
        self.assertAlmostEqual(preserve_line.price_subtotal_incl, PRESERVE_PRICE)
        deposit_line = preserve_line.deposit_line_ids
        self.assertEqual(deposit_line.product_id, self.deposit)
        self.assertEqual(deposit_line.qty, 1)
        self.assertAlmostEqual(deposit_line.price_unit, DEPOSIT_PRICE)
        self.assertEqual(deposit_line.deposit_parent_uuid, preserve_line.uuid)
        return_line = order.lines - preserve_line - deposit_line
        self.assertEqual(return_line.product_id, self.deposit)
        self.assertEqual(return_line.qty, -JARS_RETURNED)
        self.assertFalse(return_line.deposit_parent_line_id)
        self.assertTrue(return_line.is_deposit_line)
        self.assertEqual(order.deposit_jars_returned, JARS_RETURNED)

        # Deposit ledger: one jar out with a deposit, three jars back.
        ledger = self.env["conserverie.deposit.move"].search([("pos_order_id", "=", order.id)])
        self.assertEqual(
            sorted(ledger.mapped(lambda m: (m.move_type, m.quantity, m.amount))),
            [
                ("return", -JARS_RETURNED, -JARS_RETURNED * DEPOSIT_PRICE),
                ("sale", 1.0, DEPOSIT_PRICE),
            ],
        )
        self.assertEqual(ledger.partner_id, self.customer)
        self.assertEqual(ledger.deposit_product_id, self.deposit)
        self.assertEqual(ledger.jar_product_id, self.jar_370)

        # The empty jars are received into the jars to wash when the stall closes.
        self.assertFalse(order.deposit_return_picking_id)
        order.session_id.action_pos_session_closing_control()
        self.env["pos.session"]._cron_receive_returned_jars()  # triggered by the closing
        receipt = order.deposit_return_picking_id
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.pos_session_id, order.session_id)
        self.assertEqual(receipt.location_dest_id, self.warehouse.empty_jars_location_id)
        self.assertEqual(receipt.move_ids.product_id, self.jar_370)
        self.assertEqual(receipt.move_ids.quantity, JARS_RETURNED)
        self.assertEqual(self._empty_jars_in_stock(), empty_jars_before + JARS_RETURNED)

        # Payments: hours for part of the preserve, the rest in cash.
        payments = {payment.payment_method_id: payment for payment in order.payment_ids}
        self.assertEqual(set(payments), {self.cash_method, self.hours_method})
        self.assertAlmostEqual(payments[self.cash_method].amount, CASH_PAID)
        self.assertAlmostEqual(payments[self.hours_method].amount, HOURS_PAID_EUROS)

        # The member's hours: 3 h 00 before, 0 h 15 debited, 2 h 45 after.
        hours_paid = HOURS_PAID_EUROS / HOUR_VALUE
        self.assertEqual(to_minutes(payments[self.hours_method].time_hours), 15)
        self.assertEqual(to_minutes(self.time_account.balance), to_minutes(WELCOME_HOURS) - 15)
        self.assertAlmostEqual(self.time_account.balance, WELCOME_HOURS - hours_paid)
        debit = self.env["conserverie.time.move"].search(
            [("pos_order_id", "=", order.id), ("account_id", "=", self.time_account.id)]
        )
        self.assertEqual(debit.move_type, "purchase")
        self.assertEqual(debit.pos_payment_id, payments[self.hours_method])
        self.assertEqual(to_minutes(debit.amount), -15)
        self.assertAlmostEqual(debit.balance_after, self.time_account.balance)


@tagged("post_install", "-at_install")
class TestLotReleaseTour(HttpCase, ProductionCase):
    """Centre staff measure the pH of a quarantined lot and release it from its form
    (conserverie_scenarios_lot_release)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production, cls.lot = cls._produce_with_passed_cycle(cls.compote_bom, quantity=10)
        cls.lot.name = "LOT-LIBERATION-TOURNEE"

    def _lot_quantity_in(self, location):
        return sum(self.lot._get_internal_quants(location).mapped("quantity"))

    def test_staff_releases_a_lot_from_its_form(self):
        quarantine = self.warehouse.quarantine_location_id
        released = self.warehouse.released_location_id
        self.assertEqual(self.lot.release_state, "quarantine")
        self.assertFalse(self.lot.ph_measured)
        self.assertEqual(self._lot_quantity_in(quarantine), 10)
        self.assertEqual(self._lot_quantity_in(released), 0)

        self.start_tour(
            "/odoo/action-conserverie_production.stock_lot_action",
            "conserverie_scenarios_lot_release",
            login=self.staff_user.login,
        )

        self.env.invalidate_all()
        self.assertEqual(self.lot.release_state, "released")
        self.assertAlmostEqual(self.lot.ph_measured, 3.8)
        self.assertLessEqual(self.lot.ph_measured, self.compote_bom.max_ph)
        self.assertEqual(self.lot.release_user_id, self.staff_user)
        self.assertTrue(self.lot.release_date)
        self.assertEqual(self._lot_quantity_in(quarantine), 0)
        self.assertEqual(self._lot_quantity_in(released), 10)
        release_move = self.env["stock.move"].search(
            [("move_line_ids.lot_id", "=", self.lot.id), ("location_id", "=", quarantine.id)]
        )
        self.assertEqual(release_move.state, "done")
        self.assertEqual(release_move.location_dest_id, released)
        self.assertEqual(release_move.create_uid, self.staff_user)
