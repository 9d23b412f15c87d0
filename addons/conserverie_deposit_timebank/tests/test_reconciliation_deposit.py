import io
import zipfile

from odoo import Command
from odoo.tests import tagged

from odoo.addons.conserverie_timebank.tests.common import TimebankCase


@tagged("post_install", "-at_install")
class TestReconciliationDeposit(TimebankCase):
    """The hours reconciliation also shows the deposit ledger less 419600."""

    def test_deposit_difference_in_the_reconciliation_and_its_exports(self):
        liability = self.company._get_conserverie_deposit_accounts()[0]
        expected = self.env["conserverie.deposit.move"].get_liability_reconciliation(
            self.today, self.company
        )["difference"]
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        # an entry on 419600 the ledger does not know makes a difference of 3 €
        entry = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": self.today,
                "line_ids": [
                    Command.create({"account_id": liability.id, "balance": -3.0}),
                    Command.create(
                        {"account_id": self.company.deposit_writeoff_account_id.id, "balance": 3.0}
                    ),
                ],
            }
        )
        entry.action_post()
        reconciliation = (
            self.env["conserverie.time.reconciliation"]
            .with_user(self.accountant_user)
            .create({"date_from": self.today, "date_to": self.today})
        )
        reconciliation.action_compute()
        self.assertAlmostEqual(reconciliation.deposit_difference, expected - 3.0)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "conserverie_timebank.report_time_reconciliation", reconciliation.ids
        )[0]
        self.assertIn(b"419600", html)
        with zipfile.ZipFile(io.BytesIO(reconciliation._build_xlsx())) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("419600", strings)
