from odoo import fields, models

INDICATOR_KINDS = [
    ("int", "Count"),
    ("kg", "Kilos"),
    ("hours", "Hours"),
    ("percent", "Percentage"),
    ("money", "Amount"),
    ("float", "Number"),
]


class ConserverieImpactIndicator(models.Model):
    """The catalogue of figures computed by the impact report."""

    _name = "conserverie.impact.indicator"
    _description = "Impact indicator"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Key of the figure in the report's compute_indicators()."
    )
    sequence = fields.Integer(default=10)
    unit = fields.Char(translate=True)
    kind = fields.Selection(INDICATOR_KINDS, required=True, default="float")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An indicator code is used once."),
    ]
