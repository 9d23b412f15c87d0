from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import euros_to_hours

# what a payment in hours of a paid order cannot change: its hours are in the ledger
LEDGER_FIELDS = frozenset({"amount", "payment_method_id", "pos_order_id"})


class PosPayment(models.Model):
    _inherit = "pos.payment"

    time_hours = fields.Float(
        string="Hours",
        digits=(16, 4),
        compute="_compute_time_hours",
        store=True,
        help="Hours worth the amount at the value of an hour when the payment was recorded.",
    )
    # the till reads every payment field after a sync: keep the ledger out of its reach
    time_move_ids = fields.One2many(
        "conserverie.time.move",
        "pos_payment_id",
        string="Time moves",
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )

    @api.depends("amount", "payment_method_id")
    def _compute_time_hours(self):
        for payment in self:
            if payment.payment_method_id.is_time_currency:
                payment.time_hours = euros_to_hours(
                    payment.amount, payment.company_id.time_hour_value
                )
            else:
                payment.time_hours = 0.0

    def write(self, vals):
        if LEDGER_FIELDS & set(vals):
            method = self.env["pos.payment.method"].browse(vals.get("payment_method_id"))
            self._check_hours_unchanged(into_hours=method.is_time_currency)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted_hours(self):
        self._check_hours_unchanged()

    def _check_hours_unchanged(self, into_hours=False):
        """A payment of a paid order that is, or would become, in hours is never edited
        nor deleted: its hours are in the ledger. A refund is a new order."""
        for payment in self:
            if payment.pos_order_id.state == "draft":
                continue
            if payment.payment_method_id.is_time_currency or into_hours:
                raise UserError(
                    self.env._(
                        "The payment in hours of %(order)s is in the hours ledger and cannot "
                        "change. Refund the order instead.",
                        order=payment.pos_order_id.name,
                    )
                )
