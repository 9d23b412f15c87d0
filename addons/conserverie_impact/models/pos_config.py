from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    conserverie_centre_id = fields.Many2one(
        "res.partner",
        string="Social centre",
        domain=[("is_social_centre", "=", True)],
        help="The centre running this stall: its sales count for the centre in impact reports.",
    )
