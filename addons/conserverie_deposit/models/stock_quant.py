from odoo import api, models
from odoo.exceptions import UserError


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _set_conserverie_jar_stock(self, company, jar, quantity, location="empty"):
        """Opening stock: set the jars counted in the empties (or clean jars) location."""
        if isinstance(company, int):
            company = self.env["res.company"].browse(company)
        if isinstance(jar, int):
            jar = self.env["product.product"].browse(jar)
        if quantity < 0:
            raise UserError(self.env._("The number of jars counted cannot be negative."))
        if not jar.is_jar:
            raise UserError(
                self.env._("%(product)s is not a jar format.", product=jar.display_name)
            )
        warehouse = company._get_conserverie_warehouse()
        target = (
            warehouse.empty_jars_location_id
            if location == "empty"
            else warehouse.clean_jars_location_id
        )
        quant = self.with_context(inventory_mode=True).create(
            {"product_id": jar.id, "location_id": target.id, "inventory_quantity": quantity}
        )
        quant.action_apply_inventory()
        return quant
