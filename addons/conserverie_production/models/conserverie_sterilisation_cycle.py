import base64
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdf_canvas

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_round, format_datetime

from ..tools import cycle_curve
from ..tools import lethality as lethality_tools
from ..tools.probe_csv import ProbeLogError, parse_probe_csv

# Fields that may still change once a cycle is passed or failed.
RECORDED_WRITABLE = {"message_main_attachment_id", "report_attachment_id"}
# Written only by a coordinator's review of readings typed by hand.
REVIEW_FIELDS = {"readings_review_user_id", "readings_review_date"}


class ConserverieSterilisationCycle(models.Model):
    _name = "conserverie.sterilisation.cycle"
    _description = "Autoclave cycle"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    autoclave_id = fields.Many2one(
        "conserverie.autoclave", required=True, check_company=True, tracking=True
    )
    operator_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        help="Needs a valid autoclave training on the day of the cycle.",
    )
    date_start = fields.Datetime(string="Start", required=True, default=fields.Datetime.now)
    production_ids = fields.Many2many(
        "mrp.production",
        "conserverie_cycle_production_rel",
        "cycle_id",
        "production_id",
        string="Load",
        check_company=True,
        domain="[('bom_id.preserving_process', '!=', False), "
        "('state', 'not in', ('done', 'cancel'))]",
    )
    reading_ids = fields.One2many(
        "conserverie.sterilisation.reading", "cycle_id", string="Readings"
    )
    reading_count = fields.Integer(compute="_compute_reading_count")
    max_gap_minutes = fields.Float(
        string="Longest gap (min)",
        default=lambda self: self.env.company.conserverie_max_reading_gap_minutes,
        help="Longest time allowed between two probe readings, at most what the recipes "
        "of the load (or the company) allow.",
    )
    has_manual_readings = fields.Boolean(
        string="Readings typed by hand", compute="_compute_review_needed"
    )
    readings_review_user_id = fields.Many2one(
        "res.users", string="Readings reviewed by", readonly=True, copy=False
    )
    readings_review_date = fields.Datetime(string="Readings reviewed on", readonly=True, copy=False)
    is_review_needed = fields.Boolean(
        string="Needs a coordinator's review",
        compute="_compute_review_needed",
        help="Readings typed by hand instead of imported from the probe: a coordinator "
        "checks them against the probe's printout before the cycle is evaluated.",
    )
    lethality_ref_temp = fields.Float(string="Reference temperature (°C)", readonly=True)
    lethality_z = fields.Float(string="z (°C)", readonly=True)
    lethality = fields.Float(string="Lethality (min)", digits=(16, 2), readonly=True, tracking=True)
    hold_minutes = fields.Float(string="Hold (min)", digits=(16, 1), readonly=True)
    max_temperature = fields.Float(
        string="Highest core temperature (°C)", digits=(16, 1), readonly=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("passed", "Passed"), ("failed", "Failed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    result_message = fields.Text(string="Result", readonly=True)
    report_attachment_id = fields.Many2one(
        "ir.attachment", string="Cycle report", readonly=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _compute_reading_count(self):
        for cycle in self:
            cycle.reading_count = len(cycle.reading_ids)

    @api.depends("reading_ids.source", "readings_review_user_id")
    def _compute_review_needed(self):
        for cycle in self:
            cycle.has_manual_readings = any(r.source == "manual" for r in cycle.reading_ids)
            cycle.is_review_needed = cycle.has_manual_readings and not cycle.readings_review_user_id

    @api.constrains("operator_id", "date_start", "company_id")
    def _check_operator_training(self):
        Training = self.env["conserverie.training"]
        for cycle in self:
            on_date = fields.Date.to_date(cycle.date_start)
            if not Training._get_trained(cycle.operator_id, "autoclave", on_date, cycle.company_id):
                raise ValidationError(
                    self.env._(
                        "%(name)s has no valid autoclave training on %(date)s: "
                        "only a trained operator can run a cycle.",
                        name=cycle.operator_id.display_name,
                        date=on_date,
                    )
                )

    @api.constrains("production_ids")
    def _check_load(self):
        for cycle in self:
            recipes = cycle.production_ids.bom_id
            if any(not production.bom_id.preserving_process for production in cycle.production_ids):
                raise ValidationError(
                    self.env._("Every production in an autoclave load needs a preserving recipe.")
                )
            if len({(bom.lethality_ref_temp, bom.lethality_z) for bom in recipes}) > 1:
                raise ValidationError(
                    self.env._(
                        "The recipes of one load must share their reference temperature "
                        "and z: sterilised and pasteurised jars go in separate cycles."
                    )
                )

    @api.constrains("max_gap_minutes", "production_ids", "company_id")
    def _check_max_gap(self):
        for cycle in self:
            allowed = cycle._get_max_gap_allowed()
            if not 0 < cycle.max_gap_minutes <= allowed:
                raise ValidationError(
                    self.env._(
                        "The longest gap between readings of %(name)s must be above 0 and at "
                        "most %(max).1f min, as its recipes and company allow.",
                        name=cycle.name,
                        max=allowed,
                    )
                )

    @api.constrains("production_ids")
    def _check_load_open(self):
        for cycle in self:
            closed = cycle.production_ids.filtered(lambda p: p.state in ("done", "cancel"))
            if closed:
                raise ValidationError(
                    self.env._(
                        "A done or cancelled production cannot join the load of %(name)s: "
                        "%(productions)s.",
                        name=cycle.name,
                        productions=", ".join(closed.mapped("name")),
                    )
                )

    def _get_max_gap_allowed(self):
        """The longest gap between readings the recipes of the load (or the company) allow."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return min(
            [bom._get_max_reading_gap(company) for bom in self.production_ids.bom_id]
            or [company.conserverie_max_reading_gap_minutes]
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if REVIEW_FIELDS & set(vals) and not self.env.su:
                raise AccessError(self.env._("Only a coordinator reviews a cycle's readings."))
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("conserverie.sterilisation.cycle") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if REVIEW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(self.env._("Only a coordinator reviews a cycle's readings."))
        if set(vals) - RECORDED_WRITABLE and any(cycle.state != "draft" for cycle in self):
            raise UserError(
                self.env._(
                    "A passed or failed cycle is a record: it cannot be changed. "
                    "Run the load again as a new cycle."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if any(cycle.state != "draft" or cycle.reading_ids for cycle in self):
            raise UserError(self.env._("A cycle with readings is a record: it cannot be deleted."))

    # Probe log ----------------------------------------------------------

    def _probe_error_message(self, error):
        """The translated message of a :class:`ProbeLogError`."""
        params = dict(error.params, line=error.line)
        _ = self.env._
        messages = {
            "empty": lambda: _("The file holds no readings."),
            "file_too_large": lambda: _(
                "The file is %(size_mb).1f MB, more than the %(max_mb).1f MB allowed: "
                "export only this cycle's readings.",
                **params,
            ),
            "too_many_rows": lambda: _(
                "The file holds more than %(max_rows)s readings: "
                "export only this cycle's readings.",
                **params,
            ),
            "missing_column": lambda: _(
                "Line %(line)s: a time and a temperature are expected.", **params
            ),
            "not_a_number": lambda: _("Line %(line)s: %(value)r is not a number.", **params),
            "bad_timestamp": lambda: _(
                "Line %(line)s: %(value)r is not a date or a time.", **params
            ),
            "time_not_increasing": lambda: _(
                "Line %(line)s: the time does not increase.", **params
            ),
            "gap_too_long": lambda: _(
                "Line %(line)s: %(gap).1f min since the previous reading "
                "(at most %(max_gap).1f min).",
                **params,
            ),
            "temperature_out_of_range": lambda: _(
                "Line %(line)s: %(value)s °C is outside %(min_temp)s to %(max_temp)s °C.", **params
            ),
        }
        return messages[error.code]()

    def import_readings(self, text, time_unit="auto"):
        """Import a probe logger's CSV and evaluate the cycle.

        The whole file is parsed first: on any error nothing is written and a
        translated UserError gives the line.
        """
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Readings can only be imported into a cycle in draft."))
        if self.reading_ids:
            raise UserError(
                self.env._(
                    "This cycle already has its readings: record a new cycle for another log."
                )
            )
        try:
            readings = parse_probe_csv(
                text or "", time_unit=time_unit, max_gap_minutes=self.max_gap_minutes
            )
        except ProbeLogError as error:
            raise UserError(self._probe_error_message(error)) from None
        self.env["conserverie.sterilisation.reading"].check_access("create")
        # sudo: readings from the probe's file are recorded as such, never typed by hand
        self.env["conserverie.sterilisation.reading"].sudo().create(
            [
                {"cycle_id": self.id, "minutes": minutes, "temperature": temp, "source": "probe"}
                for minutes, temp in readings
            ]
        )
        if self.production_ids:
            self.action_evaluate()
        return True

    # Evaluation ---------------------------------------------------------

    def _get_readings(self):
        self.ensure_one()
        return [
            (reading.minutes, reading.temperature) for reading in self.reading_ids.sorted("minutes")
        ]

    def _reason_message(self, recipe, code, params):
        _ = self.env._
        if code == "no_readings":
            text = _("fewer than two readings: nothing can be computed.")
        elif code == "lethality_below_target":
            text = _("lethality %(value).2f min is below %(target).2f min.", **params)
        else:
            text = _(
                "held %(value).1f min at or above %(min_temp).1f °C, %(required).1f min required.",
                **params,
            )
        return f"{recipe.display_name}: {text}"

    def action_evaluate(self):
        """Compute lethality and hold, then pass or fail against every recipe in the load."""
        for cycle in self:
            if cycle.state != "draft":
                raise UserError(self.env._("Cycle %(name)s is already evaluated.", name=cycle.name))
            recipes = cycle.production_ids.bom_id
            if not recipes:
                raise UserError(
                    self.env._(
                        "Put at least one production in the load of %(name)s.", name=cycle.name
                    )
                )
            if len(cycle.reading_ids) < 2:
                raise UserError(
                    self.env._("Import the probe readings of %(name)s first.", name=cycle.name)
                )
            if cycle.is_review_needed:
                raise UserError(
                    self.env._(
                        "Readings of %(name)s were typed by hand: a coordinator reviews them "
                        "against the probe's printout before the cycle is evaluated.",
                        name=cycle.name,
                    )
                )
            readings = cycle._get_readings()
            ref_temp, z = recipes[0].lethality_ref_temp, recipes[0].lethality_z
            reasons = []
            max_gap = min(cycle.max_gap_minutes, cycle._get_max_gap_allowed())
            gap = lethality_tools.longest_gap(readings)
            if gap > max_gap + lethality_tools.TOLERANCE:
                reasons.append(
                    self.env._(
                        "%(gap).1f min without a reading, more than the %(max).1f min allowed: "
                        "the lethality between them is not known.",
                        gap=gap,
                        max=max_gap,
                    )
                )
            hold = 0.0
            for recipe in recipes:
                result, _passed, recipe_reasons = lethality_tools.evaluate(
                    readings,
                    ref_temp=recipe.lethality_ref_temp,
                    z=recipe.lethality_z,
                    target=recipe.lethality_target,
                    min_temp=recipe.min_core_temp or None,
                    hold_required=recipe.min_hold_minutes,
                )
                hold = max(hold, result.hold_minutes)
                reasons += [
                    cycle._reason_message(recipe, code, params) for code, params in recipe_reasons
                ]
            value = lethality_tools.lethality(readings, ref_temp, z)
            passed = not reasons
            values = {
                "lethality_ref_temp": ref_temp,
                "lethality_z": z,
                "lethality": float_round(value, precision_digits=4),
                "hold_minutes": hold,
                "max_temperature": lethality_tools.max_temperature(readings),
                "result_message": "\n".join(reasons)
                or self.env._("Every recipe of the load reached its schedule."),
            }
            super(ConserverieSterilisationCycle, cycle).write(values)
            super(ConserverieSterilisationCycle, cycle).write(
                {"state": "passed" if passed else "failed"}
            )
            cycle._generate_report()
            cycle._attach_report_to_lots(cycle.production_ids.lot_producing_id)
        return True

    def action_review_readings(self):
        """A coordinator checked the readings typed by hand against the probe's printout."""
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise AccessError(self.env._("Only a coordinator reviews a cycle's readings."))
        for cycle in self:
            if cycle.state != "draft" or not cycle.is_review_needed:
                raise UserError(
                    self.env._("The readings of %(name)s need no review.", name=cycle.name)
                )
            cycle.sudo().write(  # sudo: the coordinator's right is checked above
                {
                    "readings_review_user_id": self.env.uid,
                    "readings_review_date": fields.Datetime.now(),
                }
            )
            cycle.message_post(
                body=self.env._(
                    "%(user)s reviewed the readings typed by hand.", user=self.env.user.name
                )
            )
        return True

    # Report -------------------------------------------------------------

    def _report_filename(self):
        return self.env._("Cycle %(name)s.pdf", name=self.name.replace("/", "-"))

    def _get_report_document(self):
        """What the cycle report says, for the QWeb report and the copy kept at evaluation:
        title, figures, verdict, the reasons, the load and the curves (PNG bytes or None,
        and as a data URI)."""
        self.ensure_one()
        _ = self.env._
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        curve = self._get_report_curve_png()
        load = []
        for production in self.production_ids:
            bom = production.bom_id
            load.append(
                _(
                    "%(production)s · %(product)s · target %(target).2f min, "
                    "%(hold).1f min at %(temp).1f °C",
                    production=production.name,
                    product=production.product_id.display_name,
                    target=bom.lethality_target,
                    hold=bom.min_hold_minutes,
                    temp=bom.min_core_temp,
                )
            )
        return {
            "title": _("Autoclave cycle %(name)s", name=self.name),
            "figures": [
                _("Company: %(company)s", company=self.company_id.name),
                _("Autoclave: %(name)s", name=self.autoclave_id.display_name),
                _("Operator: %(name)s", name=self.operator_id.display_name),
                _("Start: %(date)s", date=format_datetime(self.env, self.date_start)),
                _(
                    "Lethality: %(value).2f min (reference %(ref).1f °C, z %(z).1f °C)",
                    value=self.lethality,
                    ref=self.lethality_ref_temp,
                    z=self.lethality_z,
                ),
                _("Highest core temperature: %(temp).1f °C", temp=self.max_temperature),
            ],
            "verdict": _("Result: %(state)s", state=state_labels.get(self.state)),
            "reasons": (self.result_message or "").splitlines(),
            "load_title": _("Load:"),
            "load": load,
            "curve": curve,
            "curve_uri": cycle_curve.png_data_uri(curve) if curve else False,
        }

    def _get_report_curve_png(self):
        """The core temperature and the lethality against time, as a PNG (None without
        two readings), the recipes' lowest core temperatures dashed."""
        self.ensure_one()
        readings = self._get_readings()
        return cycle_curve.cycle_curve_png(
            readings,
            cycle_curve.lethality_curve(
                readings, self.lethality_ref_temp or 121.1, self.lethality_z or 10.0
            ),
            [bom.min_core_temp for bom in self.production_ids.bom_id if bom.min_core_temp],
            {
                "temperature": self.env._("Core temperature (°C) against time (min)"),
                "lethality": self.env._("Lethality (min) against time (min)"),
            },
        )

    def _render_report_pdf(self):
        """The copy of the cycle report kept at evaluation and attached to the lots: the
        document of the QWeb report, laid out without a browser."""
        self.ensure_one()
        document = self._get_report_document()
        buffer = io.BytesIO()
        canvas = pdf_canvas.Canvas(buffer, pagesize=A4)
        width, height = A4
        lines = [
            (document["title"], 16),
            *((line, 10) for line in document["figures"]),
            (document["verdict"], 12),
            *((line, 9) for line in document["reasons"]),
            (document["load_title"], 10),
            *((line, 9) for line in document["load"]),
        ]
        y = height - 20 * mm
        for text, size in lines:
            canvas.setFont("Helvetica-Bold" if size >= 12 else "Helvetica", size)
            canvas.drawString(20 * mm, y, text)
            y -= size * 1.5
        if document["curve"]:
            image = ImageReader(io.BytesIO(document["curve"]))
            image_width, image_height = image.getSize()
            draw_width = width - 40 * mm
            draw_height = draw_width * image_height / image_width
            canvas.drawImage(
                image, 20 * mm, max(y - draw_height - 5 * mm, 15 * mm), draw_width, draw_height
            )
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def _generate_report(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._report_filename(),
                "datas": base64.b64encode(self._render_report_pdf()),
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.report_attachment_id = attachment
        return attachment

    def _attach_report_to_lots(self, lots):
        """Attach a copy of the report to each lot, once."""
        Attachment = self.env["ir.attachment"]
        for cycle in self.filtered("report_attachment_id"):
            for lot in lots:
                exists = Attachment.search_count(
                    [
                        ("res_model", "=", "stock.lot"),
                        ("res_id", "=", lot.id),
                        ("name", "=", cycle.report_attachment_id.name),
                    ],
                    limit=1,
                )
                if not exists:
                    cycle.report_attachment_id.copy({"res_model": "stock.lot", "res_id": lot.id})

    def action_print_report(self):
        self.ensure_one()
        self._check_report_printable()
        return self.env.ref(
            "conserverie_production.conserverie_sterilisation_cycle_report_action"
        ).report_action(self)

    def _check_report_printable(self):
        """A cycle's report exists once the cycle is evaluated."""
        if any(cycle.state == "draft" for cycle in self):
            raise UserError(self.env._("The report exists once the cycle is evaluated."))

    def action_open_import_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import probe readings"),
            "res_model": "conserverie.cycle.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_cycle_id": self.id},
        }

    def action_view_readings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Readings"),
            "res_model": "conserverie.sterilisation.reading",
            "view_mode": "list",
            "domain": [("cycle_id", "=", self.id)],
        }
