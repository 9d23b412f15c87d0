from odoo import fields, models


class ConserverieImpactCampaignScore(models.Model):
    _name = "conserverie.impact.campaign.score"
    _description = "Petal score of an assessment"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one(
        "conserverie.impact.campaign", required=True, ondelete="cascade", index=True
    )
    petal_id = fields.Many2one("conserverie.impact.petal", required=True, ondelete="cascade")
    sequence = fields.Integer(related="petal_id.sequence", store=True)
    indicator_score = fields.Float(string="From indicators", digits=(16, 1))
    survey_score = fields.Float(string="From answers", digits=(16, 1))
    has_indicators = fields.Boolean()
    has_survey = fields.Boolean()
    score = fields.Float(digits=(16, 1))
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
