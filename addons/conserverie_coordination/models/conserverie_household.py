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
    def _get_reach(self, date_from, date_to, company, jars_by_customer, centre=None):
        """Households reached by bracket, the jars' share to solidarity brackets, people reached.

        Reached: attended a done activity between the two dates (one of
        ``centre``'s when given) or received jars. ``jars_by_customer`` gives
        the jars distributed in the same period by customer (``False``:
        anonymous), as the impact report counts them. Only counts leave this
        method; a member with no household is a household of one; an
        organisation receiving jars (a centre, a purchasing group, a company)
        is no household, its jars count without a bracket. ``people_reached``
        is the people identified plus the anonymous visitors.
        """
        start = fields.Datetime.to_datetime(date_from)
        end = fields.Datetime.add(fields.Datetime.to_datetime(date_to), days=1)
        centre_domain = [("activity_id.centre_id", "=", centre.id)] if centre else []
        attendees = self.env["conserverie.activity.attendance"]._read_group(
            [
                ("attended", "=", True),
                ("role", "!=", "staff"),
                ("activity_id.state", "in", DONE_ACTIVITY),
                ("company_id", "=", company.id),
                ("date", ">=", start),
                ("date", "<", end),
                *centre_domain,
            ],
            ["partner_id"],
        )
        partner_ids = {partner.id for (partner,) in attendees if partner}
        partner_ids.update(partner_id for partner_id in jars_by_customer if partner_id)
        households = self._get_reach_households(partner_ids)
        solidarity = {
            bracket.display_name for _key, bracket in households.values() if bracket.is_solidarity
        }
        brackets = {
            partner_id: (bracket.display_name if bracket else None)
            for partner_id, (_key, bracket) in households.items()
        }
        jars_by_bracket = {}
        for partner_id, quantity in jars_by_customer.items():
            bracket = brackets.get(partner_id)
            jars_by_bracket[bracket] = jars_by_bracket.get(bracket, 0.0) + quantity
        [(anonymous,)] = self.env["conserverie.activity"]._read_group(
            [
                ("state", "in", DONE_ACTIVITY),
                ("company_id", "=", company.id),
                ("date_start", ">=", start),
                ("date_start", "<", end),
                *([("centre_id", "=", centre.id)] if centre else []),
            ],
            [],
            ["visitor_count:sum"],
        )
        by_bracket = households_by_bracket(
            (key, brackets[partner_id]) for partner_id, (key, _bracket) in households.items()
        )
        return {
            "households": sum(by_bracket.values()),
            "households_by_bracket": by_bracket,
            "jars_by_bracket": jars_by_bracket,
            "solidarity_jar_share": solidarity_share(jars_by_bracket, solidarity),
            "anonymous_visitors": anonymous or 0,
            "people_reached": people_reached(len(households), anonymous or 0),
        }

    @api.model
    def _get_reach_households(self, partner_ids):
        """For each person among ``partner_ids``: (household key, solidarity bracket).

        An organisation receiving jars (a centre, a purchasing group, a firm) is
        no household and is left out. A person with no household is a household
        of one; a household's bracket comes before the person's own. Grouped
        reads, so the queries do not grow with the number of people.
        """
        # sudo: brackets are readable by coordinators only; only counts leave _get_reach
        groups = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("id", "in", list(partner_ids)),
                    ("is_company", "=", False),
                    ("is_social_centre", "=", False),
                    ("is_purchasing_group", "=", False),
                ],
                ["household_id", "solidarity_bracket_id"],
                ["id:array_agg"],
            )
        )
        households = {}
        for household, own_bracket, ids in groups:
            bracket = household.solidarity_bracket_id or own_bracket
            for partner_id in ids:
                key = ("household", household.id) if household else ("partner", partner_id)
                households[partner_id] = (key, bracket)
        return households
