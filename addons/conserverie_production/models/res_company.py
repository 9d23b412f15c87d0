from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mrp_bom import MAX_READING_GAP_MINUTES


class ResCompany(models.Model):
    _inherit = "res.company"

    conserverie_organic_certifier = fields.Char(string="Organic certifier")
    conserverie_organic_certificate_number = fields.Char(string="Organic certificate")
    conserverie_organic_valid_until = fields.Date(string="Organic certificate valid until")
    conserverie_food_safety_user_id = fields.Many2one(
        "res.users",
        string="Food-safety manager",
        help="Gets an activity when jars of a lot that is not released are sold.",
    )
    conserverie_max_reading_gap_minutes = fields.Float(
        string="Longest gap between probe readings (min)",
        default=5.0,
        digits=(16, 1),
        help="Upper bound on the time between two probe readings of an autoclave cycle, "
        "unless the recipe sets a shorter or longer one.",
    )
    conserverie_is_organic_certified = fields.Boolean(
        string="Organic processor",
        compute="_compute_conserverie_is_organic_certified",
        help="Jars may say 'organic' only while the facility itself is certified.",
    )

    @api.depends("conserverie_organic_certificate_number", "conserverie_organic_valid_until")
    def _compute_conserverie_is_organic_certified(self):
        today = fields.Date.context_today(self)
        for company in self:
            company.conserverie_is_organic_certified = company._is_conserverie_organic_on(today)

    @api.constrains("conserverie_max_reading_gap_minutes")
    def _check_conserverie_max_reading_gap(self):
        for company in self:
            if not 0 < company.conserverie_max_reading_gap_minutes <= MAX_READING_GAP_MINUTES:
                raise ValidationError(
                    self.env._(
                        "The longest gap between probe readings must be above 0 and at most "
                        "%(max).0f min.",
                        max=MAX_READING_GAP_MINUTES,
                    )
                )

    def _is_conserverie_organic_on(self, on_date):
        self.ensure_one()
        return bool(
            self.conserverie_organic_certificate_number
            and self.conserverie_organic_valid_until
            and on_date
            and self.conserverie_organic_valid_until >= on_date
        )
