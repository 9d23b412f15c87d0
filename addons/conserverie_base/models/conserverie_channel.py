from odoo import fields, models

CHANNEL_CODES = [
    ("day_sale", "Sale on the day"),
    ("volunteer_share", "Volunteer share"),
    ("purchasing_group", "Purchasing-group order"),
]


class ConserverieChannel(models.Model):
    _name = "conserverie.channel"
    _description = "Distribution channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(CHANNEL_CODES, required=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one("res.company", help="Leave empty to share it.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "One channel per code and company."),
    ]

    def _get_by_code(self, code):
        """The channel of ``code`` for the current company (or shared)."""
        return self.search(
            [("code", "=", code), ("company_id", "in", [False, self.env.company.id])],
            order="company_id",
            limit=1,
        )
