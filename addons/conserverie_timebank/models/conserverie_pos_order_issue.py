from odoo import fields, models


class ConserveriePosOrderIssue(models.Model):
    _inherit = "conserverie.pos.order.issue"

    kind = fields.Selection(selection_add=[("hours", "Hours")], ondelete={"hours": "set default"})
