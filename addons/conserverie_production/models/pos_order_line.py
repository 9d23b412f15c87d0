from odoo import api, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    @api.model
    def get_existing_lots(self, company_id, product_id):
        """The POS offers released lots only: quarantined or rejected jars are not for sale."""
        lots = super().get_existing_lots(company_id, product_id)
        lot_ids = [lot["id"] for lot in lots]
        # sudo: the cashier may not read lot release data; only ids are compared
        blocked = (
            self.env["stock.lot"]
            .sudo()
            .search([("id", "in", lot_ids), ("release_state", "in", ("quarantine", "rejected"))])
        )
        return [lot for lot in lots if lot["id"] not in blocked.ids]
