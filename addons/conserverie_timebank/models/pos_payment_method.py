from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    is_time_currency = fields.Boolean(
        string="Paid in hours",
        help="The customer pays with hours from their time account; the amount is the euro "
        "equivalent at the company's value of an hour.",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "is_time_currency"]

    @api.model_create_multi
    def create(self, vals_list):
        methods = super().create(vals_list)
        methods.filtered("is_time_currency")._set_time_clearing_account()
        return methods

    def write(self, vals):
        result = super().write(vals)
        if vals.get("is_time_currency") or "outstanding_account_id" in vals:
            self.filtered("is_time_currency")._set_time_clearing_account()
        return result

    def _set_time_clearing_account(self):
        """Payments in hours land on the clearing account, never on cash or bank."""
        for method in self:
            clearing = method.company_id._get_time_clearing_account()
            if method.outstanding_account_id != clearing:
                super(PosPaymentMethod, method).write({"outstanding_account_id": clearing.id})
        return True

    @api.constrains("is_time_currency", "journal_id", "split_transactions")
    def _check_time_currency_journal(self):
        for method in self.filtered("is_time_currency"):
            if not method.journal_id or method.journal_id.type != "bank":
                raise ValidationError(
                    self.env._(
                        "%(method)s: a payment method in hours needs its own bank-type journal.",
                        method=method.name,
                    )
                )
            others = self.search(
                [
                    ("journal_id", "=", method.journal_id.id),
                    ("id", "!=", method.id),
                    ("is_time_currency", "=", False),
                ],
                limit=1,
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(method)s: the journal of hours is shared with %(other)s; give the "
                        "hours their own journal.",
                        method=method.name,
                        other=others.name,
                    )
                )
