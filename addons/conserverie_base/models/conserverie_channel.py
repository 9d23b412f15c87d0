from odoo import api, fields, models, tools

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

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()  # _get_channel_id_by_code
        return super().create(vals_list)

    def write(self, vals):
        if {"code", "company_id", "active"} & set(vals):
            self.env.registry.clear_cache()  # _get_channel_id_by_code
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()  # _get_channel_id_by_code
        return super().unlink()

    def _get_by_code(self, code):
        """The channel of ``code`` for the current company (or shared). Every delivery
        of a till asks: the answer is cached."""
        return self.browse(self._get_channel_id_by_code(code, self.env.company.id))

    @api.model
    @tools.ormcache("code", "company_id")
    def _get_channel_id_by_code(self, code, company_id):
        # sudo: the channel of a delivery, whoever creates it
        channel = self.sudo().search(
            [("code", "=", code), ("company_id", "in", [False, company_id])],
            order="company_id",
            limit=1,
        )
        return channel.id
