from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_grower = fields.Boolean(string="Grower", help="Gives produce to the facility.")
    organic_certifier = fields.Char(string="Organic certifier")
    organic_certificate_number = fields.Char(string="Organic certificate number")
    organic_valid_until = fields.Date(string="Certificate valid until")
    is_organic_certified = fields.Boolean(
        string="Organic certified today",
        compute="_compute_is_organic_certified",
        search="_search_is_organic_certified",
    )
    is_social_centre = fields.Boolean(string="Social centre")
    is_purchasing_group = fields.Boolean(string="Purchasing group")
    purchasing_group_centre_id = fields.Many2one(
        "res.partner",
        string="Delivered to centre",
        domain=[("is_social_centre", "=", True)],
        help="The social centre where this purchasing group collects its orders.",
    )
    is_member = fields.Boolean(string="Member", help="A resident taking part in activities.")
    member_since = fields.Date()
    solidarity_bracket_id = fields.Many2one(
        "conserverie.solidarity.bracket",
        string="Solidarity bracket",
        groups="conserverie_base.group_coordinator",
        help="Sets the solidarity pricelist applied to this member's orders.",
    )
    activity_attendance_ids = fields.One2many(
        "conserverie.activity.attendance", "partner_id", string="Activities attended"
    )

    @api.depends("organic_valid_until")
    def _compute_is_organic_certified(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.is_organic_certified = partner._is_organic_certified_on(today)

    def _search_is_organic_certified(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        certified = [("organic_valid_until", ">=", today)]
        positive = (operator == "=") == value
        return certified if positive else ["!", *certified]

    def _is_organic_certified_on(self, date):
        """Whether the partner's organic certificate covers ``date``."""
        self.ensure_one()
        return bool(self.organic_valid_until and self.organic_valid_until >= date)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        bracketed = [
            partner.id
            for partner, vals in zip(partners, vals_list, strict=True)
            if vals.get("solidarity_bracket_id")
        ]
        partners.browse(bracketed)._apply_bracket_pricelist()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if "solidarity_bracket_id" in vals:
            self._apply_bracket_pricelist()
        return result

    def _apply_bracket_pricelist(self):
        """The bracket decides the member's pricelist, which the POS applies."""
        for partner in self.sudo():  # sudo: the bracket is readable by coordinators only
            pricelist = partner.solidarity_bracket_id.pricelist_id
            if pricelist:
                partner.property_product_pricelist = pricelist

    @api.model
    def get_import_templates(self):
        return [
            *super().get_import_templates(),
            {
                "label": self.env._("Import template for growers and their organic certificates"),
                "template": "/conserverie_base/static/xls/conserverie_growers.xlsx",
            },
            {
                "label": self.env._("Import template for members and their solidarity brackets"),
                "template": "/conserverie_base/static/xls/conserverie_members.xlsx",
            },
        ]
