from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestUnreleasedLotsBlocked(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production, cls.lot = cls._produce_with_passed_cycle(cls.compote_bom, 10)
        cls.released_lot = cls._put_released_jars(cls.compote, 5, lot_name="COMPOTE-OK")
        cls.released_lot.release_state = "released"
        # A quarantined lot misplaced in the released stock must still be skipped.
        cls.quarantined = cls.env["stock.lot"].create(
            {"name": "COMPOTE-QUAR", "product_id": cls.compote.id, "company_id": cls.company.id}
        )
        cls.quarantined.release_state = "quarantine"
        cls.env["stock.quant"]._update_available_quantity(
            cls.compote, cls.warehouse.released_location_id, 20, lot_id=cls.quarantined
        )
        best_before = fields.Datetime.now() + timedelta(days=365)
        (cls.released_lot | cls.quarantined).write(
            {"expiration_date": best_before, "use_date": best_before, "removal_date": best_before}
        )

    def _reserved_lots(self, quantity):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.member.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": self.compote.id, "product_uom_qty": quantity})
                ],
            }
        )
        order.action_confirm()
        moves = order.picking_ids.move_ids
        return moves, moves.move_line_ids.lot_id

    def test_sale_order_reserves_released_lots_only(self):
        moves, lots = self._reserved_lots(8)
        self.assertEqual(lots, self.released_lot)
        self.assertEqual(moves.quantity, 5, "the 20 quarantined jars are not reserved")

    def test_rejected_lot_not_reserved(self):
        self.quarantined.release_state = "rejected"
        _moves, lots = self._reserved_lots(8)
        self.assertNotIn(self.quarantined, lots)

    def test_released_lot_reserved_after_release(self):
        self.quarantined.release_state = "released"
        moves, lots = self._reserved_lots(8)
        self.assertEqual(moves.quantity, 8)
        self.assertIn(self.quarantined, lots | self.released_lot)

    def test_volunteer_share_never_gives_quarantined_jars(self):
        self.env["conserverie.activity.attendance"].create(
            {
                "activity_id": self.workshop.id,
                "partner_id": self.member.id,
                "role": "volunteer",
                "hours": 2,
            }
        )
        self.workshop.action_done()
        pickings = self.workshop._give_volunteer_share([(self.member, self.compote, 5)])
        self.assertEqual(pickings.move_ids.move_line_ids.lot_id, self.released_lot)
        # The 20 quarantined jars lying in the released stock are not given.
        with self.assertRaisesRegex(UserError, "Only 0.0 released"):
            self.workshop._give_volunteer_share([(self.member, self.compote, 1)])

    def _open_session(self):
        config = self.env.ref("conserverie_base.pos_config_stall")
        config.open_ui()
        return config, config.current_session_id

    def test_pos_offers_released_lots_only(self):
        config, _session = self._open_session()
        lots = (
            self.env["pos.order.line"]
            .with_context(config_id=config.id)
            .get_existing_lots(self.company.id, self.compote.id)
        )
        names = {lot["name"] for lot in lots}
        self.assertIn("COMPOTE-OK", names)
        self.assertNotIn("COMPOTE-QUAR", names)
        self.assertNotIn(self.lot.name, names)

    def test_pos_sale_of_quarantined_lot_kept_and_flagged(self):
        config, session = self._open_session()
        cash = (
            config.payment_method_ids.filtered("is_cash_count")[:1] or config.payment_method_ids[:1]
        )
        uuid = "00000000-0000-4000-8000-00000000c0de"
        order_data = {
            "amount_paid": 4.0,
            "amount_return": 0,
            "amount_tax": 0,
            "amount_total": 4.0,
            "date_order": fields.Datetime.to_string(fields.Datetime.now()),
            "fiscal_position_id": False,
            "pricelist_id": config.pricelist_id.id,
            "name": "Order offline 1",
            "lines": [
                Command.create(
                    {
                        "product_id": self.compote.id,
                        "qty": 1,
                        "price_unit": 4.0,
                        "price_subtotal": 4.0,
                        "price_subtotal_incl": 4.0,
                        "tax_ids": [],
                        "pack_lot_ids": [Command.create({"lot_name": "COMPOTE-QUAR"})],
                    }
                )
            ],
            "payment_ids": [
                Command.create(
                    {"amount": 4.0, "name": fields.Datetime.now(), "payment_method_id": cash.id}
                )
            ],
            "partner_id": False,
            "session_id": session.id,
            "sequence_number": 1,
            "uuid": uuid,
            "user_id": self.env.uid,
            "to_invoice": False,
            "state": "paid",
        }
        self.env["pos.order"].sync_from_ui([order_data])
        order = self.env["pos.order"].search([("uuid", "=", uuid)])
        self.assertEqual(len(order), 1, "the offline sale is never lost")
        self.assertIn(order.state, ("paid", "done"))
        self.assertTrue(order.has_review_issue)
        self.assertEqual(order.review_issue_ids.kind, "unreleased_lot")
        self.assertIn("COMPOTE-QUAR", order.review_issue_ids.message)
        self.assertIn("COMPOTE-QUAR", order.message_ids[0].body)
        activity = self.quarantined.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn(order.name, activity.note)
        self.assertFalse(self.released_lot.activity_ids)

    def test_pos_sale_of_released_lot_not_flagged(self):
        _config, session = self._open_session()
        order = self.env["pos.order"].create(
            {
                "session_id": session.id,
                "amount_total": 4.0,
                "amount_tax": 0,
                "amount_paid": 4.0,
                "amount_return": 0,
                "lines": [
                    Command.create(
                        {
                            "product_id": self.compote.id,
                            "qty": 1,
                            "price_unit": 4.0,
                            "price_subtotal": 4.0,
                            "price_subtotal_incl": 4.0,
                            "pack_lot_ids": [Command.create({"lot_name": "COMPOTE-OK"})],
                        }
                    )
                ],
            }
        )
        order._conserverie_review()
        self.assertFalse(order.review_issue_ids)
        self.assertFalse(order.has_review_issue)
        self.assertFalse(self.released_lot.activity_ids)
