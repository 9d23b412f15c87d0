from odoo import Command, api, fields, models


class ConserverieDepositReturnWizard(models.TransientModel):
    _name = "conserverie.deposit.return.wizard"
    _description = "Return empty jars on a sale order"

    sale_order_id = fields.Many2one("sale.order", required=True, readonly=True)
    line_ids = fields.One2many(
        "conserverie.deposit.return.wizard.line", "wizard_id", string="Jars returned"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        order = self.env["sale.order"].browse(values.get("sale_order_id"))
        if order and "line_ids" in fields_list:
            values["line_ids"] = [
                Command.create({"jar_product_id": jar.id, "quantity": 0, "quantity_out": out})
                for jar, out in order._get_deposit_jars_out().items()
                if out > 0
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        jars = {}
        for line in self.line_ids:
            jars[line.jar_product_id] = jars.get(line.jar_product_id, 0) + line.quantity
        _picking, refund = self.sale_order_id._conserverie_return_jars(jars)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": refund.id,
            "view_mode": "form",
        }
