from odoo import fields, models


class ConserveriePosOrderIssue(models.Model):
    _inherit = "conserverie.pos.order.issue"

    kind = fields.Selection(
        selection_add=[("deposit", "Jar deposit")], ondelete={"deposit": "set default"}
    )
