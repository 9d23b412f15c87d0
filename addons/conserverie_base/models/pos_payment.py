from odoo import api, models
from odoo.exceptions import UserError

# what a payment of a paid order keeps: the takings, the ledgers and the accounts rely on it
RECORDED_FIELDS = frozenset({"amount", "payment_method_id", "pos_order_id"})


class PosPayment(models.Model):
    _inherit = "pos.payment"

    def write(self, vals):
        if RECORDED_FIELDS & set(vals):
            self._check_order_not_paid()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid_order(self):
        self._check_order_not_paid()

    def _check_order_not_paid(self):
        """Anyone who may use a till may write payments through an RPC: once the order is
        paid, its payments (cash, card, hours) never change and are never deleted. A
        refund is a new order. It holds for code running as superuser too."""
        for payment in self:
            if payment.pos_order_id.state != "draft":
                raise UserError(
                    self.env._(
                        "The payments of %(order)s are recorded and cannot change. "
                        "Refund the order instead.",
                        order=payment.pos_order_id.name,
                    )
                )
