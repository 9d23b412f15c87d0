from odoo import models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _use_mobile_unit(self, pricelist_ids=None):
        """Sell from the mobile unit's released jars, with the solidarity pricelists."""
        for config in self:
            warehouse = config.company_id._get_conserverie_warehouse()
            values = {"picking_type_id": warehouse.pos_type_id.id}
            if pricelist_ids:
                pricelists = config.pricelist_id | self.env["product.pricelist"].browse(
                    pricelist_ids
                )
                values.update(use_pricelist=True, available_pricelist_ids=[(6, 0, pricelists.ids)])
            config.write(values)
