from odoo import fields, models


class ConserverieEmptiesOpeningWizard(models.TransientModel):
    _name = "conserverie.empties.opening.wizard"
    _description = "Opening stock of jars"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    jar_product_id = fields.Many2one(
        "product.product", string="Jar format", required=True, domain=[("is_jar", "=", True)]
    )
    location = fields.Selection(
        [("empty", "Empty jars to wash"), ("clean", "Clean jars")],
        required=True,
        default="empty",
    )
    quantity = fields.Integer(string="Jars counted", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.env["stock.quant"]._set_conserverie_jar_stock(
            self.company_id, self.jar_product_id, self.quantity, self.location
        )
        return {"type": "ir.actions.act_window_close"}
