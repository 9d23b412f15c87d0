from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date, formatLang

from odoo.addons.conserverie_base.tools.download import XLSX_MIMETYPE, download_action
from odoo.addons.conserverie_base.tools.xlsx import XlsxWorkbook, write_header, write_row
from odoo.addons.conserverie_timebank.tools import format_hours

from ..tools.economics import (
    COST_STREAMS,
    OWN_STREAMS,
    REVENUE_STREAMS,
    economic_figures,
    period_days,
    straight_line_depreciation,
    trend,
)

NO_FIGURE = "\u2014"
COMPARISON_FIELDS = ("independence_ratio_previous", "independence_trend")
MONEY_FIELDS = [f"revenue_{stream}" for stream in REVENUE_STREAMS] + [
    f"cost_{stream}" for stream in COST_STREAMS
]


class ConserverieFacilityDashboard(models.Model):
    _name = "conserverie.facility.dashboard"
    _description = "Economic dashboard of the facility"
    _check_company_auto = True
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.today().replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.today().replace(month=12, day=31),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    lorry_value = fields.Monetary(
        string="Lorry and autoclave value", default=55000.0, help="What was invested in the lorry."
    )
    lorry_in_service = fields.Date(string="In service since")
    lorry_life_years = fields.Integer(string="Depreciated over (years)", default=10)

    revenue_stall_sales = fields.Monetary(string="Stall sales", compute="_compute_figures")
    revenue_purchasing_groups = fields.Monetary(
        string="Purchasing groups", compute="_compute_figures"
    )
    revenue_toll_fees = fields.Monetary(string="Toll-processing fees", compute="_compute_figures")
    revenue_bookings = fields.Monetary(string="Bookings of the lorry", compute="_compute_figures")
    revenue_grants = fields.Monetary(string="Grants", compute="_compute_figures")
    cost_running_costs = fields.Monetary(string="Running costs", compute="_compute_figures")
    cost_lorry = fields.Monetary(string="Lorry costs", compute="_compute_figures")
    cost_jars = fields.Monetary(string="Jars", compute="_compute_figures")
    cost_produce = fields.Monetary(string="Produce bought", compute="_compute_figures")
    depreciation = fields.Monetary(string="Lorry depreciation", compute="_compute_figures")
    own_revenue = fields.Monetary(compute="_compute_figures")
    total_revenue = fields.Monetary(compute="_compute_figures")
    total_costs = fields.Monetary(compute="_compute_figures")
    result = fields.Monetary(compute="_compute_figures")
    volunteer_hours = fields.Float(compute="_compute_figures")
    volunteer_hours_display = fields.Char(
        string="Volunteer hours", compute="_compute_volunteer_hours_display"
    )
    volunteer_value = fields.Monetary(
        string="Volunteering valued",
        compute="_compute_figures",
        help="Volunteer hours at the company's in-kind hour value; not a cost.",
    )
    jars_produced = fields.Float(compute="_compute_figures")
    cost_per_jar = fields.Monetary(string="Cost of a jar", compute="_compute_figures")
    break_even_jars = fields.Float(
        string="Jars a year to break even",
        compute="_compute_figures",
        help="Zero when the jars sold do not cover their own jars and produce.",
    )
    independence_ratio = fields.Float(
        compute="_compute_figures", help="Own revenue over running costs."
    )
    independence_ratio_previous = fields.Float(
        string="Independence ratio, previous period", compute="_compute_figures"
    )
    independence_trend = fields.Float(compute="_compute_figures")
    has_previous_period = fields.Boolean(
        compute="_compute_figures",
        help="The previous period has own revenue or running costs to compare with.",
    )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        """The period as ISO dates, the same in every language: it names the files."""
        for dashboard in self:
            dashboard.name = f"{dashboard.date_from}_{dashboard.date_to}"

    @api.depends("date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = dashboard._format_period()

    def _format_period(self):
        """The period, its dates in the reader's language."""
        self.ensure_one()
        if not (self.date_from and self.date_to):
            return False
        return self.env._(
            "%(date_from)s to %(date_to)s",
            date_from=format_date(self.env, self.date_from),
            date_to=format_date(self.env, self.date_to),
        )

    @api.depends("volunteer_hours")
    def _compute_volunteer_hours_display(self):
        for dashboard in self:
            dashboard.volunteer_hours_display = format_hours(dashboard.volunteer_hours)

    @api.constrains("date_from", "date_to", "lorry_value", "lorry_life_years")
    def _check_period(self):
        for dashboard in self:
            if dashboard.date_to < dashboard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))
            if dashboard.lorry_value < 0 or dashboard.lorry_life_years <= 0:
                raise ValidationError(
                    self.env._("The lorry's value is positive and its life at least a year.")
                )

    @api.depends(
        "date_from", "date_to", "company_id", "lorry_value", "lorry_in_service", "lorry_life_years"
    )
    def _compute_figures(self):
        for dashboard in self:
            figures = dashboard._get_figures(dashboard.date_from, dashboard.date_to)
            days = period_days(dashboard.date_from, dashboard.date_to)
            previous_to = fields.Date.subtract(dashboard.date_from, days=1)
            previous = dashboard._get_figures(
                fields.Date.subtract(previous_to, days=days - 1), previous_to
            )
            for name, value in figures.items():
                dashboard[name] = value or 0.0
            dashboard.has_previous_period = bool(
                previous["own_revenue"] or previous["cost_running_costs"]
            )
            dashboard.independence_ratio_previous = previous["independence_ratio"]
            dashboard.independence_trend = trend(
                figures["independence_ratio"], previous["independence_ratio"]
            )

    def _get_figures(self, date_from, date_to):
        """Every figure of one period, by field name."""
        self.ensure_one()
        revenue, costs = self._get_stream_amounts(date_from, date_to)
        depreciation = straight_line_depreciation(
            self.lorry_value, self.lorry_life_years, date_from, date_to, self.lorry_in_service
        )
        jars = self._get_jars_produced(date_from, date_to)
        hours = self._get_volunteer_hours(date_from, date_to)
        figures = economic_figures(
            revenue, costs, depreciation, jars, period_days(date_from, date_to)
        )
        return {
            **{f"revenue_{stream}": revenue.get(stream, 0.0) for stream in REVENUE_STREAMS},
            **{f"cost_{stream}": costs.get(stream, 0.0) for stream in COST_STREAMS},
            "depreciation": depreciation,
            "volunteer_hours": hours,
            "volunteer_value": hours * self.company_id.time_in_kind_hour_value,
            "jars_produced": jars,
            **figures,
            "break_even_jars": figures["break_even_jars"] or 0.0,
        }

    def _get_stream_amounts(self, date_from, date_to):
        """(revenue, costs) by stream, from the analytic lines of the Facility plan."""
        plan = self.env.ref("conserverie_coordination.analytic_plan_facility")
        column = plan._column_name()
        # sudo: analytic lines are read by accounting groups; only sums per stream leave here
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [
                    (column, "!=", False),
                    ("company_id", "=", self.company_id.id),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                [column],
                ["amount:sum"],
            )
        )
        revenue, costs = {}, {}
        for account, amount in groups:
            stream = account.conserverie_stream
            if stream in REVENUE_STREAMS:
                revenue[stream] = revenue.get(stream, 0.0) + amount
            elif stream in COST_STREAMS:
                costs[stream] = costs.get(stream, 0.0) - amount
        return revenue, costs

    def _get_jars_produced(self, date_from, date_to):
        # sudo: accountants read the productions' quantities without manufacturing rights
        [(quantity,)] = (
            self.env["mrp.production"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "done"),
                    ("company_id", "=", self.company_id.id),
                    ("date_finished", ">=", fields.Datetime.to_datetime(date_from)),
                    (
                        "date_finished",
                        "<",
                        fields.Datetime.add(fields.Datetime.to_datetime(date_to), days=1),
                    ),
                ],
                [],
                ["product_qty:sum"],
            )
        )
        return quantity or 0.0

    def _get_volunteer_hours(self, date_from, date_to):
        return self.env["conserverie.time.move"]._get_volunteer_hours(
            date_to, company=self.company_id, date_from=date_from
        )

    def action_export_xlsx(self):
        self.ensure_one()
        book = XlsxWorkbook()
        sheet = book.add_sheet(self.env._("Economic model"))
        bold = book.add_format({"bold": True})
        formats = {
            kind: book.add_format({"num_format": num_format})
            for kind, num_format in self._get_export_number_formats().items()
        }
        write_header(sheet, 0, [self.env._("Figure"), self.env._("Value")], bold)
        for row, (label, value, kind) in enumerate(self._get_export_rows(), start=1):
            write_row(sheet, row, [label, value], formats.get(kind))
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 1, 16)
        return download_action(
            self,
            self.env._("economic-model-%(period)s.xlsx", period=self.name),
            book.close(),
            XLSX_MIMETYPE,
        )

    def _get_export_number_formats(self):
        """Excel number formats by kind of figure: money in the company's currency,
        ratios as percentages, hours as a duration and jars as whole numbers."""
        self.ensure_one()
        currency = self.currency_id
        decimals = "0" * currency.decimal_places
        amount = f"#,##0.{decimals}" if decimals else "#,##0"
        symbol = '"{}"'.format(currency.symbol.replace('"', ""))
        money = f"{symbol} {amount}" if currency.position == "before" else f"{amount} {symbol}"
        return {
            "money": money,
            "ratio": "0.0%",
            "hours": "[h]:mm",
            "jars": "#,##0",
        }

    def _get_figure_kind(self, name):
        """The kind of the figure ``name``: money, ratio, hours or jars."""
        if self._fields[name].type == "monetary":
            return "money"
        if name.startswith("independence_"):
            return "ratio"
        if name == "volunteer_hours":
            return "hours"
        return "jars"

    def _get_export_rows(self):
        """[(label, value, kind)]: a comparison with no previous period is a dash."""
        self.ensure_one()
        names = [
            *MONEY_FIELDS,
            "depreciation",
            "own_revenue",
            "total_revenue",
            "total_costs",
            "result",
            "volunteer_hours",
            "volunteer_value",
            "jars_produced",
            "cost_per_jar",
            "break_even_jars",
            "independence_ratio",
            "independence_ratio_previous",
            "independence_trend",
        ]
        rows = []
        for name in names:
            label = self._fields[name].get_description(self.env)["string"]
            kind = self._get_figure_kind(name)
            if self._is_missing_comparison(name):
                value = NO_FIGURE
            elif kind == "hours":
                # Excel counts durations in days
                value = self[name] / 24.0
            else:
                value = self[name]
            rows.append((label, value, kind))
        return rows

    def _is_missing_comparison(self, name):
        """Whether ``name`` compares with a previous period that has no figures."""
        return name in COMPARISON_FIELDS and not self.has_previous_period

    def _get_report_title(self):
        """The printed title, its dates in the reader's language."""
        self.ensure_one()
        return self.env._(
            "Economic model from %(date_from)s to %(date_to)s",
            date_from=format_date(self.env, self.date_from),
            date_to=format_date(self.env, self.date_to),
        )

    def _get_report_sections(self):
        """[(title, [(label, formatted value)])]: the parts of the printed dashboard."""
        self.ensure_one()
        revenue = [f"revenue_{stream}" for stream in OWN_STREAMS]
        sections = [
            (self.env._("Revenue"), [*revenue, "own_revenue", "revenue_grants", "total_revenue"]),
            (
                self.env._("Costs"),
                [*(f"cost_{stream}" for stream in COST_STREAMS), "depreciation", "total_costs"],
            ),
            (self.env._("Jars"), ["jars_produced", "cost_per_jar", "break_even_jars"]),
            (
                self.env._("Independence"),
                [
                    "result",
                    "independence_ratio",
                    "independence_ratio_previous",
                    "independence_trend",
                    "volunteer_hours",
                    "volunteer_value",
                ],
            ),
        ]
        return [
            (
                title,
                [
                    (self._fields[name].get_description(self.env)["string"], self._format(name))
                    for name in names
                ],
            )
            for title, names in sections
        ]

    def _format(self, name):
        """The value of the figure ``name`` as printed: money, percentage, hours or jars."""
        if self._is_missing_comparison(name):
            return NO_FIGURE
        value = self[name]
        kind = self._get_figure_kind(name)
        if kind == "money":
            return format_amount(self.env, value, self.currency_id)
        if kind == "ratio":
            return f"{formatLang(self.env, value * 100, digits=1)} %"
        if kind == "hours":
            return format_hours(value)
        return formatLang(self.env, value, digits=0)
