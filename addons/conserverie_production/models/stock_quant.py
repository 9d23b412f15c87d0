from odoo import api, models
from odoo.tools import SQL

# Lots in these release states are never reserved: not sold, not given.
UNRELEASED_STATES = ("quarantine", "rejected")
RESERVING = "conserverie_reserving"


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _get_reserve_quantity(self, product_id, location_id, quantity, **kwargs):
        # a product none of whose lots is unreleased reserves as in Odoo, in the same
        # environment: no context switch on every reservation
        if not self.env.context.get(RESERVING) and self._has_unreleased_lot(product_id):
            self = self.with_context(**{RESERVING: True})
        return super()._get_reserve_quantity(product_id, location_id, quantity, **kwargs)

    @api.model
    def _has_unreleased_lot(self, product):
        """Whether a lot of ``product`` is in quarantine or rejected, whatever its company
        and whoever asks (one indexed query, without switching to the superuser)."""
        self.env["stock.lot"].flush_model(["product_id", "release_state"])
        self.env.cr.execute(
            SQL(
                "SELECT 1 FROM stock_lot WHERE product_id = %s AND release_state IN %s LIMIT 1",
                product.id,
                UNRELEASED_STATES,
            )
        )
        return bool(self.env.cr.rowcount)

    @api.model
    def _get_gather_domain(
        self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False
    ):
        domain = super()._get_gather_domain(
            product_id, location_id, lot_id, package_id, owner_id, strict
        )
        if self.env.context.get(RESERVING):
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
        context = self.env.context
        # The quants cache of chained moves (strict gathers only) skips the domain above;
        # a search applied it already.
        if context.get(RESERVING) and strict and context.get("quants_cache") is not None:
            quants = quants.filtered(
                lambda quant: (
                    not quant.lot_id or quant.lot_id.release_state not in UNRELEASED_STATES
                )
            )
        return quants
