from odoo import models


class ConserverieImpactReport(models.TransientModel):
    """Impact reads reach by household and the facility's economic figures from here.

    Both are defined by this addon (``conserverie.household._get_reach``,
    ``conserverie.facility.dashboard._get_figures``); impact only asks them.
    """

    _inherit = "conserverie.impact.report"

    def _get_reach_figures(self, attendance_domain, jars_distributed):
        """Households (not individuals) by bracket, the jars' solidarity share, people reached.

        These replace impact's own count of individuals, which is therefore not asked.
        """
        reach = self._get_household_reach(jars_distributed)
        no_bracket = self.env._("No bracket")
        return {
            "households": reach["households"],
            "households_by_bracket": {
                bracket or no_bracket: count
                for bracket, count in reach["households_by_bracket"].items()
            },
            "solidarity_jar_share": reach["solidarity_jar_share"],
            "anonymous_visitors": reach["anonymous_visitors"],
            "people_reached": reach["people_reached"],
        }

    def _get_household_reach(self, jars_distributed):
        """``conserverie.household._get_reach`` for this report, with the jars it distributed."""
        jars_by_customer = {}
        for _channel_id, customer_id, quantity in jars_distributed:
            customer_id = customer_id or False
            jars_by_customer[customer_id] = jars_by_customer.get(customer_id, 0.0) + quantity
        # sudo: households and brackets are the coordinators'; only counts leave _get_reach
        return (
            self.env["conserverie.household"]
            .sudo()
            ._get_reach(
                self.date_from, self.date_to, self.company_id, jars_by_customer, self.centre_id
            )
        )

    def compute_indicators(self):
        result = super().compute_indicators()
        self._get_economy_indicators(result)
        return result

    def _get_economy_indicators(self, result):
        """The economic dashboard's figures of the period, for the whole facility.

        Impact reports are the coordinators' and accountants', who read the dashboard too.
        """
        dashboard = self.env["conserverie.facility.dashboard"].new(
            {"company_id": self.company_id.id, "date_from": self.date_from, "date_to": self.date_to}
        )
        figures = dashboard._get_figures(self.date_from, self.date_to)
        result.update(
            independence_ratio=figures["independence_ratio"],
            own_revenue=figures["own_revenue"],
        )

    def _get_solidarity_move_domain(self):
        """Jars distributed to people of a solidarity bracket, theirs or their household's."""
        partner = "picking_id.partner_id.commercial_partner_id"
        return [
            *self._get_distribution_domain(),
            "|",
            (f"{partner}.solidarity_bracket_id.is_solidarity", "=", True),
            (f"{partner}.household_id.solidarity_bracket_id.is_solidarity", "=", True),
        ]

    def _get_indicator_sources(self):
        sources = super()._get_indicator_sources()
        visited = (
            "conserverie.activity",
            [*self._get_activity_domain(), ("visitor_count", ">", 0)],
        )
        plan = self.env.ref("conserverie_coordination.analytic_plan_facility")
        analytic = (
            "account.analytic.line",
            [
                (plan._column_name(), "!=", False),
                ("company_id", "=", self.company_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
        )
        sources.update(
            anonymous_visitors=visited,
            people_reached=sources["participants"],
            solidarity_jar_share=("stock.move", self._get_solidarity_move_domain()),
            independence_ratio=analytic,
            own_revenue=analytic,
        )
        return sources
