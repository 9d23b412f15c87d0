from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_deposit = fields.Boolean(
        string="Jar deposit",
        help="The deposit charged on a returnable jar: no tax, booked to the deposit "
        "liability account, never revenue.",
    )
    deposit_product_id = fields.Many2one(
        "product.product",
        string="Deposit",
        compute="_compute_deposit_product_id",
        store=True,
        readonly=False,
        domain=[("is_deposit", "=", True)],
        help="Deposit charged with each unit: on a jar format, the deposit of that format; "
        "on a preserve, set from the jar it is sold in.",
    )
    jar_product_id = fields.Many2one(
        "product.product",
        string="Sold in jar",
        domain=[("is_jar", "=", True)],
        help="The jar format this product is sold in; it gives the product its deposit.",
    )
    deposit_jar_product_id = fields.Many2one(
        "product.product",
        string="Deposit of jar format",
        compute="_compute_deposit_jar_product_id",
        help="The jar format this deposit product stands for.",
    )

    @api.depends("jar_product_id.deposit_product_id")
    def _compute_deposit_product_id(self):
        for template in self:
            if template.jar_product_id.deposit_product_id:
                template.deposit_product_id = template.jar_product_id.deposit_product_id
            else:
                template.deposit_product_id = template.deposit_product_id

    @api.depends("product_variant_ids.deposit_jar_id")
    def _compute_deposit_jar_product_id(self):
        for template in self:
            template.deposit_jar_product_id = template.product_variant_ids[:1].deposit_jar_id

    @api.constrains("is_deposit", "deposit_product_id", "is_jar")
    def _check_deposit(self):
        for template in self:
            if template.is_deposit and template.deposit_product_id:
                raise ValidationError(
                    self.env._(
                        "The deposit product %(name)s cannot carry a deposit itself.",
                        name=template.display_name,
                    )
                )
            if template.is_deposit and template.is_jar:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be both a jar format and a deposit.",
                        name=template.display_name,
                    )
                )
            if template.is_jar and template.deposit_product_id:
                other = self.search(
                    [
                        ("id", "!=", template.id),
                        ("is_jar", "=", True),
                        ("deposit_product_id", "=", template.deposit_product_id.id),
                    ],
                    limit=1,
                )
                if other:
                    raise ValidationError(
                        self.env._(
                            "The deposit %(deposit)s already belongs to the jar format "
                            "%(jar)s: give each jar format its own deposit product.",
                            deposit=template.deposit_product_id.display_name,
                            jar=other.display_name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_deposit"):
                vals.update(self._prepare_deposit_values())
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("is_deposit"):
            vals = {**vals, **self._prepare_deposit_values()}
        return super().write(vals)

    @api.model
    def _prepare_deposit_values(self):
        """A deposit is a service without tax, sold as is, never discounted."""
        return {
            "type": "service",
            "is_storable": False,
            "taxes_id": [Command.clear()],
            "supplier_taxes_id": [Command.clear()],
            "invoice_policy": "order",
            "sale_ok": True,
            "purchase_ok": False,
        }

    def _get_product_accounts(self):
        accounts = super()._get_product_accounts()
        if self.is_deposit:
            liability = self.env.company._get_conserverie_deposit_accounts()[0]
            accounts["income"] = liability
            accounts["expense"] = liability
        return accounts

    @api.model
    def _get_facility_product_flags(self):
        return [*super()._get_facility_product_flags(), "is_deposit", "jar_product_id"]
