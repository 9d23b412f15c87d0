from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import format_hours

TIME_GROUPS = "conserverie_base.group_staff,conserverie_base.group_accountant"


class ResPartner(models.Model):
    _inherit = "res.partner"

    time_account_ids = fields.One2many(
        "conserverie.time.account", "partner_id", string="Time accounts", groups=TIME_GROUPS
    )
    time_balance = fields.Float(
        string="Hours",
        digits=(16, 4),
        compute="_compute_time_balance",
        groups=TIME_GROUPS,
        help="Balance of the time account in the current company.",
    )
    time_balance_display = fields.Char(
        string="Hours balance", compute="_compute_time_balance", groups=TIME_GROUPS
    )

    @api.depends_context("company")
    def _compute_time_balance(self):
        accounts = self.env["conserverie.time.account"].search(
            [("partner_id", "in", self.ids), ("company_id", "=", self.env.company.id)]
        )
        balances = {account.partner_id.id: account.balance for account in accounts}
        for partner in self:
            partner.time_balance = balances.get(partner.id, 0.0)
            partner.time_balance_display = format_hours(partner.time_balance)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        # members imported bring their balance through an opening balance instead
        if self._may_grant_time_welcome_credit() and not self.env.context.get("import_file"):
            partners.filtered("is_member")._grant_time_welcome_credit()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if vals.get("is_member") and self._may_grant_time_welcome_credit():
            self._grant_time_welcome_credit()
        return result

    @api.model
    def _may_grant_time_welcome_credit(self):
        """The welcome credit comes with a membership that centre staff grant: a member
        marked by a volunteer or created by a till gets it when staff confirm."""
        return self.env.su or self.env.user.has_group("conserverie_base.group_staff")

    def action_grant_time_welcome_credit(self):
        """Staff confirm the membership of members that have no welcome credit yet."""
        if not self._may_grant_time_welcome_credit():
            raise AccessError(self.env._("Only centre staff grant the welcome credit."))
        self.filtered("is_member")._grant_time_welcome_credit()
        return True

    def _grant_time_welcome_credit(self, company=None):
        """The welcome credit, once per member and company."""
        company = company or self.env.company
        hours = company.time_welcome_hours
        if hours <= 0:
            return
        # sudo: whoever marks a member, the facility grants the credit
        Account = self.env["conserverie.time.account"].sudo()
        Move = self.env["conserverie.time.move"].sudo()
        facility = Account._get_facility(company)
        for partner in self:
            if partner == company.partner_id:
                continue
            account = Account._get_for_partner(partner, company)
            reference = f"WELCOME/{account.id}"
            if Move.search_count([("transfer_ref", "=", reference)], limit=1):
                continue
            Move._post_transfer(
                facility,
                account,
                hours,
                "welcome",
                reason=self.env._("Welcome credit"),
                reference=reference,
            )

    def action_view_time_account(self):
        self.ensure_one()
        account = self.env["conserverie.time.account"]._get_for_partner(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.time.account",
            "res_id": account.id,
            "view_mode": "form",
        }
