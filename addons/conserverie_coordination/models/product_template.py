from odoo import fields, models

from .conserverie_booking_request import BOOKING_KINDS


class ProductTemplate(models.Model):
    _inherit = "product.template"

    booking_fee_kind = fields.Selection(
        BOOKING_KINDS,
        string="Booking fee for",
        help="Quoted to every request of the lorry by this kind of requester.",
    )
