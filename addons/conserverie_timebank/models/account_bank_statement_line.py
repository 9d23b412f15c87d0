from odoo import api, models
from odoo.exceptions import UserError


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_not_in_time_journal()
        return lines

    def _check_not_in_time_journal(self):
        """The hours journal holds no bank statement: a line typed there would pay an
        invoice with hours that no member's account gives. (Odoo itself refuses to move
        a posted line to another journal.)"""
        time_journals = self.env["account.payment"]._get_time_journals()
        for line in self:
            if line.journal_id in time_journals:
                raise UserError(
                    self.env._(
                        "The journal %(journal)s takes members' hours, not bank statements: "
                        "pay an invoice with Pay in hours, which debits the member's time "
                        "account.",
                        journal=line.journal_id.display_name,
                    )
                )
