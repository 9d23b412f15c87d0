from odoo import api, fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    conserverie_channel_id = fields.Many2one(
        related="picking_id.channel_id", string="Distribution channel"
    )
    conserverie_customer_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_conserverie_customer_id",
        help="Who the jars went to: the customer of the sale or of the point of sale order, "
        "else the partner of the delivery.",
    )

    @api.depends("picking_id.sale_id.partner_id", "picking_id.pos_order_id.partner_id")
    def _compute_conserverie_customer_id(self):
        for line in self:
            picking = line.picking_id
            line.conserverie_customer_id = (
                picking.sale_id.partner_id or picking.pos_order_id.partner_id or picking.partner_id
            )
