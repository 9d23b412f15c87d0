from odoo import models

from ..tools import euros_to_hours, format_hours


class PosSession(models.Model):
    _inherit = "pos.session"

    def get_time_account_status(self, partner_id, amount=0.0):
        """What the till needs before taking ``amount`` euros in hours from a customer.

        The only way a volunteer at a stall sees a balance: the ledger models stay closed
        to them.
        """
        self.ensure_one()
        self.check_access("read")
        company = self.company_id
        partner = self.env["res.partner"].browse(partner_id).exists()
        # sudo: the volunteer has no access to the ledger; only this summary is returned
        Account = self.env["conserverie.time.account"].sudo()
        account = partner and Account.search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)], limit=1
        )
        hours = euros_to_hours(amount or 0.0, company.time_hour_value)
        if not account:
            return {
                "has_account": False,
                "balance": 0.0,
                "min_balance": 0.0,
                "hours": hours,
                "allowed": False,
                "balance_display": format_hours(0.0),
            }
        return {
            "has_account": True,
            "balance": account.balance,
            "min_balance": account.min_balance,
            "hours": hours,
            "allowed": account._check_available(hours),
            "balance_display": format_hours(account.balance),
        }
