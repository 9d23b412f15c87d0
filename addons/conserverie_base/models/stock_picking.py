from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    channel_id = fields.Many2one(
        "conserverie.channel",
        string="Distribution channel",
        compute="_compute_channel_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    activity_id = fields.Many2one(
        "conserverie.activity", index="btree_not_null", check_company=True
    )

    @api.model
    def _prepare_picking_vals(self, partner, picking_type, location_id, location_dest_id):
        """A till's delivery is a sale on the day from its creation: its moves get the
        channel as they are created, with no second write."""
        values = super()._prepare_picking_vals(partner, picking_type, location_id, location_dest_id)
        values["channel_id"] = self.env["conserverie.channel"]._get_by_code("day_sale").id
        return values

    @api.depends("sale_id.channel_id", "pos_order_id", "pos_session_id")
    def _compute_channel_id(self):
        Channel = self.env["conserverie.channel"]
        day_sale = None
        for picking in self:
            if picking.sale_id:
                picking.channel_id = picking.sale_id.channel_id
            elif picking.pos_order_id or picking.pos_session_id:
                if day_sale is None:
                    day_sale = Channel._get_by_code("day_sale")
                picking.channel_id = day_sale
            else:
                picking.channel_id = picking.channel_id
