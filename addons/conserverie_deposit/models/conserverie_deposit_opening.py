from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class ConserverieDepositOpening(models.Model):
    """Jars a customer had out on deposit before the suite, per jar format, brought in
    with Odoo's import and posted once to the deposit ledger as jars out.

    The ledger move is dated on the opening date, so that unreturned jars are written
    off when they come of age, and returns are matched against it like any deposit.
    The liability itself is in the accountant's opening entry, not posted here.
    """

    _name = "conserverie.deposit.opening"
    _inherit = ["conserverie.opening.mixin"]
    _description = "Opening jar deposits"
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True
    _opening_key_fields = ("partner_id", "jar_product_id")
    _opening_value_fields = ("quantity",)
    _opening_link_fields = ("deposit_move_id",)

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    jar_product_id = fields.Many2one(
        "product.product",
        string="Jar format",
        required=True,
        ondelete="restrict",
        domain=[("is_jar", "=", True)],
    )
    quantity = fields.Float(
        string="Jars", required=True, digits=(16, 0), help="Jars the customer still has."
    )
    amount = fields.Monetary(
        string="Deposit owed",
        help="Deposit owed to the customer for these jars; by default the jars times the "
        "current deposit of the jar format.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit_move_id = fields.Many2one(
        "conserverie.deposit.move", string="Ledger move", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "partner_jar_company_uniq",
            "unique(partner_id, jar_product_id, company_id)",
            "A customer has one opening deposit per jar format and facility.",
        ),
        ("quantity_positive", "CHECK(quantity > 0)", "The jars out on deposit are above zero."),
    ]

    @api.model
    def _prepare_opening_vals(self, vals):
        vals = super()._prepare_opening_vals(vals)
        if vals.get("amount"):
            return vals
        jar = self.env["product.product"].browse(vals["jar_product_id"])
        # sudo: the deposit's price is read whoever imports
        return {**vals, "amount": vals["quantity"] * jar.deposit_product_id.sudo().lst_price}

    @api.model
    def _check_opening_vals(self, vals):
        jar = self.env["product.product"].browse(vals["jar_product_id"])
        if not jar.is_jar or not jar.deposit_product_id:
            raise UserError(
                self.env._(
                    "%(product)s is not a jar format with a deposit: set its deposit on "
                    "the jar format first.",
                    product=jar.display_name,
                )
            )
        if float_compare(vals.get("quantity") or 0.0, 0.0, precision_digits=0) <= 0:
            raise UserError(
                self.env._(
                    "Enter the jars %(customer)s still has (above zero).",
                    customer=self.env["res.partner"].browse(vals["partner_id"]).display_name,
                )
            )

    def _is_same_opening(self, vals):
        """The same jars, and the same deposit when the row gives one."""
        return super()._is_same_opening(vals) and (
            "amount" not in vals
            or self.currency_id.compare_amounts(self.amount, vals["amount"] or 0.0) == 0
        )

    def _get_opening_summary(self):
        return self.env._("%(jars)s jars", jars=int(self.quantity))

    def _post_opening(self):
        """The jars out, as one ``sale`` move of the deposit ledger."""
        self.ensure_one()
        deposit = self.jar_product_id.deposit_product_id
        # sudo: the ledger is only written by code, never by hand; importers link the
        # move they posted without the right to change an opening
        self.sudo().deposit_move_id = (
            self.env["conserverie.deposit.move"]
            .sudo()
            .create(
                {
                    "date": self.date,
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "move_type": "opening",
                    "deposit_product_id": deposit.id,
                    "jar_product_id": self.jar_product_id.id,
                    "quantity": self.quantity,
                    "amount": self.amount,
                    "reference": self.env._("Opening balance"),
                }
            )
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import template for jars out on deposit"),
                "template": "/conserverie_deposit/static/xls/conserverie_deposit_opening.xlsx",
            }
        ]
