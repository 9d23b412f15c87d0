from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.conserverie_production.tests.common import PASTEURISED_COMPOTE

from .common import StallCase, sterilise_and_release

JARS_MADE = 40
PH_MEASURED = 3.6


@tagged("post_install", "-at_install")
class TestMarketDay(StallCase):
    """One day of the facility, from the orchard to the funder's report.

    A grower donates apples and a gleaning outing brings pears; a workshop on a
    village square preserves them; the stall sells the jars in euros and in hours
    with deposits, takes back empties and runs offline for part of the day; a
    purchasing group orders jars through its centre; the session is closed and the
    accountant reconciles; the impact report and a recall search see that day.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        kg = cls.env.ref("uom.product_uom_kgm")
        produce = cls.env.ref("conserverie_base.product_category_produce")
        cls.market_apples, cls.pears = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "label_ingredient_name": label,
                    "categ_id": produce.id,
                    "is_recovered_produce": True,
                    "is_storable": True,
                    "tracking": "lot",
                    "uom_id": kg.id,
                    "uom_po_id": kg.id,
                    "standard_price": 2.0,
                }
                for name, label in (("Pommes du verger (scénario)", "pommes"), ("Poires", "poires"))
            ]
        )
        cls.recipe = cls._create_bom(
            cls.compote,
            [(cls.market_apples, 0.2), (cls.pears, 0.15), (cls.sugar, 0.03)],
            **PASTEURISED_COMPOTE,
        )
        cls.square = cls.env["conserverie.site"].create(
            {"name": "Place du village (scénario)", "site_type": "village_square", "is_rural": True}
        )
        cls.alice = cls._member("Alice (scénario)")
        cls.bruno = cls._member("Bruno (scénario)")
        cls.purchasing_group = cls.env["res.partner"].create(
            {
                "name": "Groupement d'achat (scénario)",
                "is_purchasing_group": True,
                "purchasing_group_centre_id": cls.centre.id,
            }
        )
        # what the funder's report said before the day began
        cls.report = cls.env["conserverie.impact.report"].create(
            {"date_from": cls.today, "date_to": cls.today}
        )
        cls.before = cls.report.compute_indicators()
        cls.flower_before = {
            petal: score for petal, _ind, _survey, score in cls.report._get_flower_scores()
        }

    # ------------------------------------------------------------------
    # Morning: produce comes in, the workshop preserves it
    # ------------------------------------------------------------------

    def _receive_produce(self):
        donation = self._create_intake([(self.market_apples, 12.0)], partner=self.grower)
        gleaning = self._create_intake(
            [(self.pears, 9.0)], partner=self.grower_conventional, source="gleaning"
        )
        (donation | gleaning).action_validate()
        self.assertEqual((donation | gleaning).mapped("state"), ["done", "done"])
        return donation.line_ids.lot_id, gleaning.line_ids.lot_id

    def _hold_workshop(self):
        workshop = self.env["conserverie.activity"].create(
            {
                "name": "Atelier compote (scénario)",
                "activity_type": "preserving",
                "site_id": self.square.id,
                "centre_id": self.centre.id,
                "date_start": f"{self.today} 08:00:00",
                "date_end": f"{self.today} 12:00:00",
                "attendance_ids": [
                    Command.create({"partner_id": partner.id, "role": "volunteer", "hours": hours})
                    for partner, hours in (
                        (self.operator, 4.0),
                        (self.alice, 3.0),
                        (self.bruno, 2.5),
                    )
                ],
            }
        )
        return workshop

    def _preserve(self, workshop):
        production = self._create_production(self.recipe, JARS_MADE, activity_id=workshop.id)
        cycle = self._create_cycle(production)
        jar_lot = sterilise_and_release(self, cycle, production, self.staff_user, PH_MEASURED)
        self.assertEqual(
            jar_lot.with_context(location=self.warehouse.released_location_id.id).product_qty,
            JARS_MADE,
        )
        return production, jar_lot

    def _print_labels(self, jar_lot):
        label = jar_lot._get_label_data(JARS_MADE)
        self.assertEqual(label.lot_name, jar_lot.name)
        self.assertEqual(label.copies, JARS_MADE)
        ingredients = " ".join(text for text, _bold in label.ingredients).lower()
        self.assertIn("pommes", ingredients)
        self.assertIn("poires", ingredients)
        self.assertIn("0.50", label.deposit_text)
        self.assertTrue(label.best_before)
        pdf = jar_lot._render_jar_labels(JARS_MADE)
        self.assertTrue(pdf.startswith(b"%PDF"))

    # ------------------------------------------------------------------
    # Afternoon: the stall
    # ------------------------------------------------------------------

    def _run_stall(self, jar_lot):
        session = self._open_stall(self.volunteer_user)
        lot = jar_lot.name
        cash, hours = self.cash_method, self.time_method
        # online: a passer-by pays cash; Alice pays the jars in hours and the deposits in
        # cash, and brings back two empties
        online = [
            self._order(session, self._jars(self.compote, 2, lot), [(cash, 9.0)]),
            self._order(
                session,
                [*self._jars(self.compote, 3, lot), *self._empties(2)],
                [(hours, 12.0), (cash, 0.5)],
                partner=self.alice,
            ),
        ]
        orders = self._sync(online[:1], user=self.volunteer_user)
        orders |= self._sync(online[1:], user=self.volunteer_user)
        # the network drops: two orders wait in the till and are synced together later
        earlier = fields.Datetime.now() - timedelta(hours=2)
        offline = [
            self._order(
                session,
                self._jars(self.compote, 1, lot),
                [(hours, 4.0), (cash, 0.5)],
                partner=self.bruno,
                date_order=earlier,
            ),
            self._order(session, self._empties(3), [(cash, -1.5)], date_order=earlier),
        ]
        orders |= self._sync(offline, user=self.volunteer_user)
        self.assertEqual(len(orders), 4)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        self.assertFalse(orders.review_issue_ids, orders.review_issue_ids.mapped("message"))
        return session, orders

    def _order_for_purchasing_group(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.purchasing_group.id,
                "order_line": [
                    Command.create({"product_id": self.compote.id, "product_uom_qty": 6})
                ],
            }
        )
        self.assertEqual(order.channel_id.code, "purchasing_group")
        self.assertEqual(order.partner_shipping_id, self.centre)
        order.action_confirm()
        order.picking_ids.button_validate()
        self.assertEqual(order.picking_ids.state, "done")
        invoice = order._create_invoices()
        invoice.action_post()
        return order

    # ------------------------------------------------------------------
    # The day, end to end
    # ------------------------------------------------------------------

    def test_market_day(self):
        operator_hours = self._balance(self.operator)
        apple_lot, pear_lot = self._receive_produce()
        workshop = self._hold_workshop()
        production, jar_lot = self._preserve(workshop)
        workshop.action_done()
        self.assertEqual(production.activity_id, workshop)
        self._print_labels(jar_lot)

        # volunteers' attendance credited their hours
        self.assertAlmostEqual(self._balance(self.operator), operator_hours + 4.0)
        self.assertAlmostEqual(self._balance(self.alice), 3.0)
        self.assertAlmostEqual(self._balance(self.bruno), 2.5)

        session, orders = self._run_stall(jar_lot)
        sale_order = self._order_for_purchasing_group()

        # hours spent to the minute: Alice 12 € = 1 h 12, Bruno 4 € = 0 h 24
        self.assertAlmostEqual(self._balance(self.alice), 3.0 - 1.2, places=4)
        self.assertAlmostEqual(self._balance(self.bruno), 2.5 - 0.4, places=4)
        session.with_user(self.staff_user).action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        self.env["pos.session"]._cron_receive_returned_jars()  # triggered by the closing
        # empties back in the empties location at the closing: 2 + 3 jars, one receipt
        receipt = orders.deposit_return_picking_id
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.pos_session_id, session)
        self.assertEqual(sum(receipt.move_ids.mapped("quantity")), 5)

        self._check_reconciliation(session, orders)
        self._check_impact(workshop, sale_order)
        self._check_recall(apple_lot, pear_lot, jar_lot, sale_order)

    def _check_reconciliation(self, session, orders):
        reconciliation = (
            self.env["conserverie.time.reconciliation"]
            .with_user(self.accountant_user)
            .create({"date_from": self.today, "date_to": self.today})
        )
        reconciliation.action_compute()
        line = reconciliation.session_line_ids.filtered(lambda ln: ln.session_id == session)
        # euros: 9.00 + 0.50 + 0.50 - 1.50; hours: 1 h 12 + 0 h 24
        self.assertAlmostEqual(line.euro_amount, 8.5, places=2)
        self.assertAlmostEqual(line.time_amount, 16.0, places=2)
        self.assertAlmostEqual(line.time_hours, 1.6, places=4)
        self.assertAlmostEqual(line.ledger_hours, 1.6, places=4)
        self.assertEqual(line.difference_minutes, 0)
        self.assertFalse(line.has_difference)
        # deposits: 6 jars out at 0.50, 5 back: 0.50 owed to customers, booked on the
        # liability account by the session's entry and recorded in the deposit ledger
        session_lines = session.move_id.line_ids
        liability = sum(
            session_lines.filtered(lambda ln: ln.account_id == self.liability).mapped("balance")
        )
        self.assertAlmostEqual(liability, -0.5, places=2)
        ledger = orders._get_deposit_moves()
        self.assertAlmostEqual(sum(ledger.mapped("amount")), 0.5, places=2)
        self.assertEqual(sum(ledger.mapped("quantity")), 1)
        cash = sum(
            session.order_ids.payment_ids.filtered(
                lambda p: p.payment_method_id == self.cash_method
            ).mapped("amount")
        )
        self.assertAlmostEqual(cash, 8.5, places=2)

    def _check_impact(self, workshop, sale_order):
        after = self.report.compute_indicators()

        def delta(code):
            return round(after[code] - self.before[code], 4)

        self.assertEqual(delta("kg_recovered"), 21.0)
        self.assertEqual(delta("jars_produced"), JARS_MADE)
        self.assertEqual(delta("jars_sold"), 6)
        self.assertEqual(delta("jars_purchasing_groups"), 6)
        self.assertEqual(delta("volunteer_hours"), 9.5)
        self.assertEqual(delta("hours_issued"), 9.5)
        self.assertEqual(delta("hours_redeemed"), 1.6)
        self.assertEqual(delta("jars_returned"), 5)
        self.assertEqual(delta("activities"), 1)
        self.assertEqual(delta("rural_activities"), 1)
        self.assertEqual(delta("participants"), 3)
        # hours pay the jars, never the deposits: Alice's 3 jars and Bruno's one
        self.assertEqual(delta("jars_sold_hours"), 4)
        self.assertEqual(delta("sales_hours_value"), 16.0)
        self.assertEqual(delta("sales_euros"), 8.0)
        flower_after = {
            petal: score for petal, _ind, _survey, score in self.report._get_flower_scores()
        }
        self.assertEqual(set(flower_after), set(self.flower_before))
        self.assertTrue(
            any(flower_after[petal] > self.flower_before[petal] for petal in flower_after),
            "the day's work shows on the flower",
        )

    def _check_recall(self, apple_lot, pear_lot, jar_lot, sale_order):
        for intake_lot in (apple_lot, pear_lot):
            self.assertEqual(intake_lot._get_recall_lots(), jar_lot)
        lines = pear_lot.with_user(self.staff_user)._get_recall_move_lines()
        self.assertEqual(lines.lot_id, jar_lot)
        # 6 jars at the stall, 6 to the purchasing group
        self.assertEqual(sum(lines.mapped("quantity")), 12)
        self.assertEqual(
            set(lines.conserverie_channel_id.mapped("code")), {"day_sale", "purchasing_group"}
        )
        self.assertEqual(
            lines.conserverie_customer_id, self.alice | self.bruno | sale_order.partner_id
        )
        action = pear_lot.with_user(self.staff_user).action_recall_search()
        self.assertEqual(self.env["stock.move.line"].search(action["domain"]), lines)
