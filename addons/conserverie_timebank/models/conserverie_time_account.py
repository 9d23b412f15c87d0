from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import format_hours


class ConserverieTimeAccount(models.Model):
    _name = "conserverie.time.account"
    _description = "Time account"
    _inherit = ["mail.thread"]
    _order = "is_facility desc, partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Holder", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    is_facility = fields.Boolean(
        string="Facility account",
        readonly=True,
        help="The account of the facility itself: it issues the hours earned and receives "
        "the hours spent. Limits do not apply to it.",
    )
    balance = fields.Float(
        digits=(16, 4),
        readonly=True,
        default=0.0,
        help="Hours available, kept up to date by each move.",
    )
    balance_display = fields.Char(string="Balance (h)", compute="_compute_balance_display")
    min_balance = fields.Float(
        string="Minimum",
        digits=(16, 4),
        default=lambda self: self.env.company.time_default_min_balance,
        tracking=True,
        help="A payment taking the balance below this is refused at the till; "
        "an offline one is kept and flags the account.",
    )
    max_balance = fields.Float(
        string="Maximum",
        digits=(16, 4),
        default=lambda self: self.env.company.time_default_max_balance,
        tracking=True,
        help="Zero means no maximum.",
    )
    flagged = fields.Boolean(
        tracking=True, help="A move took the balance past a limit: a coordinator should look."
    )
    move_ids = fields.One2many("conserverie.time.move", "account_id", string="Moves")
    move_count = fields.Integer(compute="_compute_move_count")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A person has one time account per company.",
        ),
    ]

    def init(self):
        # One facility account per company.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS conserverie_time_account_facility_uniq
                ON conserverie_time_account (company_id) WHERE is_facility
            """
        )

    @api.depends("balance")
    def _compute_balance_display(self):
        for account in self:
            account.balance_display = format_hours(account.balance)

    def _compute_move_count(self):
        counts = dict(
            self.env["conserverie.time.move"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.move_count = counts.get(account, 0)

    @api.depends("partner_id", "is_facility")
    def _compute_display_name(self):
        for account in self:
            account.display_name = account.partner_id.display_name or ""

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("balance") for vals in vals_list):
            raise UserError(
                self.env._("The balance of a time account only changes through its moves.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if "balance" in vals or "is_facility" in vals:
            raise UserError(
                self.env._("The balance of a time account only changes through its moves.")
            )
        if {"partner_id", "company_id"} & set(vals) and self._has_moves():
            raise UserError(
                self.env._(
                    "The holder and the facility of a time account with moves cannot change."
                )
            )
        return super().write(vals)

    def _has_moves(self):
        # sudo: the check covers moves of any company
        return bool(
            self.env["conserverie.time.move"]
            .sudo()
            .search_count([("account_id", "in", self.ids)], limit=1)
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_moves(self):
        if self._has_moves():
            raise UserError(self.env._("A time account with moves cannot be deleted."))

    @api.model
    def _get_for_partner(self, partner, company=None):
        """The partner's account in ``company``, created on first use."""
        company = company or self.env.company
        if partner == company.partner_id:
            return self._get_facility(company)
        account = self.search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)], limit=1
        )
        if not account:
            account = self.create({"partner_id": partner.id, "company_id": company.id})
        return account

    @api.model
    def _get_for_partner_and_facility(self, partner, company=None):
        """The partner's account and the facility's, with one search (created on first
        use); both read together afterwards."""
        company = company or self.env.company
        accounts = self.search_fetch(
            [
                ("company_id", "=", company.id),
                "|",
                ("partner_id", "=", partner.id),
                ("is_facility", "=", True),
            ],
            ["partner_id", "company_id", "is_facility"],
        )
        facility = accounts.filtered("is_facility")[:1] or self._get_facility(company)
        if partner == company.partner_id:
            return facility, facility
        account = accounts.filtered(
            lambda account: account.partner_id == partner and not account.is_facility
        )[:1]
        return account or self._get_for_partner(partner, company), facility

    @api.model
    def _get_facility(self, company=None):
        """The facility's own account: it issues and takes back hours."""
        company = company or self.env.company
        account = self.search(
            [("company_id", "=", company.id), ("is_facility", "=", True)], limit=1
        )
        if not account:
            account = self.create(
                {
                    "partner_id": company.partner_id.id,
                    "company_id": company.id,
                    "min_balance": 0.0,
                    "max_balance": 0.0,
                    "is_facility": True,
                }
            )
        return account

    def _check_available(self, hours):
        """Whether ``hours`` can be taken without passing the minimum (online check)."""
        self.ensure_one()
        return self.is_facility or self.balance - hours >= self.min_balance - 0.00005

    def action_clear_flag(self):
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise UserError(self.env._("Only a coordinator clears a flag."))
        self.write({"flagged": False})
        for account in self:
            account.message_post(body=self.env._("Flag cleared."))

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_timebank.conserverie_time_move_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"search_default_group_by_month": False}
        return action

    def action_print_statement(self):
        return self.env.ref(
            "conserverie_timebank.conserverie_time_account_statement_report_action"
        ).report_action(self)

    def _get_statement_lines(self, date_from=None, date_to=None):
        """Moves of the account in date order, for the statement."""
        self.ensure_one()
        domain = [("account_id", "=", self.id)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<=", date_to))
        return self.env["conserverie.time.move"].search(domain, order="date, id")

    def _format_hours(self, hours):
        return format_hours(hours)
