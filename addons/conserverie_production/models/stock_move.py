from odoo import api, models


class StockMove(models.Model):
    _inherit = "stock.move"

    @api.depends("raw_material_production_id.toll_partner_id")
    def _compute_location_id(self):
        """Toll processing takes the grower's produce from the growers' location;
        jars, lids and sugar still come from the facility's stock."""
        res = super()._compute_location_id()
        for move in self:
            production = move.raw_material_production_id
            if production.toll_partner_id and not move.product_id.is_recovered_produce:
                stock = production.picking_type_id.default_location_src_id
                move.location_id = stock or move.location_id
        return res

    def _prepare_move_line_vals(self, quantity=None, reserved_quant=None):
        """Jars made for a grower belong to the grower from the start."""
        vals = super()._prepare_move_line_vals(quantity=quantity, reserved_quant=reserved_quant)
        if not reserved_quant and self.production_id.toll_partner_id and self.restrict_partner_id:
            vals["owner_id"] = self.restrict_partner_id.id
        return vals
