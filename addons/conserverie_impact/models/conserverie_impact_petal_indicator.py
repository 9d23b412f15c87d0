from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConserverieImpactPetalIndicator(models.Model):
    """An indicator counted in a petal, scaled to 0-100 by its target."""

    _name = "conserverie.impact.petal.indicator"
    _description = "Indicator of a flower petal"
    _order = "petal_id, sequence, id"

    petal_id = fields.Many2one(
        "conserverie.impact.petal", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    indicator_id = fields.Many2one(
        "conserverie.impact.indicator", required=True, ondelete="restrict"
    )
    target = fields.Float(
        required=True,
        help="The value that scores 100 for the period (percentages as 0-100); above it the "
        "score stays 100.",
    )
    weight = fields.Float(default=1.0, help="Relative weight among the petal's indicators.")
    unit = fields.Char(related="indicator_id.unit")

    def _get_display_value(self, indicators):
        """The figure in the unit of its target: percentages as 0-100."""
        self.ensure_one()
        value = indicators.get(self.indicator_id.code) or 0.0
        return value * 100 if self.indicator_id.kind == "percent" else value

    @api.constrains("target", "weight")
    def _check_target(self):
        for line in self:
            if line.target <= 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(indicator)s must be above zero.",
                        indicator=line.indicator_id.name,
                    )
                )
            if line.weight < 0:
                raise ValidationError(
                    self.env._(
                        "The weight of %(indicator)s cannot be negative.",
                        indicator=line.indicator_id.name,
                    )
                )
