from odoo import models


class StockLot(models.Model):
    _inherit = "stock.lot"

    def _prepare_label_values(self, copies=1):
        values = super()._prepare_label_values(copies)
        values["deposit_text"] = self.product_id._get_label_deposit_text(
            self._get_conserverie_company()
        )
        return values
