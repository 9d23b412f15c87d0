from odoo import api, fields, models


class ConserverieTimeTransfer(models.TransientModel):
    """Hours from one person to another, a paper cheque, or an audited adjustment."""

    _name = "conserverie.time.transfer"
    _description = "Transfer of hours"

    kind = fields.Selection(
        [("transfer", "Transfer"), ("cheque", "Paper cheque"), ("adjustment", "Adjustment")],
        required=True,
        default="transfer",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    from_partner_id = fields.Many2one(
        "res.partner", string="From", required=True, help="The person who gives the hours."
    )
    to_partner_id = fields.Many2one(
        "res.partner", string="To", required=True, help="The person who receives them."
    )
    hours = fields.Float(required=True, help="Hours and minutes.")
    reason = fields.Text()
    cheque_number = fields.Char()

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "adjustment" and not self.from_partner_id:
            self.from_partner_id = self.company_id.partner_id

    def action_confirm(self):
        self.ensure_one()
        move = self.env["conserverie.time.move"]._post_manual_transfer(
            self.kind,
            self.from_partner_id,
            self.to_partner_id,
            self.hours,
            reason=self.reason,
            cheque_number=self.cheque_number,
            company=self.company_id,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.time.move",
            "view_mode": "list,form",
            "domain": [("transfer_ref", "=", move[:1].transfer_ref)],
            "name": self.env._("Transfer"),
        }
