from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConserverieSolidarityBracket(models.Model):
    _name = "conserverie.solidarity.bracket"
    _description = "Solidarity bracket"
    _check_company_auto = True
    _order = "sequence, quotient_min"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    quotient_min = fields.Integer(string="Family quotient from")
    quotient_max = fields.Integer(string="Family quotient up to", help="Leave 0 for no limit.")
    pricelist_id = fields.Many2one(
        "product.pricelist", string="Solidarity pricelist", required=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    member_count = fields.Integer(compute="_compute_member_count")

    @api.constrains("quotient_min", "quotient_max")
    def _check_quotients(self):
        for bracket in self:
            if bracket.quotient_min < 0 or bracket.quotient_max < 0:
                raise ValidationError(self.env._("Family quotients cannot be negative."))
            if bracket.quotient_max and bracket.quotient_max < bracket.quotient_min:
                raise ValidationError(
                    self.env._(
                        "Bracket %(name)s: the upper family quotient is below the lower one.",
                        name=bracket.name,
                    )
                )

    def _compute_member_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("solidarity_bracket_id", "in", self.ids)],
                ["solidarity_bracket_id"],
                ["__count"],
            )
        )
        for bracket in self:
            bracket.member_count = counts.get(bracket, 0)
