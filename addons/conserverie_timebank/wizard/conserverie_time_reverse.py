from odoo import fields, models


class ConserverieTimeReverse(models.TransientModel):
    """A coordinator corrects a transfer with its reversal and a reason."""

    _name = "conserverie.time.reverse"
    _description = "Reverse a transfer of hours"

    move_ids = fields.Many2many("conserverie.time.move", string="Moves", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        reversals = self.move_ids._reverse_by_coordinator(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.time.move",
            "view_mode": "list,form",
            "domain": [("id", "in", reversals.ids)],
            "name": self.env._("Reversal"),
        }
