from odoo import Command
from odoo.tests import tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestTraceability(ProductionCase):
    def test_jar_lot_to_intake_lots_and_back(self):
        second_intake = self._create_intake([(self.apples, 10.0)], partner=self.grower_conventional)
        second_intake.action_validate()
        other_lot = second_intake.line_ids.lot_id
        production, jar_lot = self._produce_with_passed_cycle(self.compote_bom, 10)
        consumed = production.move_raw_ids.move_line_ids.lot_id
        self.assertIn(self.apple_lot, consumed | other_lot)

        sources = jar_lot._get_source_lots()
        self.assertEqual(sources, consumed)
        self.assertIn(self.grower, jar_lot.conserverie_source_grower_ids | sources.intake_grower_id)
        action = jar_lot.action_view_source_lots()
        self.assertEqual(self.env["stock.lot"].search(action["domain"]), consumed)

        for intake_lot in consumed:
            self.assertEqual(intake_lot._get_jar_lots(), jar_lot)
            action = intake_lot.action_view_jar_lots()
            self.assertEqual(self.env["stock.lot"].search(action["domain"]), jar_lot)

    def test_unused_intake_lot_has_no_jars(self):
        intake = self._create_intake([(self.apples, 5.0)], partner=self.grower_conventional)
        intake.action_validate()
        self.assertFalse(intake.line_ids.lot_id._get_jar_lots())


@tagged("post_install", "-at_install")
class TestRecallSearch(ProductionCase):
    """From a grower's intake lot to every jar lot and everyone who got jars of it."""

    def _release(self, lot):
        lot.ph_measured = 3.8
        lot.action_release()

    def _deliver_to_purchasing_group(self, quantity):
        group = self.env["res.partner"].create(
            {
                "name": "Groupement rappel (test)",
                "is_purchasing_group": True,
                "purchasing_group_centre_id": self.centre.id,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": group.id,
                "order_line": [
                    Command.create({"product_id": self.compote.id, "product_uom_qty": quantity})
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.button_validate()
        return order

    def test_recall_from_intake_lot_finds_jar_lots_customers_and_channels(self):
        _production, jar_lot = self._produce_with_passed_cycle(self.compote_bom, 10)
        self._release(jar_lot)
        self.workshop.attendance_ids = [Command.create({"partner_id": self.member.id})]
        self.workshop.action_done()
        self.workshop._give_volunteer_share([(self.member, self.compote, 2.0)])
        order = self._deliver_to_purchasing_group(5)
        self.assertEqual(order.picking_ids.state, "done")

        self.assertEqual(self.apple_lot._get_recall_lots(), jar_lot)
        self.assertEqual(jar_lot._get_recall_lots(), jar_lot, "a jar lot recalls itself")
        lines = self.apple_lot._get_recall_move_lines()
        self.assertEqual(lines.lot_id, jar_lot)
        self.assertEqual(sum(lines.mapped("quantity")), 7.0)
        by_channel = {line.conserverie_channel_id.code: line for line in lines}
        self.assertEqual(set(by_channel), {"volunteer_share", "purchasing_group"})
        self.assertEqual(by_channel["volunteer_share"].conserverie_customer_id, self.member)
        self.assertEqual(by_channel["purchasing_group"].conserverie_customer_id, order.partner_id)

        action = self.apple_lot.action_recall_search()
        self.assertEqual(self.env["stock.move.line"].search(action["domain"]), lines)
        self.assertIn(self.apple_lot.name, action["name"])
        self.assertIn("1 jar lot", action["name"])

    def test_recall_of_unused_lot_finds_nothing(self):
        intake = self._create_intake([(self.apples, 5.0)], partner=self.grower_conventional)
        intake.action_validate()
        lot = intake.line_ids.lot_id
        self.assertFalse(lot._get_recall_move_lines())
        action = lot.action_recall_search()
        self.assertFalse(self.env["stock.move.line"].search(action["domain"]))
        self.assertIn("no jar lot", action["help"])

    def test_quarantined_jars_never_left(self):
        _production, jar_lot = self._produce_with_passed_cycle(self.compote_bom, 4)
        self.assertEqual(jar_lot.release_state, "quarantine")
        self.assertEqual(self.apple_lot._get_recall_lots(), jar_lot)
        self.assertFalse(self.apple_lot._get_recall_move_lines())
