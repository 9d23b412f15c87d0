from odoo import models
from odoo.osv import expression


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _get_available_product_domain(self):
        """Deposit products are always loaded, whatever the categories shown."""
        domain = super()._get_available_product_domain()
        if not (self.limit_categories and self.iface_available_categ_ids):
            return domain
        deposits = [
            *self.env["product.product"]._check_company_domain(self.company_id),
            ("active", "=", True),
            ("available_in_pos", "=", True),
            ("is_deposit", "=", True),
        ]
        return expression.OR([domain, deposits])
