from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class ConserverieFacilitySetup(models.TransientModel):
    _inherit = "conserverie.facility.setup"

    deposit_amount = fields.Float(
        string="Deposit per jar",
        digits="Product Price",
        default=0.5,
        help="The deposit of a jar format that has none yet.",
    )

    @api.model
    def _get_setup_steps(self):
        return self._insert_setup_steps(
            super()._get_setup_steps(), "warehouse", [("deposits", self.env._("Jar deposits"))]
        )

    def _run_setup_deposits(self):
        company = self.company_id
        if self.deposit_amount < 0:
            raise UserError(self.env._("A jar deposit cannot be negative."))
        created = []
        accounts = (company.deposit_liability_account_id, company.deposit_writeoff_account_id)
        liability, writeoff = company._get_conserverie_deposit_accounts()
        if not all(accounts):
            created.append(
                self.env._(
                    "accounts %(liability)s and %(writeoff)s",
                    liability=liability.display_name,
                    writeoff=writeoff.display_name,
                )
            )
        jars = self.env["product.template"].search(
            [
                ("is_jar", "=", True),
                ("deposit_product_id", "=", False),
                ("company_id", "in", (False, company.id)),
            ]
        )
        category = self._get_deposit_pos_category()
        for jar in jars:
            deposit = self.env["product.product"].create(
                {
                    "name": self.env._("Deposit %(jar)s", jar=jar.name),
                    "is_deposit": True,
                    "list_price": self.deposit_amount,
                    "company_id": jar.company_id.id,
                    "available_in_pos": True,
                    "pos_categ_ids": [Command.link(category.id)],
                }
            )
            jar.deposit_product_id = deposit
            created.append(
                self.env._(
                    "%(deposit)s at %(amount)s for %(jar)s",
                    deposit=deposit.display_name,
                    amount=format_amount(self.env, self.deposit_amount, company.currency_id),
                    jar=jar.display_name,
                )
            )
        return created

    def _get_deposit_pos_category(self):
        return self._get_pos_category(
            "conserverie_deposit.pos_category_deposits", lambda env: env._("Deposits")
        )

    def _get_stall_categories(self):
        """Deposit products without a POS category get the deposits' one."""
        category = self._get_deposit_pos_category()
        self.env["product.template"].search(
            [
                ("is_deposit", "=", True),
                ("pos_categ_ids", "=", False),
                ("company_id", "in", (False, self.company_id.id)),
            ]
        ).pos_categ_ids = [Command.link(category.id)]
        return super()._get_stall_categories() | category
