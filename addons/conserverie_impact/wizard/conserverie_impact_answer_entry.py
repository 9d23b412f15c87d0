from odoo import Command, api, fields, models

from ..models.conserverie_impact_answer import RESPONDENT_CATEGORIES


class ConserverieImpactAnswerEntry(models.TransientModel):
    """Staff type in one respondent's paper form."""

    _name = "conserverie.impact.answer.entry"
    _description = "Enter assessment answers"

    campaign_id = fields.Many2one("conserverie.impact.campaign", required=True)
    category = fields.Selection(RESPONDENT_CATEGORIES, string="Respondent", required=True)
    line_ids = fields.One2many(
        "conserverie.impact.answer.entry.line",
        "entry_id",
        string="Answers",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("campaign_id")
    def _compute_line_ids(self):
        for entry in self:
            entry.line_ids = [Command.clear()] + [
                Command.create({"statement_id": statement.id})
                for statement in entry.campaign_id.statement_ids
            ]

    def _get_scores(self):
        return {line.statement_id.id: int(line.score) for line in self.line_ids if line.score}

    def _submit(self):
        """Record the answers, then forget the typed form: it names who typed it."""
        self.ensure_one()
        campaign = self.campaign_id
        campaign._submit_answers(self.category, self._get_scores())
        self.unlink()
        return campaign

    def action_save(self):
        self._submit()
        return {"type": "ir.actions.act_window_close"}

    def action_save_and_new(self):
        return self._submit().action_enter_answers()
