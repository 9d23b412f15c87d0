from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConserverieDepositWriteoffWizard(models.TransientModel):
    _name = "conserverie.deposit.writeoff.wizard"
    _description = "Write off unreturned jar deposits"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(string="Entry date", required=True, default=fields.Date.context_today)
    days = fields.Integer(
        string="Unreturned for more than (days)",
        required=True,
        default=lambda self: self.env.company.deposit_writeoff_days,
    )
    cutoff_date = fields.Date(compute="_compute_amounts", string="Deposits paid up to")
    jar_count = fields.Float(compute="_compute_amounts", string="Jars", digits=(16, 0))
    amount = fields.Monetary(compute="_compute_amounts", string="Amount to write off")

    @api.depends("date", "days", "company_id")
    def _compute_amounts(self):
        Ledger = self.env["conserverie.deposit.move"]
        for wizard in self:
            wizard.cutoff_date = wizard._get_cutoff_date()
            unreturned = Ledger._get_unreturned(wizard.company_id, wizard.cutoff_date)
            wizard.jar_count = sum(qty for qty, _amount in unreturned.values())
            wizard.amount = sum(amount for _qty, amount in unreturned.values())

    def _get_cutoff_date(self):
        self.ensure_one()
        return (self.date or fields.Date.context_today(self)) - timedelta(days=max(self.days, 0))

    def action_confirm(self):
        self.ensure_one()
        if self.days < 0:
            raise ValidationError(self.env._("The number of days cannot be negative."))
        entry = self.env["conserverie.deposit.move"]._write_off_unreturned(
            self.company_id, self._get_cutoff_date(), self.date
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": entry.id,
            "view_mode": "form",
        }
