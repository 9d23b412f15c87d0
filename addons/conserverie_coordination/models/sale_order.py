from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    booking_request_id = fields.Many2one(
        "conserverie.booking.request",
        string="Booking of the lorry",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    def action_confirm(self):
        result = super().action_confirm()
        self.booking_request_id._confirm_from_quote()
        return result

    def _create_invoices(self, grouped=False, final=False, date=None):
        early = self.booking_request_id.filtered(
            lambda booking: booking.state not in ("done", "invoiced")
        )
        if early:
            raise UserError(
                self.env._("Booking %(name)s is invoiced after the outing.", name=early[0].name)
            )
        return super()._create_invoices(grouped=grouped, final=final, date=date)
