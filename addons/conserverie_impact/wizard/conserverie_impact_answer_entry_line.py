from odoo import fields, models

SCORES = [("1", "1 - Disagree"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 - Agree")]


class ConserverieImpactAnswerEntryLine(models.TransientModel):
    _name = "conserverie.impact.answer.entry.line"
    _description = "Answer typed in by staff"

    entry_id = fields.Many2one("conserverie.impact.answer.entry", required=True, ondelete="cascade")
    statement_id = fields.Many2one("conserverie.impact.statement", required=True)
    petal_id = fields.Many2one(related="statement_id.petal_id")
    score = fields.Selection(SCORES, help="Leave empty when the respondent did not answer.")
