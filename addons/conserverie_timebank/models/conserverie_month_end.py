from odoo import models
from odoo.tools import format_amount


class ConserverieMonthEnd(models.Model):
    _inherit = "conserverie.month.end"

    def _get_month_end_checks(self):
        checks = super()._get_month_end_checks()
        checks.append(self._get_time_clearing_check())
        if self.company_id.time_in_kind_enabled:
            checks.append(self._get_time_in_kind_check())
        return checks

    def _get_time_clearing_check(self):
        """The hours clearing account at the month's end: zero once every session that
        took hours is closed and cleared (``pos.session._post_time_clearing``)."""
        self.ensure_one()
        company = self.company_id
        balance, items = self.env["conserverie.time.reconciliation"].get_clearing_balance(
            company, self.date_to
        )
        return {
            "code": "time_clearing",
            "sequence": 30,
            "name": self.env._(
                "Hours clearing account %(code)s",
                code=company._get_time_clearing_account().with_company(company).code,
            ),
            "is_ok": company.currency_id.is_zero(balance),
            "figure": balance,
            "figure_display": format_amount(self.env, balance, company.currency_id),
            "note": self.env._(
                "Zero expected: the hours taken at the tills are cleared when each session "
                "closes (Clear the hours on older sessions)."
            ),
            "records": items,
        }

    def _get_time_in_kind_check(self):
        """The month's volunteering in kind is posted (864 / 875)."""
        self.ensure_one()
        company = self.company_id
        # sudo: the month end covers the company's entries, whoever checks it
        entry = (
            self.env["conserverie.time.in.kind.entry"]
            .sudo()
            .search([("company_id", "=", company.id), ("month", "=", self.month)], limit=1)
        )
        return {
            "code": "time_in_kind",
            "sequence": 40,
            "name": self.env._("Volunteering in kind posted"),
            "is_ok": bool(entry),
            "figure": entry.amount,
            "figure_display": format_amount(self.env, entry.amount, company.currency_id)
            if entry
            else self.env._("Not posted"),
            "note": self.env._("Post the month's volunteering in kind once the month is over."),
            "records": entry,
        }
