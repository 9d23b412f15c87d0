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
