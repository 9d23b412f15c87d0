from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.conserverie_base.tools.download import XLSX_MIMETYPE, download_action
from odoo.addons.conserverie_base.tools.xlsx import XlsxWorkbook, write_cell, write_header

from ..tools import format_hours, hours_to_minutes


class ConserverieTimeReconciliation(models.TransientModel):
    """Euros and hours taken at the stalls for a period, against the hours ledger."""

    _name = "conserverie.time.reconciliation"
    _description = "Reconciliation of euros and hours"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    session_line_ids = fields.One2many(
        "conserverie.time.reconciliation.session", "reconciliation_id", string="Sessions"
    )
    euro_amount = fields.Monetary(string="Euros taken")
    time_amount = fields.Monetary(string="Hours taken (euro equivalent)")
    time_hours = fields.Float(string="Hours taken", digits=(16, 4))
    ledger_hours = fields.Float(string="Ledger debits", digits=(16, 4))
    difference_count = fields.Integer(string="Sessions with a difference")
    hours_issued = fields.Float(digits=(16, 4), help="Hours given by the facility (net).")
    hours_redeemed = fields.Float(
        digits=(16, 4),
        help="Hours spent at the stalls and on invoices paid in hours, net of refunds.",
    )
    hours_outstanding = fields.Float(
        digits=(16, 4), help="Hours held by everyone at the end of the period."
    )
    volunteer_hours = fields.Float(digits=(16, 4), help="Hours credited for volunteering.")
    show_in_kind = fields.Boolean(related="company_id.time_in_kind_enabled")
    in_kind_value = fields.Monetary(string="Contributions in kind")
    in_kind_expense_code = fields.Char(related="company_id.time_in_kind_expense_code")
    in_kind_income_code = fields.Char(related="company_id.time_in_kind_income_code")
    clearing_balance = fields.Monetary(
        string="Hours clearing account balance",
        help="Balance of the hours clearing account at the end of the period: zero once "
        "every session that took hours is closed and cleared.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for reconciliation in self:
            if reconciliation.date_to < reconciliation.date_from:
                raise UserError(self.env._("The period ends before it starts."))

    def _get_bounds(self):
        return (
            datetime.combine(self.date_from, time.min),
            datetime.combine(self.date_to, time.max),
        )

    def action_compute(self):
        for reconciliation in self:
            reconciliation._update_figures()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def _update_figures(self):
        self.ensure_one()
        self.session_line_ids.unlink()
        start, end = self._get_bounds()
        paid_sessions = (
            self.env["pos.payment"]
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("payment_date", ">=", start),
                    ("payment_date", "<=", end),
                ]
            )
            .session_id
        )
        sessions = self.env["pos.session"].search(
            [
                ("company_id", "=", self.company_id.id),
                # the facility's tills only, not another shop of the company
                "|",
                ("is_conserverie_stall", "=", True),
                ("config_id.payment_method_ids.is_time_currency", "=", True),
                "|",
                ("id", "in", paid_sessions.ids),
                "&",
                ("start_at", ">=", start),
                ("start_at", "<=", end),
            ],
            order="start_at, id",
        )
        ledger = self._get_ledger_hours_by_session(sessions)
        session_vals = []
        for session in sessions:
            session_vals.append(self._prepare_session_line(session, ledger.get(session.id, 0.0)))
        lines = self.env["conserverie.time.reconciliation.session"].create(session_vals)
        totals = self._get_ledger_totals()
        self.write(
            {
                "euro_amount": sum(lines.mapped("euro_amount")),
                "time_amount": sum(lines.mapped("time_amount")),
                "time_hours": sum(lines.mapped("time_hours")),
                "ledger_hours": sum(lines.mapped("ledger_hours")),
                "difference_count": len(lines.filtered("has_difference")),
                **totals,
                "in_kind_value": self.company_id.currency_id.round(
                    totals["volunteer_hours"] * self.company_id.time_in_kind_hour_value
                ),
                "clearing_balance": self.get_clearing_balance(self.company_id, self.date_to)[0],
            }
        )

    @api.model
    def get_clearing_balance(self, company, date):
        """The balance of the company's hours clearing account at ``date`` (posted
        entries), and the journal items not reconciled that make it: the one definition
        of the clearing balance. Returns (balance, journal items)."""
        account = company._get_time_clearing_account()
        # sudo: the balance covers every entry of the company, for the accountant's reports
        Item = self.env["account.move.line"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("account_id", "=", account.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", date),
        ]
        [(balance,)] = Item._read_group(domain, aggregates=["balance:sum"])
        items = Item.search([*domain, ("reconciled", "=", False)])
        return company.currency_id.round(balance or 0.0), items.sudo(False)

    def _get_general_ledger_figures(self):
        """[(label, amount)]: the general ledger's figures shown with the reconciliation,
        in the company's currency; zero is expected for each. Extended by the addons
        that add their own accounts."""
        self.ensure_one()
        return [
            (
                self.env._(
                    "Hours clearing account %(code)s on %(date)s",
                    code=self.company_id.time_clearing_account_id.with_company(self.company_id).code
                    or "",
                    date=self.date_to,
                ),
                self.clearing_balance,
            )
        ]

    def _prepare_session_line(self, session, ledger_hours):
        groups = self.env["pos.payment"]._read_group(
            [("session_id", "=", session.id)],
            ["payment_method_id"],
            ["amount:sum", "time_hours:sum"],
        )
        methods = [
            fields.Command.create(
                {"payment_method_id": method.id, "amount": amount, "hours": hours}
            )
            for method, amount, hours in groups
        ]
        time_amount = sum(amount for method, amount, _h in groups if method.is_time_currency)
        euro_amount = sum(amount for method, amount, _h in groups if not method.is_time_currency)
        time_hours = sum(hours for method, _a, hours in groups if method.is_time_currency)
        difference = hours_to_minutes(time_hours - ledger_hours)
        return {
            "reconciliation_id": self.id,
            "session_id": session.id,
            "euro_amount": euro_amount,
            "time_amount": time_amount,
            "time_hours": time_hours,
            "ledger_hours": ledger_hours,
            "difference_minutes": difference,
            "has_difference": bool(difference),
            "method_ids": methods,
        }

    def _get_ledger_hours_by_session(self, sessions):
        """{session id: hours debited from members for the session's payments}."""
        if not sessions:
            return {}
        # sudo: the accountant reconciles the whole ledger of the company
        self.env["conserverie.time.move"].sudo().flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT payment.session_id, -SUM(move.amount)
                  FROM conserverie_time_move move
                  JOIN pos_payment payment ON payment.id = move.pos_payment_id
                 WHERE payment.session_id IN %(sessions)s
              GROUP BY payment.session_id
                """,
                sessions=tuple(sessions.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    def _get_ledger_totals(self):
        """Hours issued and redeemed (the ledger's own definition, see
        ``conserverie.time.move.get_hours_totals``), outstanding and volunteered."""
        _start, end = self._get_bounds()
        # sudo: the accountant reconciles the whole ledger of the company
        Move = self.env["conserverie.time.move"].sudo()
        totals = Move.get_hours_totals(self.date_from, self.date_to, company=self.company_id)
        facility = self.env["conserverie.time.account"].sudo()._get_facility(self.company_id)
        # sudo above and below: the totals cover every account of the company
        Move.flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(SUM(amount), 0)
                  FROM conserverie_time_move
                 WHERE account_id = %(facility)s AND date <= %(end)s
                """,
                end=end,
                facility=facility.id,
            )
        )
        facility_balance = self.env.cr.fetchone()[0]
        volunteer_hours = Move._get_volunteer_hours(
            self.date_to, company=self.company_id, date_from=self.date_from
        )
        return {
            "hours_issued": totals["hours_issued"],
            "hours_redeemed": totals["hours_redeemed"],
            "hours_outstanding": -facility_balance,
            "volunteer_hours": volunteer_hours,
        }

    def action_print_pdf(self):
        self.ensure_one()
        if not self.session_line_ids:
            self._update_figures()
        return self.env.ref(
            "conserverie_timebank.conserverie_time_reconciliation_report_action"
        ).report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.session_line_ids:
            self._update_figures()
        return download_action(
            self,
            self.env._(
                "Hours reconciliation %(start)s %(end)s.xlsx",
                start=self.date_from,
                end=self.date_to,
            ),
            self._build_xlsx(),
            XLSX_MIMETYPE,
        )

    def _build_xlsx(self):
        """The reconciliation as an XLSX workbook (bytes)."""
        self.ensure_one()
        _ = self.env._
        book = XlsxWorkbook()
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": "#,##0.00"})
        hours_format = book.add_format({"num_format": "0.00"})
        alert = book.add_format({"bold": True, "bg_color": "#F8D7DA"})
        sheet = book.add_sheet(_("Sessions"))
        write_cell(sheet, 0, 0, _("Hours reconciliation"), bold)
        write_cell(
            sheet, 1, 0, _("From %(start)s to %(end)s", start=self.date_from, end=self.date_to)
        )
        headers = [
            _("Session"),
            _("Payment method"),
            _("Euros"),
            _("Hours (euro equivalent)"),
            _("Hours taken"),
            _("Ledger debits"),
            _("Difference (min)"),
        ]
        write_header(sheet, 3, headers, bold)
        row = 4
        for line in self.session_line_ids:
            for method in line.method_ids:
                write_cell(sheet, row, 0, line.session_id.name)
                write_cell(sheet, row, 1, method.payment_method_id.name)
                write_cell(sheet, row, 2, 0.0 if method.is_time_currency else method.amount, money)
                write_cell(sheet, row, 3, method.amount if method.is_time_currency else 0.0, money)
                write_cell(sheet, row, 4, method.hours, hours_format)
                row += 1
            write_cell(sheet, row, 0, line.session_id.name, bold)
            write_cell(sheet, row, 1, _("Total"), bold)
            write_cell(sheet, row, 2, line.euro_amount, money)
            write_cell(sheet, row, 3, line.time_amount, money)
            write_cell(sheet, row, 4, line.time_hours, hours_format)
            write_cell(sheet, row, 5, line.ledger_hours, hours_format)
            write_cell(
                sheet, row, 6, line.difference_minutes, alert if line.has_difference else None
            )
            row += 2
        summary = book.add_sheet(_("Ledger"))
        figures = [
            (_("Hours issued"), self.hours_issued),
            (_("Hours redeemed"), self.hours_redeemed),
            (_("Hours outstanding"), self.hours_outstanding),
            (_("Volunteer hours"), self.volunteer_hours),
        ]
        if self.show_in_kind:
            figures.append(
                (
                    _(
                        "Contributions in kind (%(expense)s / %(income)s)",
                        expense=self.in_kind_expense_code,
                        income=self.in_kind_income_code,
                    ),
                    self.in_kind_value,
                )
            )
        for index, (label, value) in enumerate(figures):
            write_cell(summary, index, 0, label, bold)
            write_cell(summary, index, 1, value, hours_format)
        row = len(figures) + 1
        write_cell(summary, row, 0, _("General ledger"), bold)
        for index, (label, amount) in enumerate(self._get_general_ledger_figures(), row + 1):
            write_cell(summary, index, 0, label, bold)
            write_cell(summary, index, 1, amount, alert if amount else money)
        summary.set_column(0, 0, 40)
        sheet.set_column(0, 1, 24)
        sheet.set_column(2, 6, 16)
        return book.close()

    def _format_hours(self, hours):
        return format_hours(hours)
