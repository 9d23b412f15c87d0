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

    @api.model
    def get_released_lots_by_product(self, company_id, product_ids):
        """The lots the till may sell of each product, by product id: what it offers
        when the connection is lost."""
        return {
            product_id: self.get_existing_lots(company_id, product_id) for product_id in product_ids
        }

    @api.model
    def check_scanned_lot(self, company_id, product_id, lot_name):
        """Whether the jars of ``lot_name`` scanned at the till may be sold.

        Returns the lots the till may sell of the product (``lots``) and, when the
        scanned one is not among them, why (``refusal``): ``quarantine`` or ``rejected``
        for a lot not released, ``unavailable`` for a lot not in the stall's stock.
        """
        lots = self.get_existing_lots(company_id, product_id)
        refusal = False
        if not any(lot["name"] == lot_name for lot in lots):
            # sudo: the cashier may not read lot release data; only its state is returned
            lot = (
                self.env["stock.lot"]
                .sudo()
                .search(
                    [
                        ("product_id", "=", product_id),
                        ("name", "=", lot_name),
                        ("company_id", "in", (company_id, False)),
                    ],
                    limit=1,
                )
            )
            blocked = lot.release_state in ("quarantine", "rejected")
            refusal = lot.release_state if blocked else "unavailable"
        return {"lots": lots, "refusal": refusal}
