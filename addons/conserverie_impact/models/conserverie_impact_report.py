from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.conserverie_base.tools.download import XLSX_MIMETYPE, download_action

from ..tools import documents, flower, xlsx_report


class ConserverieImpactReport(models.TransientModel):
    """Impact figures for a period and, optionally, one social centre.

    Every figure is one SQL aggregation (``_read_group`` on the domain of the
    records behind it, or one SQL query), so the number of queries does not
    grow with the data; ``action_open_indicator`` opens the same domain.
    Each family of figures (intake, production, distribution, people,
    activities, jars, time, environment) is an abstract model of its own,
    ``conserverie.impact.figures.<family>``, with the domains of its records
    and a ``_get_<family>_indicators(result)`` method; the grower statements
    come from ``conserverie.impact.grower.statement``.
    """

    _name = "conserverie.impact.report"
    _description = "Impact report"
    _inherit = [
        "conserverie.impact.figures.intake",
        "conserverie.impact.figures.production",
        "conserverie.impact.figures.distribution",
        "conserverie.impact.figures.people",
        "conserverie.impact.figures.activity",
        "conserverie.impact.figures.jar",
        "conserverie.impact.figures.time",
        "conserverie.impact.figures.environment",
        "conserverie.impact.grower.statement",
    ]

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

    @api.depends("date_from", "date_to", "centre_id")
    def _compute_display_name(self):
        for report in self:
            if not (report.date_from and report.date_to):
                report.display_name = self.env._("Impact report")
                continue
            report.display_name = self.env._(
                "Impact report: %(period)s", period=report._get_period_label()
            )

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

    def _get_indicator_sources(self):
        """{code: (model, domain)}: the records behind each figure, to open them."""
        self.ensure_one()
        intake = ("conserverie.intake.line", self._get_intake_line_domain())
        attendance = ("conserverie.activity.attendance", self._get_attendance_domain())
        deposit = ("conserverie.deposit.move", self._get_deposit_move_domain())
        hours = ("conserverie.time.move", self._get_time_move_domain())
        recovered = ("conserverie.intake.line", self._get_recovered_line_domain())
        distribution = self._get_distribution_domain()
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
            "jars_distributed": ("stock.move", distribution),
            "jars_sold": ("stock.move", [*distribution, *self._get_channel_domain("day_sale")]),
            "jars_given": (
                "stock.move",
                [*distribution, *self._get_channel_domain("volunteer_share")],
            ),
            "jars_purchasing_groups": (
                "stock.move",
                [*distribution, *self._get_channel_domain("purchasing_group")],
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
        self._get_intake_indicators(result)
        self._get_production_indicators(result)
        jars_distributed = self._get_jars_distributed()
        self._get_distribution_indicators(result, jars_distributed)
        self._get_people_indicators(result, jars_distributed)
        self._get_activity_indicators(result)
        self._get_jar_indicators(result)
        self._get_time_indicators(result)
        self._get_environment_indicators(result)
        return result

    def _selection_labels(self, model, field_name):
        field = self.env[model]._fields[field_name]
        return dict(field._description_selection(self.env))

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

    def _get_file_name(self, extension=None):
        base = self.env._("impact") + f"_{self.date_from}_{self.date_to}"
        if self.centre_id:
            base += f"_{self.centre_id.name}"
        base = base.replace(" ", "_").replace("/", "-")
        return f"{base}.{extension}" if extension else base

    def action_export_xlsx(self):
        """The annual activity report as a workbook a funder can read."""
        self.ensure_one()
        workbook = xlsx_report.build_workbook(self._get_document_data())
        return download_action(self, self._get_file_name("xlsx"), workbook, XLSX_MIMETYPE)

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
        return petals._get_flower_scores(report.compute_indicators(), answer_domain)

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

    def _get_printed_document(self):
        """What the activity report prints (``report_impact_activity``): the
        document data as tables of text, and the flower as an image."""
        self.ensure_one()
        return {
            **documents.print_document(self._get_document_data()),
            "flower_caption": self.env._("Social impact flower"),
            "flower_image": flower.drawing_to_data_uri(self._get_flower_drawing()),
        }

    def action_print_flower(self):
        """The activity report in PDF, with the social impact flower."""
        self.ensure_one()
        return self.env.ref(
            "conserverie_impact.conserverie_impact_report_activity_action"
        ).report_action(self)

    def action_flower_png(self):
        self.ensure_one()
        png = flower.drawing_to_png(self._get_flower_drawing())
        return download_action(self, self._get_file_name("png"), png, "image/png")

    def action_print_grower_statements(self):
        """One page per grower who gave produce over the period."""
        self.ensure_one()
        IntakeLine = self.env["conserverie.intake.line"]
        if not IntakeLine.search_count(self._get_intake_line_domain(), limit=1):
            raise UserError(self.env._("No grower gave produce over this period."))
        return self.env.ref(
            "conserverie_impact.conserverie_impact_report_grower_statement_action"
        ).report_action(self)
