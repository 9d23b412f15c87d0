from odoo import fields, models


class ConserverieReleaseReversal(models.TransientModel):
    _name = "conserverie.release.reversal"
    _description = "Reject a lot or reverse its release decision"

    lot_id = fields.Many2one("stock.lot", required=True)
    operation = fields.Selection(
        [("reject", "Reject and scrap"), ("reverse", "Back to quarantine")],
        required=True,
        default="reject",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.operation == "reject":
            self.lot_id._reject(self.reason)
        else:
            self.lot_id._reverse_release(self.reason)
        return {"type": "ir.actions.act_window_close"}
