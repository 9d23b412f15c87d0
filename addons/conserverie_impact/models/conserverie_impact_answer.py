from odoo import api, fields, models
from odoo.exceptions import ValidationError

RESPONDENT_CATEGORIES = [
    ("resident", "Resident"),
    ("volunteer", "Volunteer"),
    ("partner", "Partner"),
]


class ConserverieImpactAnswer(models.Model):
    """An anonymous answer (1-5) to a statement.

    No author is kept: the model has no create_uid/write_uid nor dates
    (``_log_access = False``), no partner or user field, and answers are
    never edited. Only the respondent's category and a random key grouping
    one respondent's answers are stored.
    """

    _name = "conserverie.impact.answer"
    _description = "Anonymous assessment answer"
    _order = "campaign_id, statement_id, id"
    _log_access = False

    campaign_id = fields.Many2one(
        "conserverie.impact.campaign", required=True, ondelete="cascade", index=True
    )
    statement_id = fields.Many2one(
        "conserverie.impact.statement", required=True, ondelete="restrict"
    )
    petal_id = fields.Many2one(related="statement_id.petal_id", store=True, index=True)
    category = fields.Selection(RESPONDENT_CATEGORIES, string="Respondent", required=True)
    score = fields.Integer(required=True, aggregator="avg")
    respondent_key = fields.Char(
        readonly=True, help="Random key shared by the answers of one respondent, to count them."
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)

    @api.constrains("score")
    def _check_score(self):
        for answer in self:
            if not 1 <= answer.score <= 5:
                raise ValidationError(self.env._("Each answer is a whole number from 1 to 5."))

    @api.model
    def _create_anonymous(self, vals_list):
        # sudo: respondents (public form) and staff record answers they cannot read back
        return self.sudo().create(vals_list).sudo(False)
