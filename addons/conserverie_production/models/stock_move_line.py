from odoo import api, fields, models
from odoo.exceptions import UserError

from .stock_quant import UNRELEASED_STATES


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

    def write(self, vals):
        res = super().write(vals)
        if {"lot_id", "location_dest_id"} & set(vals):
            # a done line edited afterwards moves the quants without _action_done
            self.filtered(lambda line: line.state == "done")._check_conserverie_release()
        return res

    def _action_done(self):
        self._check_conserverie_release()
        return super()._action_done()

    def _check_conserverie_release(self):
        """A jar lot that is not released leaves only for scrap, a loss, the quarantine or
        another place of the mobile unit: never for a customer, a channel or the stock
        that is sold. A sale at a stall is recorded as it happened and reviewed."""
        for line in self._get_conserverie_unreleased_lines():
            if line._is_conserverie_unreleased_move_allowed():
                continue
            lot = line.lot_id
            raise UserError(
                self.env._(
                    "Lot %(lot)s of %(product)s is not released, it cannot go to "
                    "%(location)s: %(reason)s",
                    lot=lot.name,
                    product=line.product_id.display_name,
                    location=line.location_dest_id.display_name,
                    reason=lot._get_release_gate_reason(),
                )
            )

    def _get_conserverie_unreleased_lines(self):
        """The lines moving jars of a lot in quarantine or rejected: the lots of the whole
        batch are read at once, and nothing more happens when none is unreleased."""
        unreleased = self.lot_id.filtered(lambda lot: lot.release_state in UNRELEASED_STATES)
        if not unreleased:
            return self.browse()
        return self.filtered(lambda line: line.lot_id in unreleased and line.quantity > 0)

    def _is_conserverie_till_sale(self):
        """Whether this line records jars of its lot already sold at the till: the sale
        happened (maybe offline) and is reviewed as an order issue."""
        self.ensure_one()
        # sudo: the till's orders decide, whoever validates the delivery
        picking = self.picking_id.sudo()
        orders = picking.pos_order_id or picking.pos_session_id.order_ids
        if not orders:
            return False
        lines = orders.lines.filtered(lambda line: line.product_id == self.product_id)
        return self.lot_id.name in lines.pack_lot_ids.mapped("lot_name")

    def _is_conserverie_unreleased_move_allowed(self):
        """Whether this line may move its unreleased lot."""
        self.ensure_one()
        destination = self.location_dest_id
        if self._is_conserverie_till_sale():
            return True
        if destination.usage == "inventory":
            return True
        if destination.usage == "production":
            return bool(self.move_id.unbuild_id)
        if destination.usage != "internal":
            return False
        company = self.move_id.company_id or self.company_id or self.lot_id.company_id
        warehouse = company._get_conserverie_warehouse()
        quarantine = warehouse.quarantine_location_id
        if quarantine and destination._child_of(quarantine):
            return True
        sold_stock = warehouse.released_location_id | warehouse.toll_jars_location_id
        return destination._child_of(warehouse.view_location_id) and not any(
            destination._child_of(location) for location in sold_stock
        )
