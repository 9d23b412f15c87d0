from odoo import Command, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _add_time_payment_method(self):
        """Let these points of sale take hours, with the company's method in hours."""
        for config in self:
            method = config.company_id._get_time_payment_method()
            if method not in config.payment_method_ids:
                config.payment_method_ids = [Command.link(method.id)]
