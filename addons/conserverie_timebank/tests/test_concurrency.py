import threading
import time

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentDebits(TransactionCase):
    """Two stalls debit the same member at the same moment, from two database cursors.

    The data lives in committed transactions of their own (the test's transaction is
    invisible to other cursors), and is removed at the end.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            partner = env["res.partner"].create({"name": "Concurrence (test)"})
            Account = env["conserverie.time.account"]
            account = Account._get_for_partner(partner)
            facility = Account._get_facility()
            env["conserverie.time.move"]._post_transfer(
                facility, account, 10.0, "adjustment", reason="Concurrency test"
            )
            self.partner_id, self.account_id, self.facility_id = (
                partner.id,
                account.id,
                facility.id,
            )
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT DISTINCT transfer_ref FROM conserverie_time_move WHERE account_id = %s",
                [self.account_id],
            )
            refs = tuple(row[0] for row in cr.fetchall())
            cr.execute(
                "SELECT account_id, -SUM(amount) FROM conserverie_time_move "
                "WHERE transfer_ref IN %s AND account_id != %s GROUP BY account_id",
                [refs, self.account_id],
            )
            for account_id, amount in cr.fetchall():
                cr.execute(
                    "UPDATE conserverie_time_account SET balance = balance + %s WHERE id = %s",
                    [amount, account_id],
                )
            cr.execute("DELETE FROM conserverie_time_move WHERE transfer_ref IN %s", [refs])
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'conserverie.time.account' AND res_id = %s",
                [self.account_id],
            )
            cr.execute("DELETE FROM conserverie_time_account WHERE id = %s", [self.account_id])
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.partner_id])

    def _env(self, cr):
        # The registry lock is held by the test runner: hand the registry over directly.
        cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _debit(self, cr, hours):
        env = self._env(cr)
        Account = env["conserverie.time.account"]
        env["conserverie.time.move"]._post_transfer(
            Account.browse(self.account_id), Account.browse(self.facility_id), hours, "purchase"
        )

    def _debit_with_retry(self, hours, before_commit=None):
        """What Odoo's RPC layer does: replay the transaction on a serialization failure."""
        attempts = 0
        while True:
            attempts += 1
            cr = self.registry.cursor()
            try:
                with mute_logger("odoo.sql_db"):
                    self._debit(cr, hours)
                if before_commit:
                    before_commit()
                # each stall commits on its own connection, as two real syncs would
                cr.commit()  # pylint: disable=invalid-commit
                return attempts
            except errors.SerializationFailure:
                cr.rollback()
                if attempts > 5:
                    raise
            finally:
                cr.close()

    def test_two_cursors_lose_nothing(self):
        locked = threading.Event()
        second_started = threading.Event()
        results = {}

        def first_stall():
            def hold_lock():
                locked.set()
                second_started.wait(10)
                time.sleep(0.5)  # the second stall is now waiting on the row lock

            results["first"] = self._debit_with_retry(1.0, before_commit=hold_lock)

        thread = threading.Thread(target=first_stall)
        thread.start()
        self.assertTrue(locked.wait(10))
        second_started.set()
        results["second"] = self._debit_with_retry(2.0)
        thread.join(20)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results["first"], 1)
        self.assertGreaterEqual(results["second"], 1)
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT balance FROM conserverie_time_account WHERE id = %s", [self.account_id]
            )
            balance = cr.fetchone()[0]
            cr.execute(
                "SELECT SUM(amount), COUNT(*) FROM conserverie_time_move WHERE account_id = %s",
                [self.account_id],
            )
            total, count = cr.fetchone()
        self.assertAlmostEqual(balance, 7.0, msg="10 h - 1 h - 2 h: no debit lost")
        self.assertAlmostEqual(total, 7.0)
        self.assertEqual(count, 3)
