from odoo import fields, models


class ConserverieDepositReturnWizardLine(models.TransientModel):
    _name = "conserverie.deposit.return.wizard.line"
    _description = "Empty jars returned, per format"

    wizard_id = fields.Many2one(
        "conserverie.deposit.return.wizard", required=True, ondelete="cascade"
    )
    jar_product_id = fields.Many2one(
        "product.product", string="Jar format", required=True, domain=[("is_jar", "=", True)]
    )
    quantity_out = fields.Integer(string="Out on the order", readonly=True)
    quantity = fields.Integer(string="Jars returned")
