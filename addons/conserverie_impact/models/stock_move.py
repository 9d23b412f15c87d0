from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    impact_channel_id = fields.Many2one(
        related="picking_id.channel_id",
        string="Distribution channel (impact)",
        store=True,
        precompute=True,
        index="btree_not_null",
        help="Kept on the move so that impact figures group jars by channel without a join.",
    )
