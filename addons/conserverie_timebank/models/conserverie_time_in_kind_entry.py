from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ConserverieTimeInKindEntry(models.Model):
    """The volunteering of one month, posted as a contribution in kind (class 8).

    One record per company and month, never changed: a correction made after a month
    is posted goes into the next month's entry.
    """

    _name = "conserverie.time.in.kind.entry"
    _description = "Volunteering in kind"
    _order = "month desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="restrict"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(required=True, readonly=True, help="First day of the month posted.")
    hours = fields.Float(
        digits=(16, 4),
        readonly=True,
        help="Volunteer hours credited up to the end of the month, net of corrections, "
        "less the hours of the earlier entries.",
    )
    hour_value = fields.Monetary(string="Value of a volunteer hour", readonly=True)
    amount = fields.Monetary(string="Value", readonly=True)
    move_id = fields.Many2one(
        "account.move",
        string="Journal entry",
        readonly=True,
        check_company=True,
        ondelete="restrict",
        help="Empty when the month has no hours to post.",
    )
    user_id = fields.Many2one(
        "res.users", string="Posted by", readonly=True, default=lambda self: self.env.user
    )

    _sql_constraints = [
        (
            "company_month_uniq",
            "unique(company_id, month)",
            "The volunteering of a month is posted once per company.",
        ),
    ]

    @api.depends("month")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = (
                self.env._("Volunteering in kind %s", entry.month.strftime("%m/%Y"))
                if entry.month
                else self.env._("Volunteering in kind")
            )

    def write(self, vals):
        if self:
            raise UserError(
                self.env._(
                    "A posted month of volunteering in kind cannot be changed; a correction "
                    "goes into the next month's entry."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A posted month of volunteering in kind cannot be deleted; a correction "
                "goes into the next month's entry."
            )
        )

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------

    @api.model
    def _post_month(self, company, month):
        """Post the volunteering of ``month`` (any day of it) for ``company``."""
        if not (self.env.su or self.env.user.has_group("conserverie_base.group_accountant")):
            raise AccessError(self.env._("Only an accountant posts volunteering in kind."))
        if company not in self.env.user.company_ids and not self.env.su:
            raise AccessError(self.env._("You cannot post for this company."))
        month = month.replace(day=1)
        month_end = month + relativedelta(months=1, days=-1)
        self._check_can_post(company, month, month_end)
        # sudo: the earlier entries of the company, whoever posts
        earlier = self.sudo().search([("company_id", "=", company.id)])
        first_month = min(earlier.mapped("month"), default=month)
        credited = self.env["conserverie.time.move"]._get_volunteer_hours(
            month_end, company=company, date_from=first_month
        )
        hours = round(credited - sum(earlier.mapped("hours")), 4)
        hour_value = company.time_in_kind_hour_value
        amount = company.currency_id.round(hours * hour_value)
        move = self.env["account.move"]
        if not company.currency_id.is_zero(amount):
            move = move.create(self._prepare_account_move(company, month, month_end, amount))
            move.action_post()
        return self.create(
            {
                "company_id": company.id,
                "month": month,
                "hours": hours,
                "hour_value": hour_value,
                "amount": amount,
                "move_id": move.id,
            }
        )

    @api.model
    def _check_can_post(self, company, month, month_end):
        if not company.time_in_kind_enabled:
            raise UserError(
                self.env._(
                    "%s does not show volunteer hours as contributions in kind.", company.name
                )
            )
        if month_end >= fields.Date.context_today(self):
            raise UserError(self.env._("A month is posted once it is over."))
        # sudo: the posted months of the company, whoever posts
        Entry = self.sudo()
        if Entry.search_count([("company_id", "=", company.id), ("month", "=", month)], limit=1):
            raise UserError(
                self.env._(
                    "The volunteering of %(month)s is already posted for %(company)s; a "
                    "correction goes into the next month's entry.",
                    month=month.strftime("%m/%Y"),
                    company=company.name,
                )
            )
        posted = Entry.search([("company_id", "=", company.id)], limit=1)
        if posted and posted.month > month:
            raise UserError(
                self.env._(
                    "%(month)s is before the last month posted (%(last)s): its hours are in "
                    "that entry.",
                    month=month.strftime("%m/%Y"),
                    last=posted.month.strftime("%m/%Y"),
                )
            )

    @api.model
    def _prepare_account_move(self, company, month, month_end, amount):
        """An entry debiting the volunteering used (864) and crediting the volunteering
        received (875); a negative month (corrections only) the other way round."""
        expense = self._get_in_kind_account(company, company.time_in_kind_expense_code)
        income = self._get_in_kind_account(company, company.time_in_kind_income_code)
        label = self.env._("Volunteering in kind %s", month.strftime("%m/%Y"))
        debit, credit = (amount, 0.0) if amount > 0 else (0.0, -amount)
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": self._get_in_kind_journal(company).id,
            "date": month_end,
            "ref": label,
            "line_ids": [
                fields.Command.create(
                    {"name": label, "account_id": expense.id, "debit": debit, "credit": credit}
                ),
                fields.Command.create(
                    {"name": label, "account_id": income.id, "debit": credit, "credit": debit}
                ),
            ],
        }

    @api.model
    def _get_in_kind_journal(self, company):
        Journal = self.env["account.journal"]
        journal = Journal.search(
            [("type", "=", "general"), *Journal._check_company_domain(company)], limit=1
        )
        if not journal:
            raise UserError(self.env._("%s has no miscellaneous journal to post to.", company.name))
        return journal

    @api.model
    def _get_in_kind_account(self, company, code):
        """The class 8 account ``code`` of the company, created if the chart lacks it."""
        if not code:
            raise UserError(self.env._("Set the accounts of contributions in kind first."))
        is_expense = code == company.time_in_kind_expense_code
        return company._find_or_create_account(
            code,
            self.env._("Volunteer staff") if is_expense else self.env._("Volunteering"),
            "expense" if is_expense else "income",
        )

    @api.model
    def _cron_post_previous_month(self):
        """Post last month for each company that shows volunteering in kind."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        companies = self.env["res.company"].search([("time_in_kind_enabled", "=", True)])
        for company in companies:
            # sudo: the cron runs as the superuser already; read the last posted month
            posted = self.sudo().search([("company_id", "=", company.id)], limit=1)
            if posted and posted.month >= month:
                continue
            self._post_month(company, month)
