from copy import deepcopy

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestPosSync(DepositCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_pos()

    def test_product_setup(self):
        self.assertEqual(self.jam.deposit_product_id, self.deposit_370)
        self.assertEqual(self.sauce.deposit_product_id, self.deposit_720)
        self.assertEqual(self.deposit_370._get_deposit_jar(), self.jar_370)
        self.assertEqual(self.deposit_370.product_tmpl_id.deposit_jar_product_id, self.jar_370)
        self.assertFalse(self.deposit_370.taxes_id)
        self.assertEqual(self.deposit_370.type, "service")
        self.assertEqual(self.liability.code, "419600")
        self.assertEqual(self.liability.account_type, "liability_current")
        self.assertEqual(self.deposit_370._get_product_accounts()["income"], self.liability)

    def test_sync_links_deposits_and_receives_returns(self):
        session = self._open_session()
        lines = [
            *self._with_deposit(self.jam, 2),
            *self._with_deposit(self.sauce, 1),
            self._line(self.deposit_370, -3),
        ]
        order = self._sync(self._order_data(session, lines, partner=self.customer))
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.review_issue_ids, order.review_issue_ids.mapped("message"))
        jam_line = order.lines.filtered(lambda line: line.product_id == self.jam)
        deposit_line = jam_line.deposit_line_ids
        self.assertEqual(deposit_line.product_id, self.deposit_370)
        self.assertEqual(deposit_line.qty, 2)
        self.assertTrue(deposit_line.is_deposit_line)
        self.assertFalse(jam_line.is_deposit_line)
        self.assertEqual(order.deposit_jars_returned, 3)
        # the customer's ledger: 3 jars out (2 + 1) minus 3 back
        moves = order._get_deposit_moves()
        self.assertEqual(len(moves), 3)
        self.assertEqual(self.customer.deposit_jar_count, 0)
        self.assertAlmostEqual(self.customer.deposit_balance, 2 * 0.5 + 0.8 - 1.5)
        self.assertEqual(self.customer.deposit_move_ids, moves)
        self.assertEqual(moves.currency_id, self.company.currency_id)
        self.assertEqual(moves.jar_product_id, self.jar_370 | self.jar_720)
        # the jars are received once the stall is closed, into the empties location
        self.assertFalse(order.deposit_return_picking_id)
        self.assertEqual(self._empties_qty(self.jar_370), 0)
        self._close_and_receive(session)
        picking = order.deposit_return_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.pos_session_id, session)
        self.assertEqual(picking.origin, session.name)
        self.assertEqual(picking.move_ids.product_id, self.jar_370)
        self.assertEqual(picking.move_ids.quantity, 3)
        self.assertEqual(self._empties_qty(self.jar_370), 3)

    def test_session_receives_all_its_returns_once(self):
        session = self._open_session()
        first = self._sync(
            self._order_data(
                session, [*self._with_deposit(self.jam, 1), self._line(self.deposit_370, -2)]
            )
        )
        second = self._sync(
            self._order_data(
                session, [self._line(self.deposit_370, -1), self._line(self.deposit_720, -4)]
            )
        )
        without_returns = self._sync(self._order_data(session, self._with_deposit(self.sauce, 1)))
        cron = self.env.ref("conserverie_deposit.ir_cron_receive_returned_jars")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        # the closing does not wait for the stock: it asks the scheduled action to run
        self.assertFalse(session.deposit_jars_received)
        self.assertFalse(first.deposit_return_picking_id)
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), triggers + 1
        )
        cron.method_direct_trigger()
        self.assertTrue(session.deposit_jars_received)
        picking = first.deposit_return_picking_id
        self.assertEqual(second.deposit_return_picking_id, picking)
        self.assertFalse(without_returns.deposit_return_picking_id)
        quantities = {move.product_id: move.quantity for move in picking.move_ids}
        self.assertEqual(quantities, {self.jar_370: 3, self.jar_720: 4})
        self.assertEqual(self._empties_qty(self.jar_370), 3)
        self.assertEqual(self._empties_qty(self.jar_720), 4)
        # a second pass receives nothing more
        session.action_receive_returned_jars()
        self.assertEqual(self._empties_qty(self.jar_370), 3)
        self.assertIn(picking, session.picking_ids)

    def test_open_session_is_not_received(self):
        session = self._open_session()
        order = self._sync(self._order_data(session, [self._line(self.deposit_370, -2)]))
        session.action_receive_returned_jars()
        self.env["pos.session"]._cron_receive_returned_jars()
        self.assertFalse(session.deposit_jars_received)
        self.assertFalse(order.deposit_return_picking_id)
        self.assertEqual(self._empties_qty(self.jar_370), 0)

    def test_jar_format_of_a_deposit_follows_the_setup(self):
        deposit = self._create_deposit("Consigne 500 (test)", 0.6)
        self.assertFalse(deposit.deposit_jar_id)
        jar = self.env["product.product"].create(
            {
                "name": "Bocal 500 ml (test)",
                "is_jar": True,
                "jar_volume_ml": 500,
                "deposit_product_id": deposit.id,
            }
        )
        self.assertEqual(deposit.deposit_jar_id, jar)
        Ledger = self.env["conserverie.deposit.move"]
        self.assertEqual(Ledger._get_jars_by_deposit({deposit.id}), {deposit.id: jar.id})
        jar.product_tmpl_id.active = False
        self.assertFalse(deposit.deposit_jar_id)
        jar.product_tmpl_id.active = True
        self.assertEqual(deposit.deposit_jar_id, jar)
        jar.deposit_product_id = False
        self.assertFalse(deposit.deposit_jar_id)
        self.assertEqual(Ledger._get_jars_by_deposit({deposit.id}), {})

    def test_same_order_synced_twice(self):
        session = self._open_session()
        data = self._order_data(
            session, [*self._with_deposit(self.jam, 1), self._line(self.deposit_370, -2)]
        )
        order = self._sync(deepcopy(data))
        again = self._sync(deepcopy(data))
        self.assertEqual(order, again)
        self.assertEqual(self.env["pos.order"].search_count([("uuid", "=", data["uuid"])]), 1)
        self.assertEqual(len(order._get_deposit_moves()), 2)
        # the guard holds even if the processing is replayed
        order._conserverie_post_ledgers(new_orders=order.browse())
        order.action_pos_order_paid()
        self.assertEqual(len(order._get_deposit_moves()), 2)
        self._close_and_receive(session)
        pickings = self.env["stock.picking"].search(
            [
                ("pos_session_id", "=", session.id),
                ("location_dest_id", "=", self.warehouse.empty_jars_location_id.id),
            ]
        )
        self.assertEqual(order.deposit_return_picking_id, pickings)
        self.assertEqual(self._empties_qty(self.jar_370), 2)

    def test_return_alone_without_customer(self):
        session = self._open_session()
        order = self._sync(self._order_data(session, [self._line(self.deposit_720, -4)]))
        self.assertEqual(order.amount_total, -3.2)
        self.assertEqual(order.state, "paid")
        self._close_and_receive(session)
        self.assertEqual(self._empties_qty(self.jar_720), 4)
        move = order._get_deposit_moves()
        self.assertEqual(move.move_type, "return")
        self.assertFalse(move.partner_id)
        self.assertEqual(move.quantity, -4)
        self.assertEqual(move.jar_product_id, self.jar_720)

    def test_session_close_books_deposits_to_liability(self):
        session = self._open_session()
        self._sync(
            self._order_data(
                session,
                [*self._with_deposit(self.jam, 2), self._line(self.deposit_370, -3)],
                partner=self.customer,
            )
        )
        self._sync(self._order_data(session, self._with_deposit(self.sauce, 1)))
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        lines = session.move_id.line_ids
        liability_balance = sum(
            lines.filtered(lambda ln: ln.account_id == self.liability).mapped("balance")
        )
        # deposits: 2 x 0.50 + 0.80 paid, 3 x 0.50 refunded: 0.30 owed to customers
        self.assertAlmostEqual(liability_balance, -0.3)
        revenue = lines.filtered(lambda ln: ln.account_id.internal_group == "income")
        self.assertAlmostEqual(sum(revenue.mapped("balance")), -(2 * 4.0 + 6.0))
        self.assertFalse(revenue.tax_ids)
        self.assertFalse(lines.filtered(lambda ln: ln.tax_line_id))

    def test_edited_deposit_price_is_flagged_not_lost(self):
        session = self._open_session()
        lines = self._with_deposit(self.jam, 1)
        lines[1][2].update(price_unit=0.1, price_subtotal=0.1, price_subtotal_incl=0.1)
        order = self._sync(self._order_data(session, lines))
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.has_review_issue)
        self.assertEqual(order.review_issue_ids.kind, "deposit")
        self.assertIn("Consigne 370", order.review_issue_ids.message)
        # synced again: the issue is recorded once
        order._conserverie_review()
        self.assertEqual(len(order.review_issue_ids), 1)

    def test_paid_from_the_back_office_records_deposits_once(self):
        """An order left unpaid at the till and paid by staff from its form records its
        deposits like a till payment, once."""
        session = self._open_session()
        lines = [*self._with_deposit(self.jam, 2), self._line(self.deposit_370, -1)]
        order = self._sync(self._order_data(session, lines, partner=self.customer, paid=False))
        self.assertEqual(order.state, "draft")
        self.assertFalse(order._get_deposit_moves())
        payment = (
            self.env["pos.make.payment"]
            .with_user(self.coordinator_user)  # Odoo's payment wizard: POS managers
            .with_context(active_id=order.id, active_ids=order.ids)
            .create({"payment_method_id": self.cash_method.id})
        )
        payment.check()
        self.assertEqual(order.state, "paid")
        moves = order._get_deposit_moves()
        self.assertEqual(sorted(moves.mapped("move_type")), ["return", "sale"])
        order.action_pos_order_paid()
        self.assertEqual(order._get_deposit_moves(), moves)
        self.assertFalse(order.review_issue_ids)

    def test_edited_deposit_price_refused_outside_sync(self):
        session = self._open_session()
        order = self._sync(self._order_data(session, self._with_deposit(self.jam, 1), paid=False))
        deposit_line = order.lines.filtered("is_deposit_line")
        with self.assertRaisesRegex(ValidationError, "cannot be priced on its own"):
            deposit_line.price_unit = 0.2
        with self.assertRaisesRegex(ValidationError, "cannot be discounted"):
            deposit_line.discount = 10

    def test_deposit_cut_from_its_product_is_flagged(self):
        session = self._open_session()
        lines = self._with_deposit(self.jam, 2)
        lines[1][2]["deposit_parent_uuid"] = "no-such-line"
        lines[1][2].update(qty=3, price_subtotal=1.5, price_subtotal_incl=1.5)
        order = self._sync(self._order_data(session, lines))
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.has_review_issue)
        self.assertIn("lost its product line", "\n".join(order.review_issue_ids.mapped("message")))
        # a deposit sold with a product is not a jar coming back
        self.assertFalse(order.deposit_return_picking_id)
