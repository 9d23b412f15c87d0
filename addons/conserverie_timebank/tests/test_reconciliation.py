import io
import zipfile

from odoo import Command
from odoo.tests import tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestReconciliation(TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._open_session()
        cls.company.write({"time_in_kind_enabled": True, "time_in_kind_hour_value": 12.0})

    def _reconcile(self):
        reconciliation = (
            self.env["conserverie.time.reconciliation"]
            .with_user(self.accountant_user)
            .create({"date_from": self.today, "date_to": self.today})
        )
        reconciliation.action_compute()
        return reconciliation

    def test_reconciliation_matches_to_the_minute(self):
        # 7.30 € at 10 €/h = 0.73 h = 43.8 min; 2.45 € = 14.7 min.
        self._sync(
            self._order_data(
                self.session,
                [(self.jam, 2, 4.875)],
                [(self.time_method, 7.30), (self.cash_method, 2.45)],
                self.member,
            )
        )
        self._sync(
            self._order_data(
                self.session,
                [(self.jam, 1, 2.45)],
                [(self.time_method, 2.45)],
                self.neighbour,
            )
        )
        reconciliation = self._reconcile()
        line = reconciliation.session_line_ids.filtered(lambda rec: rec.session_id == self.session)
        self.assertEqual(len(line), 1)
        self.assertAlmostEqual(line.time_amount, 9.75)
        self.assertAlmostEqual(line.euro_amount, 2.45)
        self.assertAlmostEqual(line.time_hours, 0.975)
        self.assertAlmostEqual(line.ledger_hours, 0.975)
        self.assertEqual(line.difference_minutes, 0)
        self.assertFalse(line.has_difference)
        by_method = {m.payment_method_id: m for m in line.method_ids}
        self.assertAlmostEqual(by_method[self.cash_method].amount, 2.45)
        self.assertAlmostEqual(by_method[self.time_method].hours, 0.975)
        self.assertAlmostEqual(reconciliation.hours_redeemed, 0.975)
        self.assertGreaterEqual(reconciliation.hours_issued, 0.0)
        self.env.cr.execute(
            "SELECT COALESCE(SUM(balance), 0) FROM conserverie_time_account "
            "WHERE company_id = %s AND NOT COALESCE(is_facility, false)",
            [self.company.id],
        )
        self.assertAlmostEqual(reconciliation.hours_outstanding, self.env.cr.fetchone()[0])

    def test_another_shop_of_the_company_is_left_out(self):
        """A till of the company that is neither a stall of the mobile unit nor takes
        hours (a shop) is not the facility's: its sales stay out of the reconciliation."""
        shop_journal = self.env["account.journal"].create(
            {"name": "Caisse boutique (test)", "code": "CBT", "type": "cash"}
        )
        shop_cash = self.env["pos.payment.method"].create(
            {"name": "Espèces boutique (test)", "journal_id": shop_journal.id}
        )
        shop = self.env["pos.config"].create(
            {"name": "Boutique (test)", "payment_method_ids": [Command.set(shop_cash.ids)]}
        )
        shop_session = self._open_session(shop)
        self._sync(self._order_data(shop_session, [(self.jam, 1)], [(shop_cash, 5.0)]))
        self._sync(self._order_data(self.session, [(self.jam, 1)], [(self.cash_method, 5.0)]))
        sessions = self._reconcile().session_line_ids.session_id
        self.assertIn(self.session, sessions)
        self.assertNotIn(shop_session, sessions)

    def test_difference_highlighted(self):
        # A payment in hours without a customer: no ledger debit, a 30 min difference.
        self._sync(self._order_data(self.session, [(self.jam, 1)], [(self.time_method, 5.0)]))
        reconciliation = self._reconcile()
        line = reconciliation.session_line_ids.filtered(lambda rec: rec.session_id == self.session)
        self.assertEqual(line.difference_minutes, 30)
        self.assertTrue(line.has_difference)
        self.assertEqual(reconciliation.difference_count, 1)

    def test_in_kind_and_exports(self):
        before = self._reconcile().volunteer_hours
        activity = self.env["conserverie.activity"].create(
            {
                "name": "Glanage (test)",
                "attendance_ids": [(0, 0, {"partner_id": self.member.id, "hours": 2.0})],
            }
        )
        activity.action_done()
        reconciliation = self._reconcile()
        self.assertAlmostEqual(reconciliation.volunteer_hours, before + 2.0)
        self.assertAlmostEqual(reconciliation.in_kind_value, (before + 2.0) * 12.0)
        content = reconciliation._build_xlsx()
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertIn("xl/workbook.xml", archive.namelist())
        action = reconciliation.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "conserverie_timebank.report_time_reconciliation", reconciliation.ids
        )[0]
        self.assertIn(b"864", html)
