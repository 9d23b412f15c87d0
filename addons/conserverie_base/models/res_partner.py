from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.member_card import member_card_number

MEMBER_CARD_SEQUENCE = "conserverie.member.card"


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "conserverie.facility.company.mixin"]

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
    member_centre_id = fields.Many2one(
        "res.partner",
        string="Member of centre",
        domain=[("is_social_centre", "=", True)],
        help="The social centre the member comes through, printed on their member card.",
    )
    solidarity_bracket_id = fields.Many2one(
        "conserverie.solidarity.bracket",
        string="Solidarity bracket",
        groups="conserverie_base.group_coordinator",
        help="Sets the solidarity pricelist applied to this member's orders.",
    )
    activity_attendance_ids = fields.One2many(
        "conserverie.activity.attendance", "partner_id", string="Activities attended"
    )
    company_id = fields.Many2one(
        help="The facility this contact belongs to; members and growers belong to the "
        "facility that records them. Empty: shared with every facility."
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

    @api.onchange("is_member", "is_grower")
    def _onchange_facility_company(self):
        """A new contact made a member or a grower on the form belongs to the facility,
        unless the user then clears its company to share it; a contact of a household
        or farm keeps that of its parent."""
        if not self.parent_id:
            return super()._onchange_facility_company()
        return None

    @api.model_create_multi
    def create(self, vals_list):
        self._set_facility_company(vals_list)
        partners = super().create(vals_list)
        bracketed = [
            partner.id
            for partner, vals in zip(partners, vals_list, strict=True)
            if vals.get("solidarity_bracket_id")
        ]
        partners.browse(bracketed)._apply_bracket_pricelist()
        return partners

    @api.model
    def _get_facility_flags(self):
        """The flags that make a contact one of the facility's own people."""
        return ["is_member", "is_grower"]

    @api.model
    def _get_facility_company(self, vals):
        """A contact of a household or farm belongs to the facility of its parent."""
        parent = self.browse(vals.get("parent_id"))
        return parent.company_id if parent else super()._get_facility_company(vals)

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

    def action_issue_member_card(self):
        """Give each member without a card its number; an existing number never changes."""
        self._issue_member_card()
        return True

    def _issue_member_card(self):
        """The card number in the barcode the till reads, for the members that have none."""
        if not (self.env.su or self.env.user.has_group("conserverie_base.group_staff")):
            raise AccessError(self.env._("Only centre staff and coordinators issue member cards."))
        not_members = self.filtered(lambda partner: not partner.is_member)
        if not_members:
            raise UserError(
                self.env._(
                    "Only members get a member card, not %(names)s.",
                    names=", ".join(not_members.mapped("display_name")),
                )
            )
        for partner in self.filtered(lambda partner: not partner.barcode):
            partner.barcode = self._get_new_member_card_number()

    @api.model
    def _get_new_member_card_number(self):
        """The next number of the card sequence that no partner holds yet."""
        # sudo: a number held by a partner the user cannot see is still taken
        Partner = self.sudo().with_context(active_test=False)
        for _attempt in range(100):
            digits = self.env["ir.sequence"].next_by_code(MEMBER_CARD_SEQUENCE)
            try:
                number = member_card_number(digits)
            except ValueError as error:
                raise UserError(
                    self.env._(
                        "The member card sequence must give twelve digits (the prefix 042 "
                        "and a serial), not %(digits)s.",
                        digits=digits,
                    )
                ) from error
            if not Partner.search_count([("barcode", "=", number)], limit=1):
                return number
        raise UserError(self.env._("No free member card number: check the member card sequence."))

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
