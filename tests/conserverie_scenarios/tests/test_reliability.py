from copy import deepcopy
from unittest.mock import patch

from psycopg2 import OperationalError

from odoo.tests import tagged

from .common import StallCase


class SyncedBatchCase(StallCase):
    """A batch a till sends after a morning offline: jars with deposits, empties back,
    hours and cash."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._put_released_jars(cls.compote, 50.0, lot_name="COMPOTE-FIABLE")
        cls.alice = cls._member("Alice (fiabilité)", hours=5.0)
        cls.bruno = cls._member("Bruno (fiabilité)", hours=5.0)

    def _batch(self, session):
        cash, hours = self.cash_method, self.time_method
        return [
            self._order(
                session,
                [*self._jars(self.compote, 2, self.lot.name), *self._empties(1)],
                [(hours, 8.0), (cash, 0.5)],
                partner=self.alice,
            ),
            self._order(session, self._jars(self.compote, 1, self.lot.name), [(cash, 4.5)]),
            self._order(
                session,
                [*self._jars(self.compote, 1, self.lot.name), *self._empties(3)],
                [(hours, 4.0), (cash, -1.0)],
                partner=self.bruno,
            ),
        ]

    def _written(self, uuids):
        """What a batch left in the database, counted table by table."""
        orders = self.env["pos.order"].search([("uuid", "in", uuids)])
        receipts = self.env["stock.picking"].search(
            [
                ("pos_session_id", "in", orders.session_id.ids),
                ("location_dest_id", "=", self.warehouse.empty_jars_location_id.id),
            ]
        )
        return {
            "orders": len(orders),
            "payments": len(orders.payment_ids),
            "hour debits": self.env["conserverie.time.move"].search_count(
                [("pos_order_id", "in", orders.ids)]
            ),
            "deposit entries": len(orders._get_deposit_moves()),
            "empties receipts": len(receipts),
        }


@tagged("post_install", "-at_install")
class TestBatchSyncedAgain(SyncedBatchCase):
    def test_same_batch_sent_three_times(self):
        session = self._open_stall()
        batch = self._batch(session)
        uuids = [order["uuid"] for order in batch]
        first = self._sync(deepcopy(batch))
        written = self._written(uuids)
        self.assertEqual(
            written,
            {
                "orders": 3,
                "payments": 5,
                "hour debits": 4,  # two orders paid in hours, two legs each
                "deposit entries": 5,  # 3 jars out in two orders, 1 and 3 back
                "empties receipts": 0,  # received when the stall closes
            },
        )
        for _attempt in range(2):
            again = self._sync(deepcopy(batch))
            self.assertEqual(again, first, "the server answers with the same orders")
            self.assertEqual(self._written(uuids), written)
        self.assertAlmostEqual(self._balance(self.alice), 5.0 - 0.8, places=4)
        self.assertAlmostEqual(self._balance(self.bruno), 5.0 - 0.4, places=4)

        empties_before = self._empties_count()
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        self.env["pos.session"]._cron_receive_returned_jars()  # triggered by the closing
        self.assertEqual(self._written(uuids), {**written, "empties receipts": 1})
        # each order bringing jars back has its one receipt, the session's: 1 + 3 jars
        returning = first.filtered("deposit_jars_returned")
        self.assertEqual(len(returning), 2)
        self.assertEqual(len(returning.deposit_return_picking_id), 1)
        self.assertEqual(returning.deposit_return_picking_id.pos_session_id, session)
        self.assertEqual(self._empties_count(), empties_before + 4)
        # the till sending the batch once more after the closing changes nothing
        self.assertEqual(self._sync(deepcopy(batch)), first)
        self.assertEqual(self._written(uuids), {**written, "empties receipts": 1})
        self.assertEqual(self._empties_count(), empties_before + 4)

    def _empties_count(self):
        location = self.warehouse.empty_jars_location_id
        return self.jar_370.with_context(location=location.id).qty_available


@tagged("post_install", "-at_install")
class TestInterruptedSync(SyncedBatchCase):
    def test_interrupted_batch_leaves_nothing_and_retry_completes(self):
        session = self._open_stall()
        batch = self._batch(session)
        uuids = [order["uuid"] for order in batch]
        nothing = dict.fromkeys(
            ("orders", "payments", "hour debits", "deposit entries", "empties receipts"), 0
        )
        PosOrder = type(self.env["pos.order"])
        process_order = PosOrder._process_order
        processed = []

        def connection_lost_on_second_order(model, order, existing_order):
            processed.append(order["uuid"])
            if len(processed) == 2:
                raise OperationalError("server closed the connection unexpectedly")
            return process_order(model, order, existing_order)

        with (
            patch.object(PosOrder, "_process_order", connection_lost_on_second_order),
            self.assertRaises(OperationalError),
            self.env.cr.savepoint(),
        ):
            self._sync(deepcopy(batch))
        self.env.invalidate_all()
        self.assertEqual(processed, uuids[:2], "the first order was written, then lost")
        self.assertEqual(self._written(uuids), nothing)
        self.assertAlmostEqual(self._balance(self.alice), 5.0)

        orders = self._sync(deepcopy(batch))
        self.assertEqual(orders.mapped("uuid"), uuids)
        self.assertEqual(self._written(uuids)["hour debits"], 4)
        self.assertEqual(self._written(uuids)["deposit entries"], 5)
        self.assertAlmostEqual(self._balance(self.alice), 5.0 - 0.8, places=4)
