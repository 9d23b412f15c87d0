from odoo import api, models

# Lots in these release states are never reserved: not sold, not given.
UNRELEASED_STATES = ("quarantine", "rejected")


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _get_reserve_quantity(self, product_id, location_id, quantity, **kwargs):
        self = self.with_context(conserverie_reserving=True)
        return super()._get_reserve_quantity(product_id, location_id, quantity, **kwargs)

    @api.model
    def _get_gather_domain(
        self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False
    ):
        domain = super()._get_gather_domain(
            product_id, location_id, lot_id, package_id, owner_id, strict
        )
        if self.env.context.get("conserverie_reserving"):
            domain = [
                *domain,
                "|",
                ("lot_id", "=", False),
                ("lot_id.release_state", "not in", UNRELEASED_STATES),
            ]
        return domain

    def _gather(
        self,
        product_id,
        location_id,
        lot_id=None,
        package_id=None,
        owner_id=None,
        strict=False,
        qty=0,
    ):
        quants = super()._gather(product_id, location_id, lot_id, package_id, owner_id, strict, qty)
        if self.env.context.get("conserverie_reserving"):
            # The quants cache of chained moves skips the domain above.
            quants = quants.filtered(
                lambda quant: quant.lot_id.release_state not in UNRELEASED_STATES
            )
        return quants
