from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _get_lines_not_payable_in_hours(self):
        """Hours never pay the deposits of a sale order's invoice."""
        return super()._get_lines_not_payable_in_hours() | self.invoice_line_ids.filtered(
            lambda line: line.product_id.is_deposit
        )
