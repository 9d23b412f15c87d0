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
