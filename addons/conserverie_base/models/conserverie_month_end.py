from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date, format_datetime

from ..tools.download import XLSX_MIMETYPE, download_action
from ..tools.xlsx import XlsxWorkbook, write_cell, write_header


class ConserverieMonthEnd(models.Model):
    """The accountant's month end for one company: a check per figure the books must
    agree with, and the lock of the month once every check is green.

    Each addon adds its checks through ``_get_month_end_checks``; the checks are
    recomputed on demand and kept as they were when the month was locked.
    """

    _name = "conserverie.month.end"
    _description = "Month end"
    _order = "month desc, company_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True,
        readonly=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        ),
        help="Any day of the month; kept as its first day.",
    )
    month_label = fields.Char(string="Month name", compute="_compute_month_label")
    date_to = fields.Date(string="Month's last day", compute="_compute_date_to", store=True)
    line_ids = fields.One2many(
        "conserverie.month.end.line", "month_end_id", string="Checks", readonly=True
    )
    is_ready = fields.Boolean(
        string="All checks green",
        compute="_compute_is_ready",
        help="Every check is green: the month can be locked.",
    )
    to_do_count = fields.Integer(string="Checks to do", compute="_compute_is_ready")
    checked_on = fields.Datetime(string="Checked on", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("locked", "Locked")],
        required=True,
        readonly=True,
        default="open",
    )
    locked_by_id = fields.Many2one("res.users", string="Locked by", readonly=True)
    locked_on = fields.Datetime(readonly=True)
    company_lock_date = fields.Date(
        string="Company's lock date",
        related="company_id.fiscalyear_lock_date",
        help="No journal of the company takes an entry dated up to this day.",
    )

    _sql_constraints = [
        (
            "company_month_uniq",
            "unique(company_id, month)",
            "A company has one month end per month.",
        ),
    ]

    @api.depends("month")
    def _compute_date_to(self):
        for month_end in self:
            month_end.date_to = month_end.month and month_end.month + relativedelta(
                day=1, months=1, days=-1
            )

    @api.depends("month")
    @api.depends_context("lang")
    def _compute_month_label(self):
        """The month in the reader's language, e.g. "octobre 2026"."""
        for month_end in self:
            month_end.month_label = month_end.month and format_date(
                self.env, month_end.month, date_format="MMMM y"
            )

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # the month's name sorts the list as the month it names, not alphabetically
        if fname == "month_label":
            fname = "month"
        return super()._field_to_sql(alias, fname, query, flush)

    @api.depends("line_ids.state")
    def _compute_is_ready(self):
        for month_end in self:
            to_do = month_end.line_ids.filtered(lambda line: line.state != "ok")
            month_end.to_do_count = len(to_do)
            month_end.is_ready = bool(month_end.line_ids) and not to_do

    @api.depends("month", "company_id")
    def _compute_display_name(self):
        for month_end in self:
            month_end.display_name = self.env._(
                "Month end %(month)s - %(company)s",
                month=month_end.month.strftime("%m/%Y") if month_end.month else "",
                company=month_end.company_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        month_ends = super().create(vals_list)
        month_ends._update_checks()
        return month_ends

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if any(month_end.state == "locked" for month_end in self):
            raise UserError(self.env._("A locked month end is kept."))

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def action_refresh(self):
        """Run the checks again (accountants and coordinators)."""
        self._check_can_check()
        self._update_checks()
        return True

    def _check_can_check(self):
        user = self.env.user
        if not (
            user.has_group("conserverie_base.group_accountant")
            or user.has_group("conserverie_base.group_coordinator")
        ):
            raise AccessError(
                self.env._("Only accountants and coordinators run the month end checks.")
            )
        self.check_access("read")
        if any(month_end.state == "locked" for month_end in self):
            raise UserError(
                self.env._("This month is locked: its checks stay as they were when it was locked.")
            )

    def _update_checks(self):
        """Replace the check lines by the checks of the month, as they are now."""
        # sudo: the checks are written by the month end only, never by hand
        Line = self.env["conserverie.month.end.line"].sudo()
        for month_end in self:
            checks = month_end._get_month_end_checks()
            month_end.sudo().line_ids.unlink()  # sudo: same
            Line.create([month_end._prepare_line_values(check) for check in checks])
            month_end.sudo().checked_on = fields.Datetime.now()  # sudo: same

    def _prepare_line_values(self, check):
        self.ensure_one()
        records = check.get("records")
        return {
            "month_end_id": self.id,
            "sequence": check.get("sequence", 10),
            "code": check["code"],
            "name": check["name"],
            "state": "ok" if check["is_ok"] else "to_do",
            "figure": check.get("figure", 0.0),
            "figure_display": check.get("figure_display") or "",
            "note": check.get("note") or "",
            "res_model": records._name if records else False,
            "res_ids": records.ids if records else [],
        }

    def _get_bounds(self):
        """The month as naive UTC datetimes, both ends included."""
        self.ensure_one()
        return datetime.combine(self.month, time.min), datetime.combine(self.date_to, time.max)

    def _get_month_end_checks(self):
        """The checks of the month, each a dict: ``code``, ``name``, ``sequence``,
        ``is_ok``, ``figure`` (a number), ``figure_display`` (the number as read),
        ``note`` and ``records`` (the records behind the figure). Each addon adds its
        own, computed over the whole company whoever asks (the access to this model is
        the guard)."""
        self.ensure_one()
        _start, end = self._get_bounds()
        company = self.company_id
        # sudo: the month end covers every session of the company, whoever checks it
        sessions = (
            self.env["pos.session"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "!=", "closed"),
                    ("start_at", "<=", end),
                ]
            )
        )
        # sudo: the same for the till orders still to review
        issues = (
            self.env["conserverie.pos.order.issue"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("order_id.date_order", "<=", end),
                ]
            )
        )
        return [
            {
                "code": "open_sessions",
                "sequence": 10,
                "name": self.env._("Till sessions still open"),
                "is_ok": not sessions,
                "figure": len(sessions),
                "figure_display": str(len(sessions)),
                "note": self.env._("Close every session opened up to the month's end."),
                "records": sessions,
            },
            {
                "code": "orders_to_review",
                "sequence": 20,
                "name": self.env._("Till orders still to review"),
                "is_ok": not issues,
                "figure": len(issues),
                "figure_display": str(len(issues)),
                "note": self.env._("Review the issues found on the month's orders."),
                "records": issues,
            },
        ]

    # ------------------------------------------------------------------
    # Lock
    # ------------------------------------------------------------------

    def action_lock(self):
        """Set the company's lock date to the month's last day, once every check is
        green (accountants only).

        The lock is Odoo's global lock date (``fiscalyear_lock_date``): a month closed
        by the accountant is closed for every journal (sales, the tills, the hours
        journal and the miscellaneous entries of the clearing and the write-offs), not
        only for sales or purchases, and it stays reversible, unlike the hard lock date
        kept for the closing of the financial year.
        """
        self.ensure_one()
        if not self.env.user.has_group("conserverie_base.group_accountant"):
            raise AccessError(self.env._("Only an accountant locks a month."))
        self._check_can_check()
        if self.date_to >= fields.Date.context_today(self):
            raise UserError(self.env._("A month is locked once it is over."))
        company = self.company_id
        if company.fiscalyear_lock_date and company.fiscalyear_lock_date >= self.date_to:
            raise UserError(
                self.env._(
                    "%(company)s is already locked up to %(date)s.",
                    company=company.name,
                    date=company.fiscalyear_lock_date,
                )
            )
        self._update_checks()
        to_do = self.line_ids.filtered(lambda line: line.state != "ok")
        if to_do:
            raise UserError(
                self.env._(
                    "The month cannot be locked while checks are to do: %(checks)s.",
                    checks=", ".join(to_do.mapped("name")),
                )
            )
        # sudo: Odoo leaves the company's record to administrators; an accountant sets
        # the lock date here only, once every check of the month is green
        company.sudo().fiscalyear_lock_date = self.date_to
        # sudo: the state of a month end is set here only
        self.sudo().write(
            {
                "state": "locked",
                "locked_by_id": self.env.user.id,
                "locked_on": fields.Datetime.now(),
            }
        )
        return True

    # ------------------------------------------------------------------
    # Exports
    # ------------------------------------------------------------------

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("conserverie_base.conserverie_month_end_report_action").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        return download_action(
            # sudo: nobody writes a month end by hand; its export is attached to it
            self.sudo(),
            self.env._(
                "Month end %(month)s %(company)s.xlsx",
                month=self.month.strftime("%Y-%m"),
                company=self.company_id.name,
            ),
            self._build_xlsx(),
            XLSX_MIMETYPE,
        )

    def _build_xlsx(self):
        """The month end as an XLSX workbook (bytes)."""
        self.ensure_one()
        _ = self.env._
        book = XlsxWorkbook()
        bold = book.add_format({"bold": True})
        alert = book.add_format({"bold": True, "bg_color": "#F8D7DA"})
        sheet = book.add_sheet(_("Month end"))
        write_cell(sheet, 0, 0, self.display_name, bold)
        start, end = format_date(self.env, self.month), format_date(self.env, self.date_to)
        write_cell(sheet, 1, 0, _("From %(start)s to %(end)s", start=start, end=end))
        checked_on = format_datetime(self.env, self.checked_on) if self.checked_on else ""
        write_cell(sheet, 2, 0, _("Checked on %(date)s", date=checked_on))
        write_header(sheet, 4, [_("Check"), _("Status"), _("Figure"), _("Note")], bold)
        states = dict(
            self.env["conserverie.month.end.line"]._fields["state"]._description_selection(self.env)
        )
        for row, line in enumerate(self.line_ids, start=5):
            write_cell(sheet, row, 0, line.name)
            write_cell(sheet, row, 1, states[line.state], None if line.state == "ok" else alert)
            write_cell(sheet, row, 2, line.figure_display)
            write_cell(sheet, row, 3, line.note)
        if self.state == "locked":
            write_cell(
                sheet,
                len(self.line_ids) + 6,
                0,
                _(
                    "Locked up to %(date)s by %(user)s",
                    date=end,
                    user=self.locked_by_id.name,
                ),
                bold,
            )
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 2, 16)
        sheet.set_column(3, 3, 60)
        return book.close()
