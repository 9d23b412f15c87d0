from odoo import models
from odoo.tools.misc import formatLang


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _get_label_deposit_text(self, company=None):
        """The deposit mention on the labels of this preserve's jars, or '' without one."""
        self.ensure_one()
        deposit = self.deposit_product_id
        if not deposit:
            return ""
        currency = (company or self.env.company).currency_id
        amount = formatLang(self.env, deposit.lst_price, currency_obj=currency)
        return self.env._("Returnable jar: deposit %(amount)s", amount=amount)
