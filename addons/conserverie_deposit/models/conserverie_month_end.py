from odoo import models
from odoo.tools import format_amount


class ConserverieMonthEnd(models.Model):
    _inherit = "conserverie.month.end"

    def _get_month_end_checks(self):
        return [*super()._get_month_end_checks(), self._get_deposit_liability_check()]

    def _get_deposit_liability_check(self):
        """The deposit ledger against the deposit liability account at the month's end
        (``conserverie.deposit.move.get_liability_reconciliation``): green when the only
        difference is booked after the month (a session closed the next day)."""
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        # sudo: the month end compares the whole ledger and account, whoever checks it
        result = (
            self.env["conserverie.deposit.move"]
            .sudo()
            .get_liability_reconciliation(self.date_to, company)
        )
        causes = [cause for cause in result["causes"] if cause["kind"] != "later"]
        records = self.env["conserverie.deposit.move"].union(
            *(cause["ledger_moves"] for cause in causes)
        )
        if not records:
            records = self.env["account.move.line"].union(
                *(cause["journal_items"] for cause in causes)
            )
        note = self.env._(
            "Ledger %(ledger)s, account %(code)s %(account)s.",
            ledger=format_amount(self.env, result["ledger_amount"], currency),
            code=result["account"].code,
            account=format_amount(self.env, result["account_amount"], currency),
        )
        if not currency.is_zero(result["timing"]):
            note += " " + self.env._(
                "%(amount)s booked after the month's end.",
                amount=format_amount(self.env, result["timing"], currency),
            )
        return {
            "code": "deposit_liability",
            "sequence": 50,
            "name": self.env._("Deposit ledger against %(code)s", code=result["account"].code),
            "is_ok": currency.is_zero(result["unexplained"]),
            "figure": result["difference"],
            "figure_display": format_amount(self.env, result["difference"], currency),
            "note": note,
            "records": records.sudo(False),
        }
