from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.reach import households_by_bracket, people_reached, solidarity_share

DONE_ACTIVITY = ("done",)


class ConserverieHousehold(models.Model):
    _name = "conserverie.household"
    _description = "Household"
    _check_company_auto = True
    _order = "name, id"

    name = fields.Char(required=True)
    size = fields.Integer(string="People", default=1, required=True)
    solidarity_bracket_id = fields.Many2one(
        "conserverie.solidarity.bracket", string="Solidarity bracket", check_company=True
    )
    member_ids = fields.One2many("res.partner", "household_id", string="Members")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("size_positive", "CHECK(size > 0)", "A household has at least one person."),
    ]

    @api.constrains("size", "member_ids")
    def _check_size(self):
        for household in self:
            if len(household.member_ids) > household.size:
                raise ValidationError(
                    self.env._(
                        "Household %(name)s counts %(size)s people but lists %(members)s members.",
                        name=household.name,
                        size=household.size,
                        members=len(household.member_ids),
                    )
                )

    @api.model
    def _get_reach(self, date_from, date_to, company, centre=None):
        """Households reached by bracket, the jars' share to solidarity brackets, people reached.

        Reached: attended a done activity or received jars between the two
        dates (of ``centre``'s activities and deliveries when given). Only
        counts leave this method; a member with no household is a household
        of one; an organisation receiving jars (a centre, a purchasing group,
        a company) is no household, its jars count without a bracket.
        ``people_reached`` is the people identified plus the anonymous visitors.
        """
        start = fields.Datetime.to_datetime(date_from)
        end = fields.Datetime.add(fields.Datetime.to_datetime(date_to), days=1)
        centre_domain = [("activity_id.centre_id", "=", centre.id)] if centre else []
        attendance = self.env["conserverie.activity.attendance"].search(
            [
                ("attended", "=", True),
                ("role", "!=", "staff"),
                ("activity_id.state", "in", DONE_ACTIVITY),
                ("company_id", "=", company.id),
                ("date", ">=", start),
                ("date", "<", end),
                *centre_domain,
            ]
        )
        jars = self._get_jars_by_partner(start, end, company, centre)
        partners = attendance.partner_id | self.env["res.partner"].browse(
            [partner_id for partner_id in jars if partner_id]
        )
        # sudo: brackets are readable by coordinators only; only counts are returned
        partners = partners.sudo().filtered(lambda partner: partner._is_reach_household())
        brackets = {partner.id: partner._get_reach_bracket() for partner in partners}
        solidarity = {
            bracket.display_name
            for bracket in partners.household_id.solidarity_bracket_id
            | partners.solidarity_bracket_id
            if bracket.is_solidarity
        }
        households = [
            (partner._get_reach_household_key(), brackets[partner.id]) for partner in partners
        ]
        jars_by_bracket = {}
        for partner_id, quantity in jars.items():
            bracket = brackets.get(partner_id)
            jars_by_bracket[bracket] = jars_by_bracket.get(bracket, 0.0) + quantity
        anonymous = sum(
            self.env["conserverie.activity"]
            .search(
                [
                    ("state", "in", DONE_ACTIVITY),
                    ("company_id", "=", company.id),
                    ("date_start", ">=", start),
                    ("date_start", "<", end),
                    *([("centre_id", "=", centre.id)] if centre else []),
                ]
            )
            .mapped("visitor_count")
        )
        by_bracket = households_by_bracket(households)
        return {
            "households": sum(by_bracket.values()),
            "households_by_bracket": by_bracket,
            "jars_by_bracket": jars_by_bracket,
            "solidarity_jar_share": solidarity_share(jars_by_bracket, solidarity),
            "anonymous_visitors": anonymous,
            "people_reached": people_reached(len(partners), anonymous),
        }

    @api.model
    def _get_jars_by_partner(self, start, end, company, centre=None):
        """Jars delivered from released stock to customers, by partner (False: anonymous).

        With ``centre``, the deliveries impact counts for it (``impact_centre_id``).
        """
        warehouse = company._get_conserverie_warehouse()
        groups = self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("company_id", "=", company.id),
                ("location_id", "child_of", warehouse.released_location_id.id),
                ("location_dest_id.usage", "=", "customer"),
                ("date", ">=", start),
                ("date", "<", end),
                *([("picking_id.impact_centre_id", "=", centre.id)] if centre else []),
            ],
            ["picking_id"],
            ["product_qty:sum"],
        )
        jars = {}
        for picking, quantity in groups:
            partner = picking.partner_id.commercial_partner_id
            key = partner.id if partner else False
            jars[key] = jars.get(key, 0.0) + quantity
        return jars
