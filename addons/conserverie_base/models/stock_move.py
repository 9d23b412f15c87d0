from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    conserverie_intake_line_id = fields.Many2one(
        "conserverie.intake.line", string="Intake line", index="btree_not_null", copy=False
    )

    def _should_force_price_unit(self):
        """Recovered produce is a gift: it enters the stock at zero value."""
        return bool(self.conserverie_intake_line_id) or super()._should_force_price_unit()
