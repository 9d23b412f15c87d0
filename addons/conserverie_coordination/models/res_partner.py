from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_gleaning_opt_in = fields.Boolean(
        string="Told of new gleanings", help="Receives an e-mail when a gleaning is planned."
    )
    household_id = fields.Many2one(
        "conserverie.household",
        index="btree_not_null",
        groups="conserverie_base.group_coordinator",
        help="Who the member lives with; its solidarity bracket counts for the reach figures.",
    )
    surplus_offer_ids = fields.One2many("conserverie.surplus.offer", "partner_id")

    def _get_reach_household_key(self):
        """The household a reached person counts in; alone, a household of one."""
        self.ensure_one()
        if self.household_id:
            return ("household", self.household_id.id)
        return ("partner", self.id)

    def _is_reach_household(self):
        """A person, not an organisation receiving jars (a centre, a purchasing group, a firm)."""
        self.ensure_one()
        return not (self.is_company or self.is_social_centre or self.is_purchasing_group)

    def _get_reach_bracket(self):
        """The solidarity bracket's name, the household's first, or None."""
        self.ensure_one()
        bracket = self.household_id.solidarity_bracket_id or self.solidarity_bracket_id
        return bracket.display_name if bracket else None
