from odoo import api, fields, models

from .pos_config import POS_SESSION_CENTRE_PATH


class StockPicking(models.Model):
    _inherit = "stock.picking"

    impact_centre_id = fields.Many2one(
        "res.partner",
        string="Social centre (impact)",
        compute="_compute_impact_centre_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        help="The social centre the jars of this transfer count for in impact figures "
        "and dashboards.",
    )

    @api.depends(
        "activity_id.centre_id",
        f"pos_session_id.{POS_SESSION_CENTRE_PATH}",
        f"pos_order_id.session_id.{POS_SESSION_CENTRE_PATH}",
        "partner_id.is_social_centre",
        "partner_id.purchasing_group_centre_id",
    )
    def _compute_impact_centre_id(self):
        """The first of: the activity's centre, the centre running the stall, the
        centre delivered, the centre of the purchasing group delivered."""
        for picking in self:
            partner = picking.partner_id
            picking.impact_centre_id = (
                picking.activity_id.centre_id
                or picking.pos_session_id.config_id.conserverie_centre_id
                or picking.pos_order_id.session_id.config_id.conserverie_centre_id
                or (partner if partner.is_social_centre else partner.purchasing_group_centre_id)
            )
