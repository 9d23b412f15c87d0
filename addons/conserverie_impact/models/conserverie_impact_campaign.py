import base64
import uuid

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import documents, flower


class ConserverieImpactCampaign(models.Model):
    """An assessment of the flower: a period, statements and anonymous answers."""

    _name = "conserverie.impact.campaign"
    _description = "Impact assessment campaign"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    centre_id = fields.Many2one(
        "res.partner",
        domain=[("is_social_centre", "=", True)],
        help="Leave empty for the whole facility.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Collecting answers"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    statement_ids = fields.Many2many(
        "conserverie.impact.statement",
        string="Statements",
        default=lambda self: self._default_statement_ids(),
    )
    compare_campaign_id = fields.Many2one(
        "conserverie.impact.campaign",
        string="Compare with",
        check_company=True,
        help="An earlier assessment drawn over this one.",
    )
    access_token = fields.Char(copy=False, groups="conserverie_base.group_staff")
    answer_url = fields.Char(
        string="Form for respondents",
        compute="_compute_answer_url",
        groups="conserverie_base.group_staff",
    )
    score_ids = fields.One2many(
        "conserverie.impact.campaign.score", "campaign_id", string="Scores", copy=False
    )
    answer_count = fields.Integer(compute="_compute_answer_figures")
    respondent_count = fields.Integer(compute="_compute_answer_figures")
    flower_image = fields.Binary(string="Flower", attachment=True, copy=False, readonly=True)
    flower_filename = fields.Char(compute="_compute_flower_filename")

    @api.model
    def _default_statement_ids(self):
        return self.env["conserverie.impact.statement"].search(
            [
                ("petal_id.active", "=", True),
                ("company_id", "in", [False, self.env.company.id]),
            ]
        )

    def _compute_answer_url(self):
        for campaign in self:
            campaign.answer_url = campaign.access_token and (
                f"{campaign.get_base_url()}/conserverie/assessment/{campaign.access_token}"
            )

    def _compute_answer_figures(self):
        # sudo: only counts of answers are shown on the campaign
        groups = (
            self.env["conserverie.impact.answer"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", self.ids)],
                ["campaign_id"],
                ["__count", "respondent_key:count_distinct"],
            )
        )
        figures = {campaign.id: (count, respondents) for campaign, count, respondents in groups}
        for campaign in self:
            campaign.answer_count, campaign.respondent_count = figures.get(campaign.id, (0, 0))

    @api.depends("name")
    def _compute_flower_filename(self):
        for campaign in self:
            campaign.flower_filename = f"{campaign.name or 'flower'}.png"

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for campaign in self:
            if campaign.date_to < campaign.date_from:
                raise ValidationError(
                    self.env._("Assessment %(name)s ends before it starts.", name=campaign.name)
                )

    @api.constrains("compare_campaign_id")
    def _check_compare_campaign(self):
        for campaign in self:
            if campaign.compare_campaign_id == campaign:
                raise ValidationError(self.env._("An assessment cannot be compared with itself."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("access_token", uuid.uuid4().hex)
        return super().create(vals_list)

    def action_open(self):
        if any(campaign.state != "draft" for campaign in self):
            raise UserError(self.env._("Only a draft assessment can be opened to answers."))
        if any(not campaign.statement_ids for campaign in self):
            raise UserError(self.env._("Choose the statements to rate first."))
        self.state = "open"

    def action_close(self):
        """Close to answers; the form's link changes, so the old one no longer works."""
        if any(campaign.state != "open" for campaign in self):
            raise UserError(self.env._("Only an open assessment can be closed."))
        for campaign in self:
            campaign.write({"state": "closed", "access_token": uuid.uuid4().hex})
        self.action_compute_scores()

    def action_reopen(self):
        if any(campaign.state != "closed" for campaign in self):
            raise UserError(self.env._("Only a closed assessment can be reopened."))
        self.state = "open"

    def _get_petals(self):
        self.ensure_one()
        return self.env["conserverie.impact.petal"].search(
            [("company_id", "in", [False, self.company_id.id])]
        )

    def _get_report(self):
        """The impact report of the campaign's period and centre."""
        self.ensure_one()
        return self.env["conserverie.impact.report"].create(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "centre_id": self.centre_id.id,
                "company_id": self.company_id.id,
            }
        )

    def _get_answer_domain(self):
        self.ensure_one()
        return [("campaign_id", "=", self.id), ("statement_id", "in", self.statement_ids.ids)]

    def action_compute_scores(self):
        """Score each petal from the period's indicators and the answers; draw the flower."""
        for campaign in self:
            indicators = campaign._get_report().compute_indicators()
            scores = campaign._get_petals()._get_flower_scores(
                indicators, campaign._get_answer_domain()
            )
            campaign.score_ids = [Command.clear()] + [
                Command.create(
                    {
                        "petal_id": petal.id,
                        "indicator_score": indicator_score or 0.0,
                        "survey_score": survey_score or 0.0,
                        "has_indicators": indicator_score is not None,
                        "has_survey": survey_score is not None,
                        "score": score,
                    }
                )
                for petal, indicator_score, survey_score, score in scores
            ]
            campaign.flower_image = base64.b64encode(
                flower.drawing_to_png(campaign._get_flower_drawing())
            )
        return True

    def _get_flower_drawing(self, size=400):
        self.ensure_one()
        petals = self.score_ids.petal_id
        compare = None
        legend = None
        if self.compare_campaign_id.score_ids:
            previous = {line.petal_id: line.score for line in self.compare_campaign_id.score_ids}
            compare = [previous.get(petal, 0.0) for petal in petals]
            legend = (self.name, self.compare_campaign_id.name)
        return flower.flower_drawing(
            [petal.name for petal in petals],
            self.score_ids.mapped("score"),
            compare_scores=compare,
            size=size,
            title=self.name,
            legend=legend,
            colors_hex=[petal.color for petal in petals] or None,
        )

    def _get_printed_document(self):
        """What the flower of the assessment prints (``report_impact_campaign_flower``):
        the scores as tables of text, and the flower as an image."""
        self.ensure_one()
        labels = (
            self.env._("Petal"),
            self.env._("Indicators"),
            self.env._("Survey"),
            self.env._("Score"),
        )
        data = {
            "title": self.env._("Social impact flower: %(name)s", name=self.name),
            "subtitle": self._get_period_label(),
            "author": self.company_id.name,
            "footer": self.company_id.name,
            "summary_title": self.env._("Scores by petal (0-100)"),
            "summary_columns": (labels[0], labels[3], ""),
            "summary": [
                (line.petal_id.name, line.score, "/100", "float") for line in self.score_ids
            ],
            "sheets": [
                {
                    "name": self.env._("Details"),
                    "title": self.env._("How each petal is scored"),
                    "columns": [
                        (labels[0], "text"),
                        (labels[1], "float"),
                        (labels[2], "float"),
                        (labels[3], "float"),
                    ],
                    "rows": [
                        [
                            line.petal_id.name,
                            line.indicator_score if line.has_indicators else None,
                            line.survey_score if line.has_survey else None,
                            line.score,
                        ]
                        for line in self.score_ids
                    ],
                }
            ],
        }
        return {
            **documents.print_document(data),
            "flower_caption": self.env._("The flower"),
            "flower_image": flower.drawing_to_data_uri(self._get_flower_drawing()),
        }

    def _get_period_label(self):
        self.ensure_one()
        label = self.env._(
            "From %(date_from)s to %(date_to)s",
            date_from=self.date_from.strftime("%d/%m/%Y"),
            date_to=self.date_to.strftime("%d/%m/%Y"),
        )
        if self.centre_id:
            label = f"{label} · {self.centre_id.name}"
        return label

    def action_print_flower(self):
        self.ensure_one()
        if not self.score_ids:
            self.action_compute_scores()
        return self.env.ref(
            "conserverie_impact.conserverie_impact_campaign_flower_action"
        ).report_action(self)

    def action_enter_answers(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("Open the assessment to answers first."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Enter answers"),
            "res_model": "conserverie.impact.answer.entry",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def action_view_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_impact.conserverie_impact_answer_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"search_default_group_statement": 1}
        return action

    def _is_accepting_public_answers(self):
        """Whether the public form takes answers: open, and today within its dates."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self.state == "open" and self.date_from <= today <= self.date_to

    def _submit_answers(self, category, scores):
        """Record one respondent's answers: ``scores`` maps statement ids to 1-5.

        Nothing is written when one answer is invalid. The answers only keep
        the respondent's category and a random key shared by their answers.
        """
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("This assessment is not collecting answers."))
        categories = dict(self.env["conserverie.impact.answer"]._fields["category"].selection)
        if category not in categories:
            raise UserError(
                self.env._("Say whether you answer as a resident, a volunteer or a partner.")
            )
        statements = self.statement_ids
        if not scores:
            raise UserError(self.env._("Rate at least one statement."))
        key = uuid.uuid4().hex
        vals_list = []
        for statement_id, score in scores.items():
            if statement_id not in statements.ids:
                raise UserError(self.env._("A statement does not belong to this assessment."))
            if score not in range(1, 6):
                raise UserError(self.env._("Each answer is a whole number from 1 to 5."))
            vals_list.append(
                {
                    "campaign_id": self.id,
                    "statement_id": statement_id,
                    "category": category,
                    "score": score,
                    "respondent_key": key,
                }
            )
        return self.env["conserverie.impact.answer"]._create_anonymous(vals_list)
