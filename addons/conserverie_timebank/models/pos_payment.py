from odoo import api, fields, models

from ..tools import euros_to_hours


class PosPayment(models.Model):
    _inherit = "pos.payment"

    time_hours = fields.Float(
        string="Hours",
        digits=(16, 4),
        compute="_compute_time_hours",
        store=True,
        precompute=True,
        help="Hours worth the amount at the value of an hour when the payment was recorded.",
    )
    # the till reads every payment field after a sync: keep the ledger out of its reach
    time_move_ids = fields.One2many(
        "conserverie.time.move",
        "pos_payment_id",
        string="Time moves",
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        """What Odoo loads in the till (every field the user may read), but the ledger."""
        names = super()._load_pos_data_fields(config_id)
        names = names or self.check_field_access_rights("read", None)
        return [name for name in names if name != "time_move_ids"]

    @api.depends("amount", "payment_method_id")
    def _compute_time_hours(self):
        for payment in self:
            if payment.payment_method_id.is_time_currency:
                payment.time_hours = euros_to_hours(
                    payment.amount, payment.company_id.time_hour_value
                )
            else:
                payment.time_hours = 0.0
