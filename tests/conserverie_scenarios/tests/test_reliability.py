import random
import threading
import time
from copy import deepcopy
from unittest.mock import patch

from psycopg2 import OperationalError

from odoo import SUPERUSER_ID, Command, api
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload

from .common import StallCase

CONCURRENT_TILLS = 20


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


@tagged("post_install", "-at_install")
class TestConcurrentTills(TransactionCase):
    """Twenty tills sync at the same moment, each debiting the same member in hours.

    Each till has its own database connection and commits on its own, as twenty
    requests would; the data they share is committed first. At the end the orders and
    their hours are removed and the stall archived.
    """

    HOURS_EACH = 0.25

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.company
            Account = env["conserverie.time.account"]
            member = env["res.partner"].create({"name": "Concurrence caisses (test)"})
            account = Account._get_for_partner(member, company)
            env["conserverie.time.move"]._post_transfer(
                Account._get_facility(company), account, 10.0, "adjustment", reference="CT/OPEN"
            )
            product = env["product.product"].create(
                {"name": "Atelier (concurrence)", "type": "service", "list_price": 2.5}
            )
            hours_method = company._get_time_payment_method()
            config = env["pos.config"].create(
                {
                    "name": "Stand concurrence",
                    "payment_method_ids": [Command.set(hours_method.ids)],
                }
            )
            config.open_ui()
            session = config.current_session_id
            amount = self.HOURS_EACH * company.time_hour_value
            self.payloads = [
                pos_order_payload(
                    session,
                    [pos_line_values(product, 1, amount)],
                    [(hours_method, amount)],
                    partner=member,
                )
                for _till in range(CONCURRENT_TILLS)
            ]
            self.ids_ = {
                "account": account.id,
                "session": session.id,
                "config": config.id,
                "facility": Account._get_facility(company).id,
            }
        self.addCleanup(self._cleanup)

    def _env(self, cr):
        # the registry lock is held by the test runner: hand the registry over directly
        cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _sync_like_a_till(self, payload, start):
        """Sync one order on a connection of its own; replay it after a serialization
        failure, as the server and then the till do. Returns the attempts made."""
        start.wait(10)
        for attempt in range(1, 60):
            cr = self.registry.cursor()
            try:
                self._env(cr)["pos.order"].sync_from_ui([deepcopy(payload)])
                cr.commit()  # pylint: disable=invalid-commit
                return attempt
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                cr.rollback()
                time.sleep(random.uniform(0, 0.02 * attempt))
            finally:
                cr.close()
        raise AssertionError("a till never managed to sync")

    def test_twenty_tills_debit_one_member(self):
        payloads = self.payloads
        start = threading.Event()
        attempts, failures = [], []

        def till(payload):
            try:
                attempts.append(self._sync_like_a_till(payload, start))
            except Exception as error:  # reported by the assertion below
                failures.append(repr(error))

        threads = [threading.Thread(target=till, args=(p,)) for p in payloads]
        # the failed attempts log their query; the retries are what is checked
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            start.set()
            for thread in threads:
                thread.join(120)
        self.assertFalse(failures)
        self.assertEqual(len(attempts), CONCURRENT_TILLS)
        self.assertGreater(max(attempts), 1, "the tills did sync at the same moment")
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT balance FROM conserverie_time_account WHERE id = %s", [self.ids_["account"]]
            )
            balance = cr.fetchone()[0]
            cr.execute(
                "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM conserverie_time_move "
                "WHERE account_id = %s AND pos_order_id IS NOT NULL",
                [self.ids_["account"]],
            )
            debits, debited = cr.fetchone()
            cr.execute(
                "SELECT COUNT(*) FROM pos_order WHERE uuid IN %s",
                [tuple(p["uuid"] for p in payloads)],
            )
            orders = cr.fetchone()[0]
        self.assertEqual(orders, CONCURRENT_TILLS, "each order once")
        self.assertEqual(debits, CONCURRENT_TILLS, "each order debited once")
        self.assertAlmostEqual(debited, -CONCURRENT_TILLS * self.HOURS_EACH, places=4)
        self.assertAlmostEqual(balance, 10.0 - CONCURRENT_TILLS * self.HOURS_EACH, places=4)

    def _cleanup(self):
        """Remove what the tills committed and give the facility its hours back."""
        ids = self.ids_
        with self.registry.cursor() as cr:
            cr.execute("SELECT id FROM pos_order WHERE session_id = %s", [ids["session"]])
            order_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute(
                "SELECT COALESCE(SUM(amount), 0) FROM conserverie_time_move "
                "WHERE account_id = %s AND (pos_order_id IN %s OR reference LIKE 'CT/OPEN%%')",
                [ids["facility"], order_ids],
            )
            facility_change = cr.fetchone()[0]
            cr.execute(
                "UPDATE conserverie_time_account SET balance = balance - %s WHERE id = %s",
                [facility_change, ids["facility"]],
            )
            cr.execute(
                "DELETE FROM conserverie_time_move "
                "WHERE pos_order_id IN %s OR reference LIKE 'CT/OPEN%%'",
                [order_ids],
            )
            cr.execute("DELETE FROM pos_payment WHERE pos_order_id IN %s", [order_ids])
            cr.execute("DELETE FROM pos_order_line WHERE order_id IN %s", [order_ids])
            cr.execute("DELETE FROM pos_order WHERE id IN %s", [order_ids])
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'conserverie.time.account' AND res_id = %s",
                [ids["account"]],
            )
            cr.execute("DELETE FROM conserverie_time_account WHERE id = %s", [ids["account"]])
            cr.execute("UPDATE pos_session SET state = 'closed' WHERE id = %s", [ids["session"]])
            cr.execute("UPDATE pos_config SET active = false WHERE id = %s", [ids["config"]])
