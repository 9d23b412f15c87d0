from odoo import api, fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    deposit_user_template_ids = fields.One2many(
        "product.template",
        "deposit_product_id",
        string="Charged with",
        help="Jar formats and preserves that carry this deposit.",
    )
    deposit_jar_id = fields.Many2one(
        "product.product",
        string="Jar format of this deposit",
        compute="_compute_deposit_jar_id",
        store=True,
        help="On a deposit product, the jar format it stands for.",
    )

    @api.depends(
        "is_deposit",
        "deposit_user_template_ids.is_jar",
        "deposit_user_template_ids.active",
        "deposit_user_template_ids.product_variant_ids.active",
    )
    def _compute_deposit_jar_id(self):
        for product in self:
            jars = self.browse()
            if product.is_deposit:
                jars = product.deposit_user_template_ids.filtered("is_jar").product_variant_ids
            # a deposit product belongs to one jar format (product.template._check_deposit)
            product.deposit_jar_id = jars[:1]

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "is_deposit", "deposit_product_id"]

    def _get_deposit_jar(self):
        """The jar format a deposit product stands for."""
        self.ensure_one()
        return self.deposit_jar_id
