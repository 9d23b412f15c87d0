from odoo import Command, fields, models

LIABILITY_CODE = "419600"
WRITEOFF_CODE = "708600"


class ResCompany(models.Model):
    _inherit = "res.company"
    _check_company_auto = True

    deposit_liability_account_id = fields.Many2one(
        "account.account",
        string="Deposit liability account",
        check_company=True,
        help="Deposits received on returnable jars: a debt to customers (419600 in France).",
    )
    deposit_writeoff_account_id = fields.Many2one(
        "account.account",
        string="Unreturned deposits account",
        check_company=True,
        help="Income from deposits written off when jars never came back (708600 in France).",
    )
    deposit_writeoff_days = fields.Integer(
        string="Write off deposits after (days)",
        default=365,
        help="Deposits older than this and not matched by returns are proposed for write-off.",
    )

    def _get_conserverie_deposit_accounts(self):
        """The (liability, write-off) accounts, found by code or created on first use."""
        self.ensure_one()
        # sudo: accounting setup data, needed by any user selling or returning jars
        company = self.sudo()
        if not company.deposit_liability_account_id:
            company.deposit_liability_account_id = company._find_or_create_deposit_account(
                LIABILITY_CODE,
                self.env._("Deposits on returnable packaging"),
                "liability_current",
            )
        if not company.deposit_writeoff_account_id:
            company.deposit_writeoff_account_id = company._find_or_create_deposit_account(
                WRITEOFF_CODE,
                self.env._("Gains on unreturned packaging deposits"),
                "income_other",
            )
        return (
            company.deposit_liability_account_id.sudo(False),
            company.deposit_writeoff_account_id.sudo(False),
        )

    def _find_or_create_deposit_account(self, code, name, account_type):
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        account = Account.search(
            [*Account._check_company_domain(self), ("code", "=", code)], limit=1
        )
        if not account:
            account = Account.create(
                {
                    "code": code,
                    "name": name,
                    "account_type": account_type,
                    "company_ids": [Command.set(self.ids)],
                }
            )
        return account
