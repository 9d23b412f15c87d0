from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"
    _check_company_auto = True

    time_hour_value = fields.Float(
        string="Value of an hour",
        digits="Product Price",
        default=10.0,
        help="Euros paid by one hour of the time currency at the till.",
    )
    time_welcome_hours = fields.Float(
        string="Welcome credit (h)",
        digits=(16, 4),
        default=15.0,
        help="Hours credited to a person the first time they become a member.",
    )
    time_default_min_balance = fields.Float(
        string="Default minimum (h)", digits=(16, 4), default=0.0
    )
    time_default_max_balance = fields.Float(
        string="Default maximum (h)",
        digits=(16, 4),
        default=0.0,
        help="Zero means no maximum.",
    )
    time_clearing_account_id = fields.Many2one(
        "account.account",
        string="Hours clearing account",
        check_company=True,
        help="Receives the euro equivalent of the hours taken at the till when a session "
        "closes; never a cash or bank account.",
    )
    time_settlement_account_id = fields.Many2one(
        "account.account",
        string="Hours settlement account",
        check_company=True,
        help="Clears the hours clearing account when a session closes: the jars paid with "
        "hours, an expense of the facility. Created on first use; the accountant may "
        "choose another account.",
    )
    time_in_kind_enabled = fields.Boolean(
        string="Show volunteer hours as contributions in kind",
        help="Adds the value of volunteer hours (class 8 accounts) to the reconciliation.",
    )
    time_in_kind_hour_value = fields.Float(
        string="Value of a volunteer hour",
        digits="Product Price",
        default=11.88,
        help="Euros per volunteer hour for contributions in kind (to confirm with the accountant).",
    )
    time_in_kind_expense_code = fields.Char(
        string="Contributions in kind used (account)", default="864"
    )
    time_in_kind_income_code = fields.Char(
        string="Contributions in kind received (account)", default="875"
    )

    @api.constrains("time_hour_value")
    def _check_time_hour_value(self):
        for company in self:
            if company.time_hour_value <= 0:
                raise ValidationError(self.env._("The value of an hour must be above zero."))

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "time_hour_value"]

    @api.model
    def _setup_time_accounts(self):
        """Each company gets its facility account, and its clearing account once it has a chart."""
        for company in self.search([]):
            self.env["conserverie.time.account"].sudo()._get_facility(company)  # sudo: set-up
            if company.chart_template:
                company._get_time_clearing_account()

    def _get_time_clearing_account(self):
        """The clearing account of the hours taken at the till, created on first use."""
        return self._get_time_account_setting(
            "time_clearing_account_id",
            "467100",
            self.env._("Time hours - clearing account"),
            "asset_current",
            reconcile=True,
        )

    def _get_time_settlement_account(self):
        """The account the hours taken at the till are cleared against, created on first
        use in the expense class. 658900 is free in the French chart (its 658100 is
        contract penalties), in the class of other running charges."""
        return self._get_time_account_setting(
            "time_settlement_account_id",
            "658900",
            self.env._("Jars redeemed with hours"),
            "expense",
        )

    def _prepare_time_clearing_move_vals(self, journal, date, label, amount):
        """The entry that clears ``amount`` euros of hours from the clearing account to the
        settlement account (a negative amount the other way round): a till session's
        close and a payment in hours both post it."""
        self.ensure_one()
        company = self.sudo()  # sudo: accounting set-up, whoever clears
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": date,
            "ref": label,
            "line_ids": [
                Command.create(
                    {
                        "account_id": company._get_time_settlement_account().id,
                        "name": label,
                        "balance": amount,
                    }
                ),
                Command.create(
                    {
                        "account_id": company._get_time_clearing_account().id,
                        "name": label,
                        "balance": -amount,
                    }
                ),
            ],
        }

    def _get_time_account_setting(self, field_name, code, name, account_type, reconcile=False):
        """The account the company set in ``field_name``; else the one of ``code`` in its
        chart, or a new one, which becomes the setting."""
        self.ensure_one()
        company = self.sudo()  # sudo: accounting set-up, whoever triggers it
        if not company[field_name]:
            company[field_name] = company._find_or_create_account(
                code, name, account_type, reconcile=reconcile
            )
        return company[field_name]

    def _find_or_create_account(self, code, name, account_type, reconcile=False):
        """The account ``code`` of the company's chart, created when the chart lacks it."""
        self.ensure_one()
        Account = self.env["account.account"].sudo().with_company(self)  # sudo: set-up
        account = Account.search(
            [("code", "=", code), *Account._check_company_domain(self)], limit=1
        )
        return account or Account.create(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
                "reconcile": reconcile,
                "company_ids": [fields.Command.set(self.ids)],
            }
        )

    def _get_time_payment_method(self):
        """The company's POS payment method in hours, on its own journal."""
        self.ensure_one()
        Method = self.env["pos.payment.method"].sudo()  # sudo: accounting set-up
        method = Method.search(
            [("company_id", "=", self.id), ("is_time_currency", "=", True)], limit=1
        )
        if method:
            return method
        clearing = self._get_time_clearing_account()
        journal = (
            self.env["account.journal"]
            .sudo()  # sudo: accounting set-up
            .create(
                {
                    "name": self.env._("Time currency (hours)"),
                    "code": "HRS",
                    "type": "bank",
                    "company_id": self.id,
                    "default_account_id": clearing.id,
                }
            )
        )
        method = Method.create(
            {
                "name": self.env._("Hours"),
                "journal_id": journal.id,
                "company_id": self.id,
                "is_time_currency": True,
            }
        )
        # the till shows the method's name in the cashier's language, whichever
        # language created it
        for lang, _lang_name in self.env["res.lang"].get_installed():
            translate = self.with_context(lang=lang).env._
            method.with_context(lang=lang).name = translate("Hours")
            journal.with_context(lang=lang).name = translate("Time currency (hours)")
        return method
