from odoo import fields, models


class ConserveriePosOrderIssue(models.Model):
    _inherit = "conserverie.pos.order.issue"

    kind = fields.Selection(
        selection_add=[("unreleased_lot", "Unreleased lot")],
        ondelete={"unreleased_lot": "set default"},
    )
