from odoo import api, models
from odoo.tools.misc import formatLang


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "is_deposit", "deposit_product_id"]

    def _get_label_deposit_text(self):
        """Text printed on jar labels by conserverie_production, when installed."""
        self.ensure_one()
        deposit = self.deposit_product_id
        if not deposit:
            return ""
        amount = formatLang(self.env, deposit.lst_price, currency_obj=self.env.company.currency_id)
        return self.env._("Returnable jar: deposit %(amount)s", amount=amount)

    def _get_deposit_jar(self):
        """The jar format a deposit product stands for."""
        self.ensure_one()
        return self.product_tmpl_id.deposit_jar_product_id
