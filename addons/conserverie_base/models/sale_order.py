from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    channel_id = fields.Many2one(
        "conserverie.channel",
        string="Distribution channel",
        compute="_compute_channel_id",
        store=True,
        readonly=False,
    )
    is_purchasing_group_order = fields.Boolean(related="partner_id.is_purchasing_group")

    @api.depends("partner_id.is_purchasing_group")
    def _compute_channel_id(self):
        channel = self.env["conserverie.channel"]._get_by_code("purchasing_group")
        for order in self:
            if order.partner_id.is_purchasing_group:
                order.channel_id = channel
            else:
                order.channel_id = order.channel_id

    @api.depends("partner_id")
    def _compute_partner_shipping_id(self):
        """A purchasing group collects its orders at its social centre."""
        result = super()._compute_partner_shipping_id()
        for order in self:
            centre = order.partner_id.purchasing_group_centre_id
            if order.partner_id.is_purchasing_group and centre:
                order.partner_shipping_id = centre
        return result

    @api.depends("user_id", "company_id", "partner_id")
    def _compute_warehouse_id(self):
        """Purchasing-group orders are served from the mobile unit's released jars."""
        result = super()._compute_warehouse_id()
        for order in self:
            if order.partner_id.is_purchasing_group and order.company_id:
                order.warehouse_id = order.company_id._get_conserverie_warehouse()
        return result
