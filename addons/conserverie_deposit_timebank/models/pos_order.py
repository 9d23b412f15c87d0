from odoo import models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _get_lines_not_payable_in_hours(self):
        """Hours never pay a jar deposit, paid or refunded."""
        return super()._get_lines_not_payable_in_hours() | self.lines.filtered("is_deposit_line")
