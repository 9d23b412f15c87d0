from odoo import fields, models

SITE_TYPES = [
    ("market", "Market"),
    ("village_square", "Village square"),
    ("neighbourhood", "Neighbourhood"),
    ("local_event", "Local event"),
    ("social_centre", "Social centre"),
    ("farm", "Farm"),
]


class ConserverieSite(models.Model):
    _name = "conserverie.site"
    _description = "Activity site"
    _order = "name"

    name = fields.Char(required=True)
    site_type = fields.Selection(SITE_TYPES, string="Type", required=True, default="market")
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    is_rural = fields.Boolean(string="Rural", help="Counts as a rural place in impact reports.")
    partner_id = fields.Many2one(
        "res.partner", string="Host", help="The farm, centre or town hall hosting the site."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    activity_ids = fields.One2many("conserverie.activity", "site_id", string="Activities")
    activity_count = fields.Integer(compute="_compute_activity_count")

    def _compute_activity_count(self):
        counts = dict(
            self.env["conserverie.activity"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        for site in self:
            site.activity_count = counts.get(site, 0)

    def action_view_activities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_base.conserverie_activity_action"
        )
        action["domain"] = [("site_id", "=", self.id)]
        action["context"] = {"default_site_id": self.id}
        return action
