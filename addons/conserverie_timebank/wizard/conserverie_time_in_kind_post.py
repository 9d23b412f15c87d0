from dateutil.relativedelta import relativedelta

from odoo import fields, models


class ConserverieTimeInKindPost(models.TransientModel):
    """Choose the month of volunteering to post as a contribution in kind."""

    _name = "conserverie.time.in.kind.post"
    _description = "Post volunteering in kind"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    month = fields.Date(
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        ),
        help="Any day of the month to post.",
    )

    def action_post(self):
        self.ensure_one()
        entry = self.env["conserverie.time.in.kind.entry"]._post_month(self.company_id, self.month)
        return {
            "type": "ir.actions.act_window",
            "res_model": entry._name,
            "res_id": entry.id,
            "view_mode": "form",
            "target": "current",
        }
