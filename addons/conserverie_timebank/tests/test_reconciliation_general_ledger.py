import io
import zipfile

from odoo.tests import tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestReconciliationGeneralLedger(TimebankCase):
    """The reconciliation shows the hours clearing account: taken while a session is
    open, zero once it is closed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._open_session()

    def _reconcile(self):
        reconciliation = (
            self.env["conserverie.time.reconciliation"]
            .with_user(self.accountant_user)
            .create({"date_from": self.today, "date_to": self.today})
        )
        reconciliation.action_compute()
        return reconciliation

    def test_clearing_balance_in_the_reconciliation_and_its_exports(self):
        Reconciliation = self.env["conserverie.time.reconciliation"]
        before, _items = Reconciliation.get_clearing_balance(self.company, self.today)
        self._sync(
            self._order_data(
                self.session, [(self.jam, 1, 6.0)], [(self.time_method, 6.0)], self.member
            )
        )
        self.session.action_pos_session_closing_control()
        self.assertEqual(self.session.state, "closed")
        balance, items = Reconciliation.get_clearing_balance(self.company, self.today)
        self.assertAlmostEqual(balance, before, msg="the session's hours are cleared")
        clearing = self.company.time_clearing_account_id
        self.assertFalse(
            items.filtered(lambda item: item.move_id == self.session.time_clearing_move_id)
        )
        reconciliation = self._reconcile()
        self.assertAlmostEqual(reconciliation.clearing_balance, balance)
        labels = [label for label, _amount in reconciliation._get_general_ledger_figures()]
        self.assertTrue(any(clearing.code in label for label in labels), labels)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "conserverie_timebank.report_time_reconciliation", reconciliation.ids
        )[0]
        self.assertIn(clearing.code.encode(), html)
        with zipfile.ZipFile(io.BytesIO(reconciliation._build_xlsx())) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn(clearing.code, strings)

    def test_hours_taken_in_an_open_session_stay_on_the_clearing_account(self):
        Reconciliation = self.env["conserverie.time.reconciliation"]
        before, _items = Reconciliation.get_clearing_balance(self.company, self.today)
        self._sync(
            self._order_data(
                self.session, [(self.jam, 1, 6.0)], [(self.time_method, 6.0)], self.member
            )
        )
        # nothing reaches the general ledger before the session closes
        self.assertAlmostEqual(
            Reconciliation.get_clearing_balance(self.company, self.today)[0], before
        )
        self.assertFalse(self.session.move_id)
