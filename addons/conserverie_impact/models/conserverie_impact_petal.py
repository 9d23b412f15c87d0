from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import scoring


class ConserverieImpactPetal(models.Model):
    """One dimension of the social impact flower."""

    _name = "conserverie.impact.petal"
    _description = "Impact flower petal"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    color = fields.Char(default="#81b29a", help="Colour of the petal in the flower (#rrggbb).")
    survey_share = fields.Float(
        string="Survey share (%)",
        default=50.0,
        help="Weight of the participants' answers in the petal's score; the rest comes "
        "from the indicators.",
    )
    indicator_line_ids = fields.One2many(
        "conserverie.impact.petal.indicator", "petal_id", string="Indicators", copy=True
    )
    statement_ids = fields.One2many(
        "conserverie.impact.statement", "petal_id", string="Statements", copy=True
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share it.")
    active = fields.Boolean(default=True)

    @api.constrains("survey_share")
    def _check_survey_share(self):
        for petal in self:
            if not 0 <= petal.survey_share <= 100:
                raise ValidationError(
                    self.env._(
                        "Petal %(name)s: the survey share is between 0 and 100 %%.", name=petal.name
                    )
                )

    @api.constrains("color")
    def _check_color(self):
        for petal in self:
            color = petal.color or ""
            if len(color) != 7 or not color.startswith("#"):
                raise ValidationError(
                    self.env._("Petal %(name)s: write the colour as #rrggbb.", name=petal.name)
                )
            try:
                int(color[1:], 16)
            except ValueError as error:
                raise ValidationError(
                    self.env._("Petal %(name)s: write the colour as #rrggbb.", name=petal.name)
                ) from error

    def _get_indicator_scores(self, indicators):
        """{petal: 0-100 or None} from the figures ``indicators`` (a dict).

        A petal without indicators gets None: its score then comes from answers.
        """
        return {
            petal: scoring.weighted_mean(
                [
                    (
                        scoring.scale_to_target(line._get_display_value(indicators), line.target),
                        line.weight,
                    )
                    for line in petal.indicator_line_ids
                ]
            )
            for petal in self
        }

    def _get_survey_scores(self, answer_domain):
        """{petal: 0-100 or None}: the mean answer (1-5) to each petal's statements."""
        # sudo: answers are aggregated into means only, never read one by one
        groups = (
            self.env["conserverie.impact.answer"]
            .sudo()
            ._read_group(
                [*answer_domain, ("petal_id", "in", self.ids)], ["petal_id"], ["score:avg"]
            )
        )
        means = {petal.id: mean for petal, mean in groups}
        return {petal: scoring.answer_mean_to_score(means.get(petal.id)) for petal in self}

    def _get_flower_scores(self, indicators, answer_domain):
        """[(petal, indicator score, survey score, petal score)] in petal order."""
        indicator_scores = self._get_indicator_scores(indicators)
        survey_scores = self._get_survey_scores(answer_domain)
        return [
            (
                petal,
                indicator_scores[petal],
                survey_scores[petal],
                scoring.petal_score(
                    indicator_scores[petal], survey_scores[petal], petal.survey_share
                ),
            )
            for petal in self
        ]
