import random
import threading
import time
from copy import deepcopy

from psycopg2 import errors

from odoo import SUPERUSER_ID, Command, api
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload

CONCURRENT_TILLS = 20
# a till whose order another connection is inserting gets an error and syncs it again
# later: the server then acknowledges the order already recorded
RETRIED_ERRORS = (*PG_CONCURRENCY_EXCEPTIONS_TO_RETRY, errors.UniqueViolation)


@tagged("post_install", "-at_install")
class TestConcurrentTills(TransactionCase):
    """Twenty tills sync at the same moment, each debiting the same member in hours;
    then one order reaches the server from twenty connections at once. This needs the
    time bank and base only: the uniqueness of a till order lives in base.

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
            except RETRIED_ERRORS:
                cr.rollback()
                time.sleep(random.uniform(0, 0.02 * attempt))
            finally:
                cr.close()
        raise AssertionError("a till never managed to sync")

    def _run_tills(self, payloads):
        """Start one till per payload at the same moment; returns their attempts."""
        start = threading.Event()
        attempts, failures = [], []

        def till(payload):
            try:
                attempts.append(self._sync_like_a_till(payload, start))
            except Exception as error:  # reported by the assertion below
                failures.append(repr(error))

        threads = [threading.Thread(target=till, args=(p,)) for p in payloads]
        # the failed attempts log their query; the retries are what is checked
        with mute_logger("odoo.sql_db", "odoo.addons.point_of_sale.models.pos_order"):
            for thread in threads:
                thread.start()
            start.set()
            for thread in threads:
                thread.join(120)
        self.assertFalse(failures)
        self.assertEqual(len(attempts), len(payloads))
        return attempts

    def _recorded(self, payloads):
        """(balance, debits, hours debited, orders) as committed."""
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
        return balance, debits, debited, orders

    def test_twenty_tills_debit_one_member(self):
        attempts = self._run_tills(self.payloads)
        self.assertGreater(max(attempts), 1, "the tills did sync at the same moment")
        balance, debits, debited, orders = self._recorded(self.payloads)
        self.assertEqual(orders, CONCURRENT_TILLS, "each order once")
        self.assertEqual(debits, CONCURRENT_TILLS, "each order debited once")
        self.assertAlmostEqual(debited, -CONCURRENT_TILLS * self.HOURS_EACH, places=4)
        self.assertAlmostEqual(balance, 10.0 - CONCURRENT_TILLS * self.HOURS_EACH, places=4)

    def test_one_order_sent_by_twenty_connections_is_debited_once(self):
        payloads = [self.payloads[0]] * CONCURRENT_TILLS
        self._run_tills(payloads)
        balance, debits, debited, orders = self._recorded(payloads[:1])
        self.assertEqual(orders, 1, "one order")
        self.assertEqual(debits, 1, "one debit")
        self.assertAlmostEqual(debited, -self.HOURS_EACH, places=4)
        self.assertAlmostEqual(balance, 10.0 - self.HOURS_EACH, places=4)

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
