from odoo import fields, models


class ConserverieTimeReconciliation(models.TransientModel):
    _inherit = "conserverie.time.reconciliation"

    deposit_difference = fields.Monetary(
        string="Deposit ledger less deposit account",
        help="Deposits outstanding in the deposit ledger less the balance of the deposit "
        "liability account at the end of the period: zero once every session is closed.",
    )

    def _update_figures(self):
        result = super()._update_figures()
        # sudo: the accountant compares the whole deposit ledger with the account
        reconciliation = (
            self.env["conserverie.deposit.move"]
            .sudo()
            .get_liability_reconciliation(self.date_to, self.company_id)
        )
        self.deposit_difference = reconciliation["difference"]
        return result

    def _get_general_ledger_figures(self):
        figures = super()._get_general_ledger_figures()
        account = self.company_id.deposit_liability_account_id.with_company(self.company_id)
        figures.append(
            (
                self.env._(
                    "Deposit ledger less account %(code)s on %(date)s",
                    code=account.code or "",
                    date=self.date_to,
                ),
                self.deposit_difference,
            )
        )
        return figures
