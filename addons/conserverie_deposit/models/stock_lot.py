from odoo import models


class StockLot(models.Model):
    _inherit = "stock.lot"

    def _get_label_deposit_text(self):
        """Deposit mention for the labels of this lot (see product.product)."""
        self.ensure_one()
        return self.product_id._get_label_deposit_text()
