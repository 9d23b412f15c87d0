from odoo import fields, models

# The centre of a stall's session, and of a record linked to a stall's order.
POS_SESSION_CENTRE_PATH = "config_id.conserverie_centre_id"
POS_ORDER_CENTRE_PATH = f"pos_order_id.session_id.{POS_SESSION_CENTRE_PATH}"


class PosConfig(models.Model):
    _inherit = "pos.config"

    conserverie_centre_id = fields.Many2one(
        "res.partner",
        string="Social centre",
        domain=[("is_social_centre", "=", True)],
        help="The centre running this stall: its sales count for the centre in impact reports.",
    )
