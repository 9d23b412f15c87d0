from odoo import fields, models


class ConserverieImpactStatement(models.Model):
    """A statement participants rate from 1 (disagree) to 5 (agree)."""

    _name = "conserverie.impact.statement"
    _description = "Assessment statement"
    _order = "petal_id, sequence, id"

    name = fields.Char(string="Statement", required=True, translate=True)
    sequence = fields.Integer(default=10)
    petal_id = fields.Many2one(
        "conserverie.impact.petal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="petal_id.company_id", store=True)
    active = fields.Boolean(default=True)
