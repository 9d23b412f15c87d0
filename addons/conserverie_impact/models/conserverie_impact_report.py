from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.conserverie_timebank.models.conserverie_time_move import SALE_MOVE_TYPES

from ..tools import flower, pdf_report, xlsx_report
from .pos_config import POS_SESSION_CENTRE_PATH

POS_DONE_STATES = ("paid", "done", "invoiced")


class ConserverieImpactReport(models.TransientModel):
    """Impact figures for a period and, optionally, one social centre.

    Every figure is one SQL aggregation (``_read_group`` on the domain of the
    records behind it, or one SQL query), so the number of queries does not
    grow with the data; ``action_open_indicator`` opens the same domain.
    """

    _name = "conserverie.impact.report"
    _description = "Impact report"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(string="To", required=True, default=lambda self: self._default_date_to())
    centre_id = fields.Many2one(
        "res.partner",
        domain=[("is_social_centre", "=", True)],
        help="Leave empty for the whole facility.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    compare_date_from = fields.Date(string="Compare from")
    compare_date_to = fields.Date(string="Compare to")
    grant_id = fields.Many2one("conserverie.impact.grant")
    line_ids = fields.One2many("conserverie.impact.report.line", "report_id", string="Figures")

    @api.model
    def _default_date_from(self):
        return fields.Date.context_today(self).replace(month=1, day=1)

    @api.model
    def _default_date_to(self):
        return fields.Date.context_today(self).replace(month=12, day=31)

    @api.constrains("date_from", "date_to", "compare_date_from", "compare_date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))
            if bool(report.compare_date_from) != bool(report.compare_date_to):
                raise ValidationError(self.env._("Give both dates of the period to compare with."))
            if report.compare_date_from and report.compare_date_to < report.compare_date_from:
                raise ValidationError(
                    self.env._("The period to compare with ends before it starts.")
                )

    # ------------------------------------------------------------------
    # Domains of the records behind each figure
    # ------------------------------------------------------------------

    def _datetime_bounds(self):
        self.ensure_one()
        return (
            datetime.combine(self.date_from, time.min),
            datetime.combine(self.date_to + timedelta(days=1), time.min),
        )

    def _datetime_domain(self, field_name):
        start, end = self._datetime_bounds()
        return [(field_name, ">=", start), (field_name, "<", end)]

    def _get_intake_line_domain(self):
        domain = [
            ("state", "=", "done"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.centre_id:
            domain.append(("intake_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_recovered_line_domain(self):
        """Produce saved from waste: toll processing stays the grower's own."""
        return [*self._get_intake_line_domain(), ("source", "!=", "toll_processing")]

    def _get_production_move_domain(self, finished):
        production_field = "production_id" if finished else "raw_material_production_id"
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            (f"{production_field}.bom_id.preserving_process", "!=", False),
            *self._datetime_domain("date"),
        ]
        if not finished:
            domain.append(("product_id.is_recovered_produce", "=", True))
        if self.centre_id:
            domain.append((f"{production_field}.activity_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_jar_consumption_domain(self):
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("raw_material_production_id.bom_id.preserving_process", "!=", False),
            ("product_id.is_jar", "=", True),
            *self._datetime_domain("date"),
        ]
        if self.centre_id:
            domain.append(
                ("raw_material_production_id.activity_id.centre_id", "=", self.centre_id.id)
            )
        return domain

    def _get_pos_centre_domain(self, prefix):
        return [(f"{prefix}session_id.{POS_SESSION_CENTRE_PATH}", "=", self.centre_id.id)]

    def _get_distribution_domain(self, channel_code=None):
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("location_dest_id.usage", "=", "customer"),
            ("impact_channel_id", "!=", False),
            ("product_id.is_deposit", "=", False),
            *self._datetime_domain("date"),
        ]
        if channel_code:
            domain.append(("impact_channel_id.code", "=", channel_code))
        if self.centre_id:
            domain.append(("picking_id.impact_centre_id", "=", self.centre_id.id))
        return domain

    def _get_pos_order_domain(self):
        domain = [
            ("state", "in", POS_DONE_STATES),
            ("company_id", "=", self.company_id.id),
            *self._datetime_domain("date_order"),
        ]
        if self.centre_id:
            domain += self._get_pos_centre_domain("")
        return domain

    def _get_attendance_domain(self):
        domain = [
            ("attended", "=", True),
            ("role", "!=", "staff"),
            ("activity_id.state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            *self._datetime_domain("date"),
        ]
        if self.centre_id:
            domain.append(("activity_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_returning_attendance_domain(self):
        """Attendance of people who had already taken part before the period."""
        start, _end = self._datetime_bounds()
        earlier = [
            ("attended", "=", True),
            ("role", "!=", "staff"),
            ("activity_id.state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("date", "<", start),
        ]
        return [
            *self._get_attendance_domain(),
            ("partner_id.activity_attendance_ids", "any", earlier),
        ]

    def _get_activity_domain(self):
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            *self._datetime_domain("date_start"),
        ]
        if self.centre_id:
            domain.append(("centre_id", "=", self.centre_id.id))
        return domain

    def _get_deposit_move_domain(self):
        """The moves behind the jar figures of ``get_jar_figures`` (conserverie_deposit)."""
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("jar_product_id", "!=", False),
            ("move_type", "in", ("sale", "return")),
        ]
        if self.centre_id:
            DepositMove = self.env["conserverie.deposit.move"]
            domain = expression.AND([domain, DepositMove._get_centre_domain(self.centre_id)])
        return domain

    def _get_jar_washing_domain(self):
        warehouse = self.company_id._get_conserverie_warehouse()
        return [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("location_id", "=", warehouse.empty_jars_location_id.id),
            ("location_dest_id", "=", warehouse.clean_jars_location_id.id),
            *self._datetime_domain("date"),
        ]

    def _get_time_move_domain(self, redeemed=None):
        """The members' moves behind ``get_hours_totals`` (conserverie_timebank): all of
        them, or only those of hours redeemed (``redeemed=True``) or issued (``False``)."""
        domain = [
            ("company_id", "=", self.company_id.id),
            ("account_id.is_facility", "=", False),
            *self._datetime_domain("date"),
        ]
        if redeemed is not None:
            domain.append(("move_type", "in" if redeemed else "not in", SALE_MOVE_TYPES))
        if self.centre_id:
            TimeMove = self.env["conserverie.time.move"]
            domain = expression.AND([domain, TimeMove._get_centre_domain(self.centre_id)])
        return domain

    def _get_indicator_sources(self):
        """{code: (model, domain)}: the records behind each figure, to open them."""
        self.ensure_one()
        intake = ("conserverie.intake.line", self._get_intake_line_domain())
        attendance = ("conserverie.activity.attendance", self._get_attendance_domain())
        deposit = ("conserverie.deposit.move", self._get_deposit_move_domain())
        hours = ("conserverie.time.move", self._get_time_move_domain())
        recovered = ("conserverie.intake.line", self._get_recovered_line_domain())
        day_sales = (
            "pos.order.line",
            [
                ("order_id", "any", self._get_pos_order_domain()),
                ("product_id.is_deposit", "=", False),
                ("product_id.is_storable", "=", True),
            ],
        )
        return {
            "kg_recovered": intake,
            "kg_organic": ("conserverie.intake.line", [*intake[1], ("is_organic", "=", True)]),
            "organic_share": intake,
            "growers": intake,
            "produce_value": intake,
            "kg_processed": ("stock.move", self._get_production_move_domain(finished=False)),
            "jars_produced": ("stock.move", self._get_production_move_domain(finished=True)),
            "jars_distributed": ("stock.move", self._get_distribution_domain()),
            "jars_sold": ("stock.move", self._get_distribution_domain("day_sale")),
            "jars_given": ("stock.move", self._get_distribution_domain("volunteer_share")),
            "jars_purchasing_groups": (
                "stock.move",
                self._get_distribution_domain("purchasing_group"),
            ),
            "jars_sold_hours": (
                "pos.order.line",
                [
                    *day_sales[1],
                    ("order_id.payment_ids.payment_method_id.is_time_currency", "=", True),
                ],
            ),
            "sales_euros": day_sales,
            "sales_hours_value": day_sales,
            "volunteer_hours": attendance,
            "participants": attendance,
            "participants_new": attendance,
            "participants_returning": (
                "conserverie.activity.attendance",
                self._get_returning_attendance_domain(),
            ),
            "households": attendance,
            "activities": ("conserverie.activity", self._get_activity_domain()),
            "rural_activities": (
                "conserverie.activity",
                [*self._get_activity_domain(), ("is_rural", "=", True)],
            ),
            "urban_activities": (
                "conserverie.activity",
                [*self._get_activity_domain(), ("is_rural", "=", False)],
            ),
            "rural_share": ("conserverie.activity", self._get_activity_domain()),
            "jars_deposited": deposit,
            "jars_returned": deposit,
            "jar_return_rate": deposit,
            "jars_washed": ("stock.move", self._get_jar_washing_domain()),
            "jar_reuse_rate": ("stock.move", self._get_jar_consumption_domain()),
            "hours_issued": ("conserverie.time.move", self._get_time_move_domain(redeemed=False)),
            "hours_redeemed": ("conserverie.time.move", self._get_time_move_domain(redeemed=True)),
            "hours_net": hours,
            "waste_avoided_kg": recovered,
            "co2_avoided_kg": recovered,
        }

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    def compute_indicators(self):
        """All the figures of the period, as a dict (see the indicator catalogue).

        Scalars under each indicator code; breakdowns (dicts keyed by a
        label, or lists of rows) under ``*_by_*`` keys.
        """
        self.ensure_one()
        result = {}
        self._compute_intake_indicators(result)
        self._compute_production_indicators(result)
        self._compute_distribution_indicators(result)
        self._compute_people_indicators(result)
        self._compute_activity_indicators(result)
        self._compute_jar_indicators(result)
        self._compute_time_indicators(result)
        self._compute_environment_indicators(result)
        return result

    def _selection_labels(self, model, field_name):
        field = self.env[model]._fields[field_name]
        return dict(field._description_selection(self.env))

    def _compute_intake_indicators(self, result):
        IntakeLine = self.env["conserverie.intake.line"]
        domain = self._get_intake_line_domain()
        rows = IntakeLine._read_group(domain, ["source", "grade", "is_organic"], ["quantity:sum"])
        sources = self._selection_labels("conserverie.intake.line", "source")
        grades = self._selection_labels("conserverie.intake.line", "grade")
        by_source = dict.fromkeys(sources, 0.0)
        by_grade = dict.fromkeys(grades, 0.0)
        organic = total = 0.0
        for source, grade, is_organic, kg in rows:
            by_source[source] += kg
            by_grade[grade] += kg
            total += kg
            organic += kg if is_organic else 0.0
        by_grower = IntakeLine._read_group(
            domain,
            ["partner_id"],
            ["quantity:sum", "intake_id:count_distinct"],
            order="quantity:sum desc",
        )
        # total_value is stored on the intake: sum it over the period's intakes
        intake_domain = [("line_ids", "any", domain)]
        [(value,)] = self.env["conserverie.intake"]._read_group(
            intake_domain, [], ["total_value:sum"]
        )
        result.update(
            kg_recovered=total,
            kg_organic=organic,
            organic_share=organic / total if total else 0.0,
            kg_recovered_by_source=by_source,
            kg_recovered_by_grade=by_grade,
            kg_recovered_by_grower=[
                (grower.display_name, kg, count) for grower, kg, count in by_grower
            ],
            growers=len(by_grower),
            produce_value=value or 0.0,
        )

    def _compute_production_indicators(self, result):
        Move = self.env["stock.move"]
        [(kg,)] = Move._read_group(
            self._get_production_move_domain(finished=False), [], ["quantity:sum"]
        )
        by_product = Move._read_group(
            self._get_production_move_domain(finished=True),
            ["product_id"],
            ["quantity:sum", "production_id:count_distinct"],
            order="quantity:sum desc",
        )
        result.update(
            kg_processed=kg or 0.0,
            jars_produced=sum(jars for _product, jars, _count in by_product),
            jars_produced_by_recipe=[
                (product.display_name, jars, count) for product, jars, count in by_product
            ],
        )

    def _compute_distribution_indicators(self, result):
        by_channel = self.env["stock.move"]._read_group(
            self._get_distribution_domain(), ["impact_channel_id"], ["quantity:sum"]
        )
        jars = {channel.code: 0.0 for channel, _qty in by_channel}
        for channel, quantity in by_channel:
            jars[channel.code] += quantity
        sold_hours, sales_euros, sales_hours = self._get_day_sale_figures()
        result.update(
            jars_distributed=sum(jars.values()),
            jars_sold=jars.get("day_sale", 0.0),
            jars_given=jars.get("volunteer_share", 0.0),
            jars_purchasing_groups=jars.get("purchasing_group", 0.0),
            jars_by_channel={channel.display_name: quantity for channel, quantity in by_channel},
            jars_sold_hours=sold_hours,
            jars_sold_euros=max(jars.get("day_sale", 0.0) - sold_hours, 0.0),
            sales_euros=sales_euros,
            sales_hours_value=sales_hours,
        )

    def _get_day_sale_figures(self):
        """(jars paid in hours, sales in euros, euro value paid in hours) at the stalls.

        An order paid partly in hours counts each line in proportion of the hours
        in its payments to what hours can pay: deposits are paid in euros, so they
        are left out of both.
        """
        Order = self.env["pos.order"]
        orders = Order._search(self._get_pos_order_domain())
        query = SQL(
            """
            WITH orders AS %(orders)s,
            goods AS (
                SELECT line.order_id, line.qty, line.price_subtotal_incl,
                       template.is_storable
                  FROM pos_order_line line
                  JOIN orders ON orders.id = line.order_id
                  JOIN product_product product ON product.id = line.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
                 WHERE NOT COALESCE(template.is_deposit, FALSE)
            ),
            hours AS (
                SELECT payment.pos_order_id AS order_id, SUM(payment.amount) AS amount
                  FROM pos_payment payment
                  JOIN orders ON orders.id = payment.pos_order_id
                  JOIN pos_payment_method method ON method.id = payment.payment_method_id
                 WHERE method.is_time_currency
              GROUP BY payment.pos_order_id
            ),
            shares AS (
                SELECT goods.order_id,
                       LEAST(GREATEST(MAX(hours.amount)
                                      / NULLIF(SUM(goods.price_subtotal_incl), 0), 0), 1)
                           AS hours_share
                  FROM goods
                  JOIN hours ON hours.order_id = goods.order_id
              GROUP BY goods.order_id
            )
            SELECT COALESCE(SUM(goods.qty * COALESCE(shares.hours_share, 0)), 0),
                   COALESCE(SUM(goods.price_subtotal_incl
                                * (1 - COALESCE(shares.hours_share, 0))), 0),
                   COALESCE(SUM(goods.price_subtotal_incl * COALESCE(shares.hours_share, 0)), 0)
              FROM goods
         LEFT JOIN shares ON shares.order_id = goods.order_id
             WHERE goods.is_storable
            """,
            orders=orders.subselect(),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        return self.env.cr.fetchone()

    def _compute_people_indicators(self, result):
        Attendance = self.env["conserverie.activity.attendance"]
        domain = self._get_attendance_domain()
        by_role = Attendance._read_group(
            domain, ["role"], ["hours:sum", "partner_id:count_distinct"]
        )
        [(participants, hours)] = Attendance._read_group(
            domain, [], ["partner_id:count_distinct", "hours:sum"]
        )
        [(returning,)] = Attendance._read_group(
            self._get_returning_attendance_domain(), [], ["partner_id:count_distinct"]
        )
        roles = self._selection_labels("conserverie.activity.attendance", "role")
        households = self._get_households_by_bracket(domain)
        result.update(
            volunteer_hours=hours or 0.0,
            participants=participants,
            participants_returning=returning,
            participants_new=participants - returning,
            hours_by_role={roles[role]: (people, hours) for role, hours, people in by_role},
            households=sum(households.values()),
            households_by_bracket=households,
        )

    def _get_households_by_bracket(self, attendance_domain):
        """People reached (activities and stall customers), counted per solidarity bracket.

        Only counts leave this method: who is in which bracket stays
        readable by coordinators alone.
        """
        partner_domain = [
            "|",
            ("activity_attendance_ids", "any", attendance_domain),
            ("pos_order_ids", "any", self._get_pos_order_domain()),
        ]
        # sudo: the bracket field is coordinator-only; only counts per bracket are returned
        groups = (
            self.env["res.partner"]
            .sudo()
            ._read_group(partner_domain, ["solidarity_bracket_id"], ["__count"])
        )
        no_bracket = self.env._("No bracket")
        return {(bracket.name if bracket else no_bracket): count for bracket, count in groups}

    def _compute_activity_indicators(self, result):
        Activity = self.env["conserverie.activity"]
        domain = self._get_activity_domain()
        rows = Activity._read_group(domain, ["activity_type", "is_rural"], ["__count"])
        by_site = Activity._read_group(domain, ["site_id"], ["__count"], order="__count desc")
        types = self._selection_labels("conserverie.activity", "activity_type")
        by_type = dict.fromkeys(types.values(), 0)
        rural = total = 0
        for activity_type, is_rural, count in rows:
            by_type[types[activity_type]] += count
            total += count
            rural += count if is_rural else 0
        result.update(
            activities=total,
            rural_activities=rural,
            urban_activities=total - rural,
            rural_share=rural / total if total else 0.0,
            activities_by_type=by_type,
            activities_by_site=[
                (site.display_name if site else self.env._("No site"), site.is_rural, count)
                for site, count in by_site
            ],
        )

    def _compute_jar_indicators(self, result):
        # jars out and returned: the deposit ledger's own figures
        figures = self.env["conserverie.deposit.move"].get_jar_figures(
            self.date_from, self.date_to, company=self.company_id, centre=self.centre_id
        )
        by_format = {}
        for jar, jars in figures.items():
            out, back = by_format.get(jar.display_name, (0.0, 0.0))
            by_format[jar.display_name] = (out + jars["out"], back + jars["returned"])
        deposited = sum(out for out, _back in by_format.values())
        returned = sum(back for _out, back in by_format.values())
        Move = self.env["stock.move"]
        [(washed,)] = Move._read_group(self._get_jar_washing_domain(), [], ["quantity:sum"])
        [(consumed,)] = Move._read_group(self._get_jar_consumption_domain(), [], ["quantity:sum"])
        washed = washed or 0.0
        result.update(
            jars_deposited=deposited,
            jars_returned=returned,
            jar_return_rate=returned / deposited if deposited else 0.0,
            jars_by_format=by_format,
            jars_washed=washed,
            jars_consumed=consumed or 0.0,
            jar_reuse_rate=min(washed / consumed, 1.0) if consumed else 0.0,
        )

    def _compute_time_indicators(self, result):
        # hours issued and redeemed: the hours ledger's own figures
        totals = self.env["conserverie.time.move"].get_hours_totals(
            self.date_from, self.date_to, company=self.company_id, centre=self.centre_id
        )
        issued, redeemed = totals["hours_issued"], totals["hours_redeemed"]
        types = self._selection_labels("conserverie.time.move", "move_type")
        result.update(
            hours_issued=issued,
            hours_redeemed=redeemed,
            hours_net=issued - redeemed,
            hours_by_type={
                types[move_type]: amount for move_type, amount in totals["hours_by_type"].items()
            },
        )

    def _compute_environment_indicators(self, result):
        [(kg,)] = self.env["conserverie.intake.line"]._read_group(
            self._get_recovered_line_domain(), [], ["quantity:sum"]
        )
        kg = kg or 0.0
        company = self.company_id
        result.update(
            waste_avoided_kg=kg,
            co2_avoided_kg=kg * company.impact_co2_per_kg
            + result.get("jars_washed", 0.0) * company.impact_co2_per_reused_jar,
        )

    # ------------------------------------------------------------------
    # Screen
    # ------------------------------------------------------------------

    def _get_indicators(self):
        """The catalogue's indicators shown in this report (a grant's own list)."""
        if self.grant_id.indicator_ids:
            return self.grant_id.indicator_ids.sorted()
        return self.env["conserverie.impact.indicator"].search([])

    def action_compute(self):
        self.ensure_one()
        values = self.compute_indicators()
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "indicator_id": indicator.id,
                    "value": values.get(indicator.code, 0.0)
                    * (100 if indicator.kind == "percent" else 1),
                }
            )
            for indicator in self._get_indicators()
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_indicator(self, code):
        """The records behind the figure ``code``."""
        self.ensure_one()
        sources = self._get_indicator_sources()
        if code not in sources:
            raise UserError(self.env._("Unknown indicator %(code)s.", code=code))
        model, domain = sources[code]
        indicator = self.env["conserverie.impact.indicator"].search([("code", "=", code)], limit=1)
        return {
            "type": "ir.actions.act_window",
            "name": indicator.name or code,
            "res_model": model,
            "domain": domain,
            "views": [(False, "list"), (False, "form")],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------

    def _get_period_label(self, date_from=None, date_to=None):
        label = self.env._(
            "From %(date_from)s to %(date_to)s",
            date_from=(date_from or self.date_from).strftime("%d/%m/%Y"),
            date_to=(date_to or self.date_to).strftime("%d/%m/%Y"),
        )
        if self.centre_id:
            label = f"{label} · {self.centre_id.name}"
        return label

    def _get_title(self):
        if self.grant_id:
            return self.env._(
                "Report for %(funder)s: %(grant)s",
                funder=self.grant_id.funder_id.name,
                grant=self.grant_id.name,
            )
        return self.env._("Activity report of %(company)s", company=self.company_id.name)

    def _get_document_data(self, values=None):
        """Titles, summary and tables shared by the XLSX and PDF reports."""
        self.ensure_one()
        values = values if values is not None else self.compute_indicators()
        _ = self.env._
        summary = [
            (indicator.name, values.get(indicator.code, 0.0), indicator.unit, indicator.kind)
            for indicator in self._get_indicators()
        ]
        sheets = [
            {
                "name": _("Intake by grower"),
                "columns": [(_("Grower"), "text"), (_("Kilos"), "kg"), (_("Intakes"), "int")],
                "rows": [[name, kg, count] for name, kg, count in values["kg_recovered_by_grower"]],
                "total_label": _("Total"),
            },
            {
                "name": _("Production"),
                "columns": [
                    (_("Preserve"), "text"),
                    (_("Jars"), "int"),
                    (_("Production orders"), "int"),
                ],
                "rows": [
                    [name, jars, count] for name, jars, count in values["jars_produced_by_recipe"]
                ],
                "total_label": _("Total"),
            },
            {
                "name": _("Distribution"),
                "columns": [(_("Channel"), "text"), (_("Jars"), "int")],
                "rows": [[name, jars] for name, jars in values["jars_by_channel"].items()],
                "total_label": _("Total"),
            },
            {
                "name": _("Volunteering"),
                "columns": [(_("Role"), "text"), (_("People"), "int"), (_("Hours"), "hours")],
                "rows": [
                    [role, people, hours]
                    for role, (people, hours) in values["hours_by_role"].items()
                ],
                "total_label": _("Total"),
            },
            {
                "name": _("Jars"),
                "columns": [
                    (_("Jar format"), "text"),
                    (_("Out with a deposit"), "int"),
                    (_("Returned"), "int"),
                    (_("Return rate"), "percent"),
                ],
                "rows": [
                    [name, out, back, back / out if out else 0.0]
                    for name, (out, back) in values["jars_by_format"].items()
                ],
                "total_label": _("Total"),
            },
            {
                "name": _("Time bank"),
                "columns": [(_("Move type"), "text"), (_("Hours"), "hours")],
                "rows": [[name, hours] for name, hours in values["hours_by_type"].items()],
            },
        ]
        subtitle = self._get_period_label()
        for sheet in sheets:
            sheet["subtitle"] = subtitle
        return {
            "title": self._get_title(),
            "subtitle": subtitle,
            "author": self.company_id.name,
            "footer": f"{self.company_id.name} · {subtitle}",
            "summary_title": _("Summary"),
            "summary_columns": (_("Indicator"), _("Value"), _("Unit")),
            "summary": summary,
            "sheets": sheets,
            "empty_label": _("Nothing recorded over the period."),
        }

    def _attach(self, name, raw, mimetype):
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": raw,
                "mimetype": mimetype,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _get_file_name(self, extension):
        base = self.env._("impact") + f"_{self.date_from}_{self.date_to}"
        if self.centre_id:
            base += f"_{self.centre_id.name}"
        return f"{base}.{extension}".replace(" ", "_").replace("/", "-")

    def _render_xlsx(self):
        self.ensure_one()
        return xlsx_report.build_workbook(self._get_document_data())

    def action_export_xlsx(self):
        """The annual activity report as a workbook a funder can read."""
        self.ensure_one()
        return self._attach(
            self._get_file_name("xlsx"),
            self._render_xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    def _get_flower_scores(self, date_from=None, date_to=None):
        """[(petal, indicator score, survey score, score)] for a period.

        The survey part uses the answers of the assessments held over the period.
        """
        self.ensure_one()
        report = self
        if date_from:
            report = self.create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "centre_id": self.centre_id.id,
                    "company_id": self.company_id.id,
                }
            )
        answer_domain = [
            ("company_id", "=", self.company_id.id),
            ("campaign_id.date_from", "<=", report.date_to),
            ("campaign_id.date_to", ">=", report.date_from),
        ]
        if self.centre_id:
            answer_domain.append(("campaign_id.centre_id", "=", self.centre_id.id))
        petals = self.env["conserverie.impact.petal"].search(
            [("company_id", "in", [False, self.company_id.id])]
        )
        return petals._compute_flower_scores(report.compute_indicators(), answer_domain)

    def _get_flower_drawing(self, size=400):
        scores = self._get_flower_scores()
        compare = legend = None
        if self.compare_date_from:
            previous = {
                petal: score
                for petal, _i, _s, score in self._get_flower_scores(
                    self.compare_date_from, self.compare_date_to
                )
            }
            compare = [previous.get(petal, 0.0) for petal, _i, _s, _score in scores]
            legend = (
                self._get_period_label(),
                self._get_period_label(self.compare_date_from, self.compare_date_to),
            )
        return flower.flower_drawing(
            [petal.name for petal, _i, _s, _score in scores],
            [score for _petal, _i, _s, score in scores],
            compare_scores=compare,
            size=size,
            legend=legend,
            colors_hex=[petal.color for petal, _i, _s, _score in scores] or None,
        )

    def _render_pdf(self):
        self.ensure_one()
        return pdf_report.build_activity_report(
            self._get_document_data(),
            flower=self._get_flower_drawing(),
            flower_caption=self.env._("Social impact flower"),
        )

    def action_print_flower(self):
        """The activity report in PDF, with the social impact flower."""
        self.ensure_one()
        return self._attach(self._get_file_name("pdf"), self._render_pdf(), "application/pdf")

    def action_flower_png(self):
        self.ensure_one()
        png = flower.drawing_to_png(self._get_flower_drawing())
        return self._attach(self._get_file_name("png"), png, "image/png")

    # ------------------------------------------------------------------
    # Grower statements
    # ------------------------------------------------------------------

    def _get_grower_statement_data(self, growers):
        """What each grower's produce of the period became.

        Jars are followed from the grower's intake lots to the productions
        that consumed them; a production's jars count for each grower in
        proportion of the kilos of recovered produce they brought to it, and so
        do the jars of its finished lots that reached a channel.
        Returns {grower id: {"jars": {product id: jars}, "channels": {channel id: jars}}}.
        """
        self.ensure_one()
        self.env.flush_all()
        params = {
            "growers": tuple(growers.ids) or (0,),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "company": self.company_id.id,
        }
        query = SQL(
            """
            WITH grower_raw AS (
                SELECT intake.partner_id AS grower_id,
                       move.raw_material_production_id AS production_id,
                       SUM(move_line.quantity) AS kg
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                  JOIN stock_lot lot ON lot.id = move_line.lot_id
                  JOIN conserverie_intake_line intake ON intake.id = lot.conserverie_intake_line_id
                 WHERE move.state = 'done'
                   AND move.raw_material_production_id IS NOT NULL
                   AND intake.partner_id IN %(growers)s
                   AND intake.state = 'done'
                   AND intake.date BETWEEN %(date_from)s AND %(date_to)s
                   AND intake.company_id = %(company)s
              GROUP BY 1, 2
            ), production_raw AS (
                SELECT move.raw_material_production_id AS production_id, SUM(move.quantity) AS kg
                  FROM stock_move move
                  JOIN product_product product ON product.id = move.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
                 WHERE move.state = 'done'
                   AND template.is_recovered_produce
                   AND move.raw_material_production_id IN (SELECT production_id FROM grower_raw)
              GROUP BY 1
            ), shares AS (
                SELECT grower_raw.grower_id, grower_raw.production_id,
                       grower_raw.kg / NULLIF(production_raw.kg, 0) AS share
                  FROM grower_raw
                  JOIN production_raw ON production_raw.production_id = grower_raw.production_id
            ), finished AS (
                SELECT move.production_id, move.product_id, move_line.lot_id,
                       SUM(move_line.quantity) AS jars
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                 WHERE move.state = 'done'
                   AND move.production_id IN (SELECT production_id FROM shares)
              GROUP BY 1, 2, 3
            ), delivered AS (
                SELECT move_line.lot_id, picking.channel_id, SUM(move_line.quantity) AS jars
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                  JOIN stock_location destination ON destination.id = move.location_dest_id
                  JOIN stock_picking picking ON picking.id = move.picking_id
                 WHERE move.state = 'done'
                   AND destination.usage = 'customer'
                   AND picking.channel_id IS NOT NULL
                   AND move_line.lot_id IN (SELECT lot_id FROM finished)
              GROUP BY 1, 2
            )
            SELECT shares.grower_id, 'product', finished.product_id,
                   SUM(finished.jars * shares.share)
              FROM shares JOIN finished ON finished.production_id = shares.production_id
          GROUP BY 1, 2, 3
            UNION ALL
            SELECT shares.grower_id, 'channel', delivered.channel_id,
                   SUM(delivered.jars * shares.share)
              FROM shares
              JOIN finished ON finished.production_id = shares.production_id
              JOIN delivered ON delivered.lot_id = finished.lot_id
          GROUP BY 1, 2, 3
            """,
            **params,
        )
        self.env.cr.execute(query)
        result = {grower.id: {"jars": {}, "channels": {}} for grower in growers}
        for grower_id, kind, res_id, jars in self.env.cr.fetchall():
            result[grower_id]["jars" if kind == "product" else "channels"][res_id] = jars or 0.0
        return result

    def _get_grower_statements(self, growers=None):
        """The statements' content, one dict per grower with produce in the period."""
        self.ensure_one()
        IntakeLine = self.env["conserverie.intake.line"]
        domain = self._get_intake_line_domain()
        if growers:
            domain.append(("partner_id", "in", growers.ids))
        rows = IntakeLine._read_group(
            domain, ["partner_id", "date:day", "product_id", "grade"], ["quantity:sum"]
        )
        growers = self.env["res.partner"].browse(dict.fromkeys(row[0].id for row in rows))
        traced = self._get_grower_statement_data(growers)
        grades = self._selection_labels("conserverie.intake.line", "grade")
        Product = self.env["product.product"]
        Channel = self.env["conserverie.channel"]
        statements = []
        for grower in growers:
            intake_rows = [
                (day, product.display_name, grades[grade], kg)
                for partner, day, product, grade, kg in rows
                if partner == grower
            ]
            jars = traced[grower.id]["jars"]
            channels = traced[grower.id]["channels"]
            kg_total = sum(row[3] for row in intake_rows)
            jars_total = sum(jars.values())
            statements.append(
                {
                    "grower": grower,
                    "address": [
                        grower.name,
                        *grower._display_address(without_company=True).split("\n"),
                    ],
                    "period": self._get_period_label(),
                    "intro": self.env._(
                        "Over the period, you gave %(kg)s kg of produce; it became about "
                        "%(jars)s jars of preserves. Thank you!",
                        kg=pdf_report.format_value(kg_total, "kg"),
                        jars=pdf_report.format_value(jars_total, "float"),
                    ),
                    "kg_total": kg_total,
                    "intake_rows": intake_rows,
                    "jars_total": jars_total,
                    "product_rows": [
                        (Product.browse(product_id).display_name, quantity)
                        for product_id, quantity in sorted(jars.items(), key=lambda item: -item[1])
                    ],
                    "channel_rows": [
                        (Channel.browse(channel_id).display_name, quantity)
                        for channel_id, quantity in sorted(
                            channels.items(), key=lambda item: -item[1]
                        )
                    ],
                }
            )
        return statements

    def _render_grower_statements(self, growers=None):
        statements = self._get_grower_statements(growers)
        if not statements:
            raise UserError(self.env._("No grower gave produce over this period."))
        _ = self.env._
        labels = {
            "title": _("What your produce became"),
            "company": self.company_id.name,
            "intakes": _("Produce you gave"),
            "intake_columns": (_("Date"), _("Produce"), _("Grade"), _("Kilos")),
            "jars": _("Jars made from it"),
            "jar_columns": (_("Preserve"), _("Jars")),
            "channels": _("Where the jars went"),
            "channel_columns": (_("Channel"), _("Jars")),
            "no_jars": _("Not yet preserved over the period."),
            "no_channels": _("No jar distributed yet."),
            "total": _("Total"),
            "thanks": _(
                "Jars are counted in proportion of your share of the produce in each "
                "workshop. Thank you for fighting food waste with us."
            ),
            "footer": self.company_id.name,
        }
        return pdf_report.build_grower_statements(statements, labels)

    def action_print_grower_statements(self):
        self.ensure_one()
        return self._attach(
            self._get_file_name("pdf").replace(".pdf", "_growers.pdf"),
            self._render_grower_statements(),
            "application/pdf",
        )
