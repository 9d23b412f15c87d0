from odoo import api, fields, models
from odoo.exceptions import ValidationError

TRAINING_TYPES = [
    ("bottling", "Bottling"),
    ("autoclave", "Autoclave"),
    ("hygiene", "Food hygiene"),
]


class ConserverieTraining(models.Model):
    _name = "conserverie.training"
    _description = "Operator training"
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True)
    training_type = fields.Selection(TRAINING_TYPES, string="Training", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    date_expiry = fields.Date(string="Valid until", required=True)
    trainer = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    is_valid = fields.Boolean(string="Valid today", compute="_compute_is_valid")

    @api.depends("date", "date_expiry")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for training in self:
            training.is_valid = training.date <= today <= training.date_expiry

    @api.depends("partner_id", "training_type")
    def _compute_display_name(self):
        labels = dict(self._fields["training_type"]._description_selection(self.env))
        for training in self:
            training.display_name = (
                f"{training.partner_id.name} · {labels.get(training.training_type, '')}"
            )

    @api.constrains("date", "date_expiry")
    def _check_dates(self):
        for training in self:
            if training.date_expiry < training.date:
                raise ValidationError(
                    self.env._(
                        "The training of %(name)s expires before it was taken.",
                        name=training.partner_id.display_name,
                    )
                )

    @api.model
    def _get_trained(self, partners, training_type, on_date, company):
        """The partners among ``partners`` holding a valid training on ``on_date``."""
        trainings = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("training_type", "=", training_type),
                ("date", "<=", on_date),
                ("date_expiry", ">=", on_date),
                ("company_id", "=", company.id),
            ]
        )
        return trainings.partner_id
